"""Two installs of factcheck side by side, runs interleaved, so that a machine's drift (other
work, CPU frequency) falls on both alike: the check that a change is no slower.

    python benchmarks/compare.py OLD/bin/factcheck NEW/bin/factcheck --claims DIR

For each command: a first run (empty cache), a run after one file changed (a comment added
to one claim file, seen by both), and repeated runs (warm cache). Each run is measured as
benchmarks/run.py measures it (benchmarks/measure.py): wall time, CPU time (user + system)
of the whole process tree, and peak memory of the tree (resident sets of the process and
its workers summed, sampled every 10 ms). Prints a Markdown table: median wall and median
CPU time, old and new, each with new / old, and the largest peak tree memory of each. Runs
with bytecode writing allowed, as on a user's machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Run, run_child, summarize

COMMANDS = {
    "conflicts": ["conflicts"],
    "check": ["check"],
    "export": ["export", "-o", "{out}", "--force"],
    "search": ["search", "mobilzation"],
}


def _run(binary: str, args: list[str], cache: Path, claims: Path) -> Run:
    """One run in a fresh process, measured (wall, CPU and memory of the process tree)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(FACTCHECK_CACHE=str(cache), COLUMNS="120")
    out = cache.parent / "out.txt"
    argv = [binary, *(a.format(out=out) for a in args), "-c", str(claims)]
    return run_child(argv, env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--claims", type=Path, required=True)
    parser.add_argument("--first-runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="factcheck-compare-"))
    claims = work / "claims"
    shutil.copytree(args.claims, claims)
    changed = sorted(claims.glob("*.yaml"))[-1]
    versions = {"old": args.old, "new": args.new}
    rows = []
    for name in args.commands:
        command = COMMANDS[name]
        times: dict[tuple[str, str], list[Run]] = {}
        caches = {v: work / v / "cache" for v in versions}
        for _ in range(args.first_runs):
            for v, binary in versions.items():
                shutil.rmtree(caches[v], ignore_errors=True)
                times.setdefault(("first run", v), []).append(
                    _run(binary, command, caches[v], claims)
                )
        for _ in range(args.first_runs):
            with changed.open("a", encoding="utf-8") as handle:
                handle.write("# changed\n")
            for v, binary in versions.items():
                times.setdefault(("after one file changed", v), []).append(
                    _run(binary, command, caches[v], claims)
                )
        for _ in range(args.repeat):
            for v, binary in versions.items():
                times.setdefault(("repeated", v), []).append(
                    _run(binary, command, caches[v], claims)
                )
        for kind in ("first run", "after one file changed", "repeated"):
            old, new = summarize(times[(kind, "old")]), summarize(times[(kind, "new")])
            rows.append(
                f"| {name}, {kind} | {old.runs} | {old.wall:.3f} | {new.wall:.3f} | "
                f"{new.wall / old.wall:.2f} | {old.cpu:.3f} | {new.cpu:.3f} | "
                f"{new.cpu / old.cpu:.2f} | {old.peak_mb:.0f} | {new.peak_mb:.0f} |"
            )
    shutil.rmtree(work, ignore_errors=True)
    print(
        "| command | runs | old wall (s) | new wall (s) | new / old | old CPU (s) "
        "| new CPU (s) | new / old | old peak tree (MB) | new peak tree (MB) |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
