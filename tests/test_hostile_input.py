"""Input and output under hostile conditions: JSON keys written twice, files that are not
regular files, folders that cannot be read, and `--output` targets that cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

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
