"""The cyclic garbage collector, paused while many long-lived objects are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Build many long-lived objects without the cyclic garbage collector (also usable as a
    decorator).

    Loading creates millions of objects and frees almost none, so each collection walks
    everything built so far for nothing: with it running, loading 100,000 claims took
    nearly three times as long. Records hold no reference cycles, so nothing is lost.

    When the collector is turned back on, what was built is moved out of its reach
    (`gc.freeze`): else the next collection would walk every object of the pause once
    more, the youngest generation holding them all (0.8 s at 100,000 claims). Frozen
    objects are still freed when nothing refers to them; only a cycle among them would
    outlive its use.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
