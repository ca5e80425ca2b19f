"""What must not conflict, and the reason `--explain` gives for the silence."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.conflicts import find_conflicts
from tests.conflicts_helpers import claim, conflicts_of, reasons_for, write_corpus
from tests.test_sweep import claim_sets, date_claim_sets


def test_growing_quantity_rising_over_time(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("early", "left.count", "261,000", as_of="26 September 2022"),
        claim("later", "left.count", "700,000", as_of="6 October 2022"),
        explain=True,
    )
    assert report.conflicts == []
    assert reasons_for(report, "early", "later") == [
        "261,000 as of 26 September 2022 and 700,000 as of 6 October 2022 differ, but the "
        "later figure is larger, as this growing quantity may be"
    ]


def test_values_at_different_times(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("sep", "abroad.count", "700,000", as_of="September 2022"),
        claim("dec", "abroad.count", "261,000", as_of="December 2022"),
        explain=True,
    )
    assert report.conflicts == []
    assert reasons_for(report, "sep", "dec") == [
        "700,000 as of September 2022 and 261,000 as of December 2022 differ, but they refer "
        "to different times"
    ]


def test_statuses_at_different_times(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("on", "callup.status", "in-force", as_of="October 2022"),
        claim("over", "callup.status", "ended", as_of="2024"),
        explain=True,
    )
    assert report.conflicts == []
    assert any("they refer to different times" in r for r in reasons_for(report, "on", "over"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("261,000", "270,000"),  # 3 % apart, within 5 %
        ("around 900 000", "850,000"),
        ("up to one million", "300 000"),
        ("more than 200,000", "261,000"),
        ("350 000 – 400 000", "380,000"),
        ("hundreds of thousands", "700,000"),
        ("nearly 1,000", "960"),
    ],
)
def test_values_that_agree(tmp_path: Path, a: str, b: str) -> None:
    report = conflicts_of(
        tmp_path,
        claim("a", "abroad.count", a, as_of="1 October 2022"),
        claim("b", "abroad.count", b, as_of="1 October 2022"),
        explain=True,
    )
    assert report.conflicts == []
    (reason,) = reasons_for(report, "a", "b")
    assert reason.startswith("values agree within the property's tolerance (")
    assert a in reason and b in reason


def test_dates_within_tolerance_agree(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("a", "end.date", "28 October 2022"),
        claim("b", "end.date", "29 October 2022"),
        explain=True,
    )
    assert report.conflicts == []
    assert reasons_for(report, "a", "b")


def test_never_as_of_a_time_before_the_date(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("ended", "end.date", "31 October 2022"),
        claim("not-yet", "end.date", "not yet", as_of="September 2022"),
        explain=True,
    )
    assert report.conflicts == []
    (reason,) = reasons_for(report, "ended", "not-yet")
    # What reconciles them is the as-of time, not a tolerance: the explanation must say so.
    assert "September 2022" in reason
    assert "tolerance" not in reason


def test_a_single_claim_is_never_a_conflict(tmp_path: Path) -> None:
    report = conflicts_of(tmp_path, claim("a", "abroad.count", "700,000"), explain=True)
    assert report.conflicts == []
    assert report.consistent == []
    assert report.compared == 1


# --------------------------------------------------------------------------- nothing silent


@st.composite
def mixed_topics(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Counts or dates of one topic, some denied, some deprecated, some in another scope."""
    claims = draw(st.one_of(claim_sets(5), date_claim_sets(5)))
    for c in claims:
        twist = draw(st.sampled_from(["none", "none", "denies", "deprecated", "scope"]))
        if twist == "denies":
            c["stance"] = "denies"
        elif twist == "deprecated":
            c.update(rank="deprecated", rank_reason="superseded")
        elif twist == "scope":
            c["scope"] = {"region": "north"}
    return claims


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_topics())
def test_explain_accounts_for_every_claim_of_a_topic(claims: list[dict[str, Any]]) -> None:
    """Every claim is in a conflict, or named by an explanation of why it is not in one
    (deprecated, another scope, another time, values that agree, a denial that matches
    nothing, or no claim it contradicts)."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder), claims)
        report = find_conflicts(corpus, explain=True)
    accounted = {cid for c in report.conflicts for cid in c.claim_ids}
    accounted |= {cid for note in report.consistent for cid in note.claims}
    assert accounted == set(corpus.claims)
