"""HTML: one self-contained page (inline style, no script, nothing fetched from anywhere).

Every numeric or date conflict gets an SVG chart that places each claim's interval on one
axis, labelled by claimant and time, one colour per side, so the sides that disagree stand
apart. All text from claim files is escaped: markup in it shows as text.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING, Any

from factcheck.render import Style
from factcheck.render.data import (
    SHOWN_PER_SIDE,
    conflicts_summary,
    cut_sides,
    finding_data,
    findings_summary,
    hit_data,
    most_serious,
    reference,
    report_summary_lines,
    results_lines,
    score_text,
    source_line,
    web_links,
    when,
)
from factcheck.render.text import anchor, without_controls
from factcheck.values import format_number

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.records import ClaimDetail, ConflictView, ReportRecord
    from factcheck.search import Results

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#222;line-height:1.4}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.high{color:#b00020;font-weight:bold}.medium{color:#a15c00}
.low{color:#00607a}mark{background:#ffe08a}svg{display:block;margin:.5rem 0}
.muted{color:#666}
"""
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2")

PER_SIDE: int | None = SHOWN_PER_SIDE
LIMIT: int | None = None
FINDINGS_LIMIT: int | None = None


def _side_label(n: int, c: dict[str, Any]) -> str:
    """`side 2: Red Cross · stated 6 May 2024`: who gave a value on the chart, and when."""
    moment = when(c)
    return f"side {n + 1}: {c['claimant'] or c['document']}" + (f" · {moment}" if moment else "")


def e(value: object) -> str:
    """Text for HTML: control characters removed, markup escaped."""
    return html.escape(without_controls("" if value is None else str(value)))


def _page(title: str, body: list[str]) -> str:
    return "".join(_page_pieces(title, body))


def _page_pieces(title: str, body: Iterable[str]) -> Iterator[str]:
    """A page whose body parts (HTML) are written one to a line, as they are made."""
    yield (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
    )
    for part in body:
        yield part + "\n"
    yield "</body>\n</html>\n"


def _table(header: list[str], rows: Iterable[list[str]]) -> str:
    """A table whose cells are already HTML, a row to a line."""
    return "\n".join(_table_lines(header, rows))


