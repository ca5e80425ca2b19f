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
