"""Reading amounts as people write them into a `Quantity` interval.

Digits in any grouping (`261,000`, `300 000`, `1.000.000`), number words (`twenty-five
thousand`), scale words (`1.2 million`), qualifiers (`around`, `more than`, `up to`, `10,000+`),
vague orders of magnitude (`tens of thousands`), ranges (`350 000 – 400 000`) and percentages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.errors import ValueParseError
from factcheck.values import (
    INF,
    Quantity,
    QuantityQualifier,
    format_number,
    normalise,
    refuse_markers,
)

#: Digits a count or amount may have (a quintillion); more is a typing or pasting slip.
MAX_DIGITS = 18
#: The most `around 900 000` reaches either side of the number, as a share of it; less when
#: its digits say it is more precise (see `_spread`).
AROUND_SPREAD = 0.10

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
        ("within", "at most"),
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
# `3,100 (95% CI 1,200–5,400)`: an estimate and the interval around it.
_INTERVAL = re.compile(
    r"(?P<estimate>[^(]+?)\s*\(\s*(?:\d{1,2}(?:\.\d+)?\s*%\s*)?"
    r"(?:ci|confidence interval|credible interval|ui|uncertainty interval)\b[:,]?\s*"
    r"(?P<range>[^)]+?)\s*\)"
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


def _join_groups(text: str) -> str:
    """`300 000` is one number written with spaces: its digit groups joined into one word."""
    return re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)


def _read_number(text: str) -> tuple[float, bool] | None:
    """A number and whether it carried its own scale word (`million`)."""
    # `one hundred and twenty`: the `and` inside number words carries nothing.
    text = text.replace(" and ", " ").strip()
    if not text:
        return None
    words = _join_groups(text).split()
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
    refuse_markers(written)
    s = normalise(written)
    if not s:
        raise ValueParseError("empty value; write a number such as '261,000' or 'about 900 000'")
    if interval := _INTERVAL.fullmatch(s):
        return _with_interval(written, interval["estimate"], interval["range"])
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
            lo, hi = lo - _spread(parts[0], lo), hi + _spread(parts[1], hi)
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
    spread = _spread(s, x) if qualifier in ("around", "nearly") else 0.0
    lo, hi, point = {
        "exact": (x, x, x),
        "around": (x - spread, x + spread, x),
        "nearly": (x - spread, x, x),
        "at least": (x, INF, x),
        "at most": (0.0, x, x),
    }[qualifier]
    if percent and hi == INF and lo <= 100:
        hi = 100.0  # a share of a whole; growth rates above 100 % keep their open end
    return Quantity(written, lo, hi, point, qualifier, percent)


def _with_interval(written: str, estimate: str, around: str) -> Quantity:
    """An estimate with its confidence interval: the interval, with the estimate as the
    point that distances are measured from."""
    point, span = parse_quantity(estimate), parse_quantity(around)
    if point.qualifier != "exact" or span.qualifier != "range":
        raise ValueParseError(
            f"'{written}': write an estimate and its interval as '3,100 (95% CI 1,200–5,400)'"
        )
    if not span.low <= point.low <= span.high:
        raise ValueParseError(
            f"'{written}': the estimate {format_number(point.low)} lies outside its interval"
        )
    percent = point.percent or span.percent
    return Quantity(written, span.low, span.high, point.low, "range", percent)


def _unit(text: str, x: float) -> float:
    """One unit of the last significant digit of a number as written: `2.45 billion` → 0.01
    billion, `900 000` → 100,000, `twenty-five thousand` → 1,000. Trailing zeros of a whole
    number are read as rounding (the writer may have counted exactly; nothing says so)."""
    for word in _join_groups(text).split():
        m = _DIGITS.fullmatch(word)
        if m:
            decimals = (m.group("dec") or "")[1:]
            if decimals:
                return 10.0 ** -len(decimals) * _scale_of(text)
            whole = re.sub(r"\D", "", m.group("int"))
            zeros = len(whole) - len(whole.rstrip("0"))
            return 10.0**zeros * _scale_of(text)
    whole_number = str(int(x)) if x >= 1 and x == int(x) else ""
    return 10.0 ** (len(whole_number) - len(whole_number.rstrip("0"))) if whole_number else 1.0


def _spread(text: str, x: float) -> float:
    """How far an approximate number (`around`, `nearly`) reaches from itself: one unit of
    its last significant digit, at most `AROUND_SPREAD` of it. `about 2.45 billion` is
    2.44 to 2.46 billion; `around 900 000` is 810,000 to 990,000."""
    return min(abs(x) * AROUND_SPREAD, _unit(text, x))


def _scale_of(text: str) -> float:
    for word in reversed(text.split()):
        if word in _SCALES and word != "hundred":
            return float(_SCALES[word])
    return 1.0
