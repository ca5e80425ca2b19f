"""How fast the document readers of `factcheck extract` are: a generated document of each
format, of about the given size of text, read in this process; megabytes of text a second
for each (for PDF and Word the text laid out in them: a PDF of N MB of text is larger as a
file, a .docx smaller).

    python benchmarks/readers.py            # 5 MB documents
    python benchmarks/readers.py --mb 1
    python benchmarks/readers.py --extract  # and the whole `factcheck extract` command

The documents are dense with what costs time: a footnote marker after every sentence,
abbreviations and numbers the sentence splitter must judge, links, and a note for every
marker. The PDF is made of pages of 11-point lines with superscript markers, its footnotes
set smaller at each page's foot, a running header and page numbers; the .docx has Word
footnotes. Both need the `documents` extra. The target is 1 MB a second or more for every
reader, and for the whole command.

`--extract` runs `factcheck extract DOCUMENT -f yaml|json -o /dev/null` in a process of its
own on each generated document, and on a real article (the Wikipedia seed, repeated to the
size): the median wall and CPU time of `--repeat` runs, and the peak memory of the whole
process tree (the command and the processes it forks to draft a long document), as
`benchmarks/measure.py` measures them; the plain texts also at a
quarter and a half of the size, to show the growth; then the real article's paragraphs set
in every format (`prose-…`, a marker and a note after each paragraph's first sentence), as
dense with values as real prose is.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

from measure import run_child, summarize

from factcheck.extract.readers import read_document
from factcheck.extract.structure import ParsedDocument

# The generators of real PDF and .docx bytes the reader tests use.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def documents(size: int, seed: int = 1, *, prose: bool = False) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of one document of each format, each of about `size` bytes: of
    generated sentences, or with `prose` of the real article's paragraphs (its first
    sentence, a marker, the rest), which hold as many values as real prose does."""
    rng = random.Random(seed)
    count = size // 330  # paragraphs of two sentences, with their notes
    real = _article_paragraphs() if prose else []
    if prose:
        count = max(1, round(size / (sum(len(a) + len(b) + 60 for a, b in real) / len(real))))

    def pairs() -> Iterator[tuple[int, str, str]]:
        for i in range(1, count + 1):
            if prose:
                yield i, *real[(i - 1) % len(real)]
            else:
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
    yield "report.pdf", _pdf(list(pairs()))
    yield "brief.docx", _docx(list(pairs()))


def _pdf(paragraphs: list[tuple[int, str, str]]) -> bytes:
    """Pages of 11-point lines, 48 to a page, a superscript marker after each paragraph's
    first sentence, its note set in 8 points at the page's foot."""
    from tests.pdf_maker import Line, Page, make_pdf

    pages: list[Page] = []
    body: list[Line] = []
    notes: list[Line] = []
    y = 770.0

    def finish() -> None:
        nonlocal body, notes, y
        header = Line(812, "Country report: generated for the benchmark", 8)
        pages.append(Page([header, *body, *notes, Line(30, str(len(pages) + 1), 9)]))
        body, notes, y = [], [], 770.0

    for i, a, b in paragraphs:
        lines = textwrap.wrap(f"{a}\x00 {b}", 95)
        if y - 14 * len(lines) < 60 + 9 * (len(notes) + 2):
            finish()
        for line in lines:
            first, marked, rest = line.partition("\x00")
            pieces = [(first, False)] + ([(str(i), True), (rest, False)] if marked else [])
            body.append(Line(y, pieces))
            y -= 14
        y -= 8
        notes.append(Line(0, f"{i} Agency, Report {i}, 1 May 2024, https://example.org/{i}", 8))
        for n, note in enumerate(reversed(notes)):
            note.y = 50 + 9 * n
    finish()
    return make_pdf(pages)


