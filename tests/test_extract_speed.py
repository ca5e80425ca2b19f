"""The fast paths of drafting find what the plain patterns they stand for find: the date scan
against one pattern tried at every character, on the seeds and on random text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import draft
from factcheck.extract.readers import read_document
from tests.extract_helpers import SEEDS

#: The date pattern as drafting once ran it: an optional preposition, white space and a date,
#: in any case, tried by `finditer` from every character on.
_PLAIN_DATE = re.compile(
    r"(?:\b(?P<prep>" + "|".join(map(re.escape, draft.PREPOSITIONS)) + r")\s+)?"
    r"(?P<date>" + draft.DATE_PATTERN + ")",
    re.IGNORECASE,
)
#: Pieces of text that dates, their prepositions, near misses and odd cases are made of.
_PIECES = [
    *draft.PREPOSITIONS,
    "In",
    "SINCE",
    "As Of",
    "İn",  # a dotted capital I, which IGNORECASE takes for an i
    "ſince",  # a long s, which IGNORECASE takes for an s
    "May",
    "may",
    "dismay",
    "JUNE",
    "September",
    "Sept",
    "early",
    "mid-",
    "late",
    "the end of",
    "beginning of",
    "2022",
    "1999",
    "12",
    "3",
    "123",
    "2022-03-04",
    "21–23",
    " to ",
    "-",
    ",",
    ".",
    "x",
    "present",
]


def _plain(text: str) -> list[tuple[str, str, int]]:
    return [
        ((m.group("prep") or "").casefold(), m.group("date"), m.start("date"))
        for m in _PLAIN_DATE.finditer(text)
    ]


def test_date_width_bounds_every_date() -> None:
    # sre's own measure of the longest text the pattern can match (lookbehinds count zero).
    longest = re.compile(draft.DATE_PATTERN).pattern
    assert re._parser.parse(longest).getwidth()[1] <= draft.DATE_WIDTH  # type: ignore[attr-defined]


def test_date_scan_finds_what_the_plain_pattern_finds_in_the_seeds() -> None:
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path.read_bytes(), path.name)
        texts += [s.text for p in doc.paragraphs for s in p.sentences]
    found = [draft.date_spans(t) for t in texts]
    assert found == [_plain(t) for t in texts]
    assert sum(map(len, found)) > 50


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", " ", "  ", "\n"])),
        max_size=30,
    )
)
def test_date_scan_finds_what_the_plain_pattern_finds(pieces: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in pieces)
    assert draft.date_spans(text) == _plain(text)
