"""Picking claims out of a corpus by their fields."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from factcheck.errors import UsageError, did_you_mean

if TYPE_CHECKING:
    from factcheck.corpus import Corpus
    from factcheck.model import ClaimRow


def refuse_unknown(option: str, value: str | None, known: Collection[str]) -> None:
    """Refuse a filter that names no declared id, so a typo never reads as 'nothing found'."""
    if value is not None and value not in known:
        raise UsageError(
            f"{option}: no such id '{value}'{did_you_mean(value, known, score_cutoff=60)}"
        )


def check_filters(
    corpus: Corpus,
    *,
    subject: str | None = None,
    property: str | None = None,
    document: str | None = None,
) -> None:
    """Refuse filters that name no declared id (see `refuse_unknown`)."""
    refuse_unknown("--subject", subject, corpus.subjects)
    refuse_unknown("--property", property, corpus.properties)
    refuse_unknown("--document", document, corpus.documents)


def select_claims(
    corpus: Corpus,
    *,
    subject: str | None = None,
    property: str | None = None,
    claimant: str | None = None,
    document: str | None = None,
) -> list[ClaimRow]:
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


def require_claim(corpus: Corpus, claim_id: str) -> ClaimRow:
    """The claim with this id, or an error that suggests the nearest id."""
    if claim_id in corpus.claims:
        return corpus.claims[claim_id]
    raise UsageError(
        f"no claim with id '{claim_id}'{did_you_mean(claim_id, corpus.claims, score_cutoff=60)}"
    )
