"""Claims as schema.org `ClaimReview` JSON-LD, rated only by how their sources stand.

factcheck does not judge a claim true or false; it tells whether other claims on the same
subject, property, scope and time contradict it or agree with it. So the rating is one of
three phrases, given as the `Rating`'s `alternateName` with no number: `sources conflict`
(it takes part in a conflict, whose reason is the explanation), `consistent` (other claims
agree with it and none contradicts it) and `single source` (no other claim agrees or
conflicts with it). The review's author and page, which schema.org consumers ask for, are
the publisher's to add (docs/exchange.md).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from factcheck.conflict_report import Conflict, Severity
from factcheck.conflicts import find_conflicts, scope_key
from factcheck.corpus import Corpus
from factcheck.entities import fold_name
from factcheck.exchange.common import web_link
from factcheck.intervals import items
from factcheck.model import ClaimRow
from factcheck.relations import agreeing_items

CONTEXT = "https://schema.org"
CONFLICT = "sources conflict"
CONSISTENT = "consistent"
SINGLE = "single source"
#: The three ratings, the gravest first.
RATINGS = (CONFLICT, CONSISTENT, SINGLE)

_ENTITY_TYPE = {"person": "Person", "organisation": "Organization", "actor": "Organization"}


def claim_reviews(
    corpus: Corpus, claims: list[ClaimRow], *, min_severity: Severity = Severity.low
) -> dict[str, Any]:
    """A JSON-LD document with one `ClaimReview` per claim, in the order given. Conflicts
    of every severity rate the claims; with `min_severity` above low, only the claims in a
    conflict at least that severe are reviewed."""
    conflicts: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in find_conflicts(corpus).conflicts:
        for cid in conflict.claim_ids:
            conflicts[cid].append(conflict)
    agrees = _agreements(corpus, claims)
    reviews = []
    for claim in claims:
        mine = conflicts.get(claim.id, [])
        if min_severity > Severity.low and not any(c.severity >= min_severity for c in mine):
            continue
        reviews.append(claim_review(corpus, claim, mine, agrees.get(claim.id, [])))
    return {"@context": CONTEXT, "@graph": reviews}


def _agreements(corpus: Corpus, claims: list[ClaimRow]) -> dict[str, list[str]]:
    """The claims each claim agrees with (`relations.agreeing`), topic by topic, each
    topic's claims made into intervals once."""
    topics: dict[tuple[str, str, Any], list[ClaimRow]] = defaultdict(list)
    for claim in corpus.claims.values():
        topics[claim.subject, claim.property, scope_key(claim)].append(claim)
    found: dict[str, list[str]] = {}
    made: dict[tuple[str, str, Any], Any] = {}
    for claim in claims:
        key = (claim.subject, claim.property, scope_key(claim))
        prop = corpus.properties.get(claim.property)
        if prop is None:
            continue
        if key not in made:
            readable = [c for c in topics[key] if c.id in corpus.values]
            made[key] = items(readable, prop, corpus)
        found[claim.id] = sorted(agreeing_items(corpus, claim, made[key]))
    return found


def rating(conflicts: list[Conflict], agrees: list[str]) -> tuple[str, str]:
    """The rating's phrase and its explanation."""
    if conflicts:
        reasons = sorted({c.reason for c in conflicts})
        return CONFLICT, " ".join(r if r.endswith(".") else r + "." for r in reasons)
    if agrees:
        noun = "claim" if len(agrees) == 1 else "claims"
        return CONSISTENT, (
            f"Agrees with {len(agrees)} other {noun} on the same subject, property, scope "
            f"and time ({', '.join(agrees)}); none contradicts it."
        )
    return SINGLE, (
        "No other claim on the same subject, property, scope and time agrees or conflicts with it."
    )


def claim_review(
    corpus: Corpus, claim: ClaimRow, conflicts: list[Conflict], agrees: list[str]
) -> dict[str, Any]:
    """One claim's review."""
    phrase, why = rating(conflicts, agrees)
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.claimant:
        item["author"] = _agent(corpus, claim.claimant)
    document = corpus.documents.get(claim.document)
    if document is not None:
        work: dict[str, Any] = {"@type": "CreativeWork", "name": document.title}
        if url := web_link(document.url):
            work["url"] = url
        if document.publisher:
            work["publisher"] = {"@type": "Organization", "name": document.publisher}
        item["appearance"] = work
    if (stated := corpus.stated.get(claim.id)) and stated.start and stated.precision == "day":
        item["datePublished"] = stated.start.isoformat()
    return {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": phrase, "ratingExplanation": why},
    }


def _agent(corpus: Corpus, name: str) -> dict[str, Any]:
    """Who made a claim: a person or an organisation where a declared entity says which,
    else only the name."""
    entity_id = corpus.entity_names.get(fold_name(name))
    entity = corpus.entities.get(entity_id) if entity_id else None
    kind = _ENTITY_TYPE.get(entity.kind) if entity else None
    return {"@type": kind, "name": name} if kind else {"name": name}
