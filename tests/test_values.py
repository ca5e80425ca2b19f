"""The value parser: every form it reads pinned to its exact interval, and what it refuses."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import FactcheckError, ValueParseError
from factcheck.values import (
    INF,
    NoValue,
    Status,
    Time,
    parse_quantity,
    parse_status,
    parse_time,
)

THIN = "\u2009"  # thin space, as the EUAA report writes `300 000`
NARROW = "\u202f"  # narrow no-break space, as French typography and many CMSs write it
NBSP = "\u00a0"
EN_DASH = "\u2013"


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("300 000", 300_000),
        (f"300{THIN}000", 300_000),
        (f"300{NARROW}000", 300_000),
        (f"300{NBSP}000", 300_000),
        (f"1{THIN}000{THIN}000", 1_000_000),
        ("1 000 000", 1_000_000),
        ("261,000", 261_000),
        ("5,937", 5_937),
        ("1,234,567", 1_234_567),
        ("1.000.000", 1_000_000),
        ("5937", 5_937),
        ("1.2", 1.2),
        ("1,5", 1.5),
        (f"1{THIN}000,5", 1_000.5),
        ("1.2 million", 1_200_000),
        ("1.25 million", 1_250_000),
        ("0.5 million", 500_000),
        ("1,5 million", 1_500_000),
        ("one million", 1_000_000),
        ("twenty-five thousand", 25_000),
        ("nine hundred thousand", 900_000),
        ("thirty-five", 35),
        ("a hundred", 100),
        ("ten thousand", 10_000),
        ("5 million 300 thousand", 5_300_000),
        ("zero", 0),
    ],
)
def test_exact_numbers_are_one_point(written: str, number: float) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high, q.point) == (number, number, number)
    assert q.qualifier == "exact"
    assert q.percent is False
    assert q.written == written


def test_yaml_numbers_are_read_as_their_text() -> None:
    assert parse_quantity(261000).low == 261_000
    assert parse_quantity(1.5).low == 1.5


@pytest.mark.parametrize(
    ("written", "number"),
    [
        # A leading zero group is never thousands grouping: 0.125 is an eighth, not 125.
        ("0.125", 0.125),
        # Before a scale word a point is a decimal point: 1.234 million is 1 234 000, not
        # 1 234 000 000.
        ("1.234 million", 1_234_000),
    ],
)
def test_decimal_point_before_three_digits(written: str, number: float) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high) == (pytest.approx(number), pytest.approx(number))


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("tens of thousands", 20_000, 99_999),
        ("Tens of thousands", 20_000, 99_999),
        ("hundreds of thousands", 200_000, 999_999),
        ("thousands", 2_000, 9_999),
        ("several hundred thousand", 300_000, 999_999),
        ("millions", 2_000_000, 9_999_999),
    ],
)
def test_vague_amounts_are_orders_of_magnitude(written: str, low: float, high: float) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high, q.point, q.qualifier) == (low, high, None, "vague")


@pytest.mark.parametrize(
    ("written", "low", "high", "point", "qualifier"),
    [
        ("around 900 000", 810_000, 990_000, 900_000, "around"),
        (f"around 900{THIN}000", 810_000, 990_000, 900_000, "around"),
        ("Around 900 000", 810_000, 990_000, 900_000, "around"),
        ("about 900 000", 810_000, 990_000, 900_000, "around"),
        ("approximately 900,000", 810_000, 990_000, 900_000, "around"),
        ("some 300", 270, 330, 300, "around"),
        ("approx. 300", 270, 330, 300, "around"),
        ("c. 300", 270, 330, 300, "around"),
        ("more than 200,000", 200_000, INF, 200_000, "at least"),
        ("more than 1.2 million", 1_200_000, INF, 1_200_000, "at least"),
        ("at least 6,476", 6_476, INF, 6_476, "at least"),
        ("over 100", 100, INF, 100, "at least"),
        ("10,000+", 10_000, INF, 10_000, "at least"),
        ("10,000 +", 10_000, INF, 10_000, "at least"),
        ("1.2 million+", 1_200_000, INF, 1_200_000, "at least"),
        ("up to one million", 0, 1_000_000, 1_000_000, "at most"),
        ("up to 300 000", 0, 300_000, 300_000, "at most"),
        ("fewer than 5", 0, 5, 5, "at most"),
        ("nearly 1,000", 900, 1_000, 1_000, "nearly"),
        ("almost 1,000", 900, 1_000, 1_000, "nearly"),
    ],
)
def test_qualifiers(written: str, low: float, high: float, point: float, qualifier: str) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert (q.point, q.qualifier) == (point, qualifier)


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        (f"350{THIN}000{THIN}{EN_DASH}{THIN}400{THIN}000", 350_000, 400_000),
        (f"350 000 {EN_DASH} 400 000", 350_000, 400_000),
        (f"350{NARROW}000{EN_DASH}400{NARROW}000", 350_000, 400_000),
        ("350 000 \u2014 400 000", 350_000, 400_000),
        ("350 000 \u2212 400 000", 350_000, 400_000),
        ("500 000 to 1 000 000", 500_000, 1_000_000),
        ("40,000 to 50,000", 40_000, 50_000),
        ("between 40,000 and 50,000", 40_000, 50_000),
        ("from 40,000 to 50,000", 40_000, 50_000),
        ("between 1.2 and 1.5 million", 1_200_000, 1_500_000),
        (f"1.2{EN_DASH}1.5 million", 1_200_000, 1_500_000),
        ("2 to 3 million", 2_000_000, 3_000_000),
        (f"300{EN_DASH}400 thousand", 300_000, 400_000),
        # `around` before a range widens both ends by the usual ±10 %.
        ("about 350 000 – 400 000", 315_000, 440_000),
    ],
)
def test_ranges(written: str, low: float, high: float) -> None:
    q = parse_quantity(written)
    assert (round(q.low), round(q.high), q.point, q.qualifier) == (low, high, None, "range")


@pytest.mark.parametrize(
    ("written", "low", "high", "percent"),
    [
        # Keyboards type ranges with a hyphen-minus; only the en dash is read today.
        ("350,000-400,000", 350_000, 400_000, False),
        ("350 000 - 400 000", 350_000, 400_000, False),
        ("40-60%", 40, 60, True),
    ],
)
def test_ranges_typed_with_a_hyphen(written: str, low: float, high: float, percent: bool) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high, q.qualifier, q.percent) == (low, high, "range", percent)


@pytest.mark.parametrize(
    ("written", "low", "high", "point", "qualifier"),
    [
        ("47%", 47, 47, 47, "exact"),
        ("47 %", 47, 47, 47, "exact"),
        ("47.5%", 47.5, 47.5, 47.5, "exact"),
        ("12.2 per cent", 12.2, 12.2, 12.2, "exact"),
        ("12.2 percent", 12.2, 12.2, 12.2, "exact"),
        (f"40{EN_DASH}60%", 40, 60, None, "range"),
        ("40 – 60 per cent", 40, 60, None, "range"),
        ("about 40%", 36, 44, 40, "around"),
        ("nearly 40%", 36, 40, 40, "nearly"),
        ("up to 40%", 0, 40, 40, "at most"),
        # An open-ended share stops at the whole.
        ("more than 40%", 40, 100, 40, "at least"),
        ("150%", 150, 150, 150, "exact"),
    ],
)
def test_percentages(
    written: str, low: float, high: float, point: float | None, qualifier: str
) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert (q.point, q.qualifier, q.percent) == (point, qualifier, True)


def test_open_ended_percentage_above_the_whole_keeps_its_lower_bound() -> None:
    # Growth rates exceed 100 %: capping the upper bound at 100 inverts the interval.
    q = parse_quantity("more than 150%")
    assert q.low == 150
    assert q.low <= q.high


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("about nine hundred thousand-ish", "is not a number factcheck can read"),
        ("nine hundred thousand-ish", "is not a number factcheck can read"),
        ("lots", "is not a number factcheck can read"),
        ("million", "is not a number factcheck can read"),
        ("400 000 – 350 000", "inverted range '400 000 – 350 000'"),
        (f"400{THIN}000{THIN}{EN_DASH}{THIN}350{THIN}000", "400,000 is above 350,000"),
        ("400 000 – 350 000", "write the lower bound first"),
        ("", "empty value"),
        ("   ", "empty value"),
        (THIN, "empty value"),
        ("around 10+", "has two qualifiers"),
        ("up to 350 000 – 400 000", "a range cannot also be 'at most'"),
        ("about tens of thousands", "a qualifier before a vague amount is not read"),
        ("1 – 2 – 3", "has more than two ends"),
        ("between lots and more", "is not a number or a range of numbers"),
    ],
)
def test_quantity_refusals(written: str, message: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_quantity(written)
    assert message in str(caught.value)


def test_refusals_are_factcheck_errors_without_a_location() -> None:
    with pytest.raises(FactcheckError) as caught:
        parse_quantity("lots")
    assert caught.value.problem.file is None
    assert caught.value.problem.message.startswith("'lots' is not a number")


# --------------------------------------------------------------------------- times


def span(start: date, end: date, precision: str) -> tuple[date, date, str]:
    return start, end, precision


@pytest.mark.parametrize(
    ("written", "year", "expected"),
    [
        ("21 September 2022", None, span(date(2022, 9, 21), date(2022, 9, 21), "day")),
        ("21st September 2022", None, span(date(2022, 9, 21), date(2022, 9, 21), "day")),
        ("2022-09-21", None, span(date(2022, 9, 21), date(2022, 9, 21), "day")),
        ("21.09.2022", None, span(date(2022, 9, 21), date(2022, 9, 21), "day")),
        ("October 28, 2022", None, span(date(2022, 10, 28), date(2022, 10, 28), "day")),
        ("28 October", 2022, span(date(2022, 10, 28), date(2022, 10, 28), "day")),
        ("On 28 October", 2022, span(date(2022, 10, 28), date(2022, 10, 28), "day")),
        ("28 October 2022", 2020, span(date(2022, 10, 28), date(2022, 10, 28), "day")),
        ("29 February 2024", None, span(date(2024, 2, 29), date(2024, 2, 29), "day")),
        ("September 2022", None, span(date(2022, 9, 1), date(2022, 9, 30), "month")),
        ("Sept 2022", None, span(date(2022, 9, 1), date(2022, 9, 30), "month")),
        ("2022-02", None, span(date(2022, 2, 1), date(2022, 2, 28), "month")),
        ("as of September 2025", None, span(date(2025, 9, 1), date(2025, 9, 30), "month")),
        ("2022", None, span(date(2022, 1, 1), date(2022, 12, 31), "year")),
        ("mid-June 2025", None, span(date(2025, 6, 11), date(2025, 6, 20), "part of month")),
        ("early October 2022", None, span(date(2022, 10, 1), date(2022, 10, 10), "part of month")),
        (
            "late December 2022",
            None,
            span(date(2022, 12, 21), date(2022, 12, 31), "part of month"),
        ),
        (
            "late February 2023",
            None,
            span(date(2023, 2, 21), date(2023, 2, 28), "part of month"),
        ),
        (
            "the end of October 2025",
            None,
            span(date(2025, 10, 21), date(2025, 10, 31), "part of month"),
        ),
        (
            "as of the end of October 2025",
            None,
            span(date(2025, 10, 21), date(2025, 10, 31), "part of month"),
        ),
        ("early 2023", None, span(date(2023, 1, 1), date(2023, 4, 30), "part of year")),
        ("mid 2022", None, span(date(2022, 5, 1), date(2022, 8, 31), "part of year")),
        ("late 2022", None, span(date(2022, 9, 1), date(2022, 12, 31), "part of year")),
        (
            "the first half of 2023",
            None,
            span(date(2023, 1, 1), date(2023, 6, 30), "part of year"),
        ),
        (
            f"21{EN_DASH}22 September 2022",
            None,
            span(date(2022, 9, 21), date(2022, 9, 22), "range"),
        ),
        (
            f"21{THIN}{EN_DASH}{THIN}22 September 2022",
            None,
            span(date(2022, 9, 21), date(2022, 9, 22), "range"),
        ),
        (
            "from 26 September to 10 October 2022",
            None,
            span(date(2022, 9, 26), date(2022, 10, 10), "range"),
        ),
        (
            "between 1 and 5 October 2022",
            None,
            span(date(2022, 10, 1), date(2022, 10, 5), "range"),
        ),
        (
            "late September – early October 2022",
            None,
            span(date(2022, 9, 21), date(2022, 10, 10), "range"),
        ),
        (
            "December 2022 – January 2023",
            None,
            span(date(2022, 12, 1), date(2023, 1, 31), "range"),
        ),
    ],
)
def test_times(written: str, year: int | None, expected: tuple[date, date, str]) -> None:
    t = parse_time(written, year=year)
    assert isinstance(t, Time)
    assert (t.start, t.end, t.precision) == expected
    assert t.written == written


@pytest.mark.parametrize(
    ("written", "start", "end", "precision"),
    [
        ("since 21 September 2022", date(2022, 9, 21), None, "after"),
        ("until October 2022", None, date(2022, 10, 31), "before"),
    ],
)
def test_open_times(written: str, start: date | None, end: date | None, precision: str) -> None:
    t = parse_time(written)
    assert isinstance(t, Time)
    assert (t.start, t.end, t.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "written",
    ["from 26 December to 10 January 2023", "26 December – 10 January 2023"],
)
def test_a_span_across_new_year_borrows_the_previous_year(written: str) -> None:
    # The left end borrows the right end's year only if that keeps the span in order.
    t = parse_time(written)
    assert isinstance(t, Time)
    assert (t.start, t.end) == (date(2022, 12, 26), date(2023, 1, 10))


@pytest.mark.parametrize("written", ["never", "Never", "not yet", "none"])
def test_no_value_words(written: str) -> None:
    assert parse_time(written) == NoValue(written)


@pytest.mark.parametrize("written", ["ongoing", "still in force"])
def test_a_property_declares_its_own_no_value_words(written: str) -> None:
    # 'In force' means an end has not happened, but a start has: only the property knows.
    with pytest.raises(ValueParseError):
        parse_time(written)
    words = ("ongoing", "still in force")
    assert parse_time(written, not_happened=words) == NoValue(written)


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("before 2023", None, date(2022, 12, 31)),
        ("until 2023", None, date(2023, 12, 31)),
        ("after 2022", date(2023, 1, 1), None),
        ("since November 2022", date(2022, 11, 1), None),
        ("by December 2022", None, date(2022, 12, 31)),
        ("around 28 October 2022", date(2022, 10, 27), date(2022, 10, 29)),
    ],
)
def test_leading_words_bound_a_date(written: str, start: date | None, end: date | None) -> None:
    t = parse_time(written)
    assert isinstance(t, Time)
    assert (t.start, t.end) == (start, end)


def test_by_a_date_is_that_date_when_it_is_an_as_of_time() -> None:
    t = parse_time("by 26 September 2022", reference=True)
    assert isinstance(t, Time)
    assert (t.start, t.end) == (date(2022, 9, 26), date(2022, 9, 26))


@pytest.mark.parametrize(
    ("written", "phrase"),
    [
        ("700.000", "ambiguous number"),
        ("261,000\u2077\u00b3\u00b2", "superscript"),
        ("20-25,000", "ambiguous range"),
        ("500\u20131 million", "ambiguous range"),
        ("1" * 30, "30 digits"),
    ],
)
def test_misreadings_are_refused(written: str, phrase: str) -> None:
    with pytest.raises(ValueParseError, match=phrase):
        parse_quantity(written)


@pytest.mark.parametrize(
    ("written", "year", "message"),
    [
        ("31 February 2022", None, "impossible date '31 February 2022'"),
        ("31 February 2022", None, "February 2022 has 28 days"),
        ("29 February 2023", None, "February 2023 has 28 days"),
        ("31 April 2022", None, "April 2022 has 30 days"),
        ("2022-13", None, "there is no month 13"),
        ("28 October", None, "'28 October' has no year"),
        ("28 October", None, "give the claim 'assume_year'"),
        ("as of 28 October", None, "has no year"),
        ("", None, "empty date"),
        ("fooday", None, "is not a date factcheck can read"),
        ("31 October – 28 October 2022", None, "inverted range"),
        ("mid-Tuesday 2022", None, "is not a date factcheck can read"),
    ],
)
def test_time_refusals(written: str, year: int | None, message: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_time(written, year=year)
    assert message in str(caught.value)


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


# --------------------------------------------------------------------------- laws

QUALIFIERS = [
    "",
    "around ",
    "about ",
    "some ",
    "nearly ",
    "almost ",
    "more than ",
    "at least ",
    "over ",
    "up to ",
    "at most ",
    "fewer than ",
]


@st.composite
def quantities(draw: st.DrawFn) -> str:
    """A number with a qualifier, grouping and a unit drawn at random."""
    number = draw(st.integers(min_value=0, max_value=10**12))
    grouping = draw(st.sampled_from([",", " ", THIN, NARROW, ""]))
    digits = f"{number:,}".replace(",", grouping)
    qualifier = draw(st.sampled_from(QUALIFIERS))
    suffix = draw(st.sampled_from(["", "%", " per cent", "+", " million"]))
    if suffix == "+" and qualifier:
        suffix = ""
    return f"{qualifier}{digits}{suffix}"


@given(quantities())
def test_an_interval_contains_its_point(written: str) -> None:
    q = parse_quantity(written)
    assert q.point is not None
    assert q.low <= q.point <= q.high


@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from([",", THIN, NARROW, " ", NBSP]),
)
def test_grouped_integers_read_back(number: int, separator: str) -> None:
    written = f"{number:,}".replace(",", separator)
    q = parse_quantity(written)
    assert (q.low, q.high, q.point) == (number, number, number)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_dates_read_back_in_every_spelling(day: date) -> None:
    month = calendar.month_name[day.month]
    for written in (
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        day.isoformat(),
        f"as of {day.day} {month} {day.year}",
    ):
        t = parse_time(written)
        assert isinstance(t, Time)
        assert (t.start, t.end, t.precision) == (day, day, "day")


@given(
    st.integers(min_value=1000, max_value=9999),
    st.integers(min_value=1, max_value=12),
    st.sampled_from(["early", "mid-", "mid", "late", "the end of", "the beginning of"]),
)
def test_parts_of_a_month_lie_inside_it(year: int, month: int, part: str) -> None:
    sep = "" if part.endswith("-") else " "
    t = parse_time(f"{part}{sep}{calendar.month_name[month]} {year}")
    assert isinstance(t, Time)
    assert t.start is not None and t.end is not None
    assert date(year, month, 1) <= t.start <= t.end
    assert t.end <= date(year, month, calendar.monthrange(year, month)[1])
