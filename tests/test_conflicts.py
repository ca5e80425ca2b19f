"""Conflict semantics on small corpora written in each test: what must conflict, what must not
(and the reason given for the silence), the filters, symmetry and a guard against quadratic
steps."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.conflicts import Conflict, Report, Severity, find_conflicts, relations
from factcheck.corpus import Corpus
from factcheck.loading import load_corpus

MINI = Path(__file__).parent / "data" / "mini"

PROPERTIES: list[dict[str, Any]] = [
    {
        "id": "left.count",
        "name": "People who left",
        "definition": "People who left the country since the call-up was announced",
        "kind": "count",
        "unit": "people",
        "growing": True,
        "tolerance": 0.05,
    },
    {
        "id": "abroad.count",
        "name": "People abroad",
        "definition": "People staying abroad at a given time (rises and falls)",
        "kind": "count",
        "unit": "people",
        "tolerance": 0.05,
    },
    {
        "id": "target.count",
        "name": "Planned call-up size",
        "definition": "Number of people the call-up was planned to draft",
        "kind": "count",
        "unit": "people",
        "tolerance": 0.05,
    },
    {
        "id": "end.date",
        "name": "End of the call-up",
        "definition": "The date the call-up ended",
        "kind": "date",
        "tolerance": 1,
    },
    {
        "id": "callup.status",
        "name": "Status of the call-up",
        "definition": "Whether the call-up is in force",
        "kind": "status",
        "statuses": {"ended": ["completed", "over"], "in-force": ["still in force", "ongoing"]},
    },
    {
        "id": "share.pct",
        "name": "Share of men among those who left",
        "definition": "Percentage of men among the people who left",
        "kind": "percentage",
    },
]
SUBJECTS = [
    {"id": "exodus", "name": "Departures after the call-up"},
    {"id": "callup", "name": "The call-up"},
]
VOCABULARY = {
    "subjects": SUBJECTS,
    "properties": PROPERTIES,
    "documents": [{"id": "rep", "title": "A country report", "date": "March 2025"}],
}
SUBJECT_OF = {
    "left.count": "exodus",
    "abroad.count": "exodus",
    "share.pct": "exodus",
    "target.count": "callup",
    "end.date": "callup",
    "callup.status": "callup",
}


def claim(cid: str, prop: str, value: str, **fields: Any) -> dict[str, Any]:
    """A claim record with everything a test does not care about filled in."""
    record: dict[str, Any] = {
        "id": cid,
        "document": "rep",
        "text": f"The words of claim {cid}.",
        "subject": SUBJECT_OF[prop],
        "property": prop,
        "value": value,
    }
    record.update(fields)
    return record


def write_corpus(folder: Path, *claim_files: list[dict[str, Any]]) -> Corpus:
    """Write the vocabulary and one file per list of claims, in that order; load them."""
    folder.mkdir(parents=True, exist_ok=True)
    dump = {"allow_unicode": True, "sort_keys": False}
    (folder / "vocabulary.yaml").write_text(yaml.safe_dump(VOCABULARY, **dump), "utf-8")
    for n, claims in enumerate(claim_files):
        text = yaml.safe_dump({"claims": claims}, **dump)
        (folder / f"claims-{n:02d}.yaml").write_text(text, "utf-8")
    return load_corpus([folder])


def conflicts_of(tmp_path: Path, *claims: dict[str, Any], **options: Any) -> Report:
    return find_conflicts(write_corpus(tmp_path, list(claims)), **options)


def only(report: Report) -> Conflict:
    assert len(report.conflicts) == 1, report.conflicts
    return report.conflicts[0]


def reasons_for(report: Report, *claim_ids: str) -> list[str]:
    """The explanations that name every one of the claims."""
    return [c.reason for c in report.consistent if set(claim_ids) <= set(c.claims)]


# --------------------------------------------------------------------------- must conflict


def test_exact_counts_far_apart_at_the_same_time(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("low", "abroad.count", "261,000", as_of="26 September 2022", claimant="FSB"),
        claim("high", "abroad.count", "900 000", as_of="26 September 2022", claimant="Novaya"),
    )
    c = only(report)
    assert (c.kind, c.subject, c.property, c.scope) == ("values", "exodus", "abroad.count", ())
    assert c.distance == "×3.4"
    assert c.severity is Severity.high
    assert [side.claims for side in c.sides] == [("low",), ("high",)]
    assert c.reason == (
        "261,000 (FSB as of 26 September 2022) and 900 000 (Novaya as of 26 September 2022) "
        "cannot both hold at the same time"
    )


def test_growing_counts_at_the_same_time_conflict_too(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("low", "left.count", "261,000", as_of="26 September 2022"),
            claim("high", "left.count", "900 000", as_of="26 September 2022"),
        )
    )
    assert (c.distance, c.severity) == ("×3.4", Severity.high)
    assert "the larger figure is not later, and this quantity only grows" in c.reason


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
    assert "An analyst gives no as-of time, so they may describe the same moment" in c.reason


def test_growing_quantity_shrinking_later(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("early", "left.count", "700,000", as_of="6 October 2022", claimant="Forbes"),
            claim("later", "left.count", "261,000", as_of="26 October 2022", claimant="FSB"),
        )
    )
    assert c.distance == "×2.7"
    assert c.severity is Severity.high
    assert {side.claims for side in c.sides} == {("early",), ("later",)}
    assert "the larger figure is not later, and this quantity only grows" in c.reason
    assert "26 October 2022" in c.reason and "6 October 2022" in c.reason


def test_a_denial_contradicts_the_value_it_denies(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim(
            "reported",
            "left.count",
            "700,000",
            as_of="6 October 2022",
            claimant="Forbes",
            stance="reports",
        ),
        claim(
            "denied",
            "left.count",
            "700 000",
            as_of="6 October 2022",
            claimant="Kremlin",
            stance="denies",
        ),
    )
    c = only(report)
    assert c.kind == "denial"
    assert c.severity is Severity.high
    assert c.distance == "700 000 vs denied"
    assert [side.claims for side in c.sides] == [("reported",), ("denied",)]
    assert c.reason == "Kremlin denies 700 000, which is reported by Forbes"


@pytest.mark.parametrize(
    "looser", ["more than 200,000", "up to one million", "hundreds of thousands"]
)
def test_a_denial_does_not_contradict_a_looser_claim(tmp_path: Path, looser: str) -> None:
    # 'Not 700,000' and 'more than 200,000' can both hold (300,000, say): a denial contradicts
    # only the claims whose whole interval it denies.
    report = conflicts_of(
        tmp_path,
        claim("stated", "left.count", looser, stance="reports"),
        claim("denied", "left.count", "700,000", stance="denies"),
    )
    assert report.conflicts == []


def test_a_denial_of_the_same_open_ended_value_contradicts_it(tmp_path: Path) -> None:
    # 'Up to one million' pins no figure down, but denying exactly that claim contradicts it.
    report = conflicts_of(
        tmp_path,
        claim("stated", "left.count", "up to one million", claimant="Paper", stance="reports"),
        claim("denied", "left.count", "up to 1 million", claimant="Spokesman", stance="denies"),
    )
    c = only(report)
    assert c.kind == "denial"
    assert c.reason == "Spokesman denies up to 1 million, which is reported by Paper"


def test_a_denial_of_another_value_is_no_conflict(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("stated", "left.count", "261,000", as_of="6 October 2022"),
        claim("denied", "left.count", "700,000", as_of="6 October 2022", stance="denies"),
    )
    assert report.conflicts == []


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
    assert "never (Court as of September 2025)" in c.reason
    assert c.reason.endswith("Court says it had not happened by a time after that date")


def test_never_without_as_of_is_read_at_the_document_date(tmp_path: Path) -> None:
    # The document is dated March 2025: 'never' then means not by March 2025.
    c = only(
        conflicts_of(
            tmp_path,
            claim("ended", "end.date", "31 October 2022"),
            claim("never", "end.date", "never"),
        )
    )
    assert c.distance == "31 October 2022 vs never"


def test_statuses_that_differ_at_the_same_time(tmp_path: Path) -> None:
    c = only(
        conflicts_of(
            tmp_path,
            claim("over", "callup.status", "completed", as_of="November 2022", claimant="MoD"),
            claim("on", "callup.status", "still in force", as_of="November 2022", claimant="Court"),
        )
    )
    assert c.severity is Severity.high
    assert c.distance == "ended vs in-force"
    assert c.reason == (
        "completed (MoD as of November 2022) and still in force (Court as of November 2022) "
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


def test_values_just_beyond_tolerance_conflict(tmp_path: Path) -> None:
    # 280,000 is 7 % above 261,000; the property allows 5 %.
    report = conflicts_of(
        tmp_path,
        claim("a", "abroad.count", "261,000", as_of="1 October 2022"),
        claim("b", "abroad.count", "280,000", as_of="1 October 2022"),
    )
    assert len(report.conflicts) == 1


def test_dates_just_beyond_tolerance_conflict(tmp_path: Path) -> None:
    # Two days apart; the property allows one.
    c = only(
        conflicts_of(
            tmp_path,
            claim("a", "end.date", "28 October 2022"),
            claim("b", "end.date", "30 October 2022"),
        )
    )
    assert c.distance == "2 days"


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


def test_denying_a_lower_bound_contradicts_every_figure_above_it(tmp_path: Path) -> None:
    # 'There is no second wave' denies 'at least two', which three waves contradict.
    report = conflicts_of(
        tmp_path,
        claim("three", "left.count", "3", stance="reports", claimant="Office"),
        claim("one", "left.count", "1", stance="reports", claimant="Other"),
        claim("denial", "left.count", "at least 2", stance="denies", claimant="Spokesman"),
    )
    denials = [c for c in report.conflicts if c.kind == "denial"]
    assert [c.sides[0].claims for c in denials] == [("three",)]


@pytest.mark.parametrize("denied", ["up to one million", "hundreds of thousands"])
def test_denying_an_open_value_does_not_contradict_a_figure_within_it(
    tmp_path: Path, denied: str
) -> None:
    report = conflicts_of(
        tmp_path,
        claim("stated", "left.count", "300,000", stance="reports"),
        claim("denial", "left.count", denied, stance="denies"),
    )
    assert report.conflicts == []


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


# --------------------------------------------------------------------------- must not conflict


def test_other_scope_is_not_a_conflict(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("left", "abroad.count", "700,000", as_of="6 October 2022"),
        claim(
            "kz",
            "abroad.count",
            "200,000",
            as_of="6 October 2022",
            scope={"destination": "Kazakhstan"},
        ),
        explain=True,
    )
    assert report.conflicts == []
    assert any(
        "is compared only with claims of the same scope" in r and "200,000" in r
        for r in reasons_for(report, "kz")
    )


def test_scope_keys_and_values_ignore_case(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("a", "abroad.count", "100,000", scope={"destination": "Kazakhstan"}),
        claim("b", "abroad.count", "900,000", scope={"Destination": "kazakhstan"}),
    )
    assert len(report.conflicts) == 1


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


def test_a_deprecated_claim_is_shown_not_counted(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("right", "end.date", "31 October 2022"),
        claim(
            "wrong",
            "end.date",
            "2021",
            rank="deprecated",
            rank_reason="the call-up began in 2022",
        ),
        explain=True,
    )
    assert report.conflicts == []
    assert reasons_for(report, "wrong") == ["deprecated: the call-up began in 2022"]
    assert report.compared == 2


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


# --------------------------------------------------------------------------- filters


@pytest.fixture
def three_topics(tmp_path: Path) -> Corpus:
    """A high conflict on exodus/abroad.count, a low one on callup/end.date, a high one on
    callup/callup.status."""
    return write_corpus(
        tmp_path,
        [
            claim("n1", "abroad.count", "261,000", as_of="26 September 2022"),
            claim("n2", "abroad.count", "900 000", as_of="26 September 2022"),
            claim("d1", "end.date", "28 October 2022"),
            claim("d2", "end.date", "31 October 2022"),
            claim("s1", "callup.status", "ended", as_of="2023"),
            claim("s2", "callup.status", "in-force", as_of="2023"),
        ],
    )


def topics(report: Report) -> list[tuple[str, str, Severity]]:
    return [(c.subject, c.property, c.severity) for c in report.conflicts]


def test_unfiltered_report_is_sorted_by_severity(three_topics: Corpus) -> None:
    assert topics(find_conflicts(three_topics)) == [
        ("callup", "callup.status", Severity.high),
        ("exodus", "abroad.count", Severity.high),
        ("callup", "end.date", Severity.low),
    ]
    assert find_conflicts(three_topics).compared == 6


def test_filter_by_subject(three_topics: Corpus) -> None:
    assert topics(find_conflicts(three_topics, subject="callup")) == [
        ("callup", "callup.status", Severity.high),
        ("callup", "end.date", Severity.low),
    ]
    assert find_conflicts(three_topics, subject="nothing").conflicts == []


def test_filter_by_property(three_topics: Corpus) -> None:
    report = find_conflicts(three_topics, property="end.date")
    assert topics(report) == [("callup", "end.date", Severity.low)]
    assert report.compared == 2


def test_filter_by_subject_and_property(three_topics: Corpus) -> None:
    assert find_conflicts(three_topics, subject="exodus", property="end.date").conflicts == []


@pytest.mark.parametrize(
    ("severity", "count"), [(Severity.low, 3), (Severity.medium, 2), (Severity.high, 2)]
)
def test_filter_by_minimum_severity(three_topics: Corpus, severity: Severity, count: int) -> None:
    report = find_conflicts(three_topics, min_severity=severity)
    assert len(report.conflicts) == count
    assert all(c.severity >= severity for c in report.conflicts)


# --------------------------------------------------------------------------- relations


def test_relations_on_the_mini_corpus() -> None:
    corpus = load_corpus([MINI])
    target = relations(corpus, "target-a")
    assert target.agrees == ("target-b",)
    assert target.conflicts == ()
    early = relations(corpus, "early")
    assert [c.kind for c in early.conflicts] == ["values"]
    denied = relations(corpus, "later")
    assert sorted(c.kind for c in denied.conflicts) == ["denial", "values"]


def test_mini_corpus_conflicts() -> None:
    report = find_conflicts(load_corpus([MINI]), explain=True)
    assert [(c.property, c.kind, c.severity) for c in report.conflicts] == [
        ("callup.end_date", "values", Severity.high),
        ("left.count", "denial", Severity.high),
        ("left.count", "values", Severity.medium),
    ]
    assert not any("neighbour" in c.claim_ids for c in report.conflicts)
    assert not any("end-wrong" in c.claim_ids for c in report.conflicts)


# --------------------------------------------------------------------------- symmetry

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


# --------------------------------------------------------------------------- scale


def test_twenty_thousand_claims_on_one_topic(tmp_path: Path) -> None:
    rng = random.Random(20220921)
    claims = []
    for n in range(20_000):
        # Mostly a steady rise, with one outlier in a hundred and one denial in a hundred.
        value = 1_000 * (n + 1) if rng.random() > 0.01 else rng.randint(1, 10_000_000)
        month = ["January", "June", "October"][n % 3]
        claims.append(
            {
                "id": f"c{n}",
                "document": "rep",
                "text": "generated",
                "subject": "exodus",
                "property": "left.count" if n % 2 else "abroad.count",
                "value": f"{value:,}",
                "as_of": f"{1 + n % 28} {month} {2000 + n // 336}",
                "stance": "denies" if n % 100 == 7 else "asserts",
            }
        )
    (tmp_path / "vocabulary.yaml").write_text(yaml.safe_dump(VOCABULARY), "utf-8")
    (tmp_path / "claims.json").write_bytes(orjson.dumps({"claims": claims}))
    corpus = load_corpus([tmp_path])
    assert len(corpus.claims) == 20_000

    started = time.perf_counter()
    report = find_conflicts(corpus, explain=True)
    elapsed = time.perf_counter() - started

    assert report.compared == 20_000
    assert {c.kind for c in report.conflicts} == {"values", "denial"}
    assert elapsed < 10, f"find_conflicts took {elapsed:.1f} s on 20,000 claims"
