"""Values as people write them, read into intervals.

Every value keeps the words it came from and becomes an interval: a quantity has a low and a
high bound (`around 900 000` is 810 000 to 990 000, `more than 200,000` is 200 000 upwards),
a time is a span of days with a precision (`mid-June 2025` is 11 to 20 June), a status is one
of the categories a property declares. Two values can only contradict each other when their
intervals cannot both hold.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from factcheck.errors import ValueParseError

INF = math.inf

#: Digits a count or amount may have (a quintillion); more is a typing or pasting slip.
MAX_DIGITS = 18
#: How far `around 900 000` reaches either side of the number, as a share of it.
AROUND_SPREAD = 0.10

QuantityQualifier = Literal["exact", "around", "nearly", "at least", "at most", "range", "vague"]


@dataclass(frozen=True)
class Quantity:
    """An amount read from words: bounds, a central point where the words give one."""

    written: str
    low: float
    high: float
    point: float | None
    qualifier: QuantityQualifier
    percent: bool = False

    def describe(self) -> str:
        """The interval in plain words, for explanations."""
        if self.low == self.high:
            return format_number(self.low)
        if self.high == INF:
            return f"{format_number(self.low)} or more"
        return f"{format_number(self.low)} to {format_number(self.high)}"


@dataclass(frozen=True)
class Time:
    """A span of days: a day is one day long, a month a month, `mid-June` ten days."""

    written: str
    start: date | None
    end: date | None
    precision: str

    @property
    def low(self) -> float:
        return -INF if self.start is None else float(self.start.toordinal())

    @property
    def high(self) -> float:
        return INF if self.end is None else float(self.end.toordinal())

    def describe(self) -> str:
        if self.start == self.end and self.start is not None:
            return self.start.isoformat()
        lo = "…" if self.start is None else self.start.isoformat()
        hi = "…" if self.end is None else self.end.isoformat()
        return f"{lo} to {hi}"


@dataclass(frozen=True)
class NoValue:
    """The thing has not happened (`never`, `ongoing`): Wikidata's 'no value'."""

    written: str

    def describe(self) -> str:
        return "none (has not happened)"


@dataclass(frozen=True)
class Status:
    """One of the categories a property declares, such as `ended` or `in-force`."""

    written: str
    value: str

    def describe(self) -> str:
        return self.value


Value = Quantity | Time | NoValue | Status


# --------------------------------------------------------------------------- normalising

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212]\s*")


_SUPERSCRIPTS = re.compile("[\u00b2\u00b3\u00b9\u2070-\u209f]")


def _refuse_markers(written: str) -> None:
    """`261,000⁷³²` would fold into 261,000732: a pasted footnote marker is refused."""
    if _SUPERSCRIPTS.search(written):
        raise ValueParseError(
            f"'{written}' holds superscript characters (a footnote marker?); remove them"
        )


def normalise(text: str) -> str:
    """Fold the typography people paste in: thin and non-breaking spaces, dashes, case."""
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub(" – ", text)
    text = _SPACES.sub(" ", text)
    return text.strip().casefold()


