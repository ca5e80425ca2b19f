"""Findings as records: plain data that carries everything a renderer shows.

Analyses hand these to renderers (and the store keeps them), so that no renderer needs the
corpus: a claim comes with its sources, independent-source count and absolute place; a
conflict with its topic's names, severity, distance and reason. Places are made relative,
and claims per side chosen, only when shown (see `factcheck.render.data`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from factcheck.files import kept_place
from factcheck.options import SEVERITIES
from factcheck.values import INF, NoValue, Quantity, Status, Time, Value

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.conflict_report import Conflict, Consistency, Report
    from factcheck.corpus import Corpus
    from factcheck.model import ClaimRow, Source
    from factcheck.relations import Relations
    from factcheck.reliability import Ratings

T = TypeVar("T")


def value_data(value: Value) -> dict[str, Any]:
    """A parsed value: its interval, qualifier and precision."""
    if isinstance(value, Quantity):
        return {
            "kind": "quantity",
            "low": value.low,
            "high": None if value.high == INF else value.high,
            "point": value.point,
            "qualifier": value.qualifier,
            "percent": value.percent,
            "interval": value.describe(),
        }
    if isinstance(value, Time):
        return {
            "kind": "time",
            "start": value.start.isoformat() if value.start else None,
            "end": value.end.isoformat() if value.end else None,
            "precision": value.precision,
            "interval": value.describe(),
        }
    if isinstance(value, NoValue):
        return {"kind": "none", "interval": value.describe()}
    assert isinstance(value, Status)
    return {"kind": "status", "status": value.value, "interval": value.describe()}


def source_data(source: Source, rating: str | None = None) -> dict[str, Any]:
    """A source, with its publisher's rating when a reliability list gives one."""
    return {
        "id": source.id,
        "publisher": source.publisher,
        "author": source.author,
        "title": source.title,
        "date": source.date,
        "url": source.url,
        "kind": source.kind.value if source.kind else None,
        "accessed": source.accessed,
        "archive_url": source.archive_url,
        "rating": rating,
    }


def _cited_in(document: str, footnotes: Sequence[str]) -> str:
    """Where a reader finds the claim: `EUAA fn. 732`."""
    return f"{document} fn. {', '.join(footnotes)}" if footnotes else document


class ClaimMaker:
    """Makes the records of one corpus's claims (everything a reader needs to weigh a
    claim), each source's, document's and file's part once: a conflict's sides can hold
    most of a corpus, and these parts repeat from claim to claim. Records share those
    parts, so they are read, never changed."""

    def __init__(
        self,
        corpus: Corpus,
        ratings: Ratings | None = None,
        name_file: Callable[[str], str] | None = None,
    ) -> None:
        self._corpus = corpus
        self._ratings = ratings
        self._name_file = name_file or (lambda file: kept_place(file, None))
        self._sources: dict[str, dict[str, Any]] = {}
        self._documents: dict[str, tuple[str | None, str]] = {}
        self._files: dict[str, str] = {}

    @property
    def ratings(self) -> Ratings | None:
        """The reliability list the maker rates sources with, if any."""
        return self._ratings

    def source(self, source: Source) -> dict[str, Any]:
        """A source's record, with its rating when the maker has a reliability list."""
        data = self._sources.get(source.id)
        if data is None:
            rated = self._ratings.find(source) if self._ratings else None
            rating = rated.rating.value if rated else None
            data = self._sources[source.id] = source_data(source, rating)
        return data

    def _document(self, name: str) -> tuple[str | None, str]:
        """A document's title, and the name a reader finds it under."""
        found = self._documents.get(name)
        if found is None:
            doc = self._corpus.documents.get(name)
            found = self._documents[name] = (
                doc.title if doc else None,
                doc.publisher if doc and doc.publisher else name,
            )
        return found

    def _place(self, claim_id: str) -> str | None:
        # Absolute unless the maker names files otherwise: kept results must read right
        # from any folder (see `shown_place`); a report names them from its claim base.
        loc = self._corpus.where("claims", claim_id)
        if loc is None:
            return None
        path = self._files.get(loc.file)
        if path is None:
            path = self._files[loc.file] = self._name_file(loc.file)
        return path if loc.line is None else f"{path}:{loc.line}"

    def __call__(self, claim: ClaimRow) -> dict[str, Any]:
        from factcheck.sources import independent_sources

        sources = self._corpus.sources_of(claim)
        title, cited = self._document(claim.document)
        return {
            "id": claim.id,
            "text": claim.text,
            "subject": claim.subject,
            "property": claim.property,
            "value": claim.value,
            "parsed": value_data(self._corpus.values[claim.id]),
            "claimant": claim.claimant,
            "stance": claim.stance.value,
            "as_of": claim.as_of,
            "stated": claim.stated,
            "scope": dict(claim.scope),
            "method": claim.method,
            "rank": claim.rank.value,
            "rank_reason": claim.rank_reason,
            "draft": claim.draft,
            "review": claim.review,
            "document": claim.document,
            "document_title": title,
            "cited_in": _cited_in(cited, claim.footnotes),
            "footnotes": list(claim.footnotes),
            "sources": [self.source(s) for s in sources],
            "independent_sources": independent_sources(self._corpus, claim, sources),
            "location": self._place(claim.id),
        }


