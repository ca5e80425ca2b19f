"""Picking claims out of a corpus by their fields."""

from __future__ import annotations

from rapidfuzz import process

from factcheck.corpus import Corpus
from factcheck.errors import UsageError
from factcheck.model import Claim


def select_claims(
    corpus: Corpus,
    *,
    subject: str | None = None,
    property: str | None = None,
    claimant: str | None = None,
    document: str | None = None,
) -> list[Claim]:
    """Claims matching every filter given; `claimant` matches a part, ignoring case."""
    needle = claimant.casefold() if claimant else None
    return [
        c
        for c in corpus.claims.values()
        if (subject is None or c.subject == subject)
        and (property is None or c.property == property)
        and (document is None or c.document == document)
        and (needle is None or needle in (c.claimant or "").casefold())
    ]


def require_claim(corpus: Corpus, claim_id: str) -> Claim:
    """The claim with this id, or an error that suggests the nearest id."""
    if claim_id in corpus.claims:
        return corpus.claims[claim_id]
    best = process.extractOne(claim_id, list(corpus.claims), score_cutoff=60)
    hint = f"; did you mean '{best[0]}'?" if best else ""
    raise UsageError(f"no claim with id '{claim_id}'{hint}")
