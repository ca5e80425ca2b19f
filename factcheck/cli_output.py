"""What the command line shows besides the data: its style, notes and progress bars on
stderr."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

from rich.console import Console

from factcheck.render import Style


def stderr() -> Console:
    # Messages never wrap: one problem stays one greppable `file:line: field: message` line.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def style() -> Style:
    """Colour on a terminal without NO_COLOR; the width of $COLUMNS, else of the terminal
    (a shell's COLUMNS is seldom exported), else 120 for a file or a pipe."""
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return Style(color=color, width=max(60, _width()))


def _width() -> int:
    """$COLUMNS, else the width of the terminal on standard output, error or input: output
    piped into `less` or `head` is still read in the terminal the command was typed in."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            continue
    return 120


def notes(notes: list[str]) -> None:
    """What the loader noticed (files skipped), dimmed on stderr."""
    if notes:
        from rich.text import Text

        from factcheck.piped import named
        from factcheck.render.text import plain

        err = stderr()
        for note in notes:
            err.print(Text(f"note: {plain(named(note))}", style="dim"))


class Bars:
    """Rich progress bars on stderr for steps that have run over a second, on a terminal
    only; they vanish when the command ends."""

    DELAY = 1.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.started: dict[str, float] = {}
        self.tasks: dict[str, Any] = {}
        self.bars: Any = None

    def __call__(self, step: str, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started.setdefault(step, now) < self.DELAY and step not in self.tasks:
            return
        if self.bars is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self.bars = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=stderr(),
                transient=True,
            )
            self.bars.start()
        if step not in self.tasks:
            self.tasks[step] = self.bars.add_task(step, total=total)
        self.bars.update(self.tasks[step], completed=done, total=total)

    def close(self) -> None:
        if self.bars is not None:
            self.bars.stop()
