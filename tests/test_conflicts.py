"""Conflict semantics on small corpora written in each test: what must conflict, the scopes
and ranks that keep claims apart, the filters, and a guard against quadratic steps."""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

import orjson
import pytest
import yaml

from factcheck.conflict_report import Report, Severity
from factcheck.conflicts import find_conflicts
from factcheck.corpus import Corpus
from factcheck.errors import InputError
from factcheck.loading import load_corpus
from tests.conflicts_helpers import (
    MINI,
    VOCABULARY,
    claim,
    conflicts_of,
    one_file_base,
    only,
    reasons_for,
    write_corpus,
)

# -------------------------------------------------------------- must conflict


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


# ---------------------------------------------------------- must not conflict


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


# -------------------------------------------------------------------- filters


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


# ------------------------------------------------------------ the mini corpus


def test_mini_corpus_conflicts() -> None:
    report = find_conflicts(load_corpus([MINI]), explain=True)
    assert [(c.property, c.kind, c.severity) for c in report.conflicts] == [
        ("callup.end_date", "values", Severity.high),
        ("left.count", "denial", Severity.high),
        ("left.count", "values", Severity.medium),
    ]
    assert not any("neighbour" in c.claim_ids for c in report.conflicts)
    assert not any("end-wrong" in c.claim_ids for c in report.conflicts)


# ---------------------------------------------------------------------- scale


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


def test_an_approximate_sum_is_as_precise_as_its_digits(tmp_path: Path) -> None:
    """A later filing's "about 2.45 billion" (a sum of two exact figures) disagrees with a
    chief executive's 2.3 billion; "about 2 billion" would not."""
    precise = conflicts_of(
        tmp_path / "precise",
        claim("filing", "target.count", "about 2.45 billion", as_of="1 March 2024"),
        claim("ceo", "target.count", "2.3 billion", as_of="1 March 2024"),
    )
    assert only(precise).distance == "×1.1"
    rough = conflicts_of(
        tmp_path / "rough",
        claim("filing", "target.count", "about 2 billion", as_of="1 March 2024"),
        claim("ceo", "target.count", "2.1 billion", as_of="1 March 2024"),
    )
    assert rough.conflicts == []


def test_times_of_day_in_two_zones_are_compared_as_instants(tmp_path: Path) -> None:
    prop = {
        "id": "quake",
        "name": "time of the earthquake",
        "definition": "When the main shock struck",
        "kind": "date",
        "tolerance": 0.005,  # days: about seven minutes
    }
    same = one_file_base(
        tmp_path / "same",
        "quake",
        [prop],
        [
            {"id": "a", "property": "quake", "value": "4 March 2024 06:15 UTC"},
            {"id": "b", "property": "quake", "value": "4 March 2024 09:15 (UTC+3)"},
        ],
    )
    assert find_conflicts(same).conflicts == []
    apart = one_file_base(
        tmp_path / "apart",
        "quake",
        [prop],
        [
            {"id": "a", "property": "quake", "value": "4 March 2024 06:30 UTC"},
            {"id": "b", "property": "quake", "value": "4 March 2024 09:15 (UTC+3)"},
        ],
    )
    (c,) = find_conflicts(apart).conflicts
    assert c.distance == "15 minutes"


def test_fiscal_years_are_read_by_the_documents_count(tmp_path: Path) -> None:
    """A company counting fiscal years from October: FY2023 revenue 'as of FY2023' is a
    time from October 2022 to September 2023; without the declaration, a located error."""
    prop = {"id": "revenue", "name": "revenue", "definition": "Revenue", "kind": "amount"}
    claims = [{"id": "a", "property": "revenue", "value": "12", "as_of": "FY2023"}]
    with pytest.raises(InputError) as caught:
        one_file_base(tmp_path / "bare", "firm", [prop], claims)
    (problem,) = caught.value.problems
    assert "claims[0].as_of: 'FY2023' is a fiscal year; declare" in str(problem)
    folder = tmp_path / "declared"
    corpus = one_file_base(folder, "firm", [prop], claims, fiscal_year={"starts": 10})
    when = corpus.as_of["a"]
    assert (when.start, when.end) == (date(2022, 10, 1), date(2023, 9, 30))
