"""The sweep and its clusters: the sides of a conflict, the pair it shows and its severity,
whichever order the claims come in."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.conflict_report import Report, Severity
from factcheck.conflicts import find_conflicts
from tests.conflicts_helpers import claim, conflicts_of, only, write_corpus


def test_several_sides_are_clustered(tmp_path: Path) -> None:
    same_time = {"as_of": "1 October 2022"}
    c = only(
        conflicts_of(
            tmp_path,
            claim("a1", "abroad.count", "100,000", **same_time),
            claim("b1", "abroad.count", "400,000", **same_time),
            claim("a2", "abroad.count", "around 100 000", **same_time),
            claim("b2", "abroad.count", "410,000", **same_time),
            claim("c1", "abroad.count", "1.2 million", **same_time),
        )
    )
    assert [set(side.claims) for side in c.sides] == [{"a1", "a2"}, {"b1", "b2"}, {"c1"}]
    assert c.distance == "×12.0"


def test_an_undated_outlier_does_not_lower_a_dated_conflict(tmp_path: Path) -> None:
    # Two dated counts three times apart are high; an undated millionfold claim is only
    # medium on its own, and must not pull the topic's severity down.
    dated = {"as_of": "1 October 2022"}
    c = only(
        conflicts_of(
            tmp_path,
            claim("a", "abroad.count", "100,000", **dated),
            claim("b", "abroad.count", "300,000", **dated),
            claim("z", "abroad.count", "1,000,000"),
        )
    )
    assert c.severity is Severity.high
    assert c.distance == "×3.0"


@pytest.mark.parametrize("first", ["a", "z"])
def test_the_pair_shown_does_not_depend_on_ids(tmp_path: Path, first: str) -> None:
    dated = {"as_of": "1 October 2022"}
    c = only(
        conflicts_of(
            tmp_path,
            claim(first, "abroad.count", "150 – 300", **dated),
            claim("b", "abroad.count", "up to 300", **dated),
            claim("c", "abroad.count", "more than 500", **dated),
        )
    )
    assert (c.severity, c.distance) == (Severity.high, "×2.2")


def test_severity_does_not_depend_on_claim_order(tmp_path: Path) -> None:
    # Two pairs are equally far apart: (timed 261,000, 900 000) and (untimed 261,000,
    # 900 000). The reported severity, and so whether min_severity=high keeps the conflict,
    # must not depend on which of them the file happens to list first.
    untimed = claim("untimed", "abroad.count", "261,000", claimant="Analyst")
    timed = claim("timed", "abroad.count", "261,000", as_of="26 September 2022", claimant="FSB")
    far = claim("far", "abroad.count", "900 000", as_of="26 September 2022", claimant="Novaya")
    severities = []
    for n, order in enumerate([[untimed, timed, far], [untimed, far, timed]]):
        corpus = write_corpus(tmp_path / str(n), order)
        severities.append(only(find_conflicts(corpus)).severity)
        severities.append(len(find_conflicts(corpus, min_severity=Severity.high).conflicts))
    assert severities[:2] == severities[2:]


# ------------------------------------------------------------------- symmetry

AS_OF = [None, "26 September 2022", "6 October 2022", "October 2022", "mid-October 2022", "2022"]


@st.composite
def quantity_words(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=2_000_000))
    form = draw(st.sampled_from(["exact", "around", "more than", "up to", "nearly", "range"]))
    if form == "exact":
        return f"{n:,}"
    if form == "range":
        # Ends a thousandfold apart are refused as ambiguous; stay well within that.
        m = draw(st.integers(min_value=n, max_value=min(3_000_000, n * 50)))
        return f"{n:,} – {m:,}"
    return f"{form} {n:,}"


@st.composite
def claim_sets(draw: st.DrawFn, size: int) -> list[dict[str, Any]]:
    prop = draw(st.sampled_from(["left.count", "abroad.count"]))
    claims = []
    for n in range(size):
        fields: dict[str, Any] = {}
        as_of = draw(st.sampled_from(AS_OF))
        if as_of:
            fields["as_of"] = as_of
        claims.append(claim(f"c{n}", prop, draw(quantity_words()), **fields))
    return claims


def signature(report: Report) -> set[tuple[str, frozenset[str], Severity]]:
    return {(c.kind, frozenset(c.claim_ids), c.severity) for c in report.conflicts}


def reports_in_every_order(claims: list[dict[str, Any]]) -> list[Report]:
    """The same claims in one file, in one file reversed, and one per file each way round."""
    layouts = [[claims], [claims[::-1]], [[c] for c in claims], [[c] for c in claims[::-1]]]
    reports = []
    for layout in layouts:
        with tempfile.TemporaryDirectory() as folder:
            reports.append(find_conflicts(write_corpus(Path(folder), *layout)))
    return reports


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_sets(2))
def test_conflict_between_two_claims_does_not_depend_on_their_order(
    claims: list[dict[str, Any]],
) -> None:
    reports = reports_in_every_order(claims)
    found = [bool(r.conflicts) for r in reports]
    assert len(set(found)) == 1, found
    assert all(signature(r) == signature(reports[0]) for r in reports)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_sets(3))
def test_conflicting_claims_among_three_do_not_depend_on_their_order(
    claims: list[dict[str, Any]],
) -> None:
    reports = reports_in_every_order(claims)
    involved = [{cid for c in r.conflicts for cid in c.claim_ids} for r in reports]
    assert all(ids == involved[0] for ids in involved), involved
