"""The table of checks: every code is documented, `explain` finds one and `select` keeps
findings by code and level; and `factcheck check` on the command line (explaining a code,
choosing findings by code and level, the JSON fields, `--strict` and `--today`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.checks import BY_CODE, CHECKS, Level, explain, select
from factcheck.errors import UsageError
from tests.citations_helpers import (
    DOCUMENT,
    cited,
    claim,
    findings_json,
    note,
    run,
    source,
    write,
)

# --------------------------------------------------------------------------- every code


def test_every_check_is_documented() -> None:
    assert [c.code for c in CHECKS] == sorted(BY_CODE)
    for entry in CHECKS:
        assert entry.title and entry.why.endswith(".") and entry.fix.endswith(".")
        assert explain(entry.code.lower()) is entry


# --------------------------------------------------------------------------- explain, select


def test_explain_unknown_code_suggests_the_nearest() -> None:
    with pytest.raises(UsageError, match=r"no check with code 'FC30'; did you mean FC30\d\?"):
        explain("FC30")


def test_select_by_code_and_level(tmp_path: Path) -> None:
    checked = cited(tmp_path, source("s", url="#", date="5 April 2025"))
    assert sorted(f.code for f in checked.findings) == ["FC303", "FC402", "FC502"]
    assert [f.code for f in select(checked.findings, codes=["fc402"])] == ["FC402"]
    assert [f.code for f in select(checked.findings, min_level=Level.warning)] == [
        "FC303",
        "FC402",
    ]
    assert [f.code for f in select(checked.findings, min_level=Level.error)] == ["FC303"]
    assert select(checked.findings, codes=["FC402"], min_level=Level.error) == []
    with pytest.raises(UsageError):
        select(checked.findings, codes=["FC999"])


# --------------------------------------------------------------------------- command line


@pytest.fixture
def defects(tmp_path: Path) -> Path:
    """An error (FC303), warnings (FC402, FC401) and a note (FC502 on `c`; `d` cites two)."""
    write(
        tmp_path / "defects",
        sources=[
            source("late", date="5 April 2025", url="#"),
            source("nolink", url=None, title=None),
        ],
        footnotes=[note("1", "late"), note("2", "nolink")],
        claims=[claim("c", "1"), claim("d", "2", sources=["late"])],
    )
    return tmp_path / "defects"


@pytest.fixture
def no_errors(tmp_path: Path) -> Path:
    """A folder with only warnings and notes."""
    write(
        tmp_path / "no-errors",
        sources=[source("a", url="#")],
        footnotes=[note("1", "a")],
        claims=[claim("c", "1")],
    )
    return tmp_path / "no-errors"


def test_cli_explain_prints_the_entry() -> None:
    code, out, _ = run("check", "--explain", "FC305")
    entry = BY_CODE["FC305"]
    assert code == 0
    assert out == (f"FC305 (warning): {entry.title}\n\n{entry.why}\n\nTo fix: {entry.fix}\n")


def test_cli_explain_ignores_case() -> None:
    code, out, _ = run("check", "--explain", "fc402")
    assert code == 0
    assert out.startswith("FC402 (warning): placeholder link")


def test_cli_explain_unknown_code_suggests_one() -> None:
    code, out, err = run("check", "--explain", "FC999")
    assert code == 2
    assert out == ""
    assert "no check with code 'FC999'" in err
    assert "did you mean FC" in err


def test_cli_json_has_every_field(defects: Path) -> None:
    data = findings_json("--claims", str(defects))
    assert sorted(d["code"] for d in data) == ["FC303", "FC401", "FC402", "FC502"]
    for item in data:
        assert {"code", "level", "title", "file", "line", "record", "message"} <= set(item)
        assert item["level"] == BY_CODE[item["code"]].level.value
        assert item["title"] == BY_CODE[item["code"]].title
        assert Path(item["file"]).name == "corpus.yaml"
        assert isinstance(item["line"], int)
    late = next(d for d in data if d["code"] == "FC303")
    assert late["record"] == "late"
    assert late["message"] == (
        "dated 5 April 2025, after 'rep' (March 2025), which cites it in footnote 1"
    )


def test_cli_code_filter(defects: Path) -> None:
    data = findings_json("--claims", str(defects), "--code", "FC402")
    assert [(d["code"], d["record"]) for d in data] == [("FC402", "late")]
    both = findings_json("--claims", str(defects), "--code", "FC402", "--code", "fc401")
    assert sorted(d["code"] for d in both) == ["FC401", "FC402"]


def test_cli_unknown_code_filter_is_a_usage_error(defects: Path) -> None:
    code, _, err = run("check", "--claims", str(defects), "--code", "FC999")
    assert code == 2
    assert "no check with code 'FC999'" in err


def test_cli_level_filter(defects: Path) -> None:
    assert [d["code"] for d in findings_json("--claims", str(defects), "--level", "error")] == [
        "FC303"
    ]
    warnings = findings_json("--claims", str(defects), "--level", "warning")
    assert sorted(d["code"] for d in warnings) == ["FC303", "FC401", "FC402"]
    code, _, err = run("check", "--claims", str(defects), "--level", "fatal")
    assert code == 2
    assert all(word in err for word in ("--level", "'fatal'", "note", "warning", "error"))


def test_cli_strict_fails_only_on_errors(defects: Path, no_errors: Path) -> None:
    code, out, _ = run("check", "--claims", str(defects), "--today", "2026-01-01", "--strict")
    assert code == 1
    assert "FC303" in out
    code, out, _ = run("check", "--claims", str(no_errors), "--today", "2026-01-01", "--strict")
    assert code == 0
    assert "FC402" in out
    # Without --strict, errors are reported but do not fail.
    code, _, _ = run("check", "--claims", str(defects), "--today", "2026-01-01")
    assert code == 0


def test_cli_strict_counts_only_the_findings_shown(defects: Path) -> None:
    code, _, _ = run(
        "check", "--claims", str(defects), "--today", "2026-01-01", "--strict", "--code", "FC402"
    )
    assert code == 0


def test_cli_today_decides_the_future(tmp_path: Path) -> None:
    write(
        tmp_path,
        documents=[{**DOCUMENT, "date": "2026"}],
        sources=[source("s", date="2 January 2026")],
        footnotes=[note("1", "s")],
        claims=[claim("c", "1")],
    )
    before = findings_json("--claims", str(tmp_path), "--code", "FC302")
    assert [(d["record"], d["message"]) for d in before] == [
        ("s", "dated 2 January 2026, after today (2026-01-01)")
    ]
    code, out, err = run(
        "check", "--claims", str(tmp_path), "--today", "2026-01-02", "-f", "json", "--code", "FC302"
    )
    assert (code, json.loads(out)) == (0, []), err


@pytest.mark.parametrize("today", ["2026-13-01", "tomorrow", "2026-02-30"])
def test_cli_bad_today(defects: Path, today: str) -> None:
    code, out, err = run("check", "--claims", str(defects), "--today", today)
    assert code == 2
    assert out == ""
    assert f"--today must be a date like 2026-11-21, not '{today}'" in err
    assert "Traceback" not in err


def test_cli_table_ends_with_a_summary(defects: Path) -> None:
    code, out, _ = run("check", "--claims", str(defects), "--today", "2026-01-01")
    assert code == 0
    assert out.rstrip().endswith("4 findings: 1 error, 2 warnings, 1 note")
