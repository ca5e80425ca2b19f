"""Every deliberately broken input in tests/data/broken and the exact error it must produce.

Each case is a file, or a folder holding a copy of a minimal vocabulary beside the broken
file. `factcheck conflicts --claims CASE` runs from inside tests/data/broken, so the paths in
the messages are the relative paths given on the command line.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import EXIT_BAD_INPUT, app

BROKEN = Path(__file__).parent / "data" / "broken"
runner = CliRunner()


def PARSER_WORDS(before: str, after: str) -> re.Pattern[str]:  # noqa: N802 (reads as a value)
    """A line whose middle is a parser's explanation, in whatever words the parser uses."""
    return re.compile(re.escape(before) + r"\S.*" + re.escape(after))


#: Case → the `file:line: field: message` lines it must print, in order, and nothing else.
ERRORS: dict[str, list[str | re.Pattern[str]]] = {
    "yaml-syntax.yaml": [
        # The parser's own explanation sits between the column and the quoted line; its
        # wording is the parser's and changes between releases, so it is not pinned.
        PARSER_WORDS("yaml-syntax.yaml:5: YAML syntax error, column 13: ", ": 'subject: exodus'"),
    ],
    "json-syntax.json": [
        PARSER_WORDS(
            "json-syntax.json:5: JSON syntax error, column 24: ", ': \'"document": "rep",\''
        ),
    ],
    # JSON keeps the last of a key written twice; the first (here, every claim) is lost.
    "repeated-key.json": ["repeated-key.json:6: key 'claims' appears twice in one object"],
    "repeated-field.json": ["repeated-field.json:5: key 'value' appears twice in one object"],
    "empty.yaml": [
        "empty.yaml: empty file; a claim file holds claims, sources, footnotes, "
        "documents, subjects or properties",
    ],
    "comments-only.yaml": [
        "comments-only.yaml:1: expected a mapping of subjects, properties, entities, documents, "
        "sources, footnotes, claims; found nothing",
    ],
    "list-not-mapping.yaml": [
        "list-not-mapping.yaml:1: expected a mapping of subjects, properties, entities, documents, "
        "sources, footnotes, claims; found list",
    ],
    # A field with a problem is left out and the file read on, so that the problems found
    # later (here: a file read alone declares nothing it uses) come in the same run.
    "unknown-key.yaml": [
        "unknown-key.yaml:3: claims[0].document: unknown document 'rep'",
        "unknown-key.yaml:5: claims[0].subject: undeclared subject 'exodus'",
        "unknown-key.yaml:6: claims[0].property: undeclared property 'emigration.count'",
        "unknown-key.yaml:8: claims[0].claimant_name: unknown field; did you mean 'claimant'?",
    ],
    # A top-level typo must not turn a claim file into "some other YAML" that is skipped.
    "section-typo.yaml": [
        "section-typo.yaml:1: claim: unknown section; did you mean 'claims'?",
    ],
    "missing-field.yaml": [
        "missing-field.yaml:2: claims[0].value: required field is missing",
    ],
    "wrong-type.yaml": [
        "wrong-type.yaml:3: claims[0].document: unknown document 'rep'",
        "wrong-type.yaml:5: claims[0].subject: undeclared subject 'exodus'",
        "wrong-type.yaml:6: claims[0].property: undeclared property 'emigration.count'",
        "wrong-type.yaml:8: claims[0].footnotes: expected a list; found a number",
    ],
    "several-errors.yaml": [
        "several-errors.yaml:4: sources[0].kind: expected one of 'media', 'ngo', 'government', "
        "'court', 'interview', 'report', 'academic', 'encyclopedia', 'other'; "
        "found text 'newspaper'",
        "several-errors.yaml:6: claims[0].value: required field is missing",
        "several-errors.yaml:11: claims[0].claimant_name: unknown field; did you mean 'claimant'?",
        "several-errors.yaml:18: claims[1].stance: expected one of 'asserts', 'reports', "
        "'denies'; found text 'maybe'",
        "several-errors.yaml:19: claims[1].footnotes: expected a list; found a number",
    ],
    "errors-in-two-files": [
        PARSER_WORDS(
            "errors-in-two-files/a.yaml:5: YAML syntax error, column 13: ", ": 'subject: exodus'"
        ),
        "errors-in-two-files/b.yaml:8: claims[0].claimant_name: unknown field; "
        "did you mean 'claimant'?",
    ],
    # One typo in the vocabulary is one error, not one per claim that uses the vocabulary.
    "cascade": [
        "cascade/vocabulary.yaml:13: properties[0].tolerence: unknown field; "
        "did you mean 'tolerance'?",
    ],
    "duplicate-id": [
        "duplicate-id/b.yaml:8: claims[1].id: duplicate id 'early'; "
        "first defined at duplicate-id/a.yaml:2",
    ],
    # Two copies of one vocabulary that drifted apart: both places, every field that differs.
    "declared-differently": [
        "declared-differently/vocabulary.yaml:9: properties[0].unit: 'emigration.count' is "
        "declared differently at declared-differently/team.yaml:6; fields that differ: unit "
        "('men' there, 'people' here), tolerance (0.1 there, 0.05 here)",
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
        "deep-nesting.yaml:1: claims: nested more than 32 levels deep; a claim file needs only "
        "a few (a section, its records, their lists)",
    ],
    "deep-nesting.json": [
        "deep-nesting.json:1: claims: nested more than 32 levels deep; a claim file needs only "
        "a few (a section, its records, their lists)",
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


def assert_lines(actual: list[str], expected: list[str | re.Pattern[str]]) -> None:
    """Lines equal to the expected ones; a pattern must match its whole line."""
    assert len(actual) == len(expected), actual
    for line, want in zip(actual, expected, strict=True):
        if isinstance(want, re.Pattern):
            assert want.fullmatch(line), (line, want.pattern)
        else:
            assert line == want


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
    assert_lines(lines_starting(result.stderr, "error: "), ERRORS[case])
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


# --------------------------------------------------------------------------- dependency-proof
# Parsers and pydantic word their errors in their own ways, and change them between releases
# (PyYAML 6.0.4's C parser began refusing deep flow nesting itself). factcheck's messages
# must not follow them.

NESTED = (
    "claims: nested more than 32 levels deep; a claim file needs only a few "
    "(a section, its records, their lists)"
)


def _nested_yaml_flow(depth: int) -> str:
    return "claims: " + "[" * depth + "]" * depth + "\n"


def _nested_yaml_block(depth: int) -> str:
    lines = ["claims:"] + ["  " * i + "-" for i in range(1, depth)] + ["  " * depth + "- x"]
    return "\n".join(lines) + "\n"


def _nested_json(depth: int) -> str:
    return '{\n"claims": ' + "[" * depth + "]" * depth + "}\n"


@pytest.mark.parametrize("depth", [33, 40, 999, 1001, 5000])
@pytest.mark.parametrize(
    ("suffix", "write"),
    [(".yaml", _nested_yaml_flow), (".yaml", _nested_yaml_block), (".json", _nested_json)],
    ids=["yaml-flow", "yaml-block", "json"],
)
def test_deep_nesting_gets_one_message_at_every_depth(
    tmp_path: Path, suffix: str, write: object, depth: int
) -> None:
    """Below a parser's own limit the file parses and fails validation; above it the parser
    refuses it: either way the user reads the same words, naming the line and section."""
    path = tmp_path / f"deep{suffix}"
    path.write_text(write(depth), encoding="utf-8")  # type: ignore[operator]
    result = run_case(str(path))
    assert result.exit_code == EXIT_BAD_INPUT
    line = 2 if suffix == ".json" else 1
    if write is _nested_yaml_block:
        line = 33  # the 33rd level opens on the 33rd line
    assert lines_starting(result.stderr, "error: ") == [f"{path}:{line}: {NESTED}"]


def test_shallow_nesting_is_not_called_deep(tmp_path: Path) -> None:
    path = tmp_path / "shallow.yaml"
    path.write_text(_nested_yaml_flow(31), encoding="utf-8")
    errors = lines_starting(run_case(str(path)).stderr, "error: ")
    assert errors and all("nested more than" not in e for e in errors)


def test_deep_nesting_message_does_not_depend_on_the_parsers_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parser that gives up earlier, in words nobody has seen, changes nothing."""
    import yaml

    from factcheck import parsing

    def refuses(text: str, file: str) -> object:
        raise yaml.MarkedYAMLError(problem="a brand new wording")

    def unchecked(text: str, file: str) -> object:
        try:
            return refuses(text, file)
        except yaml.MarkedYAMLError as exc:
            raise parsing.FactcheckError(f"YAML error: {exc.problem}", file=file, line=1) from None

    monkeypatch.setattr(parsing, "_parse_yaml_unchecked", unchecked)
    path = tmp_path / "deep.yaml"
    path.write_text(_nested_yaml_flow(60), encoding="utf-8")
    assert lines_starting(run_case(str(path)).stderr, "error: ") == [f"{path}:1: {NESTED}"]


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            {"type": "list_type", "loc": ("claims", 0, "footnotes"), "input": 5},
            "expected a list; found a number",
        ),
        (
            {"type": "string_type", "loc": ("claims", 0, "text"), "input": [1]},
            "expected text; found a list",
        ),
        (
            {"type": "model_type", "loc": ("claims", 0), "input": "x"},
            "expected a record (fields and their values); found text 'x'",
        ),
        (
            {"type": "enum", "loc": ("claims", 0, "stance"), "input": "denys"},
            "expected one of 'asserts', 'reports', 'denies'; found text 'denys'; did you mean 'denies'?",
        ),
        (
            {"type": "literal_error", "loc": ("properties", 0, "kind"), "input": "number"},
            "expected one of 'count', 'amount', 'percentage', 'date', 'status', 'entity'; found text 'number'",
        ),
        ({"type": "missing", "loc": ("claims", 0, "value")}, "required field is missing"),
        ({"type": "extra_forbidden", "loc": ("claims", 0, "x"), "input": 1}, "unknown field"),
        (
            {"type": "extra_forbidden", "loc": ("claims", 0, "txt"), "input": 1},
            "unknown field; did you mean 'text'?",
        ),
        (
            {"type": "string_too_short", "loc": ("claims", 0, "text"), "input": ""},
            "must not be empty",
        ),
        (
            {
                "type": "value_error",
                "loc": ("properties", 0),
                "input": {},
                "ctx": {"error": ValueError("a status property lists its statuses")},
            },
            "a status property lists its statuses",
        ),
    ],
)
def test_validation_messages_are_factchecks_own(error: dict[str, object], message: str) -> None:
    """Built from pydantic's documented error types, not its message text: a release that
    rewords `msg` (here replaced by nonsense) changes nothing the user reads."""
    from factcheck.validation_messages import pydantic_message

    assert pydantic_message({**error, "msg": "reworded by a new release"}) == message


def test_one_declaration_in_many_files_is_one(tmp_path: Path) -> None:
    """A claim base that grows one file per document, each with a copy of the shared
    vocabulary and sources: identical copies are one declaration, and claims across the
    files are compared."""
    vocabulary = (BROKEN / "declared-differently" / "vocabulary.yaml").read_text("utf-8")
    for n, value in enumerate(["261,000", "700,000"]):
        claim = (
            f"claims:\n  - id: c{n}\n    document: rep\n    text: Said {value} left.\n"
            f"    subject: exodus\n    property: emigration.count\n    value: '{value}'\n"
        )
        (tmp_path / f"doc{n}.yaml").write_text(vocabulary + claim, "utf-8")
    result = runner.invoke(app, ["--no-cache", "conflicts", "-c", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert '"c0"' in result.stdout and '"c1"' in result.stdout
