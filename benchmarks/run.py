"""Benchmarks: factcheck's commands on synthetic claim bases, beside their peers.

    python benchmarks/run.py                                  # 1,000 to 1,000,000 claims
    python benchmarks/run.py --sizes 1000 --repeat 1          # a quick smoke run (CI)

Prints one Markdown table: corpus size, command, how many runs, median wall time, the
peer it is compared with, the peer's median, the ratio, and the command's peak memory;
then the performance targets, each with the figure measured in this run and whether it is
met. Every timing runs the installed `factcheck` in a fresh process, as a user would, with
its own cache folder. Corpora are generated once per size and format into the work folder
(benchmarks/generate.py) and reused.

For `conflicts`, `check` and `export`: a first run (empty cache: every file parsed), a run
after one file changed (the other files come from the cache of parsed files), and repeated
runs (nothing changed). For `search`: the first run (builds the index) and repeated
queries. Output goes to a file (`-o`), as a report would; `conflicts` prints the default
table (the 20 most severe conflicts and the counts).

Peers, in the same run:
- parser alone: reading every claim file with the parser factcheck uses for it (PyYAML's
  C loader for YAML, orjson for JSON), nothing else; the floor for a first run.
- all-pairs conflict check: every pair of a random sample of claims compared (same topic
  and scope, value intervals apart, times overlapping), timed, and extrapolated to all
  pairs of the corpus (n² growth).
- rapidfuzz scan: every claim text compared with each query in memory (loading excluded).
- `grep -ril`: which claim files contain a word.
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
COMMANDS = ("conflicts", "check", "export", "search")
#: A sample this large is compared all-pairs (about 4.5 million pairs).
PAIR_SAMPLE = 3000


@dataclass
class Row:
    size: int
    command: str
    runs: int
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


PARSE = """
import sys, time
from pathlib import Path
files = sorted(p for p in Path(sys.argv[1]).iterdir() if p.suffix in (".yaml", ".json"))
start = time.perf_counter()
if files and files[0].suffix == ".json":
    import orjson
    for p in files:
        orjson.loads(p.read_bytes())
