"""One claim a search found: its record, the fields the query's words were found in, how it
was found, and a snippet of its text with those words marked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from factcheck.search_match import Terms
from factcheck.terms import term, words


@dataclass(frozen=True)
class Hit:
    """One claim found, with its score and where the words were found.

    `via` is "words" for a claim that holds the query's words, "topic" for one that shares
    its subject and property with such claims (or whose property's name or definition
    matched), ranked after them."""

    id: str
    score: float
    document: str
    document_title: str | None
    footnotes: str
    subject: str
    property: str
    claimant: str | None
    stance: str
    value: str
    text: str
    location: str | None
    snippet: tuple[tuple[str, bool], ...]
    matched_in: tuple[str, ...]
    via: Literal["words", "topic"] = "words"


def _matches(word: str, terms: Terms) -> bool:
    t = term(word)
    return t in terms.hits or any(t.startswith(p) for p in terms.prefixes)


def hit(
    row: dict[str, object], terms: Terms, score: float, via: Literal["words", "topic"] = "words"
) -> Hit:
    text = str(row["text"])
    matched_in = tuple(
        name
        for name, value in (
            ("text", text),
            ("claimant", row["claimant"]),
            ("subject", row["subject_text"]),
            ("property", row["property_text"]),
            ("sources", row["sources"]),
        )
        if value and any(_matches(m.group(), terms) for m in words(str(value)))
    )
    return Hit(
        id=str(row["id"]),
        score=score,
        document=str(row["document"]),
        document_title=_opt(row["document_title"]),
        footnotes=str(row["footnotes"]),
        subject=str(row["subject"]),
        property=str(row["property"]),
        claimant=_opt(row["claimant"]),
        stance=str(row["stance"]),
        value=str(row["value"]),
        text=text,
        location=_opt(row["location"]),
        snippet=snippet(text, terms),
        matched_in=matched_in,
        via=via,
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def snippet(text: str, terms: Terms, width: int = 12) -> tuple[tuple[str, bool], ...]:
    """Keyword in context: about `width` words either side of the first match, with the
    matching words marked. The claim's opening when nothing in the text matched."""
    found = list(words(text))
    marks = [i for i, m in enumerate(found) if _matches(m.group(), terms)]
    centre = marks[0] if marks else 0
    first, last = max(0, centre - width), min(len(found), centre + width + 1)
    if not found:
        return ((text, False),)
    start = found[first].start() if first else 0
    end = found[last - 1].end() if last < len(found) else len(text)
    pieces: list[tuple[str, bool]] = []
    if first:
        pieces.append(("…", False))
    cursor = start
    marked = set(marks)
    for i in range(first, last):
        m = found[i]
        if m.start() > cursor:
            pieces.append((text[cursor : m.start()], False))
        pieces.append((m.group(), i in marked))
        cursor = m.end()
    pieces.append((text[cursor:end], False))
    if last < len(found):
        pieces.append(("…", False))
    return tuple(p for p in pieces if p[0])
