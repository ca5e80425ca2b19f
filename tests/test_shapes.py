"""The shapes of kept records (`factcheck.shapes`): what each kind of shape takes and
refuses, since a record read back from the store is shown only if it conforms."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.shapes import Optional, conforms

RECORD = {
    "id": str,
    "count": int,
    "share": float,
    "note": Optional(str),
    "level": ("high", "low"),
    "tags": [str],
    "extra": {str: int},
    "parts": [{"name": str}],
}
GOOD: dict[str, Any] = {
    "id": "a",
    "count": 3,
    "share": 0.5,
    "note": None,
    "level": "high",
    "tags": ["x", "y"],
    "extra": {"k": 1},
    "parts": [{"name": "p"}],
}


def test_a_record_of_every_kind_of_shape_conforms() -> None:
    assert conforms(GOOD, RECORD)
    assert conforms({**GOOD, "share": 2, "note": "said", "tags": [], "extra": {}}, RECORD)


@pytest.mark.parametrize(
    "change",
    [
        {"id": 1},  # a number for a text
        {"count": True},  # a truth value is no count
        {"count": 1.5},
        {"share": False},
        {"note": 3},
        {"level": "medium"},  # a word not on the list
        {"level": None},
        {"tags": "x"},  # a text for a list
        {"tags": ["x", 2]},
        {"extra": {"k": "1"}},
        {"extra": {1: 1}},  # a key that is not text
        {"parts": [{"name": "p", "more": 1}]},  # a key too many, within a list
        {"parts": [{}]},  # a key missing, within a list
    ],
)
def test_a_record_with_one_wrong_value_does_not_conform(change: dict[Any, Any]) -> None:
    assert not conforms({**GOOD, **change}, RECORD)


def test_a_key_too_many_or_missing_does_not_conform() -> None:
    assert not conforms({**GOOD, "more": 1}, RECORD)
    assert not conforms({k: v for k, v in GOOD.items() if k != "note"}, RECORD)
    assert not conforms([GOOD], RECORD)
    assert not conforms(None, RECORD)
