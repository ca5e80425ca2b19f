"""Output formats, defined once: one renderer per `Format` value, behind one typed interface.

`renderer(fmt)` picks the renderer with an exhaustive match, so mypy checks that every
format has one and that each offers every function of `Renderer` with its exact signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, assert_never

from factcheck.options import Format

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from factcheck.checks import Finding
    from factcheck.records import ClaimDetail, ConflictView, ReportRecord
    from factcheck.search import Results

__all__ = ["Format", "Renderer", "Style", "renderer"]


@dataclass(frozen=True)
class Style:
    """How terminal output looks: colour only on a terminal without NO_COLOR."""

    color: bool = False
    width: int = 100


class Renderer(Protocol):
    """What every output format offers: each function returns the text to write, and
    `report` yields it in pieces as they are made (a report may hold a million claims)."""

    #: Claims shown per side of a conflict (None: all of them).
    PER_SIDE: int | None
    #: Conflicts shown when the user gives no --limit (None: all).
    LIMIT: int | None
    #: Citation findings shown when the user gives no --limit (None: all).
    FINDINGS_LIMIT: int | None

    def conflicts(self, view: ConflictView, style: Style) -> str: ...

    def claims(self, claims: list[dict[str, Any]], style: Style) -> str: ...

    def claim(self, detail: ClaimDetail, style: Style) -> str: ...

    def findings(self, found: list[Finding], style: Style, limit: int | None = None) -> str: ...

    def search(self, results: Results, style: Style) -> str: ...

    def report(self, report: ReportRecord, style: Style) -> Iterator[str]: ...


def renderer(fmt: Format) -> Renderer:
    """The renderer of `fmt`."""
    match fmt:
        case Format.table:
            from factcheck.render import table_format

            return table_format
        case Format.json:
            from factcheck.render import json_format

            return json_format
        case Format.markdown:
            from factcheck.render import markdown_format

            return markdown_format
        case Format.csv:
            from factcheck.render import csv_format

            return csv_format
        case Format.html:
            from factcheck.render import html_format

            return html_format
        case _:
            assert_never(fmt)
