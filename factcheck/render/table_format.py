"""Rich tables for the terminal: one table per conflict, claims side by side."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.render import Style
from factcheck.render.data import (
    SHOWN_PER_SIDE,
    assessment_head,
    assessment_sides,
    conflicts_summary,
    cut_sides,
    finding_data,
    findings_summary,
    most_serious,
    report_summary_lines,
    results_lines,
    shown,
    source_line,
    source_name,
    when,
)
from factcheck.render.text import plain
from factcheck.values import counted

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.records import ClaimDetail, ConflictView, ReportRecord
    from factcheck.search import Results


#: Claims listed per side of a conflict, and conflicts shown unless `--limit` says otherwise:
#: a terminal holds a few dozen tables, not thousands.
PER_SIDE: int | None = SHOWN_PER_SIDE
LIMIT: int | None = 20
FINDINGS_LIMIT: int | None = 50

_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
_LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def _t(text: object, style: str = "") -> Text:
    """A cell holding text as text: markup in claim data is never interpreted."""
    return Text(plain(None if text is None else str(text)), style=style)


def _render(style: Style, items: Iterable[RenderableType]) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=style.width,
        force_terminal=style.color,
        color_system="standard" if style.color else None,
        no_color=not style.color,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    for item in items:
        console.print(item)
    if style.color:
        return out.getvalue()
    # Rich pads every line to the width; piped text should not carry that padding.
    return "\n".join(line.rstrip() for line in out.getvalue().split("\n"))


def _parsed_width(data: dict[str, Any], width: int) -> int | None:
    """The width of the `parsed` column: None (Rich decides) unless the table is so narrow
    that an even share of the width is less than the column's longest word (at most 16),
    since Rich, shrinking the widest columns first, then folds words such as an ISO date
    (`2022-10-2` / `8`); then that word's width, so that the other columns give way."""
    texts = [str(c["parsed"]["interval"] or "") for side in data["sides"] for c in side["claims"]]
    longest_word = min(16, max((len(w) for t in texts for w in t.split()), default=1))
    columns = 7
    share = (width - 2 * columns) // columns  # two spaces of padding a column
    return None if share >= longest_word else longest_word


def _sources(c: dict[str, Any]) -> str:
    return "; ".join(f"{source_name(s)} ({s['date'] or 'n.d.'})" for s in c["sources"])


def conflicts(view: ConflictView, style: Style) -> str:
    items: list[RenderableType] = []
    for data in (cut_sides(c, PER_SIDE) for c in view.conflicts):
        scope = ", ".join(f"{k}={v}" for k, v in data["scope"].items())
        title = Text.assemble(
            (f"{data['severity'].upper()} ", _SEVERITY_STYLE[data["severity"]]),
            plain(f"{data['subject_name']} · {data['property_name']}"),
            plain(f" ({scope})" if scope else ""),
            f"  {plain(data['distance'])}",
        )
        caption = data["reason"]
        table = Table(
            title=title,
            title_justify="left",
            caption=_t(caption),
            caption_justify="left",
            box=box.SIMPLE_HEAD,
            expand=False,
        )
        parsed_width = _parsed_width(data, style.width)
        for column in ("side", "value", "parsed", "claimant", "as of", "cited in", "sources"):
            width = parsed_width if column == "parsed" else None
            table.add_column(column, overflow="fold", width=width)
        for n, side in enumerate(data["sides"], 1):
            for c in side["claims"]:
                stance = "" if c["stance"] == "asserts" else f" ({c['stance']})"
                table.add_row(
                    _t(n),
                    _t(c["value"], "bold"),
                    _t(c["parsed"]["interval"]),
                    _t(f"{c['claimant'] or ''}{stance}"),
                    _t(when(c)),
                    _t(c["cited_in"]),
                    _t(_sources(c)),
                )
            if side["more"]:
                table.add_row(_t(n), _t(f"… and {side['more']:,} more claims on this side"))
        items.append(table)
        head = assessment_head(data)
        if head:
            items.append(Padding(_t(head, "bold"), (0, 0, 0, 1)))
            items += [Padding(_t(line), (0, 0, 0, 3)) for line in assessment_sides(data)]
            items.append(Text(""))
    if view.consistent:
        # A list, not a table: ids wrap between each other, never inside one.
        items.append(Text("Judged consistent", style="bold"))
        for d in view.consistent:
            items.append(Padding(_t(f"{d['subject']} · {d['property']}"), (0, 0, 0, 2)))
            items.append(Padding(_t(", ".join(d["claims"])), (0, 0, 0, 4)))
            items.append(Padding(_t(d["reason"], "dim"), (0, 0, 0, 4)))
    items.append(Text(conflicts_summary(view)))
    return _render(style, items)


