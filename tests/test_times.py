"""The time reader: every form it reads pinned to its exact span, and what it refuses."""

from __future__ import annotations

import calendar
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import ValueParseError
from factcheck.times import parse_time
from factcheck.values import NoValue, Time
from tests.values_helpers import EN_DASH, THIN

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


# --------------------------------------------------------------------------- laws


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


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("summer 2015", date(2015, 6, 1), date(2015, 8, 31)),
        ("Summer of 2015", date(2015, 6, 1), date(2015, 8, 31)),
        ("autumn 2021", date(2021, 9, 1), date(2021, 11, 30)),
        ("fall 2021", date(2021, 9, 1), date(2021, 11, 30)),
        ("winter 2022–23", date(2022, 12, 1), date(2023, 2, 28)),
        ("winter 2023/2024", date(2023, 12, 1), date(2024, 2, 29)),
        ("from summer 2015 to winter 2016–17", date(2015, 6, 1), date(2017, 2, 28)),
    ],
)
def test_seasons_are_the_northern_meteorological_seasons(
    written: str, start: date, end: date
) -> None:
    when = parse_time(written)
    assert isinstance(when, Time)
    assert (when.start, when.end) == (start, end)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("winter 2022", "a winter spans two years; write both ('winter 2022–23')"),
        ("winter 2022–24", "a winter runs into the next year only"),
        ("summer 2015–16", "only a winter spans two years"),
    ],
)
def test_a_season_that_names_the_wrong_years_is_refused(written: str, message: str) -> None:
    with pytest.raises(ValueParseError, match=re.escape(message)):
        parse_time(written)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("4 March 2022 06:30 UTC", "2022-03-04 06:30 UTC"),
        ("4 March 2022, 09:15 (UTC+3)", "2022-03-04 06:15 UTC"),
        ("09:15 (UTC+3) on 4 March 2022", "2022-03-04 06:15 UTC"),
        ("4 March 2022 01:30 UTC+3", "2022-03-03 22:30 UTC"),
        (f"4 March 2022 09:15 (UTC{EN_DASH}3)", "2022-03-04 12:15 UTC"),
        ("2022-03-04T06:30:00+03:00", "2022-03-04 03:30 UTC"),
        ("2022-03-04T23:30Z", "2022-03-04 23:30 UTC"),
        ("4 March 2022 6.30 pm GMT", "2022-03-04 18:30 UTC"),
        # No zone: anywhere from UTC+14 to UTC-12.
        ("4 March 2022 06:30", "2022-03-03 16:30 to 2022-03-04 18:30 UTC"),
    ],
)
def test_a_time_of_day_is_an_instant_in_utc(written: str, shown: str) -> None:
    when = parse_time(written)
    assert isinstance(when, Time)
    assert when.describe() == shown


def test_dotted_dates_are_not_times_of_day() -> None:
    when = parse_time("21.09.2022")
    assert isinstance(when, Time) and when.precision == "day"


@pytest.mark.parametrize("written", ["06:30 UTC", "March 2022 06:30 UTC", "4 March 2022 13:30 pm"])
def test_a_time_of_day_needs_one_day_and_a_real_hour(written: str) -> None:
    with pytest.raises(ValueParseError):
        parse_time(written)


@pytest.mark.parametrize(
    ("written", "fiscal", "start", "end"),
    [
        ("FY2023", (10, "end"), date(2022, 10, 1), date(2023, 9, 30)),  # US federal
        ("FY2023", (4, "start"), date(2023, 4, 1), date(2024, 3, 31)),  # Japan
        ("fiscal 2022–23", (4, "end"), date(2022, 4, 1), date(2023, 3, 31)),  # UK
        ("FY 2022/23", (7, "end"), date(2022, 7, 1), date(2023, 6, 30)),
        ("2022-23 fiscal year", (4, "end"), date(2022, 4, 1), date(2023, 3, 31)),
        ("fiscal year 2023", (1, "end"), date(2023, 1, 1), date(2023, 12, 31)),
    ],
)
def test_a_fiscal_year_follows_the_documents_way_of_counting(
    written: str, fiscal: tuple[int, str], start: date, end: date
) -> None:
    when = parse_time(written, fiscal=fiscal)
    assert isinstance(when, Time)
    assert (when.start, when.end) == (start, end)


@pytest.mark.parametrize(
    ("written", "fiscal", "message"),
    [
        ("FY2023", None, "declare the document's fiscal_year"),
        ("FY2022/24", (4, "end"), "a fiscal year spans two calendar years only"),
        ("FY2022/23", (1, "end"), "a fiscal year spans two calendar years only"),
    ],
)
def test_a_fiscal_year_that_cannot_be_counted_is_refused(
    written: str, fiscal: tuple[int, str] | None, message: str
) -> None:
    with pytest.raises(ValueParseError, match=re.escape(message)):
        parse_time(written, fiscal=fiscal)
