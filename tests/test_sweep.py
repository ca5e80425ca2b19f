"""The sweep and its clusters: the sides of a conflict, the pair it shows and its severity,
whichever order the claims come in."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
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


def test_the_pair_shown_is_the_farthest_apart_by_midpoint(tmp_path: Path) -> None:
    # The range reaches above 900, yet its midpoint (550) is farther from 2,000 than 900
    # is: the pair shown is the range and 2,000 (and 2,000 is met last, from the two).
    dated = {"as_of": "1 October 2022"}
    c = only(
        conflicts_of(
            tmp_path,
            claim("a-range", "abroad.count", "100 – 1,000", **dated),
            claim("b-point", "abroad.count", "900", **dated),
            claim("z-far", "abroad.count", "2,000", **dated),
        )
    )
    assert c.distance == "×3.6"


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


# ------------------------------------------------------------------- the most severe pair


def test_a_later_date_does_not_lower_a_denial_of_an_earlier_one(tmp_path: Path) -> None:
    """Began on 10 February; had not begun as of 12 February: high. Two claims that it began
    on 14 February (consistent with the second, four days from the first) used to make the
    whole conflict low, and `--min-severity high` hid it."""
    corpus = write_corpus(
        tmp_path,
        [
            claim("agency", "end.date", "10 February 2024"),
            claim("faction", "end.date", "not yet", as_of="12 February 2024"),
            claim("later1", "end.date", "14 February 2024"),
            claim("later2", "end.date", "14 February 2024"),
        ],
    )
    c = only(find_conflicts(corpus))
    assert c.severity is Severity.high
    assert len(find_conflicts(corpus, min_severity=Severity.high).conflicts) == 1
    assert "faction" in c.claim_ids and "agency" in c.claim_ids


DATES = ["10 February 2024", "14 February 2024", "2 March 2024", "February 2024", "not yet"]
DATE_AS_OF = [None, "12 February 2024", "20 February 2024", "1 April 2024"]


@st.composite
def date_claim_sets(draw: st.DrawFn, size: int) -> list[dict[str, Any]]:
    claims = []
    for n in range(size):
        as_of = draw(st.sampled_from(DATE_AS_OF))
        extra = {"as_of": as_of} if as_of else {}
        claims.append(claim(f"c{n}", "end.date", draw(st.sampled_from(DATES)), **extra))
    return claims


def _worst_pair(corpus: Any) -> Severity | None:
    """The most severe conflict of any two of the corpus's claims, each pair on its own."""
    worst = None
    ids = sorted(corpus.claims)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            pair = dataclasses.replace(corpus, claims={k: corpus.claims[k] for k in (a, b)})
            for c in find_conflicts(pair).conflicts:
                worst = c.severity if worst is None else max(worst, c.severity)
    return worst


#: Found by this test: c0 and the range c2 share the upper bound 259,281, but c2's
#: midpoint is lower, so c2-c3 is ×2.05 (high) where c0-c3 is ×2.00 (medium). A sweep that
#: took the partner with the most extreme bound scored c0 and reported medium.
_TIED_UPPER_BOUNDS = [
    claim("c0", "left.count", "259,281", as_of="26 September 2022"),
    claim("c1", "left.count", "1"),
    claim("c2", "left.count", "245,569 – 259,281", as_of="26 September 2022"),
    claim("c3", "left.count", "518,556", as_of="26 September 2022"),
]


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.one_of(claim_sets(4), date_claim_sets(4)))
@example(claims=_TIED_UPPER_BOUNDS)
def test_a_conflict_is_as_severe_as_its_most_severe_pair(claims: list[dict[str, Any]]) -> None:
    """So adding a claim never lowers the severity of a pair that still conflicts, and
    `--min-severity` never hides a contradiction that a pair of the claims makes."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder), claims)
        found = [c for c in find_conflicts(corpus).conflicts if c.kind == "values"]
        worst = _worst_pair(corpus)
    assert (found[0].severity if found else None) == worst
