"""Progress is told for long steps, and drawn only when a step lasts over a second."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from factcheck import progress
from factcheck.citations import run_checks
from factcheck.cli_output import Bars
from factcheck.conflicts import find_conflicts
from factcheck.loading import load_corpus


@pytest.fixture
def told() -> Iterator[list[tuple[str, int, int]]]:
    seen: list[tuple[str, int, int]] = []
    progress.listen(lambda step, done, total: seen.append((step, done, total)))
    yield seen
    progress.listen(None)


def test_loading_checking_and_finding_conflicts_tell_their_progress(
    told: list[tuple[str, int, int]],
) -> None:
    corpus = load_corpus(use_cache=False)
    find_conflicts(corpus)
    run_checks(load_corpus(strict=False, use_cache=False), today=date(2026, 11, 21))
    steps = {step: [(d, t) for s, d, t in told if s == step] for step, _, _ in told}
    assert set(steps) == {"reading claim files", "finding conflicts", "checking citations"}
    for step, counts in steps.items():
        total = counts[0][1]
        assert counts[0] == (0, total), step
        assert counts[-1] == (total, total), step
        assert all(0 <= d <= t == total for d, t in counts), step


def test_no_listener_means_nothing_is_told() -> None:
    progress.listen(None)
    progress.tell("anything", 1, 2)  # must not fail, and nothing is listening


def test_bars_appear_only_for_a_step_that_lasts() -> None:
    # The bars' own clock, not the process's: a frozen time.monotonic would also freeze
    # every wait with a time-out (multiprocessing's pool shutdown spins on it forever).
    clock = [100.0]
    bars = Bars(clock=lambda: clock[0])
    bars("quick step", 0, 10)
    clock[0] += 0.5
    bars("quick step", 10, 10)
    assert bars.bars is None
    bars("slow step", 0, 10)
    clock[0] += 1.5
    bars("slow step", 3, 10)
    try:
        assert bars.bars is not None
        task = bars.bars.tasks[0]
        assert (task.description, task.completed, task.total) == ("slow step", 3, 10)
    finally:
        bars.close()
