"""Property tests: whatever text arrives, the loader and the value parsers either read it or
raise `FactcheckError`; no other exception may reach the user."""

from __future__ import annotations

import pickle
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.corpus import Corpus
from factcheck.errors import FactcheckError, ValueParseError
from factcheck.loading import load_corpus
from factcheck.model import NO_SCOPE, Citation, CitationRow, Claim, ClaimRow, Footnote, FootnoteRow
from factcheck.quantities import parse_quantity
from factcheck.reading import _read_file as read_claim_file
from factcheck.times import parse_time
from factcheck.values import NoValue, Quantity, Time

MODEST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of claim files, so that random text often gets past the YAML parser and into
# validation and reference resolution.
_YAML_FRAGMENTS = [
    "claims:",
    "sources:",
    "footnotes:",
    "properties:",
    "subjects:",
    "documents:",
    "claim:",
    "- ",
    "  - id: a",
    "    document: rep",
    "    text: t",
    "    subject: s",
    "    property: p",
    "    value: ",
    "    footnotes: [1, 2]",
    "  - document: rep",
    "    label: '1'",
    "    cites: [{source: x}]",
    "    kind: count",
    "&a ",
    "*a",
    "<<: *a",
    "!!python/object:os.system",
    "!!binary",
    "? ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "|",
    ">",
    "---",
    "...",
    "%YAML 1.1",
    "#",
    "\t",
    "\x00",
    "\x1b[31m",
    "\ufeff",
    "\u2028",
    ".inf",
    ".nan",
    "-0x1F",
    "0o777",
    "1_000",
    "2022-13-45",
    "9" * 5000,
    "1e400",
    "null",
    "~",
    "yes",
]
_JSON_FRAGMENTS = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"claims"',
    '"sources"',
    '"id"',
    '"value"',
    '"text"',
    "null",
    "true",
    "1e999",
    "-0",
    "9" * 5000,
    '"\\ud800"',
    '"\\u0000"',
    "\ufeff",
    "\n",
]
_NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:_}".replace("_", "\u202f")),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
)


def _joined(fragments: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(fragments), st.text(max_size=12), _NUMBERS)
    return st.lists(piece, max_size=40).map(lambda parts: "".join(parts))


YAMLISH = st.one_of(
    st.text(max_size=300),
    _joined(_YAML_FRAGMENTS),
    st.lists(_joined(_YAML_FRAGMENTS), max_size=12).map("\n".join),
)
JSONISH = st.one_of(st.text(max_size=300), _joined(_JSON_FRAGMENTS))

_VALUE_WORDS = [
    "around",
    "about",
    "nearly",
    "more than",
    "up to",
    "at least",
    "between",
    "from",
    "and",
    "to",
    "–",
    "-",
    "—",
    "+",
    "%",
    "per cent",
    "million",
    "thousand",
    "hundred",
    "k",
    "bn",
    "twenty-five",
    "one",
    "a",
    "hundreds of thousands",
    "several thousand",
    "mid-",
    "mid",
    "early",
    "late",
    "the end of",
    "first half of",
    "since",
    "until",
    "as of",
    "never",
    "ongoing",
    "31",
    "29",
    "0",
    "00",
    "0000",
    "9999",
    "10000",
    "13",
    "february",
    "sept",
    "october",
    "june",
    "2022",
    "0000-01-01",
    "2022-02-30",
    "1.1.0000",
    "1,5",
    "261,000",
    "1.000.000",
    "900 000",
    "\u00a0",
    "\u202f",
    "\u2212",
    ".",
    ",",
    " ",
]
VALUE_TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(_VALUE_WORDS), _NUMBERS), max_size=8).map(" ".join),
)


