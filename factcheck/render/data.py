"""Records as every format shows them: places made relative, long lists cut, counts worded.

What a record holds is decided in `factcheck.records`; what a reader sees of it, here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from factcheck.options import SEVERITIES
from factcheck.records import REPORT_SCHEMA_VERSION
from factcheck.render.text import shown_place
from factcheck.values import counted

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.records import ConflictView, ReportRecord
    from factcheck.search import Results
    from factcheck.search_hits import Hit


def source_name(source: dict[str, Any]) -> str:
    """Who a source is by: its publisher, else its author ('?' when neither is given)."""
    return str(source["publisher"] or source["author"] or "?")


def source_line(source: dict[str, Any]) -> str:
    """A source as one citation line: publisher, title, date (n.d. when undated), and the
    publisher's rating when a reliability list gives one."""
    parts = [source_name(source), source["title"] or "", source["date"] or "n.d."]
    line = ", ".join(p for p in parts if p)
    return f"{line} (rated {source['rating']})" if source.get("rating") else line


def reference(source: dict[str, Any]) -> str:
    """A source as a report's list of sources gives it: publisher, author, title, date,
    when it was read and its publisher's rating (links are each format's own)."""
    parts = [source["publisher"], source["author"], source["title"], source["date"] or "n.d."]
    if source.get("accessed"):
        parts.append(f"accessed {source['accessed']}")
    if source.get("rating"):
        parts.append(f"rated {source['rating']}")
    return ", ".join(p for p in parts if p)


def web_links(source: dict[str, Any]) -> list[tuple[str, str]]:
    """A source's web links, each with what it is (`link`, `archived`)."""
    found = [("link", source["url"]), ("archived", source.get("archive_url"))]
    return [(what, url) for what, url in found if url and url.startswith(("http://", "https://"))]


def when(claim: dict[str, Any]) -> str | None:
    """The time a claim speaks of, for a column: its `as_of`, else when it was stated."""
    if claim["as_of"]:
        return str(claim["as_of"])
    return f"stated {claim['stated']}" if claim["stated"] else None


def conflict_line(conflict: dict[str, Any]) -> str:
    """What a conflict's heading says after its severity: how far apart the sides are, when
    that is a measure (`distance ×3.4 · …`), then why they conflict. A contrast of words
    (`ended vs in force`) or a denial is left to the reason, which says it in a sentence."""
    distance = str(conflict["distance"])
    if conflict["kind"] == "denial" or " vs " in distance:
        return str(conflict["reason"])
    return f"distance {distance} · {conflict['reason']}"


def assessment_head(conflict: dict[str, Any]) -> str | None:
    """The line that says which side the evidence favours (None when not assessed)."""
    assessed = conflict.get("assessment")
    if not assessed:
        return None
    return f"Assessment, not a verdict: {assessed['summary']}"


def assessment_sides(conflict: dict[str, Any]) -> list[str]:
    """One sentence a side: `side 2 (favoured): 261,000: 3 independent sources +3; score 3`."""
    assessed = conflict.get("assessment")
    if not assessed:
        return []
    return [
        f"side {n}{' (favoured)' if side['favoured'] else ''}: {side['sentence']}"
        for n, side in enumerate(assessed["sides"], 1)
    ]


def quoted(claim: dict[str, Any]) -> str:
    """A claim's words as its document gives them, between quotation marks."""
    return f"“{claim['text']}”"


def shown(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim's data as shown: its place relative to the current folder."""
    return {**claim, "location": shown_place(claim["location"])}


def shown_conflict(conflict: dict[str, Any]) -> dict[str, Any]:
    """A conflict's data as shown: every claim's place relative to the current folder."""
    sides = [{**side, "claims": [shown(c) for c in side["claims"]]} for side in conflict["sides"]]
    return {**conflict, "sides": sides, "claims": [c for s in sides for c in s["claims"]]}


#: Claims a human-readable format lists per side; the rest are counted ('and 40 more').
SHOWN_PER_SIDE = 12


def cut_sides(conflict: dict[str, Any], per_side: int | None) -> dict[str, Any]:
    """A conflict with the first `per_side` claims of each side (None: all) and, under
    `more`, how many of each side are left out (counting any left out when it was read)."""
    sides = []
    for side in conflict["sides"]:
        kept = side["claims"] if per_side is None else side["claims"][:per_side]
        more = side.get("more", 0) + len(side["claims"]) - len(kept)
        sides.append({**side, "claims": kept, "more": more})
    return {**conflict, "sides": sides, "claims": [c for s in sides for c in s["claims"]]}


def conflicts_summary(view: ConflictView) -> str:
    """`12 conflicts (7 high, 4 medium, 1 low) among 146 claims`, and what is not shown."""
    parts = ", ".join(f"{view.severities[s]} {s}" for s in SEVERITIES if view.severities[s])
    line = f"{counted(view.total, 'conflict')} ({parts or 'none'}) among {view.compared:,} claims"
    hidden = view.total - len(view.conflicts)
    if hidden:
        line += (
            f"; showing the {len(view.conflicts)} most severe, {hidden:,} more with "
            "--limit 0 or in another --format"
        )
    return line


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
        "via": hit.via,
        "location": shown_place(hit.location),
    }


def score_text(hit: Hit) -> str:
    """A hit's score as shown in a table, with how it was found when not by its words."""
    return f"{hit.score:.2f}" + (" via topic" if hit.via == "topic" else "")


def results_lines(results: Results) -> tuple[str, list[str]]:
    """The heading of a search result, and notes on corrected words and suggestions."""
    direct = sum(h.via == "words" for h in results.hits)
    if not results.hits:
        head = f'No claims match "{results.query}".'
    elif not results.total:
        head = f'No claims match "{results.query}"'
    else:
        more = f", showing the first {direct}" if direct < results.total else ""
        verb = "claims match" if results.total != 1 else "claim matches"
        head = f'{results.total} {verb} "{results.query}"{more}'
    if results.hits and results.related:
        shown = len(results.hits) - direct
        head += f"; {counted(results.related, 'more claim')} on the same topics"
        if shown < results.related:
            head += f", showing {shown}"
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


def report_summary_lines(report: ReportRecord) -> list[str]:
    """The report's summary: claims and sources, conflicts by severity, citation checks."""
    counts = report.counts
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
        f"citation checks: {findings_summary(report.findings)}",
    ]


def report_data(report: ReportRecord) -> dict[str, Any]:
    """The whole report as data, places relative to the current folder: the JSON export,
    whose layout `factcheck schema --report` describes. Its lists of records are iterators
    that make each record as it is read (a report may hold a million claims)."""
    return {
        "report": "factcheck",
        "schema_version": REPORT_SCHEMA_VERSION,
        "factcheck_version": report.version,
        "fingerprint": report.fingerprint,
        "summary": report.counts,
        "conflicts": (shown_conflict(c) for c in report.conflicts.conflicts),
        "claims": (shown(c) for c in report.claims),
        "findings": (finding_data(f) for f in report.findings),
        "sources": iter(report.sources),
        "footnotes": iter(report.footnotes),
    }
