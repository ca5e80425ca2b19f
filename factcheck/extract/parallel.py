"""The parts of one large document's work done side by side, one process per core.

The processes are forked: they start at once and see the parent's data as it stood, so a
task is a plain function of no arguments (a closure over the document is fine) and only
its result is sent back, pickled. Where a system cannot fork (it is not Linux), where
there is one core, or where there is one task, the tasks run here, one after another; the
results are the same, in the same order, either way.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from factcheck.errors import FactcheckError

T = TypeVar("T")

#: The tasks of the run under way, read by the forked processes (which inherit them).
_TASKS: Sequence[Callable[[], Any]] = ()


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_all(tasks: Sequence[Callable[[], T]], processes: int | None = None) -> list[T]:
    """Each task's result, in the order of `tasks`: in up to `processes` forked processes
    (by default one per core), else here. An exception a task raises is raised here."""
    global _TASKS
    processes = min(cores() if processes is None else processes, len(tasks))
    # A worker process does not start processes of its own: its tasks run in it.
    if processes < 2 or not sys.platform.startswith("linux") or _in_worker:
        return [task() for task in tasks]
    # (Imported only now: a short document never needs them.)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _TASKS = tasks
    fork = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(processes, fork, initializer=_start_worker) as pool:
            return list(pool.map(_run, range(len(tasks))))
    except BrokenProcessPool as exc:
        # A process was killed (out of memory, most often): say so rather than wait for it.
        raise FactcheckError(
            "a worker process ended before its part of the work was done (out of memory?)"
        ) from exc
    except OSError:  # no process could be started (a limit on processes or on memory)
        return [task() for task in tasks]
    finally:
        _TASKS = ()


#: Whether this process is a worker.
_in_worker = False


def _start_worker() -> None:
    global _in_worker
    _in_worker = True


def _run(index: int) -> Any:
    return _TASKS[index]()
