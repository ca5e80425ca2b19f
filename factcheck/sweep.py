"""The sweep that finds the claims in conflict, and the clusters that make its sides.

No step compares all pairs: one sweep over the claims in time order, with heaps of the
extreme values seen so far, finds every claim that takes part in some conflict and the
farthest conflicting pair (n log n); the claims that take part are then grouped into
consistent clusters, the sides of the conflict.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from factcheck.intervals import Item
from factcheck.values import INF, NoValue

Score = Callable[["Item", "Item"], tuple[float, ...]]


def sweep(
    items: list[Item], growing: bool, score: Score
) -> tuple[set[int], tuple[int, int] | None]:
    """Indices of items in some conflict, and the conflicting pair that scores highest.

    Items are visited by start time. Every conflicting pair is seen from its later-starting
    member, which meets the earlier one while that one's window is still open; for a growing
    quantity a higher value that started earlier conflicts whatever its end. Each item is
    scored against the most extreme partner on either side in each class of item (with or
    without a time; a value or "has not happened"), since a pair's severity grows with its
    distance only within one class: an undated outlier must not hide a dated conflict, nor a
    date further off hide a "has not happened" that the date contradicts outright.
    """
    order = sorted(range(len(items)), key=lambda i: (items[i].t_lo, items[i].rank_key))
    high: dict[tuple[bool, bool], list[tuple[float, int, str, int]]] = {}
    low: dict[tuple[bool, bool], list[tuple[float, float, int, str, int]]] = {}
    high_open: list[tuple[float, int]] = []  # unmarked items, for marking every partner
    low_open: list[tuple[float, float, int]] = []
    marked: set[int] = set()
    # Ranked by score, then by the pair's claim ids, so ties never depend on file order.
    best: tuple[tuple[float, ...], tuple[str, ...], tuple[int, int]] | None = None

    for i in order:
        a = items[i]
        now = a.t_lo
        partners: list[int] = []
        for kind in high:
            above, below = high[kind], low[kind]
            while above and not growing and items[above[0][-1]].t_hi < now:
                heapq.heappop(above)
            while below and below[0][1] < now:
                heapq.heappop(below)
            if above and -above[0][0] > a.hi:
                partners.append(above[0][-1])
            if below and below[0][0] < a.lo:
                partners.append(below[0][-1])
        if partners:
            marked.add(i)
            while high_open and -high_open[0][0] > a.hi:
                _, j = heapq.heappop(high_open)
                if growing or items[j].t_hi >= now:
                    marked.add(j)
            while low_open and low_open[0][0] < a.lo:
                _, t_hi, j = heapq.heappop(low_open)
                if t_hi >= now:
                    marked.add(j)
            for j in partners:
                b = items[j]
                ranked = (score(a, b), tuple(sorted((a.claim.id, b.claim.id))), (i, j))
                if best is None or ranked[:2] > best[:2]:
                    best = ranked
        kind = (a.timed, isinstance(a.value, NoValue))
        heapq.heappush(high.setdefault(kind, []), (-a.lo, *a.rank_key, i))
        heapq.heappush(low.setdefault(kind, []), (a.hi, a.t_hi, *a.rank_key, i))
        if i not in marked:
            heapq.heappush(high_open, (-a.lo, i))
            heapq.heappush(low_open, (a.hi, a.t_hi, i))
    return marked, best[2] if best else None


def clusters(items: list[Item]) -> list[list[Item]]:
    """Greedy clusters of items that share a common value, lowest first."""
    clusters: list[list[Item]] = []
    common_hi = -INF
    for item in sorted(items, key=lambda x: (x.lo, x.hi)):
        if clusters and item.lo <= common_hi:
            clusters[-1].append(item)
            common_hi = min(common_hi, item.hi)
        else:
            clusters.append([item])
            common_hi = item.hi
    return clusters
