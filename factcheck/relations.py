"""How one claim stands to the others on its topic, for `show`: the claims that agree with
it and the conflicts it takes part in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.conflict_report import Conflict
from factcheck.conflicts import find_conflicts, scope_key
from factcheck.corpus import Corpus
from factcheck.intervals import Item, items
from factcheck.model import ClaimRow, Rank, Stance


@dataclass(frozen=True)
class Relations:
    """How one claim stands to the others on its topic."""

    claim: str
    agrees: tuple[str, ...]
    conflicts: tuple[Conflict, ...]


def relations(corpus: Corpus, claim_id: str) -> Relations:
    """The claims that agree with one claim and the conflicts it takes part in.

    A claim agrees with the claims of its topic and scope, of the same stance (stating or
    denying), whose values overlap it at a time that overlaps its own (see `agreeing`).
    """
    claim = corpus.claims[claim_id]
    report = find_conflicts(corpus, subject=claim.subject, property=claim.property)
    involved = tuple(c for c in report.conflicts if claim_id in c.claim_ids)
    return Relations(claim_id, tuple(agreeing(corpus, claim, corpus.claims.values())), involved)


def agreeing(corpus: Corpus, claim: ClaimRow, candidates: Iterable[ClaimRow]) -> list[str]:
    """The ids of the candidates that agree with a claim: of its topic and scope, of the
    same stance (stating or denying), not deprecated, whose values overlap it at a time that
    overlaps its own. Claims whose value could not be read agree with nothing."""
    prop = corpus.properties.get(claim.property)
    if prop is None:
        return []
    peers = [c for c in candidates if _peer(corpus, claim, c)]
    return agreeing_items(corpus, claim, items(peers, prop, corpus))


def agreeing_items(corpus: Corpus, claim: ClaimRow, candidates: Iterable[Item]) -> list[str]:
    """`agreeing`, for candidates already made into intervals (`intervals.items`): a caller
    that asks for many claims makes them once."""
    prop = corpus.properties.get(claim.property)
    if prop is None or claim.id not in corpus.values:
        return []
    me = items([claim], prop, corpus)[0]
    return [
        it.claim.id
        for it in candidates
        if _peer(corpus, claim, it.claim)
        and it.lo <= me.hi
        and it.hi >= me.lo
        and it.t_lo <= me.t_hi
        and it.t_hi >= me.t_lo
    ]


def _peer(corpus: Corpus, claim: ClaimRow, other: ClaimRow) -> bool:
    """Whether another claim can agree with a claim: its topic and scope, another claim, a
    value that was read, not deprecated, the same stance (stating or denying)."""
    return (
        other.subject == claim.subject
        and other.property == claim.property
        and scope_key(other) == scope_key(claim)
        and other.id != claim.id
        and other.id in corpus.values
        and other.rank is not Rank.deprecated
        and (other.stance is Stance.denies) == (claim.stance is Stance.denies)
    )
