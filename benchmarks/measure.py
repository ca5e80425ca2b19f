"""One command run in a fresh process, measured from outside: wall time, and the CPU time
and peak memory of its whole process tree (the command and every process it starts, such
as the workers of a multiprocessing pool).

- Wall time: from just before the process is started until it has been reaped.
- CPU time: user + system time, the change in this process's
  getrusage(RUSAGE_CHILDREN) across the run. That total grows when a child is reaped, by
  the child's own time and that of every descendant its parent waited for (a pool waits
  for its workers), so it covers the tree. It holds only if this process runs one child
  at a time, as the benchmark scripts do.
- Peak memory: a thread sums the resident set sizes (RSS, /proc/<pid>/statm) of the child
  and all its descendants every 10 ms and keeps the largest sum. A spike shorter than
  the interval can fall between two samples. Pages that processes share (libraries, the
  copy-on-write pages of a forked worker) count once per process, as `ps` counts them,
  so for a tree of forked workers the sum can exceed what the tree really holds. The
  figure reported is at least the child's ru_maxrss from wait4 (on Linux the largest
  single process among the child and the descendants it waited for), so a short spike in
  a single-process run is not under-reported. That floor holds only when this process is
  small: Linux carries the high-water mark of the memory a process had when it called exec
  into the new program's ru_maxrss, so a child started from a large benchmark process
  reports at least that size. `tree_peak_mb` is the sampled figure alone.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass

#: Seconds between two samples of the process tree's memory.
INTERVAL = 0.01
MB = 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")
#: Whether the kernel lists a task's children in /proc (CONFIG_PROC_CHILDREN).
_CHILDREN_FILE = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


@dataclass
class Run:
    """One run: seconds of wall time and of CPU time (process tree), peak memory in MB
    (process tree, sampled, at least `own_peak_mb`), the child's own ru_maxrss in MB, and
    what the child wrote to standard output."""

    wall: float
    cpu: float
    peak_mb: float
    own_peak_mb: float
    out: str
    tree_peak_mb: float = 0.0


@dataclass
class Summary:
    """Several runs of one thing: medians of wall and CPU time, the largest peak memory."""

    runs: int
    wall: float
    cpu: float
    peak_mb: float


def summarize(runs: list[Run]) -> Summary:
    return Summary(
        len(runs),
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_mb for r in runs),
    )


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from each of its threads' children file."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found: list[int] = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as handle:
                found += map(int, handle.read().split())
        except OSError:
            continue  # the thread ended meanwhile
    return found


def _children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from the parent ids in /proc/*/stat (for kernels without
    the children file)."""
    tree: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name, in parentheses, may hold spaces: fields follow the last ")".
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        tree.setdefault(ppid, []).append(int(name))
    return tree


def _resident_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0  # gone, or a zombie


def tree_resident_bytes(root: int) -> int:
    """The sum of the resident set sizes of `root` and all its descendants, now."""
    by_parent = None if _CHILDREN_FILE else _children_by_parent()
    total, todo, seen = 0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _resident_bytes(pid)
        todo += _children(pid) if by_parent is None else by_parent.get(pid, [])
    return total


class _TreeSampler(threading.Thread):
    """Samples a process tree's memory every INTERVAL until told to finish."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self._finished = threading.Event()

    def run(self) -> None:
        while True:
            self.peak = max(self.peak, tree_resident_bytes(self.root))
            if self._finished.wait(INTERVAL):
                return

    def finish(self) -> int:
        self._finished.set()
        self.join()
        return self.peak


def _cpu_seconds(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def run_child(argv: list[str], env: dict[str, str], ok: tuple[int, ...] = (0, 1)) -> Run:
    """Run `argv` in a fresh process and measure it (see the module's docstring). An exit
    status outside `ok` stops the benchmark with the child's error output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        sampler = _TreeSampler(proc.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            sampled = sampler.finish()
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # Reaped here, not by Popen: tell it, so that it never waits for this pid again.
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            err.seek(0)
            message = err.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{message}")
        out.seek(0)
        text = out.read().decode(errors="replace")
    own = usage.ru_maxrss / 1024  # kilobytes on Linux
    return Run(
        wall=wall,
        cpu=_cpu_seconds(after) - _cpu_seconds(before),
        peak_mb=max(sampled / MB, own),
        own_peak_mb=own,
        out=text,
        tree_peak_mb=sampled / MB,
    )


def run_many(argv: list[str], env: dict[str, str], runs: int) -> Summary:
    """`runs` runs of `argv`, one after another, summarized."""
    return summarize([run_child(argv, env) for _ in range(runs)])
