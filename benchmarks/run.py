"""Benchmarks: factcheck's commands on synthetic claim bases, beside their peers.

    python benchmarks/run.py                      # 10,000, 100,000 and 1,000,000 claims
    python benchmarks/run.py --sizes 1000 --repeat 1   # a quick smoke run

Prints one Markdown table: corpus size, command, median wall time of several runs, the
peer it is compared with, the peer's median, the ratio, and the command's peak memory.
Every timing runs the installed `factcheck` in a fresh process, as a user would. Corpora
are generated once per size into the work folder (benchmarks/generate.py) and reused.

Peers, in the same run:
- search: a linear rapidfuzz scan over all claim texts held in memory (the scan alone,
  loading excluded: the best case for the peer), and `grep -ril` over the claim files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

QUERIES = (
    "Alexey",
    "mobilzation",
    "Galleoti Kazakhstan",
    '"the wave"',
    "conscript*",
    "Shoygu -Moscow",
)
GREP_WORD = "kazakhstan"
FACTCHECK = str(Path(sys.executable).parent / "factcheck")


@dataclass
class Row:
    size: int
    command: str
    median: float
    peak_mb: float
    peer: str = ""
    peer_median: float | None = None


def run_child(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall time, peak memory (MB, the child's own, from wait4) and stdout of one run in a
    fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err.decode()}")
    return elapsed, usage.ru_maxrss / 1024, out.decode()


def corpus(size: int, work: Path, fmt: str) -> Path:
    folder = work / f"claims-{size}-{fmt}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(size, folder, fmt)
        done.write_text("ok")
    return folder


SCAN = """
import sys, time, orjson
from pathlib import Path
from rapidfuzz import fuzz, process
texts = [c["text"] for p in sorted(Path(sys.argv[1]).glob("*.json"))
         for c in orjson.loads(p.read_bytes()).get("claims", [])]
start = time.perf_counter()
for query in sys.argv[2:]:
    process.extract(query, texts, scorer=fuzz.partial_ratio, limit=20)
print((time.perf_counter() - start) / (len(sys.argv) - 2))
"""


def bench_search(size: int, folder: Path, repeat: int, env: dict[str, str]) -> list[Row]:
    cache = Path(tempfile.mkdtemp(prefix="factcheck-bench-cache-"))
    env = {**env, "FACTCHECK_CACHE": str(cache)}
    base = [FACTCHECK, "search", "--claims", str(folder), "--limit", "20"]
    first, first_peak, _ = run_child([*base, "Alexey"], env)
    times, peaks = [], []
    for _ in range(repeat):
        for query in QUERIES:
            elapsed, peak, _ = run_child([*base, query], env)
            times.append(elapsed)
            peaks.append(peak)
    scans = []
    if any(folder.glob("*.json")):
        for _ in range(max(1, repeat // 2)):
            _, _, out = run_child([sys.executable, "-c", SCAN, str(folder), *QUERIES], env)
            scans.append(float(out.strip()))
    greps = [run_child(["grep", "-ril", GREP_WORD, str(folder)], env)[0] for _ in range(repeat)]
    shutil.rmtree(cache, ignore_errors=True)
    rows = [
        Row(size, "search, first run (builds the index)", first, first_peak),
        Row(
            size,
            "search, repeated",
            statistics.median(times),
            max(peaks),
            "grep -ril",
            statistics.median(greps),
        ),
    ]
    if scans:
        rows.append(
            Row(
                size,
                "search, repeated",
                statistics.median(times),
                max(peaks),
                "rapidfuzz scan (in memory)",
                statistics.median(scans),
            )
        )
    return rows


def table(rows: list[Row]) -> str:
    lines = [
        "| claims | command | median (s) | peer | peer median (s) | ratio | peak memory (MB) |",
        "| ---: | --- | ---: | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        ratio = f"{r.median / r.peer_median:.2f}" if r.peer_median else ""
        peer = f"{r.peer_median:.3f}" if r.peer_median is not None else ""
        lines.append(
            f"| {r.size:,} | {r.command} | {r.median:.3f} | {r.peer} | {peer} | "
            f"{ratio} | {r.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--format",
        choices=("yaml", "json"),
        default="json",
        help="claim file format of the synthetic corpora",
    )
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench"
    )
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_CLAIMS", "NO_COLOR")}
    env["COLUMNS"] = "120"
    rows: list[Row] = []
    for size in args.sizes:
        folder = corpus(size, args.work, args.format)
        rows += bench_search(size, folder, args.repeat, env)
        sys.stderr.write(f"done: {size:,} claims\n")
    sys.stdout.write(
        f"python benchmarks/run.py --sizes {' '.join(map(str, args.sizes))} "
        f"--repeat {args.repeat} --format {args.format}\n\n{table(rows)}\n"
    )


if __name__ == "__main__":
    main()
