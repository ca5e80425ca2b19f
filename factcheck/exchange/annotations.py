"""Claims as W3C Web Annotations (JSON-LD), to be shown on the page they were quoted from.

Each claim whose document has a web link becomes one annotation: the target is that page,
with the claim's words as a `TextQuoteSelector` (the exact text; a claim file holds no
words around a quote, so there is no prefix or suffix), and the body is the claim read as
data (subject, property, value, time, scope, claimant, sources cited). A claim whose
document has no link cannot be placed on a page and is counted in the notes instead.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from factcheck.corpus import Corpus
from factcheck.exchange.common import web_link
from factcheck.model import ClaimRow

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


@dataclass
class Annotations:
    """The annotations made, and the claims left out with why."""

    items: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def web_annotations(corpus: Corpus, claims: list[ClaimRow]) -> Annotations:
    """The claims as Web Annotations, in the order given."""
    made = Annotations()
    unplaced = 0
    for claim in claims:
        document = corpus.documents.get(claim.document)
        page = web_link(document.url) if document else None
        if page is None:
            unplaced += 1
            continue
        made.items.append(annotation(corpus, claim, page))
    if unplaced:
        noun = "claim" if unplaced == 1 else "claims"
        made.notes.append(
            f"{unplaced} {noun} left out of the web annotations: "
            "their document has no web link (`url`) to place them on"
        )
    return made


def annotation(corpus: Corpus, claim: ClaimRow, page: str) -> dict[str, Any]:
    """One claim as an annotation of the page it was quoted from."""
    # A UUID made from the page and the claim's id: the same claim gets the same id in
    # every export, and claims of two pages never share one.
    ident = uuid.uuid5(uuid.NAMESPACE_URL, f"{page}#factcheck-claim-{claim.id}")
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{ident}",
        "type": "Annotation",
        "motivation": "describing",
        "body": {
            "type": "TextualBody",
            "purpose": "describing",
            "format": "text/plain",
            "value": describe(corpus, claim),
        },
        "target": {
            "source": page,
            "selector": {"type": "TextQuoteSelector", "exact": claim.text},
        },
    }


def describe(corpus: Corpus, claim: ClaimRow) -> str:
    """The claim in one plain line: what it says about what, when, who says so (and how),
    and on which sources."""
    subject = corpus.subjects.get(claim.subject)
    prop = corpus.properties.get(claim.property)
    about = f"{subject.name if subject else claim.subject}, {prop.name if prop else claim.property}"
    line = f"{about}: {claim.value}"
    if claim.as_of:
        line += f" (as of {claim.as_of})"
    if claim.scope:
        line += " [" + "; ".join(f"{k}: {v}" for k, v in sorted(claim.scope.items())) + "]"
    line += f". Claimant: {claim.claimant or 'the document'} ({claim.stance.value})"
    cited = [s.title or s.publisher or s.id for s in corpus.sources_of(claim)]
    if cited:
        line += ". Sources: " + "; ".join(cited)
    return line + f". factcheck claim {claim.id}."
