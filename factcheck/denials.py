"""Denials against the claims they contradict: the figures a denial rules out, the stated
claims it rules out at a time they share, and the one conflict they make per topic and scope.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict

from factcheck import reasons
from factcheck.conflict_report import Conflict, Severity, Side
from factcheck.corpus import Corpus
from factcheck.intervals import Item
from factcheck.model import Property, Stance
from factcheck.values import INF, Quantity, Time


def denied_span(d: Item, prop: Property) -> tuple[float, float] | None:
    """The figures a denial rules out, as a claim's figure would have to lie within them.

    Denying a lower bound (`at least two waves`) says there were fewer, so it rules out
    every figure from that bound up. Denying an upper bound (`up to one million`) means in
    speech 'not as many as that', so it rules out that figure, not everything below it. A
    vague amount (`hundreds of thousands`) rules out no figure in particular.
    """
    value = d.value
    if isinstance(value, Quantity):
        if value.qualifier == "vague":
            return None
        if value.qualifier == "at most" and value.point is not None:
            half = prop.tolerance / 2
            return value.point * (1 - half), value.point * (1 + half)
    if isinstance(value, Time) and (value.start is None or value.end is None):
        return None
    return d.lo, d.hi


def _overlap_in_time(a: Item, b: Item) -> bool:
    return a.t_lo <= b.t_hi and a.t_hi >= b.t_lo


def _ruled_out(denials: list[Item], items: list[Item], prop: Property) -> list[Item]:
    """The stated claims some denial rules out at a time they share: a claim whose figure
    lies within a denied span, or one that states exactly the interval a denial denies.

    One sweep by figure: denials join as their span begins and leave once it has ended, and
    a claim is ruled out by the active denial that reaches furthest (n log n; claims are
    checked against a second active denial only when the first is at another time).
    """
    spans = sorted(
        ((span, i) for i, d in enumerate(denials) if (span := denied_span(d, prop))),
        key=lambda x: x[0],
    )
    same: dict[tuple[float, float], list[Item]] = defaultdict(list)
    for d in denials:
        same[(d.lo, d.hi)].append(d)
    active: list[tuple[float, int]] = []  # (-end, denial index)
    ruled = []
    k = 0
    for it in sorted(items, key=lambda x: x.core or (INF, INF)):
        if any(_overlap_in_time(it, d) for d in same.get((it.lo, it.hi), ())):
            ruled.append(it)
            continue
        if it.core is None:
            continue
        first, last = it.core
        while k < len(spans) and spans[k][0][0] <= first:
            heapq.heappush(active, (-spans[k][0][1], spans[k][1]))
            k += 1
        while active and -active[0][0] < first:
            heapq.heappop(active)
        if not active or -active[0][0] < last:
            continue
        if _overlap_in_time(it, denials[active[0][1]]) or any(
            -end >= last and _overlap_in_time(it, denials[i]) for end, i in active
        ):
            ruled.append(it)
    return ruled


def _used(denials: list[Item], matched: list[Item], prop: Property) -> list[Item]:
    """The denials that rule out at least one of the claims found ruled out: a search of
    the claims whose figure starts within each denied span, stopping at the first match."""
    same: dict[tuple[float, float], list[Item]] = defaultdict(list)
    for it in matched:
        same[(it.lo, it.hi)].append(it)
    pinned = sorted(((it.core, it) for it in matched if it.core), key=lambda x: x[0])
    starts = [core[0] for core, _ in pinned]
    used = []
    for d in denials:
        hit = any(_overlap_in_time(it, d) for it in same.get((d.lo, d.hi), ()))
        span = None if hit else denied_span(d, prop)
        if span is not None:
            first, last = span
            for k in range(bisect_left(starts, first), len(pinned)):
                (start, end), it = pinned[k]
                if start > last:
                    break
                if end <= last and _overlap_in_time(it, d):
                    hit = True
                    break
        if hit:
            used.append(d)
    return used


def deniers_of(denials: list[Item], items: list[Item], prop: Property) -> list[Item]:
    """The denials that rule out at least one of `items` at a time they share."""
    if not denials or not items:
        return []
    return _used(denials, _ruled_out(denials, items, prop), prop)


def _listed(names: list[str], most: int = 3) -> str:
    """`a, b, c and 4 more`."""
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return ", ".join(names[:most]) + more


def denial_conflict(
    denials: list[Item],
    items: list[Item],
    prop: Property,
    scope: tuple[tuple[str, str], ...],
    corpus: Corpus,
) -> Conflict | None:
    """The denials of a topic and scope against the claims they contradict, as one
    conflict: the claims ruled out on one side, the denials that rule them out on the other.
    """
    if not denials:  # most groups: nothing to sort
        return None
    matched = sorted(_ruled_out(denials, items, prop), key=lambda it: it.claim.id)
    if not matched:
        return None
    deniers = sorted(_used(denials, matched, prop), key=lambda d: d.claim.id)
    first = deniers[0]
    who = list(dict.fromkeys(reasons.who(x) for x in deniers))
    sides = (
        Side(tuple(it.claim.id for it in matched), reasons.side_summary(matched, corpus)),
        Side(
            tuple(x.claim.id for x in deniers),
            f"denied by {_listed(who)}{reasons.when(first, corpus)}",
        ),
    )
    verb = "reported" if all(it.claim.stance is Stance.reports for it in matched) else "stated"
    by_value: dict[str, list[str]] = {}
    for it in sorted(matched, key=reasons.who):
        names = by_value.setdefault(reasons.said(it.value), [])
        if reasons.who(it) not in names:
            names.append(reasons.who(it))
    given = list(by_value)
    said = {reasons.who(d): reasons.said(d.value) for d in reversed(deniers)}
    if len(who) == 1 and said[who[0]] in given:
        denying = f"{who[0]} denies it"
    else:
        denying = reasons.listed([f"{name} denies {said[name]}" for name in who])
    backed = reasons.listed(
        [
            f"{v} {f'is {verb} ' if n == 0 else ''}by {reasons.listed(names)}"
            for n, (v, names) in enumerate(by_value.items())
        ]
    )
    return Conflict(
        first.claim.subject,
        first.claim.property,
        scope,
        "denial",
        sides,
        "denied",
        Severity.high,
        f"{reasons.sentence(backed)}; {denying}",
    )
