"""Benchmarks: factcheck's commands on synthetic claim bases, beside their peers.

    python benchmarks/run.py                                  # 1,000 to 1,000,000 claims
    python benchmarks/run.py --sizes 1000 --repeat 1          # a quick smoke run (CI)

Prints one Markdown table, then the performance targets, each with the figure measured in
this run and whether it is met. Every run, of factcheck or of a peer, is a fresh process
measured from outside by the same function (benchmarks/measure.py): wall time, CPU time
(user + system) of the whole process tree, and peak memory of the tree (the largest sum of
the resident sets of the process and its descendants, sampled every 10 ms, so a spike
shorter than that can be missed; never below the process's own ru_maxrss). factcheck runs
as a user would run it, the installed `factcheck`, with its own cache folder. Corpora are
generated once per size and format into the work folder (benchmarks/generate.py) and
reused.

Columns: corpus size; command; how many runs; the median wall and median CPU time of
those runs; the peer compared with, and its median wall and CPU time; wall ratio = the
command's median wall time / the peer's median wall time; CPU ratio = the command's
median CPU time / the peer's median CPU time; peak tree memory, the largest over the runs.

For `conflicts`, `check` and `export`: a first run (empty cache: every file parsed), a run
after one file changed (the other files come from the cache of parsed files), and repeated
runs (nothing changed). For `search`: the first run (builds the index) and repeated
queries. Output goes to a file (`-o`), as a report would; `conflicts` prints the default
table (the 20 most severe conflicts and the counts).

Parse peers, each a `python -c` script given the corpus folder, run as many times as the
first runs, each shown in a row of its own ("peer: ..."), with its wall, CPU and memory:
- YAML corpora: PyYAML's C loader (`yaml.load(text, Loader=yaml.CSafeLoader)`), yaml-rs
  (`yaml_rs.loads(text, parse_datetime=False)`), and yaml-rs followed by
  `ClaimFile.model_validate` of each file's data, factcheck's own model.
- JSON corpora: orjson (`orjson.loads`), and `ClaimFile.model_validate_json`.
Each peer reads every claim file and uses the same process layout as factcheck: where
`factcheck.reading.parse_all` would parse in worker processes (more than its
`PARALLEL_BYTES` to parse, more than one core, more than one file), the peer uses a forked
`multiprocessing` pool of the same size (one process per core, at most one per file), its
workers mapped over the files with `imap` and sending back only a count of claims; else,
or when factcheck.reading has no `PARALLEL_BYTES`, one process. run.py applies that rule
(importing factcheck.reading) and passes the number of processes to the peer, so that a
peer's time holds only the imports its work needs.

The first run and the run after one file changed of each command are compared with the
closest parse peer: "yaml-rs parse + validation" for YAML, "pydantic JSON validation" for
JSON; both ratios compare runs of whole processes, timed alike. Other peers:
- all-pairs conflict check (beside `conflicts`, repeated): every pair of a random sample
  of claims compared (same topic and scope, value intervals apart, times overlapping),
  timed inside the script and extrapolated to all pairs of the corpus (n² growth); the
  ratio is of wall times; no CPU figure.
- rapidfuzz scan (beside `search`, repeated): every claim text compared with each query in
  memory, loading excluded, timed inside the script per query; the ratio is of wall
  times; no CPU figure.
- `grep -ril` (beside `search`, repeated): which claim files contain a word; a process
  timed from outside like factcheck, both ratios.
- importing Typer and Rich (beside `--help`): a process timed from outside, both ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from measure import Summary, run_child, run_many, summarize  # noqa: E402

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
CLAIM_SUFFIXES = (".yaml", ".yml", ".json")
#: A sample this large is compared all-pairs (about 4.5 million pairs).
PAIR_SAMPLE = 3000


@dataclass
class Row:
    size: int
    command: str
    runs: int
    wall: float
    cpu: float
    peak_mb: float
    peer: str = ""
    peer_wall: float | None = None
    peer_cpu: float | None = None

    @classmethod
    def of(
        cls, size: int, command: str, s: Summary, peer: str = "", p: Summary | None = None
    ) -> Row:
        """A row of measured runs, beside a peer measured the same way (if any)."""
        return cls(
            size,
            command,
            s.runs,
            s.wall,
            s.cpu,
            s.peak_mb,
            peer,
            p.wall if p else None,
            p.cpu if p else None,
        )


def corpus(size: int, work: Path, fmt: str) -> Path:
    folder = work / f"claims-{size}-{fmt}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(size, folder, fmt)
        done.write_text("ok")
    return folder


def claim_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in CLAIM_SUFFIXES)


def parse_processes(folder: Path) -> int:
    """How many processes factcheck parses this folder's claim files in: the rule of
    `factcheck.reading.parse_all`, read from the installed module. One process when the
    module has no `PARALLEL_BYTES` (no pool)."""
    import factcheck.reading as reading

    threshold = getattr(reading, "PARALLEL_BYTES", None)
    files = claim_files(folder)
    cores = os.cpu_count() or 1
    if threshold is None or cores < 2 or len(files) < 2:
        return 1
    if sum(p.stat().st_size for p in files) <= threshold:
        return 1
    return min(cores, len(files))


#: A parse peer: arguments the corpus folder and the number of processes; `work` reads one
#: claim file and returns its number of claims, which the script prints in total.
PEER = """
import sys
from pathlib import Path
{imports}

