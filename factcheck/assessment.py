"""Which side of a conflict the evidence favours: an assessment, never a verdict.

Each side of a conflict gets a score, the sum of a few factors that a reader can check:

- **independent sources**: one point for each independent origin of its claims and of the
  claims that agree with it within the property's tolerance. Sources that relay one another
  (`reports`), records of one work, and sources of one publisher are one origin; a claim
  citing no source has its document as origin. With a reliability list, an origin counts as
  its best-rated publisher does (`WEIGHTS`); unrated publishers count half.
- **documents**: a quarter point for each further document that carries the side (at most
  one point): corroboration across reports.
- **recency**: half a point for the side stated most recently, a week or more after the
  others' latest statement.
- **closeness to the event**: half a point for the side whose statement came nearest the time
  its value describes (`as_of`), a week or more nearer than the others'.
- **denials**: minus the origins of the claims that deny it (when the denials are not
  themselves a side of the conflict).

The evidence leans to a side when its score leads the next by `MARGIN` or more; otherwise
the conflict is too close to call. Either way the conflict stays reported.

Whether a claimant is a party to the matter is not weighed: the claim files do not say who
the parties to a subject are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck import reasons
from factcheck.conflict_report import Conflict
from factcheck.corpus import Corpus
from factcheck.denials import deniers_of
from factcheck.intervals import Item, items
from factcheck.model import ClaimRow, Rank, Source, Stance
from factcheck.reliability import Rating, Ratings
from factcheck.sources import Union, norm_name, source_dates, source_groups
from factcheck.values import INF, Time

#: What one independent origin counts for, by its publisher's rating.
WEIGHTS = {
    Rating.reliable: 1.0,
    Rating.no_consensus: 0.5,
    Rating.unreliable: 0.25,
    Rating.deprecated: 0.0,
}
#: What an origin counts for when a reliability list is given but does not rate it.
UNRATED = 0.5
#: Points for each document beyond the first, and the most they add up to.
PER_DOCUMENT, MOST_FOR_DOCUMENTS = 0.25, 1.0
#: Points for the most recent side and for the side stated nearest its event.
RECENCY = CLOSENESS = 0.5
#: Days by which a side must be more recent, or nearer its event, than every other.
LEAD_DAYS = 7
#: How far a side's score must lead the next for the evidence to lean to it.
MARGIN = 1.0


@dataclass(frozen=True)
class Factor:
    """One part of a side's score: its name, what it counted in words, and its points."""

    name: str
    words: str
    points: float


@dataclass(frozen=True)
class SideAssessment:
    """The evidence behind one side: its value as written, its factors and their sum."""

    value: str
    factors: tuple[Factor, ...]
    score: float
    sentence: str


@dataclass(frozen=True)
class Assessment:
    """A conflict's sides assessed, in the conflict's order; `favoured` is the index of the
    side the evidence leans to, None when it is too close to call."""

    sides: tuple[SideAssessment, ...]
    favoured: int | None
    summary: str


def points(x: float) -> str:
    """A score or contribution as shown: `3`, `0.25`, `+1.5`, `−1`."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")


def signed(x: float) -> str:
    return points(x) if x < 0 else f"+{points(x)}"


# --------------------------------------------------------------------------- evidence


def _document_source(corpus: Corpus, claim: ClaimRow) -> Source:
    """A claim that cites nothing rests on its document: the document as a source."""
    doc = corpus.documents.get(claim.document)
    return Source(
        id=f"document:{claim.document}",
        publisher=(doc.publisher if doc else None) or claim.claimant or claim.document,
        url=doc.url if doc else None,
    )


def origins(corpus: Corpus, claims: Iterable[ClaimRow]) -> list[list[Source]]:
    """The independent origins of some claims, each as the sources it groups: sources of one
    work or relaying one another (`factcheck.sources.source_groups`) and sources of one
    publisher are one origin."""
    groups = source_groups(corpus)
    union = Union()
    by_id: dict[str, Source] = {}
    publishers: dict[str, str] = {}
    for claim in claims:
        found = corpus.sources_of(claim) or [_document_source(corpus, claim)]
        for source in found:
            by_id[source.id] = source
            union.join(source.id, f"group:{groups.get(source.id, source.id)}")
            name = norm_name(source.publisher or "")
            if name:
                union.join(source.id, publishers.setdefault(name, f"publisher:{name}"))
    merged: dict[str, list[Source]] = {}
    for sid in sorted(by_id):
        merged.setdefault(union.find(sid), []).append(by_id[sid])
    return list(merged.values())


def _origin_name(origin: list[Source]) -> str:
    """An origin as a reader knows it: its first source's publisher, else author, else id."""
    first = origin[0]
    return first.publisher or first.author or first.id


