"""Findings as plain data: the one place that decides what a claim or conflict shows.

Every format renders from these dictionaries, so a field added here reaches them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factcheck.files import kept_place
from factcheck.render.text import shown_place
from factcheck.values import INF, NoValue, Quantity, Status, Time, Value

if TYPE_CHECKING:
    from factcheck.citations import Finding
    from factcheck.conflicts import Conflict, Consistency, Report
    from factcheck.corpus import Corpus
    from factcheck.model import Claim
    from factcheck.report import FullReport
    from factcheck.search import Hit, Results


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


def source_data(corpus: Corpus, source_id: str) -> dict[str, Any]:
    source = corpus.sources[source_id]
    return {
        "id": source.id,
        "publisher": source.publisher,
        "author": source.author,
        "title": source.title,
        "date": source.date,
        "url": source.url,
        "kind": source.kind.value if source.kind else None,
    }


def source_line(source: dict[str, Any]) -> str:
    """A source as one citation line: publisher, title, date (n.d. when undated)."""
    parts = [source["publisher"] or "?", source["title"] or "", source["date"] or "n.d."]
    return ", ".join(p for p in parts if p)


def _cited_in(document: str, footnotes: list[str]) -> str:
    """Where a reader finds the claim: `EUAA fn. 732`."""
    return f"{document} fn. {', '.join(footnotes)}" if footnotes else document


def claim_data(corpus: Corpus, claim: Claim) -> dict[str, Any]:
    """Everything a reader needs to weigh one claim."""
    from factcheck.citations import independent_sources

    loc = corpus.where("claims", claim.id)
    doc = corpus.documents.get(claim.document)
    return {
        "id": claim.id,
        "text": claim.text,
        "subject": claim.subject,
        "property": claim.property,
        "value": claim.value,
        "parsed": value_data(corpus.values[claim.id]),
        "claimant": claim.claimant,
        "stance": claim.stance.value,
        "as_of": claim.as_of,
        "scope": dict(claim.scope),
        "method": claim.method,
        "rank": claim.rank.value,
        "rank_reason": claim.rank_reason,
        "document": claim.document,
        "document_title": doc.title if doc else None,
        "cited_in": _cited_in(
            doc.publisher if doc and doc.publisher else claim.document, claim.footnotes
        ),
        "footnotes": list(claim.footnotes),
        "sources": [source_data(corpus, s.id) for s in corpus.sources_of(claim)],
        "independent_sources": independent_sources(corpus, claim),
        # Absolute: kept results must read right from any folder (see `shown_place`).
        "location": kept_place(loc.file, loc.line) if loc else None,
    }


def shown(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim's data as shown: its place relative to the current folder."""
    return {**claim, "location": shown_place(claim["location"])}


def shown_conflict(conflict: dict[str, Any]) -> dict[str, Any]:
    """A conflict's data as shown: every claim's place relative to the current folder."""
    sides = [{**side, "claims": [shown(c) for c in side["claims"]]} for side in conflict["sides"]]
    return {**conflict, "sides": sides, "claims": [c for s in sides for c in s["claims"]]}


#: Claims a human-readable format lists per side; the rest are counted ('and 40 more').
SHOWN_PER_SIDE = 12


def conflict_data(
    corpus: Corpus, conflict: Conflict, per_side: int | None = None
) -> dict[str, Any]:
    """A conflict with each side's claims: all of them, or the first `per_side` and a count
    of the others under `more` (a side of a large topic can hold thousands)."""
    sides: list[dict[str, Any]] = []
    for side in conflict.sides:
        shown = side.claims if per_side is None else side.claims[:per_side]
        data: dict[str, Any] = {
            "summary": side.summary,
            "claims": [claim_data(corpus, corpus.claims[cid]) for cid in shown],
        }
        if per_side is not None:
            data["more"] = len(side.claims) - len(shown)
        sides.append(data)
    return {
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
        "claims": [claim for side in sides for claim in side["claims"]],
    }


SEVERITIES = ("high", "medium", "low")


@dataclass
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

    def summary_line(self) -> str:
        """`12 conflicts (7 high, 4 medium, 1 low) among 146 claims`, and what is not shown."""
        from factcheck.values import counted

        parts = ", ".join(f"{self.severities[s]} {s}" for s in SEVERITIES if self.severities[s])
        line = (
            f"{counted(self.total, 'conflict')} ({parts or 'none'}) among {self.compared:,} claims"
        )
        hidden = self.total - len(self.conflicts)
        if hidden:
            line += (
                f"; showing the {len(self.conflicts)} most severe, {hidden:,} more with "
                "--limit 0 or in another --format"
            )
        return line


