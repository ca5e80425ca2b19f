"""Why claims whose values differ were not reported, for `--explain`: they refer to
different times, a growing quantity grew, or their values agree; and why a denial
contradicts no claim."""

from __future__ import annotations

import itertools
from bisect import bisect_left

from factcheck import reasons
from factcheck.conflict_report import Consistency
from factcheck.corpus import Corpus
from factcheck.denials import denied_span
from factcheck.growth import within_limit
from factcheck.intervals import Item
from factcheck.model import Property
from factcheck.sweep import clusters
from factcheck.values import NoValue


def explain(
    items: list[Item], marked_ids: set[str], prop: Property, corpus: Corpus, subject: str
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
            if prop.growth_limit is not None:
                if not within_limit(early, late, prop.growth_limit):
                    continue  # reported as growing too fast
                why += ", and within the growth it allows"
        elif not prop.growing and late.t_lo > early.t_hi:
            why = "they refer to different times"
        else:
            continue
        notes.append(
            Consistency(
                subject,
                prop.id,
                (early.claim.id, late.claim.id),
                f"{early.value.written}{reasons.when(early, corpus)} and "
                f"{late.value.written}{reasons.when(late, corpus)} differ, but {why}",
            )
        )
    calm = [it for it in items if it.claim.id not in marked_ids]
    for cluster in clusters(calm):
        not_yet = [it for it in cluster if isinstance(it.value, NoValue)]
        dated = [it for it in cluster if not isinstance(it.value, NoValue)]
        if not_yet and dated:
            first = not_yet[0]
            notes.append(
                Consistency(
                    subject,
                    prop.id,
                    tuple(it.claim.id for it in cluster),
                    f"{first.value.written}{reasons.when(first, corpus)} comes before "
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


def explain_denials(
    denials: list[Item],
    items: list[Item],
    marked_ids: set[str],
    prop: Property,
    corpus: Corpus,
    subject: str,
) -> list[Consistency]:
    """Why each denial outside every conflict contradicts nothing: the claims that state a
    figure it rules out (up to three) refer to another time, or no claim states one."""
    pinned = sorted(((it.core, it) for it in items if it.core), key=lambda x: x[0])
    starts = [core[0] for core, _ in pinned]
    notes = []
    for d in denials:
        if d.claim.id in marked_ids:
            continue
        same: list[Item] = []
        span = denied_span(d, prop)
        if span is not None:
            for k in range(bisect_left(starts, span[0]), len(pinned)):
                (first, last), it = pinned[k]
                if first > span[1] or len(same) == 3:
                    break
                if last <= span[1]:
                    same.append(it)
        if same:
            stating = ", ".join(f"{it.value.written}{reasons.when(it, corpus)}" for it in same)
            why = f"the claims that state that figure ({stating}) refer to another time"
        else:
            why = "no claim of this topic and scope states that figure"
        notes.append(
            Consistency(
                subject,
                prop.id,
                (d.claim.id, *(it.claim.id for it in same)),
                f"{reasons.who(d)} denies {reasons.said(d.value)}{reasons.when(d, corpus)}, "
                f"but {why}",
            )
        )
    return notes


def several(
    items: list[Item], marked_ids: set[str], prop: Property, subject: str
) -> list[Consistency]:
    """Claims of a property that holds several values at once: their values stand together."""
    calm = [it for it in items if it.claim.id not in marked_ids]
    values = list(dict.fromkeys(it.value.written for it in calm))
    if len(values) < 2:
        return []
    shown = ", ".join(values[:4]) + (f" and {len(values) - 4} more" if len(values) > 4 else "")
    return [
        Consistency(
            subject,
            prop.id,
            tuple(it.claim.id for it in calm),
            f"'{prop.name}' holds several values at once ({shown}); only a denial conflicts",
        )
    ]


def unremarkable(
    items: list[Item], told: set[str], prop: Property, corpus: Corpus, subject: str
) -> list[Consistency]:
    """Claims nothing else accounts for: none of them contradicts any other claim of its
    topic and scope (the sweep marks every claim of every conflicting pair), so `--explain`
    says so rather than leave them out."""
    return [
        Consistency(
            subject,
            prop.id,
            (it.claim.id,),
            f"{reasons.describe(it, corpus)} ({it.value.describe()}) contradicts no other claim "
            "of its topic and scope",
        )
        for it in items
        if it.claim.id not in told
    ]
