"""Finding where claims contradict each other, and explaining where they do not.

Claims are compared only within a topic (same subject and property) and the same scope.
Each claim becomes a value interval, widened by the property's tolerance, and a time window
(its `as_of`, or all time when it gives none). Two claims conflict when their value intervals
are disjoint and they refer to the same time; for a growing quantity, a larger value at a
later time is expected, so only a larger value that is not strictly later conflicts.
A denial conflicts with the claims whose value it denies.

No step compares all pairs: one sweep over the claims in time order, with heaps of the
extreme values seen so far, finds every claim that takes part in some conflict and the
farthest conflicting pair (n log n); the claims that take part are then grouped into
consistent clusters, the sides of the conflict.
"""

from __future__ import annotations

import builtins
import heapq
import itertools
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from factcheck import progress
from factcheck.collector import paused_gc
from factcheck.corpus import Corpus
from factcheck.model import Claim, Property, Rank, Stance
from factcheck.values import INF, NoValue, Quantity, Status, Time, Value, counted, format_number


class Severity(IntEnum):
    """How much a conflict matters: how far apart the sides are, and how sure the tool is."""

    low = 1
    medium = 2
    high = 3

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Side:
    """Claims that agree with each other, on one side of a conflict."""

    claims: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class Conflict:
    """Claims about one topic that cannot all be true, and why."""

    subject: str
    property: str
    scope: tuple[tuple[str, str], ...]
    kind: str
    sides: tuple[Side, ...]
    distance: str
    severity: Severity
    reason: str

    @builtins.property  # the field `property` hides the builtin in this class body
    def claim_ids(self) -> list[str]:
        return [cid for side in self.sides for cid in side.claims]


@dataclass(frozen=True)
class Consistency:
    """Claims that look alike but were judged not to conflict, with the reason."""

    subject: str
    property: str
    claims: tuple[str, ...]
    reason: str


@dataclass
class Report:
    """What `find_conflicts` found: conflicts, and (on request) the silences explained."""

    conflicts: list[Conflict] = field(default_factory=list)
    consistent: list[Consistency] = field(default_factory=list)
    compared: int = 0


@dataclass
class _Item:
    claim: Claim
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


# --------------------------------------------------------------------------- intervals


def _interval(value: Value, prop: Property, corpus: Corpus, claim: Claim) -> tuple[float, float]:
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
    index = float(list(prop.statuses).index(value.value))
    return index, index


def _reference_time(claim: Claim, corpus: Corpus) -> float | None:
    """The earliest time a claim certainly speaks for: its as-of time, else its document's
    date (`still in force as of 2025` holds at least from the start of 2025)."""
    when = corpus.as_of.get(claim.id) or corpus.document_dates.get(claim.document)
    return when.low if when is not None else None


def _time_window(
    claim: Claim, value: Value, corpus: Corpus, prop: Property
) -> tuple[float, float, bool]:
    """The time a claim refers to, and whether it says so.

    A date property's value is a fixed fact, so its claims all share one window; only a
    'has not happened' claim depends on when it was said.
    """
    when = corpus.as_of.get(claim.id)
    if prop.kind == "date":
        timed = not isinstance(value, NoValue) or _reference_time(claim, corpus) is not None
        return -INF, INF, timed
    if when is None:
        return -INF, INF, False
    return when.low, when.high, True


# --------------------------------------------------------------------------- the sweep

Score = Callable[["_Item", "_Item"], tuple[float, ...]]


