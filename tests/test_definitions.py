"""Related properties: a part that exceeds its whole, one figure given under two
definitions, and rival definitions of one headline figure kept apart with a reason."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from factcheck.conflict_report import Report, Severity
from factcheck.conflicts import find_conflicts
from factcheck.errors import InputError
from tests.conflicts_helpers import one_file_base


def _prop(pid: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"id": pid, "name": name, "definition": name, "kind": "count", **extra}


PROPERTIES = [
    _prop("dead", "dead", part_of="casualties"),
    _prop("casualties", "dead and wounded"),
    _prop("certified", "deaths certified as caused by the heat", headline="heatwave deaths"),
    _prop("excess", "excess deaths", headline="heatwave deaths"),
]


def _report(
    folder: Path,
    *claims: tuple[str, str, str],
    properties: list[dict[str, Any]] = PROPERTIES,
    **options: Any,
) -> Report:
    records = [{"id": cid, "property": prop, "value": value} for cid, prop, value in claims]
    corpus = one_file_base(folder, "war", properties, records)
    return find_conflicts(corpus, **options)


def test_a_part_above_its_whole_conflicts(tmp_path: Path) -> None:
    """Around 70,000 dead against dead and wounded of up to 50,000."""
    (c,) = _report(
        tmp_path / "c", ("a", "dead", "around 70,000"), ("b", "casualties", "up to 50,000")
    ).conflicts
    assert (c.kind, c.severity, c.distance) == ("narrower", Severity.high, "part ×1.3 its whole")
    assert c.reason == (
        "around 70,000 (a) counts dead, part of dead and wounded, yet is more than up to 50,000 (b)"
    )


def test_a_part_below_its_whole_is_explained(tmp_path: Path) -> None:
    report = _report(
        tmp_path / "c",
        ("a", "dead", "6,800"),
        ("b", "casualties", "25,000"),
        explain=True,
    )
    assert report.conflicts == []
    assert [n.reason for n in report.consistent] == [
        "dead (6,800) is part of dead and wounded (25,000) and no part exceeds its whole"
    ]


def test_one_figure_under_two_definitions_conflicts(tmp_path: Path) -> None:
    """2 million households affected, and 2 million without power for a week."""
    props = [
        _prop("affected", "households affected"),
        _prop("without", "households without power for a week", part_of="affected"),
    ]
    (c,) = _report(
        tmp_path / "c",
        ("wire", "affected", "2 million"),
        ("paper", "without", "2 million"),
        properties=props,
    ).conflicts
    assert (c.kind, c.severity) == ("definition", Severity.medium)
    assert "give one figure for two definitions" in c.reason


def test_rival_definitions_with_their_own_figures_are_kept_apart(tmp_path: Path) -> None:
    report = _report(
        tmp_path / "c",
        ("office", "certified", "12"),
        ("study", "excess", "about 600"),
        explain=True,
    )
    assert report.conflicts == []
    assert [n.reason for n in report.consistent] == [
        "deaths certified as caused by the heat (12) and excess deaths (about 600) are rival "
        "definitions of heatwave deaths, so their values are not compared"
    ]


def test_one_headline_under_rival_definitions_conflicts(tmp_path: Path) -> None:
    (c,) = _report(
        tmp_path / "c", ("office", "certified", "600"), ("study", "excess", "about 600")
    ).conflicts
    assert c.kind == "definition"
    assert "both are definitions of heatwave deaths" in c.reason


@pytest.mark.parametrize(
    ("part_of", "message"),
    [
        ("casualtys", "part_of names an undeclared property 'casualtys'; did you mean"),
        ("dead", "part_of names itself 'dead'"),
        ("certified", None),
    ],
)
def test_part_of_names_a_whole_of_its_kind(
    tmp_path: Path, part_of: str, message: str | None
) -> None:
    props = [dict(p) for p in PROPERTIES]
    props[0]["part_of"] = part_of
    if message is None:  # a count may be part of another count
        _report(tmp_path / "c", properties=props)
        return
    with pytest.raises(InputError) as caught:
        _report(tmp_path / "c", properties=props)
    (problem,) = caught.value.problems
    assert message in str(problem) and "properties[0].part_of" in str(problem)


def test_part_of_a_date_is_refused(tmp_path: Path) -> None:
    props = [*PROPERTIES, {"id": "day", "name": "d", "definition": "d", "kind": "date"}]
    props[0] = {**props[0], "part_of": "day"}
    with pytest.raises(InputError) as caught:
        _report(tmp_path / "c", properties=props)
    assert "a part and its whole are counts" in str(caught.value.problems[0])


@pytest.mark.parametrize("seed", range(30))
def test_the_sweep_finds_a_part_above_its_whole_as_every_pair_would(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    claims = []
    for n in range(6):  # drawn so that about two seeds in five have a part above its whole
        prop = rng.choice(["dead", "casualties"])
        value = rng.randrange(100, 800) if prop == "dead" else rng.randrange(500, 1000)
        claims.append((f"c{n}", prop, value, rng.choice([None, 1, 2, 3])))
    expected = any(
        pa == "dead" and pb == "casualties" and va > vb and (da is None or db is None or da == db)
        for _, pa, va, da in claims
        for _, pb, vb, db in claims
    )
    records = [
        {"id": cid, "property": prop, "value": str(value)}
        | ({"as_of": f"{day} May 2024"} if day else {})
        for cid, prop, value, day in claims
    ]
    corpus = one_file_base(tmp_path / "c", "war", PROPERTIES, records)
    found = [c for c in find_conflicts(corpus).conflicts if c.kind == "narrower"]
    assert bool(found) == expected
