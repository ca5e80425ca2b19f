"""The command line: each command parses options, calls one library function, renders.

Exit codes: 0 done; 1 findings the user asked to fail on (`conflicts --fail-on-conflict`,
`check --strict`); 2 bad input or usage.
Only Typer and Rich are imported at start-up; the rest loads inside the command that needs it.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from factcheck import __version__
from factcheck.errors import FactcheckError
from factcheck.options import Format, LevelName, SeverityName, SortOrder, StanceName
from factcheck.render import Style

EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

app = typer.Typer(
    name="factcheck",
    help="Find where footnoted sources disagree, and check the claims and their citations.",
    no_args_is_help=False,
    add_completion=False,
    # Plain help: Typer's Rich help formatter imports a Markdown parser, doubling start-up.
    rich_markup_mode=None,
    epilog="Exit codes: 0 done; 1 conflicts found with --fail-on-conflict, or errors with check "
    "--strict; 2 bad input or usage. "
    "Claims: --claims PATH, else $FACTCHECK_CLAIMS, else the bundled data set.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

ClaimsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--claims",
        "-c",
        help="Claim files or folders (repeatable). Default: "
        "$FACTCHECK_CLAIMS, else the bundled data set.",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of stdout; '-' is stdout.",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")]
SubjectOption = Annotated[str | None, typer.Option("--subject", "-s", help="Only this subject id.")]
PropertyOption = Annotated[
    str | None, typer.Option("--property", "-p", help="Only this property id.")
]

ClaimantOption = Annotated[
    str | None,
    typer.Option("--claimant", help="Only claims whose claimant contains this text."),
]
DocumentOption = Annotated[
    str | None, typer.Option("--document", "-d", help="Only this document id.")
]

MinSeverityOption = Annotated[
    SeverityName,
    typer.Option(
        "--min-severity", case_sensitive=False, help="Only conflicts at least this severe."
    ),
]


def _limit_option(what: str, in_a_table: int) -> Any:
    return typer.Option(
        "--limit",
        min=0,
        metavar="N",
        help=f"Show the N {what}; 0 shows all. "
        f"Default: {in_a_table} in a table, all in other formats.",
    )


TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        help="The date citation checks judge future dates against (default: today).",
    ),
]

F = TypeVar("F", bound=Callable[..., Any])


def _stderr() -> Console:
    # Messages never wrap: one problem stays one greppable `file:line: field: message` line.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _style() -> Style:
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        width = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size().columns
    except (ValueError, OSError):
        width = 120
    return Style(color=color, width=max(60, width))


def handles_errors(func: F) -> F:
    """Turn library errors into `file:line: field: message` lines on stderr and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from factcheck import store

        kept = store.begin(use_cache=_use_cache())
        try:
            return func(*args, **kwargs)
        except FactcheckError as exc:
            from rich.text import Text

            from factcheck.render.text import plain

            err = _stderr()
            for problem in exc.problems:
                err.print(Text(f"error: {plain(str(problem))}", style="red"))
            if len(exc.problems) > 1:
                err.print(
                    Text(f"{len(exc.problems)} problems; nothing was written.", style="bold red")
                )
            raise typer.Exit(EXIT_BAD_INPUT) from None
        finally:
            _notes(kept.notes)

    return wrapper  # type: ignore[return-value]


# Set by the top-level options on every run (`--no-cache`), read by the commands.
_settings = {"use_cache": True}


def _use_cache() -> bool:
    return _settings["use_cache"]


def _load(paths: list[Path] | None, *, strict: bool = True) -> Any:
    from factcheck.loading import load_corpus

    corpus = load_corpus(paths, strict=strict, use_cache=_use_cache())
    _notes(corpus.notes)
    return corpus


def _notes(notes: list[str]) -> None:
    """What the loader noticed (files skipped), dimmed on stderr."""
    if notes:
        from rich.text import Text

        from factcheck.render.text import plain

        err = _stderr()
        for note in notes:
            err.print(Text(f"note: {plain(note)}", style="dim"))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Parse every claim file and rebuild any search index instead of using the cache.",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Find where footnoted sources disagree, and check the claims and their citations.

    Exit codes: 0 done, 1 findings with --fail-on-conflict, 2 bad input or usage.
    """
    _settings["use_cache"] = not no_cache


@app.command()
@handles_errors
def conflicts(
    claims: ClaimsOption = None,
    subject: SubjectOption = None,
    property: PropertyOption = None,
    min_severity: MinSeverityOption = SeverityName.low,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also show pairs judged consistent, and why.")
    ] = False,
    fail_on_conflict: Annotated[
        bool,
        typer.Option("--fail-on-conflict", help="Exit 1 when any conflict is found (for scripts)."),
    ] = False,
    limit: Annotated[int | None, _limit_option("most severe conflicts", 20)] = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Find claims about the same subject and property that cannot all be true.

    A repeated run on unchanged files reads the conflicts from the cache.
    """
    from factcheck.output import write_output
    from factcheck.render import renderer
    from factcheck.results import Query, conflict_view

    module = renderer(format)
    query = Query(
        subject,
        property,
        min_severity.value,
        module.PER_SIDE,
        module.LIMIT if limit is None else (limit or None),
    )
    view = conflict_view(claims, query, explain=explain, use_cache=_use_cache())
    _notes(view.notes)
    write_output(module.conflicts(view, _style()), output, force=force)
    if fail_on_conflict and view.total:
        raise typer.Exit(EXIT_FINDINGS)


