"""JSON: the findings as data, for scripts (one array, UTF-8, stable key order)."""

from __future__ import annotations

from collections.abc import Iterator
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
    """An object: the conflicts, and (with `--explain`) the topics judged consistent."""
    found = [shown_conflict(c) for c in view.conflicts]
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
    """The hits as an object with the query, the totals and notes on corrected words; the
    layout is `report_schema.SearchOut`."""
    head, notes = results_lines(results)
    return _dump(
        {
            "query": results.query,
            "total": results.total,
            "related": results.related,
            "summary": head,
            "notes": notes,
            "corrected": results.typos,
            "suggestions": results.suggestions,
            "hits": [hit_data(h) for h in results.hits],
        }
    )


def report(report: ReportRecord, style: Style) -> Iterator[str]:
    """The whole report as one JSON object (layout: `factcheck schema --report`), in
    pieces: the text `_dump` would give, each large list written item by item."""
    yield from _pieces(report_data(report), "")
    yield "\n"


#: A list longer than this is written item by item.
_LONG = 100


def _pieces(data: Any, indent: str) -> Iterator[str]:
    """`data` as JSON laid out as orjson's two-space layout lays it out at `indent`, in
    pieces: a value holding no long list whole, others a member or an item at a time.
    Keys are text, and an iterator (a list made as it is written) stands within three
    levels of a list or of the top, as in `report_data`."""
    if isinstance(data, Iterator) or (isinstance(data, list | tuple | dict) and _holds_long(data)):
        inner = indent + "  "
        if isinstance(data, dict):
            yield "{"
            for n, (key, value) in enumerate(data.items()):
                yield ("," if n else "") + "\n" + inner + orjson.dumps(key).decode() + ": "
                yield from _pieces(value, inner)
            yield "\n" + indent + "}" if data else "}"
            return
        empty = True
        for item in data:
            yield ("[" if empty else ",") + "\n" + inner
            yield from _pieces(item, inner)
            empty = False
        yield "[]" if empty else "\n" + indent + "]"
        return
    yield orjson.dumps(data, option=orjson.OPT_INDENT_2).decode().replace("\n", "\n" + indent)


def _holds_long(data: list[Any] | tuple[Any, ...] | dict[str, Any], depth: int = 3) -> bool:
    """Whether `data` is, or holds within `depth` levels, a list longer than `_LONG` or
    an iterator (whose length is not known)."""
    values = data.values() if isinstance(data, dict) else data
    if not isinstance(data, dict) and len(data) > _LONG:
        return True
    return depth > 0 and any(
        isinstance(v, Iterator)
        or (isinstance(v, list | tuple | dict) and _holds_long(v, depth - 1))
        for v in values
    )
