"""The shapes of the plain-data records kept in the store, checked whenever they are read back.

A kept record is validated as strictly as a claim file (every key known, none missing, every
value of its type, every word from its list) before any renderer sees it, so an entry edited
by someone else is a miss rather than markup, escapes or a crash. Checked by hand rather than
by pydantic: a repeated command must not pay pydantic's import. `tests/test_store.py` holds
these shapes to the JSON report's pydantic models (`report_schema.py`).
"""

from __future__ import annotations

from typing import Any

# A shape is: a type (str, int, ...); a tuple of allowed words; a list holding one shape (a
# list of such); a dict holding exact keys → shapes (a record); `{str: shape}` (a mapping);
# or `Optional(shape)`.


class Optional:
    """A value of `shape`, or null."""

    def __init__(self, shape: Any) -> None:
        self.shape = shape


def conforms(value: Any, shape: Any) -> bool:
    """Whether `value` has `shape`."""
    if isinstance(shape, Optional):
        return value is None or conforms(value, shape.shape)
    if isinstance(shape, tuple):
        return isinstance(value, str) and value in shape
    if isinstance(shape, list):
        return isinstance(value, list) and all(conforms(v, shape[0]) for v in value)
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return False
        if list(shape) == [str]:
            return all(isinstance(k, str) and conforms(v, shape[str]) for k, v in value.items())
        return value.keys() == shape.keys() and all(conforms(value[k], s) for k, s in shape.items())
    if shape is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if shape is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, shape)


SEVERITIES = ("high", "medium", "low")

SOURCE = {
    "id": str,
    "publisher": Optional(str),
    "author": Optional(str),
    "title": Optional(str),
    "date": Optional(str),
    "url": Optional(str),
    "kind": Optional(str),
    "accessed": Optional(str),
    "archive_url": Optional(str),
    "rating": Optional(str),
}

CLAIM = {
    "id": str,
    "text": str,
    "subject": str,
    "property": str,
    "value": str,
    "parsed": {str: object},
    "claimant": Optional(str),
    "stance": ("asserts", "reports", "denies"),
    "as_of": Optional(str),
    "stated": Optional(str),
    "scope": {str: str},
    "method": Optional(str),
    "rank": ("preferred", "normal", "deprecated"),
    "rank_reason": Optional(str),
    "draft": bool,
    "review": Optional(str),
    "document": str,
    "document_title": Optional(str),
    "cited_in": str,
    "footnotes": [str],
    "sources": [SOURCE],
    "independent_sources": int,
    "location": Optional(str),
}

#: A conflict as kept: its sides hold a summary and how many claims they have; the claims
#: themselves are kept one a row, so that a format showing a few per side reads a few.
CONFLICT = {
    "subject": str,
    "subject_name": str,
    "property": str,
    "property_name": str,
    "scope": {str: str},
    "kind": ("values", "denial", "growth", "narrower", "definition"),
    "severity": SEVERITIES,
    "distance": str,
    "reason": str,
    # Each side: its summary and the numbers of its claims in the entry's claims table.
    "sides": [{"summary": str, "claims": [int]}],
}
