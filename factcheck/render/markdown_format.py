"""Markdown: GitHub-flavoured tables and lists to paste into a draft or a wiki."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

from factcheck.records import ConflictView, claim_data, conflict_data
from factcheck.render import Style
from factcheck.render.data import (
    SHOWN_PER_SIDE,
    finding_data,
    findings_summary,
    hit_data,
    most_serious,
    report_summary_lines,
    results_lines,
    source_line,
)
from factcheck.render.text import anchor
from factcheck.render.text import markdown_cell as md

if TYPE_CHECKING:
    from factcheck.citations import Check, Finding
    from factcheck.corpus import Corpus
    from factcheck.model import Claim
    from factcheck.relations import Relations
    from factcheck.report import FullReport
    from factcheck.search import Results


_CLAIM_COLUMNS = ("Side", "Value", "Parsed", "Claimant", "As of", "Cited in", "Sources")


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
    lines = [
        f"{heading} {md(_topic(data))}",
        "",
        f"**{data['severity']}** · distance {md(data['distance'])} · {md(data['reason'])}",
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
                        md(c["value"]),
                        md(c["parsed"]["interval"]),
                        md(c["claimant"]),
                        md(c["as_of"]),
                        _cited(c) if linked else md(c["cited_in"]),
                        _source_links(c) if linked else _sources(c),
                    ]
                )
            )
        if side["more"]:
            more = f"… and {side['more']:,} more claims on this side"
            lines.append(_row([str(n), more, *[""] * (len(_CLAIM_COLUMNS) - 2)]))
    lines.append("")
    return lines


def conflicts(view: ConflictView, style: Style) -> str:
    lines = ["# Conflicts", ""]
    if not view.total:
        lines += [f"No conflicts among {view.compared:,} claims.", ""]
    for data in view.conflicts:
        lines += _conflict_section(data, "##", linked=False)
    if view.total:
        lines += [md(view.summary_line()), ""]
    if view.consistent is not None:
        lines += ["# Judged consistent", ""]
        for d in view.consistent:
            lines.append(
                f"- {md(d['subject'])} · {md(d['property'])}: {md(d['reason'])} "
                f"({md(', '.join(d['claims']))})"
            )
        lines.append("")
    return "\n".join(lines)


def claims(corpus: Corpus, selected: list[Claim], style: Style) -> str:
    columns = ("Id", "Subject", "Property", "Value", "Claimant", "As of", "Document")
    lines = [_row(list(columns)), _row(["---"] * len(columns))]
    for claim in selected:
        c = claim_data(corpus, claim)
        lines.append(
            _row(
                [
                    md(c["id"]),
                    md(c["subject"]),
                    md(c["property"]),
                    md(c["value"]),
                    md(c["claimant"]),
                    md(c["as_of"]),
                    md(c["document"]),
                ]
            )
        )
    return "\n".join(lines) + "\n"


def claim(corpus: Corpus, rel: Relations, style: Style) -> str:
    c = claim_data(corpus, corpus.claims[rel.claim])
    lines = [f"# {md(c['id'])}", "", f"> {md(c['text'])}", ""]
    for label, key in (
        ("Subject", "subject"),
        ("Property", "property"),
        ("Value", "value"),
        ("Claimant", "claimant"),
        ("Stance", "stance"),
        ("As of", "as_of"),
        ("Document", "document_title"),
        ("Rank", "rank"),
    ):
        lines.append(f"- **{label}:** {md(c[key])}")
    lines.append(f"- **Parsed:** {md(c['parsed']['interval'])}")
    lines += ["", "## Footnotes", ""]
    for note in corpus.footnotes_of(corpus.claims[rel.claim]):
        lines.append(f"- {md(note.label)}: {md(note.text)}")
    lines += ["", "## Sources", ""]
    lines += [f"- {md(source_line(s))}" for s in c["sources"]]
    lines += ["", f"Independent sources: {c['independent_sources']}"]
    lines += ["", "## Agrees with", ""]
    lines += [f"- {md(cid)}: {md(corpus.claims[cid].value)}" for cid in rel.agrees] or ["- none"]
    lines += ["", "## Conflicts", ""]
    lines += [f"- **{x.severity}** {md(x.distance)}: {md(x.reason)}" for x in rel.conflicts] or [
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
                _row([f"{d['score']:.2f}", md(d["id"]), md(cited), md(d["claimant"]), snippet])
            )
    return "\n".join(lines) + "\n"


def report(full: FullReport, style: Style) -> str:
    """The whole report, ready to paste into a draft or a wiki."""

    corpus = full.corpus
    lines = [
        "# factcheck report",
        "",
        f"factcheck {full.version} · data fingerprint `{full.fingerprint}`",
        "",
        "## Summary",
        "",
    ]
    lines += [f"- {md(line)}" for line in report_summary_lines(full)]
    lines += ["", "## Conflicts", ""]
    if not full.conflicts.conflicts:
        lines += ["No conflicts.", ""]
    for conflict in full.conflicts.conflicts:
        lines += _conflict_section(
            conflict_data(corpus, conflict, SHOWN_PER_SIDE), "###", linked=True
        )
    lines += ["## Claims by subject", ""]
    for subject_id, group in groupby(full.claims, key=lambda c: c.subject):
        subject = corpus.subjects.get(subject_id)
        lines += [
            f"### {md(subject.name if subject else subject_id)}",
            "",
            _row(["Claim", "Property", "Value", "Claimant", "As of", "Cited in"]),
            _row(["---"] * 6),
        ]
        for claim in group:
            c = claim_data(corpus, claim)
            lines.append(
                _row(
                    [
                        md(c["id"]),
                        md(c["property"]),
                        md(c["value"]),
                        md(c["claimant"]),
                        md(c["as_of"]),
                        _cited(c),
                    ]
                )
            )
        lines.append("")
    lines += ["## Citation findings", "", md(findings_summary(full.findings)), ""]
    if full.findings:
        lines += [_row(["Code", "Level", "Where", "Record", "Message"]), _row(["---"] * 5)]
        for f in full.findings:
            d = finding_data(f)
            lines.append(
                _row([d["code"], d["level"], md(d["where"]), md(d["record"]), md(d["message"])])
            )
        lines.append("")
    lines += ["## Sources", ""]
    for sid, source in sorted(corpus.sources.items()):
        link = f" <{source.url}>" if source.url and source.url.startswith("http") else ""
        parts = [source.publisher, source.author, source.title, source.date or "n.d."]
        lines.append(
            f'- <a id="{anchor("src", sid)}"></a>{md(sid)}: '
            f"{md(', '.join(p for p in parts if p))}{md(link)}"
        )
    lines += ["", "## Footnotes", ""]
    for (doc, label), note in sorted(corpus.footnotes.items()):
        cites = ", ".join(
            f"[{md(c.source)}](#{anchor('src', c.source)})" + (f" {md(c.pages)}" if c.pages else "")
            for c in note.cites
        )
        lines.append(
            f'- <a id="{anchor("fn", doc, label)}"></a>{md(doc)} {md(label)}: '
            f"{md(note.text)} → {cites}"
        )
    return "\n".join(lines) + "\n"


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
