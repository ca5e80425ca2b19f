"""What a reader of an exported report sees in its tables: every table that lists claims
shows each claim's stance and its words, quoted, with the footnote that cites them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def _run(*args: str) -> str:
    result = runner.invoke(app, [*args, "--today", "2026-11-21"] if args[0] == "export" else args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _claims(folder: Path) -> dict[str, dict[str, object]]:
    data = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in data["claims"]}


class _Tables(HTMLParser):
    """Every table of a page as rows of cell texts, the header row first."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _markdown_tables(text: str) -> list[list[list[str]]]:
    """Every table of a Markdown text as rows of cell texts (markup and escapes read as
    CommonMark reads them), the header row first."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[list[str]]] = []
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            tables.append([])
        elif t.type == "tr_open":
            tables[-1].append([])
        elif t.type in ("th_open", "td_open"):
            inline = tokens[i + 1]
            words = [c.content for c in inline.children or [] if c.type in ("text", "code_inline")]
            tables[-1][-1].append("".join(words))
    return tables


def _page_tables(fmt: str, *args: str) -> list[list[list[str]]]:
    out = _run(*args, "-f", fmt)
    if fmt == "html":
        parser = _Tables()
        parser.feed(out)
        return parser.tables
    return _markdown_tables(out)


def _claim_rows(tables: list[list[list[str]]]) -> list[dict[str, str]]:
    """The rows of every table that lists claims (it has a Claimant column), by column."""
    rows = []
    for header, *body in tables:
        if "Claimant" in header:
            rows += [dict(zip(header, row, strict=True)) for row in body]
    return rows


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize("command", ["export", "conflicts", "claims"])
def test_every_claim_table_shows_the_stance_and_the_quoted_text(
    fmt: str, command: str, mini: Path
) -> None:
    claims = _claims(mini)
    tables = _page_tables(fmt, command, "-c", str(mini))
    listing = [t for t in tables if "Claimant" in t[0]]
    assert listing
    assert all({"Stance", "Quote"} <= set(t[0]) for t in listing)
    rows = _claim_rows(tables)
    by_claimant = {c["claimant"]: c for c in claims.values()}
    checked = set()
    for row in rows:
        claim = by_claimant[row["Claimant"]]
        assert row["Stance"] == claim.get("stance", "asserts")
        text = " ".join(str(claim["text"]).split())
        notes = ", ".join(claim.get("footnotes", []))
        assert re.fullmatch(
            rf"“{re.escape(text)}” \(Agency fn\. {re.escape(notes)}\)", row["Quote"]
        )
        checked.add(row["Stance"])
    # The fixture's denial, and the report it denies, are among the rows.
    assert {"denies", "reports"} <= checked
