"""Which side of a conflict the evidence favours: an assessment, never a verdict.

Each side of a conflict gets a score, the sum of a few factors that a reader can check:

- **independent sources**: each independent origin of its claims, and of the claims that
  agree with it within the property's tolerance, counts for its weight. Sources that relay
  one another (`reports`), records of one work, and sources of one publisher are one
  origin; a claim citing no source has its document as origin. With a reliability list,
  an origin weighs as its best-rated publisher (`WEIGHTS`), nudged by at most `NUDGE` / 2
  by its track record. Unrated origins weigh by their track record alone: how often they
  were on the better-supported side of the corpus's other conflicts, starting from 1
  (`UNRATED` with a list) as if seen `SEEN` times, and squared, so that a poor record
  weighs little (see `Weigher`).
- **documents**: a little (`PER_DOCUMENT`) for each document that carries the side beyond
  the number of its independent sources (several reports repeating one source).
- **recency**: a little (`RECENCY`) for the side stated most recently, a week or more after
  the others' latest statement.
- **closeness to the event**: a little (`CLOSENESS`) for the side whose statement came
  nearest the time its value describes (`as_of`), a week or more nearer than the others'.
- **denials**: minus the weight of the origins of the claims that deny it (when the
  denials are not themselves a side of the conflict).

Sources decide; documents, recency and closeness only separate sides whose sources weigh
nearly the same. The evidence leans to a side when its score leads the next by `MARGIN`
or more (a reliable source's worth); otherwise the conflict is too close to call. Either
way the conflict stays reported.

- **party to the matter**: minus half the weight of the origins that only claims by a
  party to the matter rest on (the subject's `parties`: a claimant named there, or naming
  an entity named there): what a party says of itself is its own account.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck import reasons
from factcheck.conflict_report import Conflict
from factcheck.corpus import Corpus
from factcheck.denials import deniers_of
from factcheck.entities import fold_name
from factcheck.intervals import Item, items
from factcheck.model import ClaimRow, Rank, Source, Stance
from factcheck.reliability import Rating, Ratings
from factcheck.sources import Union, norm_name, source_dates, source_groups
from factcheck.values import INF, Time, counted

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
PER_DOCUMENT, MOST_FOR_DOCUMENTS = 0.02, 0.06
#: Points for the most recent side and for the side stated nearest its event.
RECENCY = CLOSENESS = 0.05
#: Days by which a side must be more recent, or nearer its event, than every other.
LEAD_DAYS = 7
#: How many conflicts a track record starts as if it had seen (at the unrated weight).
SEEN = 5
#: How far a rated origin's track record moves it from its rating's weight, at most each way.
NUDGE = 0.1
#: The share of its weight an origin loses when only a party to the matter relies on it.
PARTY = 0.5
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


def _keys(corpus: Corpus, origin: list[Source]) -> list[str]:
    """The names a track record is kept under: each source's publisher, else its group."""
    groups = source_groups(corpus)
    keys = []
    for source in origin:
        name = norm_name(source.publisher or "")
        keys.append(f"publisher:{name}" if name else f"group:{groups.get(source.id, source.id)}")
    return list(dict.fromkeys(keys))


ConflictKey = tuple[str, str, tuple[tuple[str, str], ...], str]


def _conflict_key(conflict: Conflict) -> ConflictKey:
    return (conflict.subject, conflict.property, conflict.scope, conflict.kind)


@dataclass(frozen=True)
class Weight:
    """What an origin counts for, and why: its rating, or its track record, or neither."""

    points: float
    rating: Rating | None = None
    agreed: int = 0
    compared: int = 0


