"""One bibliography record on its way to a claim file's source, and the mapping of its fields
that every format shares: names, dates, pages, identifiers, language, kind.

Each reader (`csl`, `bibtex`, `ris`) turns its records into `Item`s: where the record is
(file, line), its citation key and type as written, and the `Source` fields it maps to.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from factcheck.identifiers import doi as read_doi
from factcheck.model import SourceKind


@dataclass
class Item:
    """One record of a bibliography file: where it is, its citation key and type as the
    file writes them, and the claim-file `Source` fields it maps to (id not yet chosen)."""

    file: str
    line: int
    key: str | None
    type: str
    fields: dict[str, str] = field(default_factory=dict)
    #: What was noticed while mapping it (an unknown type, an unreadable date).
    notes: list[str] = field(default_factory=list)
    #: The first author's name as an id is made from it (`Name.short`).
    first_author: str = ""

    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Name:
    """A person's or body's name: family and given names, or one name as written whole."""

    family: str = ""
    given: str = ""
    literal: str = ""

    def short(self) -> str:
        """The name an id is made from: the family name; for a body written whole, the
        initials of its capitalised words (`Human Rights Watch`: `hrw`), or its first word."""
        if self.family or not self.literal:
            return self.family or self.given
        capitals = [w[0] for w in self.literal.split() if w[:1].isupper()]
        return "".join(capitals) if len(capitals) > 1 else self.literal.split()[0]

    def written(self) -> str:
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.given, self.family) if p)


def names(people: Iterable[Name], item: Item | None = None) -> str | None:
    """Authors as one text, given name first, separated by `; ` as claim files write them;
    the first one's short name kept on `item`, for its id."""
    people = list(people)
    if item is not None and people and not item.first_author:
        item.first_author = people[0].short()
    written = [w for w in (" ".join(p.written().split()) for p in people) if w]
    return "; ".join(written) or None


def clean(text: object) -> str:
    """A field's text on one line: runs of white space (line breaks of a wrapped field
    included) as one space."""
    return " ".join(str(text).split())


# --------------------------------------------------------------------------------- kinds

#: The kind of source each record type is, by format; a type none of them names is `other`,
#: with a note. Books, chapters, theses and conference papers are scholarly forms
#: (`academic`); a researcher may change any kind once imported.
_KINDS: dict[SourceKind, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # kind: (CSL-JSON types, BibTeX / BibLaTeX types, RIS types)
    SourceKind.academic: (
        ("article-journal", "article", "book", "chapter", "thesis", "paper-conference"),
        (
            "article",
            "book",
            "mvbook",
            "inbook",
            "bookinbook",
            "incollection",
            "collection",
            "mvcollection",
            "inproceedings",
            "proceedings",
            "mvproceedings",
            "conference",
            "thesis",
            "phdthesis",
            "mastersthesis",
        ),
        (
            "JOUR",
            "JFULL",
            "EJOUR",
            "ABST",
            "INPR",
            "BOOK",
            "EBOOK",
            "EDBOOK",
            "CHAP",
            "ECHAP",
            "CONF",
            "CPAPER",
            "THES",
            "SER",
        ),
    ),
    SourceKind.media: (
        (
            "article-newspaper",
            "article-magazine",
            "broadcast",
            "post",
            "post-weblog",
            "motion_picture",
            "song",
        ),
        ("video", "audio", "movie", "music"),
        ("NEWS", "MGZN", "BLOG", "VIDEO", "SOUND", "MPCT", "ADVS"),
    ),
    SourceKind.report: (
        ("report", "standard"),
        ("report", "techreport", "manual", "standard"),
        ("RPRT", "STAND"),
    ),
    SourceKind.government: (
        ("legislation", "bill", "regulation", "treaty", "hearing"),
        ("legislation", "legal", "law", "legislature"),
        ("GOVDOC", "BILL", "STAT", "HEAR", "LEGAL"),
    ),
    SourceKind.court: (("legal_case",), ("jurisdiction", "case"), ("CASE",)),
    SourceKind.interview: (
        ("interview", "personal_communication"),
        ("interview", "letter"),
        ("PCOMM",),
    ),
    SourceKind.encyclopedia: (
        ("entry-encyclopedia", "entry-dictionary", "entry"),
        ("inreference", "reference", "mvreference"),
        ("ENCYC", "DICT"),
    ),
    SourceKind.other: (
        (
            "webpage",
            "document",
            "manuscript",
            "pamphlet",
            "dataset",
            "software",
            "patent",
            "map",
            "graphic",
            "speech",
            "performance",
            "event",
            "classic",
            "collection",
            "periodical",
            "review",
            "review-book",
        ),
        (
            "online",
            "www",
            "electronic",
            "misc",
            "unpublished",
            "booklet",
            "dataset",
            "software",
            "patent",
            "artwork",
            "image",
            "performance",
            "set",
            "xdata",
            "review",
            "periodical",
            "suppperiodical",
        ),
        (
            "GEN",
            "ELEC",
            "PRESS",
            "DATA",
            "AGGR",
            "UNPB",
            "PAMP",
            "COMP",
            "PAT",
            "MAP",
            "ART",
            "CTLG",
            "MANSCPT",
            "MUSIC",
            "ICOMM",
        ),
    ),
}

_FORMATS = {"csl": 0, "bibtex": 1, "ris": 2}


def _table(fmt: str) -> dict[str, SourceKind]:
    column = _FORMATS[fmt]
    table: dict[str, SourceKind] = {}
    for kind, types in _KINDS.items():
        for name in types[column]:
            table.setdefault(name, kind)
    return table


