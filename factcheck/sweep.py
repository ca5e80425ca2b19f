"""The sweep that finds the claims in conflict, and the clusters that make its sides.

No step compares all pairs: one sweep over the claims in time order finds every claim that
takes part in some conflict and the most severe conflicting pair (n log n); the claims that
take part are then grouped into consistent clusters, the sides of the conflict.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from factcheck.intervals import Item
from factcheck.values import INF, NoValue

Score = Callable[["Item", "Item"], tuple[float, ...]]
Point = Callable[["Item"], float | None]


class _Open:
    """The open items of one class, placed in the ascending order of one of their bounds.

    It answers: among the items whose bound lies in a range, which comes first in the
    order of preference? A segment tree over the places keeps, for each range of places,
    the first of its items in that order (as its rank, an integer), so an item is added,
    removed or asked for in log n steps.
    """

    def __init__(
        self,
        members: list[int],
        bound: list[float],
        preference: list[float],
        place: array[int],
        rank: array[int],
    ) -> None:
        """`members` in the ranking's order, which breaks ties of bound and preference;
        `bound` and `preference` hold a number for each item of the sweep, and `place` and
        `rank` (shared by the classes, whose members differ) are filled in for them."""
        placed = sorted(members, key=bound.__getitem__)
        self.bounds = [bound[i] for i in placed]
        for n, i in enumerate(placed):
            place[i] = n
        self.preferred = sorted(members, key=preference.__getitem__)
        for n, i in enumerate(self.preferred):
            rank[i] = n
        self.place, self.rank = place, rank
        self.empty = len(members)
        self.size = 1
        while self.size < len(members):
            self.size *= 2
        self.tree = array("q", [self.empty]) * (2 * self.size)
        self.count = 0

    def add(self, i: int) -> None:
        self.count += 1
        tree, n, rank = self.tree, self.place[i] + self.size, self.rank[i]
        while n and rank < tree[n]:  # stops where a preferred item already rules
            tree[n] = rank
            n //= 2

    def remove(self, i: int) -> None:
        self.count -= 1
        tree, n = self.tree, self.place[i] + self.size
        gone, tree[n] = tree[n], self.empty
        n //= 2
        while n and tree[n] == gone:  # only where the removed item ruled
            tree[n] = min(tree[2 * n], tree[2 * n + 1])
            n //= 2

    def first(self, start: int, stop: int, closed: Callable[[int], bool]) -> int | None:
        """The preferred item among places start to stop, removing on the way those
        found closed (so each item is removed at most once)."""
        while self.count and start < stop:
            best = self._first(start, stop)
            if best == self.empty:
                return None
            j = self.preferred[best]
            if not closed(j):
                return j
            self.remove(j)
        return None

    def _first(self, start: int, stop: int) -> int:
        tree, best = self.tree, self.empty
        start += self.size
        stop += self.size
        while start < stop:
            if start & 1:
                if tree[start] < best:
                    best = tree[start]
                start += 1
            if stop & 1:
                stop -= 1
                if tree[stop] < best:
                    best = tree[stop]
            start //= 2
            stop //= 2
        return best


def sweep(
    items: list[Item], growing: bool, score: Score, point: Point
) -> tuple[set[int], tuple[int, int] | None]:
    """Indices of items in some conflict, and the conflicting pair that scores highest.

    Items are visited by start time. Every conflicting pair is seen from its later-starting
    member, which meets the earlier one while that one's window is still open; for a growing
    quantity a higher value that started earlier conflicts whatever its end. Each item is
    scored, in each class of item, against the open partner whose point lies furthest out
    on either side among those whose interval lies wholly beyond its own: within a class a
    pair's severity grows with the distance between points, so that partner makes its most
    severe pair. The classes keep apart what is not measured alike: items with or without
    a time (an undated outlier must not hide a dated conflict), a value or "has not
    happened" (a date further off must not hide a "has not happened" that the date
    contradicts outright), and values with or without a point (an open-ended date).
    """
    ranked = sorted(range(len(items)), key=lambda i: items[i].rank_key)
    rank = [0] * len(items)
    for n, i in enumerate(ranked):
        rank[i] = n
    points = [point(it) for it in items]
    members: dict[tuple[bool, bool, bool], list[int]] = {}
    for i in ranked:
        it = items[i]
        kind = (it.timed, isinstance(it.value, NoValue), points[i] is None)
        members.setdefault(kind, []).append(i)
    # Any two partners without a point score alike, so their order is only the ranking's.
    far = [p if p is not None else 0.0 for p in points]
    his, los, near = [it.hi for it in items], [it.lo for it in items], [-f for f in far]
    places = [array("q", [0]) * len(items) for _ in range(4)]
    below = {k: _Open(group, his, far, *places[:2]) for k, group in members.items()}
    above = {k: _Open(group, los, near, *places[2:]) for k, group in members.items()}
    kind_of = {i: k for k, group in members.items() for i in group}
    classes = [(below[k], above[k]) for k in members]
    now = -INF

    def ended(j: int) -> bool:
        return items[j].t_hi < now

    def ended_higher(j: int) -> bool:  # a higher value that started earlier: see above
        return not growing and items[j].t_hi < now

    high_open: list[tuple[float, int]] = []  # unmarked items, for marking every partner
    low_open: list[tuple[float, float, int]] = []
    marked: set[int] = set()
    # Ranked by score, then by the pair's claim ids, so ties never depend on file order.
    best: tuple[tuple[float, ...], tuple[str, ...], tuple[int, int]] | None = None

    for i in sorted(range(len(items)), key=lambda i: (items[i].t_lo, rank[i])):
        a = items[i]
        now = a.t_lo
        partners: list[int] = []
        for lower, higher in classes:
            if lower.count:
                j = lower.first(0, bisect_left(lower.bounds, a.lo), ended)
                if j is not None:
                    partners.append(j)
            if higher.count:
                start = bisect_right(higher.bounds, a.hi)
                j = higher.first(start, higher.empty, ended_higher)
                if j is not None:
                    partners.append(j)
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
                scored = score(a, b)
                if best is None or scored >= best[0]:
                    x, y = a.claim.id, b.claim.id
                    pair = (scored, (x, y) if x < y else (y, x), (i, j))
                    if best is None or pair[:2] > best[:2]:
                        best = pair
        below[kind_of[i]].add(i)
        above[kind_of[i]].add(i)
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