folder, processes = Path(sys.argv[1]), int(sys.argv[2])
files = sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in {suffixes})


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def text(path):
    return read(path).decode("utf-8-sig")


def count(data):
    return len(data.get("claims") or ())


def work(path):
    return {expression}


if processes > 1:
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(processes) as pool:
        claims = sum(pool.imap(work, files))
else:
    claims = sum(map(work, files))
print(claims)
"""

#: Each format's parse peers (name, imports, what `work` returns), the closest to
#: factcheck's first run last.
PEERS = {
    "yaml": (
        ("PyYAML C loader", "import yaml", "count(yaml.load(text(path), yaml.CSafeLoader))"),
        (
            "yaml-rs parse",
            "import yaml_rs",
            "count(yaml_rs.loads(text(path), parse_datetime=False))",
        ),
        (
            "yaml-rs parse + validation",
            "import yaml_rs\nfrom factcheck.model import ClaimFile",
            "len(ClaimFile.model_validate(yaml_rs.loads(text(path), parse_datetime=False)).claims)",
        ),
    ),
    "json": (
        ("orjson parse", "import orjson", "count(orjson.loads(read(path)))"),
        (
            "pydantic JSON validation",
            "from factcheck.model import ClaimFile",
            "len(ClaimFile.model_validate_json(read(path)).claims)",
        ),
    ),
}

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
        out = run_child([sys.executable, "-c", script, *args], env).out
        values.append(float(out.strip().splitlines()[-1]))
    return statistics.median(values)


def bench_peers(
    size: int, folder: Path, fmt: str, runs: int, env: dict[str, str]
) -> tuple[list[Row], tuple[str, Summary]]:
    """The parse peers of this corpus, as rows, and the closest one (name, figures)."""
    processes = parse_processes(folder)
    layout = "1 process" if processes == 1 else f"{processes} processes"
    rows = []
    for name, imports, expression in PEERS[fmt]:
        script = PEER.format(imports=imports, suffixes=CLAIM_SUFFIXES, expression=expression)
        argv = [sys.executable, "-c", script, str(folder), str(processes)]
        done = [run_child(argv, env) for _ in range(runs)]
        counted = int(done[0].out.strip() or 0)
        if counted != size:
            sys.stderr.write(f"  warning: peer {name} read {counted:,} claims, not {size:,}\n")
        figures = summarize(done)
        rows.append(Row.of(size, f"peer: {name} ({layout})", figures))
    return rows, (name, figures)


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


def bench_command(
    name: str,
    args: list[str],
    size: int,
    folder: Path,
    repeat: int,
    first_runs: int,
    env: dict[str, str],
    peer: tuple[str, Summary],
    work: Path,
) -> list[Row]:
    out = work / f"out-{name}.txt"
    argv = [FACTCHECK, name, "--claims", str(folder), *args, "-o", str(out), "--force"]
    firsts = []
    for _ in range(first_runs):
        env_i = fresh_cache(env)
        firsts.append(run_child(argv, env_i))
        drop_cache(env_i)
    env = fresh_cache(env)
    run_child(argv, env)
    touch_one(folder)
    changed = run_many(argv, env, 1)
    again = run_many(argv, env, repeat)
    drop_cache(env)
    return [
        Row.of(size, f"{name}, first run", summarize(firsts), *peer),
        Row.of(size, f"{name}, after one file changed", changed, *peer),
        Row.of(size, f"{name}, repeated", again),
    ]


def bench_search(size: int, folder: Path, repeat: int, env: dict[str, str]) -> list[Row]:
    env = fresh_cache(env)
    base = [FACTCHECK, "search", "--claims", str(folder), "--limit", "20"]
    first = run_many([*base, "Alexey"], env, 1)
    again = summarize([run_child([*base, q], env) for _ in range(repeat) for q in QUERIES])
    scan = peer_seconds(SCAN, [str(folder), *QUERIES], env, max(1, repeat // 2))
    grep = run_many(["grep", "-ril", GREP_WORD, str(folder)], env, repeat)
    drop_cache(env)
    scan_row = Row.of(size, "search, repeated", again, "rapidfuzz scan (in memory)")
    scan_row.peer_wall = scan
    return [
        Row.of(size, "search, first run (builds the index)", first),
        Row.of(size, "search, repeated", again, "grep -ril", grep),
        scan_row,
    ]


def bench_size(size: int, args: argparse.Namespace, env: dict[str, str]) -> list[Row]:
    folder = corpus(size, args.work, args.format)
    # Above 100,000 claims a run takes minutes: one first run, at most three repeats.
    first_runs = args.first_runs if size <= 100_000 else 1
    repeat = args.repeat if size <= 100_000 else min(args.repeat, 3)
    rows, closest = bench_peers(size, folder, args.format, first_runs, env)
    for name, extra in (
        ("conflicts", []),
        ("check", ["--today", "2026-11-21"]),
        ("export", ["--format", "markdown", "--today", "2026-11-21"]),
    ):
        if name not in args.commands:
            continue
        rows += bench_command(
            name, extra, size, folder, repeat, first_runs, env, closest, args.work
        )
        sys.stderr.write(f"  {size:,} claims: {name} done\n")
    if "conflicts" in args.commands:
        env_pairs = fresh_cache(env)
        pairs = peer_seconds(ALL_PAIRS, [str(folder), str(PAIR_SAMPLE)], env_pairs, 1)
        drop_cache(env_pairs)
        repeated = next(r for r in rows if r.command == "conflicts, repeated")
        repeated.peer, repeated.peer_wall = "all-pairs check (extrapolated)", pairs
    if "search" in args.commands:
        rows += bench_search(size, folder, repeat, env)
    return rows


def bench_startup(repeat: int, env: dict[str, str]) -> list[Row]:
    """`factcheck --help` beside importing Typer and Rich alone, and the main command on
    the bundled data set (first with an empty cache, then repeated)."""
    runs = max(5, repeat * 2)
    imports = run_many([sys.executable, "-c", "import typer, rich.console"], env, runs)
    helps = run_many([FACTCHECK, "--help"], env, runs)
    env = fresh_cache(env)
    first = run_many([FACTCHECK, "conflicts"], env, 1)
    again = run_many([FACTCHECK, "conflicts"], env, runs)
    drop_cache(env)
    return [
        Row.of(0, "--help", helps, "import typer, rich.console", imports),
        Row.of(0, "conflicts, first run", first),
        Row.of(0, "conflicts, repeated", again),
    ]


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _ratio(value: float | None, peer: float | None) -> str:
    return "" if value is None or not peer else f"{value / peer:.2f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| claims | command | runs | median wall (s) | median CPU (s) | peer | peer wall (s) "
        "| peer CPU (s) | wall ratio | CPU ratio | peak tree memory (MB) |",
        "| ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        size = "bundled" if r.size == 0 else f"{r.size:,}"
        lines.append(
            f"| {size} | {r.command} | {r.runs} | {r.wall:.3f} | {_seconds(r.cpu)} | {r.peer} "
            f"| {_seconds(r.peer_wall)} | {_seconds(r.peer_cpu)} | {_ratio(r.wall, r.peer_wall)} "
            f"| {_ratio(r.cpu, r.peer_cpu)} | {r.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def _find(rows: list[Row], size: int, command: str) -> Row | None:
    return next((r for r in rows if r.size == size and r.command == command), None)


#: How far factcheck's first run of `conflicts` on 100,000 claims may be from the closest
#: parse peer (wall time, measured alike), by peer.
FIRST_RUN_LIMITS = {"yaml-rs parse + validation": 2.0, "pydantic JSON validation": 3.0}


def targets(rows: list[Row]) -> str:
    """The targets of performance.md that this run's sizes cover, each met or not."""
    out = []

    def line(what: str, measured: str, target: str, met: bool) -> None:
        out.append(f"| {what} | {measured} | {target} | {'met' if met else 'NOT met'} |")

    if (r := _find(rows, 0, "--help")) and r.peer_wall:
        ratio = r.wall / r.peer_wall
        line(
            "`factcheck --help` vs importing Typer and Rich",
            f"{ratio:.2f} ×",
            "≤ 1.3 ×",
            ratio <= 1.3,
        )
    if r := _find(rows, 0, "conflicts, repeated"):
        line(
            "`factcheck conflicts` on the bundled data set",
            f"{r.wall:.2f} s",
            "< 0.5 s",
            r.wall < 0.5,
        )
    for size, limit in ((100_000, 1.0), (1_000_000, 8.0)):
        if r := _find(rows, size, "conflicts, repeated"):
            line(
                f"{size:,} claims, conflicts repeated",
                f"{r.wall:.2f} s",
                f"< {limit:g} s",
                r.wall < limit,
            )
        if r := _find(rows, size, "search, repeated"):
            line(f"{size:,} claims, search repeated", f"{r.wall:.2f} s", "< 0.3 s", r.wall < 0.3)
    r = _find(rows, 100_000, "conflicts, first run")
    if r and r.peer in FIRST_RUN_LIMITS and r.peer_wall:
        ratio, most = r.wall / r.peer_wall, FIRST_RUN_LIMITS[r.peer]
        line(
            f"100,000 claims, conflicts first run vs {r.peer} (wall)",
            f"{ratio:.2f} ×",
            f"≤ {most:g} ×",
            ratio <= most,
        )
    for r in rows:
        if r.size == 1_000_000 and "first run" in r.command and not r.command.startswith("peer"):
            line(
                f"1,000,000 claims, peak tree memory of {r.command}",
                f"{r.peak_mb:,.0f} MB",
                "< 2,048 MB",
                r.peak_mb < 2048,
            )
    # The guide sets this memory target beside the two commands it names for a million.
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
    # Growth of factcheck's rows; the peers' rows are floors, not targets.
    for r in rows:
        if r.command.startswith("peer"):
            continue
        if r.size == 1_000_000 and (small := _find(rows, 100_000, r.command)):
            growth = r.wall / small.wall
            line(
                f"growth 100,000 → 1,000,000: {r.command}",
                f"{growth:.1f} ×",
                "≤ 11 ×",
                growth <= 11,
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