def _sweep(
    items: list[_Item], growing: bool, score: Score
) -> tuple[set[int], tuple[int, int] | None]:
    """Indices of items in some conflict, and the conflicting pair that scores highest.

    Items are visited by start time. Every conflicting pair is seen from its later-starting
    member, which meets the earlier one while that one's window is still open; for a growing
    quantity a higher value that started earlier conflicts whatever its end. Each item is
    scored against the most extreme partners on either side, among all items and among those
    that give a time, so that an undated outlier cannot hide a dated conflict.
    """
    order = sorted(range(len(items)), key=lambda i: (items[i].t_lo, items[i].rank_key))
    high: dict[bool, list[tuple[float, int, str, int]]] = {True: [], False: []}
    low: dict[bool, list[tuple[float, float, int, str, int]]] = {True: [], False: []}
    high_open: list[tuple[float, int]] = []  # unmarked items, for marking every partner
    low_open: list[tuple[float, float, int]] = []
    marked: set[int] = set()
    # Ranked by score, then by the pair's claim ids, so ties never depend on file order.
    best: tuple[tuple[float, ...], tuple[str, ...], tuple[int, int]] | None = None

    for i in order:
        a = items[i]
        now = a.t_lo
        partners: list[int] = []
        for timed_only in (False, True):
            above, below = high[timed_only], low[timed_only]
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
        for timed_only in (False, True) if a.timed else (False,):
            heapq.heappush(high[timed_only], (-a.lo, *a.rank_key, i))
            heapq.heappush(low[timed_only], (a.hi, a.t_hi, *a.rank_key, i))
        if i not in marked:
            heapq.heappush(high_open, (-a.lo, i))
            heapq.heappush(low_open, (a.hi, a.t_hi, i))
    return marked, best[2] if best else None


def _clusters(items: list[_Item]) -> list[list[_Item]]:
    """Greedy clusters of items that share a common value, lowest first."""
    clusters: list[list[_Item]] = []
    common_hi = -INF
    for item in sorted(items, key=lambda x: (x.lo, x.hi)):
        if clusters and item.lo <= common_hi:
            clusters[-1].append(item)
            common_hi = min(common_hi, item.hi)
        else:
            clusters.append([item])
            common_hi = item.hi
    return clusters


# --------------------------------------------------------------------------- wording


def _point(value: Value) -> float | None:
    if isinstance(value, Quantity):
        if value.point is not None:
            return value.point
        if value.high != INF:
            return (value.low + value.high) / 2
        return value.low
    if isinstance(value, Time) and value.low != -INF and value.high != INF:
        return (value.low + value.high) / 2
    return None


def _grade(x: float, medium: float, high: float) -> Severity:
    return Severity.high if x >= high else Severity.medium if x >= medium else Severity.low


def _distance(a: _Item, b: _Item, prop: Property) -> tuple[str, Severity, float]:
    """How far apart two conflicting claims are: in words, as a severity, as a magnitude.

    The measure follows the property's kind: a ratio for counts and amounts, percentage
    points for shares, days for dates; differing statuses and 'has not happened' against a
    date are as far apart as claims can be.
    """
    va, vb = a.value, b.value
    if prop.kind == "status" or isinstance(va, NoValue) or isinstance(vb, NoValue):
        return f"{_status_word(va)} vs {_status_word(vb)}", Severity.high, INF
    pa, pb = _point(va), _point(vb)
    if pa is None or pb is None:
        return "no overlap", Severity.medium, 0.0
    gap = abs(pb - pa)
    if prop.kind == "date":
        days = round(gap)
        return counted(days, "day"), _grade(days, 7, 30), gap
    if prop.kind == "percentage":
        return f"{format_number(round(gap, 1))} points", _grade(gap, 5, 20), gap
    small, large = sorted((pa, pb))
    if small <= 0:
        return f"{format_number(gap)} apart", Severity.high, INF
    ratio = large / small
    return f"×{ratio:.1f}", _grade(ratio, 1.25, 2), ratio


def _pair_score(a: _Item, b: _Item, prop: Property) -> tuple[float, float]:
    """Severity, then magnitude: a conflict one side of which gives no time is one step less
    severe, since time may explain it."""
    _, severity, magnitude = _distance(a, b, prop)
    if not a.timed or not b.timed:
        severity = Severity(max(Severity.low, severity - 1))
    return float(severity), magnitude


def _status_word(value: Value) -> str:
    if isinstance(value, Status):
        return value.value
    if isinstance(value, Time) and value.start and str(value.start.year) not in value.written:
        return value.describe()
    return value.written


def _who(item: _Item) -> str:
    return item.claim.claimant or item.claim.document


def _when(item: _Item, corpus: Corpus) -> str:
    when = corpus.as_of.get(item.claim.id)
    return f" as of {when.written}" if when else ""


