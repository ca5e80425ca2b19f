"""JSON: the findings as data, for scripts (one array, UTF-8, stable key order)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from factcheck.records import ConflictView, claim_data, conflict_data, report_data
from factcheck.render import Style
from factcheck.render.data import (
    finding_data,
    hit_data,
    most_serious,
    results_lines,
    shown,
    shown_conflict,
)

if TYPE_CHECKING:
    from factcheck.citations import Finding
    from factcheck.corpus import Corpus
    from factcheck.model import Claim
    from factcheck.relations import Relations
    from factcheck.report import FullReport
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


def claims(corpus: Corpus, selected: list[Claim], style: Style) -> str:
    return _dump([shown(claim_data(corpus, c)) for c in selected])


def claim(corpus: Corpus, rel: Relations, style: Style) -> str:
    data = shown(claim_data(corpus, corpus.claims[rel.claim]))
    data["footnote_texts"] = {
        f.label: f.text for f in corpus.footnotes_of(corpus.claims[rel.claim])
    }
    data["agrees_with"] = list(rel.agrees)
    data["conflicts"] = [shown_conflict(conflict_data(corpus, c)) for c in rel.conflicts]
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


def report(full: FullReport, style: Style) -> str:
    """The whole report as one JSON object (layout: `factcheck schema --report`)."""
    data = report_data(full, [finding_data(f) for f in full.findings])
    data["conflicts"] = [shown_conflict(c) for c in data["conflicts"]]
    data["claims"] = [shown(c) for c in data["claims"]]
    return _dump(data)
