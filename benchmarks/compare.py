"""Two installs of factcheck side by side, runs interleaved, so that a machine's drift (other
work, CPU frequency) falls on both alike: the check that a change is no slower.

    python benchmarks/compare.py OLD/bin/factcheck NEW/bin/factcheck --claims DIR

For each command: a first run (empty cache), a run after one file changed (a comment added
to one claim file, seen by both), and repeated runs (warm cache). Prints a Markdown table of
medians and peak memory, old and new, and their ratio. Runs with bytecode writing allowed,
as on a user's machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

COMMANDS = {
    "conflicts": ["conflicts"],
    "check": ["check"],
    "export": ["export", "-o", "{out}", "--force"],
    "search": ["search", "mobilzation"],
}


def _run(binary: str, args: list[str], cache: Path, claims: Path) -> tuple[float, int]:
    """Wall time and peak memory (MB) of one run, in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(FACTCHECK_CACHE=str(cache), COLUMNS="120")
    out = cache.parent / "out.txt"
    argv = ["/usr/bin/time", "-f", "%M", binary, *(a.format(out=out) for a in args)]
    start = time.perf_counter()
    done = subprocess.run(
        [*argv, "-c", str(claims)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{binary} {args} failed: {done.stderr.decode()[-500:]}")
    return elapsed, int(done.stderr.decode().split()[-1]) // 1024


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
        times: dict[tuple[str, str], list[tuple[float, int]]] = {}
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
            old, new = times[(kind, "old")], times[(kind, "new")]
            t_old = statistics.median(t for t, _ in old)
            t_new = statistics.median(t for t, _ in new)
            m_old, m_new = max(m for _, m in old), max(m for _, m in new)
            rows.append(
                f"| {name}, {kind} | {len(old)} | {t_old:.3f} | {t_new:.3f} | "
                f"{t_new / t_old:.2f} | {m_old} | {m_new} |"
            )
    shutil.rmtree(work, ignore_errors=True)
    print(
        "| command | runs | old median (s) | new median (s) | new / old | old peak (MB) "
        "| new peak (MB) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
