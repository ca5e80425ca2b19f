"""Periods people name rather than date: seasons (`summer 2015`, `winter 2022–23`) and
fiscal years (`FY2023`, `fiscal 2022–23`), which a document counts in its own way.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from factcheck.errors import ValueParseError
from factcheck.values import Time


def month_end(year: int, month: int) -> int:
    """The last day of a month."""
    return calendar.monthrange(year, month)[1]


# Seasons as the meteorological seasons of the northern hemisphere; a winter spans two years
# and is written with both (`winter 2022–23`, `winter 2022/2023`).
SEASON = re.compile(
    r"(spring|summer|autumn|fall|winter) (?:of )?(\d{4})(?:\s*(?:–|-|/)\s*(\d{2}|\d{4}))?"
)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def season(m: re.Match[str], written: str) -> Time:
    name, first = m.group(1), int(m.group(2))
    second = m.group(3)
    if name == "winter":
        if second is None:
            raise ValueParseError(
                f"'{written}': a winter spans two years; write both ('winter 2022–23')"
            )
        end_year = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if end_year != first + 1:
            raise ValueParseError(f"'{written}': a winter runs into the next year only")
        return Time(
            written, date(first, 12, 1), date(end_year, 2, month_end(end_year, 2)), "season"
        )
    if second is not None:
        raise ValueParseError(f"'{written}': only a winter spans two years")
    lo, hi = _SEASON_MONTHS[name]
    return Time(written, date(first, lo, 1), date(first, hi, month_end(first, hi)), "season")


# A fiscal year: `FY2023`, `fiscal 2023`, `fiscal year 2022/23`, `FY 2022–23`.
FISCAL = re.compile(
    r"(?:fy|fiscal(?: year)?)\s*(?P<first>\d{4})(?:\s*(?:/|–|-)\s*(?P<second>\d{2}|\d{4}))?"
    r"|(?P<first2>\d{4})\s*(?:/|–|-)\s*(?P<second2>\d{2}|\d{4}) fiscal year"
)


def fiscal_year(m: re.Match[str], written: str, fiscal: tuple[int, str] | None) -> Time:
    """A fiscal year, by the document's way of counting them (`starts`, `named_by`)."""
    if fiscal is None:
        raise ValueParseError(
            f"'{written}' is a fiscal year; declare the document's fiscal_year (the month it "
            "starts, and whether one year names its end or its start)"
        )
    starts, named_by = fiscal
    first = int(m["first"] or m["first2"])
    second = m["second"] or m["second2"]
    if second is not None:
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if last != first + 1 or starts == 1:
            raise ValueParseError(
                f"'{written}': a fiscal year spans two calendar years only when it does not "
                "start in January, and then the next one"
            )
        begin_year = first
    elif starts == 1:
        begin_year = first
    else:
        begin_year = first - 1 if named_by == "end" else first
    start = date(begin_year, starts, 1)
    end_year, end_month = (begin_year, 12) if starts == 1 else (begin_year + 1, starts - 1)
    return Time(
        written, start, date(end_year, end_month, month_end(end_year, end_month)), "fiscal year"
    )