def _table_lines(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    yield "<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr></thead><tbody>"
    for row in rows:
        yield "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
    yield "</tbody></table>"


# --------------------------------------------------------------------------- charts


def _bounds(parsed: dict[str, Any]) -> tuple[float | None, float | None, str]:
    """A parsed value's interval as numbers (day numbers for dates), and its kind."""
    if parsed["kind"] == "quantity":
        return parsed["low"], parsed["high"], "number"
    if parsed["kind"] == "time":
        lo = date.fromisoformat(parsed["start"]).toordinal() if parsed["start"] else None
        hi = date.fromisoformat(parsed["end"]).toordinal() if parsed["end"] else None
        return lo, hi, "date"
    return None, None, parsed["kind"]


def chart(data: dict[str, Any]) -> str:
    """An SVG placing every claim of a conflict on one axis; empty for statuses."""
    rows: list[tuple[int, dict[str, Any], float | None, float | None, str]] = []
    for n, side in enumerate(data["sides"]):
        for c in side["claims"]:
            lo, hi, kind = _bounds(c["parsed"])
            if kind == "none":  # has not happened: beyond every date on the axis
                rows.append((n, c, None, None, kind))
                continue
            if kind not in ("number", "date") or (lo is None and hi is None):
                continue
            rows.append((n, c, lo, hi, kind))
    if not rows:
        return ""
    kind = next((r[4] for r in rows if r[4] != "none"), "none")
    if kind == "none":
        return ""
    finite = [v for _, _, lo, hi, _ in rows for v in (lo, hi) if v is not None and math.isfinite(v)]
    if not finite:
        return ""
    low, high = min(finite), max(finite)
    log = kind == "number" and low > 0 and high / low > 20
    if high == low:
        low, high = low - 1, high + 1

    def scale(v: float) -> float:
        if log:
            return (math.log(v) - math.log(low)) / (math.log(high) - math.log(low))
        return (v - low) / (high - low)

    left, width, row_h, top = 300, 480, 24, 10
    height = top + row_h * len(rows) + 40
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 180}" '
        f'height="{height}" role="img" aria-label="{e(data["property_name"])}: the claims '
        f'of each side on one axis">'
    ]
    for i, (n, c, lo, hi, _) in enumerate(rows):
        y = top + i * row_h
        colour = _COLOURS[n % len(_COLOURS)]
        if c["parsed"]["kind"] == "none":
            label = _side_label(n, c)
            out.append(
                f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="12">'
                f"{e(label[:44])}</text>"
            )
            out.append(
                f'<rect class="side-{n + 1}" x="{left + width + 8}" y="{y + 5}" '
                f'width="30" height="12" fill="{colour}" opacity="0.4">'
                f"<title>{e(c['value'])}</title></rect>"
            )
            out.append(
                f'<text x="{left + width + 42}" y="{y + 15}" font-size="11" '
                f'fill="{colour}">→ {e(c["value"])}</text>'
            )
            continue
        x1 = left + width * scale(
            lo if lo is not None and math.isfinite(lo) and (not log or lo > 0) else low
        )
        x2 = left + width * scale(hi if hi is not None and math.isfinite(hi) else high)
        label = _side_label(n, c)
        out.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{e(label[:44])}</text>"
        )
        out.append(
            f'<rect class="side-{n + 1}" x="{x1:.1f}" y="{y + 5}" '
            f'width="{max(3.0, x2 - x1):.1f}" height="12" fill="{colour}" '
            f'opacity="0.8"><title>{e(c["value"])}</title></rect>'
        )
        if hi is None or not math.isfinite(hi):
            out.append(
                f'<text x="{left + width + 4}" y="{y + 15}" font-size="12" fill="{colour}">→</text>'
            )
        out.append(
            f'<text x="{max(x2, x1 + 3) + 14:.1f}" y="{y + 15}" font-size="11" '
            f'fill="#444">{e(c["value"])}</text>'
            if x2 < left + width - 80
            else ""
        )
    axis_y = top + row_h * len(rows) + 8
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{left + width}" y2="{axis_y}" stroke="#888"/>')
    for k in range(5):
        frac = k / 4
        value = (
            math.exp(math.log(low) + frac * (math.log(high) - math.log(low)))
            if log
            else low + frac * (high - low)
        )
        text = (
            date.fromordinal(round(value)).isoformat()
            if kind == "date"
            else format_number(round(value, 2 if value < 10 else 0))
        )
        x = left + width * frac
        out.append(
            f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" '
            f'stroke="#888"/><text x="{x:.1f}" y="{axis_y + 18}" font-size="11" '
            f'text-anchor="middle">{e(text)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- sections


def _conflict_sections(found: Iterable[dict[str, Any]]) -> list[str]:
    out = []
    for data in (cut_sides(c, PER_SIDE) for c in found):
        scope = ", ".join(f"{k}={v}" for k, v in data["scope"].items())
        title = f"{data['subject_name']} · {data['property_name']}" + (
            f" ({scope})" if scope else ""
        )
        rows: list[list[str]] = []
        for n, side in enumerate(data["sides"], 1):
            rows += [
                [
                    str(n),
                    e(c["value"]),
                    e(c["parsed"]["interval"]),
                    e(c["claimant"]),
                    e(when(c)),
                    _cited(c),
                    "; ".join(_source_link(s) for s in c["sources"]),
                ]
                for c in side["claims"]
            ]
            if side["more"]:
                rows.append(
                    [
                        str(n),
                        e(f"… and {side['more']:,} more claims on this side"),
                        "",
                        "",
                        "",
                        "",
                        "",
                    ]
                )
        out += [
            f'<section class="conflict"><h3>{e(title)}</h3>',
            f'<p><span class="{e(data["severity"])}">{e(data["severity"])}</span> · '
            f"distance {e(data['distance'])} · {e(data['reason'])}</p>",
            chart(data),
            _table(["Side", "Value", "Parsed", "Claimant", "As of", "Cited in", "Sources"], rows),
            "</section>",
        ]
    return out or ["<p>No conflicts.</p>"]


def _anchor(kind: str, *parts: str) -> str:

    return anchor(kind, *parts)


def _cited(c: dict[str, Any]) -> str:
    if not c["footnotes"]:
        return e(c["cited_in"])
    links = ", ".join(
        f'<a href="#{_anchor("fn", c["document"], label)}">{e(label)}</a>'
        for label in c["footnotes"]
    )
    return f"{e(c['cited_in'].split(' fn. ')[0])} fn. {links}"


def _source_link(s: dict[str, Any]) -> str:
    return f'<a href="#{_anchor("src", s["id"])}">{e(source_line(s))}</a>'


_CLAIM_HEADER = ["Claim", "Property", "Value", "Claimant", "As of", "Cited in"]


def _claim_rows(claims: Iterable[dict[str, Any]]) -> str:
    return _table(_CLAIM_HEADER, _claim_cells(claims))


def _claim_cells(claims: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    for c in claims:
        yield [e(c["id"]), e(c["property"]), e(c["value"]), e(c["claimant"]), e(when(c)), _cited(c)]


def _finding_table(found: Iterable[Finding]) -> str:
    return _table(_FINDING_HEADER, _finding_rows(found))


_FINDING_HEADER = ["Code", "Level", "Where", "Record", "Message"]


def _finding_rows(found: Iterable[Finding]) -> Iterator[list[str]]:
    for f in found:
        d = finding_data(f)
        yield [
            e(d["code"]),
            f'<span class="{e(d["level"])}">{e(d["level"])}</span>',
            e(d["where"]),
            e(d["record"]),
            e(d["message"]),
        ]


# --------------------------------------------------------------------------- views


def conflicts(view: ConflictView, style: Style) -> str:
    body = ["<h1>Conflicts</h1>", *_conflict_sections(view.conflicts)]
    body.append(f"<p>{e(conflicts_summary(view))}</p>")
    if view.consistent is not None:
        rows = [
            [e(d["subject"]), e(d["property"]), e(", ".join(d["claims"])), e(d["reason"])]
            for d in view.consistent
        ]
        body += [
            "<h2>Judged consistent</h2>",
            _table(["Subject", "Property", "Claims", "Why"], rows),
        ]
    return _page("Conflicts", body)


def claims(claims: list[dict[str, Any]], style: Style) -> str:
    return _page("Claims", ["<h1>Claims</h1>", _claim_rows(claims)])


def claim(detail: ClaimDetail, style: Style) -> str:
    c = detail.claim
    fields = [
        ["Text", e(c["text"])],
        ["Value", e(c["value"])],
        ["Parsed", e(c["parsed"]["interval"])],
        ["Claimant", e(c["claimant"])],
        ["Stance", e(c["stance"])],
        ["As of", e(c["as_of"])],
        ["Stated", e(c["stated"])],
        ["Cited in", _cited(c)],
        ["Sources", "<br>".join(e(source_line(s)) for s in c["sources"])],
        ["Independent sources", e(c["independent_sources"])],
        ["Agrees with", e(", ".join(cid for cid, _ in detail.agrees) or "none")],
        [
            "Conflicts",
            "<br>".join(
                e(f"{x['severity']} {x['distance']}: {x['reason']}") for x in detail.conflicts
            )
            or "none",
        ],
    ]
    return _page(c["id"], [f"<h1>{e(c['id'])}</h1>", _table(["Field", "Value"], fields)])


def findings(found: list[Finding], style: Style, limit: int | None = None) -> str:

    shown, hidden = most_serious(found, limit)
    line = findings_summary(found) + (f"; {hidden}" if hidden else "")
    return _page(
        "Citation findings",
        ["<h1>Citation findings</h1>", f"<p>{e(line)}</p>", _finding_table(shown)],
    )


def search(results: Results, style: Style) -> str:
    head, notes = results_lines(results)
    rows = []
    for hit in results.hits:
        d = hit_data(hit)
        snippet = "".join(f"<mark>{e(t)}</mark>" if m else e(t) for t, m in hit.snippet)
        rows.append([score_text(hit), e(d["id"]), e(d["document"]), e(d["claimant"]), snippet])
    body = [f"<h1>{e(head)}</h1>", *(f'<p class="muted">{e(n)}</p>' for n in notes)]
    if rows:
        body.append(_table(["Score", "Claim", "Document", "Claimant", "Snippet"], rows))
    return _page("Search", body)


def report(report: ReportRecord, style: Style) -> Iterator[str]:
    """The whole report as one self-contained page, in pieces."""
    return _page_pieces("factcheck report", _report_body(report))


def _report_body(report: ReportRecord) -> Iterator[str]:
    yield "<h1>factcheck report</h1>"
    yield (
        f'<p class="muted">factcheck {e(report.version)} · data fingerprint '
        f"<code>{e(report.fingerprint)}</code></p>"
    )
    yield "<h2>Summary</h2><ul>"
    yield from (f"<li>{e(line)}</li>" for line in report_summary_lines(report))
    yield "</ul>"
    yield "<h2>Conflicts</h2>"
    yield from _conflict_sections(report.conflicts.conflicts)
    yield "<h2>Claims by subject</h2>"
    for subject_id, group in groupby(report.claims, key=lambda c: c["subject"]):
        yield f"<h3>{e(report.subject_names.get(subject_id, subject_id))}</h3>"
        yield from _table_lines(_CLAIM_HEADER, _claim_cells(group))
    yield "<h2>Citation findings</h2>"
    yield from _table_lines(_FINDING_HEADER, _finding_rows(report.findings))
    yield "<h2>Sources</h2><ul>"
    for s in report.sources:
        links = "".join(
            f' <a href="{e(url)}">{e(url) if what == "link" else what}</a>'
            for what, url in web_links(s)
        )
        yield (
            f'<li id="{_anchor("src", s["id"])}"><b>{e(s["id"])}</b>: {e(reference(s))}{links}</li>'
        )
    yield "</ul>"
    yield "<h2>Footnotes</h2><ul>"
    for note in report.footnotes:
        cites = ", ".join(
            f'<a href="#{_anchor("src", c["source"])}">{e(c["source"])}</a>'
            + (f" {e(c['pages'])}" if c["pages"] else "")
            for c in note["cites"]
        )
        yield (
            f'<li id="{_anchor("fn", note["document"], note["label"])}">{e(note["document"])} '
            f"<b>{e(note['label'])}</b>: {e(note['text'])} → {cites}</li>"
        )
    yield "</ul>"
