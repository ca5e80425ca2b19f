"""CSV: one row per item, with a header, for spreadsheets.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
carriage return) are prefixed with an apostrophe, so hostile text stays text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from factcheck.render import Style
from factcheck.render.data import finding_data, hit_data, most_serious, source_line
from factcheck.render.text import without_controls

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.records import ClaimDetail, ConflictView, ReportRecord
    from factcheck.search import Results

# What starts a formula, in ASCII and in the full-width forms some spreadsheets read alike.
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

#: Every claim of every conflict, a row each: CSV is for spreadsheets.
PER_SIDE: int | None = None
LIMIT: int | None = None
FINDINGS_LIMIT: int | None = None


def safe(value: Any) -> str:
    """A cell's text without control characters, neutralised when a spreadsheet would read
    it as a formula."""
    text = without_controls("" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA) else text


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    return "".join(_table_pieces(header, rows))


def _table_pieces(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The table in pieces: its header, then a thousand rows at a time."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    rows = iter(rows)
    while True:
        yield out.getvalue()
        out.seek(0)
        out.truncate()
        chunk = list(islice(rows, 1000))
        if not chunk:
            return
        writer.writerows([safe(cell) for cell in row] for row in chunk)


_CLAIM_HEADER = (
    "id",
    "subject",
    "property",
    "value",
    "parsed",
    "claimant",
    "stance",
    "as_of",
    "stated",
    "scope",
    "document",
    "footnotes",
    "sources",
    "independent_sources",
    "text",
)


def _claim_row(c: dict[str, Any]) -> list[Any]:
    return [
        c["id"],
        c["subject"],
        c["property"],
        c["value"],
        c["parsed"]["interval"],
        c["claimant"],
        c["stance"],
        c["as_of"],
        c["stated"],
        "; ".join(f"{k}={v}" for k, v in c["scope"].items()),
        c["document"],
        " ".join(c["footnotes"]),
        "; ".join(source_line(s) for s in c["sources"]),
        c["independent_sources"],
        c["text"],
    ]


_CONFLICT_HEADER = (
    "conflict",
    "topic_subject",
    "topic_property",
    "topic_scope",
    "kind",
    "severity",
    "distance",
    "reason",
    "side",
)


#: With `--assess`: the conflict's assessment and its side's score and sentence.
_ASSESSMENT_HEADER = ("assessment", "side_score", "side_favoured", "side_assessment")


def _assessed(found: Sequence[dict[str, Any]]) -> bool:
    return any(data.get("assessment") for data in found)


def _side_assessment(data: dict[str, Any], side_no: int) -> list[Any]:
    assessed = data.get("assessment")
    if not assessed:
        return [""] * len(_ASSESSMENT_HEADER)
    side = assessed["sides"][side_no - 1]
    return [
        assessed["summary"],
        side["score"],
        "yes" if side["favoured"] else "no",
        side["sentence"],
    ]


def _conflict_rows(found: Iterable[dict[str, Any]], assessed: bool) -> Iterator[list[Any]]:
    for n, data in enumerate(found, 1):
        for side_no, side in enumerate(data["sides"], 1):
            extra = _side_assessment(data, side_no) if assessed else []
            for c in side["claims"]:
                yield [
                    n,
                    data["subject"],
                    data["property"],
                    "; ".join(f"{k}={v}" for k, v in data["scope"].items()),
                    data["kind"],
                    data["severity"],
                    data["distance"],
                    data["reason"],
                    side_no,
                    *extra,
                    *_claim_row(c),
                ]


def _conflict_header(assessed: bool) -> tuple[str, ...]:
    return (*_CONFLICT_HEADER, *(_ASSESSMENT_HEADER if assessed else ()))


def conflicts(view: ConflictView, style: Style) -> str:
    """One row per claim on each side of each conflict; with `--assess`, the columns of the
    assessment after `side`."""
    assessed = _assessed(view.conflicts)
    return _table(
        (*_conflict_header(assessed), *_CLAIM_HEADER), _conflict_rows(view.conflicts, assessed)
    )


def claims(claims: list[dict[str, Any]], style: Style) -> str:
    """One row per claim."""
    return _table(_CLAIM_HEADER, (_claim_row(c) for c in claims))


def claim(detail: ClaimDetail, style: Style) -> str:
    """One claim as field, value rows; its relations as further rows."""
    row = _claim_row(detail.claim)
    rows = [list(pair) for pair in zip(_CLAIM_HEADER, row, strict=True)]
    rows += [["agrees_with", cid] for cid, _ in detail.agrees]
    rows += [
        ["conflict", f"{x['severity']} {x['distance']}: {x['reason']}"] for x in detail.conflicts
    ]
    return _table(("field", "value"), rows)


def findings(found: list[Finding], style: Style, limit: int | None = None) -> str:
    """One row per citation finding (the `limit` most serious, when given)."""
    header = ("code", "level", "title", "file", "line", "record", "message")
    shown = most_serious(found, limit)[0]
    return _table(header, ([d[k] for k in header] for d in map(finding_data, shown)))


def search(results: Results, style: Style) -> str:
    """One row per hit, best first; matched words between « »."""
    header = (
        "score",
        "id",
        "document",
        "footnotes",
        "claimant",
        "stance",
        "subject",
        "property",
        "value",
        "snippet",
        "via",
    )
    return _table(
        header, ([d[k] for k in header] for d in (hit_data(h, ("«", "»")) for h in results.hits))
    )


def report(report: ReportRecord, style: Style) -> Iterator[str]:
    """One row per claim, then one per claim on each side of each conflict; `row` says
    which, and the conflict columns are empty on claim rows."""
    found = report.conflicts.conflicts
    assessed = _assessed(found)
    header = _conflict_header(assessed)
    no_conflict = [""] * len(header)
    rows = chain(
        (["claim", *no_conflict, *_claim_row(c)] for c in report.claims),
        (["conflict side", *row] for row in _conflict_rows(found, assessed)),
    )
    return _table_pieces(("row", *header, *_CLAIM_HEADER), rows)
