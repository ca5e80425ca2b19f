"""The slow cases of the hostile-input campaign, run by `.ci/run` under a time limit: inputs
of tens of megabytes and files that are not files, each through the real command line in a
process of its own (a hang is a timeout, not a stuck test run).

    python tests/campaign_slow.py

Prints a table (case, exit code, seconds, bound, verdict) and exits 1 when any case fails:
a traceback, another exit code than expected, or more time than its bound.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MINI = Path(__file__).parent / "data" / "mini"
MB = 1_000_000


@dataclass
class Case:
    name: str
    args: list[str]
    expect: int
    bound: float


def _cases(work: Path) -> list[Case]:
    long_line = work / "long-line"
    long_line.mkdir()
    (long_line / "flow.yaml").write_text("claims: [" + "1, " * (50 * MB // 3) + "1]\n", "utf-8")

    many_lines = work / "many-lines"
    many_lines.mkdir()
    (many_lines / "list.yaml").write_text("claims:\n" + "- 1\n" * 3_000_000, "utf-8")

    huge_text = work / "huge-text"
    shutil.copytree(MINI, huge_text)
    report = huge_text / "report.yaml"
    line = "      " + "word " * 16 + "\n"
    body = line * (50 * MB // len(line))
    report.write_text(
        report.read_text("utf-8").replace(
            "    text: Security service said 261,000 had left as of 26 September.\n",
            "    text: |\n" + body,
            1,
        ),
        "utf-8",
    )

    folder = work / "not-files"
    shutil.copytree(MINI, folder)
    not_files: Path | None = folder
    try:
        os.mkfifo(folder / "pipe.yaml")
        (folder / "zero.yaml").symlink_to("/dev/zero")
        (folder / "random.json").symlink_to("/dev/urandom")
    except OSError as exc:  # a file system without pipes or links: those cases cannot run
        print(f"pipes and devices not tried: {exc}")
        not_files = None

    many_values = work / "many-values"
    many_values.mkdir()
    (many_values / "list.json").write_text('{"claims": [' + "1, " * (50 * MB // 3) + "1]}")

    many_broken = work / "many-broken"
    many_broken.mkdir()
    (many_broken / "list.yaml").write_text("claims:\n" + "- 1\n" * 1_900_000, "utf-8")

    cases = [
        Case("50 MB YAML flow sequence on one line", ["conflicts", "-c", str(long_line)], 2, 3),
        Case("3,000,000-line YAML file", ["conflicts", "-c", str(many_lines)], 2, 3),
        Case("50 MB JSON list of 16,666,667 values", ["conflicts", "-c", str(many_values)], 2, 3),
        Case("1,900,000 broken records", ["conflicts", "-c", str(many_broken)], 2, 10),
        Case("a claim text of 50 MB", ["conflicts", "-c", str(huge_text)], 2, 3),
        Case("show on a claim text of 50 MB", ["show", "early", "-c", str(huge_text)], 2, 3),
        Case("search on a claim text of 50 MB", ["search", "left", "-c", str(huge_text)], 2, 3),
    ]
    if not_files is not None:
        cases += [
            Case("a pipe, /dev/zero, /dev/urandom", ["conflicts", "-c", str(not_files)], 0, 15),
            Case(
                "a pipe given by name, nobody writing",
                ["check", "-c", str(not_files / "pipe.yaml")],
                2,
                10,
            ),
        ]
    return cases


def _run(case: Case) -> tuple[int | None, float, bool]:
    command = [sys.executable, "-m", "factcheck", "--no-cache", *case.args]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=case.bound * 4, check=False
        )
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - started, False
    seconds = time.perf_counter() - started
    return done.returncode, seconds, "Traceback" in done.stderr


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # moved into place a moment ago
        return 0


def _killed_writes(work: Path) -> list[tuple[str, bool, float]]:
    """`export -o` killed (SIGKILL) while it writes: the old file must be whole, and the next
    write must succeed and leave no temporary file behind. A run for each format."""
    rows = []
    for fmt in ("html", "markdown", "json"):
        folder = work / f"killed-{fmt}"
        folder.mkdir()
        target = folder / "report.out"
        target.write_text("the report of an earlier run\n", "utf-8")
        command = [sys.executable, "-m", "factcheck", "--no-cache", "export", "--format", fmt]
        command += ["-o", str(target), "--force"]
        started = time.perf_counter()
        writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed = False
        while writer.poll() is None and time.perf_counter() - started < 30:
            # Killed once the temporary file holds part of the report.
            if any(_size(tmp) for tmp in folder.glob(f".report.out.{writer.pid}.*.tmp")):
                writer.kill()
                killed = True
                break
            time.sleep(0.0002)
        writer.wait()
        kept = target.read_text("utf-8") == "the report of an earlier run\n"
        again = subprocess.run(command, capture_output=True, check=False)
        clean = [child.name for child in folder.iterdir()] == ["report.out"]
        replaced = target.read_text("utf-8") != "the report of an earlier run\n"
        ok = killed and kept and again.returncode == 0 and clean and replaced
        name = f"export --format {fmt} -o killed while writing, then run again"
        rows.append((name, ok, time.perf_counter() - started))
    return rows


def main() -> int:
    failed = 0
    with tempfile.TemporaryDirectory(prefix="factcheck-campaign-") as folder:
        cases = _cases(Path(folder))
        print("| case | exit (expected) | seconds | bound | verdict |")
        print("| --- | --- | ---: | ---: | --- |")
        for case in cases:
            code, seconds, traceback = _run(case)
            ok = code == case.expect and seconds <= case.bound and not traceback
            failed += not ok
            shown = "hung" if code is None else str(code)
            verdict = "ok" if ok else ("traceback" if traceback else "FAILED")
            print(
                f"| {case.name} | {shown} ({case.expect}) | {seconds:.2f} | {case.bound:g} "
                f"| {verdict} |"
            )
        for name, ok, seconds in _killed_writes(Path(folder)):
            failed += not ok
            print(f"| {name} | -9 | {seconds:.2f} | | {'ok' if ok else 'FAILED'} |")
            cases.append(Case(name, [], -9, 0))
    print(f"{len(cases)} cases, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
