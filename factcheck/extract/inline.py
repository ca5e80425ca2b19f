"""What readers of every format share: links written in a note, a date stated near the top
of a document, and note labels written in superscript digits."""

from __future__ import annotations

import re

#: Superscript digits and the digits they stand for.
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'\]\[{}|]+", re.IGNORECASE)
_TRAILING = ".,;:!?)»”’'\""
_MD_LINK = re.compile(r"(!?)\[([^\]\n]{0,500})\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A date as documents write it: 21 September 2022, September 21, 2022, 2022-09-21.
DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
_DATE_LINE = re.compile(
    rf"^\W*(?:(?:published|updated|last updated|date|dated|as of)\b[\s:,-]*)?({DATE.pattern})\W*$",
    re.IGNORECASE,
)


_DATE_OPENING = re.compile(
    rf"^(?:published|updated|last updated|dated)\b[\s:,-]*({DATE.pattern})(?!\w)"
    # A report's dateline: the date, then its number in brackets (`August 15, 2025 (R48632)`).
    rf"|^({DATE.pattern})\s*\([A-Z\d][\w./-]{{0,29}}\)",
    re.IGNORECASE,
)

_UNIT = re.compile(r"(?:\b[kcmd]?m|\bft|\bin|\bmi)$")


def unit_power(before: str, label: str) -> bool:
    """Whether a superscript 2 or 3 right after `before` is a square or a cube (`40 km²`),
    not a note's marker."""
    return label in ("2", "3") and bool(_UNIT.search(before[-4:]))


def words(text: str) -> frozenset[str]:
    """The words of a list written as text."""
    return frozenset(text.split())


def urls(text: str) -> list[str]:
    """The web addresses written in `text`, in order, each once."""
    found: dict[str, None] = {}
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        if url.count("(") < url.count(")"):
            url = url[: url.rfind(")")]
        found[url] = None
    return list(found)


def real_link(target: str) -> bool:
    """Whether a link target leads somewhere (not `#`, an anchor of the page, nor script)."""
    target = target.strip()
    return bool(target) and not target.startswith("#") and not _unsafe(target)


def _unsafe(target: str) -> bool:
    return target.lower().replace(" ", "").startswith(("javascript:", "data:", "vbscript:"))


def note_text(text: str) -> tuple[str, list[str]]:
    """A note's words and links: a Markdown link `[words](url)` becomes its words, its url
    one of the links, as do the addresses written out."""
    links: dict[str, None] = {}

    def words(match: re.Match[str]) -> str:
        if real_link(match.group(3)):
            links[match.group(3)] = None
        return match.group(2)

    plain = _MD_LINK.sub(words, text)
    links.update(dict.fromkeys(urls(plain)))
    return " ".join(plain.split()), list(links)


def stated_date(lines: list[str]) -> str | None:
    """The date a document states for itself on a line of its own near its top (`Published
    12 March 2024`, or the date alone), as written; else one that opens a line with the word
    that says so (`Updated September 23, 2026 (95-1013)`, a block of a web page's head), or
    with the report's number after it (`August 15, 2025 (R48632) Jump to …`)."""
    for line in lines[:40]:
        match = _DATE_LINE.match(line.strip())
        if match:
            return match.group(1)
    for line in lines[:40]:
        match = _DATE_OPENING.match(line.strip())
        if match:
            return match.group(1) or match.group(2)
    return None
