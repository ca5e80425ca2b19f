"""The choices commands offer, declared once as enums (Typer shows and checks them).

Imports nothing heavy: the CLI reads this module at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """Every output format a data-emitting command offers."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"


class ExportFormat(StrEnum):
    """What `factcheck export` writes: the report in every `Format`, or the data in a format
    other tools read (`factcheck.exchange`)."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"
    csl_json = "csl-json"
    web_annotation = "web-annotation"
    claimreview = "claimreview"
    wikidata = "wikidata"
    quickstatements = "quickstatements"

    @property
    def report_format(self) -> Format | None:
        """The report format of this name, or None for an exchange format."""
        return next((f for f in Format if f.value == self.value), None)


class SeverityName(StrEnum):
    """How severe a conflict is, most severe first; `rank` orders them (high = 3)."""

    high = "high"
    medium = "medium"
    low = "low"

    @property
    def rank(self) -> int:
        return {"low": 1, "medium": 2, "high": 3}[self.value]


class LevelName(StrEnum):
    """How serious a citation finding is."""

    note = "note"
    warning = "warning"
    error = "error"


class StanceName(StrEnum):
    """How a claimant stands to a claim."""

    asserts = "asserts"
    reports = "reports"
    denies = "denies"


class SortOrder(StrEnum):
    """How search hits are ordered."""

    relevance = "relevance"
    date = "date"


#: Severity names, most severe first: the order every summary counts them in.
SEVERITIES = tuple(s.value for s in SeverityName)
