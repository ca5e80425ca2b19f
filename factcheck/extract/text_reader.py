"""Plain text: paragraphs split on blank lines, headings, footnote markers in the forms text
copied from reports and web pages uses, and the notes at the document's end.

Markers: superscript digits (`⁷²⁵`), `[12]`, `[12](#)` (a link marker copied from a web
page), and, where the document has a note of that label, `(12)` written right after a word
or a stop, and `*`, `†`, `‡`, `§`. Notes are found at the end of the document (or under a
heading such as `Notes` or `References`): lines that start with a label (`725 Reuters, …`,
`⁷²⁵ …`, `[12] …`, `12. …`, `- [726](#)` with its text on the lines after), whose label some
marker in the text uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.inline import (
    SUPERSCRIPTS,
    note_text,
    real_link,
    stated_date,
    unit_power,
    urls,
)
from factcheck.extract.sentences import ParagraphBuilder
from factcheck.extract.structure import Note, Paragraph, ParsedDocument

_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SYMBOLS = "*†‡§"
# A marker in running text: [12](#), [12], ⁷²⁵, (12) right after a word or a stop, * † ‡ §
# right after one; and a Markdown link or an address, which keep their words.
_MARKERS = (
    r"\[(?P<linked>\d{1,5})\]\([^)\s]*\)",
    r"\[(?P<bracket>\d{1,5}|[a-z])\]",
    rf"(?P<sup>[{_SUP}]+)",
    r"(?<=[^\W\d]|[.,;:!?'\"”’])\((?P<paren>\d{1,3})\)(?=[\s.,;:!?)\]]|$)",
    rf"(?<=[\w.,;:!?'\"”’)])(?P<symbol>[{_SYMBOLS}]{{1,3}})(?=[\s.,;:!?)]|$)",
)
_LINKED_WORDS = r"\[(?P<words>[^\]\n]{1,500})\]\((?P<target>[^)\s]{0,500})\)"
_URL = r"(?P<url>\b(?:https?://|www\.)[^\s<>\"'\]\[{}|]+)"
# Every match starts with one of these characters: said first, they let the regular
# expression engine skip in C to the next of them instead of trying every alternative (and
# its look-behind) at every character, seven times faster on a long text, the same matches.
INLINE_FIRST = r"(?=[\[⁰¹²³⁴⁵⁶⁷⁸⁹(*†‡§hw])"
_INLINE = re.compile(INLINE_FIRST + "(?:" + "|".join([*_MARKERS, _URL]) + ")", re.IGNORECASE)
# With Markdown links, for text that has "](" (their search costs a look at every "[").
_INLINE_LINKS = re.compile(
    INLINE_FIRST + "(?:" + "|".join([*_MARKERS, _LINKED_WORDS, _URL]) + ")", re.IGNORECASE
)
# Emphasis written with asterisks or underscores around words (*Shkola*, **bold**).
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|__?)(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")

_NOTE_START = re.compile(
    rf"""^\s*(?:[-•–]\s+|\*\s+(?=\S))?
    (?:\[(?P<bracket>\d{{1,5}}|[a-z])\](?:\([^)\s]*\))?
    |\^?(?P<sup>[{_SUP}]+)
    |\^(?P<caret>\d{{1,5}})
    |(?P<number>\d{{1,5}})(?:[.):]|(?=\s)|$)
    |(?P<symbol>[{_SYMBOLS}]{{1,3}}))
    (?:\s+|$)(?P<rest>.*)$""",
    re.VERBOSE,
)
_NOTES_HEADING = re.compile(
    r"^\W*(?:(?:foot|end)?notes|references|sources|citations|bibliography|works cited)\W*$",
    re.IGNORECASE,
)
_ATX = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_WIKI_HEADING = re.compile(r"^(={1,6})\s*(.+?)\s*\1\s*$")
_NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)+\.?\s+\S.{0,100}$")
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
_ITEM = re.compile(r"^\s*(?:[-•–*]|\d{1,3}[.)])\s+(?=\S)")


@dataclass
class _Block:
    lines: list[str]


def read_text(text: str, name: str) -> ParsedDocument:
    """A plain-text document's paragraphs, sentences, markers and notes."""
    lines = text.split("\n")
    blocks = _blocks(lines)
    referenced = _referenced_labels(text)
    first_note, trailer = _notes_region(blocks, referenced)
    notes = _notes(blocks[first_note:trailer], referenced)
    labels = frozenset(note.label for note in notes)
    paragraphs, title = _paragraphs(blocks[:first_note], labels)
    closing, _ = _paragraphs(blocks[trailer:], labels)
    return ParsedDocument(
        name=name,
        kind="text",
        title=title,
        date=stated_date(lines),
        paragraphs=(*paragraphs, *closing),
        notes=tuple(notes),
    )


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(_Block(current))
            current = []
    if current:
        blocks.append(_Block(current))
    return blocks


def _label(match: re.Match[str]) -> str:
    for group in ("linked", "bracket", "sup", "caret", "number", "paren", "symbol"):
        value = match.groupdict().get(group)
        if value:
            return value.translate(SUPERSCRIPTS)
    return ""


def _referenced_labels(text: str) -> frozenset[str]:
    """Labels of the markers that stand in running text (not at the start of a line, where
    a note's own label stands)."""
    found: set[str] = set()
    line_start = 0
    for match in _INLINE.finditer(text):
        if match.group("url") is not None:
            continue
        line_start = max(line_start, text.rfind("\n", line_start, match.start()) + 1)
        # Only the last few characters matter: a label after a bullet starts its line.
        if text[max(line_start, match.start() - 8) : match.start()].strip(" \t-•–*^") or (
            match.start() - line_start > 8
        ):
            found.add(_label(match))
    return frozenset(found)


