"""The library's front door: a Workspace gives what the CLI gives, through the same store."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck
import factcheck.loading
from factcheck.cli import app
from factcheck.errors import FactcheckError, UsageError
from factcheck.render import Format, Style, renderer
from factcheck.workspace import Workspace

README = Path(__file__).resolve().parent.parent / "README.md"


def _library_example() -> tuple[str, str]:
    section = README.read_text(encoding="utf-8").split("## As a library", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    assert code and shown, "the README's library section lost its example"
    return code.group(1), shown.group(1)


def test_the_readme_library_example_prints_what_the_readme_shows(tmp_path: Path) -> None:
    code, shown = _library_example()
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout == shown


def test_workspace_is_exported_lazily() -> None:
    assert factcheck.Workspace is Workspace
    assert "Workspace" in factcheck.__all__


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", [Format.json, Format.csv, Format.markdown])
def test_each_call_renders_as_the_command_prints(fmt: Format, mini: Path) -> None:
    ws = Workspace([mini])
    module = renderer(fmt)
    style = Style(width=100)
    pairs = [
        (module.conflicts(ws.conflicts(), style), ["conflicts", "--limit", "0"]),
        (module.claims(ws.claims(), style), ["claims"]),
        (module.claim(ws.claim("early"), style), ["show", "early"]),
        ("".join(module.report(ws.report(), style)), ["export"]),
    ]
    for text, args in pairs:
        assert text == _cli(*args, "-c", str(mini), "-f", fmt.value), args


def test_a_second_workspace_reads_conflicts_from_the_store(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Workspace([mini]).conflicts()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("claims were loaded on a store hit")

    monkeypatch.setattr(factcheck.loading, "load_corpus", refuse)
    again = Workspace([mini]).conflicts()
    assert again.conflicts == first.conflicts and again.total == first.total
    with pytest.raises(AssertionError, match="loaded"):
        Workspace([mini], use_cache=False).conflicts()


def test_records_are_frozen(mini: Path) -> None:
    ws = Workspace([mini])
    for record in (ws.conflicts(), ws.claim("early"), ws.report()):
        field = dataclasses.fields(record)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field, None)


@pytest.mark.parametrize(
    ("call", "option", "value"),
    [
        (lambda ws: ws.conflicts(min_severity="hgh"), "min_severity", "hgh"),
        (lambda ws: ws.check(min_level="fatal"), "min_level", "fatal"),
        (lambda ws: ws.search("x", sort="newest"), "sort", "newest"),
        (lambda ws: ws.report(min_severity="severe"), "min_severity", "severe"),
    ],
)
def test_a_wrong_choice_names_the_option_and_the_choices(
    call: object, option: str, value: str, mini: Path
) -> None:
    with pytest.raises(UsageError) as caught:
        call(Workspace([mini]))  # type: ignore[operator]
    message = str(caught.value)
    assert f"{option}: '{value}'" in message
    assert re.search(r"is not one of (\w+, )+\w+", message)


def test_filters_naming_no_id_are_refused_with_a_suggestion(mini: Path) -> None:
    ws = Workspace([mini])
    subject = ws.claims()[0]["subject"]
    with pytest.raises(UsageError, match=f"did you mean '{subject}'"):
        ws.claims(subject=subject + "x")
    with pytest.raises(UsageError, match="no claim with id"):
        ws.claim("no-such-claim")


def test_notes_are_gathered_once(tmp_path: Path, mini: Path) -> None:
    for f in mini.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "notes.txt").write_text("not a claim file", encoding="utf-8")
    ws = Workspace([tmp_path])
    ws.conflicts()
    ws.claims()
    ws.report()
    assert len(ws.notes) == len(set(ws.notes)) >= 1
    assert any("notes.txt" in n for n in ws.notes)


def test_bad_input_raises_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("claims:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(FactcheckError) as caught:
        Workspace([tmp_path]).claims()
    assert re.search(r"bad\.yaml:\d+", str(caught.value.problems[0]))
