"""Publishers rated for reliability in a list the user keeps (FC801), and the rating of each
source, shown by `show` and in reports.

The list is a CSV file with a rating column and a publisher or domains column (or both):

    publisher,rating,domains
    Daily Mail,deprecated,dailymail.co.uk
    Reuters,generally reliable,reuters.com

Ratings are those of Wikipedia's perennial-sources list, whose shorthands are read too:
generally reliable (`gr`), no consensus (`nc`), generally unreliable (`gu`), deprecated (`d`;
`blacklisted` counts as deprecated). A source is matched by its link's domain first, then by
its publisher's name written the same way (case, punctuation and a leading "the" aside; an
acronym with its long form in brackets matches either).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from factcheck.checks import Finding, found
from factcheck.corpus import Corpus
from factcheck.errors import InputError, Problem
from factcheck.links import host
from factcheck.lists import read_rows
from factcheck.model import Source
from factcheck.sources import norm_name


class Rating(StrEnum):
    reliable = "generally reliable"
    no_consensus = "no consensus"
    unreliable = "generally unreliable"
    deprecated = "deprecated"

    @property
    def doubtful(self) -> bool:
        """Whether a claim resting only on such publishers is weak (FC801)."""
        return self in (Rating.unreliable, Rating.deprecated)


_WORDS = {
    Rating.reliable: ("generally reliable", "reliable", "gr"),
    Rating.no_consensus: (
        "no consensus",
        "nc",
        "mixed",
        "unclear",
        "marginally reliable",
        "additional considerations apply",
    ),
    Rating.unreliable: ("generally unreliable", "unreliable", "gu"),
    Rating.deprecated: ("deprecated", "d", "blacklisted", "b"),
}
_RATINGS = {word: rating for rating, words in _WORDS.items() for word in words}
_ROLES = {
    "publisher": ("publisher", "source", "name", "outlet"),
    "rating": ("rating", "status", "reliability", "verdict"),
    "domains": ("domains", "domain", "website", "websites", "sites"),
}


def read_rating(words: str) -> Rating | None:
    return _RATINGS.get(" ".join(re.sub(r"[^\w\s]", " ", words.lower()).split()))


@dataclass(frozen=True)
class Rated:
    """An entry of the list: the publisher as the list names it, its rating, and where."""

    name: str
    rating: Rating
    file: str
    line: int


@dataclass
class Ratings:
    """A reliability list, by domain and by publisher name."""

    by_domain: dict[str, Rated] = field(default_factory=dict)
    by_name: dict[str, Rated] = field(default_factory=dict)

    def find(self, source: Source) -> Rated | None:
        domain = host(source.url or "")
        while domain:
            if domain in self.by_domain:
                return self.by_domain[domain]
            domain = domain.partition(".")[2] if domain.count(".") > 1 else ""
        for name in _names(source.publisher or ""):
            if name in self.by_name:
                return self.by_name[name]
        return None


def _names(publisher: str) -> list[str]:
    """A publisher's name as matched, with each part of `ISW (Institute for the Study of
    War)` on its own."""
    parts = [publisher, *re.split(r"[()]", publisher)]
    return [n for n in dict.fromkeys(norm_name(p) for p in parts) if n]


def read_ratings(path: Path) -> Ratings:
    """The list at `path`; an error naming file, line and field if it cannot be read."""
    ratings = Ratings()
    problems: list[Problem] = []
    rows = read_rows(
        path, _ROLES, what="reliability list", needs=[("rating",), ("publisher", "domains")]
    )
    for row in rows:
        rating = read_rating(row.get("rating"))
        if rating is None:
            problems.append(
                Problem(
                    f"'{row.get('rating')}' is not a rating; write generally reliable (gr), "
                    "no consensus (nc), generally unreliable (gu) or deprecated (d)",
                    row.file,
                    row.line,
                    "rating",
                )
            )
            continue
        domains = [host(d) for d in re.split(r"[,;\s]+", row.get("domains")) if d]
        name = row.get("publisher") or ", ".join(domains)
        entry = Rated(name, rating, row.file, row.line)
        for domain in domains:
            if domain:
                ratings.by_domain.setdefault(domain, entry)
        for key in _names(row.get("publisher")):
            ratings.by_name.setdefault(key, entry)
    if problems:
        raise InputError(problems)
    return ratings


def rating_findings(corpus: Corpus, ratings: Ratings) -> Iterator[Finding]:
    """FC801 for each claim whose sources are all rated unreliable or deprecated."""
    rated = {sid: ratings.find(source) for sid, source in corpus.sources.items()}
    for cid, claim in sorted(corpus.claims.items()):
        sources = corpus.sources_of(claim)
        found_ratings = [rated.get(s.id) for s in sources]
        if not sources or not all(r is not None and r.rating.doubtful for r in found_ratings):
            continue
        named = ", ".join(
            f"'{s.id}' ({r.name}: {r.rating})"
            for s, r in zip(sources, found_ratings, strict=True)
            if r is not None
        )
        yield found(
            "FC801",
            corpus.where("claims", cid),
            cid,
            f"rests only on publishers rated unreliable or deprecated: {named}",
        )
