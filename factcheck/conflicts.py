"""Finding where claims contradict each other: `find_conflicts`, topic by topic.

Claims are compared only within a topic (same subject and property) and the same scope.
Each claim becomes a value interval, widened by the property's tolerance, and a time window
(its `as_of`, or all time when it gives none). Two claims conflict when their value intervals
are disjoint and they refer to the same time; for a growing quantity, a larger value at a
later time is expected, so only a larger value that is not strictly later conflicts.
A denial conflicts with the claims whose value it denies.

The claims become intervals in `factcheck.intervals`; `factcheck.sweep` finds those in
conflict and their sides, `factcheck.reasons` words them, `factcheck.denials` matches
denials, and `factcheck.explanations` says why other claims do not conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factcheck import categories, definitions, explanations, progress, reasons
from factcheck.collector import paused_gc
from factcheck.conflict_report import Conflict, Consistency, Report, Severity, Side
from factcheck.corpus import Corpus
from factcheck.denials import denial_conflict
from factcheck.growth import growth_conflict
from factcheck.intervals import Item, items
from factcheck.model import ClaimRow, Property, Rank, Stance
from factcheck.sweep import clusters, sweep


def _scope_shown(members: list[ClaimRow]) -> tuple[tuple[str, str], ...]:
    """A scope as its claims write it (grouping ignores case; display keeps it)."""
    return tuple(sorted(min(members, key=lambda c: c.id).scope.items()))


ScopeKey = tuple[tuple[str, str], ...]


def scope_key(claim: ClaimRow) -> ScopeKey:
    if not claim.scope:  # most claims
        return ()
    return tuple(sorted((k.casefold(), v.casefold()) for k, v in claim.scope.items()))


def _value_conflict(
    items: list[Item], prop: Property, corpus: Corpus, scope: tuple[tuple[str, str], ...]
) -> Conflict | None:
    marked, pair = sweep(
        items,
        prop.growing,
        lambda a, b: reasons.pair_score(a, b, prop),
        lambda it: reasons.point(it.value),
    )
    if not marked or pair is None:
        return None
    a, b = items[pair[0]], items[pair[1]]
    if a.lo > b.lo:
        a, b = b, a
    distance = reasons.distance(a, b, prop)
    severity = Severity(int(reasons.pair_score(a, b, prop)[0]))
    sides = tuple(
        Side(tuple(it.claim.id for it in cluster), reasons.side_summary(cluster, corpus))
        for cluster in clusters([items[i] for i in sorted(marked)])
    )
    return Conflict(
        a.claim.subject,
        a.claim.property,
        scope,
        "values",
        sides,
        distance,
        severity,
        reasons.reason(a, b, prop, corpus),
    )


def _related(
    corpus: Corpus, subject: str | None, property: str | None, explain: bool, report: Report
) -> list[Conflict]:
    """Conflicts between related properties (see `factcheck.definitions`), for the pairs
    the filters keep; their explanations go to `report`."""
    pairs = [p for p in definitions.related_pairs(corpus) if property in (None, p[0], p[1])]
    wanted = {prop for a, b, _ in pairs for prop in (a, b)}
    if not wanted:
        return []
    groups: definitions.Groups = defaultdict(lambda: defaultdict(list))
    by_topic: dict[tuple[str, str], list[ClaimRow]] = defaultdict(list)
    for claim in corpus.claims.values():
        if (
            claim.property in wanted
            and subject in (None, claim.subject)
            and claim.rank is not Rank.deprecated
            and claim.stance is not Stance.denies
        ):
            by_topic[(claim.subject, claim.property)].append(claim)
    for (subj, prop_id), claims in by_topic.items():
        for it in items(claims, corpus.properties[prop_id], corpus):
            groups[(subj, scope_key(it.claim))][prop_id].append(it)
    found, notes = definitions.definition_conflicts(corpus, groups, pairs, explain)
    report.consistent.extend(notes)
    return found


def _topics(
    corpus: Corpus, subject: str | None, property: str | None
) -> dict[tuple[str, str], list[ClaimRow]]:
    """The claims of each topic (subject and property) that the filters keep."""
    topics: dict[tuple[str, str], list[ClaimRow]] = defaultdict(list)
    for claim in corpus.claims.values():
        if subject and claim.subject != subject:
            continue
        if property and claim.property != property:
            continue
        topics[(claim.subject, claim.property)].append(claim)
    return topics


def _scopes(live: list[ClaimRow]) -> dict[ScopeKey, list[ClaimRow]]:
    scopes: dict[ScopeKey, list[ClaimRow]] = defaultdict(list)
    for c in live:
        scopes[scope_key(c)].append(c)
    return scopes


def swept_groups(corpus: Corpus) -> Iterator[tuple[Property, ScopeKey, list[Item]]]:
    """The groups whose values the sweep compares (`_value_conflict`): the live claims of
    one topic and scope that state a value, for properties that hold one value at a time
    and declare no relations; each with its property and scope key."""
    for (_, prop_id), claims in sorted(_topics(corpus, None, None).items()):
        prop = corpus.properties[prop_id]
        if prop.several or categories.declares_relations(prop):
            continue
        live = [c for c in claims if c.rank is not Rank.deprecated]
        for key, members in sorted(_scopes(live).items()):
            stated = [c for c in members if c.stance is not Stance.denies]
            if stated:
                yield prop, key, items(stated, prop, corpus)


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
    topics = _topics(corpus, subject, property)
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
        scopes = _scopes(live)
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
            stated = items([c for c in members if c.stance is not Stance.denies], prop, corpus)
            denials = items([c for c in members if c.stance is Stance.denies], prop, corpus)
            found = []
            if categories.declares_relations(prop):
                conflict = categories.category_conflict(stated, prop, scope, corpus)
            else:
                conflict = None if prop.several else _value_conflict(stated, prop, corpus, scope)
            if conflict:
                found.append(conflict)
            growth = growth_conflict(stated, prop, scope, corpus)
            if growth:
                found.append(growth)
            denial = denial_conflict(denials, stated, prop, scope, corpus)
            if denial:
                found.append(denial)
            report.conflicts.extend(c for c in found if c.severity >= min_severity)
            if explain and len(claims) > 1:
                marked = {cid for c in found for cid in c.claim_ids}
                notes = (
                    explanations.several(stated, marked, prop, subj)
                    if prop.several
                    else explanations.explain(stated, marked, prop, corpus, subj)
                )
                notes += explanations.explain_denials(denials, stated, marked, prop, corpus, subj)
                told = marked | {cid for note in notes for cid in note.claims}
                if len(members) > 1 or len(scopes) == 1:  # else the scope note says why
                    notes += explanations.unremarkable(stated, told, prop, corpus, subj)
                report.consistent.extend(notes)
    related = _related(corpus, subject, property, explain, report)
    report.conflicts.extend(c for c in related if c.severity >= min_severity)
    progress.tell("finding conflicts", len(topics), len(topics))
    report.conflicts.sort(key=lambda c: (-c.severity, c.subject, c.property, c.scope, c.kind))
    return report
