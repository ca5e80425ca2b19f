"""HTML: one self-contained page (inline style, no script, nothing fetched from anywhere).

Every numeric or date conflict gets a chart (`factcheck.render.chart`) that places each
claim's interval on one axis, one colour per side, so the sides that disagree stand apart.
All text from claim files is escaped: markup in it shows as text. The page reads on a
phone: wide tables scroll within their own box, and long words break.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING, Any

from factcheck.render import Style
from factcheck.render.chart import chart
from factcheck.render.data import (
    SHOWN_PER_SIDE,
    assessment_head,
    assessment_sides,
    conflict_line,
    conflicts_summary,
    cut_sides,
    finding_data,
    findings_summary,
    hit_data,
    most_serious,
    quoted,
    reference,
    report_summary_lines,
    results_lines,
    score_text,
    source_line,
    web_links,
    when,
)
from factcheck.render.text import anchor, without_controls

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.records import ClaimDetail, ConflictView, ReportRecord
    from factcheck.search import Results

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem auto;padding:0 1rem;max-width:72rem;
color:#222;line-height:1.4;overflow-wrap:break-word}
.wide{overflow-x:auto;margin:.5rem 0 1.5rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
td{overflow-wrap:break-word}
th{background:#f3f3f3}.high{color:#b00020;font-weight:bold}.medium{color:#a15c00}
.low{color:#00607a}mark{background:#ffe08a}.muted{color:#666}.denies{color:#b00020}
.chart{margin:.75rem 0 1rem;max-width:56rem}.chart svg{display:block;overflow:visible}
.chart .who{font-size:.85rem;margin-top:.3rem}.chart .axis{margin-top:.2rem}
.chart figcaption{font-size:.8rem;margin-top:.4rem}
.chart figcaption svg{display:inline;vertical-align:middle}
@media (max-width:40rem){.wide table,.wide tbody,.wide tr,.wide td{display:block}
.wide thead{display:none}.wide tr{border:1px solid #ccc;margin-bottom:.6rem}
.wide td{border:0;border-top:1px solid #eee}.wide td:empty{display:none}
.wide td::before{content:attr(data-label) ": ";font-weight:bold}}
"""

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
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
    )
    for part in body:
        yield part + "\n"
    yield "</body>\n</html>\n"


def _table(header: list[str], rows: Iterable[list[str]]) -> str:
    """A table whose cells are already HTML, a row to a line."""
    return "\n".join(_table_lines(header, rows))


def _table_lines(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    head = "".join(f"<th>{h}</th>" for h in header)
    yield f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>'
    labels = [f' data-label="{html.escape(h)}"' for h in header]
    for row in rows:
        yield (
            "<tr>" + "".join(f"<td{k}>{c}</td>" for k, c in zip(labels, row, strict=True)) + "</tr>"
        )
    yield "</tbody></table></div>"


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
                    e(c["claimant"]),
                    _stance(c),
                    e(c["value"]),
                    e(c["parsed"]["interval"]),
                    e(when(c)),
                    _quote(c),
                    "; ".join(_source_link(s) for s in c["sources"]),
                ]
                for c in side["claims"]
            ]
            if side["more"]:
                rows.append(
                    [
                        str(n),
                        e(f"… and {side['more']:,} more claims on this side"),
                        *[""] * (len(_CONFLICT_HEADER) - 2),
                    ]
                )
        out += [
            f'<section class="conflict"><h3>{e(title)}</h3>',
            f'<p><span class="{e(data["severity"])}">{e(data["severity"])}</span> · '
            f"{e(conflict_line(data))}</p>",
            chart(data),
            _table(_CONFLICT_HEADER, rows),
            *_assessment(data),
            "</section>",
        ]
    return out or ["<p>No conflicts.</p>"]


def _assessment(data: dict[str, Any]) -> list[str]:
    """Which side the evidence favours, and one sentence a side (none when not assessed)."""
    head = assessment_head(data)
    if head is None:
        return []
    items = "".join(f"<li>{e(line)}</li>" for line in assessment_sides(data))
    return [f'<p class="assessment"><b>{e(head)}</b></p><ul>{items}</ul>']


_CONFLICT_HEADER = ["Side", "Claimant", "Stance", "Value", "Parsed", "As of", "Quote", "Sources"]


def _stance(c: dict[str, Any]) -> str:
    """The claim's stance; a denial stands out, so that it is never read as a statement."""
    stance = e(c["stance"])
    return f'<b class="denies">{stance}</b>' if c["stance"] == "denies" else stance


def _quote(c: dict[str, Any]) -> str:
    """The claim's words, quoted, and where the document cites them."""
    return f"{e(quoted(c))} ({_cited(c)})"


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


_CLAIM_HEADER = ["Claim", "Property", "Claimant", "Stance", "Value", "As of", "Quote"]


def _claim_rows(claims: Iterable[dict[str, Any]]) -> str:
    return _table(_CLAIM_HEADER, _claim_cells(claims))


def _claim_cells(claims: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    for c in claims:
        yield [
            e(c["id"]),
            e(c["property"]),
            e(c["claimant"]),
            _stance(c),
            e(c["value"]),
            e(when(c)),
            _quote(c),
        ]


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
            "<br>".join(e(f"{x['severity']} · {conflict_line(x)}") for x in detail.conflicts)
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