@app.command("claims")
@handles_errors
def list_claims(
    claims: ClaimsOption = None,
    subject: SubjectOption = None,
    property: PropertyOption = None,
    claimant: ClaimantOption = None,
    document: DocumentOption = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List claims, filtered by subject, property, claimant or document."""
    from factcheck.output import write_output
    from factcheck.query import check_filters, select_claims
    from factcheck.render import renderer

    corpus = _load(claims)
    check_filters(corpus, subject=subject, property=property, document=document)
    selected = select_claims(
        corpus, subject=subject, property=property, claimant=claimant, document=document
    )
    write_output(renderer(format).claims(corpus, selected, _style()), output, force=force)


@app.command()
@handles_errors
def show(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's id.")],
    claims: ClaimsOption = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show one claim with its footnotes, sources, and the claims it agrees or conflicts with."""
    from factcheck.conflicts import relations
    from factcheck.output import write_output
    from factcheck.query import require_claim
    from factcheck.render import renderer

    corpus = _load(claims)
    require_claim(corpus, claim_id)
    text = renderer(format).claim(corpus, relations(corpus, claim_id), _style())
    write_output(text, output, force=force)


@app.command()
@handles_errors
def check(
    claims: ClaimsOption = None,
    code: Annotated[
        list[str] | None,
        typer.Option("--code", help="Only findings with this code (repeatable), e.g. FC402."),
    ] = None,
    level: Annotated[
        LevelName,
        typer.Option("--level", case_sensitive=False, help="Only findings at least this serious."),
    ] = LevelName.note,
    explain: Annotated[
        str | None,
        typer.Option("--explain", metavar="CODE", help="Explain what a code means and exit."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any error is found (for CI).")
    ] = False,
    today: TodayOption = None,
    limit: Annotated[int | None, _limit_option("most serious findings", 50)] = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Check citations: broken, duplicate, misdated and weakly corroborated."""
    from datetime import date

    from factcheck.citations import Level
    from factcheck.citations import explain as explain_code
    from factcheck.output import write_output
    from factcheck.render import renderer
    from factcheck.results import findings

    if explain is not None:
        entry = explain_code(explain)
        typer.echo(
            f"{entry.code} ({entry.level}): {entry.title}\n\n{entry.why}\n\nTo fix: {entry.fix}"
        )
        return
    threshold = Level(level.value)
    found, notes = findings(
        claims,
        today=_parse_today(today) or date.today(),
        codes=code or (),
        min_level=threshold.value,
        use_cache=_use_cache(),
    )
    _notes(notes)
    module = renderer(format)
    shown = module.FINDINGS_LIMIT if limit is None else (limit or None)
    write_output(module.findings(found, _style(), shown), output, force=force)
    if strict and any(f.level is Level.error for f in found):
        raise typer.Exit(EXIT_FINDINGS)


def _parse_today(words: str | None) -> Any:
    from datetime import date

    from factcheck.errors import UsageError

    if words is None:
        return None
    try:
        return date.fromisoformat(words)
    except ValueError:
        raise UsageError(f"--today must be a date like 2026-11-21, not '{words}'") from None


@app.command()
@handles_errors
def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words to find: AND by default, OR, NOT or -word, "a phrase", prefix*.'
        ),
    ],
    claims: ClaimsOption = None,
    fields: Annotated[
        list[str] | None,
        typer.Option(
            "--in",
            help="Search only these fields (repeatable): text, claimant, "
            "subject, property, sources.",
        ),
    ] = None,
    exact: Annotated[
        bool,
        typer.Option(
            "--exact",
            help="Match words as written (case and accents aside): no typo, "
            "spelling, transliteration or alphabet forgiveness.",
        ),
    ] = False,
    subject: SubjectOption = None,
    property: PropertyOption = None,
    claimant: ClaimantOption = None,
    publisher: Annotated[
        str | None,
        typer.Option("--publisher", help="Only claims citing a publisher that contains this text."),
    ] = None,
    document: DocumentOption = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only claims whose time reaches this date or later."),
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only claims whose time starts by this date.")
    ] = None,
    stance: Annotated[
        StanceName | None,
        typer.Option("--stance", case_sensitive=False, help="Only claims of this stance."),
    ] = None,
    sort: Annotated[
        SortOrder,
        typer.Option(
            "--sort", case_sensitive=False, help="By relevance, or by date (newest first)."
        ),
    ] = SortOrder.relevance,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 20,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Find claims by keyword, forgiving typos, spelling variants and alphabets.

    A query that starts with - goes after --, options before it:
    factcheck search --limit 5 -- "-Putin partial mobilisation"
    """
    from factcheck.output import write_output
    from factcheck.render import renderer
    from factcheck.search import Filters
    from factcheck.search import search as run_search

    filters = Filters(
        subject=subject,
        property=property,
        claimant=claimant,
        publisher=publisher,
        document=document,
        stance=stance.value if stance else None,
        since=_bound(since, "--since", low=True),
        until=_bound(until, "--until", low=False),
    )
    err = _stderr()
    results = run_search(
        query,
        claims,
        fields=fields or (),
        filters=filters,
        exact=exact,
        sort=sort.value,
        limit=limit,
        use_cache=_use_cache(),
        on_build=lambda n: err.print(f"building the search index of {n} claim files…", style="dim"),
    )
    write_output(renderer(format).search(results, _style()), output, force=force)


def _bound(words: str | None, option: str, *, low: bool) -> float | None:
    from factcheck.errors import UsageError, ValueParseError
    from factcheck.values import Time, parse_time

    if words is None:
        return None
    try:
        when = parse_time(words, reference=True)
    except ValueParseError as exc:
        raise UsageError(f"{option}: {exc.problem.message}") from None
    if not isinstance(when, Time):
        raise UsageError(f"{option}: '{words}' is not a date")
    return when.low if low else when.high


@app.command()
@handles_errors
def export(
    claims: ClaimsOption = None,
    subject: SubjectOption = None,
    property: PropertyOption = None,
    min_severity: MinSeverityOption = SeverityName.low,
    today: TodayOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = (
        Format.markdown
    ),
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Write the whole report: conflicts, claims, citation findings, sources, footnotes."""
    from factcheck.conflicts import Severity
    from factcheck.output import write_output
    from factcheck.query import check_filters
    from factcheck.render import renderer
    from factcheck.report import build_report

    level = Severity[min_severity.value]
    corpus = _load(claims, strict=False)
    check_filters(corpus, subject=subject, property=property)
    full = build_report(
        corpus, subject=subject, property=property, min_severity=level, today=_parse_today(today)
    )
    write_output(renderer(format).report(full, _style()), output, force=force)


@app.command()
@handles_errors
def schema(
    report: Annotated[
        bool, typer.Option("--report", help="The schema of `export --format json` instead.")
    ] = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print the JSON Schema of claim files (for editors and validators), or of reports."""
    import json

    from factcheck.output import write_output

    if report:
        from factcheck.report_schema import report_schema

        schema = report_schema()
    else:
        from factcheck.model import claim_file_schema

        schema = claim_file_schema()
    write_output(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", output, force=force)


cache_app = typer.Typer(
    help="The cache of parsed claim files and search indexes.",
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
@handles_errors
def cache_clear() -> None:
    """Delete the cache folder: parsed claim files and search indexes (only speed is lost)."""
    from factcheck.cache import clear
    from factcheck.render.text import plain
    from factcheck.values import counted

    folder, count, failed = clear()
    typer.echo(f"removed {counted(count, 'cached file')} from {plain(str(folder))}")
    err = _stderr()
    for line in failed:
        err.print(f"note: could not remove {plain(line)}", style="dim", markup=False)


class _Bars:
    """Rich progress bars on stderr for steps that have run over a second, on a terminal
    only; they vanish when the command ends."""

    DELAY = 1.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.started: dict[str, float] = {}
        self.tasks: dict[str, Any] = {}
        self.bars: Any = None

    def __call__(self, step: str, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started.setdefault(step, now) < self.DELAY and step not in self.tasks:
            return
        if self.bars is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self.bars = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=_stderr(),
                transient=True,
            )
            self.bars.start()
        if step not in self.tasks:
            self.tasks[step] = self.bars.add_task(step, total=total)
        self.bars.update(self.tasks[step], completed=done, total=total)

    def close(self) -> None:
        if self.bars is not None:
            self.bars.stop()


def main() -> None:
    """Entry point of the `factcheck` console script."""
    from factcheck import progress

    bars = _Bars() if sys.stderr.isatty() else None
    progress.listen(bars)
    try:
        app()
    finally:
        progress.listen(None)
        if bars is not None:
            bars.close()
