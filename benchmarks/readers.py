"""How fast the document readers of `factcheck extract` are: a generated document of each
format, of about the given size, read in this process; megabytes a second for each.

    python benchmarks/readers.py            # 5 MB documents
    python benchmarks/readers.py --mb 1
    python benchmarks/readers.py --draft    # and the whole of extract (read and drafted)

The documents are dense with what costs time: a footnote marker after every sentence,
abbreviations and numbers the sentence splitter must judge, links, and a note for every
marker. The target is 1 MB a second or more for every reader.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterator

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
        "--draft", action="store_true", help="also time the whole of extract on plain text"
    )
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
    if args.draft:
        _drafted(int(args.mb * 1_000_000))


def _drafted(size: int) -> None:
    """The whole of `extract` on the plain-text document: read, then drafted (claims,
    sources, footnotes, subjects and properties), at two sizes to show the growth."""
    from factcheck.extract.claim_file import draft_file

    print()
    print("| document | MB | read (s) | drafted (s) | MB/s in all | claims | target met |")
    print("|---|---|---|---|---|---|---|")
    for part in (size // 4, size):
        name, data = next(d for d in documents(part) if d[0].endswith(".txt"))
        started = time.perf_counter()
        doc = read_document(data, name)
        read = time.perf_counter()
        drafted = draft_file([doc])
        done = time.perf_counter()
        rate = len(data) / 1e6 / (done - started)
        met = "yes" if rate >= TARGET_MB_PER_SECOND else "no"
        print(
            f"| {name} | {len(data) / 1e6:.1f} | {read - started:.2f} | {done - read:.2f} | "
            f"{rate:.2f} | {len(drafted.get('claims', [])):,} | {met} |"
        )


if __name__ == "__main__":
    main()
