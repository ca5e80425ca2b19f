"""Output formats, defined once: one renderer module per `Format` value.

Each module offers the same three functions, `conflicts`, `claims` and `claim`, each
returning the text to write. The CLI picks the module with `renderer(fmt)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType


class Format(StrEnum):
    """Every output format a data-emitting command offers."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"


@dataclass(frozen=True)
class Style:
    """How terminal output looks: colour only on a terminal without NO_COLOR."""

    color: bool = False
    width: int = 100


def renderer(fmt: Format) -> ModuleType:
    """The module that renders `fmt`."""
    from importlib import import_module

    return import_module(f"factcheck.render.{fmt.value}_format")
