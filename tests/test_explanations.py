"""What must not conflict, and the reason `--explain` gives for the silence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conflicts_helpers import claim, conflicts_of, reasons_for


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
