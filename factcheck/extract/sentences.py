"""Sentences of a paragraph whose footnote markers are already taken out, and the
paragraph builder every reader fills.

The splitter is rule-based: a sentence ends at `.`, `!`, `?` or `…` (with the quotes and
brackets that close after it) before a space and a word that may start a sentence; not after
an abbreviation (`Dr.`, `e.g.`, `No. 7`), an initial (`J. Blinken`), inside brackets or a
quotation. A footnote marker that stood right after the stop is taken as the end of a
sentence even after an abbreviation (`in the U.S.⁵ The`), since a writer puts a marker where
a sentence ends.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from factcheck.extract.structure import Paragraph, Sentence

_ABBREVIATED = """
    mr mrs ms dr prof st sr jr gen col lt sgt capt maj cmdr adm gov sen rep rev hon pres
    no nos nr vs v cf ca approx fig figs p pp vol vols ed eds art arts para paras sec ch
    chap inc ltd co corp dept univ est op cit ibid al jan feb mar apr jun jul aug sep sept
    oct nov dec mt tel
"""
_NUMBERED = "no nos nr p pp vol vols art arts para paras sec ch fig figs"
#: Words that end with a full stop without ending a sentence (compared in lower case).
ABBREVIATIONS = frozenset(_ABBREVIATED.split())
#: Abbreviations after which a number follows, so that `No. 7` never ends a sentence.
_BEFORE_NUMBER = frozenset(_NUMBERED.split())

# A stop, what closes after it, then space: a place where a sentence may end.
_END = re.compile(r"(?:[.!?…]+|\.\.\.)[\"'”’»)\]}]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.\-]*)$")
_DOTTED = re.compile(r"(?:\w\.){2,}$")
_OPENERS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»", "„": "“"}
_QUOTING = re.compile(r'["()\[\]{}“”«»„]')


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans within brackets or quotation marks that close in the same paragraph (a
    sentence does not end inside them)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for found in _QUOTING.finditer(text):
        i, ch = found.start(), found.group()
        if ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i))
                straight = None
        elif ch in _OPENERS and not (ch == "„" and stack and stack[-1][0] == "„"):
            stack.append((ch, i))
        elif stack and ch == _OPENERS[stack[-1][0]]:
            spans.append((stack.pop()[1], i))
        elif ch in ")]}»”" and stack:
            # A closer that matches an opener further down: the ones above never closed.
            for depth in range(len(stack) - 1, -1, -1):
                if _OPENERS[stack[depth][0]] == ch:
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return spans


def _may_start(text: str, pos: int) -> bool:
    """Whether the word at `pos` may start a sentence: a capital, a digit, or an opening
    quote or bracket before one."""
    while pos < len(text) and text[pos] in "\"'“‘«([¿¡—–-":
        pos += 1
    if pos >= len(text):
        return False
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.islower())


def split(text: str, hints: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) offsets, spaces around them left out.

    `hints` are offsets where a footnote marker stood: a stop right before one ends a
    sentence even after an abbreviation or an initial.
    """
    spans = _merged(_quoted_spans(text)) if _QUOTING.search(text) else []
    starts = [start for start, _ in spans]
    pieces: list[tuple[int, int]] = []
    begin = 0
    for match in _END.finditer(text):
        end = match.end()
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        if after >= len(text) or not _may_start(text, after):
            continue
        if end in hints or _stops_sentence(text, match.start(), text[after]):
            if _inside(spans, starts, end - 1):
                continue
            pieces.append((begin, end))
            begin = after
    pieces.append((begin, len(text)))
    result = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            result.append((start, end))
    return result


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans made disjoint: those that overlap joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    index = bisect_right(starts, pos) - 1
    return index >= 0 and spans[index][0] < pos < spans[index][1]


def _stops_sentence(text: str, stop: int, following: str) -> bool:
    """Whether the stop at `stop` ends a sentence, judged by the word before it."""
    if text[stop] != ".":
        return True
    if text.startswith("...", stop):
        return True
    word = _WORD_BEFORE.search(text, max(0, stop - 40), stop)
    before = word.group(1) if word else ""
    if not before:
        return True
    if _DOTTED.search(text, max(0, stop - 40), stop + 1):
        return False  # e.g., U.S., i.e.
    bare = before.rsplit("-", 1)[-1]
    if len(bare) == 1 and bare.isalpha() and bare.isupper():
        return False  # an initial
    lower = bare.lower()
    if lower in _BEFORE_NUMBER:
        return not following.isdigit()
    return lower not in ABBREVIATIONS


@dataclass
class ParagraphBuilder:
    """A paragraph written piece by piece: text (its spaces made single), the markers met
    between the pieces, and the links of its words."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    markers: list[tuple[int, str]] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    _space: bool = False

    def text(self, piece: str) -> None:
        """Add words; any run of spaces or line breaks becomes one space."""
        if not piece:
            return
        words = piece.split()
        if not words:
            self._space = self.length > 0
            return
        joined = " ".join(words)
        # "lasted [5]." leaves "lasted ." unless the space before the marker goes too.
        closes = joined[0] in ".,;:!?)]}" and not piece[0].isspace()
        if (self._space or piece[0].isspace()) and self.length and not closes:
            self.parts.append(" ")
            self.length += 1
        self.parts.append(joined)
        self.length += len(joined)
        self._space = piece[-1].isspace()

    def marker(self, label: str) -> None:
        """A footnote marker at this point of the text."""
        self.markers.append((self.length, label))

    def link(self, start: int, url: str) -> None:
        """A link on the text written since `start` (an offset from `position`)."""
        self.links.append((start, self.length, url))

    @property
    def position(self) -> int:
        return self.length + (1 if self._space and self.length else 0)

    def empty(self) -> bool:
        return not self.length and not self.markers

    def build(self, section: str | None) -> Paragraph | None:
        """The paragraph, or None when it holds no words."""
        if not self.length:
            return None
        return make_paragraph("".join(self.parts), self.markers, self.links, section)


def make_paragraph(
    text: str,
    markers: list[tuple[int, str]],
    links: list[tuple[int, int, str]],
    section: str | None,
) -> Paragraph:
    """A paragraph of `text`, markers (offset, label) attached to the sentence they follow
    or stand in, links (start, end, url) to the sentence they start in."""
    offsets = split(text, frozenset(pos for pos, _ in markers))
    sentence_markers: list[list[str]] = [[] for _ in offsets]
    sentence_links: list[list[str]] = [[] for _ in offsets]
    starts = [start for start, _ in offsets]
    for pos, label in markers:
        index = max(0, bisect_left(starts, pos) - 1)
        if label not in sentence_markers[index]:
            sentence_markers[index].append(label)
    for start, _, url in links:
        index = max(0, bisect_left(starts, start + 1) - 1)
        if url not in sentence_links[index]:
            sentence_links[index].append(url)
    sentences = tuple(
        Sentence(text[s:e], s, e, tuple(m), tuple(k))
        for (s, e), m, k in zip(offsets, sentence_markers, sentence_links, strict=True)
    )
    return Paragraph(text, sentences, section)