def _weight(origin: list[Source], ratings: Ratings | None) -> tuple[float, Rating | None]:
    """What an origin counts for: its best-rated source's weight (1 without a list)."""
    if ratings is None:
        return 1.0, None
    found = [r.rating for s in origin if (r := ratings.find(s)) is not None]
    if not found:
        return UNRATED, None
    best = max(found, key=lambda r: WEIGHTS[r])
    return WEIGHTS[best], best


def _sources_factor(
    corpus: Corpus, claims: list[ClaimRow], ratings: Ratings | None, agreeing: int
) -> Factor:
    found = origins(corpus, claims)
    total = 0.0
    rated: dict[str, int] = {}
    for origin in found:
        weight, rating = _weight(origin, ratings)
        total += weight
        if ratings is not None:
            key = str(rating) if rating else "unrated"
            rated[key] = rated.get(key, 0) + 1
    names = [_origin_name(origin) for origin in found]
    words = f"{len(found)} independent source{'' if len(found) == 1 else 's'}"
    if names:
        words += f" ({reasons.listed(names)})"
    if rated:
        words += f", rated: {', '.join(f'{n} {r}' for r, n in sorted(rated.items()))}"
    if agreeing:
        words += f", with {agreeing} claim{'' if agreeing == 1 else 's'} agreeing within tolerance"
    return Factor("sources", words, total)


def _documents_factor(claims: list[ClaimRow]) -> Factor:
    n = len({c.document for c in claims})
    extra = min(MOST_FOR_DOCUMENTS, PER_DOCUMENT * (n - 1))
    return Factor("documents", f"in {n} document{'' if n == 1 else 's'}", extra)


def statement_time(corpus: Corpus, claim: ClaimRow) -> Time | None:
    """When a claim was made: its `stated` time, else its latest source's date, else its
    document's date."""
    if when := corpus.stated.get(claim.id):
        return when
    dates = source_dates(corpus)
    found = [dates[s.id] for s in corpus.sources_of(claim) if s.id in dates]
    dated = [t for t in found if t.high != INF]
    if dated:
        return max(dated, key=lambda t: t.high)
    return corpus.document_dates.get(claim.document)


def _latest(corpus: Corpus, claims: list[ClaimRow]) -> Time | None:
    times = [t for c in claims if (t := statement_time(corpus, c)) and t.high != INF]
    return max(times, key=lambda t: t.high) if times else None


def _nearest(corpus: Corpus, claims: list[ClaimRow]) -> float | None:
    """How many days separate the side's statement nearest its event from that event (only
    claims that give both an `as_of` and a statement time)."""
    gaps = []
    for c in claims:
        event, said = corpus.as_of.get(c.id), statement_time(corpus, c)
        if event is None or said is None or INF in (abs(event.low), abs(said.high)):
            continue
        if said.high < event.low:
            gaps.append(event.low - said.high)
        elif said.low > event.high:
            gaps.append(said.low - event.high)
        else:
            gaps.append(0.0)
    return min(gaps) if gaps else None