class Weigher:
    """Weighs independent origins: by the reliability list where it rates them; otherwise
    by their track record in the corpus's other conflicts of values, where they were on
    the better-supported side (`agreed`) or not (an origin on several sides of a conflict
    is on neither). The share of agreement starts as if seen `SEEN` times at the square root
    of what an unrated origin counts for (1, or `UNRATED` with a list), so one conflict
    moves it a little and many move it far; the weight is its square, so that a poor
    record weighs little. The better-supported side of each conflict is found
    by weighing its origins in turn, `ROUNDS` times, from the list alone."""

    ROUNDS = 3

    def __init__(self, corpus: Corpus, ratings: Ratings | None) -> None:
        self.corpus = corpus
        self.ratings = ratings
        self.prior = 1.0 if ratings is None else UNRATED
        self._rated: dict[str, Rating | None] = {}
        #: For each origin key, each conflict it took part in and whether it agreed.
        self.record: dict[str, dict[ConflictKey, bool]] = {}
        self._learn()

    def rating(self, source: Source) -> Rating | None:
        if self.ratings is None:
            return None
        if source.id not in self._rated:
            found = self.ratings.find(source)
            self._rated[source.id] = found.rating if found else None
        return self._rated[source.id]

    def weight(self, origin: list[Source], conflict: ConflictKey | None) -> Weight:
        """What an origin counts for in `conflict` (whose own outcome is left out of the
        record)."""
        found = [r for s in origin if (r := self.rating(s)) is not None]
        agreed = compared = 0
        for key in _keys(self.corpus, origin):
            for other, good in self.record.get(key, {}).items():
                if other != conflict:
                    compared += 1
                    agreed += good
        if found:
            # The list decides; the record only separates origins of one rating.
            best = max(found, key=lambda r: WEIGHTS[r])
            share = (agreed + SEEN / 2) / (compared + SEEN)
            return Weight(WEIGHTS[best] + NUDGE * (share - 0.5), best, agreed, compared)
        # The share of agreement starts where its square is the unrated weight.
        share = (agreed + SEEN * math.sqrt(self.prior)) / (compared + SEEN)
        return Weight(share**2, None, agreed, compared)

    def _learn(self) -> None:
        from factcheck.conflicts import find_conflicts

        found = [c for c in find_conflicts(self.corpus).conflicts if c.kind == "values"]
        sides = [
            (
                _conflict_key(c),
                [origins(self.corpus, [self.corpus.claims[i] for i in s.claims]) for s in c.sides],
            )
            for c in found
        ]
        for _ in range(self.ROUNDS):
            record: dict[str, dict[ConflictKey, bool]] = {}
            for key, side_origins in sides:
                scores = [sum(self.weight(o, key).points for o in side) for side in side_origins]
                best = max(scores)
                if scores.count(best) > 1:
                    continue  # no better-supported side: it teaches nothing
                outcome: dict[str, set[bool]] = {}
                for score, side in zip(scores, side_origins, strict=True):
                    for origin in side:
                        for name in _keys(self.corpus, origin):
                            outcome.setdefault(name, set()).add(score == best)
                for name, results in outcome.items():
                    if len(results) == 1:  # one on several sides says nothing of itself
                        record.setdefault(name, {})[key] = results.pop()
            self.record = record


def weigher(corpus: Corpus, ratings: Ratings | None) -> Weigher:
    """The corpus's weigher for this reliability list, made once."""
    cache: dict[int, Weigher] = corpus.derived.setdefault("weighers", {})
    found = cache.get(id(ratings))
    if found is None or found.ratings is not ratings:
        found = cache[id(ratings)] = Weigher(corpus, ratings)
    return found


def _sources_factor(
    found: list[list[Source]], weigh: Weigher, key: ConflictKey, agreeing: int
) -> Factor:
    weights = [weigh.weight(origin, key) for origin in found]
    names = [_origin_name(origin) for origin in found]
    words = f"{len(found)} independent source{'' if len(found) == 1 else 's'}"
    if names:
        words += f" ({reasons.listed(names)})"
    rated: dict[str, int] = {}
    for w in weights:
        if w.rating is not None:
            rated[str(w.rating)] = rated.get(str(w.rating), 0) + 1
        elif weigh.ratings is not None and not w.compared:
            rated["unrated"] = rated.get("unrated", 0) + 1
    if rated:
        words += f", rated: {', '.join(f'{n} {r}' for r, n in sorted(rated.items()))}"
    records = [
        f"{name} {w.agreed} of {w.compared}"
        for name, w in zip(names, weights, strict=True)
        if w.compared
    ]
    if records:
        words += "; on the better-supported side in other conflicts: " + reasons.listed(records)
    if agreeing:
        words += f", with {agreeing} claim{'' if agreeing == 1 else 's'} agreeing within tolerance"
    return Factor("sources", words, round(sum(w.points for w in weights), 2))


def _documents_factor(claims: list[ClaimRow], sources: int) -> Factor:
    """Documents that carry the side beyond its independent sources: reports that repeat
    what a source said add scrutiny, not evidence; a document of its own source adds
    nothing here, since the sources factor counts it already."""
    n = len({c.document for c in claims})
    extra = min(MOST_FOR_DOCUMENTS, PER_DOCUMENT * max(0, n - max(1, sources)))
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
        for c in _topic_claims(corpus, first)
        if c.id not in inside
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


def _topic_claims(corpus: Corpus, claim: ClaimRow) -> list[ClaimRow]:
    """The claims of a claim's topic (subject and property), indexed once per corpus: a
    report assesses every conflict, and a corpus may hold a million claims."""
    topics: dict[tuple[str, str], list[ClaimRow]] | None = corpus.derived.get("topic_claims")
    if topics is None:
        topics = {}
        for c in corpus.claims.values():
            topics.setdefault((c.subject, c.property), []).append(c)
        corpus.derived["topic_claims"] = topics
    return topics.get((claim.subject, claim.property), [])


