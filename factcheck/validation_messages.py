"""Validation errors of a claim file in factcheck's words.

Built from pydantic's error types and context (documented and stable), not from its
message text (which changes between releases): what was expected, what was found, the
values a field takes, and the field's path (`claims[3].value`).
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from factcheck.errors import did_you_mean
from factcheck.model import ClaimFile
from factcheck.parsing import MAX_QUOTED


def field_path(loc: Iterable[int | str]) -> str:
    """`('claims', 3, 'value')` → `claims[3].value`."""
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


#: pydantic's error types (a stable, documented list) → what was expected, in our words.
_EXPECTED = {
    "list_type": "a list",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "yes or no (true or false)",
    "bool_parsing": "yes or no (true or false)",
    "model_type": "a record (fields and their values)",
    "dict_type": "a record (fields and their values)",
}


def _found(value: Any) -> str:
    """What was written instead, in a few words."""
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, str):
        return f"text {value[:MAX_QUOTED]!r}" if value else "empty text"
    kinds = {list: "a list", dict: "a record", int: "a number", float: "a number"}
    return kinds.get(type(value), "nothing" if value is None else "something else")


def _annotation_at(loc: Iterable[int | str]) -> Any:
    """The declared type of the field at `loc` in a claim file, or None if nothing is."""
    annotation: Any = ClaimFile
    for step in loc:
        annotation = _without_none(annotation)
        if isinstance(step, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            declared = annotation.model_fields.get(step)
            annotation = declared.annotation if declared else None
        else:
            return None
    return _without_none(annotation)


def _allowed_values(loc: Iterable[int | str]) -> list[str] | None:
    """The values a field takes when the claim format lists them (an enum or a literal)."""
    annotation = _annotation_at(loc)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(arg) for arg in typing.get_args(annotation)]
    return None


def _field_names(loc: tuple[int | str, ...]) -> list[str]:
    """The fields the record at `loc` may have."""
    annotation = _annotation_at(loc)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _without_none(annotation: Any) -> Any:
    """`X | None` → `X`; anything else as it is."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return annotation


def pydantic_message(err: Any) -> str:
    """A validation error in factcheck's words, built from pydantic's error type and context
    (documented and stable), not from its message text (which changes between releases)."""
    kind, value = err["type"], err.get("input")
    if kind == "extra_forbidden":
        loc = tuple(err["loc"])
        return "unknown field" + did_you_mean(str(loc[-1]), _field_names(loc[:-1]), whole=True)
    if kind == "missing":
        return "required field is missing"
    if kind == "string_type" and isinstance(value, bool):
        return "YAML reads yes/no/true/false/on/off as a yes-or-no; put the words in quotes"
    if kind in ("enum", "literal_error"):
        allowed = _allowed_values(err["loc"])
        if allowed is not None:
            listed = ", ".join(f"'{a}'" for a in allowed)
            hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
            return f"expected one of {listed}; found {_found(value)}{hint}"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}; found {_found(value)}"
    ctx = err.get("ctx") or {}
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long" and isinstance(value, str):
        return (
            f"text of {len(value):,} characters; a text is at most "
            f"{ctx.get('max_length', 0):,} (a quotation, not a document)"
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == r"^\S+$":
        return "must be one word, without spaces"
    bounds = {"greater_than_equal": "at least", "less_than_equal": "at most"}
    if kind in bounds and len(ctx) == 1:
        return f"must be {bounds[kind]} {next(iter(ctx.values()))}; found {_found(value)}"
    return str(err["msg"])  # a type the claim format does not produce today
