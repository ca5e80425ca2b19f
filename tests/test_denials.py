"""Denials against the claims they rule out: the sweep and search in `_ruled_out` and `_used`
against a plain all-pairs reference, examples through `find_conflicts`, and a large topic.

The rule, as documented in `factcheck.denials`: a denial rules out a stated claim when
their time windows overlap and either the claim's core figure lies within the denied span
(`denied_span`), or the claim's interval (lo, hi) is exactly the denial's.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import orjson
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.conflict_report import Conflict, Report, Severity
from factcheck.conflicts import find_conflicts
from factcheck.corpus import Corpus
from factcheck.denials import _ruled_out, _used, denied_span
from factcheck.intervals import Item, items
from factcheck.loading import load_corpus
from factcheck.model import Claim, Property, Stance
from factcheck.values import INF, NoValue, Quantity, Status, Time
from tests.conflicts_helpers import PROPERTIES, conflicts_of, only

T = TypeVar("T")

VOCABULARY: dict[str, Any] = {
    "subjects": [{"id": "exodus", "name": "Departures after the call-up"}],
    "properties": [p for p in PROPERTIES if p["id"] in ("left.count", "abroad.count")],
    "documents": [{"id": "rep", "title": "A country report", "date": "March 2025"}],
}


def claim(cid: str, prop: str, value: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": cid,
        "document": "rep",
        "text": f"The words of claim {cid}.",
        "subject": "exodus",
        "property": prop,
        "value": value,
    }
    record.update(fields)
    return record


def write_corpus(folder: Path, claims: list[dict[str, Any]]) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    dump = {"allow_unicode": True, "sort_keys": False}
    (folder / "vocabulary.yaml").write_text(yaml.safe_dump(VOCABULARY, **dump), "utf-8")
    (folder / "claims.yaml").write_text(yaml.safe_dump({"claims": claims}, **dump), "utf-8")
    return load_corpus([folder])


def denial_conflicts(report: Report) -> list[Conflict]:
    return [c for c in report.conflicts if c.kind == "denial"]


# --------------------------------------------------------------------------- the reference


def overlaps(a: Item, b: Item) -> bool:
    return a.t_lo <= b.t_hi and b.t_lo <= a.t_hi


def rules_out(denial: Item, item: Item, prop: Property) -> bool:
    """One denial against one stated claim, straight from the documented rule."""
    if not overlaps(denial, item):
        return False
    if (item.lo, item.hi) == (denial.lo, denial.hi):
        return True
    span = denied_span(denial, prop)
    if span is None or item.core is None:
        return False
    return span[0] <= item.core[0] and item.core[1] <= span[1]


def expected_ruled_out(denials: list[Item], items: list[Item], prop: Property) -> set[str]:
    return {it.claim.id for it in items if any(rules_out(d, it, prop) for d in denials)}


def expected_used(denials: list[Item], matched: list[Item], prop: Property) -> set[str]:
    return {d.claim.id for d in denials if any(rules_out(d, it, prop) for it in matched)}


def ids(items: list[Item]) -> list[str]:
    return [it.claim.id for it in items]


# --------------------------------------------------------------------------- generated items


def counting(tolerance: float) -> Property:
    return Property(id="n.count", name="N", definition="A count", kind="count", tolerance=tolerance)


@cache
def placeholder(cid: str, stance: Stance) -> Claim:
    """A claim with an id and stance (frozen, so shared between examples)."""
    return Claim.model_construct(
        id=cid,
        document="rep",
        text="generated",
        subject="s",
        property="n.count",
        value="1",
        stance=stance,
        scope={},
    )


TIMES = [-INF, 0.0, 1.0, 2.0, 3.0, INF]
DENIED_KINDS = [
    "exact",
    "around",
    "at least",
    "at most",
    "range",
    "vague",
    "time",
    "open time",
    "status",
    "never",
]


class Choices:
    """Reads one drawn integer as a sequence of choices (one draw per item keeps the
    generation fast; a smaller integer still shrinks to earlier choices)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def pick(self, options: Sequence[T]) -> T:
        self.n, k = divmod(self.n, len(options))
        return options[k]

    def interval(self, pool: Sequence[float]) -> tuple[float, float]:
        a, b = self.pick(pool), self.pick(pool)
        return min(a, b), max(a, b)

    def window(self) -> tuple[float, float, bool]:
        if self.pick(range(4)) == 0:
            return -INF, INF, False
        return (*self.interval(TIMES), True)

    def core(self, pool: Sequence[float]) -> tuple[float, float] | None:
        shape = self.pick(["none", "point", "point", "range"])
        if shape == "none":
            return None
        if shape == "point":
            x = self.pick(pool)
            return x, x
        return self.interval(pool)


