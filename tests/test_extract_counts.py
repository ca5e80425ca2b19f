"""What a drafted count counts: numbers that are dates, years, links or fractions count
nothing; numbers in words are read whole; the counted noun is the head of its phrase."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.extract.draft import draft
from tests.extract_helpers import read_plain


def _counts(text: str) -> list[tuple[str, str, dict[str, Any]]]:
    content = draft(read_plain(text, "t.txt", "Test report", "2020"))
    return [
        (c["value"], c["property"], c.get("scope", {}))
        for c in content.get("claims", [])
        if c["property"].endswith(".count")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An abbreviated month with a dot, or before a year, makes the number a day.
        ("The report was published on 7 Sept. 2017 by the agency.", []),
        ("The notice was filed 11 Oct 2017 in court.", []),
        ("The court heard the case between 2 and 9 October.", []),
        # `Sep` before other words is no month: the number still counts.
        ("The lab ran 7 Sep assays on the samples.", [("7", "assays.count")]),
    ],
)
def test_a_number_before_a_month_is_a_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(v, p) for v, p, _ in _counts(text)] == expected


def test_digits_inside_a_link_count_nothing_but_a_number_beside_it_does() -> None:
    text = "See https://news.example.org/world-41286638 on 30 detained protesters."
    assert [(v, p) for v, p, _ in _counts(text)] == [("30", "detained.count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In early 1782 they voted to end the war.", []),
        ("A table from 1781 shows the harvest.", []),
        # Years, and a span of them; the count after them is kept.
        ("Between 2011 and 2015 five of the six sites suffered.", [("six", "sites.count")]),
        ("In 149 BCE the senate decided to raze the city.", []),
        # A count of a thousand and more written with its separator stays a count.
        ("The census found 1,782 people in the valley.", [("1,782", "people.count")]),
        # So does a number like a year that a qualifier marks as an amount.
        ("About 1500 soldiers crossed the river.", [("About 1500", "soldiers.count")]),
    ],
)
def test_years_are_times_not_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(v, p) for v, p, _ in _counts(text)] == expected


@pytest.mark.parametrize(
    ("text", "value", "prop"),
    [
        ("Officials said eight hundred mosques stood in the region.", "eight hundred", "mosques"),
        (
            "The group ran more than eighty-five camps in the north.",
            "more than eighty-five",
            "camps",
        ),
        (
            "Reports named over three hundred villages in the list.",
            "over three hundred",
            "villages",
        ),
        (
            "It displaced a hundred and fifty thousand families.",
            "a hundred and fifty thousand",
            "families",
        ),
        # A number word on its own is read as before.
        ("Fighters burned seven churches that night.", "seven", "churches"),
    ],
)
def test_numbers_in_words_are_read_whole(text: str, value: str, prop: str) -> None:
    assert [(v, p) for v, p, _ in _counts(text)] == [(value, f"{prop}.count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Card numbers of 209,000 U.S. consumers leaked.", [("209,000", "consumers.count")]),
        ("The order included two magnificent giant statues.", [("two", "statues.count")]),
        ("It was worse in 12 of Kenya’s districts.", [("12", "districts.count")]),
        ("Nearly two thirds of the staff stayed.", []),
        (
            "Data on under 400,000 up to 44 million residents leaked.",
            [
                ("under 400,000", "people.count"),
                ("up to 44 million", "people.count"),
            ],
        ),
        # A part of a counted whole counts what the whole counts.
        (
            "Three of the four suspects were named.",
            [("Three", "suspects.count"), ("four", "suspects.count")],
        ),
        ("Three of the suspects were named.", [("Three", "suspects.count")]),
        ("The fine is set in 10 of the Decree.", []),
        ("They besieged thousands of Yezidis on the mountain.", [("thousands", "yezidis.count")]),
        # An adjective with no plural noun after it stays the counted word.
        ("There were 12 French.", [("12", "french.count")]),
    ],
)
def test_the_counted_noun_is_the_head_of_its_phrase(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(v, p) for v, p, _ in _counts(text)] == expected


def test_people_of_a_nation_are_one_property_with_the_nation_as_scope() -> None:
    text = (
        "The breach hit 8,000 Canadian citizens. An additional 11,670 Canadians were affected. "
        "It reached 143 million Americans. Some 300 persons were named."
    )
    assert _counts(text) == [
        ("8,000", "people.count", {"nationality": "Canadian"}),
        ("11,670", "people.count", {"nationality": "Canadian"}),
        ("143 million", "people.count", {"nationality": "American"}),
        ("Some 300", "people.count", {}),
    ]
    # Roles are kept apart: a count of consumers or of victims is not one of all people.
    assert _counts("It exposed 5,000 victims.") == [("5,000", "victims.count", {})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For over two decades the site was closed.", []),
        ("Some walls are three centuries old.", []),
        # A count of things that last a time stays a count.
        ("Two sculptures from that decade were found.", [("Two", "sculptures.count")]),
    ],
)
def test_a_span_of_time_is_no_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(v, p) for v, p, _ in _counts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The banks signed a $5.4 billion currency-swap agreement.", []),
        ("They spent nearly $6.5 billion on 40 aircraft.", [("40", "aircraft.count")]),
        ("A fine of EUR 3 million was paid by 12 firms.", [("12", "firms.count")]),
    ],
)
def test_money_is_no_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(v, p) for v, p, _ in _counts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Numbers that name a part of a text or a numbered act count nothing.
        ("Figure 1 shows the 12 stations on the coast.", [("12", "stations.count")]),
        ("As Table 2 shows, 40 counties were warned.", [("40", "counties.count")]),
        ("Executive Order 11092 gave 3 agencies new duties.", [("3", "agencies.count")]),
        ("E.O. 13407 named 2 offices to run the system.", [("2", "offices.count")]),
        # The title of a legal code before its name: `47 U.S.C. 606`.
        ("Under 47 U.S.C. 606, the 5 commissioners may act.", [("5", "commissioners.count")]),
        ("The rule, 44 C.F.R. 206, covers 30 states.", [("30", "states.count")]),
        # A count of things called by a code's name stays a count when no code follows.
        ("Officials in 47 counties were told.", [("47", "counties.count")]),
    ],
)
def test_a_number_that_names_a_part_or_an_act_is_no_count(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(v, p) for v, p, _ in _counts(text)] == expected
