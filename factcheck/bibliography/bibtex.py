"""BibTeX and BibLaTeX (Better BibTeX's export), read by bibtexparser 2.

bibtexparser splits the file into blocks, each with its line, keeps a block it cannot parse
as a failed block with the reason, and resolves `@string` macros; names are split by its
BibTeX-aware name functions, and LaTeX (`{\\"u}`, `--`, braces) is turned into text by
pylatexenc, the decoder bibtexparser itself uses. Links, DOIs and dates are not decoded: a
`%` or `~` in a link is part of it, not LaTeX.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from factcheck.bibliography.items import (
    Item,
    Name,
    clean,
    date_words,
    identifier,
    iso_date,
    language,
    month_number,
    names,
    pages,
    set_kind,
)
from factcheck.errors import FactcheckError, InputError, Problem
from factcheck.model import SourceKind

if TYPE_CHECKING:
    from bibtexparser.model import Entry
    from pylatexenc.latex2text import LatexNodes2Text

#: Fields that name the container of a part (a journal, a newspaper, a book, a website).
_CONTAINER = ("journaltitle", "journal", "booktitle", "maintitle")
#: Fields that name who published a whole work.
_PUBLISHER = ("publisher", "institution", "organization", "school")
#: BibLaTeX's `entrysubtype` of an `@article` that is not a journal's.
_SUBTYPES = {"newspaper": SourceKind.media, "magazine": SourceKind.media}
_LINK = re.compile(r"https?://\S+")


def read_bibtex(text: str, file: str) -> list[Item]:
    """The entries of a BibTeX or BibLaTeX file, each with its line. A block bibtexparser
    could not parse, a key or field written twice, is a problem naming its line; all of
    them are reported together (`InputError`) and nothing is imported."""
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.model import (
        DuplicateBlockKeyBlock,
        DuplicateFieldKeyBlock,
        Entry,
        ParsingFailedBlock,
    )

    with _quiet("bibtexparser", "pylatexenc"):
        library = parse_string(text)
    problems = []
    for block in library.blocks:
        if not isinstance(block, ParsingFailedBlock):
            continue
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            earlier = block.previous_block.start_line
            at = f" (first at line {earlier + 1})" if earlier is not None else ""
            message = f"key '{block.key}' is used by two entries{at}; give each its own key"
        elif isinstance(block, DuplicateFieldKeyBlock):
            twice = ", ".join(sorted(block.duplicate_keys))
            owner = block.ignore_error_block
            name = owner.key if isinstance(owner, Entry) else "?"
            message = f"entry '{name}' gives {twice} twice; keep one"
        else:
            reason = getattr(block.error, "abort_reason", None) or str(block.error)
            head = (block.raw or "").split("\n", 1)[0].strip()[:60]
            message = f"BibTeX syntax error in `{head}`: {clean(reason)}"
        problems.append(Problem(message, file, line))
    if problems:
        raise InputError(problems)
    entries = library.entries
    if not entries:
        raise FactcheckError(
            "no BibTeX entries (`@article{key, …}`) in this file", file=file, line=1
        )
    with _quiet("pylatexenc"):
        return [_item(entry, file) for entry in entries]


def _item(entry: Entry, file: str) -> Item:
    values = {f.key.lower(): f.value for f in entry.fields if isinstance(f.value, str)}
    record_type = entry.entry_type.lower()
    line = (entry.start_line or 0) + 1
    item = Item(file, line, entry.key.strip() or None, f"@{record_type}")
    fields = item.fields
    title = _decoded(values, "title")
    if title:
        fields["title"] = title
    author = _people(values.get("author"), item) or _people(values.get("editor"), item)
    if author:
        fields["author"] = author
    container = next((d for k in _CONTAINER if (d := _decoded(values, k))), None)
    outlet = container or next((d for k in _PUBLISHER if (d := _decoded(values, k))), None)
    if outlet:
        fields["publisher"] = outlet
    when = _date(values)
    if when:
        fields["date"] = when
    if values.get("urldate", "").strip():
        fields["accessed"] = iso_date(values["urldate"])
    url = clean(values.get("url", ""))
    if not url and (link := _LINK.search(values.get("howpublished", ""))):
        url = link.group().rstrip("}")
    if url:
        fields["url"] = url
    if values.get("pages", "").strip():
        fields["pages"] = pages(_latex(values["pages"]))
    lang = values.get("langid") or values.get("language")
    if lang and lang.strip():
        fields["language"] = language(_latex(lang))
    found = identifier(
        values.get("doi"), values.get("isbn"), values.get("issn"), in_container=bool(container)
    )
    if found is None and record_type in ("report", "techreport") and values.get("number"):
        found = clean(values["number"])
    if found:
        fields["identifier"] = found
    subtype = _SUBTYPES.get(values.get("entrysubtype", "").strip().lower())
    set_kind(item, "bibtex", subtype)
    return item


def _date(values: dict[str, str]) -> str | None:
    """BibLaTeX's ISO `date`, else `year` with `month` and `day` as written."""
    if values.get("date", "").strip():
        return iso_date(values["date"])
    year = clean(values.get("year", ""))
    if not year:
        return None
    month = month_number(values.get("month", "")) if values.get("month") else None
    day = clean(values.get("day", ""))
    if year.isdigit() and (month is None or 1 <= month <= 12):
        return date_words(int(year), month, int(day) if day.isdigit() and month else None)
    return clean(" ".join(p for p in (day, values.get("month", ""), year) if p))


