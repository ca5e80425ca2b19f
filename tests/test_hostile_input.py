"""Input and output under hostile conditions: JSON keys written twice, files that are not
regular files, folders that cannot be read, and `--output` targets that cannot be written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import EXIT_BAD_INPUT, app
from factcheck.errors import FactcheckError
from factcheck.parsing import parse_json

MINI = Path(__file__).parent / "data" / "mini"
runner = CliRunner()


# --------------------------------------------------------------------------- JSON keys


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            '{"a": 1,\n "b": {"c": 1, "c": 2}}', "x.json:2: key 'c' appears twice", id="nested"
        ),
        pytest.param(
            '{"a" : 1,\n"a" : 2}', "x.json:2: key 'a' appears twice", id="space-before-colon"
        ),
        pytest.param(
            '{"a": 1, "\\u0061": 2}',
            "x.json: a key appears twice in one object, written two ways",
            id="escaped",
        ),
    ],
)
def test_a_key_written_twice_is_refused(text: str, message: str) -> None:
    with pytest.raises(FactcheckError) as raised:
        parse_json(text, "x.json")
    assert str(raised.value.problem).startswith(message)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('{"a": "x\\": y", "b": {"a": 1}}', id="colon-inside-a-string"),
        pytest.param('{"a": "{", "b": "}", "c": {"a": 1}}', id="braces-inside-strings"),
        pytest.param('[{"a": 1}, {"a": 2}]', id="same-key-in-two-objects"),
        pytest.param('{"a\\\\": 1, "b": 2}', id="key-ending-in-a-backslash"),
    ],
)
def test_the_same_key_in_different_objects_or_inside_strings_is_fine(text: str) -> None:
    parse_json(text, "x.json")


# --------------------------------------------------------------------------- what a folder holds


def _claims(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    shutil.copytree(MINI, folder)
    return folder


def test_a_pipe_or_device_named_like_a_claim_file_is_skipped_with_a_note(tmp_path: Path) -> None:
    folder = _claims(tmp_path)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert f"note: skipped {folder / 'pipe.yaml'}: a pipe, not a regular file" in result.stderr
    assert f"note: skipped {folder / 'zero.yaml'}: a device, not a regular file" in result.stderr
    assert "3 conflicts" in result.stdout


def test_a_pipe_given_by_name_is_an_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = runner.invoke(app, ["conflicts", "-c", str(tmp_path / "pipe.yaml")])
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {tmp_path / 'pipe.yaml'}: a pipe, not a claim file" in result.stderr


def test_a_broken_link_named_like_a_claim_file_is_an_error(tmp_path: Path) -> None:
    folder = _claims(tmp_path)
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"{folder / 'gone.yaml'}: cannot read" in result.stderr


def test_a_folder_that_cannot_be_read_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, whom mode 000 does not stop: the folder's listing fails instead.
    folder = _claims(tmp_path)
    (folder / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert (
        f"error: {folder / 'locked'}: cannot read this folder: Permission denied" in result.stderr
    )