def counted(count: int, noun: str) -> str:
    """`1 claim`, `3 claims`, `137,501 findings`."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def format_number(x: float) -> str:
    """`261000.0` → `261,000`; keeps up to three decimals where there are any."""
    if x in (INF, -INF):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.3f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------- quantities

_UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "m": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
}
# Phrases that name an order of magnitude rather than a number.
_VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "several thousand": (3_000, 9_999),
    "a few thousand": (2_000, 5_999),
    "tens of thousands": (20_000, 99_999),
    "several tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "several hundred thousand": (300_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "several hundred": (300, 999),
    "a few hundred": (200, 599),
    "several million": (3_000_000, 9_999_999),
}
_PREFIXES: list[tuple[str, QuantityQualifier]] = sorted(
    [
        ("around", "around"),
        ("about", "around"),
        ("approximately", "around"),
        ("approx.", "around"),
        ("roughly", "around"),
        ("some", "around"),
        ("circa", "around"),
        ("c.", "around"),
        ("an estimated", "around"),
        ("estimated", "around"),
        ("nearly", "nearly"),
        ("almost", "nearly"),
        ("close to", "nearly"),
        ("just under", "nearly"),
        ("more than", "at least"),
        ("over", "at least"),
        ("above", "at least"),
        ("in excess of", "at least"),
        ("at least", "at least"),
        ("no fewer than", "at least"),
        ("no less than", "at least"),
        ("upwards of", "at least"),
        ("up to", "at most"),
        ("at most", "at most"),
        ("no more than", "at most"),
        ("as many as", "at most"),
        ("less than", "at most"),
        ("fewer than", "at most"),
        ("under", "at most"),
        ("below", "at most"),
        ("not more than", "at most"),
    ],
    key=lambda p: -len(p[0]),
)

# Thousands are grouped by a comma, space or apostrophe (`261,000`), or by points when there
# are at least two of them (`1.000.000`); a single point is always a decimal point (`1.234
# million`, `0.125`), as is a comma before fewer or more than three digits (`1,5`).
_DIGITS = re.compile(
    r"(?P<int>[1-9]\d{0,2}(?:(?P<sep>[ ,'])\d{3})(?:(?P=sep)\d{3})*"
    r"|[1-9]\d{0,2}(?:\.\d{3}){2,}|\d+)(?P<dec>[.,]\d+)?"
)
_AMBIGUOUS_POINT = re.compile(r"(?<![\d.,])[1-9]\d{0,2}\.\d{3}(?![\d.,])")
_PERCENT = re.compile(r"\s*(%|per cent|percent|pct)$")
_RANGE_SPLIT = re.compile(r"\s+(?:–|to)\s+|(?<=\d)\s*[–-]\s*(?=\d)")


def _read_digits(token: str) -> float | None:
    """`261,000`, `1.000.000`, `5937`, `1.2`, `1,5` (a comma before one or two digits is a
    decimal comma; before exactly three it groups thousands)."""
    m = _DIGITS.fullmatch(token)
    if not m:
        return None
    digits = sum(ch.isdigit() for ch in m.group("int"))
    if digits > MAX_DIGITS:
        raise ValueParseError(
            f"a number of {digits:,} digits is more than any count or amount; "
            "check for a missing separator or a pasted footnote number"
        )
    whole = m.group("int")
    for sep in (m.group("sep"), "."):
        if sep:
            whole = whole.replace(sep, "")
    decimals = (m.group("dec") or "")[1:]
    return float(f"{whole}.{decimals}" if decimals else whole)


def _read_words(words: list[str]) -> float | None:
    """`one million`, `twenty-five thousand`, `a hundred`, `1.2 million`, `9 000`."""
    if not words:
        return None
    total = 0.0
    current: float | None = None
    for word in words:
        digits = _read_digits(word)
        if digits is not None:
            if current is not None:
                return None
            current = digits
        elif word in _UNITS or word in _TENS:
            v = _UNITS.get(word) or _TENS.get(word, 0)
            if current is None:
                current = float(v)
            elif v and current >= 10 and current % (10 if v < 10 else 100) == 0:
                current += v  # `twenty five`, `one hundred twenty`
            else:
                return None
        elif "-" in word and all(p in _TENS or p in _UNITS for p in word.split("-")):
            parts = word.split("-")
            if len(parts) != 2 or parts[0] not in _TENS or parts[1] not in _UNITS:
                return None
            if current is not None:
                return None
            current = float(_TENS[parts[0]] + _UNITS[parts[1]])
        elif word in _SCALES:
            if current is None:
                return None
            scale = _SCALES[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = None
        else:
            return None
    return total + (current or 0.0)


def _read_number(text: str) -> tuple[float, bool] | None:
    """A number and whether it carried its own scale word (`million`)."""
    # `one hundred and twenty`: the `and` inside number words carries nothing.
    text = text.replace(" and ", " ").strip()
    if not text:
        return None
    # `300 000` is one number written with spaces: join digit groups before splitting words.
    joined = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)
    words = joined.split()
    value = _read_words(words)
    if value is None:
        return None
    has_scale = any(w in _SCALES and w != "hundred" for w in words)
    return value, has_scale


@lru_cache(maxsize=1 << 16)
def parse_quantity(text: str | float | int) -> Quantity:
    """Read an amount as people write it.

    >>> parse_quantity("around 900 000").low
    810000.0
    """
    written = str(text)
    _refuse_markers(written)
    s = normalise(written)
    if not s:
        raise ValueParseError("empty value; write a number such as '261,000' or 'about 900 000'")
    percent = False
    m = _PERCENT.search(s)
    if m:
        percent = True
        s = s[: m.start()].strip()
    plus = s.endswith("+")
    if plus:
        s = s[:-1].strip()

    qualifier: QuantityQualifier = "exact"
    for prefix, qual in _PREFIXES:
        if s.startswith(prefix + " ") or (prefix.endswith(".") and s.startswith(prefix)):
            qualifier = qual
            s = s[len(prefix) :].strip()
            break
    if plus:
        if qualifier != "exact":
            raise ValueParseError(f"'{written}' has two qualifiers ('+' and another)")
        qualifier = "at least"

    if s in _VAGUE:
        if qualifier != "exact":
            raise ValueParseError(f"'{written}': a qualifier before a vague amount is not read")
        vague_lo, vague_hi = _VAGUE[s]
        return Quantity(written, float(vague_lo), float(vague_hi), None, "vague", percent)

    if s.startswith("between ") and " and " in s:
        parts = s[len("between ") :].split(" and ", 1)
    else:
        if s.startswith("from "):
            s = s[len("from ") :]
        parts = _RANGE_SPLIT.split(s)
    if len(parts) == 2:
        if qualifier not in ("exact", "around"):
            raise ValueParseError(f"'{written}': a range cannot also be '{qualifier}'")
        left, right = _read_number(parts[0]), _read_number(parts[1])
        if left is None or right is None:
            raise ValueParseError(f"'{written}' is not a number or a range of numbers")
        lo, hi = left[0], right[0]
        if not left[1] and right[1]:
            scale = _scale_of(parts[1])
            if lo * scale <= hi:
                lo *= scale
        if lo > hi:
            raise ValueParseError(
                f"inverted range '{written}': {format_number(lo)} is above {format_number(hi)}; "
                "write the lower bound first"
            )
        if lo > 0 and hi / 10 <= lo * 1000 <= hi:
            raise ValueParseError(
                f"ambiguous range '{written}': its ends are a thousandfold apart, so 'thousand' "
                "may be missing from the first; write both ends in full ('20,000 – 25,000')"
            )
        if qualifier == "around":
            lo, hi = lo * (1 - AROUND_SPREAD), hi * (1 + AROUND_SPREAD)
        return Quantity(written, lo, hi, None, "range", percent)
    if len(parts) > 2:
        raise ValueParseError(f"'{written}' has more than two ends; write 'A – B'")

    number = _read_number(s)
    if number is None:
        raise ValueParseError(
            f"'{written}' is not a number factcheck can read; write digits ('900 000', "
            "'1.2 million'), a range ('350 000 – 400 000') or a qualifier and a number "
            "('more than 200,000')"
        )
    x = number[0]
    if not number[1] and _AMBIGUOUS_POINT.search(s):
        raise ValueParseError(
            f"ambiguous number '{written}': a point before three digits may group thousands "
            "or mark decimals; write '700,000' or '700.0'"
        )
    lo, hi, point = {
        "exact": (x, x, x),
        "around": (x * (1 - AROUND_SPREAD), x * (1 + AROUND_SPREAD), x),
        "nearly": (x * (1 - AROUND_SPREAD), x, x),
        "at least": (x, INF, x),
        "at most": (0.0, x, x),
    }[qualifier]
    if percent and hi == INF and lo <= 100:
        hi = 100.0  # a share of a whole; growth rates above 100 % keep their open end
    return Quantity(written, lo, hi, point, qualifier, percent)


def _scale_of(text: str) -> float:
    for word in reversed(text.split()):
        if word in _SCALES and word != "hundred":
            return float(_SCALES[word])
    return 1.0


# --------------------------------------------------------------------------- times

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


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _day(year: int, month: int, day: int, written: str) -> date:
    if not 1 <= year <= 9999:
        raise ValueParseError(f"'{written}': year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueParseError(f"'{written}': there is no month {month}")
    last = _month_end(year, month)
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
                last = min(last, _month_end(y, mth))
                return Time(written, date(y, mth, first), date(y, mth, last), "part of month")
            if inner.precision == "year" and inner.start is not None:
                first_m, last_m = _YEAR_PARTS[part]
                y = inner.start.year
                return Time(
                    written,
                    date(y, first_m, 1),
                    date(y, last_m, _month_end(y, last_m)),
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
                written, date(y, first_m, 1), date(y, last_m, _month_end(y, last_m)), "part of year"
            )
    if s.startswith("the "):
        s = s[4:]
    if m := _ISO.fullmatch(s):
        y, mth = int(m.group(1)), int(m.group(2))
        if m.group(3):
            d = _day(y, mth, int(m.group(3)), written)
            return Time(written, d, d, "day")
        _day(y, mth, 1, written)
        return Time(written, date(y, mth, 1), date(y, mth, _month_end(y, mth)), "month")
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
        return Time(written, date(y, mth, 1), date(y, mth, _month_end(y, mth)), "month")
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
) -> Time | NoValue:
    """Read a date or a span of dates as people write them.

    `year` is used for dates written without one ('On 28 October'). `reference` reads the
    words as the time a value refers to (`by 26 September` is that day) rather than as a
    date value (`by December 2022` is no later than December). `not_happened` adds words
    that mean the event has not happened, such as `still in force` for an end date.
    """
    written = str(text)
    _refuse_markers(written)
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
    span = _split_range(s)
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


def parse_status(text: str, categories: dict[str, list[str]]) -> Status:
    """Read a categorical value: one of the property's categories or one of its synonyms."""
    written = str(text)
    s = normalise(written)
    for name, synonyms in categories.items():
        if s == normalise(name) or s in {normalise(x) for x in synonyms}:
            return Status(written, name)
    known = ", ".join(categories) or "(the property declares none)"
    raise ValueParseError(f"'{written}' is not one of this property's statuses: {known}")