def _people(value: str | None, item: Item) -> str | None:
    """An `and`-separated list of names, each given name first, braces and LaTeX as text."""
    if not value or not value.strip():
        return None
    from bibtexparser.middlewares.names import (
        InvalidNameError,
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    people = []
    for written in split_multiple_persons_names(value):
        try:
            parts = parse_single_name_into_parts(written)
        except InvalidNameError:
            people.append(Name(literal=_latex(written)))
            continue
        family = " ".join([*parts.von, *parts.last, *parts.jr])
        people.append(Name(family=_latex(family), given=_latex(" ".join(parts.first))))
    return names(people, item)


def _decoded(values: dict[str, str], key: str) -> str | None:
    value = values.get(key)
    return (_latex(value) or None) if value else None


#: What LaTeX can make of a text besides braces: commands, math, ties, comments, dashes,
#: quotes. A text with none of these is its words without the braces.
_LATEX = re.compile(r"[\\$~%]|--|``|''")


@lru_cache(maxsize=1 << 16)  # names recur across a library
def _latex(text: str) -> str:
    """LaTeX as the text it prints: accents, dashes, braces and `\\url` resolved, math kept as
    written. Never executed: pylatexenc reads no file and runs no command."""
    if not _LATEX.search(text):
        return clean(text.replace("{", "").replace("}", ""))
    to_text, context = _decoder()
    from pylatexenc.latexwalker import LatexWalker

    try:
        walker = LatexWalker(text, latex_context=context, tolerant_parsing=True)
        return clean(to_text.nodelist_to_text(walker.get_latex_nodes()[0]))
    except RecursionError:  # commands nested thousands deep: the text as written, unbraced
        return clean(text.replace("{", "").replace("}", ""))


@lru_cache(maxsize=1)
def _decoder() -> tuple[LatexNodes2Text, Any]:
    """pylatexenc's decoder with `\\url{x}` as `x`, and the parser's context, made once
    (making them takes longer than decoding a title)."""
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
    from pylatexenc.latexwalker import get_default_latex_context_db as walker_context

    context = get_default_latex_context_db()
    context.add_context_category(
        "factcheck-links", prepend=True, macros=[MacroTextSpec("url", simplify_repl="%s")]
    )
    return LatexNodes2Text(latex_context=context, math_mode="verbatim"), walker_context()


@contextmanager
def _quiet(*loggers: str) -> Iterator[None]:
    """The parsers' own log messages silenced: factcheck reports each problem itself."""
    found = [logging.getLogger(name) for name in loggers]
    before = [logger.level for logger in found]
    for logger in found:  # their modules' loggers inherit the level
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(found, before, strict=True):
            logger.setLevel(level)
