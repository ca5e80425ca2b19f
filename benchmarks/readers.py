"""How fast the document readers of `factcheck extract` are: a generated document of each
format, of about the given size of text, read in this process; megabytes of text a second
for each (for PDF and Word the text laid out in them: a PDF of N MB of text is larger as a
file, a .docx smaller).

    python benchmarks/readers.py            # 5 MB documents
    python benchmarks/readers.py --mb 1
    python benchmarks/readers.py --draft    # and the whole of extract (read and drafted)

The documents are dense with what costs time: a footnote marker after every sentence,
abbreviations and numbers the sentence splitter must judge, links, and a note for every
marker. The PDF is made of pages of 11-point lines with superscript markers, its footnotes
set smaller at each page's foot, a running header and page numbers; the .docx has Word
footnotes. Both need the `documents` extra. The target is 1 MB a second or more for every
reader.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

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
        "--draft", action="store_true", help="also time the whole of extract on plain text"
    )
    args = parser.parse_args()
    print("| document | MB | seconds | MB/s | paragraphs | sentences | notes | target met |")
    print("|---|---|---|---|---|---|---|---|")
    for name, data in documents(int(args.mb * 1_000_000)):
        started = time.perf_counter()
        doc = read_document(data, name)
        seconds = time.perf_counter() - started
        size = _text_size(doc) if name.endswith((".pdf", ".docx")) else len(data)
        rate = size / 1e6 / seconds
        sentences = sum(len(p.sentences) for p in doc.paragraphs)
        met = "yes" if rate >= TARGET_MB_PER_SECOND else "no"
        print(
            f"| {name} | {size / 1e6:.1f} | {seconds:.2f} | {rate:.2f} | "
            f"{len(doc.paragraphs):,} | {sentences:,} | {len(doc.notes):,} | {met} |"
        )
    if args.draft:
        _drafted(int(args.mb * 1_000_000))


def _text_size(doc: ParsedDocument) -> int:
    """Bytes of the text a document holds: its paragraphs and notes."""
    paragraphs = sum(len(p.text.encode()) + 2 for p in doc.paragraphs)
    return paragraphs + sum(len(n.text.encode()) + 1 for n in doc.notes)


def _drafted(size: int) -> None:
    """The whole of `extract`: read, then drafted (claims, sources, footnotes, subjects and
    properties); plain text at two sizes to show the growth, PDF and Word at the smaller."""
    from factcheck.extract.claim_file import draft_file

    print()
    print("| document | MB | read (s) | drafted (s) | MB/s in all | claims | target met |")
    print("|---|---|---|---|---|---|---|")
    runs = [(size // 4, "report.txt"), (size, "report.txt"), (size // 4, "report.pdf")]
    runs.append((size // 4, "brief.docx"))
    for part, wanted in runs:
        name, data = next(d for d in documents(part) if d[0] == wanted)
        started = time.perf_counter()
        doc = read_document(data, name)
        read = time.perf_counter()
        drafted = draft_file([doc])
        done = time.perf_counter()
        text = _text_size(doc) if name.endswith((".pdf", ".docx")) else len(data)
        rate = text / 1e6 / (done - started)
        met = "yes" if rate >= TARGET_MB_PER_SECOND else "no"
        print(
            f"| {name} | {text / 1e6:.1f} | {read - started:.2f} | {done - read:.2f} | "
            f"{rate:.2f} | {len(drafted.get('claims', [])):,} | {met} |"
        )


if __name__ == "__main__":
    main()
