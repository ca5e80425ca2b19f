"""Values as people write them, read into intervals: the value types and their wording.

Every value keeps the words it came from and becomes an interval: a quantity has a low and a
high bound (`around 900 000` is 810 000 to 990 000, `more than 200,000` is 200 000 upwards),
a time is a span of days with a precision (`mid-June 2025` is 11 to 20 June), a status is one
of the categories a property declares. Two values can only contradict each other when their
intervals cannot both hold.

This module holds the value types, the folding of pasted typography that every reader starts
from, and the wording of numbers and counts; `quantities`, `times` and `statuses` read the words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from factcheck.errors import ValueParseError

INF = math.inf

QuantityQualifier = Literal["exact", "around", "nearly", "at least", "at most", "range", "vague"]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Time:
    """A span of days: a day is one day long, a month a month, `mid-June` ten days."""

    written: str
    start: date | None
    end: date | None
    precision: str
    #: For a time of day: minutes after midnight UTC on `start` and on `end`.
    minutes: tuple[int, int] | None = None

    @property
    def low(self) -> float:
        if self.start is None:
            return -INF
        return self.start.toordinal() + (self.minutes[0] / 1440 if self.minutes else 0.0)

    @property
    def high(self) -> float:
        if self.end is None:
            return INF
        return self.end.toordinal() + (self.minutes[1] / 1440 if self.minutes else 0.0)

    def describe(self) -> str:
        if self.minutes and self.start and self.end:
            first, last = (f"{m // 60:02d}:{m % 60:02d}" for m in self.minutes)
            if (self.start, first) == (self.end, last):
                return f"{self.start.isoformat()} {first} UTC"
            return f"{self.start.isoformat()} {first} to {self.end.isoformat()} {last} UTC"
        if self.start == self.end and self.start is not None:
            return self.start.isoformat()
        lo = "…" if self.start is None else self.start.isoformat()
        hi = "…" if self.end is None else self.end.isoformat()
        return f"{lo} to {hi}"


@dataclass(frozen=True, slots=True)
class NoValue:
    """The thing has not happened (`never`, `ongoing`): Wikidata's 'no value'."""

    written: str

    def describe(self) -> str:
        return "none (has not happened)"


@dataclass(frozen=True, slots=True)
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


def refuse_markers(written: str) -> None:
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
