"""Markdown: GitHub-flavoured tables and lists to paste into a draft or a wiki."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

from factcheck.render import Style
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
from factcheck.render.text import anchor
from factcheck.render.text import markdown_cell as md

if TYPE_CHECKING:
    from factcheck.checks import Check, Finding
    from factcheck.records import ClaimDetail, ConflictView, ReportRecord
    from factcheck.search import Results


_CLAIM_COLUMNS = ("Side", "Claimant", "Stance", "Value", "Parsed", "As of", "Quote", "Sources")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _sources(data: dict[str, Any]) -> str:
    return "; ".join(md(source_line(s)) for s in data["sources"])


PER_SIDE: int | None = SHOWN_PER_SIDE
LIMIT: int | None = None
FINDINGS_LIMIT: int | None = None


def _topic(data: dict[str, Any]) -> str:
    scope = ", ".join(f"{k}={v}" for k, v in data["scope"].items())
    return f"{data['subject_name']} · {data['property_name']}" + (f" ({scope})" if scope else "")


def _conflict_section(data: dict[str, Any], heading: str, *, linked: bool) -> list[str]:
    """A conflict: its topic, severity, distance, reason and the claims of every side;
    `linked` makes footnotes and sources links to the report's lists."""
    data = cut_sides(data, PER_SIDE)
    lines = [
        f"{heading} {md(_topic(data))}",
        "",
        f"**{data['severity']}** · {md(conflict_line(data))}",
        "",
        _row(list(_CLAIM_COLUMNS)),
        _row(["---"] * len(_CLAIM_COLUMNS)),
    ]
    for n, side in enumerate(data["sides"], 1):
        for c in side["claims"]:
            lines.append(
                _row(
                    [
                        str(n),
                        md(c["claimant"]),
                        _stance(c),
                        md(c["value"]),
                        md(c["parsed"]["interval"]),
                        md(when(c)),
                        _quote(c, linked=linked),
                        _source_links(c) if linked else _sources(c),
                    ]
                )
            )
        if side["more"]:
            more = f"… and {side['more']:,} more claims on this side"
            lines.append(_row([str(n), more, *[""] * (len(_CLAIM_COLUMNS) - 2)]))
    lines.append("")
    head = assessment_head(data)
    if head:
        lines += [f"*{md(head)}*", "", *(f"- {md(line)}" for line in assessment_sides(data)), ""]
    return lines


def conflicts(view: ConflictView, style: Style) -> str:
    lines = ["# Conflicts", ""]
    if not view.total:
        lines += [f"No conflicts among {view.compared:,} claims.", ""]
    for data in view.conflicts:
        lines += _conflict_section(data, "##", linked=False)
    if view.total:
        lines += [md(conflicts_summary(view)), ""]
    if view.consistent is not None:
        lines += ["# Judged consistent", ""]
        for d in view.consistent:
            lines.append(
                f"- {md(d['subject'])} · {md(d['property'])}: {md(d['reason'])} "
                f"({md(', '.join(d['claims']))})"
            )
        lines.append("")
    return "\n".join(lines)


def claims(claims: list[dict[str, Any]], style: Style) -> str:
    columns = ("Id", "Subject", "Property", "Claimant", "Stance", "Value", "As of", "Quote")
    lines = [_row(list(columns)), _row(["---"] * len(columns))]
    for c in claims:
        lines.append(
            _row(
                [
                    md(c["id"]),
                    md(c["subject"]),
                    md(c["property"]),
                    md(c["claimant"]),
                    _stance(c),
                    md(c["value"]),
                    md(when(c)),
                    _quote(c, linked=False),
                ]
            )
        )
    return "\n".join(lines) + "\n"


def claim(detail: ClaimDetail, style: Style) -> str:
    c = detail.claim
    lines = [f"# {md(c['id'])}", "", f"> {md(c['text'])}", ""]
    for label, key in (
        ("Subject", "subject"),
        ("Property", "property"),
        ("Value", "value"),
        ("Claimant", "claimant"),
        ("Stance", "stance"),
        ("As of", "as_of"),
        ("Stated", "stated"),
        ("Document", "document_title"),
        ("Rank", "rank"),
    ):
        lines.append(f"- **{label}:** {md(c[key])}")
    lines.append(f"- **Parsed:** {md(c['parsed']['interval'])}")
    lines += ["", "## Footnotes", ""]
    lines += [f"- {md(label)}: {md(text)}" for label, text in detail.footnotes]
    lines += ["", "## Sources", ""]
    lines += [f"- {md(source_line(s))}" for s in c["sources"]]
    lines += ["", f"Independent sources: {c['independent_sources']}"]
    lines += ["", "## Agrees with", ""]
    lines += [f"- {md(cid)}: {md(value)}" for cid, value in detail.agrees] or ["- none"]
    lines += ["", "## Conflicts", ""]
    lines += [f"- **{x['severity']}** · {md(conflict_line(x))}" for x in detail.conflicts] or [
        "- none"
    ]
    return "\n".join(lines) + "\n"


def findings(found: list[Finding], style: Style, limit: int | None = None) -> str:
    """Citation findings: a table per file, in line order."""

    shown, hidden = most_serious(found, limit)
    lines = [
        "# Citation findings",
        "",
        findings_summary(found) + (f"; {hidden}" if hidden else ""),
        "",
    ]
    columns = ("Line", "Code", "Level", "Record", "Message")
    for _, group in groupby(shown, key=lambda f: f.file):
        items = list(group)
        shown = finding_data(items[0])["file"]
        lines += [
            f"## {md(shown or '(no file)')}",
            "",
            _row(list(columns)),
            _row(["---"] * len(columns)),
        ]
        for f in items:
            d = finding_data(f)
            lines.append(
                _row(
                    [str(d["line"] or ""), d["code"], d["level"], md(d["record"]), md(d["message"])]
                )
            )
        lines.append("")
    return "\n".join(lines)


