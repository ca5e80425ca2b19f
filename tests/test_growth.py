"""A growing quantity may grow only as fast as its property says it plausibly can: a later
value beyond that is a conflict, with the implied rate in the reason."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from factcheck.conflict_report import Report, Severity
from factcheck.conflicts import find_conflicts
from factcheck.errors import InputError
from tests.conflicts_helpers import one_file_base


def _report(
    folder: Path, limit: dict[str, Any] | None, *claims: tuple[str, str, str], explain: bool = False
) -> Report:
    prop: dict[str, Any] = {
        "id": "displaced",
        "name": "People displaced",
        "definition": "People displaced since the floods began",
        "kind": "count",
        "growing": True,
        "tolerance": 0.05,
    }
    if limit is not None:
        prop["growth_limit"] = limit
    records = [
        {"id": cid, "property": "displaced", "value": value, "as_of": when}
        for cid, value, when in claims
    ]
    corpus = one_file_base(folder, "floods", [prop], records)
    return find_conflicts(corpus, explain=explain)


MAY = (("agency", "12,000", "3 May 2024"), ("ngo", "310,000", "5 May 2024"))


def test_without_a_limit_a_growing_quantity_may_grow_without_limit(tmp_path: Path) -> None:
    assert _report(tmp_path / "c", None, *MAY).conflicts == []


def test_growth_beyond_a_daily_limit_conflicts(tmp_path: Path) -> None:
    (c,) = _report(tmp_path / "c", {"per_day": 20000}, *MAY).conflicts
    assert c.kind == "growth" and c.severity is Severity.high
    assert [side.claims for side in c.sides] == [("agency",), ("ngo",)]
    assert c.reason == (
        "12,000 (agency as of 3 May 2024) to 310,000 (ngo as of 5 May 2024) is a rise of "
        "144,975 a day over 2 days; 'People displaced' can grow by at most 20,000 a day"
    )


def test_growth_beyond_a_factor_in_a_period_conflicts(tmp_path: Path) -> None:
    (c,) = _report(tmp_path / "c", {"factor": 2, "days": 7}, *MAY).conflicts
    assert c.distance == "×24.6 in 2 days vs at most ×2 in 7 days"


def test_growth_within_the_limit_is_explained(tmp_path: Path) -> None:
    report = _report(
        tmp_path / "c",
        {"per_day": 20000},
        ("agency", "12,000", "3 May 2024"),
        ("ngo", "40,000", "5 May 2024"),
        explain=True,
    )
    assert report.conflicts == []
    assert any("within the growth it allows" in n.reason for n in report.consistent)


@pytest.mark.parametrize(
    "limit",
    [{"per_day": 20000, "factor": 2}, {}, {"per_day": -5}, {"factor": 0.5}],
    ids=["both", "neither", "negative", "shrinking"],
)
def test_a_limit_says_one_thing(tmp_path: Path, limit: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        _report(tmp_path / "c", limit, *MAY)


def _brute_force(claims: list[tuple[str, int, int]], per_day: float) -> bool:
    """Whether any strictly later claim rises beyond the limit from an earlier one, with
    the same generous reading as factcheck (each end of the 5 % tolerance)."""
    for _, va, da in claims:
        for _, vb, db in claims:
            if db > da and vb * 0.975 - va * 1.025 > per_day * (db - da):
                return True
    return False


@pytest.mark.parametrize("seed", range(40))
def test_the_one_pass_finds_what_every_pair_would(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    claims = [(f"c{n}", rng.randrange(1_000, 200_000), rng.randrange(1, 28)) for n in range(8)]
    limit = rng.choice([20_000, 60_000, 150_000])  # about a quarter of the seeds: no conflict
    written = [(cid, f"{v:,}", f"{d} May 2024") for cid, v, d in claims]
    found = [
        c
        for c in _report(tmp_path / "c", {"per_day": limit}, *written).conflicts
        if c.kind == "growth"
    ]
    assert bool(found) == _brute_force(claims, limit)