def _leader(values: Sequence[float | None]) -> int | None:
    """The index of the one value that exceeds every other by `LEAD_DAYS` or more."""
    known = [(v, i) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return None
    known.sort(reverse=True)
    return known[0][1] if known[0][0] - known[1][0] >= LEAD_DAYS else None


def _agreeing(
    corpus: Corpus, conflict: Conflict, sides: list[list[ClaimRow]]
) -> list[list[ClaimRow]]:
    """For each side, the live claims of its topic and scope outside the conflict whose value
    agrees with that side's (within the property's tolerance, at a time they share) and with
    no other side's: they are evidence for it too."""
    if conflict.kind in ("definition", "narrower") or not sides or not sides[0]:
        return [[] for _ in sides]
    from factcheck.conflicts import scope_key

    first = sides[0][0]
    prop = corpus.properties[first.property]
    key = scope_key(first)
    inside = {c.id for side in sides for c in side}
    others = [
        c
        for c in corpus.claims.values()
        if c.subject == first.subject
        and c.property == first.property
        and c.id not in inside
        and c.rank is not Rank.deprecated
        and c.stance is not Stance.denies
        and scope_key(c) == key
    ]
    if not others:
        return [[] for _ in sides]
    side_items = [items(side, prop, corpus) for side in sides]
    found: list[list[ClaimRow]] = [[] for _ in sides]
    for it in items(others, prop, corpus):
        hits = [n for n, side in enumerate(side_items) if any(_agree(it, s) for s in side)]
        if len(hits) == 1:
            found[hits[0]].append(it.claim)
    return found


def _agree(a: Item, b: Item) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi and a.t_lo <= b.t_hi and b.t_lo <= a.t_hi


def _denial_factor(
    corpus: Corpus, conflict: Conflict, side: list[ClaimRow], ratings: Ratings | None
) -> Factor | None:
    if conflict.kind == "denial" or not side:
        return None  # there the denials are a side of their own
    first = side[0]
    prop = corpus.properties[first.property]
    from factcheck.conflicts import scope_key

    key = scope_key(first)
    denials = [
        c
        for c in corpus.claims.values()
        if c.subject == first.subject
        and c.property == first.property
        and c.stance is Stance.denies
        and c.rank is not Rank.deprecated
        and scope_key(c) == key
    ]
    if not denials:
        return None
    against = [
        d.claim for d in deniers_of(items(denials, prop, corpus), items(side, prop, corpus), prop)
    ]
    if not against:
        return None
    found = origins(corpus, against)
    weight = sum(_weight(o, ratings)[0] for o in found)
    n = len(found)
    return Factor("denials", f"denied by {n} independent source{'' if n == 1 else 's'}", -weight)


# --------------------------------------------------------------------------- assessment


def assess(corpus: Corpus, conflict: Conflict, ratings: Ratings | None = None) -> Assessment:
    """The evidence behind each side of a conflict, and the side it leans to, if any."""
    sides = [[corpus.claims[cid] for cid in side.claims] for side in conflict.sides]
    agreeing = _agreeing(corpus, conflict, sides)
    latest = [_latest(corpus, side) for side in sides]
    recent = _leader([t.high if t else None for t in latest])
    nearest = [_nearest(corpus, side) for side in sides]
    closest = _leader([-g if g is not None else None for g in nearest])
    assessed = []
    for n, (side, more) in enumerate(zip(sides, agreeing, strict=True)):
        factors = [
            _sources_factor(corpus, side + more, ratings, len(more)),
            _documents_factor(side + more),
        ]
        if n == recent and (when := latest[n]) is not None:
            factors.append(Factor("recency", f"stated most recently ({when.written})", RECENCY))
        if n == closest:
            days = round(nearest[n] or 0)
            factors.append(
                Factor(
                    "closeness",
                    f"stated nearest the time it describes ({days} day{'' if days == 1 else 's'})",
                    CLOSENESS,
                )
            )
        denied = _denial_factor(corpus, conflict, side, ratings)
        if denied:
            factors.append(denied)
        assessed.append(_side(_value(corpus, side, conflict, n), tuple(factors)))
    favoured = _favoured([s.score for s in assessed])
    return Assessment(tuple(assessed), favoured, _summary(assessed, favoured))


def _value(corpus: Corpus, side: list[ClaimRow], conflict: Conflict, n: int) -> str:
    if conflict.kind == "denial" and n == len(conflict.sides) - 1:
        return "the denial"
    values = list(dict.fromkeys(reasons.said(corpus.values[c.id]) for c in side))
    return reasons.listed(values, 2)


def _side(value: str, factors: tuple[Factor, ...]) -> SideAssessment:
    score = round(sum(f.points for f in factors), 2)
    parts = "; ".join(
        f"{f.words} {signed(f.points)}" for f in factors if f.points or f.name == "sources"
    )
    return SideAssessment(value, factors, score, f"{value}: {parts}; score {points(score)}")


def _favoured(scores: list[float]) -> int | None:
    if len(scores) < 2:
        return None
    ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
    top, second = ranked[0], ranked[1]
    return top if scores[top] - scores[second] >= MARGIN else None


def _summary(sides: list[SideAssessment], favoured: int | None) -> str:
    scores = sorted((s.score for s in sides), reverse=True)
    if favoured is not None:
        rest = reasons.listed([points(s) for s in scores[1:]])
        return (
            f"the evidence leans to {sides[favoured].value} (score {points(scores[0])} "
            f"against {rest}); the conflict stays open"
        )
    if len({s.factors for s in sides}) == 1 or len(set(scores)) == 1:
        return (
            f"too close to call: the sides have evidence of equal weight ({points(scores[0])} each)"
        )
    return f"too close to call (scores {reasons.listed([points(s) for s in scores])})"


def assessment_data(assessment: Assessment) -> dict[str, object]:
    """An assessment as plain data, for every format."""
    return {
        "summary": assessment.summary,
        "favoured": assessment.favoured,
        "sides": [
            {
                "value": s.value,
                "score": s.score,
                "sentence": s.sentence,
                "favoured": n == assessment.favoured,
                "factors": [
                    {"factor": f.name, "words": f.words, "points": f.points} for f in s.factors
                ],
            }
            for n, s in enumerate(assessment.sides)
        ],
    }
