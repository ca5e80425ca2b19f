"""Records as every format shows them: places made relative, long lists cut, counts worded.

What a record holds is decided in `factcheck.records`; what a reader sees of it, here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from factcheck.render.text import shown_place
from factcheck.values import counted

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.report import FullReport
    from factcheck.search import Hit, Results


def source_line(source: dict[str, Any]) -> str:
    """A source as one citation line: publisher, title, date (n.d. when undated)."""
    parts = [source["publisher"] or "?", source["title"] or "", source["date"] or "n.d."]
    return ", ".join(p for p in parts if p)


def shown(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim's data as shown: its place relative to the current folder."""
    return {**claim, "location": shown_place(claim["location"])}


def shown_conflict(conflict: dict[str, Any]) -> dict[str, Any]:
    """A conflict's data as shown: every claim's place relative to the current folder."""
    sides = [{**side, "claims": [shown(c) for c in side["claims"]]} for side in conflict["sides"]]
    return {**conflict, "sides": sides, "claims": [c for s in sides for c in s["claims"]]}


#: Claims a human-readable format lists per side; the rest are counted ('and 40 more').
SHOWN_PER_SIDE = 12


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
    where = None
    if finding.file:
        where = shown_place(
            finding.file if finding.line is None else f"{finding.file}:{finding.line}"
        )
    return {
        "code": finding.code,
        "level": finding.level.value,
        "title": finding.title,
        "file": shown_place(finding.file),
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


def findings_summary(findings: Iterable[Finding]) -> str:
    """`17 findings: 3 errors, 12 warnings, 2 notes`."""
    found = list(findings)
    counts = Counter(f.level.value for f in found)
    parts = [
        counted(counts[level], level) for level in ("error", "warning", "note") if counts[level]
    ]
    head = counted(len(found), "finding")
    return head + (f": {', '.join(parts)}" if parts else "")


def report_summary_lines(full: FullReport) -> list[str]:
    """The report's summary: claims and sources, conflicts by severity, citation checks."""
    counts = full.counts()
    by_severity = ", ".join(
        f"{counts[f'conflicts_{s}']} {s}"
        for s in ("high", "medium", "low")
        if counts[f"conflicts_{s}"]
    )
    return [
        f"{counted(counts['claims'], 'claim')} in "
        f"{counted(counts['documents'], 'document')}, citing "
        f"{counted(counts['sources'], 'source')} through "
        f"{counted(counts['footnotes'], 'footnote')}",
        counted(counts["conflicts"], "conflict") + (f" ({by_severity})" if by_severity else ""),
        f"citation checks: {findings_summary(full.findings)}",
    ]
