"""The charts of the HTML report: every claim named with its value in full, denials drawn
apart from statements, counts on an axis from zero, and a legend for every kind of mark."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path
from typing import Any

from factcheck.loading import load_corpus
from factcheck.render.html_format import chart
from factcheck.report import build_report


def _conflicts(mini: Path) -> list[dict[str, Any]]:
    report = build_report(load_corpus([mini], strict=False))
    return [
        {**c, "sides": [{**s, "claims": list(s["claims"])} for s in c["sides"]]}
        for c in report.conflicts.conflicts
    ]


def _ticks(svg: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'<text class="tick"[^>]*>([^<]*)</text>', svg)]


def _text(svg: str) -> str:
    """What a reader reads in the chart: its text, without markup."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", svg)))


def _claims(conflict: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for side in conflict["sides"] for c in side["claims"]]


def _kind(conflict: dict[str, Any]) -> set[str]:
    return {c["parsed"]["kind"] for c in _claims(conflict)}


def test_every_claim_is_named_in_full_with_its_value(mini: Path) -> None:
    long_name = "a source close to one of the federal ministries of the country " * 2
    for conflict in _conflicts(mini):
        for side in conflict["sides"]:
            side["claims"] = [{**c, "claimant": long_name + c["claimant"]} for c in side["claims"]]
        drawn = chart(conflict)
        if not drawn:
            continue
        text = _text(drawn)
        for c in _claims(conflict):
            assert " ".join(c["claimant"].split()) in text
            assert c["value"] in text


def test_a_count_axis_starts_at_zero_with_distinct_ticks(mini: Path) -> None:
    counts = [c for c in _conflicts(mini) if _kind(c) == {"quantity"}]
    assert counts
    for conflict in counts:
        ticks = _ticks(chart(conflict))
        assert ticks and ticks[0] == "0"
        assert len(set(ticks)) == len(ticks)
        # Ticks step evenly, and the last lies at or beyond every figure.
        values = [float(t.replace(",", "")) for t in ticks]
        steps = {round(b - a, 6) for a, b in itertools.pairwise(values)}
        assert len(steps) == 1
        highs = [c["parsed"]["high"] or c["parsed"]["low"] for c in _claims(conflict)]
        assert values[-1] >= max(highs)


def test_a_denial_is_drawn_apart_and_explained(mini: Path) -> None:
    denials = [c for c in _conflicts(mini) if any(x["stance"] == "denies" for x in _claims(c))]
    assert denials
    for conflict in denials:
        drawn = chart(conflict)
        text = _text(drawn)
        for c in _claims(conflict):
            if c["stance"] == "denies":
                assert f"denies {c['value']}" in text
        assert "stroke-dasharray" in drawn  # an outline, not a filled bar
        assert "a figure a claim denies" in text


def test_a_date_axis_names_distinct_days_and_explains_what_has_not_happened(
    mini: Path,
) -> None:
    dates = [c for c in _conflicts(mini) if "time" in _kind(c)]
    assert dates
    for conflict in dates:
        drawn = chart(conflict)
        ticks = _ticks(drawn)
        assert ticks and len(set(ticks)) == len(ticks)
        if "none" in _kind(conflict):
            assert "has not happened" in _text(drawn).split("colours:")[0]
            assert "not yet" in ticks or "not yet" in _text(drawn)


def test_no_part_of_a_chart_is_wider_than_a_phone(mini: Path) -> None:
    drawn = [chart(c) for c in _conflicts(mini)]
    assert any(drawn)
    for svg in filter(None, drawn):
        for width in re.findall(r'<svg[^>]* width="([^"]+)"', svg):
            assert width == "100%" or float(width) <= 40  # a strip, or a legend's swatch