def _load(data: bytes, suffix: str) -> Corpus | FactcheckError:
    """Load one file holding `data`: the corpus, or the `FactcheckError` it was refused with."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"claims{suffix}"
        path.write_bytes(data)
        try:
            return load_corpus([path])
        except FactcheckError as exc:
            return exc


@MODEST
@given(text=YAMLISH, suffix=st.sampled_from([".yaml", ".yml"]))
@example(text="claims:\n  - id: a\n    value: " + "1" * 5000 + "\n", suffix=".yaml")
@example(text="claims: " + "[" * 5000 + "]" * 5000, suffix=".yaml")
def test_any_yaml_text_loads_or_raises_factcheck_error(text: str, suffix: str) -> None:
    assert isinstance(_load(text.encode(), suffix), Corpus | FactcheckError)


@MODEST
@given(text=JSONISH)
@example(text="\ufeff{}")
@example(text='{"claims": ' + "[" * 5000 + "]" * 5000 + "}")
def test_any_json_text_loads_or_raises_factcheck_error(text: str) -> None:
    assert isinstance(_load(text.encode(), ".json"), Corpus | FactcheckError)


@MODEST
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".yaml", ".json"]))
def test_any_bytes_load_or_raise_factcheck_error(data: bytes, suffix: str) -> None:
    assert isinstance(_load(data, suffix), Corpus | FactcheckError)


@MODEST
@given(text=VALUE_TEXT)
@example(text="more than 500%")
@example(text="over 200 per cent")
def test_parse_quantity_gives_an_interval_around_its_point(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except ValueParseError:
        return
    assert isinstance(quantity, Quantity)
    assert quantity.low <= quantity.high
    if quantity.point is not None:
        assert quantity.low <= quantity.point <= quantity.high


@MODEST
@given(text=VALUE_TEXT, year=st.one_of(st.none(), st.integers(min_value=1, max_value=9999)))
@example(text="0000-01-01", year=None)
@example(text="1.1.0000", year=None)
@example(text="0000-06", year=None)
@example(text="early " * 2000 + "2022", year=None)
def test_parse_time_gives_a_span_or_no_value(text: str, year: int | None) -> None:
    try:
        when = parse_time(text, year=year)
    except ValueParseError:
        return
    assert isinstance(when, Time | NoValue)
    if isinstance(when, Time):
        assert when.low <= when.high


def test_a_loaded_claim_holds_exactly_what_its_file_says() -> None:
    """The corpus holds claims as `ClaimRow` tuples, not pydantic instances: the same
    fields in the same order, the same values (lists as tuples), unchangeable."""
    assert ClaimRow._fields == tuple(Claim.model_fields)
    corpus = load_corpus(None)
    files = [read_claim_file(Path(f)) for f in corpus.files]
    written = {c.id: c for f in files if f is not None for c in f.content.claims}
    assert set(written) == set(corpus.claims)
    for cid, row in corpus.claims.items():
        assert isinstance(row, ClaimRow)
        held = row._asdict()
        held.update(
            scope=dict(row.scope),
            footnotes=list(row.footnotes),
            sources=list(row.sources),
            derived_from=list(row.derived_from),
        )
        assert held == written[cid].model_dump()
    unscoped = [row for row in corpus.claims.values() if not row.scope]
    assert unscoped and all(row.scope is NO_SCOPE for row in unscoped)
    with pytest.raises(AttributeError):
        unscoped[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        unscoped[0].scope["where"] = "here"  # type: ignore[index]


def test_a_claim_row_crosses_processes_unchanged() -> None:
    """Workers send rows to the loading process by pickle; the shared empty scope (which
    does not pickle) arrives as itself, a given scope as given."""
    corpus = load_corpus(None)
    rows = list(corpus.claims.values())
    assert any(row.scope for row in rows) and any(not row.scope for row in rows)
    back = pickle.loads(pickle.dumps(rows))
    assert back == rows
    assert all(type(row) is ClaimRow for row in back)
    assert all(row.scope is NO_SCOPE for row in back if not row.scope)


def test_a_loaded_footnote_holds_exactly_what_its_file_says() -> None:
    assert FootnoteRow._fields == tuple(Footnote.model_fields)
    assert CitationRow._fields == tuple(Citation.model_fields)
    corpus = load_corpus(None)
    files = [read_claim_file(Path(f)) for f in corpus.files]
    written = {
        (n.document, n.label): n for f in files if f is not None for n in f.content.footnotes
    }
    assert written and set(written) == set(corpus.footnotes)
    for key, row in corpus.footnotes.items():
        assert isinstance(row, FootnoteRow)
        assert all(isinstance(c, CitationRow) for c in row.cites)
        held = row._asdict()
        held["cites"] = [c._asdict() for c in row.cites]
        assert held == written[key].model_dump()