def _side_summary(cluster: list[_Item], corpus: Corpus) -> str:
    parts = [f"{it.value.written} ({_who(it)}{_when(it, corpus)})" for it in cluster[:3]]
    more = f" and {len(cluster) - 3} more" if len(cluster) > 3 else ""
    return "; ".join(parts) + more


def _reason(a: _Item, b: _Item, prop: Property, corpus: Corpus) -> str:
    first = f"{a.value.written} ({_who(a)}{_when(a, corpus)})"
    second = f"{b.value.written} ({_who(b)}{_when(b, corpus)})"
    if prop.kind == "date":
        not_yet = next((x for x in (a, b) if isinstance(x.value, NoValue)), None)
        if not_yet is None:
            return f"{first} and {second} give dates that do not overlap"
        if not not_yet.timed:
            return (
                f"{first} and {second}: {_who(not_yet)} says it has not happened and gives "
                "no time, so it may contradict the date"
            )
        return (
            f"{first} and {second}: {_who(not_yet)} says it had not happened by a time "
            "after that date"
        )
    if not a.timed or not b.timed:
        untimed = list(dict.fromkeys(_who(x) for x in (a, b) if not x.timed))
        verb = "gives" if len(untimed) == 1 else "give"
        return (
            f"{first} and {second} cannot both hold; {' and '.join(untimed)} {verb} no as-of time, "
            "so they may describe the same moment"
        )
    if prop.growing:
        return (
            f"{first} and {second} cannot both hold: the larger figure is not later, "
            "and this quantity only grows"
        )
    return f"{first} and {second} cannot both hold at the same time"


# --------------------------------------------------------------------------- topics


def _items(claims: Iterable[Claim], prop: Property, corpus: Corpus) -> list[_Item]:
    items = []
    for claim in claims:
        value = corpus.values[claim.id]
        lo, hi = _interval(value, prop, corpus, claim)
        t_lo, t_hi, timed = _time_window(claim, value, corpus, prop)
        items.append(_Item(claim, value, lo, hi, t_lo, t_hi, timed, _core(value, lo, hi)))
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


def _scope_shown(members: list[Claim]) -> tuple[tuple[str, str], ...]:
    """A scope as its claims write it (grouping ignores case; display keeps it)."""
    return tuple(sorted(min(members, key=lambda c: c.id).scope.items()))


def _scope_key(claim: Claim) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k.casefold(), v.casefold()) for k, v in claim.scope.items()))


def _value_conflict(
    items: list[_Item], prop: Property, corpus: Corpus, scope: tuple[tuple[str, str], ...]
) -> Conflict | None:
    marked, pair = _sweep(items, prop.growing, lambda a, b: _pair_score(a, b, prop))
    if not marked or pair is None:
        return None
    a, b = items[pair[0]], items[pair[1]]
    if a.lo > b.lo:
        a, b = b, a
    distance = _distance(a, b, prop)[0]
    severity = Severity(int(_pair_score(a, b, prop)[0]))
    sides = tuple(
        Side(tuple(it.claim.id for it in cluster), _side_summary(cluster, corpus))
        for cluster in _clusters([items[i] for i in sorted(marked)])
    )
    return Conflict(
        a.claim.subject,
        a.claim.property,
        scope,
        "values",
        sides,
        distance,
        severity,
        _reason(a, b, prop, corpus),
    )


def _denied_span(d: _Item, prop: Property) -> tuple[float, float] | None:
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


def _overlap_in_time(a: _Item, b: _Item) -> bool:
    return a.t_lo <= b.t_hi and a.t_hi >= b.t_lo


def _ruled_out(denials: list[_Item], items: list[_Item], prop: Property) -> list[_Item]:
    """The stated claims some denial rules out at a time they share: a claim whose figure
    lies within a denied span, or one that states exactly the interval a denial denies.

    One sweep by figure: denials join as their span begins and leave once it has ended, and
    a claim is ruled out by the active denial that reaches furthest (n log n; claims are
    checked against a second active denial only when the first is at another time).
    """
    spans = sorted(
        ((span, i) for i, d in enumerate(denials) if (span := _denied_span(d, prop))),
        key=lambda x: x[0],
    )
    same: dict[tuple[float, float], list[_Item]] = defaultdict(list)
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


