"""Claims about related properties of one subject: a part above its whole, and one figure
given under two definitions.

A property may count part of another (`part_of`: dead, of dead and wounded), or be one of
several rival definitions of one headline figure (`headline`: certified heatwave deaths,
excess deaths). Claims of different properties are never compared value against value, but
for such properties two things are contradictions a reader must see:
- **a part above its whole**: the narrower value exceeds the broader one for the same
  subject and scope at a time both refer to (`narrower`);
- **one figure, two definitions**: the very same figure given for two related properties
  (`2 million households affected` and `2 million households without power for a week`):
  one of them has most likely borrowed the other's number (`definition`).
Both are found by sweeps over sorted claims, never by comparing every pair. `--explain`
says which related properties kept two values apart.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable

from factcheck import reasons
from factcheck.conflict_report import Conflict, Consistency, Severity, Side
from factcheck.corpus import Corpus
from factcheck.intervals import Item
from factcheck.model import Property
from factcheck.values import INF, Quantity, format_number

#: (subject, scope key) → property id → its stated claims as items.
Groups = dict[tuple[str, tuple[tuple[str, str], ...]], dict[str, list[Item]]]


def related_pairs(corpus: Corpus) -> list[tuple[str, str, str]]:
    """Pairs of related properties, each once: (part, whole, "part") for `part_of`, and
    (one, other, "headline") for rival definitions of one headline figure."""
    pairs = [
        (pid, prop.part_of, "part")
        for pid, prop in sorted(corpus.properties.items())
        if prop.part_of and prop.part_of in corpus.properties and prop.part_of != pid
    ]
    by_headline: dict[str, list[str]] = defaultdict(list)
    for pid, prop in sorted(corpus.properties.items()):
        if prop.headline:
            by_headline[prop.headline.casefold()].append(pid)
    for members in by_headline.values():
        pairs += [(a, b, "headline") for i, a in enumerate(members) for b in members[i + 1 :]]
    return pairs


def _part_above_whole(parts: list[Item], wholes: list[Item]) -> tuple[Item, Item] | None:
    """The part that most exceeds a whole it shares a time with: one sweep by start time,
    the lowest whole and the highest part still open kept in heaps (ended ones dropped as
    they surface)."""
    events = sorted(
        [(it.t_lo, 0, n, it) for n, it in enumerate(parts)]
        + [(it.t_lo, 1, n, it) for n, it in enumerate(wholes)],
        key=lambda e: (e[0], e[1], e[2]),
    )
    low_wholes: list[tuple[float, int, Item]] = []
    high_parts: list[tuple[float, int, Item]] = []
    worst: tuple[float, Item, Item] | None = None

    def consider(part: Item, whole: Item) -> None:
        nonlocal worst
        gap = part.lo / whole.hi if whole.hi > 0 else INF
        if worst is None or gap > worst[0]:
            worst = (gap, part, whole)

    for now, is_whole, n, it in events:
        for heap in (low_wholes, high_parts):
            while heap and heap[0][2].t_hi < now:
                heapq.heappop(heap)
        if is_whole:
            if high_parts and -high_parts[0][0] > it.hi:
                consider(high_parts[0][2], it)
            heapq.heappush(low_wholes, (it.hi, n, it))
        else:
            if low_wholes and low_wholes[0][0] < it.lo:
                consider(it, low_wholes[0][2])
            heapq.heappush(high_parts, (-it.lo, n, it))
    return (worst[1], worst[2]) if worst else None


def _figure(it: Item) -> float | None:
    """The one figure a claim gives, if it gives one (`2 million`, not `more than 2 million`)."""
    value = it.value
    if isinstance(value, Quantity) and value.qualifier in ("exact", "around", "nearly"):
        return value.point
    return None


def _same_figure(one: list[Item], other: list[Item]) -> tuple[Item, Item] | None:
    """A claim of each property giving the very same figure at a time both refer to."""
    by_figure: dict[float, list[Item]] = defaultdict(list)
    for it in other:
        if (x := _figure(it)) is not None:
            by_figure[x].append(it)
    for it in sorted(one, key=lambda x: x.claim.id):
        x = _figure(it)
        for match in by_figure.get(x, []) if x is not None else []:
            if it.t_lo <= match.t_hi and match.t_lo <= it.t_hi:
                return it, match
    return None


def definition_conflicts(
    corpus: Corpus, groups: Groups, pairs: list[tuple[str, str, str]], explain: bool
) -> tuple[list[Conflict], list[Consistency]]:
    """Conflicts between the related properties `pairs` (see `related_pairs`) in each
    subject and scope, and, with `explain`, why the values of related properties were not
    compared."""
    conflicts: list[Conflict] = []
    notes: list[Consistency] = []
    for (subject, _), props in sorted(groups.items()):
        for first, second, relation in pairs:
            a_items, b_items = props.get(first, []), props.get(second, [])
            if not a_items or not b_items:
                continue
            pa, pb = corpus.properties[first], corpus.properties[second]
            scope = _scope_of(a_items + b_items)
            found = None
            if relation == "part" and (pair := _part_above_whole(a_items, b_items)):
                found = _narrower(pair, pa, pb, scope, corpus)
            elif pair := _same_figure(a_items, b_items):
                found = _borrowed(pair, pa, pb, relation, scope, corpus)
            if found:
                conflicts.append(found)
            elif explain:
                notes.append(_kept_apart(subject, a_items, b_items, pa, pb, relation))
    return conflicts, notes


def _scope_of(items: Iterable[Item]) -> tuple[tuple[str, str], ...]:
    """The scope of a group of claims, as its first claim writes it."""
    first = min(items, key=lambda it: it.claim.id)
    return tuple(sorted(first.claim.scope.items()))


def _between(
    kind: str,
    pair: tuple[Item, Item],
    props: tuple[Property, Property],
    scope: tuple[tuple[str, str], ...],
    corpus: Corpus,
    words: tuple[str, Severity, str],
) -> Conflict:
    """A conflict between one claim of each of two related properties: each its own side,
    named by its property; `words` are the distance, severity and reason."""
    distance, severity, reason = words
    return Conflict(
        pair[0].claim.subject,
        props[0].id,
        scope,
        kind,
        tuple(
            Side((it.claim.id,), f"{prop.name}: {reasons.side_summary([it], corpus)}")
            for it, prop in zip(pair, props, strict=True)
        ),
        distance,
        severity,
        reason,
    )


def _narrower(
    pair: tuple[Item, Item],
    part: Property,
    whole: Property,
    scope: tuple[tuple[str, str], ...],
    corpus: Corpus,
) -> Conflict:
    p, w = pair
    ratio = p.lo / w.hi if w.hi > 0 else INF
    words = (
        f"part ×{ratio:.1f} its whole" if ratio < INF else "part above a whole of 0",
        Severity.high if ratio >= 1.25 else Severity.medium,
        f"{reasons.describe(p, corpus)} counts {part.name}, part of {whole.name}, yet is more "
        f"than {reasons.describe(w, corpus)}",
    )
    return _between("narrower", pair, (part, whole), scope, corpus, words)


def _borrowed(
    pair: tuple[Item, Item],
    one: Property,
    other: Property,
    relation: str,
    scope: tuple[tuple[str, str], ...],
    corpus: Corpus,
) -> Conflict:
    a, b = pair
    how = (
        f"{one.name} is part of {other.name}"
        if relation == "part"
        else f"both are definitions of {one.headline}"
    )
    words = (
        f"{format_number(_figure(a) or 0)} under two definitions",
        Severity.medium,
        f"{reasons.describe(a, corpus)} and {reasons.describe(b, corpus)} give one figure for "
        f"two definitions ({how}): one of them has likely taken the other's number",
    )
    return _between("definition", pair, (one, other), scope, corpus, words)


def _kept_apart(
    subject: str,
    a_items: list[Item],
    b_items: list[Item],
    pa: Property,
    pb: Property,
    relation: str,
) -> Consistency:
    values = ", ".join(it.value.written for it in a_items[:2])
    others = ", ".join(it.value.written for it in b_items[:2])
    why = (
        f"{pa.name} ({values}) is part of {pb.name} ({others}) and no part exceeds its whole"
        if relation == "part"
        else f"{pa.name} ({values}) and {pb.name} ({others}) are rival definitions of "
        f"{pa.headline}, so their values are not compared"
    )
    return Consistency(
        subject, pa.id, tuple(it.claim.id for it in [*a_items[:2], *b_items[:2]]), why
    )
