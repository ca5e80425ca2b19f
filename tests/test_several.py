"""Properties that hold several values at once (causes, participants, places): different
values stand together; only a denial conflicts, and `--explain` says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.conflicts import find_conflicts
from factcheck.corpus import Corpus
from factcheck.errors import InputError
from factcheck.loading import load_corpus
from tests.conflicts_helpers import one_file_base

VOCABULARY: dict[str, Any] = {
    "subjects": [{"id": "protests", "name": "The protests"}],
    "properties": [
        {
            "id": "cause",
            "name": "Cause of the protests",
            "definition": "What the protesters protested against",
            "kind": "status",
            "several": True,
            "statuses": {
                "fuel-prices": ["fuel prices", "the price of fuel"],
                "arrest": ["the arrest of a union leader"],
                "election": ["the election result"],
            },
        }
    ],
    "documents": [{"id": "rep", "title": "A report"}],
}


def _claims(folder: Path, *claims: tuple[str, str, str]) -> Corpus:
    records = [
        {"id": cid, "property": "cause", "value": value, "stance": stance}
        for cid, value, stance in claims
    ]
    return one_file_base(folder, "protests", VOCABULARY["properties"], records)


def test_two_causes_stand_together(tmp_path: Path) -> None:
    folder = _claims(
        tmp_path / "c",
        ("union", "fuel prices", "asserts"),
        ("press", "the arrest of a union leader", "asserts"),
    )
    report = find_conflicts(folder, explain=True)
    assert report.conflicts == []
    (why,) = [c.reason for c in report.consistent]
    assert why == (
        "'Cause of the protests' holds several values at once (fuel prices, the arrest of a "
        "union leader); only a denial conflicts"
    )


def test_a_denied_cause_conflicts(tmp_path: Path) -> None:
    folder = _claims(
        tmp_path / "c",
        ("union", "fuel prices", "asserts"),
        ("press", "the arrest of a union leader", "asserts"),
        ("government", "the price of fuel", "denies"),
    )
    (conflict,) = find_conflicts(folder).conflicts
    assert conflict.kind == "denial"
    assert set(conflict.claim_ids) == {"union", "government"}


def test_the_same_values_on_a_single_valued_property_conflict(tmp_path: Path) -> None:
    VOCABULARY["properties"][0]["several"] = False
    try:
        folder = _claims(
            tmp_path / "c",
            ("union", "fuel prices", "asserts"),
            ("press", "the arrest of a union leader", "asserts"),
        )
        assert len(find_conflicts(folder).conflicts) == 1
    finally:
        VOCABULARY["properties"][0]["several"] = True


def test_a_growing_property_cannot_hold_several_values(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    prop = {"id": "n", "name": "N", "definition": "d", "kind": "count", "growing": True}
    (folder / "v.yaml").write_text(yaml.safe_dump({"properties": [{**prop, "several": True}]}))
    with pytest.raises(InputError) as caught:
        load_corpus([folder])
    assert "several values at once is not growing" in str(caught.value.problems[0])
