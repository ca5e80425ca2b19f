"""How far apart two conflicting claims are, and the words that say so: the distance and
severity of a pair, who said a value and as of when, a side's summary and a conflict's reason.
"""

from __future__ import annotations

from factcheck.conflict_report import Severity
from factcheck.corpus import Corpus
from factcheck.intervals import Item
from factcheck.model import Property
from factcheck.values import INF, NoValue, Quantity, Status, Time, Value, counted, format_number


def point(value: Value) -> float | None:
    if isinstance(value, Quantity):
        if value.point is not None:
            return value.point
        if value.high != INF:
            return (value.low + value.high) / 2
        return value.low
    if isinstance(value, Time) and value.low != -INF and value.high != INF:
        return (value.low + value.high) / 2
    return None


def _grade(x: float, medium: float, high: float) -> Severity:
    return Severity.high if x >= high else Severity.medium if x >= medium else Severity.low


def measure(a: Item, b: Item, prop: Property) -> tuple[Severity, float]:
    """How far apart two conflicting claims are, as a severity and a magnitude.

    The measure follows the property's kind: a ratio for counts and amounts, percentage
    points for shares, days for dates; differing statuses and 'has not happened' against a
    date are as far apart as claims can be. No words are made here: the sweep measures
    many pairs and words only the one it shows (`distance`).
    """
    va, vb = a.value, b.value
    if prop.kind in ("entity", "status") or isinstance(va, NoValue) or isinstance(vb, NoValue):
        return Severity.high, INF
    pa, pb = point(va), point(vb)
    if pa is None or pb is None:
        return Severity.medium, 0.0
    gap = abs(pb - pa)
    if prop.kind == "date":
        return (Severity.low if gap < 1 else _grade(round(gap), 7, 30)), gap
    if prop.kind == "percentage":
        return _grade(gap, 5, 20), gap
    small, large = (pa, pb) if pa < pb else (pb, pa)
    if small <= 0:
        return Severity.high, INF
    ratio = large / small
    return _grade(ratio, 1.25, 2), ratio


def distance(a: Item, b: Item, prop: Property) -> str:
    """How far apart two conflicting claims are, in words: `×3.6`, `12 days`."""
    va, vb = a.value, b.value
    if prop.kind == "entity":
        return f"{va.written} vs {vb.written}"
    if prop.kind == "status" or isinstance(va, NoValue) or isinstance(vb, NoValue):
        return f"{_status_word(va)} vs {_status_word(vb)}"
    pa, pb = point(va), point(vb)
    if pa is None or pb is None:
        return "no overlap"
    gap = abs(pb - pa)
    if prop.kind == "date":
        if gap < 1:  # times of day
            minutes = round(gap * 1440)
            return counted(minutes, "minute") if minutes < 120 else counted(minutes // 60, "hour")
        return counted(round(gap), "day")
    if prop.kind == "percentage":
        return f"{format_number(round(gap, 1))} points"
    small, large = sorted((pa, pb))
    if small <= 0:
        return f"{format_number(gap)} apart"
    return f"×{large / small:.1f}"


def pair_score(a: Item, b: Item, prop: Property) -> tuple[float, float]:
    """Severity, then magnitude: a conflict one side of which gives no time is one step less
    severe, since time may explain it."""
    severity, magnitude = measure(a, b, prop)
    if not a.timed or not b.timed:
        severity = Severity(max(Severity.low, severity - 1))
    return float(severity), magnitude


def _status_word(value: Value) -> str:
    if isinstance(value, Status):
        return value.written
    if isinstance(value, Time) and value.start and str(value.start.year) not in value.written:
        return value.describe()
    return value.written


def said(value: Value) -> str:
    """A value as a sentence gives it: figures and dates as written, words (a category,
    'ongoing') in quotation marks, so that 'denies ‘required’' is not read as grammar."""
    if isinstance(value, (Status, NoValue)):
        return f"‘{value.written}’"
    return value.written


def listed(words: list[str], most: int = 3, conjunction: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`, `a, b, c and 4 more`."""
    if len(words) > most:
        return f"{', '.join(words[:most])} {conjunction} {len(words) - most} more"
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def sentence(text: str) -> str:
    """`text` starting with a capital letter, as a sentence does."""
    return text[:1].upper() + text[1:]


def who(item: Item) -> str:
    return item.claim.claimant or item.claim.document


def when(item: Item, corpus: Corpus) -> str:
    """` as of 12 February 2024`, or when it was said: ` on 13 February 2024`."""
    if when := corpus.as_of.get(item.claim.id):
        return f" as of {when.written}"
    if when := corpus.stated.get(item.claim.id):
        return f" on {when.written}"
    return ""


def side_summary(cluster: list[Item], corpus: Corpus) -> str:
    parts = [f"{it.value.written} ({who(it)}{when(it, corpus)})" for it in cluster[:3]]
    more = f" and {len(cluster) - 3} more" if len(cluster) > 3 else ""
    return "; ".join(parts) + more


def describe(item: Item, corpus: Corpus) -> str:
    """`3,400 (Agency as of 12 February 2024)`, `‘ended’ (Court)`."""
    return f"{said(item.value)} ({who(item)}{when(item, corpus)})"


def reason(a: Item, b: Item, prop: Property, corpus: Corpus) -> str:
    first, second = describe(a, corpus), describe(b, corpus)
    if prop.kind == "date":
        not_yet = next((x for x in (a, b) if isinstance(x.value, NoValue)), None)
        if not_yet is None:
            return f"{first} and {second} give dates that do not overlap"
        if not not_yet.timed:
            return (
                f"{first} and {second}: {who(not_yet)} says it has not happened and gives "
                "no time, so it may contradict the date"
            )
        return (
            f"{first} and {second}: {who(not_yet)} says it had not happened by a time "
            "after that date"
        )
    if not a.timed or not b.timed:
        untimed = list(dict.fromkeys(who(x) for x in (a, b) if not x.timed))
        names = " and ".join(untimed)
        unsaid = (
            f"{names} does not say when it applies"
            if len(untimed) == 1
            else f"{names} do not say when theirs apply"
        )
        return (
            f"{first} and {second} cannot both hold at one time; {unsaid}, "
            "so both may describe the same moment"
        )
    if prop.growing:
        return (
            f"{first} and {second} cannot both hold: the larger figure is not later, "
            "and this quantity only grows"
        )
    return f"{first} and {second} cannot both hold at the same time"