def _id_width(ids: Iterable[str]) -> int:
    """The width of a column of ids: the longest, so that none breaks across lines (an id is
    copied into `factcheck show`)."""
    return max((len(i) for i in ids), default=2)


def claims(claims: list[dict[str, Any]], style: Style) -> str:
    """A row a claim. A terminal too narrow for seven columns and whole ids gets two: the
    claim's id and property, then what it says, who says it, when, and where it is cited."""
    id_width = _id_width(c["id"] for c in claims)
    property_width = _id_width(c["property"] for c in claims)
    if style.width < id_width + property_width + 90:
        return _claims_narrow(claims, style, id_width)
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("id", no_wrap=True, min_width=id_width)
    table.add_column("property", no_wrap=True, min_width=property_width)
    table.add_column("value", overflow="fold", ratio=3)
    table.add_column("claimant", overflow="fold", ratio=3)
    table.add_column("stance", no_wrap=True)
    table.add_column("as of", overflow="fold", ratio=3)
    table.add_column("cited in", overflow="fold", ratio=2)
    for c in claims:
        table.add_row(
            _t(c["id"]),
            _t(c["property"]),
            _t(c["value"], "bold"),
            _t(c["claimant"]),
            _t(c["stance"]),
            _t(when(c)),
            _t(c["cited_in"]),
        )
    return _render(style, [table, Text(counted(len(claims), "claim"))])


def _claims_narrow(claims: list[dict[str, Any]], style: Style, id_width: int) -> str:
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("claim, property", no_wrap=True, min_width=min(id_width, style.width - 24))
    table.add_column("statement", overflow="fold")
    for c in claims:
        said = Text.assemble(
            (plain(c["value"]), "bold"),
            "\n",
            plain(f"{c['claimant'] or 'unattributed'} {c['stance']}"),
            plain(f" · {when(c)}" if when(c) else ""),
            plain(f" · {c['cited_in']}" if c["cited_in"] else ""),
        )
        table.add_row(Text.assemble(plain(c["id"]), "\n", (plain(c["property"]), "dim")), said)
    return _render(style, [table, Text(counted(len(claims), "claim"))])


def claim(detail: ClaimDetail, style: Style) -> str:
    c = shown(detail.claim)
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column(overflow="fold")
    for label, key in (
        ("text", "text"),
        ("subject", "subject"),
        ("property", "property"),
        ("value", "value"),
        ("claimant", "claimant"),
        ("stance", "stance"),
        ("as of", "as_of"),
        ("stated", "stated"),
        ("method", "method"),
        ("rank", "rank"),
        ("review", "review"),
        ("document", "document_title"),
        ("written at", "location"),
    ):
        if c[key]:
            fields.add_row(label, _t(c[key]))
    fields.add_row("parsed", _t(c["parsed"]["interval"]))
    if c["scope"]:
        fields.add_row("scope", _t(", ".join(f"{k}={v}" for k, v in c["scope"].items())))
    for label, text in detail.footnotes:
        fields.add_row(f"footnote {plain(label)}", _t(text))
    for s in c["sources"]:
        fields.add_row("source", _t(source_line(s)))
    fields.add_row("independent", _t(f"{c['independent_sources']} source(s)"))
    agrees = ", ".join(cid for cid, _ in detail.agrees) or "none"
    fields.add_row("agrees with", _t(agrees))
    for x in detail.conflicts:
        fields.add_row(
            "conflict",
            Text.assemble(
                (x["severity"], _SEVERITY_STYLE[x["severity"]]),
                f" {plain(x['distance'])}: {plain(x['reason'])}",
            ),
        )
    if not detail.conflicts:
        fields.add_row("conflict", _t("none"))
    return _render(style, [fields])


def findings(found: list[Finding], style: Style, limit: int | None = None) -> str:
    """A table per file, rows in line order; a record's id is shown once for its rows. Where
    whole ids and 50 characters of message do not fit side by side, each record's id is a
    line of its own above its findings."""

    shown, hidden = most_serious(found, limit)
    items: list[RenderableType] = []
    for _, group in groupby(shown, key=lambda f: f.file):
        rows = [finding_data(f) for f in group]
        title = _t(rows[0]["file"] or "(no file)", "bold")
        if style.width >= _id_width(d["record"] or "" for d in rows) + 80:
            items.append(_findings_table(rows, title))
        else:
            items += [title, *_findings_list(rows)]
    items.append(Text(findings_summary(found) + (f"; {hidden}" if hidden else "")))
    return _render(style, items)


