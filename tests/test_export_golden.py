"""The report of the small fixed corpus, compared whole with reviewed files in every format.

After a deliberate change, `FACTCHECK_UPDATE_GOLDEN=1 pytest tests/test_export_golden.py`
rewrites them; review the difference before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.options import ExportFormat
from factcheck.render import Format

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "data" / "export"
SUFFIX = {"table": "txt", "json": "json", "markdown": "md", "csv": "csv", "html": "html"}


@pytest.mark.parametrize("assess", [False, True], ids=["", "assessed"])
@pytest.mark.parametrize("fmt", list(Format))
def test_export_matches_the_reviewed_file(
    fmt: Format, assess: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    options = ["--assess"] if assess else []
    result = CliRunner().invoke(
        app,
        ["export", "-c", "tests/data/mini", "--today", "2026-11-21", "-f", fmt.value, *options],
    )
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"mini{'-assessed' if assess else ''}.{SUFFIX[fmt.value]}"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


#: The exchange formats' reviewed files, made from the bundled claims.
EXCHANGE_FILES = {
    ExportFormat.csl_json: "bundled.csl.json",
    ExportFormat.web_annotation: "bundled.annotations.jsonld",
    ExportFormat.claimreview: "bundled.claimreview.jsonld",
    ExportFormat.wikidata: "bundled.wikidata.json",
    ExportFormat.quickstatements: "bundled.quickstatements.tsv",
}


def test_every_exchange_format_has_a_reviewed_file() -> None:
    assert set(EXCHANGE_FILES) == {f for f in ExportFormat if f.report_format is None}


@pytest.mark.parametrize("fmt", list(EXCHANGE_FILES), ids=[f.value for f in EXCHANGE_FILES])
def test_exchange_export_matches_the_reviewed_file(
    fmt: ExportFormat, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["export", "-c", "claims", "-f", fmt.value])
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / EXCHANGE_FILES[fmt]
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
