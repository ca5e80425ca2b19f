"""Reading dates as people write them into a `Time` span, or `NoValue` for one that has not come.

Days, months and years in the usual spellings (`21 September 2022`, `October 28, 2022`,
`2022-09-21`), parts of a month or year (`mid-June 2025`, `late 2022`), ranges (`21 – 22
September 2022`) and the words before a date that bound it (`before 2023`, `since`, `around`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from factcheck.errors import ValueParseError
from factcheck.periods import FISCAL, SEASON, fiscal_year, month_end, season
from factcheck.values import NoValue, Time, normalise, refuse_markers

_MONTHS = {
    name.casefold(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS.update({"sept": 9})
# Words that mean an event has not happened, whatever the property; a property adds its
# own (`still in force` for an end date) in its `not_happened` list.
_NO_VALUE = {"never", "not yet", "none", "no value", "has not happened"}
# Parts of a month or year: (first day, last day) of a month; a year is split by months.
_MONTH_PARTS = {
    "early": (1, 10),
    "beginning of": (1, 10),
    "start of": (1, 10),
    "the beginning of": (1, 10),
    "the start of": (1, 10),
    "mid": (11, 20),
    "mid-": (11, 20),
    "middle of": (11, 20),
    "the middle of": (11, 20),
    "late": (21, 31),
    "end of": (21, 31),
    "the end of": (21, 31),
}
_YEAR_PARTS = {
    "early": (1, 4),
    "beginning of": (1, 3),
    "start of": (1, 3),
    "the beginning of": (1, 3),
    "the start of": (1, 3),
    "mid": (5, 8),
    "mid-": (5, 8),
    "middle of": (5, 8),
    "the middle of": (5, 8),
    "late": (9, 12),
    "end of": (10, 12),
    "the end of": (10, 12),
    "the first half of": (1, 6),
    "first half of": (1, 6),
    "the second half of": (7, 12),
    "second half of": (7, 12),
}
# Words before a date, and what they do to it: `before 2023` ends on 31 December 2022,
# `until 2023` at the end of 2023; `by` is a point in time for an as-of time and 'no later
# than' for a date value; `around` widens the date by its own length each way.
_TIME_LEADS = {
    "as of ": "at",
    "as at ": "at",
    "on ": "at",
    "in ": "at",
    "at ": "at",
    "by ": "by",
    "around ": "around",
    "about ": "around",
    "circa ": "around",
    "c. ": "around",
    "since ": "from",
    "until ": "until",
    "till ": "until",
    "before ": "before",
    "after ": "after",
    "not before ": "from",
    "no later than ": "until",
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,?(?: (\d{4}))?")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?")
_MONTH_YEAR = re.compile(r"([a-z]+)\.?,?(?: (\d{4}))?")
_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_YEAR = re.compile(r"(\d{4})")


def _day(year: int, month: int, day: int, written: str) -> date:
    if not 1 <= year <= 9999:
        raise ValueParseError(f"'{written}': year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueParseError(f"'{written}': there is no month {month}")
    last = month_end(year, month)
    if not 1 <= day <= last:
        raise ValueParseError(
            f"impossible date '{written}': {calendar.month_name[month]} {year} has {last} days"
        )
    return date(year, month, day)


def _year(text: str, default: int | None, written: str) -> int:
    if text:
        year = int(text)
        if not 1 <= year <= 9999:
            raise ValueParseError(f"'{written}': year {year} is out of range")
        return year
    if default is None:
        raise ValueParseError(
            f"'{written}' has no year; write it ('28 October 2022') or give the claim 'assume_year'"
        )
    return default


# A time of day, with its zone when given: `06:30 UTC`, `9:15 (UTC+3)`, `6.30 pm GMT`,
# `23:05Z`. Only a colon, or a point before am/pm, separates hours from minutes, so that
# `21.09.2022` stays a date.
_CLOCK = re.compile(
    r"(?:\bat\s+)?\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)(?::[0-5]\d)?|\.(?P<m2>[0-5]\d)"
    r"(?=\s*[ap]\.?m\b))\s*(?P<ampm>[ap]\.?m\.?)?\s*"
    r"(?:\(?\s*(?P<zone>utc|gmt|z)\b\s*(?:(?P<sign>\+|-|–)\s*(?P<oh>\d{1,2})"
    r"(?::?(?P<om>\d{2}))?)?\s*\)?)?"
)
_ISO_CLOCK = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})t(?P<h>\d{2}):(?P<m>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?P<zone>z|(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2}))?"
)
#: How far local time may be from UTC, in minutes: from UTC−12 to UTC+14.
_ZONES = (-12 * 60, 14 * 60)


def _with_clock(m: re.Match[str], day_text: str, written: str, year: int | None) -> Time:
    """A day and a time of day as an instant in UTC, or, with no zone given, as the span of
    instants that local time can be anywhere on Earth."""
    day = _read_point(day_text, written, year)
    if day.precision != "day" or day.start is None:
        raise ValueParseError(
            f"'{written}': a time of day needs one day ('4 March 2024 06:30 UTC')"
        )
    hour, minute = int(m["h"]), int(m["m"] if m["m"] is not None else m["m2"] or 0)
    ampm = (m.groupdict().get("ampm") or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueParseError(f"'{written}': {hour} is not an hour of a 12-hour clock")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    local = datetime(day.start.year, day.start.month, day.start.day, hour, minute)
    if m["zone"] is None:
        first, last = local - timedelta(minutes=_ZONES[1]), local - timedelta(minutes=_ZONES[0])
        precision = "minute, zone unknown"
    else:
        offset = int(m["oh"] or 0) * 60 + int(m["om"] or 0)
        first = last = local - timedelta(minutes=-offset if m["sign"] in ("-", "–") else offset)
        precision = "minute"
    return Time(
        written,
        first.date(),
        last.date(),
        precision,
        (first.hour * 60 + first.minute, last.hour * 60 + last.minute),
    )


def _clock_time(s: str, written: str, year: int | None) -> Time | None:
    """The instant a date with a time of day gives, or None when it gives no time of day."""
    if m := _ISO_CLOCK.fullmatch(s):
        return _with_clock(m, m["day"], written, year)
    m = _CLOCK.search(s)
    if m is None:
        return None
    rest = (s[: m.start()] + " " + s[m.end() :]).strip(" ,")
    rest = re.sub(r"^(?:on|,)\s+|\s+(?:on|,)$", "", rest).strip(" ,")
    if not rest:
        raise ValueParseError(
            f"'{written}': a time of day needs one day ('4 March 2024 06:30 UTC')"
        )
    return _with_clock(m, rest, written, year)


def _read_point(s: str, written: str, year: int | None, *, whole: bool = True) -> Time:
    """One day, month or year, possibly vague (`mid-June 2025`, `late 2022`).

    `whole` is False inside a vague part, which cannot itself be vague (`early mid-2022`).
    """
    for part in sorted(_MONTH_PARTS, key=len, reverse=True):
        if s.startswith(part) and (part.endswith("-") or s[len(part) :].startswith(" ")):
            if not whole:
                raise ValueParseError(f"'{written}': one vague part at a time ('early 2023')")
            rest = s[len(part) :].strip()
            inner = _read_point(rest, written, year, whole=False)
            if inner.precision == "month" and inner.start is not None:
                first, last = _MONTH_PARTS[part]
                y, mth = inner.start.year, inner.start.month
                last = min(last, month_end(y, mth))
                return Time(written, date(y, mth, first), date(y, mth, last), "part of month")
            if inner.precision == "year" and inner.start is not None:
                first_m, last_m = _YEAR_PARTS[part]
                y = inner.start.year
                return Time(
                    written,
                    date(y, first_m, 1),
                    date(y, last_m, month_end(y, last_m)),
                    "part of year",
                )
            raise ValueParseError(f"'{written}': '{part}' goes with a month or a year")
    for part in ("the first half of", "first half of", "the second half of", "second half of"):
        if s.startswith(part + " "):
            if not whole:
                raise ValueParseError(f"'{written}': one vague part at a time ('early 2023')")
            inner = _read_point(s[len(part) :].strip(), written, year, whole=False)
            if inner.precision != "year" or inner.start is None:
                raise ValueParseError(f"'{written}': '{part}' goes with a year")
            first_m, last_m = _YEAR_PARTS[part]
            y = inner.start.year
            return Time(
                written, date(y, first_m, 1), date(y, last_m, month_end(y, last_m)), "part of year"
            )
    if s.startswith("the "):
        s = s[4:]
    if m := SEASON.fullmatch(s):
        return season(m, written)
    if m := _ISO.fullmatch(s):
        y, mth = int(m.group(1)), int(m.group(2))
        if m.group(3):
            d = _day(y, mth, int(m.group(3)), written)
            return Time(written, d, d, "day")
        _day(y, mth, 1, written)
        return Time(written, date(y, mth, 1), date(y, mth, month_end(y, mth)), "month")
    if m := _DOTTED.fullmatch(s):
        d = _day(int(m.group(3)), int(m.group(2)), int(m.group(1)), written)
        return Time(written, d, d, "day")
    if (m := _DAY_MONTH_YEAR.fullmatch(s)) and m.group(2) in _MONTHS:
        y = _year(m.group(3) or "", year, written)
        d = _day(y, _MONTHS[m.group(2)], int(m.group(1)), written)
        return Time(written, d, d, "day")
    if (m := _MONTH_DAY_YEAR.fullmatch(s)) and m.group(1) in _MONTHS:
        y = _year(m.group(3) or "", year, written)
        d = _day(y, _MONTHS[m.group(1)], int(m.group(2)), written)
        return Time(written, d, d, "day")
    if (m := _MONTH_YEAR.fullmatch(s)) and m.group(1) in _MONTHS:
        y = _year(m.group(2) or "", year, written)
        mth = _MONTHS[m.group(1)]
        return Time(written, date(y, mth, 1), date(y, mth, month_end(y, mth)), "month")
    if m := _YEAR.fullmatch(s):
        y = _year(m.group(1), None, written)
        return Time(written, date(y, 1, 1), date(y, 12, 31), "year")
    raise ValueParseError(
        f"'{written}' is not a date factcheck can read; write '21 September 2022', "
        "'September 2022', '2022', 'mid-June 2025' or '2022-09-21'"
    )


def _split_range(s: str) -> tuple[str, str] | None:
    for lead, sep in (("between ", " and "), ("from ", " to "), ("from ", " until ")):
        if s.startswith(lead) and sep in s:
            left, right = s[len(lead) :].split(sep, 1)
            return left, right
    for sep in (" – ", " to "):
        if sep in s:
            left, right = s.split(sep, 1)
            return left, right
    return None


def _complete_left(left: str, right: str, year_back: int = 0) -> str:
    """`21 – 22 September 2022`: the left end borrows the month and year it leaves out.

    `year_back` moves a borrowed year back, for spans across New Year.
    """
    words_r = right.split()
    words_l = left.split()
    borrowed_year = re.search(r"\d{4}$", right)
    year = str(int(borrowed_year.group()) - year_back) if borrowed_year else ""
    if len(words_l) == 1 and words_l[0].isdigit() and len(words_l[0]) <= 2:
        return " ".join([left, *words_r[1:-1], year or words_r[-1]])
    if (
        year
        and not re.search(r"\d{4}", left)
        and (len(words_l) == 2 or (len(words_l) == 1 and words_l[0] in _MONTHS))
    ):
        return f"{left} {year}"
    return left


@lru_cache(maxsize=1 << 16)
def parse_time(
    text: str | int,
    *,
    year: int | None = None,
    reference: bool = False,
    not_happened: tuple[str, ...] = (),
    fiscal: tuple[int, str] | None = None,
) -> Time | NoValue:
    """Read a date or a span of dates as people write them.

    `year` is used for dates written without one ('On 28 October'). `reference` reads the
    words as the time a value refers to (`by 26 September` is that day) rather than as a
    date value (`by December 2022` is no later than December). `not_happened` adds words
    that mean the event has not happened, such as `still in force` for an end date.
    `fiscal` is the document's fiscal year (the month it starts, and `end` or `start`: which
    calendar year names it), for `FY2023`.
    """
    written = str(text)
    refuse_markers(written)
    s = normalise(written)
    if not s:
        raise ValueParseError("empty date")
    if s in _NO_VALUE or s in {normalise(w) for w in not_happened}:
        return NoValue(written)
    lead = "at"
    for words in sorted(_TIME_LEADS, key=len, reverse=True):
        if s.startswith(words):
            lead = _TIME_LEADS[words]
            s = s[len(words) :].strip()
            break
    if lead == "by":
        lead = "at" if reference else "until"
    if lead == "at" and (instant := _clock_time(s, written, year)):
        return instant
    if lead == "at" and (m := FISCAL.fullmatch(s)):
        return fiscal_year(m, written, fiscal)
    span = None if SEASON.fullmatch(s) else _split_range(s)
    if span is None and s.startswith("from "):
        lead, s = "from", s[len("from ") :]
    if span:
        left_text, right_text = span
        right = _read_point(right_text, written, year)
        completed = _complete_left(left_text, right_text)
        left = _read_point(completed, written, right.start.year if right.start else year)
        if (
            completed != left_text
            and left.start
            and right.end
            and left.start.month > right.end.month
        ):
            # `26 December – 10 January 2023`: the borrowed year belongs to the right end.
            left = _read_point(_complete_left(left_text, right_text, 1), written, year)
        if left.start and right.end and left.start > right.end:
            raise ValueParseError(f"inverted range '{written}': it ends before it starts")
        return Time(written, left.start, right.end, "range")
    point = _read_point(s, written, year)
    assert point.start is not None and point.end is not None
    one_day = timedelta(days=1)
    if lead == "before":
        return Time(written, None, point.start - one_day, "before")
    if lead == "until":
        return Time(written, None, point.end, "before")
    if lead == "after":
        return Time(written, point.end + one_day, None, "after")
    if lead == "from":
        return Time(written, point.start, None, "after")
    if lead == "around":
        width = point.end - point.start + one_day
        return Time(written, point.start - width, point.end + width, "around")
    return point