def _used(denials: list[_Item], matched: list[_Item], prop: Property) -> list[_Item]:
    """The denials that rule out at least one of the claims found ruled out: a search of
    the claims whose figure starts within each denied span, stopping at the first match."""
    same: dict[tuple[float, float], list[_Item]] = defaultdict(list)
    for it in matched:
        same[(it.lo, it.hi)].append(it)
    pinned = sorted(((it.core, it) for it in matched if it.core), key=lambda x: x[0])
    starts = [core[0] for core, _ in pinned]
    used = []
    for d in denials:
        hit = any(_overlap_in_time(it, d) for it in same.get((d.lo, d.hi), ()))
        span = None if hit else _denied_span(d, prop)
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


def _listed(names: list[str], most: int = 3) -> str:
    """`a, b, c and 4 more`."""
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return ", ".join(names[:most]) + more


def _denial_conflict(
    denials: list[_Item],
    items: list[_Item],
    prop: Property,
    scope: tuple[tuple[str, str], ...],
    corpus: Corpus,
) -> Conflict | None:
    """The denials of a topic and scope against the claims they contradict, as one
    conflict: the claims ruled out on one side, the denials that rule them out on the other.
    """
    matched = sorted(_ruled_out(denials, items, prop), key=lambda it: it.claim.id)
    if not matched:
        return None
    deniers = sorted(_used(denials, matched, prop), key=lambda d: d.claim.id)
    first = deniers[0]
    who = list(dict.fromkeys(_who(x) for x in deniers))
    denied = list(dict.fromkeys(d.value.written for d in deniers))
    sides = (
        Side(tuple(it.claim.id for it in matched), _side_summary(matched, corpus)),
        Side(tuple(x.claim.id for x in deniers), f"denied by {_listed(who)}{_when(first, corpus)}"),
    )
    verb = "reported" if all(it.claim.stance is Stance.reports for it in matched) else "stated"
    said = {_who(d): d.value.written for d in reversed(deniers)}
    what = _listed([f"{name} denies {said[name]}" for name in who]).replace(", ", "; ")
    backers = sorted({_who(it) for it in matched})
    return Conflict(
        first.claim.subject,
        first.claim.property,
        scope,
        "denial",
        sides,
        f"{_listed(denied)} vs denied",
        Severity.high,
        f"{what}, which is {verb} by {_listed(backers)}",
    )


def _explain(
    items: list[_Item], marked_ids: set[str], prop: Property, corpus: Corpus, subject: str
) -> list[Consistency]:
    """Why claims whose values differ were not reported: time apart, or values that agree."""
    notes: list[Consistency] = []
    timed = sorted(
        (it for it in items if it.timed and prop.kind != "date"),
        key=lambda it: (it.t_lo, it.t_hi),
    )
    for early, late in itertools.pairwise(timed):
        if early.hi >= late.lo and late.hi >= early.lo:
            continue
        if prop.growing and late.lo > early.hi and late.t_lo > early.t_hi:
            why = "the later figure is larger, as this growing quantity may be"
        elif not prop.growing and late.t_lo > early.t_hi:
            why = "they refer to different times"
        else:
            continue
        notes.append(
            Consistency(
                subject,
                prop.id,
                (early.claim.id, late.claim.id),
                f"{early.value.written}{_when(early, corpus)} and "
                f"{late.value.written}{_when(late, corpus)} differ, but {why}",
            )
        )
    calm = [it for it in items if it.claim.id not in marked_ids]
    for cluster in _clusters(calm):
        not_yet = [it for it in cluster if isinstance(it.value, NoValue)]
        dated = [it for it in cluster if not isinstance(it.value, NoValue)]
        if not_yet and dated:
            first = not_yet[0]
            notes.append(
                Consistency(
                    subject,
                    prop.id,
                    tuple(it.claim.id for it in cluster),
                    f"{first.value.written}{_when(first, corpus)} comes before "
                    f"{', '.join(it.value.written for it in dated[:3])}: "
                    "it had not happened yet at that time",
                )
            )
        elif len(cluster) >= 2:
            shown = ", ".join(it.value.written for it in cluster[:4])
            notes.append(
                Consistency(
                    subject,
                    prop.id,
                    tuple(it.claim.id for it in cluster),
                    f"values agree within the property's tolerance ({shown})",
                )
            )
    return notes