def check_codes(checks: Sequence[Check]) -> str:
    """The documentation of every check code (docs/checks.md), from the table of checks."""
    lines = [
        "# Citation check codes",
        "",
        "`factcheck check` reports each finding with one of these codes; "
        "`factcheck check --explain CODE` prints the entry for one code.",
        "",
        "| code | level | what |",
        "| --- | --- | --- |",
    ]
    # Our own text, written as Markdown: nothing to escape.
    lines += [f"| [{c.code}](#{c.code.lower()}) | {c.level} | {c.title} |" for c in checks]
    for c in checks:
        lines += [
            "",
            f"## {c.code}",
            "",
            f"**{c.title}** ({c.level})",
            "",
            c.why,
            "",
            f"To fix: {c.fix}",
        ]
    return "\n".join(lines) + "\n"


def search(results: Results, style: Style) -> str:
    """A table of hits, best first, matches in bold."""
    head, notes = results_lines(results)
    lines = [f"# {md(head)}", ""]
    lines += [f"- {md(n)}" for n in notes]
    if notes:
        lines.append("")
    if results.hits:
        columns = ("Score", "Claim", "Cited in", "Claimant", "Snippet")
        lines += [_row(list(columns)), _row(["---"] * len(columns))]
        for hit in results.hits:
            d = hit_data(hit)
            snippet = "".join(f"**{md(t)}**" if m else md(t) for t, m in hit.snippet)
            cited = f"{d['document']}" + (f" fn. {d['footnotes']}" if d["footnotes"] else "")
            lines.append(
                _row([score_text(hit), md(d["id"]), md(cited), md(d["claimant"]), snippet])
            )
    return "\n".join(lines) + "\n"


def report(report: ReportRecord, style: Style) -> Iterator[str]:
    """The whole report, ready to paste into a draft or a wiki, in pieces."""

    def text(lines: list[str]) -> str:
        return "".join(line + "\n" for line in lines)

    head = [
        "# factcheck report",
        "",
        f"factcheck {report.version} · data fingerprint `{report.fingerprint}`",
        "",
        "## Summary",
        "",
    ]
    head += [f"- {md(line)}" for line in report_summary_lines(report)]
    head += ["", "## Conflicts", ""]
    if not report.conflicts.conflicts:
        head += ["No conflicts.", ""]
    yield text(head)
    for conflict in report.conflicts.conflicts:
        yield text(_conflict_section(conflict, "###", linked=True))
    yield text(["## Claims by subject", ""])
    for subject_id, group in groupby(report.claims, key=lambda c: c["subject"]):
        yield text(
            [
                f"### {md(report.subject_names.get(subject_id, subject_id))}",
                "",
                _row(list(_SUBJECT_COLUMNS)),
                _row(["---"] * len(_SUBJECT_COLUMNS)),
            ]
        )
        for c in group:
            row = [md(c["id"]), md(c["property"]), md(c["claimant"]), c["stance"]]
            yield _row([*row, md(c["value"]), md(when(c)), _quote(c, linked=True)]) + "\n"
        yield "\n"
    yield text(["## Citation findings", "", md(findings_summary(report.findings)), ""])
    if report.findings:
        yield text([_row(["Code", "Level", "Where", "Record", "Message"]), _row(["---"] * 5)])
        for f in report.findings:
            d = finding_data(f)
            cells = [d["code"], d["level"], md(d["where"]), md(d["record"]), md(d["message"])]
            yield _row(cells) + "\n"
        yield "\n"
    yield text(["## Sources", ""])
    for s in report.sources:
        links = "".join(
            md(f" <{url}>" if what == "link" else f" ({what} <{url}>)")
            for what, url in web_links(s)
        )
        yield f'- <a id="{anchor("src", s["id"])}"></a>{md(s["id"])}: {md(reference(s))}{links}\n'
    yield text(["", "## Footnotes", ""])
    for note in report.footnotes:
        cites = ", ".join(
            f"[{md(c['source'])}](#{anchor('src', c['source'])})"
            + (f" {md(c['pages'])}" if c["pages"] else "")
            for c in note["cites"]
        )
        yield (
            f'- <a id="{anchor("fn", note["document"], note["label"])}"></a>'
            f"{md(note['document'])} {md(note['label'])}: {md(note['text'])} → {cites}\n"
        )


def _stance(c: dict[str, Any]) -> str:
    """The claim's stance; a denial in bold, so that it is never read as a statement."""
    return f"**{c['stance']}**" if c["stance"] == "denies" else str(c["stance"])


_SUBJECT_COLUMNS = ("Claim", "Property", "Claimant", "Stance", "Value", "As of", "Quote")


def _quote(c: dict[str, Any], *, linked: bool) -> str:
    """The claim's words as the document gives them, quoted, and where they are cited
    (`“…” (EUAA fn. 732)`); `linked` makes the footnotes links to the report's list."""
    return f"{md(quoted(c))} \\({_cited(c) if linked else md(c['cited_in'])}\\)"


def _cited(c: dict[str, Any]) -> str:
    """`EUAA fn. [732](#fn-…)`: the footnotes link to the footnote list."""

    if not c["footnotes"]:
        return md(c["cited_in"])
    links = ", ".join(
        f"[{md(label)}](#{anchor('fn', c['document'], label)})" for label in c["footnotes"]
    )
    return f"{md(c['cited_in'].split(' fn. ')[0])} fn. {links}"


def _source_links(c: dict[str, Any]) -> str:

    return "; ".join(f"[{md(source_line(s))}](#{anchor('src', s['id'])})" for s in c["sources"])
