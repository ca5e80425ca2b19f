"""Progress of long steps, told to whoever listens: the library says how far it is, the
CLI draws bars on stderr. With no listener, telling costs one comparison.
"""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[str, int, int], None]

_listener: list[Listener] = []


def listen(listener: Listener | None) -> None:
    """Send progress to `listener(step, done, total)`; None stops sending it."""
    _listener[:] = [listener] if listener else []


def tell(step: str, done: int, total: int) -> None:
    """`done` of `total` units of `step` (files read, topics compared, …) are finished."""
    if _listener:
        _listener[0](step, done, total)