def _findings_table(rows: list[dict[str, Any]], title: Text) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    for column in ("line", "code", "level", "record"):
        table.add_column(column, no_wrap=True)
    table.add_column("message", overflow="fold", ratio=1)
    previous = None
    for d in rows:
        record = "" if d["record"] == previous else d["record"]
        previous = d["record"]
        table.add_row(
            _t(d["line"] or ""),
            _t(d["code"]),
            _t(d["level"], _LEVEL_STYLE[d["level"]]),
            _t(record),
            _t(d["message"]),
        )
    return table


def _findings_list(rows: list[dict[str, Any]]) -> Iterator[RenderableType]:
    # Cells padded here, not by column widths, so that every record's rows line up.
    line_width = max(len(str(d["line"] or "")) for d in rows)
    for record, findings in groupby(rows, key=lambda d: d["record"]):
        if record:
            yield Padding(_t(record, "bold"), (0, 0, 0, 2))
        grid = Table.grid(padding=(0, 1), expand=True)
        for _ in range(3):
            grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold", ratio=1)
        for d in findings:
            grid.add_row(
                _t(str(d["line"] or "").rjust(line_width)),
                _t(d["code"].ljust(5)),
                _t(d["level"].ljust(7), _LEVEL_STYLE[d["level"]]),
                _t(d["message"]),
            )
        yield Padding(grid, (0, 0, 0, 4))


def search(results: Results, style: Style) -> str:
    """Hits best first; matched words highlighted (between « » when there is no colour).
    A terminal too narrow for whole ids beside a readable snippet gets each hit's id, where
    it is cited and who says it stacked above its snippet."""
    head, notes = results_lines(results)
    items: list[RenderableType] = [Text(plain(head), style="bold")]
    items += [Text(plain(n), style="dim") for n in notes]
    if not results.hits:
        return _render(style, items)
    rows = []
    for hit in results.hits:
        snippet = Text()
        for text, matched in hit.snippet:
            if matched and not style.color:
                snippet.append(f"«{plain(text)}»")
            else:
                snippet.append(plain(text), style="bold reverse" if matched else "")
        cited = f"{hit.document}" + (f" fn. {hit.footnotes}" if hit.footnotes else "")
        how = ""
        if hit.via == "topic":
            how = "via topic"
        elif "text" not in hit.matched_in:  # the snippet has nothing marked: say where
            how = f"in {', '.join(hit.matched_in)}"
        rows.append((hit, cited, how, snippet))
    claim_width = _id_width(x for hit, cited, _, _ in rows for x in (hit.id, cited))
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("score", no_wrap=True, justify="right")
    if style.width >= claim_width + 70:
        table.add_column("claim", no_wrap=True, min_width=claim_width)
        table.add_column("claimant", overflow="fold", ratio=2)
        table.add_column("snippet", overflow="fold", ratio=7)
        for hit, cited, how, snippet in rows:
            claim = Text.assemble(plain(hit.id), "\n", plain(cited))
            if how:
                claim.append(f"\n{how}", style="italic")
            table.add_row(_t(f"{hit.score:.2f}"), claim, _t(hit.claimant), snippet)
    else:
        table.add_column("claim · cited in · claimant", overflow="fold")
        for hit, cited, how, snippet in rows:
            about = " · ".join(x for x in (cited, hit.claimant, how) if x)
            cell = Text.assemble((plain(hit.id), "bold"), "\n", (plain(about), "dim"), "\n")
            table.add_row(_t(f"{hit.score:.2f}"), cell + snippet)
    items.append(table)
    return _render(style, items)


def report(report: ReportRecord, style: Style) -> Iterator[str]:
    """The report on a terminal: summary, conflicts, citation findings."""
    head = [
        Text("factcheck report", style="bold"),
        Text(f"factcheck {report.version} · data fingerprint {report.fingerprint}", style="dim"),
    ]
    head += [Text(plain(line)) for line in report_summary_lines(report)]
    yield _render(style, head) + "\n"
    yield conflicts(report.conflicts, style) + "\n"
    yield findings(list(report.findings), style)