def topic(
    tolerance: float, stated: list[int], denied: list[int]
) -> tuple[Property, list[Item], list[Item]]:
    """A property and stated claims and denials with figures from a small pool (with
    infinities, and the edges of 'at most' spans) so that ties are common."""
    half = tolerance / 2
    pool = sorted(
        {-INF, 0.0, 1.0, 2.0, 3.0, 10.0, 100.0, INF}
        | {p * (1 - half) for p in (1.0, 10.0)}
        | {p * (1 + half) for p in (1.0, 10.0)}
    )
    items: list[Item] = []
    for n, packed in enumerate(stated):
        c = Choices(packed)
        lo, hi = c.interval(pool)
        t_lo, t_hi, timed = c.window()
        value = Quantity("1", 1.0, 1.0, 1.0, "exact")
        claim = placeholder(f"c{n}", Stance.asserts)
        items.append(Item(claim, value, lo, hi, t_lo, t_hi, timed, c.core(pool)))

    denials: list[Item] = []
    for n, packed in enumerate(denied):
        c = Choices(packed)
        if items and c.pick([False, True]):
            # The same interval as some stated claim, at a time of its own.
            lo, hi = c.pick([(it.lo, it.hi) for it in items])
        else:
            lo, hi = c.interval(pool)
        kind = c.pick(DENIED_KINDS)
        point = None if c.pick(range(10)) == 0 else c.pick(pool)
        value: Quantity | Time | Status | NoValue
        if kind == "time":
            value = Time("1-2 May 2020", date(2020, 5, 1), date(2020, 5, 2), "day")
        elif kind == "open time":
            start = c.pick([None, date(2020, 5, 1)])
            value = Time("open", start, None if start else date(2020, 5, 2), "day")
        elif kind == "status":
            value = Status("ended", "ended")
        elif kind == "never":
            value = NoValue("never")
        else:
            point = None if kind in ("range", "vague") else point
            value = Quantity("x", lo, hi, point, kind)  # type: ignore[arg-type]
        t_lo, t_hi, timed = c.window()
        claim = placeholder(f"d{n}", Stance.denies)
        denials.append(Item(claim, value, lo, hi, t_lo, t_hi, timed, c.core(pool)))
    return counting(tolerance), items, denials


PACKED = st.integers(0, 2**48)


@settings(max_examples=3000, deadline=None)
@given(
    st.sampled_from([0.0, 0.05, 0.5]),
    st.lists(PACKED, max_size=14),
    st.lists(PACKED, max_size=10),
    st.integers(0, 2**14 - 1),
)
def test_ruled_out_and_used_agree_with_all_pairs(
    tolerance: float, stated: list[int], denied: list[int], subset: int
) -> None:
    prop, items, denials = topic(tolerance, stated, denied)
    ruled = _ruled_out(denials, items, prop)
    assert len(ids(ruled)) == len(set(ids(ruled))), "a claim is listed twice"
    expected = expected_ruled_out(denials, items, prop)
    assert set(ids(ruled)) == expected

    matched = [it for it in items if it.claim.id in expected]
    used = _used(denials, matched, prop)
    assert len(ids(used)) == len(set(ids(used))), "a denial is listed twice"
    assert set(ids(used)) == expected_used(denials, matched, prop)
    assert bool(matched) == bool(used), "claims ruled out, but no denial rules them out"

    # `_used` on any list of claims: the denials ruling out at least one of them.
    some = [it for n, it in enumerate(items) if subset >> n & 1]
    assert set(ids(_used(denials, some, prop))) == expected_used(denials, some, prop)


# --------------------------------------------------------------------------- real values

WRITTEN = [
    "1",
    "3",
    "at least 2",
    "more than 200,000",
    "up to 1,000,000",
    "up to one million",
    "1,000,000",
    "1 million",
    "500,000",
    "700,000",
    "around 700,000",
    "nearly 700 000",
    "650,000 – 750,000",
    "hundreds of thousands",
    "between 2 and 3",
]
AS_OF = [None, "6 October 2022", "October 2022", "2022", "1 January 2023"]


