"""JSON: the findings as data, for scripts (one array, UTF-8, stable key order)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from factcheck.render import Style
from factcheck.render.data import (
    finding_data,
    hit_data,
    most_serious,
    report_data,
    results_lines,
    shown,
    shown_conflict,
)

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.records import ClaimDetail, ConflictView, ReportRecord
    from factcheck.search import Results


#: Every claim of every conflict: JSON is for scripts.
PER_SIDE: int | None = None
LIMIT: int | None = None
FINDINGS_LIMIT: int | None = None


def _dump(data: Any) -> str:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"


def conflicts(view: ConflictView, style: Style) -> str:
    """A JSON array of conflicts; with `--explain`, an object with the consistent pairs too."""
    found = [shown_conflict(c) for c in view.conflicts]
    if view.consistent is None:
        return _dump(found)
    return _dump({"conflicts": found, "consistent": view.consistent})


def claims(claims: list[dict[str, Any]], style: Style) -> str:
    return _dump([shown(c) for c in claims])


def claim(detail: ClaimDetail, style: Style) -> str:
    data = shown(detail.claim)
    data["footnote_texts"] = dict(detail.footnotes)
    data["agrees_with"] = [cid for cid, _ in detail.agrees]
    data["conflicts"] = [shown_conflict(c) for c in detail.conflicts]
    return _dump(data)


def findings(found: list[Finding], style: Style, limit: int | None = None) -> str:
    """A JSON array of citation findings (the `limit` most serious, when given)."""
    return _dump([finding_data(f) for f in most_serious(found, limit)[0]])


def search(results: Results, style: Style) -> str:
    """The hits as an object with the query, the total and notes on corrected words."""
    head, notes = results_lines(results)
    return _dump(
        {
            "query": results.query,
            "total": results.total,
            "summary": head,
            "notes": notes,
            "corrected": results.typos,
            "suggestions": results.suggestions,
            "hits": [hit_data(h) for h in results.hits],
        }
    )


def report(report: ReportRecord, style: Style) -> str:
    """The whole report as one JSON object (layout: `factcheck schema --report`)."""
    return _dump(report_data(report))
