"""The fast paths of extract do what the plain ways they stand for do: the date scan against
one pattern tried at every character, the number pattern on case-folded text against the
same pattern in any case, the marker patterns that name their first character against the
same patterns without it, and the YAML written through libyaml against PyYAML's own."""

from __future__ import annotations

import re
from datetime import date

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import claim_file, draft, markdown_reader, pdf_reader, text_reader
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


_QUANTITY_PIECES = [
    *_PIECES,
    "About",
    "MORE THAN",
    "Between",
    "and",
    "Thousands",
    "Hundreds of thousands",
    "Dozens",
    "One",
    "million",
    "Per Cent",
    "%",
    "300 000",
    "1,200",
    "4.5",
    "Soldiers",
    "Men",
    "'",
    "’",
]


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_QUANTITY_PIECES), st.sampled_from(["", " ", " ", "\n"])),
        max_size=30,
    )
)
def test_number_pattern_on_folded_text_finds_what_it_finds_in_any_case(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(a + b for a, b in pieces)
    any_case = re.compile(draft._QUANTITY.pattern, re.IGNORECASE)
    groups = ("q", "n", "after")
    found = [
        [m.span(g) for g in groups] for m in draft._QUANTITY.finditer(text.translate(draft._FOLD))
    ]
    assert found == [[m.span(g) for g in groups] for m in any_case.finditer(text)]


#: Pieces of text the marker patterns of the readers look at, in cases and scripts that
#: `re.IGNORECASE` folds (a Kelvin sign, a long s, a dotted capital I).
_MARKER_PIECES = [
    *"[]()^*†‡§\\`!<>/.,;:?\"'”’“‘-_~",
    *"⁰¹²³⁴⁵⁶⁷⁸⁹",
    "12",
    "7",
    "2019",
    "12345",
    "a",
    "Word",
    "CO",
    "HTTP",
    "https://",
    "www.",
    "WWW.",
    "example.org/1",
    "\u212a",
    "ſ",
    "İ",
    "](#)",
    "[^n]",
    "<b>",
    "``",
]

_PREFIXED = [
    (text_reader._INLINE, text_reader.INLINE_FIRST),
    (text_reader._INLINE_LINKS, text_reader.INLINE_FIRST),
    (markdown_reader._INLINE, markdown_reader.INLINE_FIRST),
    (markdown_reader._INLINE_LINKS, markdown_reader.INLINE_FIRST),
    (pdf_reader._GLUED, "(?=\\d)"),
]


def _unprefixed(pattern: re.Pattern[str], first: str) -> re.Pattern[str]:
    assert pattern.pattern.startswith(first + "(?:") and pattern.pattern.endswith(")")
    return re.compile(pattern.pattern[len(first) + 3 : -1], pattern.flags)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*_MARKER_PIECES, " ", "\n"]), max_size=40))
def test_marker_patterns_naming_their_first_character_find_what_they_find_without(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    for pattern, first in _PREFIXED:
        plain = _unprefixed(pattern, first)
        got = [(m.span(), m.groupdict(), m.groups()) for m in pattern.finditer(text)]
        assert got == [(m.span(), m.groupdict(), m.groups()) for m in plain.finditer(text)]


def test_marker_patterns_find_the_markers_of_the_seeds_as_without_their_first_character() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    found = 0
    for text in texts:
        for pattern, first in _PREFIXED:
            got = [m.span() for m in pattern.finditer(text)]
            assert got == [m.span() for m in _unprefixed(pattern, first).finditer(text)]
            found += len(got)
    assert found > 100


def test_yaml_of_a_draft_file_is_what_pyyaml_writes() -> None:
    doc = read_document((SEEDS / "wikipedia-2022-russian-mobilization.txt").read_bytes(), "w.txt")
    content = claim_file.draft_file([doc])
    # Odd values too: numbers, null, a date, quoting, a long line, nested records.
    content["odd"] = [1, 0.05, 1e-7, True, None, date(2024, 5, 1), "yes", "", "- a", "a " * 80]
    content["nested"] = {"k": [{"x": []}, {}], 1: "a number as key"}
    expected = yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    assert claim_file.dump(content) == expected
    assert len(content["claims"]) > 50


def test_yaml_of_a_next_line_character_reads_back_as_written() -> None:
    # PyYAML's own emitter wrote U+0085 raw, and it read back as a space; libyaml escapes it.
    content = {"claims": [{"text": "one\x85two\u2028three"}]}
    assert yaml.safe_load(claim_file.dump(content)) == content


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True
