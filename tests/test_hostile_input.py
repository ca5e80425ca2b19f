"""Input and output under hostile conditions: JSON keys written twice, files that are not
regular files, folders that cannot be read, and `--output` targets that cannot be written."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from factcheck.cli import EXIT_BAD_INPUT, app
from factcheck.errors import FactcheckError
from factcheck.limits import refuse_oversized
from factcheck.parsing import compose_for_lines, lines_of, node_at, parse_json

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


def test_a_pipe_given_by_name_that_nobody_writes_to_is_an_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = runner.invoke(app, ["conflicts", "-c", str(tmp_path / "pipe.yaml")])
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {tmp_path / 'pipe.yaml'}: a pipe that gave nothing" in result.stderr


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


# --------------------------------------------------------------------------- --output


def _export(folder: Path, *args: str) -> Result:
    return runner.invoke(app, ["export", "-c", str(folder), "--today", "2026-01-01", *args])


@pytest.mark.parametrize(
    ("target", "message"),
    [
        pytest.param("loop", "cannot write: a loop of symbolic links", id="link-loop"),
        pytest.param("a" * 300, "cannot write: File name too long", id="name-too-long"),
        pytest.param("newdir/", "names a folder (it ends with /); give a file name", id="slash"),
    ],
)
def test_an_output_that_cannot_be_written_is_an_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("loop").symlink_to("loop")
    result = _export(_claims(tmp_path), "-o", target)
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {target}: {message}" in result.stderr
    assert isinstance(result.exception, SystemExit)
    assert not Path("newdir").exists()


def test_a_full_disk_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("the old report\n", "utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("factcheck.output.atomic_write", full)
    result = _export(_claims(tmp_path), "-o", str(target), "--force")
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {target}: cannot write: No space left on device" in result.stderr
    assert target.read_text("utf-8") == "the old report\n"


def test_standard_output_named_as_a_file_is_written_into(tmp_path: Path) -> None:
    result = _export(_claims(tmp_path), "-o", "/dev/stdout", "--force")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# factcheck report")


def test_an_open_descriptor_named_as_a_file_is_written_into(tmp_path: Path) -> None:
    read, write = os.pipe()
    try:
        result = _export(_claims(tmp_path), "-o", f"/dev/fd/{write}")
        assert result.exit_code == 0, result.stderr
        os.close(write)
        with os.fdopen(read, encoding="utf-8") as pipe:
            assert pipe.read().startswith("# factcheck report")
    finally:
        for fd in (read, write):
            with contextlib.suppress(OSError):
                os.close(fd)


def test_concurrent_writers_without_force_never_replace_each_other(tmp_path: Path) -> None:
    folder = _claims(tmp_path)
    target = tmp_path / "race.md"
    command = [sys.executable, "-m", "factcheck", "export", "-c", str(folder), "-o", str(target)]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    codes = [run.wait(timeout=120) for run in runs]
    errors = [run.stderr.read() for run in runs if run.stderr]
    assert sorted(codes) == [0, 2, 2, 2, 2, 2], errors
    assert sum("exists; add --force to replace it" in e for e in errors) == 5
    assert target.read_text("utf-8").startswith("# factcheck report")


# --------------------------------------------------------------------------- what output shows


@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "csv"])
def test_characters_that_reorder_text_are_shown_by_name(tmp_path: Path, fmt: str) -> None:
    folder = _claims(tmp_path)
    report = folder / "report.yaml"
    text = report.read_text("utf-8")
    assert "claimant: Security service\n" in text
    report.write_text(
        text.replace("claimant: Security service\n", 'claimant: "Security\\u202Eecivres"\n'),
        "utf-8",
    )
    result = _export(folder, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert "\u202e" not in result.stdout
    assert re.search(r"U\\?\+202E", result.stdout)  # Markdown escapes the +


def test_a_full_width_equals_sign_cannot_start_a_formula() -> None:
    from factcheck.render.csv_format import safe

    assert safe("\uff1dHYPERLINK(1)") == "'\uff1dHYPERLINK(1)"
    assert safe("＋1") == "'＋1"
    assert safe("a＝b") == "a＝b"


# --------------------------------------------------------------------------- limits


def test_a_line_longer_than_any_claim_files_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text("claims: [" + "1, " * 400_000 + "1]\n", "utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["conflicts", "-c", str(path)])
    assert time.perf_counter() - started < 5
    assert result.exit_code == EXIT_BAD_INPUT
    assert (
        f"error: {path}:1: line of 1,200,011 characters; a claim file's lines are at most "
        "1,000,000" in result.stderr
    )


def test_a_line_break_every_half_million_characters_is_fine() -> None:
    text = ("x" * 999_999 + "\n") * 3
    refuse_oversized(text, "f.yaml")
    with pytest.raises(FactcheckError) as raised:
        refuse_oversized(text + "y" * 1_000_001, "f.yaml")
    assert raised.value.problem.line == 4


def test_a_text_longer_than_any_quotation_is_refused_where_it_is(tmp_path: Path) -> None:
    folder = _claims(tmp_path)
    report = folder / "report.yaml"
    text = report.read_text("utf-8")
    report.write_text(
        text.replace(
            "text: Security service said 261,000 had left as of 26 September.",
            "text: " + "word " * 30_000,
        ),
        "utf-8",
    )
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert "claims[0].text: text of 149,999 characters; a text is at most 100,000" in (
        result.stderr
    )


@pytest.mark.parametrize("header", ["  - text: |", "  - text: >-", "- |"])
def test_a_block_text_longer_than_any_quotation_is_refused_before_parsing(header: str) -> None:
    lines = "\n".join("      " + "word " * 16 for _ in range(2_000))
    text = "claims:\n  - id: a\n" + header + "\n" + lines + "\n    value: 3\n"
    with pytest.raises(FactcheckError) as raised:
        refuse_oversized(text, "f.yaml")
    assert raised.value.problem.line == 3
    assert "a text of over 160,006 characters; a text is at most 100,000" in str(raised.value)


def test_a_block_text_of_the_largest_size_allowed_loads(tmp_path: Path) -> None:
    # 100,000 characters once parsed, over 100,000 as written: the indentation does not count.
    folder = _claims(tmp_path)
    report = folder / "report.yaml"
    body = "\n".join("      " + "x" * 99 for _ in range(1_000))
    report.write_text(
        report.read_text("utf-8").replace(
            "text: Security service said 261,000 had left as of 26 September.",
            "text: |-\n" + body,
        ),
        "utf-8",
    )
    assert len(body) > 100_000
    result = runner.invoke(app, ["show", "early", "-c", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["text"]) == 99_999


def test_a_utf32_file_is_called_utf32(tmp_path: Path) -> None:
    path = tmp_path / "wide.yaml"
    path.write_bytes("claims: []\n".encode("utf-32"))
    result = runner.invoke(app, ["conflicts", "-c", str(path)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {path}: UTF-32 text; save the file as UTF-8" in result.stderr


def test_a_json_file_on_one_line_is_read(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "claims")
    claims = [
        {
            "id": f"c{n}",
            "document": "rep",
            "text": "x" * 100,
            "subject": "exodus",
            "property": "left.count",
            "value": f"{n + 1:,}",
        }
        for n in range(10_000)
    ]
    text = json.dumps({"claims": claims})
    assert len(text) > 1_000_000 and "\n" not in text
    (tmp_path / "claims" / "one-line.json").write_text(text, "utf-8")
    result = runner.invoke(app, ["claims", "-c", str(tmp_path / "claims"), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1 + 11 + 10_000  # the header, mini's claims, these


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        pytest.param(
            "nul.json",
            '{"sources": [\n{"id": "s1", "title": "a\\u0000b"}]}',
            2,
            "a NUL character, not text",
            id="json-escape",
        ),
        pytest.param(
            "nul.yaml",
            'sources:\n  - id: s1\n    title: "a\\0b"\n',
            3,
            "a NUL character, not text",
            id="yaml-escape",
        ),
        pytest.param(
            "binary.yaml",
            "sources:\n  - id: s1\n    title: !!binary aGVsbG8=\n",
            3,
            "binary data (!!binary), not text",
            id="yaml-binary",
        ),
    ],
)
def test_values_that_are_not_text_are_refused(
    tmp_path: Path, name: str, content: str, line: int, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    result = runner.invoke(app, ["check", "-c", str(path)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {path}:{line}: {message}" in result.stderr


def test_an_escaped_backslash_before_a_zero_is_text(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text('{"sources": [{"id": "s1", "title": "C:\\\\0 drive"}]}', "utf-8")
    result = runner.invoke(app, ["check", "-c", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr


def test_a_yaml_file_of_millions_of_lines_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("claims:\n" + "- 1\n" * 2_000_001, "utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["conflicts", "-c", str(path)])
    assert time.perf_counter() - started < 5
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {path}: 2,000,002 lines; a claim file has at most 2,000,000" in result.stderr


def test_a_file_of_many_broken_records_names_the_first_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("claims:\n" + "- 1\n" * 1_000, "utf-8")
    result = runner.invoke(app, ["conflicts", "-c", str(path)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr.count("expected a record") == 50
    assert f"error: {path}: and 950 more problems like these" in result.stderr


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_many_broken_records_after_good_ones_are_located_and_counted(
    tmp_path: Path, suffix: str
) -> None:
    good = [{"id": f"s{i}", "publisher": "P", "title": "T"} for i in range(300)]
    records = [*good, *([1] * 100_000)]
    path = tmp_path / f"broken{suffix}"
    if suffix == ".json":
        path.write_text('{"sources": [\n' + ",\n".join(map(json.dumps, records)) + "\n]}\n")
    else:
        path.write_text("sources:\n" + "".join(f"- {json.dumps(r)}\n" for r in records))
    started = time.perf_counter()
    result = runner.invoke(app, ["conflicts", "-c", str(path)])
    assert time.perf_counter() - started < 10
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {path}:302: sources[300]: expected a record" in result.stderr
    assert f"error: {path}:351: sources[349]: expected a record" in result.stderr
    assert f"error: {path}: and 99,950 more problems like these" in result.stderr


def test_a_json_file_of_more_values_than_any_claim_files_is_refused_at_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "many.json"
    path.write_text('{"claims": [' + "1, " * 2_000_000 + "1]}", "utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["conflicts", "-c", str(path)])
    assert time.perf_counter() - started < 5
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"error: {path}: over 2,000,000 values; a claim file holds fewer" in result.stderr


def test_records_and_fields_are_located_as_the_composed_file_locates_them() -> None:
    text = Path(__file__).parent.parent / "claims" / "euaa-2026-russia-military-service.yaml"
    source = text.read_text("utf-8")
    root = compose_for_lines(source)
    paths: list[tuple[int | str, ...]] = []
    todo: list[tuple[tuple[int | str, ...], yaml.Node]] = [((), root)]
    while todo:
        path, node = todo.pop()
        paths += [path, (*path, "missing")]
        if isinstance(node, yaml.MappingNode):
            todo += [((*path, str(k.value)), v) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            todo += [((*path, i), v) for i, v in enumerate(node.value)]
    assert len(paths) > 500
    found = lines_of(source, paths)
    for path in paths:
        node = node_at(root, path)
        assert node is not None
        assert found[tuple(map(str, path))] == node.start_mark.line + 1, path


def test_an_empty_object_is_noted_once(tmp_path: Path) -> None:
    folder = _claims(tmp_path)
    (folder / "empty.json").write_text("{}", "utf-8")
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("empty.json") == 1


def test_a_file_name_with_terminal_escapes_reaches_no_terminal(tmp_path: Path) -> None:
    folder = _claims(tmp_path)
    (folder / "evil\x1b]0;PWNED\x07\u202e.txt").write_text("x", "utf-8")
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert "note: skipped" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\u202e" not in result.stderr and "<U+202E>" in result.stderr


# --------------------------------------------------------------------------- every problem at once


def test_problems_of_fields_and_of_values_are_reported_in_one_run(tmp_path: Path) -> None:
    folder = _claims(tmp_path)
    report = folder / "report.yaml"
    text = report.read_text("utf-8")
    text = text.replace(
        "    claimant: Security service\n",
        "    claimant: Security service\n    stance: assert\n    stnce: denies\n",
        1,
    )
    text = text.replace("value: 261,000", "value: lots and lots", 1)
    report.write_text(text, "utf-8")
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert "claims[0].stance: expected one of 'asserts', 'reports', 'denies'" in result.stderr
    assert "claims[0].stnce: unknown field; did you mean 'stance'?" in result.stderr
    assert "claims[0].value: 'lots and lots' is not a number" in result.stderr
    assert "3 problems; nothing was written." in result.stderr


def test_a_record_that_cannot_be_read_on_without_a_required_field_stops_there(
    tmp_path: Path,
) -> None:
    folder = _claims(tmp_path)
    report = folder / "report.yaml"
    text = report.read_text("utf-8").replace("    subject: exodus\n", "", 1)
    report.write_text(text.replace("value: 261,000", "value: lots and lots", 1), "utf-8")
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert "claims[0].subject: required field is missing" in result.stderr
    assert "lots and lots" not in result.stderr  # its value is judged once it has a subject


@pytest.mark.parametrize("text", ["claims:\n\t- id: c\n", "claims:\n  - id: c\n  \tdocument: x\n"])
def test_a_tab_in_yaml_indentation_is_named(tmp_path: Path, text: str) -> None:
    path = tmp_path / "tab.yaml"
    path.write_text(text, "utf-8")
    result = runner.invoke(app, ["claims", "-c", str(path)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert "a tab in the indentation; YAML indents with spaces only" in result.stderr


# --------------------------------------------------------------------------- YAML directives


def test_a_yaml_version_of_thousands_of_digits_is_a_syntax_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    """The pure-Python YAML scanner, which measures nesting after the C parser fails, reads a
    `%YAML` directive's numbers with int(), which refuses more than 4,300 digits."""
    path = tmp_path / "claims.yaml"
    path.write_text("%YAML 1." + "9" * 4301 + "\n---\nclaims: []\n", encoding="utf-8")
    result = runner.invoke(app, ["conflicts", "-c", str(path)])
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert f"{path}:1: YAML syntax error, column 18: found extremely long version number" in (
        result.output
    )
