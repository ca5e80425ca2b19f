"""Sources from the notes of a document: who published what, when, where, and which pages.

A note is read in the order citations are usually written (publisher or author, title,
date, link, pages), several sources in one note separated by `;`. A citation template's
fields (`{{cite web |title=…}}`) are used as they are. `Ibid.` and a repeated citation of
one work give one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extract.structure import Note
from factcheck.extract.words import slug

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE = re.compile(
    rf"^(?:\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{1,2}}, \d{{4}}|{_MONTH} \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{4})$"
)
_PAGES = re.compile(r"^pp?\.\s*\S+$")
_LINK = re.compile(r"\[[^\]]*\]\(([^)]*)\)")
_URL = re.compile(r"^(?:https?://\S+|#|url)$", re.IGNORECASE)
# `Klain D.`, `Gorenburg D. et al`, `Smith, J.`: a surname with initials is an author.
_AUTHOR = re.compile(r"^[A-Z][\w'’-]+(?:,)? (?:[A-Z]\.\s?)+(?:et al\.?)?$")
_IBID = re.compile(r"^\s*(?:ibid|ibidem)\b\.?,?\s*(.*)$", re.IGNORECASE)
_INTERVIEW = re.compile(r"\binterview\b", re.IGNORECASE)
_REPORT_NUMBER = re.compile(r"^(?:Report|Working Paper|Paper|Briefing) No\.? ?\S+.*$")

#: Template field names (Wikipedia's citation templates) and the source field they fill.
_TEMPLATE_FIELDS = {
    "publisher": "publisher",
    "website": "publisher",
    "work": "publisher",
    "newspaper": "publisher",
    "agency": "publisher",
    "author": "author",
    "last": "author",
    "title": "title",
    "date": "date",
    "url": "url",
    "pages": "pages",
    "page": "pages",
    "access-date": "accessed",
    "accessdate": "accessed",
    "archive-url": "archive_url",
    "language": "language",
}


@dataclass(frozen=True)
class CitedWork:
    """One source read from a note, and the pages the note cites of it."""

    fields: dict[str, str]
    pages: str | None

    @property
    def key(self) -> tuple[str, ...]:
        """What makes two citations one work: publisher or author, title and date."""
        f = self.fields
        return tuple(
            re.sub(r"\W+", " ", f.get(k, "")).strip().casefold()
            for k in ("publisher", "author", "title", "date")
        )


def read_note(note: Note, previous: list[CitedWork]) -> list[CitedWork]:
    """The works a note cites; `previous` is what the note before it cited (for `Ibid.`)."""
    if note.fields:
        return [_from_template(note)]
    works = []
    for part in _split(note.text):
        ibid = _IBID.match(part)
        if ibid and previous:
            pages = _pages_in(ibid.group(1))
            works.append(CitedWork(previous[-1].fields, pages or previous[-1].pages))
            continue
        work = _from_text(part, note.links)
        if work is not None:
            works.append(work)
    return works


@dataclass
class SourceIds:
    """Readable source ids, each unique: who published it and when, numbered on a repeat
    (the number each base's next repeat takes is kept, so many alike cost no search)."""

    given: set[str] = field(default_factory=set)
    repeats: dict[str, int] = field(default_factory=dict)

    def new(self, work: CitedWork) -> str:
        f = work.fields
        who = f.get("publisher") or f.get("author") or f.get("title") or "source"
        base = slug(" ".join(who.split()[:3])) or "source"
        if f.get("date"):
            base = f"{base}-{slug(f['date'])}"
        found, n = base, self.repeats.get(base, 2)
        while found in self.given:
            found, n = f"{base}-{n}", n + 1
        self.given.add(found)
        self.repeats[base] = n
        return found


def _split(text: str) -> list[str]:
    """Parts of a note separated by `;`, leaving alone a `;` inside brackets or quotes."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _pages_in(text: str) -> str | None:
    found = re.search(r"\bpp?\.\s*[\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?", text)
    return found.group(0) if found else None


def _from_template(note: Note) -> CitedWork:
    fields: dict[str, str] = {}
    for name, value in note.fields.items():
        target = _TEMPLATE_FIELDS.get(name.strip().casefold())
        if target and value.strip() and target not in fields:
            fields[target] = value.strip()
    if "first" in note.fields and "author" in fields:
        fields["author"] = f"{fields['author']}, {note.fields['first'].strip()}"
    if "url" not in fields and note.links:
        fields["url"] = note.links[0]
    pages = fields.pop("pages", None)
    if pages and not pages.startswith("p"):
        pages = f"p. {pages}"
    return CitedWork(fields, pages)


def _from_text(part: str, note_links: tuple[str, ...]) -> CitedWork | None:
    links = _LINK.findall(part)
    text = _LINK.sub("url", part)
    pieces = [p.strip() for p in re.split(r",\s+", text)]
    dated = [i for i, p in enumerate(pieces) if _DATE.match(p)]
    # A comma inside a title (`Despite huge manpower losses, how is …`) splits it: pieces
    # are sorted into kinds first, and what is left between the first and the date is title.
    fields: dict[str, str] = {}
    pages = None
    rest: list[str] = []
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        if _PAGES.match(piece):
            pages = piece
        elif _URL.match(piece):
            url = links[0] if links else (note_links[0] if note_links else piece)
            fields.setdefault("url", url if url != "url" else "#")
        elif dated and i == dated[-1]:
            fields["date"] = piece
        elif _REPORT_NUMBER.match(piece):
            fields["identifier"] = piece
        else:
            rest.append(piece)
    if not rest:
        return None
    interview = bool(_INTERVIEW.search(part))
    first = rest[0]
    if interview:
        fields["author"] = first
        fields["title"] = ", ".join(rest[1:]) or first
        fields["kind"] = "interview"
    elif _AUTHOR.match(first) and len(rest) >= 3:
        fields["author"] = first
        fields["publisher"] = rest[-1]
        fields["title"] = ", ".join(rest[1:-1])
    elif _AUTHOR.match(first) and len(rest) == 2:
        fields["author"] = first
        fields["title"] = rest[1]
    else:
        # The publisher comes first; a comma inside a title (`Despite huge manpower
        # losses, how is …`) keeps the rest together.
        if len(rest) == 1:
            fields["title"] = first
        else:
            fields["publisher"] = first
            fields["title"] = ", ".join(rest[1:])
    if "url" not in fields and note_links and not interview:
        fields["url"] = note_links[0]
    return CitedWork(fields, pages)