@st.composite
def corpora(draw: st.DrawFn) -> list[dict[str, Any]]:
    records = []
    for n in range(draw(st.integers(1, 10))):
        fields: dict[str, Any] = {
            "stance": draw(st.sampled_from(["asserts", "reports", "denies", "denies"])),
            "claimant": draw(st.sampled_from(["A", "B", "C"])),
        }
        when = draw(st.sampled_from(AS_OF))
        if when:
            fields["as_of"] = when
        prop = draw(st.sampled_from(["left.count", "abroad.count"]))
        records.append(claim(f"k{n}", prop, draw(st.sampled_from(WRITTEN)), **fields))
    return records


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_denial_conflicts_on_written_values_agree_with_all_pairs(
    records: list[dict[str, Any]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder), records)
        report = find_conflicts(corpus)
    found = {c.property: c for c in denial_conflicts(report)}
    assert len(found) == len(denial_conflicts(report)), "two denial conflicts on one topic"
    for prop_id, prop in corpus.properties.items():
        members = [c for c in corpus.claims.values() if c.property == prop_id]
        stated = items([c for c in members if c.stance is not Stance.denies], prop, corpus)
        denials = items([c for c in members if c.stance is Stance.denies], prop, corpus)
        matched = sorted(expected_ruled_out(denials, stated, prop))
        if not matched:
            assert prop_id not in found
            continue
        ruled = [it for it in stated if it.claim.id in matched]
        deniers = sorted(expected_used(denials, ruled, prop))
        assert [side.claims for side in found[prop_id].sides] == [tuple(matched), tuple(deniers)]


# --------------------------------------------------------------------------- examples


def test_two_deniers_of_different_figures_make_one_conflict(tmp_path: Path) -> None:
    # The two figures refer to different times, so only the denials conflict with them.
    corpus = write_corpus(
        tmp_path,
        [
            claim("fsb", "abroad.count", "261,000", as_of="26 September 2022", claimant="FSB"),
            claim("forbes", "abroad.count", "700,000", as_of="6 October 2022", claimant="Forbes"),
            claim("kremlin", "abroad.count", "700 000", claimant="Kremlin", stance="denies"),
            claim("ministry", "abroad.count", "261 000", claimant="Ministry", stance="denies"),
        ],
    )
    report = find_conflicts(corpus)
    assert len(report.conflicts) == 1, report.conflicts
    c = report.conflicts[0]
    assert c.kind == "denial"
    assert [side.claims for side in c.sides] == [("forbes", "fsb"), ("kremlin", "ministry")]
    assert c.sides[1].summary == "denied by Kremlin, Ministry"
    # Each figure with who states it, and each denier with the figure it denies.
    assert c.reason == (
        "261,000 is stated by FSB and 700,000 by Forbes; "
        "Kremlin denies 700 000 and Ministry denies 261 000"
    )


def test_a_denial_at_another_time_is_no_conflict(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path,
        [
            claim("stated", "abroad.count", "700,000", as_of="6 October 2022"),
            claim("denied", "abroad.count", "700,000", as_of="6 November 2022", stance="denies"),
        ],
    )
    assert find_conflicts(corpus).conflicts == []


def test_a_denial_at_an_overlapping_time_conflicts(tmp_path: Path) -> None:
    # The same pair as above, but 'October 2022' contains the 6th.
    corpus = write_corpus(
        tmp_path,
        [
            claim("stated", "abroad.count", "700,000", as_of="6 October 2022"),
            claim("denied", "abroad.count", "700,000", as_of="October 2022", stance="denies"),
        ],
    )
    [c] = denial_conflicts(find_conflicts(corpus))
    assert [side.claims for side in c.sides] == [("stated",), ("denied",)]


def test_a_denied_lower_bound_rules_out_figures_above_it_only(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path,
        [
            claim("three", "abroad.count", "3", claimant="Office"),
            claim("one", "abroad.count", "1", claimant="Other"),
            claim("denial", "abroad.count", "at least 2", stance="denies", claimant="Spokesman"),
        ],
    )
    [c] = denial_conflicts(find_conflicts(corpus))
    assert [side.claims for side in c.sides] == [("three",), ("denial",)]
    assert c.reason == "3 is stated by Office; Spokesman denies at least 2"