def find_conflicts(
    corpus: Corpus,
    *,
    subject: str | None = None,
    property: str | None = None,
    min_severity: Severity = Severity.low,
    explain: bool = False,
) -> Report:
    """Find conflicts in a corpus; with `explain`, also say why other claims do not conflict."""
    with paused_gc():
        return _find(corpus, subject, property, min_severity, explain)


def _find(
    corpus: Corpus,
    subject: str | None,
    property: str | None,
    min_severity: Severity,
    explain: bool,
) -> Report:
    topics: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in corpus.claims.values():
        if subject and claim.subject != subject:
            continue
        if property and claim.property != property:
            continue
        topics[(claim.subject, claim.property)].append(claim)

    report = Report()
    for done, ((subj, prop_id), claims) in enumerate(sorted(topics.items())):
        progress.tell("finding conflicts", done, len(topics))
        prop = corpus.properties[prop_id]
        report.compared += len(claims)
        live = [c for c in claims if c.rank is not Rank.deprecated]
        if explain:
            for c in claims:
                if c.rank is Rank.deprecated:
                    why = f": {c.rank_reason}" if c.rank_reason else ""
                    report.consistent.append(
                        Consistency(subj, prop_id, (c.id,), f"deprecated{why}")
                    )
        scopes: dict[tuple[tuple[str, str], ...], list[Claim]] = defaultdict(list)
        for c in live:
            scopes[_scope_key(c)].append(c)
        if explain and len(scopes) > 1:
            for members in (scopes[key] for key in sorted(scopes)):
                label = ", ".join(f"{k}={v}" for k, v in _scope_shown(members)) or "no scope"
                values = ", ".join(m.value for m in members[:4])
                report.consistent.append(
                    Consistency(
                        subj,
                        prop_id,
                        tuple(m.id for m in members),
                        f"scope {label} ({values}) is compared only with claims of the same scope",
                    )
                )
        for members in (scopes[key] for key in sorted(scopes)):
            scope = _scope_shown(members)
            stated = _items([c for c in members if c.stance is not Stance.denies], prop, corpus)
            denials = _items([c for c in members if c.stance is Stance.denies], prop, corpus)
            found = []
            conflict = _value_conflict(stated, prop, corpus, scope)
            if conflict:
                found.append(conflict)
            denial = _denial_conflict(denials, stated, prop, scope, corpus)
            if denial:
                found.append(denial)
            report.conflicts.extend(c for c in found if c.severity >= min_severity)
            if explain:
                marked = {cid for c in found for cid in c.claim_ids}
                report.consistent.extend(_explain(stated, marked, prop, corpus, subj))
    progress.tell("finding conflicts", len(topics), len(topics))
    report.conflicts.sort(key=lambda c: (-c.severity, c.subject, c.property, c.scope, c.kind))
    return report


@dataclass(frozen=True)
class Relations:
    """How one claim stands to the others on its topic."""

    claim: str
    agrees: tuple[str, ...]
    conflicts: tuple[Conflict, ...]


def relations(corpus: Corpus, claim_id: str) -> Relations:
    """The claims that agree with one claim and the conflicts it takes part in.

    A claim agrees with the claims of its topic and scope, of the same stance (stating or
    denying), whose values overlap it at a time that overlaps its own.
    """
    claim = corpus.claims[claim_id]
    report = find_conflicts(corpus, subject=claim.subject, property=claim.property)
    involved = tuple(c for c in report.conflicts if claim_id in c.claim_ids)
    prop = corpus.properties[claim.property]
    denies = claim.stance is Stance.denies
    peers = [
        c
        for c in corpus.claims.values()
        if c.subject == claim.subject
        and c.property == claim.property
        and _scope_key(c) == _scope_key(claim)
        and c.id != claim_id
        and c.rank is not Rank.deprecated
        and (c.stance is Stance.denies) == denies
    ]
    me = _items([claim], prop, corpus)[0]
    agrees = tuple(
        it.claim.id
        for it in _items(peers, prop, corpus)
        if it.lo <= me.hi and it.hi >= me.lo and it.t_lo <= me.t_hi and it.t_hi >= me.t_lo
    )
    return Relations(claim_id, agrees, involved)