def _note_start(line: str, referenced: frozenset[str]) -> tuple[str, str] | None:
    match = _NOTE_START.match(line)
    if match is None:
        return None
    label = _label(match)
    return (label, match.group("rest")) if label in referenced else None


def _notes_region(blocks: list[_Block], referenced: frozenset[str]) -> tuple[int, int]:
    """Where the notes are among the blocks: (first, end), blocks after `end` being a
    document's closing lines (a copyright line). (len, len) when there are none."""
    none = (len(blocks), len(blocks))
    starts = [_note_start(b.lines[0], referenced) is not None for b in blocks]
    note_after = False
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if (
            note_after
            and len(block.lines) == 1
            and _NOTES_HEADING.match(_heading_text(block.lines[0]))
        ):
            return index, len(blocks)
        note_after = note_after or starts[index]
    end = len(blocks)
    for _ in range(2):  # closing lines, unless the last is the text of a note
        if end == 0 or starts[end - 1] or (end >= 2 and starts[end - 2]):
            break
        end -= 1
    first = end
    while first > 0:
        if starts[first - 1]:
            first -= 1
        elif first >= 2 and starts[first - 2]:
            first -= 2
        else:
            break
    while first < end and not starts[first]:
        first += 1
    return (first, end) if first < end else none


def _notes(blocks: list[_Block], referenced: frozenset[str]) -> list[Note]:
    gathered: list[tuple[str, list[str]]] = []
    for block in blocks:
        for line in block.lines:
            start = _note_start(line, referenced)
            if start is not None:
                gathered.append((start[0], [start[1]] if start[1] else []))
            elif gathered:
                gathered[-1][1].append(line)
    notes: list[Note] = []
    seen: set[str] = set()
    for label, parts in gathered:
        if label in seen:
            continue
        seen.add(label)
        words, links = note_text(" ".join(parts))
        notes.append(Note(label=label, text=words, links=tuple(links)))
    return notes


def _heading_text(line: str) -> str:
    for pattern in (_ATX, _WIKI_HEADING):
        match = pattern.match(line)
        if match:
            return match.group(match.lastindex or 1).strip()
    return line.strip()


def _explicit_heading(line: str) -> str | None:
    match = _ATX.match(line) or _WIKI_HEADING.match(line)
    if match:
        return match.group(match.lastindex or 1).strip()
    if _NUMBERED_HEADING.match(line.strip()) and not line.rstrip().endswith((".", ",", ";")):
        return line.strip()
    return None


def _looks_heading(block: _Block, is_last: bool) -> str | None:
    if len(block.lines) == 2 and _UNDERLINE.match(block.lines[1]):
        return block.lines[0].strip()
    if len(block.lines) != 1 or is_last:
        return None
    line = block.lines[0].strip()
    if len(line) > 100 or len(line.split()) > 12 or _ITEM.match(line):
        return None
    if line.endswith((".", ",", ";", ":", "…", '"', "”", "’")) or _INLINE.search(line):
        return None
    return line if line[0].isupper() or line[0].isdigit() else None


def _paragraphs(blocks: list[_Block], labels: frozenset[str]) -> tuple[list[Paragraph], str | None]:
    paragraphs: list[Paragraph] = []
    section: str | None = None
    title: str | None = None
    for index, block in enumerate(blocks):
        heading = _looks_heading(block, index == len(blocks) - 1)
        if heading is not None:
            section = heading
            if title is None and not paragraphs:
                title = heading
            continue
        current: list[str] = []
        for line in block.lines:
            explicit = _explicit_heading(line)
            if explicit is not None:
                _flush(current, labels, section, paragraphs)
                current = []
                section = explicit
                if title is None and not paragraphs:
                    title = explicit
            elif _ITEM.match(line) and current:
                _flush(current, labels, section, paragraphs)
                current = [line]
            else:
                current.append(line)
        _flush(current, labels, section, paragraphs)
    return paragraphs, title


def _flush(
    lines: list[str], labels: frozenset[str], section: str | None, out: list[Paragraph]
) -> None:
    if not lines:
        return
    first = _ITEM.sub("", lines[0], count=1)
    paragraph = prose(" ".join([first, *lines[1:]]), labels, section)
    if paragraph is not None:
        out.append(paragraph)


def prose(text: str, labels: frozenset[str], section: str | None) -> Paragraph | None:
    """A paragraph of running text, its markers taken out: superscripts and bracketed
    numbers always, `(12)` and symbols only when `labels` has such a note."""
    text = _EMPHASIS.sub(r"\2", text)
    builder = ParagraphBuilder()
    done = 0
    pattern = _INLINE_LINKS if "](" in text else _INLINE
    for match in pattern.finditer(text):
        kind = match.lastgroup
        if kind == "words" or kind == "target":
            builder.text(text[done : match.start()])
            start = builder.position
            builder.text(match.group("words"))
            if real_link(match.group("target")):
                builder.link(start, match.group("target"))
        elif kind == "url":
            builder.text(text[done : match.start()])
            start = builder.position
            builder.text(match.group(0))
            for url in urls(match.group(0)):
                builder.link(start, url)
        else:
            label = _label(match)
            if not _is_marker(kind, label, labels, text, match.start()):
                continue
            builder.text(text[done : match.start()])
            builder.marker(label)
        done = match.end()
    builder.text(text[done:])
    return builder.build(section)


def _is_marker(kind: str | None, label: str, labels: frozenset[str], text: str, at: int) -> bool:
    if kind in ("paren", "symbol"):
        return label in labels
    if kind == "bracket" and len(label) == 4 and "1800" <= label <= "2099":
        return label in labels  # a year, as law reports cite: [2019] UKUT 123 (IAC)
    if kind == "sup" and label not in labels:
        return not unit_power(text[max(0, at - 4) : at], label)
    return True
