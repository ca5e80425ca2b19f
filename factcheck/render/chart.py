"""The chart of a numeric or date conflict in the HTML report: every claim of every side on
one axis, one row each.

Each row is a line of text (side, claimant, time, and the value as written, so nothing is
cut and every mark is named) above a strip of SVG placed in percent of the width, so that
the chart fits a phone as well as a desktop and prints as drawn. Counts and amounts are
drawn from zero, so that their bars compare as their figures do; a denied figure is an
outline, never a filled bar; a legend says what each kind of mark means.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from factcheck.render.data import when
from factcheck.render.text import without_controls
from factcheck.values import format_number

#: One colour per side, as numbered in the table under the chart.
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2")
#: Where the axis ends (percent of the width) when the shaded 'not yet' area follows it.
_NOT_YET_FROM = 84.0
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _e(value: object) -> str:
    return html.escape(without_controls("" if value is None else str(value)))


@dataclass(frozen=True)
class _Row:
    side: int
    claim: dict[str, Any]
    low: float | None  # None: no lower bound
    high: float | None  # None: no upper bound
    point: float | None = None
    not_yet: bool = False  # 'has not happened' (ongoing, never): no point on the axis
    favoured: bool = False  # on the side an assessment (`--assess`) leans to

    @property
    def denied(self) -> bool:
        return bool(self.claim["stance"] == "denies")


def _row(side: int, claim: dict[str, Any]) -> tuple[_Row | None, str]:
    """A claim as a row of the chart, and the kind of axis it needs (number or date)."""
    parsed = claim["parsed"]
    if parsed["kind"] == "quantity":
        lo, hi = parsed["low"], parsed["high"]
        point = parsed.get("point")
        lo = lo if lo is not None and math.isfinite(lo) else None
        hi = hi if hi is not None and math.isfinite(hi) else None
        inside = lo is not None and hi is not None and point is not None and lo < point < hi
        return _Row(side, claim, lo, hi, point if inside else None), "number"
    if parsed["kind"] == "time":
        start = date.fromisoformat(parsed["start"]).toordinal() if parsed["start"] else None
        end = date.fromisoformat(parsed["end"]).toordinal() if parsed["end"] else None
        return _Row(side, claim, start, end), "date"
    if parsed["kind"] == "none":
        return _Row(side, claim, None, None, not_yet=True), "date"
    return None, parsed["kind"]


# --------------------------------------------------------------------------- axes


def _nice_step(span: float, intervals: int) -> float:
    """The smallest step of 1, 2, 2.5 or 5 times a power of ten that covers `span` in at
    most `intervals` steps."""
    raw = span / intervals
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * power >= raw * (1 - 1e-9))


def _number_axis(low: float, high: float, open_ended: bool) -> list[tuple[float, str]]:
    """Ticks from zero (or the lowest figure, when below zero) past the highest figure;
    room beyond it when a bar has no upper bound."""
    start = min(0.0, low)
    if open_ended:
        high += (high - start) * 0.15 or 1
    if high <= start:
        high = start + 1
    step = _nice_step(high - start, 4)
    first = math.floor(start / step)
    count = math.ceil(high / step - 1e-9) - first
    digits = max(0, -math.floor(math.log10(step)) + (0 if step * 10 % 10 == 0 else 1))
    return [
        ((first + k) * step, format_number(round((first + k) * step, digits)))
        for k in range(count + 1)
    ]


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _date_axis(low: float, high: float) -> list[tuple[float, str]]:
    """Ticks on whole days, months or years (at most five), named as a reader writes a
    date; the year is given once, and again where it changes."""
    if high - low < 2:
        low, high = low - 1, high + 1
    span = high - low
    ticks: list[date] = []
    day_step = next((s for s in (1, 2, 7, 14) if span / s <= 4), None)
    if day_step is not None:
        ticks = [date.fromordinal(int(low) + k * day_step) for k in range(5)]
        ticks = [t for t in ticks if t.toordinal() - day_step < high]
    else:
        first, last = date.fromordinal(int(low)), date.fromordinal(math.ceil(high))
        months = _month_index(last) + 1 - _month_index(first)
        step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120, 240, 600) if months / s <= 4), 1200)
        start = _month_index(first) // step * step
        k = start
        while not ticks or ticks[-1] < last:
            ticks.append(date(k // 12, k % 12 + 1, 1))
            k += step
    words: list[tuple[float, str]] = []
    year = None
    by_day = day_step is not None
    by_year = not by_day and len({t.month for t in ticks}) == 1 and ticks[0].month == 1
    for t in ticks:
        if by_year:
            text = str(t.year)
        else:
            text = f"{t.day} {_MONTHS[t.month - 1]}" if by_day else _MONTHS[t.month - 1]
            if t.year != year:
                text += f" {t.year}"
        year = t.year
        words.append((float(t.toordinal()), text))
    return words


# --------------------------------------------------------------------------- drawing


def _label(row: _Row) -> str:
    """`Side 2 · Kremlin, 6 October 2022: denies 700,000`: who gave what, and when."""
    c = row.claim
    moment = when(c)
    who = (c["claimant"] or c["document"]) + (f", {moment}" if moment else "")
    value = c["value"] + (" (has not happened)" if row.not_yet else "")
    verb = "denies " if row.denied else ""
    colour = COLOURS[row.side % len(COLOURS)]
    star = " ★" if row.favoured else ""
    return (
        f'<div class="who"><b style="color:{colour}">Side {row.side + 1}{star}</b> · '
        f"{_e(who)}: {verb}<b>{_e(value)}</b></div>"
    )


def _arrow(x: float, colour: str, right: bool) -> str:
    """An arrowhead at `x` percent: the bar goes on beyond the axis."""
    points = "0,1 8,8 0,15" if right else "0,1 -8,8 0,15"
    return (
        f'<svg x="{x:.2f}%" y="0" width="1" height="16" overflow="visible">'
        f'<polygon points="{points}" fill="{colour}"/></svg>'
    )


def _marks(row: _Row, at: Callable[[float], float], end: float) -> str:
    """The marks of one row: a bar for a range, a narrow mark for a figure, an outline for
    what is denied, arrowheads where a bound is missing."""
    colour = COLOURS[row.side % len(COLOURS)]
    paint = (
        f'fill="#fff" stroke="{colour}" stroke-width="2" stroke-dasharray="4 2"'
        if row.denied
        else f'fill="{colour}"'
    )
    title = f"<title>{_e(row.claim['value'])}</title>"
    if row.not_yet:
        x = _NOT_YET_FROM + 2
        return (
            f'<rect x="{x:.2f}%" y="3" width="{100 - x:.2f}%" height="10" {paint} '
            f'opacity="0.8">{title}</rect>' + _arrow(100, colour, right=True)
        )
    x1 = 0.0 if row.low is None else at(row.low)
    x2 = end if row.high is None else at(row.high)
    out = []
    if x2 - x1 < 0.8:  # a figure, or a range too narrow to see: a mark of its own width
        out.append(
            f'<rect x="{(x1 + x2) / 2:.2f}%" y="1" width="8" height="14" '
            f'transform="translate(-4 0)" {paint}>{title}</rect>'
        )
    else:
        out.append(
            f'<rect x="{x1:.2f}%" y="3" width="{x2 - x1:.2f}%" height="10" {paint} '
            f'opacity="0.8">{title}</rect>'
        )
        if row.point is not None:
            out.append(
                f'<rect x="{at(row.point):.2f}%" y="0" width="2" height="16" '
                f'transform="translate(-1 0)" fill="#222"/>'
            )
    if row.high is None:
        out.append(_arrow(end, colour, right=True))
    if row.low is None:
        out.append(_arrow(0, colour, right=False))
    return "".join(out)


def _swatch(paint: str) -> str:
    return (
        f'<svg width="22" height="12" aria-hidden="true"><rect x="1" y="1" width="20" '
        f'height="10" {paint}/></svg>'
    )


def _legend(rows: list[_Row], kind: str) -> str:
    grey = 'fill="#777"'
    items = [f"{_swatch(grey)} the figure or range a claim gives (a narrow mark: one figure)"]
    if any(r.point is not None for r in rows):
        items.append("a dark line in a bar: the figure the claim names within its range")
    if any(r.denied for r in rows):
        dashed = 'fill="#fff" stroke="#777" stroke-width="2" stroke-dasharray="4 2"'
        items.append(f"{_swatch(dashed)} a figure a claim denies")
    if any(r.high is None and not r.not_yet for r in rows):
        items.append("▶ at the end of a bar: no upper limit (such as ‘at least’)")
    if any(r.low is None and not r.not_yet for r in rows):
        items.append("◀ at the start of a bar: no lower limit (such as ‘before’)")
    if any(r.not_yet for r in rows):
        items.append(
            "bars in the shaded area after the last date: the claim says it has not "
            "happened (such as ‘ongoing’), as of the time it gives"
        )
    if kind == "number":
        items.append("the axis starts at zero")
    if any(r.favoured for r in rows):
        items.append(
            "★ the side the evidence leans to (an assessment, not a verdict: the conflict "
            "stays open)"
        )
    items.append("colours: the sides of the conflict, as numbered in the table")
    return '<figcaption class="muted">' + " · ".join(items) + "</figcaption>"


def chart(data: dict[str, Any]) -> str:
    """The chart of a conflict's claims ('' when they have no figure or date to place)."""
    rows: list[_Row] = []
    kinds = set()
    favoured = (data.get("assessment") or {}).get("favoured")
    for n, side in enumerate(data["sides"]):
        for c in side["claims"]:
            row, kind = _row(n, c)
            if row is not None:
                rows.append(replace(row, favoured=True) if n == favoured else row)
                kinds.add(kind)
    if len(kinds) != 1 or not rows:
        return ""
    kind = kinds.pop()
    finite = [v for r in rows for v in (r.low, r.high) if v is not None]
    if not finite:
        return ""
    low, high = min(finite), max(finite)
    not_yet = any(r.not_yet for r in rows)
    if kind == "number":
        open_ended = any(r.high is None for r in rows)
        ticks = _number_axis(low, high, open_ended)
    else:
        ticks = _date_axis(low, high)
    first, last = ticks[0][0], ticks[-1][0]
    end = _NOT_YET_FROM if not_yet else 100.0

    def at(v: float) -> float:
        return (v - first) / (last - first) * end

    out = [
        f'<figure class="chart" aria-label="{_e(data["property_name"])}: the claims '
        f'of each side on one axis">'
    ]
    for row in rows:
        shade = (
            f'<rect x="{_NOT_YET_FROM:.2f}%" y="0" width="{100 - _NOT_YET_FROM:.2f}%" '
            'height="16" fill="#eee"/>'
            if not_yet
            else ""
        )
        out.append(
            _label(row) + '<svg class="track" width="100%" height="16">'
            f"{shade}{_marks(row, at, end)}</svg>"
        )
    out.append(_axis(ticks, at, end, not_yet))
    out.append(_legend(rows, kind))
    out.append("</figure>")
    return "\n".join(out)


def _axis(
    ticks: list[tuple[float, str]], at: Callable[[float], float], end: float, not_yet: bool
) -> str:
    parts = [f'<line x1="0%" y1="1" x2="{end:.2f}%" y2="1" stroke="#888"/>']
    for i, (value, text) in enumerate(ticks):
        x = at(value)
        anchor = "start" if i == 0 else "end" if i == len(ticks) - 1 else "middle"
        parts.append(
            f'<line x1="{x:.2f}%" y1="1" x2="{x:.2f}%" y2="6" stroke="#888"/>'
            f'<text class="tick" x="{x:.2f}%" y="18" font-size="11" '
            f'text-anchor="{anchor}">{_e(text)}</text>'
        )
    if not_yet:
        parts.append(
            f'<text x="{_NOT_YET_FROM + 2:.2f}%" y="18" font-size="11" '
            'font-style="italic">not yet</text>'
        )
    return f'<svg class="axis" width="100%" height="22">{"".join(parts)}</svg>'
