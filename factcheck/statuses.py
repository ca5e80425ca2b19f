"""Reading a categorical value: one of the categories a property declares, or a synonym."""

from __future__ import annotations

from factcheck.errors import ValueParseError
from factcheck.values import Status, normalise


def parse_status(text: str, categories: dict[str, list[str]]) -> Status:
    """Read a categorical value: one of the property's categories or one of its synonyms."""
    written = str(text)
    s = normalise(written)
    for name, synonyms in categories.items():
        if s == normalise(name) or s in {normalise(x) for x in synonyms}:
            return Status(written, name)
    known = ", ".join(categories) or "(the property declares none)"
    raise ValueParseError(f"'{written}' is not one of this property's statuses: {known}")
