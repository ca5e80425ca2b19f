"""How fast the document readers of `factcheck extract` are: a generated document of each
format, of about the given size, read in this process; megabytes a second for each.

    python benchmarks/readers.py            # 5 MB documents
    python benchmarks/readers.py --mb 1
    python benchmarks/readers.py --extract  # and the whole `factcheck extract` command

The documents are dense with what costs time: a footnote marker after every sentence,
abbreviations and numbers the sentence splitter must judge, links, and a note for every
marker. The target is 1 MB a second or more for every reader, and for the whole command.

`--extract` runs `factcheck extract DOCUMENT -f yaml|json -o /dev/null` in a process of its
own on each generated document, and on a real article (the Wikipedia seed, repeated to the
size): the best wall time of `--repeat` runs, its CPU time, and the peak memory (resident
set) of the process, as GNU time (`/usr/bin/time`) reports them; the plain texts also at a
quarter and a half of the size, to show the growth.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from factcheck.extract.readers import read_document

TARGET_MB_PER_SECOND = 1.0
_TEXT = (
    "the a mobilisation of men reported 300 000 In September Dr. Smith said U.S. officials "
    "e.g. 1.2 million (DIS) ‘partial’ were drafted No. 7 “it is over.” according to"
)
_WORDS = _TEXT.split()
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _sentence(rng: random.Random) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 25)))
    return words[0].upper() + words[1:] + "."


def documents(size: int, seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of one document of each format, each of about `size` bytes."""
    rng = random.Random(seed)
    count = size // 330  # paragraphs of two sentences, with their notes

    def pairs() -> Iterator[tuple[int, str, str]]:
        for i in range(1, count + 1):
            yield i, _sentence(rng), _sentence(rng)

    text = [f"{a}{str(i).translate(_SUPERSCRIPT)} {b}" for i, a, b in pairs()]
    notes = [
        f"{i} Agency, Report {i}, 1 May 2024, https://example.org/{i}" for i in range(1, count + 1)
    ]
    yield "report.txt", ("\n\n".join(text) + "\n\n" + "\n".join(notes)).encode()
    md = [f"{a}[^{i}] See [the report](https://example.org/{i}). {b}" for i, a, b in pairs()]
    md += [f"[^{i}]: Agency, Report {i}, 1 May 2024." for i in range(1, count + 1)]
    yield "draft.md", "\n\n".join(md).encode()
    html = [
        f'<p>{a}<sup class="reference"><a href="#cite_note-{i}">[{i}]</a></sup> {b}</p>'
        for i, a, b in pairs()
    ]
    items = [
        f'<li id="cite_note-{i}">Agency, <a href="https://example.org/{i}">Report</a></li>'
        for i in range(1, count + 1)
    ]
    page = (
        "<html><body>"
        + "".join(html)
        + '<ol class="references">'
        + "".join(items)
        + "</ol></body></html>"
    )
    yield "page.html", page.encode()
    wiki = [
        f'{a}<ref name="n{i}">{{{{cite web |title=Report {i} |url=https://example.org/{i} '
        f"|date=1 May 2024}}}}</ref> [[Agency|The agency]] said '''so'''. {b}<ref name=\"n{i}\" />"
        for i, a, b in pairs()
    ]
    yield "article.wiki", "\n\n".join(wiki).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each document in MB")
    parser.add_argument(
        "--extract", action="store_true", help="also time the whole `factcheck extract` command"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each extract (best)")
    args = parser.parse_args()
    print("| document | MB | seconds | MB/s | paragraphs | sentences | notes | target met |")
    print("|---|---|---|---|---|---|---|---|")
    for name, data in documents(int(args.mb * 1_000_000)):
        started = time.perf_counter()
        doc = read_document(data, name)
        seconds = time.perf_counter() - started
        rate = len(data) / 1e6 / seconds
        sentences = sum(len(p.sentences) for p in doc.paragraphs)
        met = "yes" if rate >= TARGET_MB_PER_SECOND else "no"
        print(
            f"| {name} | {len(data) / 1e6:.1f} | {seconds:.2f} | {rate:.2f} | "
            f"{len(doc.paragraphs):,} | {sentences:,} | {len(doc.notes):,} | {met} |"
        )
    if args.extract:
        _extract(int(args.mb * 1_000_000), args.repeat)


_SEED = Path(__file__).resolve().parent.parent / "tests/data/seeds"


def _article(size: int) -> tuple[str, bytes]:
    """A real article, the Wikipedia seed, repeated to about `size` bytes."""
    text = (_SEED / "wikipedia-2022-russian-mobilization.txt").read_bytes()
    return "article.txt", b"\n\n".join([text] * max(1, round(size / len(text))))


def _extract(size: int, repeat: int) -> None:
    """The whole command on each document, in a process of its own."""
    print()
    print(
        "| document | MB | format | best wall (s) | its CPU (s) | MB/s (wall) | "
        "peak memory (MB) | target met |"
    )
    print("|---|---|---|---|---|---|---|---|")
    runs = [(d, "yaml") for d in documents(size)] + [(_article(size), "yaml")]
    runs += [(d, "json") for d in documents(size)] + [(_article(size), "json")]
    runs += [(d, "yaml") for part in (size // 4, size // 2) for d in _plain(part)]
    with tempfile.TemporaryDirectory() as folder:
        for (name, data), fmt in runs:
            path = Path(folder) / name
            path.write_bytes(data)
            best = min((_run(path, fmt) for _ in range(repeat)), key=lambda r: r[0])
            wall, cpu, peak = best
            rate = len(data) / 1e6 / wall
            met = "yes" if rate >= TARGET_MB_PER_SECOND else "no"
            print(
                f"| {name} | {len(data) / 1e6:.1f} | {fmt} | {wall:.2f} | {cpu:.2f} | "
                f"{rate:.2f} | {peak:.0f} | {met} |",
                flush=True,
            )


def _plain(size: int) -> list[tuple[str, bytes]]:
    return [next(d for d in documents(size) if d[0].endswith(".txt")), _article(size)]


def _run(path: Path, fmt: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident memory (MB) of one `factcheck extract`,
    as GNU time reports them (a child forked from this process would count its memory too).
    It runs in the document's folder, so that `-m factcheck` is the one on the path."""
    report = path.with_suffix(".time")
    command = [sys.executable, "-m", "factcheck", "extract", path.name, "-f", fmt, "-o", os.devnull]
    timed = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", str(report), *command]
    done = subprocess.run(timed, cwd=path.parent, stderr=subprocess.DEVNULL, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode})")
    wall, user, system, peak_kb = map(float, report.read_text().split()[-4:])
    return wall, user + system, peak_kb / 1024


if __name__ == "__main__":
    main()