else:
    import yaml
    for p in files:
        yaml.load(p.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""

# The claims are loaded through factcheck's cache (already warm), and only the comparison
# is timed, so each peer is measured at its best.
SCAN = """
import sys, time
from rapidfuzz import fuzz, process
from factcheck.loading import load_corpus
texts = [c.text for c in load_corpus([sys.argv[1]]).claims.values()]
start = time.perf_counter()
for query in sys.argv[2:]:
    process.extract(query, texts, scorer=fuzz.partial_ratio, limit=20)
print((time.perf_counter() - start) / (len(sys.argv) - 2))
"""

ALL_PAIRS = """
import random, sys, time
from factcheck.loading import load_corpus
corpus = load_corpus([sys.argv[1]])
rng = random.Random(7)
ids = sorted(corpus.claims)
sample = rng.sample(ids, min(int(sys.argv[2]), len(ids)))
rows = []
for cid in sample:
    c, v = corpus.claims[cid], corpus.values[cid]
    when = corpus.as_of.get(cid)
    lo, hi = getattr(v, "low", 0.0), getattr(v, "high", 0.0)
    t_lo, t_hi = (when.low, when.high) if when else (float("-inf"), float("inf"))
    rows.append((c.subject, c.property, tuple(sorted(c.scope.items())), lo, hi, t_lo, t_hi))
start = time.perf_counter()
found = 0
for i, a in enumerate(rows):
    for b in rows[i + 1 :]:
        if a[0] == b[0] and a[1] == b[1] and a[2] == b[2]:
            if (a[4] < b[3] or b[4] < a[3]) and a[5] <= b[6] and b[5] <= a[6]:
                found += 1
elapsed = time.perf_counter() - start
k, n = len(rows), len(ids)
print(elapsed * (n * (n - 1)) / max(1, k * (k - 1)))
"""


def peer_seconds(script: str, args: list[str], env: dict[str, str], runs: int) -> float:
    """The median of what a peer script prints (its own timing of the step compared)."""
    values = []
    for _ in range(runs):
        _, _, out = run_child([sys.executable, "-c", script, *args], env)
        values.append(float(out.strip().splitlines()[-1]))
    return statistics.median(values)


def fresh_cache(env: dict[str, str]) -> dict[str, str]:
    folder = tempfile.mkdtemp(prefix="factcheck-bench-cache-")
    return {**env, "FACTCHECK_CACHE": folder}


def drop_cache(env: dict[str, str]) -> None:
    shutil.rmtree(env["FACTCHECK_CACHE"], ignore_errors=True)


def touch_one(folder: Path) -> None:
    """Change one claim file's content (a trailing newline: valid YAML and JSON)."""
    victim = sorted(p for p in folder.iterdir() if p.name.startswith("report-"))[-1]
    with victim.open("a", encoding="utf-8") as handle:
        handle.write("\n")


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(runs):
        elapsed, peak, _ = run_child(argv, env)
        times.append(elapsed)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def bench_command(
    name: str,
    args: list[str],
    size: int,
    folder: Path,
    repeat: int,
    first_runs: int,
    env: dict[str, str],
    parser: float,
    work: Path,
) -> list[Row]:
    out = work / f"out-{name}.txt"
    argv = [FACTCHECK, name, "--claims", str(folder), *args, "-o", str(out), "--force"]
    firsts, peaks = [], []
    for _ in range(first_runs):
        env_i = fresh_cache(env)
        elapsed, peak, _ = run_child(argv, env_i)
        firsts.append(elapsed)
        peaks.append(peak)
        drop_cache(env_i)
    env = fresh_cache(env)
    run_child(argv, env)
    touch_one(folder)
    changed, changed_peak = timed(argv, env, 1)
    again, again_peak = timed(argv, env, repeat)
    drop_cache(env)
    return [
        Row(
            size,
            f"{name}, first run",
            first_runs,
            statistics.median(firsts),
            max(peaks),
            "parser alone",
            parser,
        ),
        Row(
            size,
            f"{name}, after one file changed",
            1,
            changed,
            changed_peak,
            "parser alone",
            parser,
        ),
        Row(size, f"{name}, repeated", repeat, again, again_peak),
    ]


def bench_search(size: int, folder: Path, repeat: int, env: dict[str, str]) -> list[Row]:
    env = fresh_cache(env)
    base = [FACTCHECK, "search", "--claims", str(folder), "--limit", "20"]
    first, first_peak, _ = run_child([*base, "Alexey"], env)
    times, peaks = [], []
    for _ in range(repeat):
        for query in QUERIES:
            elapsed, peak, _ = run_child([*base, query], env)
            times.append(elapsed)
            peaks.append(peak)
    scan = peer_seconds(SCAN, [str(folder), *QUERIES], env, max(1, repeat // 2))
    grep, _ = timed(["grep", "-ril", GREP_WORD, str(folder)], env, repeat)
    drop_cache(env)
    again = statistics.median(times)
    return [
        Row(size, "search, first run (builds the index)", 1, first, first_peak),
        Row(size, "search, repeated", repeat * len(QUERIES), again, max(peaks), "grep -ril", grep),
        Row(
            size,
            "search, repeated",
            repeat * len(QUERIES),
            again,
            max(peaks),
            "rapidfuzz scan (in memory)",
            scan,
        ),
    ]


def bench_size(size: int, args: argparse.Namespace, env: dict[str, str]) -> list[Row]:
    folder = corpus(size, args.work, args.format)
    # Above 100,000 claims a run takes minutes: one first run, at most three repeats.
    first_runs = args.first_runs if size <= 100_000 else 1
    repeat = args.repeat if size <= 100_000 else min(args.repeat, 3)
    parser = peer_seconds(PARSE, [str(folder)], env, first_runs)
    rows = []
    for name, extra in (
        ("conflicts", []),
        ("check", ["--today", "2026-11-21"]),
        ("export", ["--format", "markdown", "--today", "2026-11-21"]),
    ):
        if name not in args.commands:
            continue
        rows += bench_command(name, extra, size, folder, repeat, first_runs, env, parser, args.work)
        sys.stderr.write(f"  {size:,} claims: {name} done\n")
    if "conflicts" in args.commands:
        env_pairs = fresh_cache(env)
        pairs = peer_seconds(ALL_PAIRS, [str(folder), str(PAIR_SAMPLE)], env_pairs, 1)
        drop_cache(env_pairs)
        repeated = next(r for r in rows if r.command == "conflicts, repeated")
        repeated.peer, repeated.peer_median = "all-pairs check (extrapolated)", pairs
    if "search" in args.commands:
        rows += bench_search(size, folder, repeat, env)
    return rows


def bench_startup(repeat: int, env: dict[str, str]) -> list[Row]:
    """`factcheck --help` beside importing Typer and Rich alone, and the main command on
    the bundled data set (first with an empty cache, then repeated)."""
    runs = max(5, repeat * 2)
    imports, _ = timed([sys.executable, "-c", "import typer, rich.console"], env, runs)
    helps, help_peak = timed([FACTCHECK, "--help"], env, runs)
    env = fresh_cache(env)
    first, first_peak = timed([FACTCHECK, "conflicts"], env, 1)
    again, again_peak = timed([FACTCHECK, "conflicts"], env, runs)
    drop_cache(env)
    return [
        Row(0, "--help", runs, helps, help_peak, "import typer, rich.console", imports),
        Row(0, "conflicts, first run", 1, first, first_peak),
        Row(0, "conflicts, repeated", runs, again, again_peak),
    ]


def table(rows: list[Row]) -> str:
    lines = [
        "| claims | command | runs | median (s) | peer | peer median (s) | ratio "
        "| peak memory (MB) |",
        "| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        ratio = f"{r.median / r.peer_median:.2f}" if r.peer_median else ""
        peer = f"{r.peer_median:.3f}" if r.peer_median is not None else ""
        size = "bundled" if r.size == 0 else f"{r.size:,}"
        lines.append(
            f"| {size} | {r.command} | {r.runs} | {r.median:.3f} | {r.peer} | {peer} | "
            f"{ratio} | {r.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def _find(rows: list[Row], size: int, command: str) -> Row | None:
    return next((r for r in rows if r.size == size and r.command == command), None)


def targets(rows: list[Row]) -> str:
    """The targets of performance.md that this run's sizes cover, each met or not."""
    out = []

    def line(what: str, measured: str, target: str, met: bool) -> None:
        out.append(f"| {what} | {measured} | {target} | {'met' if met else 'NOT met'} |")

    if r := _find(rows, 0, "--help"):
        assert r.peer_median is not None
        ratio = r.median / r.peer_median
        line(
            "`factcheck --help` vs importing Typer and Rich",
            f"{ratio:.2f} ×",
            "≤ 1.3 ×",
            ratio <= 1.3,
        )
    if r := _find(rows, 0, "conflicts, repeated"):
        line(
            "`factcheck conflicts` on the bundled data set",
            f"{r.median:.2f} s",
            "< 0.5 s",
            r.median < 0.5,
        )
    for size, limit in ((100_000, 1.0), (1_000_000, 8.0)):
        if r := _find(rows, size, "conflicts, repeated"):
            line(
                f"{size:,} claims, conflicts repeated",
                f"{r.median:.2f} s",
                f"< {limit:g} s",
                r.median < limit,
            )
        if r := _find(rows, size, "search, repeated"):
            line(
                f"{size:,} claims, search repeated", f"{r.median:.2f} s", "< 0.3 s", r.median < 0.3
            )
    if r := _find(rows, 100_000, "conflicts, first run"):
        assert r.peer_median is not None
        ratio = r.median / r.peer_median
        line("100,000 claims, first run vs parser alone", f"{ratio:.2f} ×", "≤ 1.5 ×", ratio <= 1.5)
    # The guide sets the memory target beside the two commands it names for a million.
    named = ("conflicts, repeated", "search, repeated")
    big = [r for r in rows if r.size == 1_000_000 and r.command in named]
    if big:
        peak = max(r.peak_mb for r in big)
        line(
            "1,000,000 claims, peak memory of repeated conflicts and search",
            f"{peak:,.0f} MB",
            "< 4,096 MB",
            peak < 4096,
        )
    for r in rows:
        if r.size == 1_000_000 and (small := _find(rows, 100_000, r.command)):
            growth = r.median / small.median
            line(
                f"growth 100,000 → 1,000,000: {r.command}",
                f"{growth:.1f} ×",
                "≤ 12 ×",
                growth <= 12,
            )
    if not out:
        return ""
    head = "| target | measured | target | |\n| --- | ---: | ---: | --- |\n"
    return head + "\n".join(dict.fromkeys(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--repeat", type=int, default=5, help="repeated runs per command (at most 3 above 100,000)"
    )
    parser.add_argument(
        "--first-runs", type=int, default=3, help="first runs per command (1 above 100,000)"
    )
    parser.add_argument(
        "--format",
        choices=("yaml", "json"),
        default="yaml",
        help="claim file format of the synthetic corpora",
    )
    parser.add_argument(
        "--commands",
        nargs="+",
        choices=COMMANDS,
        default=list(COMMANDS),
        help="which commands to measure (all by default)",
    )
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench"
    )
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_CLAIMS", "NO_COLOR")}
    env["COLUMNS"] = "120"
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = bench_startup(args.repeat, env) if "conflicts" in args.commands else []
    for size in args.sizes:
        rows += bench_size(size, args, env)
        sys.stderr.write(f"done: {size:,} claims\n")
    command = (
        f"python benchmarks/run.py --sizes {' '.join(map(str, args.sizes))} "
        f"--repeat {args.repeat} --first-runs {args.first_runs} --format {args.format}"
        + ("" if len(args.commands) == len(COMMANDS) else f" --commands {' '.join(args.commands)}")
    )
    sys.stdout.write(f"{command}\n\n{table(rows)}\n\n{targets(rows)}\n")


if __name__ == "__main__":
    main()
