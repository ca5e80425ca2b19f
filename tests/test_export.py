"""factcheck export: every format, same bytes twice, structure, safety, and a real browser."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.render import Format
from factcheck.report_schema import ReportOut

runner = CliRunner()
TODAY = "2026-11-21"
HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m | <script>alert(1)</script>\nnext"


def export(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["export", "--today", TODAY, *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_exports_the_same_bytes_twice(fmt: Format, mini: Path) -> None:
    code, first, err = export("-c", str(mini), "-f", fmt.value)
    assert code == 0, err
    assert first.strip()
    assert export("-c", str(mini), "-f", fmt.value)[1] == first


def test_markdown_structure_parses(mini: Path) -> None:
    _, out, _ = export("-c", str(mini), "-f", "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings[0] == ("h1", "factcheck report")
    assert [text for tag, text in headings if tag == "h2"] == [
        "Summary",
        "Conflicts",
        "Claims by subject",
        "Citation findings",
        "Sources",
        "Footnotes",
    ]
    # Three conflicts, two subjects, one findings table: six tables of rows.
    assert sum(1 for t in tokens if t.type == "table_open") == 6
    # Every link to a footnote or source lands on an anchor of the same document.
    targets = set(re.findall(r"\]\(#([^)]+)\)", out))
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', out))
    assert targets and targets <= anchors


def test_markdown_summary_and_version(mini: Path) -> None:
    _, out, _ = export("-c", str(mini), "-f", "markdown")
    assert "- 11 claims in 1 document, citing 2 sources through 2 footnotes" in out
    assert "- 3 conflicts \\(2 high, 1 medium\\)" in out
    assert re.search(r"factcheck \d+\.\d+\.\d+ · data fingerprint `[0-9a-f]{16}`", out)


def test_json_follows_its_published_schema(mini: Path) -> None:
    _, out, _ = export("-c", str(mini), "-f", "json")
    report = ReportOut.model_validate_json(out)
    assert report.summary["conflicts"] == 3
    assert {c.id for c in report.claims} >= {"early", "later", "undated"}
    schema = json.loads(runner.invoke(app, ["schema", "--report"]).stdout)
    assert schema["title"] == "factcheck report"
    assert set(schema["required"]) >= {"conflicts", "claims", "findings", "fingerprint"}


def test_csv_rows_for_claims_and_conflict_sides(mini: Path) -> None:
    _, out, _ = export("-c", str(mini), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    kinds = [r["row"] for r in rows]
    assert kinds.count("claim") == 11
    assert kinds.count("conflict side") == 8
    assert all(r["severity"] == "" for r in rows if r["row"] == "claim")


def test_filters_apply_to_the_report(mini: Path) -> None:
    _, out, _ = export("-c", str(mini), "-f", "json", "--subject", "callup")
    data = json.loads(out)
    assert {c["subject"] for c in data["conflicts"]} == {"callup"}
    assert {c["subject"] for c in data["claims"]} == {"callup"}
    _, out, _ = export("-c", str(mini), "-f", "json", "--min-severity", "high")
    assert {c["severity"] for c in json.loads(out)["conflicts"]} == {"high"}


def test_output_is_atomic_and_needs_force(mini: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    assert export("-c", str(mini), "-o", str(target))[0] == 0
    first = target.read_text(encoding="utf-8")
    code, _, err = export("-c", str(mini), "-f", "html", "-o", str(target))
    assert code == 2 and "exists; add --force to replace it" in err
    assert target.read_text(encoding="utf-8") == first
    assert export("-c", str(mini), "-f", "html", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert target.stat().st_mode & 0o044  # readable by others, like any saved file
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    vocabulary = (Path(__file__).parent / "data" / "mini" / "vocabulary.yaml").read_text()
    (tmp_path / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
    claims = {
        "documents": [{"id": "d", "title": HOSTILE}],
        "sources": [
            {
                "id": "s",
                "publisher": '=HYPERLINK("x")',
                "title": HOSTILE,
                "url": "javascript:alert(1)",
            }
        ],
        "footnotes": [{"document": "d", "label": "1", "cites": [{"source": "s"}]}],
        "claims": [
            {
                "id": "a",
                "document": "d",
                "text": HOSTILE,
                "subject": "exodus",
                "property": "left.count",
                "value": "100",
                "claimant": "@evil",
                "footnotes": ["1"],
                "as_of": "1 October 2022",
            },
            {
                "id": "b",
                "document": "d",
                "text": "plain",
                "subject": "exodus",
                "property": "left.count",
                "value": "900",
                "claimant": "+1",
                "footnotes": ["1"],
                "as_of": "1 October 2022",
            },
        ],
    }
    (tmp_path / "c.json").write_text(json.dumps(claims), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html", "table"])
def test_hostile_text_stays_text_in_every_export(fmt: str, hostile: Path) -> None:
    code, out, err = export("-c", str(hostile), "-f", fmt)
    assert code == 0, err
    assert "\x1b[" not in out
    assert 'href="javascript' not in out
    if fmt != "csv":  # CSV is data for spreadsheets: markup stays as the text it is
        assert "<script>" not in out
    if fmt == "csv":
        cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    if fmt == "html":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    if fmt == "markdown":
        for line in out.splitlines():
            if line.startswith("| "):
                assert line.count(" | ") == len(line.split(" | ")) - 1


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    _chromium() is None,
    reason="Chromium is not installed (.ci/run installs "
    "Debian's chromium package; it could not be installed here)",
)
def test_html_report_renders_in_a_real_browser(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert export("-f", "html", "-o", str(page))[0] == 0
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tempfile.mkdtemp()}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    done = subprocess.run(
        [_chromium() or "", *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    dom = done.stdout
    # The browser built the page: the report's sections and one chart per numeric or
    # date conflict of the bundled data set, each with bars.
    assert "<h1>factcheck report</h1>" in dom
    charts = re.findall(r'<figure class="chart".*?</figure>', dom, flags=re.S)
    assert len(charts) >= 5
    assert all("<rect" in chart and "<figcaption" in chart for chart in charts)
    assert "CONSOLE" not in done.stderr and "Uncaught" not in done.stderr
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            _chromium() or "",
            *flags,
            f"--screenshot={shot}",
            "--window-size=1200,2000",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.stat().st_size > 20_000  # a real picture, not an empty page