def conflict_data(
    corpus: Corpus,
    conflict: Conflict,
    per_side: int | None = None,
    *,
    lazy: bool = False,
    make: ClaimMaker | None = None,
    assess: bool = False,
) -> dict[str, Any]:
    """A conflict with each side's claims: all of them, or the first `per_side` and a count
    of the others under `more` (a side of a large topic can hold thousands). `lazy` makes
    each side's claim records only when they are read (see `Records`); `make`, the
    maker to share between conflicts. `assess` adds which side the evidence favours
    (`factcheck.assessment`), weighing sources by the maker's reliability list."""
    make = make or ClaimMaker(corpus)
    sides: list[dict[str, Any]] = []
    for side in conflict.sides:
        shown = side.claims if per_side is None else side.claims[:per_side]
        members = [corpus.claims[cid] for cid in shown]
        data: dict[str, Any] = {
            "summary": side.summary,
            "claims": (Records(make, members) if lazy else [make(claim) for claim in members]),
        }
        if per_side is not None:
            data["more"] = len(side.claims) - len(shown)
        sides.append(data)
    data = {
        "subject": conflict.subject,
        "subject_name": corpus.subjects[conflict.subject].name,
        "property": conflict.property,
        "property_name": corpus.properties[conflict.property].name,
        "scope": dict(conflict.scope),
        "kind": conflict.kind,
        "severity": str(conflict.severity),
        "distance": conflict.distance,
        "reason": conflict.reason,
        "sides": sides,
        "claims": (
            Records(make, [corpus.claims[cid] for cid in conflict.claim_ids])
            if lazy
            else [claim for side in sides for claim in side["claims"]]
        ),
    }
    if assess:
        from factcheck.assessment import assess as assessed
        from factcheck.assessment import assessment_data

        data["assessment"] = assessment_data(assessed(corpus, conflict, make.ratings))
    return data


@dataclass(frozen=True)
class ConflictView:
    """Conflicts as every format shows them: plain data, so that a repeated run can show
    them from the results cache without loading a single claim.

    `conflicts` holds the conflicts shown (the most severe first, at most `--limit`);
    `severities` and `total` count all that matched; `consistent` is None unless explained.
    """

    conflicts: list[dict[str, Any]]
    total: int
    severities: dict[str, int]
    compared: int
    consistent: list[dict[str, Any]] | None = None
    notes: list[str] = field(default_factory=list)


def conflict_view(
    corpus: Corpus,
    report: Report,
    per_side: int | None,
    limit: int | None = None,
    explain: bool = False,
    *,
    lazy: bool = False,
    make: ClaimMaker | None = None,
    assess: bool = False,
) -> ConflictView:
    """The view of a report: conflict data with `per_side` claims a side (None for all),
    the first `limit` conflicts (None for all), each assessed with `assess`."""
    shown = report.conflicts if limit is None else report.conflicts[:limit]
    make = make or ClaimMaker(corpus)
    severities = {s: 0 for s in SEVERITIES}
    for c in report.conflicts:
        severities[str(c.severity)] += 1
    return ConflictView(
        [conflict_data(corpus, c, per_side, lazy=lazy, make=make, assess=assess) for c in shown],
        len(report.conflicts),
        severities,
        report.compared,
        [consistency_data(corpus, n) for n in report.consistent] if explain else None,
        list(corpus.notes),
    )


def consistency_data(corpus: Corpus, note: Consistency) -> dict[str, Any]:
    return {
        "subject": note.subject,
        "property": note.property,
        "claims": list(note.claims),
        "reason": note.reason,
    }


@dataclass(frozen=True)
class ClaimDetail:
    """One claim as `factcheck show` presents it: the claim, its footnotes, the claims that
    agree with it and the conflicts it takes part in (every claim of every side)."""

    claim: dict[str, Any]
    footnotes: tuple[tuple[str, str | None], ...]  # (label, text)
    agrees: tuple[tuple[str, str], ...]  # (claim id, value as written)
    conflicts: tuple[dict[str, Any], ...]


def claim_detail(corpus: Corpus, rel: Relations, ratings: Ratings | None = None) -> ClaimDetail:
    claim = corpus.claims[rel.claim]
    make = ClaimMaker(corpus, ratings)
    return ClaimDetail(
        make(claim),
        tuple((note.label, note.text) for note in corpus.footnotes_of(claim)),
        tuple((cid, corpus.claims[cid].value) for cid in rel.agrees),
        tuple(conflict_data(corpus, c, make=make) for c in rel.conflicts),
    )


class Records(Sequence[dict[str, Any]], Generic[T]):
    """Records made one at a time as they are read, never all held at once: a report on a
    million claims shows them (and their footnotes) without a million records beside them."""

    def __init__(self, make: Callable[[T], dict[str, Any]], items: Sequence[T]) -> None:
        self._make = make
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self._make(item) for item in self._items[index]]
        return self._make(self._items[index])


#: Version of the JSON report's layout (`factcheck schema --report` describes it).
REPORT_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ReportRecord:
    """The whole report as data: what `factcheck export` shows in every format.

    `conflicts` holds every conflict with every claim of each side; `claims` is sorted by
    subject, property and id; `sources` by id; `footnotes` by document and label.
    """

    version: str
    fingerprint: str
    counts: dict[str, int]
    conflicts: ConflictView
    claims: Sequence[dict[str, Any]]
    subject_names: dict[str, str]
    findings: tuple[Finding, ...]
    sources: tuple[dict[str, Any], ...]
    footnotes: Sequence[dict[str, Any]]
