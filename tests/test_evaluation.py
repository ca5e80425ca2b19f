"""The evaluation set's figures in docs/evaluation.md stay true, and its expectations name
real claims."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.evaluation import DOC, HEADER, _apart, documents, table


def test_the_set_holds_at_least_three_documents() -> None:
    assert len(documents()) >= 3


@pytest.mark.parametrize("folder", documents(), ids=lambda p: p.name)
def test_expectations_name_claims_of_the_document(folder: Path) -> None:
    claims = yaml.safe_load((folder / "claims.yaml").read_text(encoding="utf-8"))["claims"]
    ids = {c["id"] for c in claims}
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    entries = (expected.get("conflicts") or []) + (expected.get("look_alikes") or [])
    assert entries
    for entry in entries:
        named = {cid for group in entry["sides"] for cid in group}
        assert named <= ids, f"{entry['id']} names {sorted(named - ids)}"


def test_docs_evaluation_shows_the_scores_measured_now() -> None:
    shown = DOC.read_text(encoding="utf-8")
    assert HEADER in shown
    assert table() in shown, "docs/evaluation.md is out of date; run `python tests/evaluation.py`"


def test_apart_means_two_groups_on_two_sides() -> None:
    sides = [{"a", "b"}, {"c"}]
    assert _apart([["a"], ["c"]], sides)
    assert not _apart([["a"], ["b"]], sides)  # both on one side
    assert not _apart([["a"], ["x"]], sides)
    assert _apart([["x"], ["b"], ["c"]], sides)
