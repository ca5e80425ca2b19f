"""The status reader: a property's categories and their synonyms, and what it refuses."""

from __future__ import annotations

import pytest

from factcheck.errors import ValueParseError
from factcheck.statuses import parse_status
from factcheck.values import Status
from tests.values_helpers import NBSP

# --------------------------------------------------------------------------- statuses

STATUSES = {"ended": ["completed", "over"], "in-force": ["still in force", "ongoing"]}


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("ended", "ended"),
        ("Ended", "ended"),
        ("ENDED", "ended"),
        ("completed", "ended"),
        (" over ", "ended"),
        ("in-force", "in-force"),
        ("In-Force", "in-force"),
        ("still in force", "in-force"),
        (f"Still{NBSP}in force", "in-force"),
        ("ongoing", "in-force"),
    ],
)
def test_statuses_and_their_synonyms(written: str, value: str) -> None:
    assert parse_status(written, STATUSES) == Status(written, value)


def test_undeclared_status_lists_the_known_ones() -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_status("paused", STATUSES)
    assert "'paused' is not one of this property's statuses: ended, in-force" in str(caught.value)


def test_status_on_a_property_without_statuses() -> None:
    with pytest.raises(ValueParseError, match="the property declares none"):
        parse_status("ended", {})
