"""Retracted and withdrawn works: a list the user supplies, and the sources and claims that
rest on them (FC701, FC702).

The list is a CSV file with a DOI, link or title column; the open Retraction Watch data is
read as it is (`OriginalPaperDOI`, `URLS`, `Title`, `RetractionNature`, `RetractionDate`).
Where a list says what each entry is, corrections and expressions of concern are left out:
only retractions and withdrawals count. Nothing is fetched: the list is what the user gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import identifiers
from factcheck.checks import Finding, found
from factcheck.corpus import Corpus
from factcheck.lists import Row, read_rows
from factcheck.model import Source
from factcheck.sources import norm_name, norm_url, real_link, source_groups

_ROLES = {
    "doi": ("doi", "originalpaperdoi", "originaldoi", "paperdoi", "articledoi"),
    "url": ("url", "urls", "link", "links", "originalurl"),
    "title": ("title", "originaltitle", "papertitle", "articletitle"),
    "nature": ("nature", "retractionnature", "status", "kind"),
    "date": ("date", "retractiondate"),
}
# A title matches only when it is long enough to name one work: `Editorial` or `Reply`
# would match many.
_TITLE_WORDS = 4


@dataclass(frozen=True)
class Retracted:
    """An entry of the list: where it is, and what it says of the work."""

    file: str
    line: int
    nature: str
    date: str

    def describe(self, how: str) -> str:
        said = ", ".join(p for p in (self.nature, self.date) if p)
        return f"{self.file}:{self.line}, by {how}" + (f": {said}" if said else "")


@dataclass
class Retractions:
    """A list of retracted or withdrawn works, by DOI, link and title."""

    by_doi: dict[str, Retracted] = field(default_factory=dict)
    by_url: dict[str, Retracted] = field(default_factory=dict)
    by_title: dict[str, Retracted] = field(default_factory=dict)
    left_out: int = 0

    def find(self, source: Source) -> tuple[Retracted, str] | None:
        """The entry a source is, and what matched (`DOI`, `link`, `title`), or None."""
        for text in (source.identifier, source.url):
            if text and (doi := identifiers.doi(text)) and doi in self.by_doi:
                return self.by_doi[doi], "DOI"
        if source.url and real_link(source.url):
            entry = self.by_url.get(norm_url(source.url))
            if entry is not None:
                return entry, "link"
        if source.title and (key := _title_key(source.title)):
            entry = self.by_title.get(key)
            if entry is not None:
                return entry, "title"
        return None


def _title_key(title: str) -> str | None:
    key = norm_name(title)
    return key if len(key.split()) >= _TITLE_WORDS else None


def _counts(row: Row) -> bool:
    """Whether an entry is a retraction or withdrawal (an entry that does not say, does)."""
    nature = row.get("nature").lower()
    return not nature or any(w in nature for w in ("retract", "withdraw", "removal", "removed"))


def read_retractions(path: Path) -> Retractions:
    """The list at `path`; a `FactcheckError` naming file and line if it cannot be read."""
    found = Retractions()
    rows = read_rows(path, _ROLES, what="retraction list", needs=[("doi", "url", "title")])
    for row in rows:
        if not _counts(row):
            found.left_out += 1
            continue
        entry = Retracted(row.file, row.line, row.get("nature"), row.get("date"))
        if doi := identifiers.doi(row.get("doi")):
            found.by_doi.setdefault(doi, entry)
        for url in re.split(r"[;\s]+", row.get("url")):
            if real_link(url):
                found.by_url.setdefault(norm_url(url), entry)
        if key := _title_key(row.get("title")):
            found.by_title.setdefault(key, entry)
    return found


def retraction_findings(corpus: Corpus, retractions: Retractions) -> Iterator[Finding]:
    """FC701 for each source on the list; FC702 for each claim resting on one (directly, or
    through a source that relays it or another record of it), with its independent sources
    left."""
    listed: dict[str, tuple[Retracted, str]] = {}
    for sid, source in sorted(corpus.sources.items()):
        match = retractions.find(source)
        if match is not None:
            listed[sid] = match
            entry, how = match
            yield found(
                "FC701",
                corpus.where("sources", sid),
                sid,
                f"on the list of retracted works ({entry.describe(how)})",
            )
    if not listed:
        return
    groups = source_groups(corpus)
    tainted: dict[str, list[str]] = defaultdict(list)
    for sid in listed:
        tainted[groups[sid]].append(sid)
    for cid, claim in sorted(corpus.claims.items()):
        sources = corpus.sources_of(claim)
        own = {groups[s.id] for s in sources if s.id in groups}
        hit = sorted(own & tainted.keys())
        if not hit:
            continue
        works = sorted({sid for g in hit for sid in tainted[g]})
        left = len(own) - len(hit)
        rest = (
            f"{left} independent source{'' if left == 1 else 's'} left"
            if left
            else ("no independent source left")
        )
        named = ", ".join(f"'{w}'" for w in works)
        yield found(
            "FC702",
            corpus.where("claims", cid),
            cid,
            f"rests on retracted {named}; {rest}",
        )
