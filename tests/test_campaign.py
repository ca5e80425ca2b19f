"""The hostile-input campaign, kept: every command in every format over claims whose texts
carry terminal escapes, markup, formulas and reordering characters, and every broken input
of tests/data/broken through every command. For each run: an exit code of 0 or 2, never a
traceback; no escape byte, markup or live formula from the input in any output; within a
bound. `campaign_table` counts what the closing note reports."""

from __future__ import annotations

import csv
import io
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app

DATA = Path(__file__).parent / "data"
BROKEN = sorted(p.name for p in (DATA / "broken").iterdir())
FORMATS = ["table", "json", "markdown", "csv", "html"]
#: Seconds one run on these small inputs may take, start-up included.
BOUND = 20.0

HOSTILE = [
    "\x1b[31mred\x1b[0m and \x1b]8;;https://evil.example\x07a link\x1b]8;;\x07",
    "<script>alert(1)</script> <img src=x onerror=alert(2)>",
    "[click](javascript:alert(3)) **bold** | pipe |",
    '=HYPERLINK("https://evil.example","x")',
    "\uff1d1+1 and +cmd and @SUM(A1)",
    "Invoice\u202efdp.exe and \u2066isolate\u2069",
]

runner = CliRunner()


def _commands(folder: str) -> list[list[str]]:
    claims = ["-c", folder]
    return [
        ["conflicts", *claims, "--limit", "0"],
        ["claims", *claims],
        ["show", "early", *claims],
        ["check", *claims, "--today", "2026-01-01"],
        ["search", "left", *claims],
        ["export", *claims, "--today", "2026-01-01"],
    ]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "claims"
    shutil.copytree(DATA / "mini", folder)
    report = folder / "report.yaml"
    text = report.read_text("utf-8")
    # Every text of the file becomes hostile: claim texts, a claimant, source titles.
    lines = []
    count = 0
    for line in text.splitlines():
        key, sep, _ = line.partition(": ")
        if sep and key.strip() in ("text", "title", "claimant", "publisher"):
            words = HOSTILE[count % len(HOSTILE)]
            quoted = words.encode("unicode_escape").decode().replace('"', '\\"')
            line = f'{key}: "{quoted}"'
            count += 1
        lines.append(line)
    report.write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def _run(args: list[str]) -> tuple[Result, float]:
    started = time.perf_counter()
    result = runner.invoke(app, args)
    return result, time.perf_counter() - started


def _clean_exit(result: Result) -> bool:
    return result.exception is None or isinstance(result.exception, SystemExit)


def _formula(cell: str) -> bool:
    """Whether a spreadsheet would read a cell as a formula (a signed number is a number)."""
    if cell[:1] in ("=", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"):
        return True
    return cell[:1] in ("+", "-") and not re.match(r"[+-][\d.]", cell)


def _leaks(output: str, fmt: str) -> list[str]:
    """What of the hostile input reaches an output raw."""
    found = []
    if "\x1b" in output or "\x07" in output:
        found.append("escape byte")
    if fmt != "json" and any(ch in output for ch in "\u202e\u2066\u2069"):
        found.append("reordering character")
    if fmt == "html" and re.search(r"<script|<img", output):  # escaped, `onerror=` is text
        found.append("markup")
    if fmt == "markdown" and re.search(r"(?<!\\)\]\(javascript:", output):
        found.append("markdown link")
    if fmt == "csv" and any(_formula(c) for row in csv.reader(io.StringIO(output)) for c in row):
        found.append("formula")
    return found


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_through_every_command(hostile: Path, fmt: str) -> None:
    for args in _commands(str(hostile)):
        result, seconds = _run([*args, "--format", fmt])
        assert _clean_exit(result), (args, result.exception)
        assert result.exit_code in (0, 1), (args, result.stderr)
        assert seconds < BOUND, (args, seconds)
        assert _leaks(result.stdout, fmt) == [], (args, fmt)
        assert "\x1b" not in result.stderr, args


@pytest.mark.parametrize("case", BROKEN)
def test_broken_input_through_every_command(case: str) -> None:
    folder = str(DATA / "broken" / case)
    for args in _commands(folder):
        result, seconds = _run(args)
        assert _clean_exit(result), (args, result.exception)
        assert result.exit_code in (0, 1, 2), (args, result.exit_code)
        assert seconds < BOUND, (args, seconds)
        assert "Traceback" not in result.stderr, args


def campaign_table(hostile: Path) -> Counter[str]:
    """Runs, tracebacks, wrong exit codes, slow runs and leaks over the whole campaign."""
    table: Counter[str] = Counter()
    runs = [[*a, "--format", f] for f in FORMATS for a in _commands(str(hostile))]
    runs += [a for case in BROKEN for a in _commands(str(DATA / "broken" / case))]
    for args in runs:
        result, seconds = _run(args)
        fmt = args[args.index("--format") + 1] if "--format" in args else "table"
        table["runs"] += 1
        table["tracebacks"] += not _clean_exit(result)
        table["wrong exit codes"] += result.exit_code not in (0, 1, 2)
        table["over the bound"] += seconds >= BOUND
        table["leaks"] += bool(_leaks(result.stdout, fmt))
    return table


def test_the_campaign_table_is_all_zeros(hostile: Path) -> None:
    table = campaign_table(hostile)
    assert table["runs"] == len(FORMATS) * 6 + len(BROKEN) * 6
    assert {k: v for k, v in table.items() if k != "runs"} == {
        "tracebacks": 0,
        "wrong exit codes": 0,
        "over the bound": 0,
        "leaks": 0,
    }


def test_the_leak_detector_sees_each_leak() -> None:
    assert _leaks("a \x1b[31m b", "table") == ["escape byte"]
    assert _leaks("Invoice\u202efdp.exe", "markdown") == ["reordering character"]
    assert _leaks("<td><script>x</script></td>", "html") == ["markup"]
    assert _leaks("[a](javascript:x)", "markdown") == ["markdown link"]
    assert _leaks("id,text\nc1,=HYPERLINK(1)\n", "csv") == ["formula"]
    assert _leaks("id,text\nc1,-cmd\n", "csv") == ["formula"]
    assert _leaks("id,value\nc1,-12.5\nc2,'=x\n", "csv") == []
    assert _leaks("\\[a\\](javascript:x) &lt;script&gt;", "markdown") == []
