"""Status categories that imply or exclude one another."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factcheck.conflicts import find_conflicts
from factcheck.errors import InputError
from tests.conflicts_helpers import one_file_base

CEASEFIRE = {
    "id": "truce",
    "name": "state of the ceasefire",
    "definition": "Whether the ceasefire holds",
    "kind": "status",
    "statuses": {"holding": ["holds"], "collapsed": [], "ended": ["over"]},
    "implies": {"collapsed": ["ended"]},
}
MINISTER = {
    "id": "standing",
    "name": "the minister's standing",
    "definition": "Where the minister is and in what role",
    "kind": "status",
    "several": True,
    "statuses": {"in-office": [], "in-exile": [], "abroad": [], "fled": []},
    "implies": {"fled": ["in-exile"]},
    "excludes": {"in-office": ["in-exile"]},
}


def _found(tmp_path: Path, prop: dict[str, Any], *claims: tuple[str, str, str]) -> list[Any]:
    records = [
        {"id": cid, "property": prop["id"], "value": value, "as_of": when}
        for cid, value, when in claims
    ]
    return find_conflicts(one_file_base(tmp_path / "c", "war", [prop], records)).conflicts


def test_a_category_agrees_with_what_it_implies(tmp_path: Path) -> None:
    assert (
        _found(tmp_path, CEASEFIRE, ("a", "collapsed", "May 2024"), ("b", "over", "May 2024")) == []
    )


def test_categories_that_neither_implies_conflict_on_a_single_valued_property(
    tmp_path: Path,
) -> None:
    (c,) = _found(tmp_path, CEASEFIRE, ("a", "holds", "May 2024"), ("b", "collapsed", "May 2024"))
    assert set(c.claim_ids) == {"a", "b"}
    assert c.reason.endswith("the categories cannot both hold at the same time")


def test_several_values_stand_together_unless_excluded(tmp_path: Path) -> None:
    assert (
        _found(
            tmp_path / "x", MINISTER, ("a", "abroad", "May 2024"), ("b", "in-office", "May 2024")
        )
        == []
    )
    (c,) = _found(
        tmp_path / "y", MINISTER, ("a", "in-office", "May 2024"), ("b", "in-exile", "May 2024")
    )
    assert c.reason.endswith("the categories exclude each other")


def test_exclusion_reaches_through_what_a_category_implies(tmp_path: Path) -> None:
    (c,) = _found(tmp_path, MINISTER, ("a", "in-office", "May 2024"), ("b", "fled", "May 2024"))
    assert set(c.claim_ids) == {"a", "b"}


def test_excluded_categories_at_different_times_agree(tmp_path: Path) -> None:
    assert (
        _found(tmp_path, MINISTER, ("a", "in-office", "May 2024"), ("b", "in-exile", "June 2024"))
        == []
    )


@pytest.mark.parametrize("field", ["implies", "excludes"])
def test_a_relation_names_declared_categories(tmp_path: Path, field: str) -> None:
    prop = {**MINISTER, field: {"in-office": ["in-prison"]}}
    with pytest.raises(InputError) as caught:
        _found(tmp_path, prop)
    (problem,) = caught.value.problems
    assert f"properties[0]: {field} names 'in-prison', which is not one of the statuses" in str(
        problem
    )
