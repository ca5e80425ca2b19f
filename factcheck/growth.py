"""Growth faster than a quantity can plausibly grow: a growing quantity that declares a
`growth_limit` conflicts when a later value lies further above an earlier one than the limit
allows in the time between them (`12,000 displaced on 3 May, 310,000 on 5 May`).

One pass in time order, no step over all pairs: each claim is checked against the earlier
claim that leaves it the least room to grow, kept as a running minimum (n log n for the
sort and the heap). Both claims are read generously: the earlier at the top of its interval
and the start of its time, the later at the bottom of its interval and the end of its time.
"""

from __future__ import annotations

import heapq
import math

from factcheck import reasons
from factcheck.conflict_report import Conflict, Severity, Side
from factcheck.corpus import Corpus
from factcheck.intervals import Item
from factcheck.model import GrowthLimit, Property
from factcheck.values import INF, Quantity, format_number


def _rate(limit: GrowthLimit) -> float:
    """The limit as a slope: units a day, or the logarithm of the factor a day."""
    if limit.per_day is not None:
        return limit.per_day
    assert limit.factor is not None
    return math.log(limit.factor) / limit.days


def _level(limit: GrowthLimit, value: float) -> float:
    return value if limit.per_day is not None else math.log(value)


def _excess(a: Item, b: Item, limit: GrowthLimit) -> float:
    """How many times the limit the rise from `a` to `b` is."""
    days = max(b.t_hi - a.t_lo, 1.0)
    return (_level(limit, b.lo) - _level(limit, a.hi)) / (_rate(limit) * days)


def within_limit(a: Item, b: Item, limit: GrowthLimit) -> bool:
    """Whether the rise from `a` to the later `b` is one the limit allows."""
    if not (isinstance(a.value, Quantity) and isinstance(b.value, Quantity)) or a.hi == INF:
        return True
    if limit.per_day is None and (a.hi <= 0 or b.lo <= 0):
        return True
    return _excess(a, b, limit) <= 1


def _words(a: Item, b: Item, limit: GrowthLimit) -> tuple[str, str]:
    """The rise in words, and the limit in words."""
    days = max(round(b.t_hi - a.t_lo), 1)
    if limit.per_day is not None:
        rise = f"a rise of {format_number(round((b.lo - a.hi) / days))} a day over {days:,} days"
        return rise, f"at most {format_number(limit.per_day)} a day"
    assert limit.factor is not None
    rise = f"×{b.lo / a.hi:.1f} in {days:,} days"
    return rise, f"at most ×{format_number(limit.factor)} in {format_number(limit.days)} days"


def growth_conflict(
    items: list[Item], prop: Property, scope: tuple[tuple[str, str], ...], corpus: Corpus
) -> Conflict | None:
    """The claims of a topic and scope that grew faster than the property's limit, as one
    conflict: the earlier claims on one side, the later on the other; its severity and
    words are those of the pair that exceeds the limit most."""
    limit = prop.growth_limit
    if limit is None:
        return None
    usable = [
        it
        for it in items
        if it.timed
        and isinstance(it.value, Quantity)
        and it.t_lo > -INF
        and it.t_hi < INF
        and (limit.per_day is not None or (it.lo > 0 and it.hi > 0))
    ]
    rate = _rate(limit)
    pending: list[tuple[float, str, int]] = []  # earlier claims not yet over, by end time
    tightest: tuple[float, int] | None = None  # (least room, index) among those over
    pairs: list[tuple[int, int]] = []
    order = sorted(range(len(usable)), key=lambda i: (usable[i].t_lo, usable[i].claim.id))
    for i in order:
        b = usable[i]
        while pending and pending[0][0] < b.t_lo:
            _, _, j = heapq.heappop(pending)
            a = usable[j]
            if a.hi < INF:
                room = (_level(limit, a.hi) - rate * a.t_lo, j)
                tightest = room if tightest is None or room < tightest else tightest
        if tightest is not None and _level(limit, b.lo) - rate * b.t_hi > tightest[0]:
            pairs.append((tightest[1], i))
        heapq.heappush(pending, (b.t_hi, b.claim.id, i))
    if not pairs:
        return None
    worst_a, worst_b = max(
        pairs, key=lambda p: (_excess(usable[p[0]], usable[p[1]], limit), usable[p[1]].claim.id)
    )
    a, b = usable[worst_a], usable[worst_b]
    later_ids = {j for _, j in pairs}
    in_time = sorted(range(len(usable)), key=lambda k: (usable[k].t_lo, usable[k].claim.id))
    later = [usable[k] for k in in_time if k in later_ids]
    earlier_ids = {i for i, _ in pairs} - later_ids
    earlier = [usable[k] for k in in_time if k in earlier_ids]
    excess = _excess(a, b, limit)
    rise, allowed = _words(a, b, limit)
    return Conflict(
        b.claim.subject,
        b.claim.property,
        scope,
        "growth",
        tuple(
            Side(tuple(it.claim.id for it in side), reasons.side_summary(side, corpus))
            for side in (earlier, later)
            if side
        ),
        f"{rise} vs {allowed}",
        Severity.high if excess >= 2 else Severity.medium if excess >= 1.25 else Severity.low,
        f"{reasons.describe(a, corpus)} to {reasons.describe(b, corpus)} is {rise}; "
        f"'{prop.name}' can grow by {allowed}",
    )
