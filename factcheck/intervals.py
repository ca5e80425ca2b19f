"""Claims as intervals: a claim's value as an interval widened by its property's tolerance,
and the time window it refers to (its `as_of`, else when it was `stated`, or all time when
it gives neither).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.corpus import Corpus
from factcheck.model import ClaimRow, Property, Stance
from factcheck.values import INF, NoValue, Quantity, Time, Value


@dataclass(slots=True)
class Item:
    """A claim with its value as an interval and the time window it refers to."""

    claim: ClaimRow
    value: Value
    lo: float
    hi: float
    t_lo: float
    t_hi: float
    timed: bool
    core: tuple[float, float] | None = None

    @property
    def rank_key(self) -> tuple[int, str]:
        """Breaks ties so results never depend on the order of claims in the files."""
        return (0 if self.timed else 1, self.claim.id)


def _interval(value: Value, prop: Property, corpus: Corpus, claim: ClaimRow) -> tuple[float, float]:
    """A claim's value as an interval widened by half the property's tolerance each way,
    so that two values agree when they are at most the tolerance apart."""
    half = prop.tolerance / 2
    if isinstance(value, Quantity):
        hi = value.high * (1 + half) if value.high != INF else INF
        return value.low * (1 - half), hi
    if isinstance(value, Time):
        return value.low - half, value.high + half
    if isinstance(value, NoValue):
        # Not happened as of a time: it can only still happen after that time. With no time
        # at all, it contradicts every date (and the conflict says the time is unknown).
        since = _reference_time(claim, corpus)
        return (since + 1, INF) if since is not None else (INF, INF)
    if prop.kind == "entity":
        return _entity_index(corpus, value.value), _entity_index(corpus, value.value)
    index = float(list(prop.statuses).index(value.value))
    return index, index


def _entity_index(corpus: Corpus, entity: str) -> float:
    """An entity's place among the declared ones: two entities are two points apart."""
    order = corpus.derived.get("entity_order")
    if order is None:
        order = corpus.derived["entity_order"] = {
            e: n for n, e in enumerate(sorted(corpus.entities))
        }
    return float(order[entity])


def _reference_time(claim: ClaimRow, corpus: Corpus) -> float | None:
    """The earliest time a claim certainly speaks for: its as-of time, else when it was
    stated, else its document's date (`still in force as of 2025` holds at least from the
    start of 2025)."""
    when = (
        corpus.as_of.get(claim.id)
        or corpus.stated.get(claim.id)
        or corpus.document_dates.get(claim.document)
    )
    return when.low if when is not None else None


def described_time(claim: ClaimRow, corpus: Corpus) -> Time | None:
    """The time a claim's value describes: its `as_of`; else, for a claim that states a
    value, the time it was stated (a figure given without a time is the figure then). A
    denial without `as_of` is about the claims it denies, at whatever time they describe."""
    when = corpus.as_of.get(claim.id)
    if when is None and claim.stance is not Stance.denies:
        when = corpus.stated.get(claim.id)
    return when


def _time_window(
    claim: ClaimRow, value: Value, corpus: Corpus, prop: Property
) -> tuple[float, float, bool]:
    """The time a claim refers to, and whether it says so.

    A date property's value is a fixed fact, so its claims all share one window; only a
    'has not happened' claim depends on when it was said.
    """
    when = described_time(claim, corpus)
    if prop.kind == "date":
        timed = not isinstance(value, NoValue) or _reference_time(claim, corpus) is not None
        return -INF, INF, timed
    if when is None:
        return -INF, INF, False
    return when.low, when.high, True


def items(claims: Iterable[ClaimRow], prop: Property, corpus: Corpus) -> list[Item]:
    items = []
    for claim in claims:
        value = corpus.values[claim.id]
        lo, hi = _interval(value, prop, corpus, claim)
        t_lo, t_hi, timed = _time_window(claim, value, corpus, prop)
        items.append(Item(claim, value, lo, hi, t_lo, t_hi, timed, _core(value, lo, hi)))
    return items


def _core(value: Value, lo: float, hi: float) -> tuple[float, float] | None:
    """What a claim pins down, for matching denials: a figure, a range, a date, a status.

    Open-ended and vague values (`more than 200,000`, `tens of thousands`) pin nothing down,
    so denying one figure never contradicts them.
    """
    if isinstance(value, Quantity):
        if value.qualifier in ("exact", "around", "nearly") and value.point is not None:
            return value.point, value.point
        return (value.low, value.high) if value.qualifier == "range" else None
    if isinstance(value, Time):
        return (value.low, value.high) if value.start and value.end else None
    return lo, hi
