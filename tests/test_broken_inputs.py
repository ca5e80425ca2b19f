"""Every deliberately broken input in tests/data/broken and the exact error it must produce.

Each case is a file, or a folder holding a copy of a minimal vocabulary beside the broken
file. `factcheck conflicts --claims CASE` runs from inside tests/data/broken, so the paths in
the messages are the relative paths given on the command line.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import EXIT_BAD_INPUT, app

BROKEN = Path(__file__).parent / "data" / "broken"
runner = CliRunner()

#: Case → the `file:line: field: message` lines it must print, in order, and nothing else.
ERRORS: dict[str, list[str]] = {
    "yaml-syntax.yaml": [
        "yaml-syntax.yaml:5: YAML syntax error, column 13: "
        "mapping values are not allowed in this context: 'subject: exodus'",
    ],
    "json-syntax.json": [
        "json-syntax.json:5: JSON syntax error, column 24: "
        'trailing comma is not allowed: \'"document": "rep",\'',
    ],
    "empty.yaml": [
        "empty.yaml: empty file; a claim file holds claims, sources, footnotes, "
        "documents, subjects or properties",
    ],
    "comments-only.yaml": [
        "comments-only.yaml:1: expected a mapping of subjects, properties, documents, "
        "sources, footnotes, claims; found nothing",
    ],
    "list-not-mapping.yaml": [
        "list-not-mapping.yaml:1: expected a mapping of subjects, properties, documents, "
        "sources, footnotes, claims; found list",
    ],
    "unknown-key.yaml": [
        "unknown-key.yaml:8: claims[0].claimant_name: unknown field",
    ],
    # A top-level typo must not turn a claim file into "some other YAML" that is skipped.
    "section-typo.yaml": [
        "section-typo.yaml:1: claim: unknown section; did you mean 'claims'?",
    ],
    "missing-field.yaml": [
        "missing-field.yaml:2: claims[0].value: required field is missing",
    ],
    "wrong-type.yaml": [
        "wrong-type.yaml:8: claims[0].footnotes: Input should be a valid list",
    ],
    "several-errors.yaml": [
        "several-errors.yaml:4: sources[0].kind: Input should be 'media', 'ngo', 'government', "
        "'court', 'interview', 'report', 'academic', 'encyclopedia' or 'other'",
        "several-errors.yaml:6: claims[0].value: required field is missing",
        "several-errors.yaml:11: claims[0].claimant_name: unknown field",
        "several-errors.yaml:18: claims[1].stance: Input should be 'asserts', 'reports' or 'denies'",
        "several-errors.yaml:19: claims[1].footnotes: Input should be a valid list",
    ],
    "errors-in-two-files": [
        "errors-in-two-files/a.yaml:5: YAML syntax error, column 13: "
        "mapping values are not allowed in this context: 'subject: exodus'",
        "errors-in-two-files/b.yaml:8: claims[0].claimant_name: unknown field",
    ],
    # One typo in the vocabulary is one error, not one per claim that uses the vocabulary.
    "cascade": [
        "cascade/vocabulary.yaml:13: properties[0].tolerence: unknown field",
    ],
    "duplicate-id": [
        "duplicate-id/b.yaml:8: claims[1].id: duplicate id 'early'; "
        "first defined at duplicate-id/a.yaml:2",
    ],
    "near-miss-property": [
        "near-miss-property/claims.yaml:6: claims[0].property: undeclared property "
        "'emmigration.count'; did you mean 'emigration.count'?",
    ],
    "unknown-footnote": [
        "unknown-footnote/claims.yaml:8: claims[0].footnotes: footnote '7' is not defined in document 'rep'",
    ],
    "unknown-source": [
        "unknown-source/footnotes.yaml:7: footnotes[0].cites[1].source: unknown source 'wire-2'; "
        "did you mean 'wire-1'?",
    ],
    # JSON claim files need lines in reference errors as much as YAML ones.
    "unknown-source-json": [
        "unknown-source-json/claims.json:10: claims[0].sources: unknown source 'wire-l'; "
        "did you mean 'wire-1'?",
    ],
    "unparsable-value": [
        "unparsable-value/claims.yaml:7: claims[0].value: 'about nine hundred thousand-ish' is not a "
        "number factcheck can read; write digits ('900 000', '1.2 million'), a range "
        "('350 000 – 400 000') or a qualifier and a number ('more than 200,000')",
    ],
    "impossible-date": [
        "impossible-date/claims.yaml:7: claims[0].value: impossible date '31 February 2022': "
        "February 2022 has 28 days",
    ],
    "year-zero": [
        "year-zero/claims.yaml:7: claims[0].value: '0000-10-28': year 0 is out of range",
    ],
    "inverted-range": [
        "inverted-range/claims.yaml:7: claims[0].value: inverted range '400 000 – 350 000': "
        "400,000 is above 350,000; write the lower bound first",
    ],
    "date-without-year": [
        "date-without-year/claims.yaml:7: claims[0].value: '28 October' has no year; "
        "write it ('28 October 2022') or give the claim 'assume_year'",
    ],
    "cp1251.yaml": [
        "cp1251.yaml:4: not UTF-8 (byte 0xd4); save the file as UTF-8",
    ],
    # Text pasted from a PDF often carries form feeds; say where, not "position 71".
    "control-character.yaml": [
        "control-character.yaml:4: YAML error, column 32: control character U+000C "
        "is not allowed; delete it",
    ],
    "binary.yaml": [
        "binary.yaml: binary file (it holds NUL bytes), not a claim file",
    ],
    "huge-integer": [
        "huge-integer/claims.yaml:7: claims[0].value: a number of 5,476 digits is more than any count or amount; check for a missing separator or a pasted footnote number",
    ],
    "alias-bomb.yaml": [
        "alias-bomb.yaml: YAML aliases would expand this file to 8,335,593,968 nodes from 31; "
        "refusing it (write the records out instead of repeating anchors)",
    ],
    "deep-nesting.yaml": [
        "deep-nesting.yaml:1: claims[0]: expected a record (fields and their values); found a list",
    ],
    "deep-nesting.json": [
        "deep-nesting.json:1: JSON nested too deeply to be a claim file",
    ],
}

#: Case → the notes it must print; these load and exit 0.
LOADS: dict[str, list[str]] = {
    "bom-valid": [],
    "bom-valid-json": [],
    "unrelated-files": [
        "skipped unrelated-files/README.md: not a claim file (.yaml, .yml or .json)",
        "skipped unrelated-files/notes.txt: not a claim file (.yaml, .yml or .json)",
    ],
}

#: Hostile cases must be refused in bounded time, not merely eventually.
SECONDS_ALLOWED = 5.0


@pytest.fixture(autouse=True)
def _in_broken_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)


def run_case(case: str) -> Result:
    result = runner.invoke(app, ["conflicts", "--claims", case])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{case} crashed") from result.exception
    return result


def lines_starting(text: str, prefix: str) -> list[str]:
    return [line[len(prefix) :] for line in text.splitlines() if line.startswith(prefix)]


def test_every_case_declares_its_outcome() -> None:
    on_disk = {p.name for p in BROKEN.iterdir() if not p.name.startswith(".")}
    assert on_disk == set(ERRORS) | set(LOADS)


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_broken_input_is_refused_with_exact_errors(case: str) -> None:
    started = time.monotonic()
    result = run_case(case)
    elapsed = time.monotonic() - started
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert result.stdout == ""
    assert lines_starting(result.stderr, "error: ") == ERRORS[case]
    assert elapsed < SECONDS_ALLOWED


def test_several_problems_are_counted_and_nothing_is_written() -> None:
    result = run_case("several-errors.yaml")
    assert result.stderr.splitlines()[-1] == "5 problems; nothing was written."


@pytest.mark.parametrize("case", sorted(LOADS))
def test_awkward_but_valid_input_loads_with_notes(case: str) -> None:
    result = run_case(case)
    assert result.exit_code == 0, result.output
    assert lines_starting(result.stderr, "error: ") == []
    assert lines_starting(result.stderr, "note: ") == LOADS[case]
    assert result.stdout == "0 conflicts (none) among 1 claims\n"


def test_case_files_keep_their_deliberate_bytes() -> None:
    """Guards against an editor or hook 'fixing' the encoding of the cases."""
    legacy = (BROKEN / "cp1251.yaml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        legacy.decode("utf-8")
    assert "ФСБ сообщила" in legacy.decode("cp1251")
    for case in ("bom-valid/claims.yaml", "bom-valid-json/claims.json"):
        assert (BROKEN / case).read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\x00" in (BROKEN / "binary.yaml").read_bytes()
    assert b"\x0c" in (BROKEN / "control-character.yaml").read_bytes()