def test_a_denied_upper_bound_rules_out_that_figure_not_those_below(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path,
        [
            claim("million", "abroad.count", "1,000,000", stance="reports"),
            claim("up-to", "abroad.count", "up to 1,000,000", stance="reports"),
            claim("half", "abroad.count", "500,000", stance="reports"),
            claim("denial", "abroad.count", "up to 1,000,000", stance="denies"),
        ],
    )
    [c] = denial_conflicts(find_conflicts(corpus))
    assert [side.claims for side in c.sides] == [("million", "up-to"), ("denial",)]
    assert c.reason.startswith("1,000,000 is reported by ")


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
    assert c.distance == "denied"
    assert [side.claims for side in c.sides] == [("reported",), ("denied",)]
    assert c.reason == "700,000 is reported by Forbes; Kremlin denies 700 000"


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
    assert c.reason == ("Up to one million is reported by Paper; Spokesman denies up to 1 million")


def test_a_denial_of_another_value_is_no_conflict(tmp_path: Path) -> None:
    report = conflicts_of(
        tmp_path,
        claim("stated", "left.count", "261,000", as_of="6 October 2022"),
        claim("denied", "left.count", "700,000", as_of="6 October 2022", stance="denies"),
    )
    assert report.conflicts == []


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


# --------------------------------------------------------------------------- scale


def test_twenty_thousand_claims_and_two_thousand_denied_lower_bounds(tmp_path: Path) -> None:
    """One topic: claims of 1 to 20,000 on 30 days (one in fifty undated), denials of 'at
    least X' on those days (one in a hundred undated). The expectation counts per day and
    never compares pairs."""
    days = [f"{d} June 2024" for d in range(1, 31)]
    claims: list[dict[str, Any]] = []
    stated: list[tuple[str, int, int | None]] = []  # id, figure, day (None: undated)
    for n in range(20_000):
        figure = 1 + (n * 7_919) % 20_000
        day = None if n % 50 == 0 else (n * 13) % 30
        stated.append((f"c{n:05d}", figure, day))
        claims.append(claim(f"c{n:05d}", "abroad.count", f"{figure:,}"))
        if day is not None:
            claims[-1]["as_of"] = days[day]
    denied: list[tuple[str, int, int | None]] = []
    for n in range(2_000):
        # Bounds from 2,001 up, never a multiple of 40: 39/40 of them (the tolerance) is
        # then no whole number, so no figure sits on the edge of a span.
        bound = 2_001 + (n * 4_513) % 60_000
        if bound % 40 == 0:
            bound += 1
        day = None if n % 100 == 3 else (n * 11) % 30
        denied.append((f"d{n:04d}", bound, day))
        claims.append(claim(f"d{n:04d}", "abroad.count", f"at least {bound:,}", stance="denies"))
        if day is not None:
            claims[-1]["as_of"] = days[day]
    (tmp_path / "vocabulary.yaml").write_text(yaml.safe_dump(VOCABULARY), "utf-8")
    (tmp_path / "claims.json").write_bytes(orjson.dumps({"claims": claims}))
    corpus = load_corpus([tmp_path])
    assert len(corpus.claims) == 22_000

    # 'at least X' with 5 % tolerance denies every figure f with f >= X * (1 - 0.025), that
    # is 40 f > 39 X. A claim is ruled out by the lowest bound denied on its day or undated;
    # an undated claim by the lowest bound of all.
    def lowest(day: int | None) -> float:
        bounds = [b for _, b, d in denied if d is None or day is None or d == day]
        return min(bounds, default=INF)

    lowest_on = {day: lowest(day) for day in [None, *range(30)]}
    ruled = sorted(cid for cid, f, day in stated if 40 * f > 39 * lowest_on[day])

    def highest(day: int | None) -> float:
        figures = [f for cid, f, d in stated if (d is None or day is None or d == day)]
        return max(figures, default=-INF)

    highest_on = {day: highest(day) for day in [None, *range(30)]}
    deniers = sorted(cid for cid, b, day in denied if 40 * highest_on[day] > 39 * b)
    assert 0 < len(ruled) < 20_000 and 0 < len(deniers) < 2_000

    [c] = denial_conflicts(find_conflicts(corpus))
    assert len(c.sides) == 2
    assert (len(c.sides[0].claims), len(c.sides[1].claims)) == (len(ruled), len(deniers))
    assert list(c.sides[0].claims) == ruled
    assert list(c.sides[1].claims) == deniers
