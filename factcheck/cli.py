"""The command line: each command parses options, calls one library function, renders.

Exit codes: 0 done; 1 findings the user asked to fail on (`conflicts --fail-on-conflict`,
`check --strict`); 2 bad input or usage.
Only Typer and Rich are imported at start-up; the rest loads inside the command that needs it.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand

from factcheck import __version__
from factcheck.cli_options import (
    AssessOption,
    ClaimantOption,
    ClaimsOption,
    DocumentOption,
    ForceOption,
    FormatOption,
    MinSeverityOption,
    NoDraftsOption,
    OutputOption,
    PropertyOption,
    ReliabilityOption,
    RetractedOption,
    SubjectOption,
    TodayOption,
    limit_option,
    parse_bound,
    parse_today,
)
from factcheck.cli_output import Bars, notes, stderr, style
from factcheck.errors import FactcheckError
from factcheck.options import ExportFormat, Format, LevelName, SeverityName, SortOrder, StanceName

if TYPE_CHECKING:
    from factcheck.workspace import Workspace

EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

app = typer.Typer(
    name="factcheck",
    help="Find where footnoted sources disagree, and check the claims and their citations.",
    no_args_is_help=False,
    # Typer's --install-completion and --show-completion, for bash, zsh, fish, PowerShell.
    add_completion=True,
    # Plain help: Typer's Rich help formatter imports a Markdown parser, doubling start-up.
    rich_markup_mode=None,
    epilog="Exit codes: 0 done; 1 conflicts found with --fail-on-conflict, or errors with check "
    "--strict; 2 bad input or usage. "
    "Claims: --claims PATH, else $FACTCHECK_CLAIMS, else the bundled data set.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


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

            from factcheck.piped import named
            from factcheck.render.text import plain

            err = stderr()
            for problem in exc.problems:
                err.print(Text(f"error: {plain(named(str(problem)))}", style="red"))
            if len(exc.problems) > 1:
                err.print(
                    Text(f"{len(exc.problems)} problems; nothing was written.", style="bold red")
                )
            raise typer.Exit(EXIT_BAD_INPUT) from None
        finally:
            notes(kept.notes)

    return wrapper  # type: ignore[return-value]


# Set by the top-level options on every run (`--no-cache`), read by the commands.
_settings = {"use_cache": True}


def _use_cache() -> bool:
    return _settings["use_cache"]


def _workspace(paths: list[Path] | None, *, drafts: bool = True) -> Workspace:
    from factcheck import piped
    from factcheck.workspace import Workspace

    # What comes through a pipe is read afresh each time: nothing of it is kept.
    keep = _use_cache() and not any(piped.is_piped(p) for p in paths or ())
    return Workspace(piped.materialise(paths) if paths else None, use_cache=keep, drafts=drafts)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
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
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Find where footnoted sources disagree, and check the claims and their citations.

    Exit codes: 0 done, 1 findings with --fail-on-conflict, 2 bad input or usage.
    """
    _settings["use_cache"] = not no_cache
    if ctx.invoked_subcommand is None:  # bare `factcheck`: what it can do
        typer.echo(ctx.get_help())
        raise typer.Exit()