def _docx(paragraphs: list[tuple[int, str, str]]) -> bytes:
    from tests.docx_maker import make_docx

    body = [("p", [a, ("footnote", str(i)), f" {b}"]) for i, a, b in paragraphs]
    notes = {
        str(i): f"Agency, Report {i}, 1 May 2024, https://example.org/{i}" for i, _, _ in paragraphs
    }
    return make_docx(body, notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each document in MB")
    parser.add_argument(
        "--extract", action="store_true", help="also time the whole `factcheck extract` command"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each extract (median)")
    args = parser.parse_args()
    print("| document | MB | seconds | MB/s | paragraphs | sentences | notes | target met |")
    print("|---|---|---|---|---|---|---|---|")
    for name, data in documents(int(args.mb * 1_000_000)):
        started = time.perf_counter()
        doc = read_document(data, name)
        seconds = time.perf_counter() - started
        size = _text_size(doc) if name.endswith(_LAID_OUT) else len(data)
        rate = size / 1e6 / seconds
        sentences = sum(len(p.sentences) for p in doc.paragraphs)
        met = "yes" if rate >= TARGET_MB_PER_SECOND else "no"
        print(
            f"| {name} | {size / 1e6:.1f} | {seconds:.2f} | {rate:.2f} | "
            f"{len(doc.paragraphs):,} | {sentences:,} | {len(doc.notes):,} | {met} |"
        )
    if args.extract:
        _extract(int(args.mb * 1_000_000), args.repeat)


def _text_size(doc: ParsedDocument) -> int:
    """Bytes of the text a document holds: its paragraphs and notes."""
    paragraphs = sum(len(p.text.encode()) + 2 for p in doc.paragraphs)
    return paragraphs + sum(len(n.text.encode()) + 1 for n in doc.notes)


#: Formats whose file size is not the size of the text they hold.
_LAID_OUT = (".pdf", ".docx")
_SEED = Path(__file__).resolve().parent.parent / "tests/data/seeds"


def _article_paragraphs() -> list[tuple[str, str]]:
    """The real article's paragraphs, each cut after its first sentence; the few letters
    the PDF's standard font cannot set (`ş`) are written `?` in every format alike."""
    text = (_SEED / "wikipedia-2022-russian-mobilization.txt").read_text(encoding="utf-8")
    text = text.encode("cp1252", "replace").decode("cp1252")
    cut = []
    for paragraph in text.split("\n\n"):
        first, stop, rest = " ".join(paragraph.split()).partition(". ")
        if rest and len(first) > 20:
            cut.append((first + stop.strip(), rest))
    return cut


def _article(size: int) -> tuple[str, bytes]:
    """A real article, the Wikipedia seed, repeated to about `size` bytes."""
    text = (_SEED / "wikipedia-2022-russian-mobilization.txt").read_bytes()
    return "article.txt", b"\n\n".join([text] * max(1, round(size / len(text))))


def _extract(size: int, repeat: int) -> None:
    """The whole command on each document, in a process of its own."""
    print()
    print(
        "| document | MB | format | median wall (s) | its CPU (s) | MB/s (wall) | "
        "peak memory of the tree (MB) | target met |"
    )
    print("|---|---|---|---|---|---|---|---|")
    runs = [(d, "yaml") for d in documents(size)] + [(_article(size), "yaml")]
    runs += [(d, "json") for d in documents(size)] + [(_article(size), "json")]
    runs += [(d, "yaml") for part in (size // 4, size // 2) for d in _plain(part)]
    # The real article's paragraphs in every format, a marker and a note for each.
    runs += [((f"prose-{n}", d), "yaml") for n, d in documents(size, prose=True)]
    with tempfile.TemporaryDirectory() as folder:
        for (name, data), fmt in runs:
            path = Path(folder) / name
            path.write_bytes(data)
            wall, cpu, peak = _run(path, fmt, repeat)
            text = _text_size(read_document(data, name)) if name.endswith(_LAID_OUT) else len(data)
            rate = text / 1e6 / wall
            met = "yes" if rate >= TARGET_MB_PER_SECOND else "no"
            print(
                f"| {name} | {text / 1e6:.1f} | {fmt} | {wall:.2f} | {cpu:.2f} | "
                f"{rate:.2f} | {peak:.0f} | {met} |",
                flush=True,
            )


def _plain(size: int) -> list[tuple[str, bytes]]:
    return [next(d for d in documents(size) if d[0].endswith(".txt")), _article(size)]


def _run(path: Path, fmt: str, repeat: int) -> tuple[float, float, float]:
    """`repeat` runs of `factcheck extract` on one document, each in a fresh process: the
    median wall and CPU seconds, and the largest peak memory of the process tree (the
    command and the processes it forks), sampled as `benchmarks/measure.py` samples it. Its
    floor, the child's own ru_maxrss, is not used: this process holds the documents, and a
    child started from it reports at least this process's size."""
    command = [sys.executable, "-m", "factcheck", "extract", str(path), "-f", fmt]
    runs = [run_child([*command, "-o", os.devnull], dict(os.environ)) for _ in range(repeat)]
    summary = summarize(runs)
    return summary.wall, summary.cpu, max(r.tree_peak_mb for r in runs)


if __name__ == "__main__":
    main()