KIND_TABLES: Mapping[str, dict[str, SourceKind]] = {fmt: _table(fmt) for fmt in _FORMATS}


def kind_of(fmt: str, record_type: str) -> SourceKind | None:
    """The kind of source a record type of a format is, or None for a type the table does
    not name (the caller maps it to `other` with a note)."""
    key = record_type.upper() if fmt == "ris" else record_type.lower()
    return KIND_TABLES[fmt].get(key)


def set_kind(item: Item, fmt: str, kind: SourceKind | None = None) -> None:
    """The item's kind: `kind` when the caller knows it better, else from its type by the
    format's table; a type the table does not name is `other`, with a note."""
    name = item.type.removeprefix("@")
    found = kind or (kind_of(fmt, name) if name else None)
    if found is None:
        what = _NAMES[fmt]
        item.notes.append(
            f"type '{item.type}' is not a {what} type; imported as kind 'other'"
            if name
            else "no type; imported as kind 'other'"
        )
    item.fields["kind"] = found.value if found else SourceKind.other.value


_NAMES = {"csl": "CSL", "bibtex": "BibTeX", "ris": "RIS"}


def kinds_table() -> list[tuple[SourceKind, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """The whole table, kind by kind, for the documentation and its test."""
    return [(kind, *types) for kind, types in _KINDS.items()]


# --------------------------------------------------------------------------------- dates

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
#: CSL's seasons, written as months 13 to 16.
_SEASONS = {13: "spring", 14: "summer", 15: "autumn", 16: "winter"}
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def date_words(year: int, month: int | None = None, day: int | None = None) -> str:
    """A date as claim files write it: `5 March 2020`, `March 2020`, `2020`.
    Numbers that are no date (month 17, day 45, year 0) are kept as numbers, so that
    `factcheck check` names them."""
    if not 0 < year < 10000 or (day is not None and not 0 < day < 32):
        # Not a date: its numbers as written, for `factcheck check` to name.
        return "-".join(str(p) for p in (year, month, day) if p is not None)
    if month is None:
        return str(year)
    if not 1 <= month <= 12:
        return "-".join(str(p) for p in (year, month, day) if p is not None)
    name = calendar.month_name[month]
    return f"{name} {year}" if day is None else f"{day} {name} {year}"


def month_number(text: str) -> int | None:
    """The month a BibTeX `month` or a date part names: `3`, `03`, `mar`, `March`."""
    text = text.strip().strip(".").lower()
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text)


def iso_date(text: str) -> str:
    """An ISO 8601 date or range (BibLaTeX's `date`, `2020-03-05`, `2020-03`,
    `2020-03-05/2020-03-07`) in words; anything else as written."""
    parts = text.strip().split("/")
    if len(parts) > 2:
        return clean(text)
    words = []
    for part in parts:
        m = _ISO.match(part.strip())
        if not m:
            return clean(text)
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        words.append(date_words(year, month, day))
    return " – ".join(words)


def parts_date(parts: Iterable[Iterable[object]]) -> str | None:
    """CSL's `date-parts` (one date, or two for a range) in words; None when empty or not
    numbers."""
    words = []
    for part in parts:
        numbers = [int(str(p).strip()) for p in part if str(p).strip().lstrip("-").isdigit()]
        if not numbers:
            continue
        year, month, day = [*numbers, None, None][:3]
        assert year is not None
        if month in _SEASONS and day is None and 0 < year < 10000:
            words.append(f"{_SEASONS[month]} {year}")
        else:
            words.append(date_words(year, month, day))
    if len(words) == 2 and words[0] == words[1]:
        words = words[:1]
    return " – ".join(words) or None


# ----------------------------------------------------------------------- other fields


def pages(text: str) -> str:
    """Pages as claim files write them: `pp. 30–33` for a range, `p. 30` for one page."""
    text = clean(text).replace("--", "–")
    if re.match(r"^(pp?\.|pages?\b)", text, re.I):
        return text
    return f"pp. {text}" if re.search(r"[-–—,]", text) else f"p. {text}"


_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.I)


def doi(text: str) -> str | None:
    """A DOI as `10.…/…` in the case written (DOIs ignore case; publishers write it one
    way), from any way records write it (a doi.org link, `doi:`); None if it is not one."""
    text = clean(text)
    return _DOI_PREFIX.sub("", text) if read_doi(text) else None


_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$", re.I)


def language(text: str) -> str:
    """A language code: a code as written (`en`, `en-GB`), a name (`English`, BibLaTeX's
    `langid = {english}`) as its ISO 639 code where pycountry knows it, else as written."""
    text = clean(text)
    if _CODE.match(text):
        return text.replace("_", "-")
    try:
        return _code(text)
    except LookupError:
        return text


def _code(name: str) -> str:
    import pycountry

    found = pycountry.languages.lookup(name)
    return str(getattr(found, "alpha_2", None) or found.alpha_3)


def identifier(
    doi_text: str | None, isbn: str | None, issn: str | None, *, in_container: bool
) -> str | None:
    """The identifier of the work itself: its DOI, else its ISBN or ISSN, but only for a
    record that is not part of a container (an article's ISSN and a chapter's ISBN name the
    journal and the book: two articles of one journal would look like one work)."""
    if doi_text:
        return doi(doi_text) or clean(doi_text)
    if in_container:
        return None
    if isbn:
        return f"ISBN {clean(isbn).split()[0]}"
    if issn:
        return f"ISSN {clean(issn).split()[0]}"
    return None
