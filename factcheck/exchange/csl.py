"""The bibliography as CSL-JSON, the format Zotero, pandoc and every citeproc read.

Each source becomes one CSL item. Fields are kept as written, except where CSL wants a
structure: names are split into family and given only where the text says which is which
(`Family, Given`), else kept whole as a `literal`; a date becomes `date-parts` to the
precision it was written with (day, month or year), else it is kept as a `literal`. The
mapping, and what it leaves out, is in docs/exchange.md.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.corpus import Corpus
from factcheck.errors import ValueParseError
from factcheck.exchange.common import read_on, web_link
from factcheck.identifiers import canonical, doi
from factcheck.model import Source, SourceKind
from factcheck.sources import source_date
from factcheck.values import Time

#: The CSL item type of each kind of source; a source of no kind is a web page when it
#: has a link, else a document.
CSL_TYPE = {
    SourceKind.media: "article-newspaper",
    SourceKind.ngo: "report",
    SourceKind.government: "report",
    SourceKind.court: "legal_case",
    SourceKind.interview: "interview",
    SourceKind.report: "report",
    SourceKind.academic: "article-journal",
    SourceKind.encyclopedia: "entry-encyclopedia",
    SourceKind.other: "document",
}
#: Types whose publisher is the outlet the work appeared in (`container-title`).
_IN_CONTAINER = {"article-newspaper", "article-journal", "entry-encyclopedia", "webpage"}

# `Family, Given`: one comma, words on both sides, no digits (not `Report, 2021`).
_INVERTED = re.compile(r"^(?P<family>[^,\d]+?),\s*(?P<given>[^,\d]+)$")
_PAGES = re.compile(r"^(?:pp?\.|pages?)\s*", re.I)


def csl_items(corpus: Corpus, sources: list[Source] | None = None) -> list[dict[str, Any]]:
    """The sources (by default every source of the corpus, by id) as CSL-JSON items."""
    chosen = sources if sources is not None else [corpus.sources[s] for s in sorted(corpus.sources)]
    return [csl_item(s) for s in chosen]


def csl_item(source: Source) -> dict[str, Any]:
    """One source as a CSL-JSON item."""
    url = web_link(source.url)
    kind = CSL_TYPE[source.kind] if source.kind else ("webpage" if url else "document")
    item: dict[str, Any] = {"id": source.id, "type": kind}
    if source.title:
        item["title"] = source.title
    if source.author:
        item["author"] = names(source.author)
    if source.publisher:
        item["container-title" if kind in _IN_CONTAINER else "publisher"] = source.publisher
    if source.date and (issued := csl_date(source.date)) is not None:
        item["issued"] = issued
    if url:
        item["URL"] = url
    if source.identifier:
        item.update(_identifier(source.identifier))
    if source.pages:
        item["page"] = _PAGES.sub("", source.pages)
    if source.language:
        item["language"] = source.language
    if source.accessed and (accessed := csl_date(read_on(source.accessed))):
        item["accessed"] = accessed
    if archived := web_link(source.archive_url):
        item["note"] = f"Archived copy: {archived}"
    return item


def names(written: str) -> list[dict[str, str]]:
    """Authors as CSL names. A list separated by semicolons is split; each name written
    `Family, Given` becomes family and given, any other (`Anna Petrova`, `Amnesty
    International`, a name in a script whose order is not known) stays whole as a literal:
    which word is the family name cannot be told from the words alone."""
    people = [p.strip() for p in written.split(";")] if ";" in written else [written.strip()]
    found: list[dict[str, str]] = []
    for person in filter(None, people):
        m = _INVERTED.match(person)
        if m and m["family"].strip() and m["given"].strip():
            found.append({"family": m["family"].strip(), "given": m["given"].strip()})
        else:
            found.append({"literal": person})
    return found


def csl_date(written: str) -> dict[str, Any] | None:
    """A date as written, as a CSL date: `date-parts` for a day, a month or a year, a
    `literal` for anything else (a season, a range, `around May`, words factcheck cannot
    read), None for a source marked undated (`n.d.`)."""
    try:
        when = source_date(written)
    except ValueParseError:
        return {"literal": written}
    if when is None:
        return None
    parts = date_parts(when)
    return {"date-parts": [parts]} if parts else {"literal": written}


def date_parts(when: Time) -> list[int] | None:
    """A time's year, month and day as far as it was written, or None for a span that is
    not one day, one month or one year."""
    if when.start is None or when.minutes is not None:
        return None
    start = when.start
    match when.precision:
        case "day":
            return [start.year, start.month, start.day]
        case "month":
            return [start.year, start.month]
        case "year":
            return [start.year]
    return None


def _identifier(text: str) -> dict[str, str]:
    """A DOI or an ISBN in its CSL field; any other identifier (a report number) as the
    item's `number`."""
    if found := doi(text):
        return {"DOI": found}
    named = canonical(text)
    if named.startswith("isbn:"):
        return {"ISBN": named.removeprefix("isbn:")}
    if named.startswith("issn:"):
        from stdnum import issn

        return {"ISSN": issn.format(named.removeprefix("issn:"))}  # 0317-8471, as printed
    return {"number": text}