def _agree(a: Item, b: Item) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi and a.t_lo <= b.t_hi and b.t_lo <= a.t_hi


def _denial_factor(
    corpus: Corpus, conflict: Conflict, side: list[ClaimRow], weigh: Weigher
) -> Factor | None:
    if conflict.kind == "denial" or not side:
        return None  # there the denials are a side of their own
    first = side[0]
    prop = corpus.properties[first.property]
    from factcheck.conflicts import scope_key

    key = scope_key(first)
    denials = [
        c
        for c in _topic_claims(corpus, first)
        if c.stance is Stance.denies and c.rank is not Rank.deprecated and scope_key(c) == key
    ]
    if not denials:
        return None
    against = [
        d.claim for d in deniers_of(items(denials, prop, corpus), items(side, prop, corpus), prop)
    ]
    if not against:
        return None
    this = _conflict_key(conflict)
    found = origins(corpus, against)
    interested = _party_only(corpus, against)
    weight = round(
        sum(
            weigh.weight(o, this).points * (PARTY if _ids(o) in interested else 1.0) for o in found
        ),
        2,
    )
    n = len(found)
    words = f"denied by {n} independent source{'' if n == 1 else 's'}"
    parties = [c.claimant or "" for c in against if _is_party(corpus, c)]
    if interested and parties:
        names = reasons.listed(list(dict.fromkeys(parties)))
        words += f" ({len(interested)} only by a party to the matter, {names}, counted half)"
    return Factor("denials", words, -weight)


def _ids(origin: list[Source]) -> frozenset[str]:
    return frozenset(s.id for s in origin)


def _party_only(corpus: Corpus, claims: list[ClaimRow]) -> set[frozenset[str]]:
    """The origins (as sets of source ids) that only claims by a party to the matter rest
    on."""
    interested = [c for c in claims if _is_party(corpus, c)]
    if not interested:
        return set()
    others = {s.id for o in origins(corpus, [c for c in claims if c not in interested]) for s in o}
    return {_ids(o) for o in origins(corpus, interested) if not _ids(o) & others}


def _is_party(corpus: Corpus, claim: ClaimRow) -> bool:
    """Whether a claim's claimant is a party to its subject: named among the subject's
    `parties` (written alike, case and accents aside), or naming an entity named there."""
    if not claim.claimant:
        return False
    parties = corpus.subjects[claim.subject].parties
    if not parties:
        return False
    named = {fold_name(p) for p in parties}
    entities = {corpus.entity_names[n] for n in named if n in corpus.entity_names}
    who = fold_name(claim.claimant)
    return who in named or corpus.entity_names.get(who, "") in entities


def _party_factor(
    corpus: Corpus, side: list[ClaimRow], weigh: Weigher, key: ConflictKey
) -> Factor | None:
    alone_ids = _party_only(corpus, side)
    if not alone_ids:
        return None
    alone = [o for o in origins(corpus, side) if _ids(o) in alone_ids]
    interested = [c for c in side if _is_party(corpus, c)]
    names = reasons.listed(list(dict.fromkeys(c.claimant or "" for c in interested)))
    weight = round(PARTY * sum(weigh.weight(o, key).points for o in alone), 2)
    return Factor(
        "party",
        f"stated by a party to the matter ({names}), its own account: "
        f"{counted(len(alone), 'source')} counted half",
        -weight,
    )


# --------------------------------------------------------------------------- assessment


def assess(corpus: Corpus, conflict: Conflict, ratings: Ratings | None = None) -> Assessment:
    """The evidence behind each side of a conflict, and the side it leans to, if any;
    publishers weighed by `ratings` when given, the others by their track record."""
    weigh = weigher(corpus, ratings)
    key = _conflict_key(conflict)
    sides = [[corpus.claims[cid] for cid in side.claims] for side in conflict.sides]
    agreeing = _agreeing(corpus, conflict, sides)
    latest = [_latest(corpus, side) for side in sides]
    recent = _leader([t.high if t else None for t in latest])
    nearest = [_nearest(corpus, side) for side in sides]
    closest = _leader([-g if g is not None else None for g in nearest])
    assessed = []
    for n, (side, more) in enumerate(zip(sides, agreeing, strict=True)):
        found = origins(corpus, side + more)
        factors = [
            _sources_factor(found, weigh, key, len(more)),
            _documents_factor(side + more, len(found)),
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
        party = _party_factor(corpus, side + more, weigh, key)
        if party:
            factors.append(party)
        denied = _denial_factor(corpus, conflict, side, weigh)
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
    return top if round(scores[top] - scores[second], 2) >= MARGIN else None


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
