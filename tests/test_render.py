"""Every output format, and hostile text passing through each of them as text."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.citations import run_checks
from factcheck.conflicts import find_conflicts
from factcheck.loading import load_corpus
from factcheck.records import conflict_view
from factcheck.render import Format, Style, renderer
from factcheck.render.data import report_data
from factcheck.render.text import markdown_cell, plain
from factcheck.report import build_report
from factcheck.workspace import Workspace

HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m | <script>alert(1)</script>\nnext =1+1 @a"

VOCAB = """
subjects:
  - {id: s, name: "S [b]name[/b]"}
properties:
  - {id: p, name: P, definition: a count, kind: count}
documents:
  - {id: d, title: "D"}
sources:
  - {id: src, publisher: "=HYPERLINK(\\"x\\")", title: "T"}
footnotes:
  - {document: d, label: "1", cites: [{source: src}]}
"""


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        return [s for item in data for s in _strings(item)]
    return []


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    claims = [
        {
            "id": "h1",
            "document": "d",
            "text": HOSTILE,
            "subject": "s",
            "property": "p",
            "value": "100",
            "claimant": HOSTILE,
            "footnotes": ["1"],
        },
        {
            "id": "h2",
            "document": "d",
            "text": "plain",
            "subject": "s",
            "property": "p",
            "value": "900",
            "claimant": "[link=http://x]y[/link]",
            "footnotes": ["1"],
        },
    ]
    (tmp_path / "v.yaml").write_text(VOCAB, encoding="utf-8")
    # A misspelt country in a hostile publisher: its finding quotes the publisher.
    sources = [{"id": "src2", "publisher": f"{HOSTILE} Demark", "title": "T2"}]
    (tmp_path / "c.json").write_text(
        json.dumps({"claims": claims, "sources": sources}), encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_renders_every_view(fmt: Format, mini: Path) -> None:
    corpus = load_corpus([mini])
    module = renderer(fmt)
    report = find_conflicts(corpus, explain=True)
    findings = run_checks(load_corpus([mini], strict=False), today=date(2026, 11, 21))
    for text in (
        module.conflicts(conflict_view(corpus, report, module.PER_SIDE, explain=True), Style()),
        module.claims(Workspace([mini]).claims(), Style()),
        module.claim(Workspace([mini]).claim("early"), Style()),
        module.findings(findings, Style()),
        "".join(module.report(build_report(load_corpus([mini], strict=False)), Style())),
    ):
        assert isinstance(text, str) and text.strip()


class _Counted(Sequence[dict[str, Any]]):
    """A report's claims that count how many records have been made."""

    def __init__(self, records: Sequence[dict[str, Any]]) -> None:
        self.records, self.made = records, 0

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, index: Any) -> Any:
        record = self.records[index]  # past the end, IndexError ends the iteration
        self.made += 1
        return record


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.table])
def test_a_report_is_written_as_it_is_made(fmt: Format, mini: Path) -> None:
    """Each claim's record is made when its part of the report is written, never all
    before the first part (a report on a million claims is not held whole)."""
    report = build_report(load_corpus([mini], strict=False))
    claims = _Counted(report.claims)
    pieces = renderer(fmt).report(dataclasses.replace(report, claims=claims), Style())
    next(pieces)
    assert claims.made == 0
    text = "".join(pieces)
    assert claims.made == len(claims) > 1
    assert all(c["id"] in text for c in report.claims)


def test_the_json_report_in_pieces_is_the_whole_document(mini: Path) -> None:
    report = build_report(load_corpus([mini], strict=False))
    data = {k: list(v) if isinstance(v, Iterator) else v for k, v in report_data(report).items()}
    whole = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    assert "".join(renderer(Format.json).report(report, Style())) == whole
    assert json.loads(whole)["claims"]


@pytest.mark.parametrize("fmt", list(Format))
def test_hostile_text_stays_text(fmt: Format, hostile: Path) -> None:
    corpus = load_corpus([hostile])
    module = renderer(fmt)
    report = find_conflicts(corpus)
    assert len(report.conflicts) == 1
    findings = run_checks(load_corpus([hostile], strict=False), today=date(2026, 11, 21))
    assert any(HOSTILE in f.message for f in findings)
    outputs = [
        module.findings(findings, Style(color=True, width=400)),
        module.conflicts(
            conflict_view(corpus, report, module.PER_SIDE), Style(color=True, width=400)
        ),
        module.claims(Workspace([hostile]).claims(), Style(color=True, width=400)),
        module.claim(Workspace([hostile]).claim("h1"), Style(color=True, width=400)),
    ]
    for out in outputs:
        if fmt is Format.json:
            assert any(HOSTILE in text for text in _strings(json.loads(out)))  # kept exactly
            continue
        assert "\x1b[31m" not in out and "\x1b[0mred" not in out
        if fmt is Format.csv:
            cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
            assert any(cell.startswith("'=HYPERLINK") for cell in cells) or "HYPERLINK" not in out
        if fmt is Format.table:
            assert "[bold red]x[/]" in out  # shown literally, not turned into style
        if fmt is Format.markdown:
            assert "<script>" not in out
            assert "\\<script\\>" in out
            for line in out.splitlines():
                if line.startswith("|"):
                    cells = line.strip("|").split(" | ")
                    assert all("|" not in c.replace("\\|", "") for c in cells)


def test_plain_strips_controls_and_newlines() -> None:
    assert plain("a\x1b[31mb\x1b[0m\x07c\nd\r\ne") == "abc d e"
    assert plain(None) == ""


def test_markdown_cell_escapes() -> None:
    assert markdown_cell("a|b") == "a\\|b"
    assert markdown_cell("<b>") == "\\<b\\>"
    assert markdown_cell("-x") == "\\-x"
    assert markdown_cell("*x* & [y](z)") == "\\*x\\* &amp; \\[y\\]\\(z\\)"


def test_a_source_without_publisher_is_named_by_its_author() -> None:
    from factcheck.render.data import source_line, source_name

    source = {"publisher": None, "author": "Ward, C.", "title": "The War", "date": "1931"}
    assert source_name(source) == "Ward, C."
    assert source_line(source) == "Ward, C., The War, 1931"
    assert source_name({**source, "publisher": "Macmillan"}) == "Macmillan"
    assert source_name({**source, "author": None}) == "?"


@settings(max_examples=500)
@given(st.text())
def test_plain_text_is_one_printable_line(text: str) -> None:
    """Whatever goes in, what comes out has no escape, control character or line break,
    and printable text comes out as it went in."""
    shown = plain(text)
    assert not any(ch in shown for ch in "\x1b\n\r\t\x00\x7f\x85\u2028\u2029")
    if text.isprintable():
        assert shown == text


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(data=_JSON, long=st.integers(min_value=0, max_value=3))
def test_json_in_pieces_is_laid_out_as_a_whole_dump(data: Any, long: int) -> None:
    """Whichever lists are written item by item, the text is orjson's own layout."""
    from factcheck.render import json_format

    before = json_format._LONG
    json_format._LONG = long
    try:
        text = "".join(json_format._pieces(data, ""))
    finally:
        json_format._LONG = before
    assert text == orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
