"""A set of claim files and what factcheck tells about them: the library's front door.

Every command of the CLI is one `Workspace` call and one renderer call, so a library user
gets the same answers through the same store (parsed files, kept results, search index)::

    from factcheck import Workspace
    ws = Workspace(["claims/"])
    view = ws.conflicts(min_severity="medium")
    for conflict in view.conflicts:
        print(conflict["severity"], conflict["subject_name"], conflict["reason"])

Each call returns records (`factcheck.records`, `citations.Finding`, `search.Results`) that
need no corpus to be shown; what the loader noticed on the way (files skipped, unknown
kinds) gathers in `Workspace.notes`. Bad input raises a `FactcheckError` naming the file,
line and field; a filter naming no declared id raises a `UsageError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from factcheck.errors import UsageError
from factcheck.options import LevelName, SeverityName, SortOrder

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.corpus import Corpus
    from factcheck.exchange import Exchange
    from factcheck.options import ExportFormat
    from factcheck.records import ClaimDetail, ConflictView, ReportRecord
    from factcheck.search import Filters, Results


E = TypeVar("E", bound=StrEnum)


def _choice(kind: type[E], value: E | str, name: str) -> E:
    """`value` as one of `kind`'s choices, or a `UsageError` that lists them."""
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(c.value for c in kind)
        raise UsageError(f"{name}: '{value}' is not one of {choices}") from None


