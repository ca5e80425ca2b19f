"""How far apart conflicting claims are, and the words that say so: the distance, severity
and reason of a conflict for each kind of property."""

from __future__ import annotations

from pathlib import Path

from factcheck.conflict_report import Severity
from tests.conflicts_helpers import claim, conflicts_of, only


def test_untimed_count_lowers_the_severity_one_step(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("timed", "abroad.count", "261,000", as_of="26 September 2022", claimant="FSB"),
            claim("untimed", "abroad.count", "900 000", claimant="An analyst"),
        )
    )
    assert c.distance == "×3.4"
    assert c.severity is Severity.medium
    assert c.reason.endswith(
        "cannot both hold at one time; An analyst does not say when it applies, "
        "so both may describe the same moment"
    )


def test_end_dates_three_days_apart(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("a", "end.date", "28 October", assume_year=2022, claimant="President"),
            claim("b", "end.date", "31 October 2022", claimant="Officials"),
        )
    )
    assert c.distance == "3 days"
    assert c.severity is Severity.low
    assert c.reason == (
        "28 October (President) and 31 October 2022 (Officials) give dates that do not overlap"
    )


def test_end_dates_months_apart_are_high(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("a", "end.date", "28 October 2022"),
            claim("b", "end.date", "early 2023"),
        )
    )
    assert c.severity is Severity.high
    assert c.distance.endswith(" days")


def test_a_date_against_never_as_of_a_later_time(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("ended", "end.date", "31 October 2022", claimant="Officials"),
            claim("never", "end.date", "never", as_of="September 2025", claimant="Court"),
        )
    )
    assert c.severity is Severity.high
    assert c.distance == "31 October 2022 vs never"
    assert "‘never’ (Court as of September 2025)" in c.reason
    assert c.reason.endswith("Court says it had not happened by a time after that date")


def test_statuses_that_differ_at_the_same_time(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("over", "callup.status", "completed", as_of="November 2022", claimant="MoD"),
            claim("on", "callup.status", "still in force", as_of="November 2022", claimant="Court"),
        )
    )
    assert c.severity is Severity.high
    # The categories in the words the claims use, quoted: no category id reaches a reader.
    assert c.distance == "completed vs still in force"
    assert c.reason == (
        "‘completed’ (MoD as of November 2022) and ‘still in force’ (Court as of November 2022) "
        "cannot both hold at the same time"
    )


def test_percentages_far_apart(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("a", "share.pct", "47%", as_of="2023"),
            claim("b", "share.pct", "12.2 per cent", as_of="2023"),
        )
    )
    assert (c.distance, c.severity) == ("34.8 points", Severity.high)


def test_a_denied_category_is_quoted_in_a_sentence(tmp_path: Path) -> None:
    # 'Ministry denies still in force' reads as broken grammar: the words of a category are
    # quoted, and the sentence names what they describe.
    c = only(
        conflicts_of(
            tmp_path,
            claim("court", "callup.status", "still in force", claimant="Court"),
            claim(
                "denial", "callup.status", "still in force", claimant="Ministry", stance="denies"
            ),
        )
    )
    assert c.distance == "denied"
    assert c.reason == "‘still in force’ is stated by Court; Ministry denies it"
