"""Status categories that imply or exclude one another.

A status property may say that one category implies another (`collapsed` implies `ended`:
claims of the two agree) or excludes it (`in office` excludes `in exile`: claims of the two
conflict even when the property holds several values). Which pairs of categories conflict
is settled from the declarations (a handful of categories); claims are then compared
category against category, each pair of categories by one merge of their claims sorted by time
(linear in the claims, for a number of category pairs the vocabulary fixes).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from factcheck import reasons
from factcheck.conflict_report import Conflict, Severity, Side
from factcheck.corpus import Corpus
from factcheck.intervals import Item
from factcheck.model import Property
from factcheck.values import Status


def declares_relations(prop: Property) -> bool:
    return prop.kind == "status" and bool(prop.implies or prop.excludes)


def _implied(prop: Property) -> dict[str, set[str]]:
    """Each category with every category it implies, through any chain (itself included)."""
    closure: dict[str, set[str]] = {}
    for start in prop.statuses:
        seen, todo = {start}, [start]
        while todo:
            for nxt in prop.implies.get(todo.pop(), []):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        closure[start] = seen
    return closure


def clashing(prop: Property) -> list[tuple[str, str]]:
    """The pairs of categories whose claims conflict at one time: for a property of one
    value, any two that neither implies; for one of several values, two of which one (or
    something it implies) excludes the other (or something that implies)."""
    implied = _implied(prop)
    excluded = {c: set(prop.excludes.get(c, [])) for c in prop.statuses}
    pairs = []
    for a, b in combinations(prop.statuses, 2):
        if prop.several:
            ruled_out = any(
                y in excluded[x] or x in excluded[y] for x in implied[a] for y in implied[b]
            )
            if ruled_out:
                pairs.append((a, b))
        elif b not in implied[a] and a not in implied[b]:
            pairs.append((a, b))
    return pairs


def _overlapping(one: list[Item], other: list[Item]) -> tuple[Item, Item] | None:
    """A claim of each list at a time both refer to: one merge of the two sorted by start."""
    one = sorted(one, key=lambda it: (it.t_lo, it.claim.id))
    other = sorted(other, key=lambda it: (it.t_lo, it.claim.id))
    i = j = 0
    while i < len(one) and j < len(other):
        a, b = one[i], other[j]
        if a.t_lo <= b.t_hi and b.t_lo <= a.t_hi:
            return a, b
        if a.t_hi < b.t_hi:
            i += 1
        else:
            j += 1
    return None


def category_conflict(
    items: list[Item], prop: Property, scope: tuple[tuple[str, str], ...], corpus: Corpus
) -> Conflict | None:
    """The claims of clashing categories at one time, as one conflict: one side per category
    taking part."""
    by_category: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        if isinstance(it.value, Status):
            by_category[it.value.value].append(it)
    found = [
        pair
        for a, b in clashing(prop)
        if (pair := _overlapping(by_category.get(a, []), by_category.get(b, [])))
    ]
    if not found:
        return None
    first, second = min(found, key=lambda p: (p[0].claim.id, p[1].claim.id))
    taking_part = sorted(
        {it.value.value for pair in found for it in pair if isinstance(it.value, Status)}
    )
    sides = tuple(
        Side(
            tuple(it.claim.id for it in by_category[c]),
            reasons.side_summary(by_category[c], corpus),
        )
        for c in taking_part
    )
    how = "exclude each other" if prop.several else "cannot both hold at the same time"
    return Conflict(
        first.claim.subject,
        prop.id,
        scope,
        "values",
        sides,
        f"{first.value.written} vs {second.value.written}",
        Severity.high,
        f"{reasons.describe(first, corpus)} and {reasons.describe(second, corpus)}: the "
        f"categories {how}",
    )