def conflict_view(
    corpus: Corpus,
    report: Report,
    per_side: int | None,
    limit: int | None = None,
    explain: bool = False,
) -> ConflictView:
    """The view of a report: conflict data with `per_side` claims a side (None for all),
    the first `limit` conflicts (None for all)."""
    shown = report.conflicts if limit is None else report.conflicts[:limit]
    severities = {s: 0 for s in SEVERITIES}
    for c in report.conflicts:
        severities[str(c.severity)] += 1
    return ConflictView(
        [conflict_data(corpus, c, per_side) for c in shown],
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


def most_serious(found: list[Finding], limit: int | None) -> tuple[list[Finding], str]:
    """The `limit` most serious findings (errors first), in their order, and a line saying
    how many are not shown ('' when all are)."""
    if limit is None or len(found) <= limit:
        return found, ""
    ranked = sorted(range(len(found)), key=lambda i: -found[i].level.rank)[:limit]
    shown = [found[i] for i in sorted(ranked)]
    hidden = len(found) - limit
    return shown, (
        f"showing the {limit} most serious findings, {hidden:,} more with --limit 0 "
        "or in another --format"
    )


def finding_data(finding: Finding) -> dict[str, Any]:
    """A citation finding with its code's title."""
    from factcheck.corpus import Location

    where = Location(finding.file, finding.line).shown() if finding.file else None
    return {
        "code": finding.code,
        "level": finding.level.value,
        "title": finding.title,
        "file": Location(finding.file, None).shown() if finding.file else None,
        "line": finding.line,
        "where": where,
        "record": finding.record,
        "message": finding.message,
    }


def hit_data(hit: Hit, mark: tuple[str, str] = ("", "")) -> dict[str, Any]:
    """A search hit; the snippet with its matches wrapped in `mark` and their offsets."""
    snippet, highlights = "", []
    for text, matched in hit.snippet:
        if matched:
            start = len(snippet) + len(mark[0])
            highlights.append([start, start + len(text)])
            snippet += f"{mark[0]}{text}{mark[1]}"
        else:
            snippet += text
    return {
        "id": hit.id,
        "score": hit.score,
        "document": hit.document,
        "document_title": hit.document_title,
        "footnotes": hit.footnotes,
        "claimant": hit.claimant,
        "stance": hit.stance,
        "subject": hit.subject,
        "property": hit.property,
        "value": hit.value,
        "snippet": snippet,
        "highlights": highlights,
        "matched_in": list(hit.matched_in),
        "location": shown_place(hit.location),
    }


def results_lines(results: Results) -> tuple[str, list[str]]:
    """The heading of a search result, and notes on corrected words and suggestions."""
    if not results.hits:
        head = f'No claims match "{results.query}".'
    else:
        shown = len(results.hits)
        more = f", showing the first {shown}" if shown < results.total else ""
        verb = "claims match" if results.total != 1 else "claim matches"
        head = f'{results.total} {verb} "{results.query}"{more}'
    notes = [
        f"'{word}' is not in the claims; also searched: {', '.join(near)}"
        for word, near in results.typos.items()
        if near
    ]
    if results.ranked_among:
        notes.append(f"ranked among the {results.ranked_among:,} shortest matching claims")
    if not results.hits and results.suggestions:
        notes.append("Nearest words in the claims: " + ", ".join(results.suggestions))
    return head, notes


def report_data(full: FullReport) -> dict[str, Any]:
    """The whole report as data: the JSON export, whose layout `factcheck schema --report`
    describes."""
    from factcheck.report import REPORT_SCHEMA_VERSION

    corpus = full.corpus
    return {
        "report": "factcheck",
        "schema_version": REPORT_SCHEMA_VERSION,
        "factcheck_version": full.version,
        "fingerprint": full.fingerprint,
        "summary": full.counts(),
        "conflicts": [shown_conflict(conflict_data(corpus, c)) for c in full.conflicts.conflicts],
        "claims": [shown(claim_data(corpus, c)) for c in full.claims],
        "findings": [finding_data(f) for f in full.findings],
        "sources": [source_data(corpus, sid) for sid in sorted(corpus.sources)],
        "footnotes": [
            {
                "document": doc,
                "label": label,
                "text": note.text,
                "cites": [{"source": c.source, "pages": c.pages} for c in note.cites],
            }
            for (doc, label), note in sorted(corpus.footnotes.items())
        ],
    }