@app.command()
@handles_errors
def conflicts(
    claims: ClaimsOption = None,
    no_drafts: NoDraftsOption = False,
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
    limit: Annotated[int | None, limit_option("most severe conflicts", 20)] = None,
    assess: AssessOption = False,
    reliability: ReliabilityOption = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Find claims about the same subject and property that cannot all be true.

    A repeated run on unchanged files reads the conflicts from the cache (not with
    --explain or --assess).
    """
    from factcheck.output import write_output
    from factcheck.render import renderer

    module = renderer(format)
    ws = _workspace(claims, drafts=not no_drafts)
    view = ws.conflicts(
        subject=subject,
        property=property,
        min_severity=min_severity,
        per_side=module.PER_SIDE,
        limit=module.LIMIT if limit is None else (limit or None),
        explain=explain,
        assess=assess,
        reliability=reliability,
    )
    notes(ws.notes)
    write_output(module.conflicts(view, style()), output, force=force)
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
    limit: Annotated[
        int, typer.Option("--limit", min=0, metavar="N", help="Show the first N; 0 shows all.")
    ] = 0,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List claims, filtered by subject, property, claimant or document."""
    from factcheck.output import write_output
    from factcheck.render import renderer

    ws = _workspace(claims)
    found = ws.claims(subject=subject, property=property, claimant=claimant, document=document)
    found = found[:limit] if limit else found
    notes(ws.notes)
    write_output(renderer(format).claims(found, style()), output, force=force)


@app.command()
@handles_errors
def show(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's id.")],
    claims: ClaimsOption = None,
    reliability: ReliabilityOption = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show one claim with its footnotes, sources, and the claims it agrees or conflicts with."""
    from factcheck.output import write_output
    from factcheck.render import renderer

    ws = _workspace(claims)
    detail = ws.claim(claim_id, reliability=reliability)
    notes(ws.notes)
    write_output(renderer(format).claim(detail, style()), output, force=force)


@app.command()
@handles_errors
def check(
    claims: ClaimsOption = None,
    no_drafts: NoDraftsOption = False,
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
    retracted: RetractedOption = None,
    reliability: ReliabilityOption = None,
    limit: Annotated[int | None, limit_option("most serious findings", 50)] = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Check citations: broken, duplicate, misdated and weakly corroborated."""
    from factcheck.checks import Level
    from factcheck.checks import explain as explain_code
    from factcheck.output import write_output
    from factcheck.render import renderer

    if explain is not None:
        entry = explain_code(explain)
        typer.echo(
            f"{entry.code} ({entry.level}): {entry.title}\n\n{entry.why}\n\nTo fix: {entry.fix}"
        )
        return
    ws = _workspace(claims, drafts=not no_drafts)
    found = ws.check(
        today=parse_today(today),
        codes=code or (),
        min_level=level,
        retracted=retracted,
        reliability=reliability,
    )
    notes(ws.notes)
    module = renderer(format)
    shown = module.FINDINGS_LIMIT if limit is None else (limit or None)
    write_output(module.findings(found, style(), shown), output, force=force)
    if strict and any(f.level is Level.error for f in found):
        raise typer.Exit(EXIT_FINDINGS)


class _QueryCommand(TyperCommand):
    """A command whose argument is a query: a query word that starts with `-` is read as an
    option, so the error says how to write it."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        given = list(args)  # the parser takes words off the list it is given
        try:
            return super().parse_args(ctx, args)
        except Exception as exc:
            # Click's NoSuchOption (Typer carries its own copy of Click in newer releases).
            name = getattr(exc, "option_name", None)
            if type(exc).__name__ == "NoSuchOption" and isinstance(name, str):
                written = next((a for a in given if a.startswith(name)), name)
                if not written.startswith("--"):
                    exc.message += (  # type: ignore[attr-defined]
                        f"; a query word that starts with '-' goes inside the query's quotes, "
                        f"after --: factcheck {ctx.info_name} -- '{written}'"
                    )
            raise


@app.command(cls=_QueryCommand)
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
            help="Match words as written (case and accents aside): no typo, word "
            "form, spelling, transliteration or alphabet forgiveness.",
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
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=0, metavar="N", help="At most N claims; 0 shows all."),
    ] = 20,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Find claims by keyword, forgiving typos, word forms, spelling variants and alphabets.

    Claims on the same topics as the matches follow them, marked "via topic", when the
    limit leaves room. A query that starts with - goes after --, options before it:
    factcheck search --limit 5 -- "-Putin partial mobilisation"
    """
    from factcheck.output import write_output
    from factcheck.render import renderer
    from factcheck.search import Filters

    filters = Filters(
        subject=subject,
        property=property,
        claimant=claimant,
        publisher=publisher,
        document=document,
        stance=stance.value if stance else None,
        since=parse_bound(since, "--since", low=True),
        until=parse_bound(until, "--until", low=False),
    )
    from factcheck.values import counted

    err = stderr()
    results = _workspace(claims).search(
        query,
        fields=fields or (),
        filters=filters,
        exact=exact,
        sort=sort,
        limit=limit or None,
        on_build=lambda n: err.print(
            f"building the search index of {counted(n, 'claim file')}…", style="dim"
        ),
    )
    write_output(renderer(format).search(results, style()), output, force=force)


@app.command()
@handles_errors
def export(
    claims: ClaimsOption = None,
    no_drafts: NoDraftsOption = False,
    subject: SubjectOption = None,
    property: PropertyOption = None,
    min_severity: MinSeverityOption = SeverityName.low,
    today: TodayOption = None,
    retracted: RetractedOption = None,
    reliability: ReliabilityOption = None,
    assess: AssessOption = False,
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: the report, or for other tools csl-json (the sources), "
            "web-annotation, claimreview, wikidata or quickstatements (the claims); see "
            "docs/exchange.md.",
        ),
    ] = ExportFormat.markdown,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Write the whole report: conflicts, claims, citation findings, sources, footnotes;
    or the sources and claims in a format other tools read."""
    from factcheck.output import write_output
    from factcheck.render import renderer

    ws = _workspace(claims, drafts=not no_drafts)
    report_format = format.report_format
    if report_format is None:
        _refuse_report_options(
            today=today, retracted=retracted, reliability=reliability, assess=assess or None
        )
        made = ws.exchange(format, subject=subject, property=property, min_severity=min_severity)
        notes([*ws.notes, *made.notes])
        write_output(made.text, output, force=force)
        return
    report = ws.report(
        subject=subject,
        property=property,
        min_severity=min_severity,
        today=parse_today(today),
        retracted=retracted,
        reliability=reliability,
        assess=assess,
    )
    notes(ws.notes)
    write_output(renderer(report_format).report(report, style()), output, force=force)


def _refuse_report_options(**given: object) -> None:
    """Options that shape only the report's citation findings, refused with an exchange
    format rather than ignored."""
    from factcheck.errors import UsageError

    named = [f"--{name}" for name, value in given.items() if value is not None]
    if named:
        raise UsageError(f"{', '.join(named)} applies only to the report formats")


class DraftFormat(StrEnum):
    yaml = "yaml"
    json = "json"


@app.command()
@handles_errors
def extract(
    documents: Annotated[
        list[str],
        typer.Argument(
            metavar="DOCUMENT...",
            help="Footnoted documents (plain text, Markdown, HTML, wikitext, PDF, Word .docx; "
            "PDF and Word need: pip install 'factcheck[documents]'); - reads stdin.",
        ),
    ],
    vocabulary: Annotated[
        list[Path] | None,
        typer.Option(
            "--vocabulary",
            metavar="PATH",
            help="A claim base whose subjects and properties the drafts reuse when they match.",
        ),
    ] = None,
    format: Annotated[
        DraftFormat, typer.Option("--format", "-f", help="Write the claim file as YAML or JSON.")
    ] = DraftFormat.yaml,
    output: OutputOption = None,
    force: ForceOption = False,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Draft again over the --output file: claims already reviewed (no "
            "draft: true) are kept as edited, matched by their quoted words.",
        ),
    ] = False,
) -> None:
    """Draft a claim file from footnoted documents, for a researcher to review.

    Every sentence that states a number, a date or a status (in force, banned, required,
    cannot leave) becomes a claim marked `draft: true`, with a `review` note saying what was
    guessed.
    """
    from factcheck.errors import UsageError
    from factcheck.extract import claim_file
    from factcheck.output import write_output
    from factcheck.values import counted

    if update and (output is None or output == "-"):
        raise UsageError("--update drafts again over a file: give it with --output FILE")
    known = None
    if vocabulary:
        # Loading claims needs the models (a third of a second of imports): only then.
        from factcheck.loading import load_corpus

        known = load_corpus(vocabulary, use_cache=_use_cache())
    docs = claim_file.read_inputs(documents)
    content = claim_file.draft_file(docs, known)
    if update and output is not None and Path(output).exists():
        earlier = claim_file.read_earlier(Path(output))
        updated = claim_file.update(earlier, content, docs)
        content, force = updated.content, True
        kept = f"kept {counted(updated.kept, 'reviewed claim')}"
        gone = f" ({updated.gone} quoting words no longer in the documents)" if updated.gone else ""
        stderr().print(kept + gone)
    drafted = sum(1 for c in content.get("claims", []) if c.get("draft"))
    stderr().print(f"{counted(drafted, 'draft claim')} to review")
    write_output(claim_file.dump(content, format.value), output, force=force)


@app.command("import")
@handles_errors
def import_(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Bibliographies: CSL-JSON (.json), BibTeX (.bib), RIS (.ris); - reads stdin.",
        ),
    ],
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            metavar="CLAIMFILE",
            help="Add the sources to this claim file (created if missing), keeping all it "
            "holds; written in place unless --output is given.",
        ),
    ] = None,
    format: Annotated[
        DraftFormat | None,
        typer.Option("--format", "-f", help="Write a new claim file as YAML or JSON."),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Import sources from a reference manager (Zotero, Better BibTeX, pandoc, databases)
    as a claim file's `sources`, ids kept from the citation keys.

    A record that is a source already there (same DOI, link, or title and date) is not
    added again; a record that cannot be mapped is named with its file and line.
    """
    from factcheck.bibliography import import_sources
    from factcheck.errors import UsageError
    from factcheck.output import write_output
    from factcheck.render.text import plain
    from factcheck.values import counted

    if into is not None and format is not None:
        raise UsageError("--into keeps the claim file's own format; leave out --format")
    done = import_sources(files, into=into, fmt=(format or DraftFormat.yaml).value)
    err = stderr()
    for message in done.skipped:
        err.print(f"warning: {plain(message)}", style="yellow", markup=False)
    notes([*done.notes, *done.merged])
    already = f"; {len(done.merged)} already there" if done.merged else ""
    err.print(f"imported {counted(len(done.added), 'source')}{already}", markup=False)
    if into is not None and output is None:
        output, force = str(into), True
    write_output(done.text, output, force=force)


class SchemaOf(StrEnum):
    conflicts = "conflicts"
    claims = "claims"
    show = "show"
    check = "check"
    search = "search"
    export = "export"


@app.command()
@handles_errors
def schema(
    command: Annotated[
        SchemaOf | None,
        typer.Option(
            "--command", help="The schema of this command's `--format json` output instead."
        ),
    ] = None,
    report: Annotated[
        bool, typer.Option("--report", help="The schema of `export --format json` instead.")
    ] = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print the JSON Schema of claim files (for editors and validators), or of a command's
    JSON output."""
    import json

    from factcheck.errors import UsageError
    from factcheck.output import write_output

    if report and command is not None:
        raise UsageError("give --report or --command, not both")
    if report or command is not None:
        from factcheck.report_schema import output_schema

        schema = output_schema(command.value if command is not None else "export")
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
    err = stderr()
    for line in failed:
        err.print(f"note: could not remove {plain(line)}", style="dim", markup=False)


def main() -> None:
    """Entry point of the `factcheck` console script."""
    from factcheck import progress

    bars = Bars() if sys.stderr.isatty() else None
    progress.listen(bars)
    try:
        app()
    finally:
        progress.listen(None)
        if bars is not None:
            bars.close()
