"""The options the commands share, declared once; and the reading of option values that are
dates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from factcheck.options import Format, SeverityName

ClaimsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--claims",
        "-c",
        help="Claim files or folders (repeatable); - reads one claim file (YAML or JSON) "
        "from standard input. Default: $FACTCHECK_CLAIMS, else the bundled data set.",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[
    # Kept as written: a trailing slash says a folder was meant.
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file (atomically) instead of stdout; '-' is stdout.",
        show_default=False,
    ),
]
NoDraftsOption = Annotated[
    bool,
    typer.Option(
        "--no-drafts", help="Leave out claims drafted by extract that nobody has reviewed yet."
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


def limit_option(what: str, in_a_table: int) -> Any:
    return typer.Option(
        "--limit",
        min=0,
        metavar="N",
        help=f"Show the N {what}; 0 shows all. "
        f"Default: {in_a_table} in a table, all in other formats.",
    )


RetractedOption = Annotated[
    Path | None,
    typer.Option(
        "--retracted",
        metavar="FILE",
        help="A CSV list of retracted or withdrawn works (a DOI, URL or title column; the "
        "Retraction Watch data reads as it is): flag the sources on it and the claims resting "
        "on them.",
        show_default=False,
    ),
]
ReliabilityOption = Annotated[
    Path | None,
    typer.Option(
        "--reliability",
        metavar="FILE",
        help="A CSV list of publishers with a rating (publisher and/or domains, rating: "
        "generally reliable, no consensus, generally unreliable, deprecated).",
        show_default=False,
    ),
]
AssessOption = Annotated[
    bool,
    typer.Option(
        "--assess",
        help="Say which side of each conflict the evidence favours, and why: independent "
        "sources (weighed by --reliability), documents, recency, closeness to the event, "
        "parties to the matter, denials. An assessment, not a verdict: every conflict "
        "stays reported.",
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        help="The date citation checks judge future dates against (default: today).",
    ),
]


def parse_today(words: str | None) -> Any:
    from datetime import date

    from factcheck.errors import UsageError

    if words is None:
        return None
    try:
        return date.fromisoformat(words)
    except ValueError:
        raise UsageError(f"--today must be a date like 2026-11-21, not '{words}'") from None


def parse_bound(words: str | None, option: str, *, low: bool) -> float | None:
    from factcheck.errors import UsageError, ValueParseError
    from factcheck.times import parse_time
    from factcheck.values import Time

    if words is None:
        return None
    try:
        when = parse_time(words, reference=True)
    except ValueParseError as exc:
        raise UsageError(f"{option}: {exc.problem.message}") from None
    if not isinstance(when, Time):
        raise UsageError(f"{option}: '{words}' is not a date")
    return when.low if low else when.high