class Workspace:
    """The claim files at `paths` (files or folders; default `$FACTCHECK_CLAIMS`, else the
    bundled data set). `use_cache=False` parses every file and rebuilds every index.
    `drafts=False` leaves out claims drafted by `factcheck extract` that nobody has reviewed
    (`draft: true`); with them, a note counts them."""

    def __init__(
        self,
        paths: Sequence[Path | str] | None = None,
        *,
        use_cache: bool = True,
        drafts: bool = True,
    ):
        self.paths: list[Path] | None = [Path(p) for p in paths] if paths else None
        self.use_cache = use_cache
        self.drafts = drafts
        #: What the loader noticed, each said once, in the order noticed.
        self.notes: list[str] = []
        self._corpora: dict[bool, Corpus] = {}

    def _note(self, notes: Iterable[str]) -> None:
        self.notes += [n for n in notes if n not in self.notes]

    def corpus(self, *, strict: bool = True) -> Corpus:
        """The claims, loaded once per workspace. `strict=False` keeps references that lead
        nowhere for the citation checks instead of refusing the files."""
        if strict not in self._corpora:
            from factcheck.loading import load_corpus

            corpus = load_corpus(
                self.paths, strict=strict, use_cache=self.use_cache, drafts=self.drafts
            )
            self._note(corpus.notes)
            self._corpora[strict] = corpus
        return self._corpora[strict]

    def conflicts(
        self,
        *,
        subject: str | None = None,
        property: str | None = None,
        min_severity: SeverityName | str = SeverityName.low,
        per_side: int | None = None,
        limit: int | None = None,
        explain: bool = False,
        assess: bool = False,
        reliability: Path | str | None = None,
    ) -> ConflictView:
        """Claims on one topic that cannot all be true, the most severe first: at most
        `limit` conflicts (None: all) with `per_side` claims a side (None: all). `explain`
        adds the pairs judged consistent; `assess`, which side the evidence favours, with
        publishers weighed by the `reliability` list when given (see
        `factcheck.assessment`). Read from the store when the files are unchanged."""
        from factcheck.reliability import read_ratings
        from factcheck.results import Query, conflict_view

        severity = _choice(SeverityName, min_severity, "min_severity")
        query = Query(subject, property, severity.value, per_side, limit)
        ratings = read_ratings(Path(reliability)) if reliability else None
        view = conflict_view(
            self.paths,
            query,
            explain=explain,
            use_cache=self.use_cache,
            drafts=self.drafts,
            assess=assess,
            ratings=ratings,
        )
        self._note(view.notes)
        return view

    def claims(
        self,
        *,
        subject: str | None = None,
        property: str | None = None,
        claimant: str | None = None,
        document: str | None = None,
    ) -> list[dict[str, Any]]:
        """The claims matching every filter given (`claimant` matches a part of the name,
        ignoring case), each as a record (`factcheck.records.ClaimMaker`)."""
        from factcheck.query import check_filters, select_claims
        from factcheck.records import ClaimMaker

        corpus = self.corpus()
        check_filters(corpus, subject=subject, property=property, document=document)
        selected = select_claims(
            corpus, subject=subject, property=property, claimant=claimant, document=document
        )
        make = ClaimMaker(corpus)
        return [make(c) for c in selected]

    def claim(self, claim_id: str, *, reliability: Path | str | None = None) -> ClaimDetail:
        """One claim with its footnotes, the claims that agree with it and its conflicts;
        each source with its rating, given a reliability list (see `factcheck.reliability`)."""
        from factcheck.query import require_claim
        from factcheck.records import claim_detail
        from factcheck.relations import relations
        from factcheck.reliability import read_ratings

        ratings = read_ratings(Path(reliability)) if reliability else None
        corpus = self.corpus()
        require_claim(corpus, claim_id)
        return claim_detail(corpus, relations(corpus, claim_id), ratings=ratings)

    def check(
        self,
        *,
        today: date | None = None,
        codes: Iterable[str] = (),
        min_level: LevelName | str = LevelName.note,
        retracted: Path | str | None = None,
        reliability: Path | str | None = None,
    ) -> list[Finding]:
        """Citation findings with these codes (all when none) at least as serious as
        `min_level`, future dates judged against `today` (default: the real today); sources
        and claims checked against a CSV list of retracted works and one of rated publishers
        when given (see `factcheck.retractions`, `factcheck.reliability`)."""
        from factcheck.results import findings

        found, notes = findings(
            self.paths,
            today=today or date.today(),
            codes=codes,
            min_level=_choice(LevelName, min_level, "min_level").value,
            use_cache=self.use_cache,
            retracted=Path(retracted) if retracted else None,
            reliability=Path(reliability) if reliability else None,
            drafts=self.drafts,
        )
        self._note(notes)
        return found

    def search(
        self,
        query: str,
        *,
        fields: Sequence[str] = (),
        filters: Filters | None = None,
        exact: bool = False,
        sort: SortOrder | str = SortOrder.relevance,
        limit: int | None = 20,
        on_build: Callable[[int], None] | None = None,
    ) -> Results:
        """Claims matching a query (the language is described in `factcheck.search_query`), best
        first or newest first, at most `limit` (None: all); `on_build` hears the number of files
        when an index is built."""
        from factcheck.search import Filters, search

        return search(
            query,
            self.paths,
            fields=fields,
            filters=filters or Filters(),
            exact=exact,
            sort=_choice(SortOrder, sort, "sort").value,
            limit=limit,
            on_build=on_build,
            use_cache=self.use_cache,
        )

    def report(
        self,
        *,
        subject: str | None = None,
        property: str | None = None,
        min_severity: SeverityName | str = SeverityName.low,
        today: date | None = None,
        retracted: Path | str | None = None,
        reliability: Path | str | None = None,
        assess: bool = False,
    ) -> ReportRecord:
        """The whole report: conflicts, claims by subject, citation findings, sources and
        footnotes. References that lead nowhere become findings instead of errors. With a
        list of retracted works or of rated publishers, the findings include the checks
        against it, and sources show their rating. `assess` says which side of each conflict
        the evidence favours (see `factcheck.assessment`)."""
        from factcheck.conflict_report import Severity
        from factcheck.files import default_paths
        from factcheck.query import check_filters
        from factcheck.reliability import read_ratings
        from factcheck.report import build_report
        from factcheck.retractions import read_retractions

        retractions = read_retractions(Path(retracted)) if retracted else None
        ratings = read_ratings(Path(reliability)) if reliability else None
        corpus = self.corpus(strict=False)
        check_filters(corpus, subject=subject, property=property)
        return build_report(
            corpus,
            subject=subject,
            property=property,
            min_severity=Severity[_choice(SeverityName, min_severity, "min_severity").value],
            today=today,
            retractions=retractions,
            ratings=ratings,
            base=self.paths or default_paths(),
            assess=assess,
        )

    def exchange(
        self,
        fmt: ExportFormat | str,
        *,
        subject: str | None = None,
        property: str | None = None,
        min_severity: SeverityName | str = SeverityName.low,
    ) -> Exchange:
        """The claims (or, for CSL-JSON, the sources they cite) in a format other tools read:
        `csl-json`, `web-annotation` or `claimreview` (see `factcheck.exchange`)."""
        from factcheck.conflict_report import Severity
        from factcheck.exchange import exchange
        from factcheck.options import ExportFormat
        from factcheck.query import check_filters

        corpus = self.corpus()
        check_filters(corpus, subject=subject, property=property)
        return exchange(
            corpus,
            _choice(ExportFormat, fmt, "format"),
            subject=subject,
            property=property,
            min_severity=Severity[_choice(SeverityName, min_severity, "min_severity").value],
        )
