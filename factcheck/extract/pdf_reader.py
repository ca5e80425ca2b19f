"""PDF: the text layer of each page, read by pypdf, rebuilt into paragraphs; running headers,
footers and page numbers left out; footnotes at the page foot made notes.

pypdf reports every piece of text it draws with its position and font size, and joins words
on a line and breaks lines as its own text extraction does. From the pieces:

- Lines set in a smaller font at the foot of a page, the first of them starting with a label
  that a marker of the same page uses, are that page's footnotes (lines that are not set
  smaller are taken only when a gap sets them apart and their labels are the page's
  markers, in order).
- Markers are the digits set smaller inside a line (a superscript), or digits glued to the
  end of a word or after its stop (`mobilisation.12`), but those only where a note of that
  label was found: a number standing as a value (`in 2022`, `1,200`) is never a marker.
- Lines repeated at the top or foot of many pages (digits aside) and lines that are a page
  number alone are furniture, left out.
- Paragraphs end at a wider gap between lines, at an indented line, at a change of font
  size, and at a page's end after a full stop. A hyphen at a line's end before a lower-case
  word is a word broken in two, joined again without it, unless the document writes the
  joined word with its hyphen elsewhere (`well-known`).
  Lines set larger than the body are headings (those with no word of three letters, such as
  a cover's language code, are left out).

Nothing the PDF holds is run: scripts, forms and links' actions are not read.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.extract.inline import note_text, stated_date, unit_power, urls
from factcheck.extract.sentences import ParagraphBuilder
from factcheck.extract.structure import Note, Paragraph, ParsedDocument

#: How to install what reading PDF and Word documents needs.
INSTALL_HINT = "pip install 'factcheck[documents]'"

# A marker glued to the word before it: after two letters, or after a stop, bracket or
# quote that itself follows a letter (so `1,200` and `H5N1` hold no marker); or after the
# full stop of a number of two digits or more when a capital starts the next sentence (`in
# 2022.4 The`, where `2.5 million` and `1.2 In` are values).
_GLUED = re.compile(
    r"(?:(?<=[^\W\d]{2})|(?<=[^\W\d][.,;:!?)\]\"”’]))(\d{1,4})(?=[\s.,;:)]|$)"
    r"|(?<=\d\d[.!?])(\d{1,4})(?=\s+[\"“‘(]?[A-Z])"
)
_RAISED = re.compile(r"^\s*(\d{1,4}(?:\s*[,–-]\s*\d{1,4})*|[*†‡§]{1,3})\s*$")
_NOTE_START = re.compile(r"^\s*(\d{1,4}|[*†‡§]{1,3})[.)]?(?:\s+|(?=[^\W\d]))(?P<rest>\S.*)$")
_PAGE_NUMBER = re.compile(
    r"^\W*(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*[•▪‣◦●■\-–]\s+(?=\S)")
_WORDY = re.compile(r"[^\W\d]{3}")
_TRAILING_MARKER = re.compile(r"(?<=[.!?:”\"’)])\d{1,4}$")
_SENTENCE_END = (".", "!", "?", ":", "”", '"', "’", ")")

#: Ligatures a typesetter draws as one glyph, written as their letters (so `oﬃce` is found
#: as `office`).
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
#: Relative sizes: a superscript marker, a footnote's font, a heading's.
_RAISED_SIZE = 0.8
_SMALLER = 0.92
_LARGER = 1.15
#: Lines at either edge of a page looked at for headers, footers and page numbers.
_EDGE_LINES = 3


@dataclass
class _Piece:
    text: str
    size: float
    #: Where its baseline is, in points from the page's foot.
    y: float = 0.0
    raised: bool = False


@dataclass
class _Line:
    page: int
    x: float
    y: float
    pieces: list[_Piece] = field(default_factory=list)

    # Asked for many times once the line is read; its pieces no longer change by then.
    @cached_property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @cached_property
    def size(self) -> float:
        """The size of most of its characters."""
        sizes: Counter[float] = Counter()
        for piece in self.pieces:
            sizes[round(piece.size * 2) / 2] += len(piece.text.strip())
        return sizes.most_common(1)[0][0] if sizes else 0.0


def read_pdf(data: bytes, name: str) -> ParsedDocument:
    """A PDF document's paragraphs, sentences, markers and notes, from its text layer."""
    shown = "<stdin>" if name == "-" else name
    pages, title = _read_lines(data, shown)
    lines = [line for page in pages for line in page]
    if not any(line.text.strip() for line in lines):
        raise FactcheckError(
            "the PDF has no text layer (a scan?); run OCR on it first (for example "
            "ocrmypdf) and extract again",
            file=shown,
        )
    body_size = _body_size(lines)
    for page in pages:
        _mark_raised(page)
    referenced = _referenced(pages)
    pages = _without_furniture(pages, referenced)
    compounds = _compounds(lines)
    notes, body, keys = _footnotes(pages, body_size, referenced, compounds)
    labels = {key for page_keys in keys for key in page_keys.values()}
    paragraphs, heading = _paragraphs(body, keys, labels, body_size, compounds)
    return ParsedDocument(
        name=name,
        kind="pdf",
        title=title or heading,
        date=stated_date([line.text for line in lines[:40]]),
        paragraphs=tuple(paragraphs),
        notes=tuple(notes),
    )


def _read_lines(data: bytes, file: str) -> tuple[list[list[_Line]], str | None]:
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError:
        raise FactcheckError(
            f"reading PDF needs the optional 'documents' extra: {INSTALL_HINT}", file=file
        ) from None
    pdf_logger = logging.getLogger("pypdf")
    level = pdf_logger.level
    # pypdf logs what it repairs in a damaged file; the reader reports only what it refuses.
    pdf_logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = _open(pypdf, data, file)
            title = _title(reader)
            pages = []
            for number, page in enumerate(reader.pages, start=1):
                pages.append(_page_lines(page, number))
            return pages, title
    except FileNotDecryptedError:
        raise FactcheckError(
            "the PDF is encrypted with a password; save a copy without one and extract that",
            file=file,
        ) from None
    except DependencyError:
        raise FactcheckError(
            "the PDF is encrypted with AES, which needs the 'cryptography' package "
            "(pip install cryptography), or save a copy without encryption",
            file=file,
        ) from None
    except FactcheckError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        raise FactcheckError(
            f"not a readable PDF (damaged or truncated?): {failure(exc)}", file=file
        ) from None
    finally:
        pdf_logger.setLevel(level)


def _open(pypdf: Any, data: bytes, file: str) -> Any:
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise FactcheckError(
            "the PDF is encrypted with a password; save a copy without one and extract that",
            file=file,
        )
    return reader


def failure(exc: Exception) -> str:
    """What a library's exception says, on one line and briefly."""
    text = " ".join(str(exc).split())[:200]
    return text or type(exc).__name__


def _title(reader: Any) -> str | None:
    metadata = reader.metadata
    title = metadata.title if metadata is not None else None
    if isinstance(title, str) and title.strip() and not title.lower().endswith((".doc", ".docx")):
        return " ".join(title.split())
    return None


def _page_lines(page: Any, number: int) -> list[_Line]:
    lines: list[_Line] = []
    current: list[_Line | None] = [None]

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text:
            return
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        parts = text.split("\n")
        for index, part in enumerate(parts):
            line = current[0]
            if part:
                if line is None:
                    line = _Line(number, x, y)
                    lines.append(line)
                    current[0] = line
                elif not any(p.text.strip() for p in line.pieces):
                    line.x, line.y = x, y
                text_size = float(size) * (scale or 1.0)
                line.pieces.append(_Piece(part.translate(_LIGATURES), text_size, y))
            if index < len(parts) - 1:
                current[0] = None

    page.extract_text(visitor_text=visit, orientations=(0,))
    return [line for line in lines if line.text.strip()]


def _body_size(lines: list[_Line]) -> float:
    """The size of the body text: the largest size that sets a quarter of the characters
    (footnotes are smaller and may hold as many characters as the body; headings are larger
    and hold few)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        for piece in line.pieces:
            sizes[round(piece.size * 2) / 2] += len(piece.text.strip())
    total = sum(sizes.values())
    for size in sorted(sizes, reverse=True):
        if sizes[size] >= total / 4:
            return size
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _edges(page: list[_Line]) -> list[_Line]:
    by_height = sorted(page, key=lambda line: -line.y)
    return by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:]


def _without_furniture(pages: list[list[_Line]], referenced: list[set[str]]) -> list[list[_Line]]:
    """Pages without running headers and footers (an edge line repeated on many pages,
    digits aside) and page numbers (an edge line that is a number alone). A line that starts
    with the label of a marker on its page is a footnote, however alike the footnotes of
    other pages are (`12 Ibid.`)."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_furniture_key(line.text) for line in _edges(page)})
    least = max(3, math.ceil(len(pages) * 0.4))
    repeated = {key for key, n in counts.items() if n >= least}
    kept = []
    for page, labels in zip(pages, referenced, strict=True):
        edges = {id(line) for line in _edges(page)}
        kept.append(
            [
                line
                for line in page
                if id(line) not in edges or not _furniture(line, labels, repeated)
            ]
        )
    return kept


def _furniture(line: _Line, labels: set[str], repeated: set[str]) -> bool:
    """Whether an edge line is a page number, or a line repeated on many pages that is
    neither a note of its page nor marked by one."""
    if _PAGE_NUMBER.match(line.text):
        return True
    if _furniture_key(line.text) not in repeated or any(p.raised for p in line.pieces):
        return False
    label = _note_label(line)
    return label is None or label[0] not in labels


def _mark_raised(page: list[_Line]) -> None:
    """Flag the pieces set much smaller than their line, not below its baseline (as the 2
    of CO₂ is), and holding only a label: markers set as superscripts."""
    for line in page:
        size = line.size
        baseline = next((p.y for p in line.pieces if p.size == size), line.y)
        for index, piece in enumerate(line.pieces):
            if (
                index > 0
                and piece.size < size * _RAISED_SIZE
                and piece.y > baseline - size * 0.05
                and _RAISED.match(piece.text)
                and line.pieces[index - 1].text.strip()
            ):
                piece.raised = True


def _raised_labels(text: str) -> list[str]:
    labels: list[str] = []
    for part in re.split(r"\s*,\s*", text.strip()):
        bounds = re.split(r"\s*[–-]\s*", part)
        if len(bounds) == 2 and all(b.isdigit() for b in bounds):
            low, high = int(bounds[0]), int(bounds[1])
            if 0 < high - low < 50:
                labels.extend(str(n) for n in range(low, high + 1))
                continue
        labels.append(part)
    return [label for label in labels if label]


def _referenced(pages: list[list[_Line]]) -> list[set[str]]:
    """For each page, the labels its lines may use as markers (superscripts, and digits
    glued to a word)."""
    found: list[set[str]] = []
    for page in pages:
        labels: set[str] = set()
        for line in page:
            for piece in line.pieces:
                if piece.raised:
                    labels.update(_raised_labels(piece.text))
                else:
                    labels.update(m.group(1) or m.group(2) for m in _GLUED.finditer(piece.text))
        found.append(labels)
    return found


def _pitch(page: list[_Line], body_size: float) -> float:
    """The usual distance between two lines of body text."""
    drops = [
        round(a.y - b.y, 1)
        for a, b in itertools.pairwise(page)
        if abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5 and a.y > b.y
    ]
    return Counter(drops).most_common(1)[0][0] if drops else body_size * 1.2


def _note_label(line: _Line) -> tuple[str, str] | None:
    first = line.pieces[0]
    if len(line.pieces) > 1 and _RAISED.match(first.text) and first.text.strip().isdigit():
        rest = "".join(p.text for p in line.pieces[1:]).strip()
        if rest and line.pieces[1].size > first.size:
            return first.text.strip(), rest
    match = _NOTE_START.match(line.text)
    return (match.group(1), match.group("rest")) if match else None


def _foot(page: list[_Line], body_size: float, page_labels: set[str]) -> int:
    """Where the page's footnotes begin (an index into the page's lines by height), or the
    number of lines when it has none."""
    ordered = sorted(range(len(page)), key=lambda i: -page[i].y)
    lines = [page[i] for i in ordered]
    start = len(lines)
    while start > 0 and lines[start - 1].size < body_size * _SMALLER:
        start -= 1
    if start < len(lines) and start > 0:
        for index in range(start, len(lines)):
            label = _note_label(lines[index])
            if label is not None and label[0] in page_labels:
                return start
    # Footnotes in the body's own size: a block at the page's foot, set apart by a gap,
    # whose lines that start with a label use labels of this page's markers, in order.
    pitch = _pitch(lines, body_size)
    for index in range(len(lines) - 1, 0, -1):
        if lines[index - 1].y - lines[index].y <= pitch * 1.3:
            continue
        starts = [_note_label(line) for line in lines[index:]]
        found = [
            int(s[0]) for s in starts if s is not None and s[0] in page_labels and s[0].isdigit()
        ]
        if starts[0] is not None and found and found == sorted(set(found)):
            return index
        break
    return len(lines)


def _footnotes(
    pages: list[list[_Line]],
    body_size: float,
    referenced: list[set[str]],
    compounds: frozenset[str],
) -> tuple[list[Note], list[list[_Line]], list[dict[str, str]]]:
    """The notes found at the pages' feet, each page's body lines, and for each page the
    note each of its labels stands for."""
    gathered: list[tuple[str, list[str]]] = []
    taken: set[str] = set()
    keys: list[dict[str, str]] = []
    body: list[list[_Line]] = []
    for number, page in enumerate(pages):
        by_height = sorted(page, key=lambda line: -line.y)
        first = _foot(page, body_size, referenced[number])
        foot = {id(line) for line in by_height[first:]}
        page_keys = {key: key for key in taken}
        started = False
        for line in by_height[first:]:
            label = _note_label(line)
            if label is not None and label[0] in referenced[number]:
                key = label[0] if label[0] not in taken else f"p{number + 1}-{label[0]}"
                taken.add(key)
                page_keys[label[0]] = key
                gathered.append((key, [label[1]]))
                started = True
            elif gathered:  # a note carried over from the page before, or a note's next line
                gathered[-1][1].append(line.text)
                started = True
        if not started:
            foot = set()
        body.append([line for line in page if id(line) not in foot])
        keys.append(page_keys)
    notes = []
    for key, parts in gathered:
        words, links = note_text(_join_lines(parts, compounds))
        notes.append(Note(label=key, text=words, links=tuple(links)))
    return notes, body, keys


def _join_lines(lines: list[str], compounds: frozenset[str]) -> str:
    """Lines as one text, a word broken at a line's end joined again."""
    joined = ""
    for line in lines:
        line = line.strip()
        kept = _broken_word(joined, line, compounds)
        if kept is not None:
            joined = joined[:-1] + kept + line
        else:
            joined = f"{joined} {line}" if joined else line
    return joined


_BROKEN = re.compile(r"([^\W\d]+)(-|\u00ad)$")
_WORD_START = re.compile(r"[^\W\d]+")


def _broken_word(before: str, after: str, compounds: frozenset[str]) -> str | None:
    """What joins a line ending in a hyphen to the next (`""` or `"-"`), or None when the
    line does not end in a broken word."""
    broken = _BROKEN.search(before)
    following = _WORD_START.match(after)
    if broken is None or following is None:
        return None
    if broken.group(2) == "\u00ad":
        return ""
    if not after[:1].islower():
        return None
    whole = f"{broken.group(1)}-{following.group(0)}".lower()
    return "-" if whole in compounds else ""


def _compounds(lines: list[_Line]) -> frozenset[str]:
    """The hyphenated words written within a line (`well-known`), in lower case."""
    return frozenset(
        word.lower() for line in lines for word in re.findall(r"[^\W\d]+-[^\W\d]+", line.text)
    )


@dataclass
class _Block:
    lines: list[_Line]
    heading: bool


def _blocks(body: list[list[_Line]], body_size: float) -> Iterator[_Block]:
    """Lines grouped into paragraphs and headings."""
    current: list[_Line] = []
    heading = False
    for page in body:
        pitch = _pitch(page, body_size)
        for line in page:
            is_heading = line.size >= body_size * _LARGER
            if current and _breaks(current, line, is_heading, heading, pitch):
                yield _Block(current, heading)
                current = []
            if not current:
                heading = is_heading
            current.append(line)
    if current:
        yield _Block(current, heading)


def _breaks(
    current: list[_Line], line: _Line, is_heading: bool, in_heading: bool, pitch: float
) -> bool:
    last = current[-1]
    if is_heading != in_heading or abs(line.size - last.size) > 1.0:
        return True
    if _BULLET.match(line.text):
        return True
    ended = _ends_sentence(last)
    if line.page != last.page:
        return ended
    drop = last.y - line.y
    if drop > pitch * 1.45 or drop < -pitch * 0.5:
        return True
    # An indented line after a full stop starts a paragraph.
    return ended and line.x > last.x + line.size * 0.8


def _ends_sentence(line: _Line) -> bool:
    """Whether a line ends with a sentence's stop, markers after it aside."""
    text = "".join(p.text for p in line.pieces if not p.raised).rstrip()
    return _TRAILING_MARKER.sub("", text).endswith(_SENTENCE_END)


def _paragraphs(
    body: list[list[_Line]],
    keys: list[dict[str, str]],
    labels: set[str],
    body_size: float,
    compounds: frozenset[str],
) -> tuple[list[Paragraph], str | None]:
    paragraphs: list[Paragraph] = []
    section: str | None = None
    first_heading: str | None = None
    for block in _blocks(body, body_size):
        if block.heading:
            words = " ".join(_join_lines([line.text for line in block.lines], compounds).split())
            if not _WORDY.search(words):
                continue
            section = words
            if first_heading is None and not paragraphs:
                first_heading = section
            continue
        paragraph = _paragraph(block.lines, keys, labels, section, compounds)
        if paragraph is not None:
            paragraphs.append(paragraph)
    return paragraphs, first_heading


def _paragraph(
    lines: list[_Line],
    keys: list[dict[str, str]],
    labels: set[str],
    section: str | None,
    compounds: frozenset[str],
) -> Paragraph | None:
    """A paragraph of lines: markers taken out, hyphenated words joined, links found."""
    pieces: list[tuple[str, str | None]] = []  # (text, None) or ("", label)
    for index, line in enumerate(lines):
        page_keys = keys[line.page - 1]
        line_pieces = list(line.pieces)
        if index == 0 and (bullet := _BULLET.match(line_pieces[0].text)):
            line_pieces[0] = _Piece(line_pieces[0].text[bullet.end() :], line_pieces[0].size)
        if pieces:
            _join(pieces, line_pieces[0].text if line_pieces else "", compounds)
        for piece in line_pieces:
            if piece.raised:
                before = pieces[-1][0] if pieces else ""
                for raised in _raised_labels(piece.text):
                    if not (raised not in page_keys and unit_power(before[-4:], raised)):
                        pieces.append(("", page_keys.get(raised, raised)))
            else:
                _glued(piece.text, page_keys, labels, pieces)
    builder = ParagraphBuilder()
    for text, marker in pieces:
        if marker is None:
            builder.text(text)
        else:
            builder.marker(marker)
    paragraph = builder.build(section)
    if paragraph is None:
        return None
    return _with_links(paragraph)


def _join(pieces: list[tuple[str, str | None]], following: str, compounds: frozenset[str]) -> None:
    """End a line: a word broken at its end joined again, else a space between lines."""
    for index in range(len(pieces) - 1, -1, -1):
        text, label = pieces[index]
        if label is not None:
            break
        stripped = text.rstrip()
        if stripped:
            kept = _broken_word(stripped, following.lstrip(), compounds)
            if kept is not None:
                pieces[index] = (stripped[:-1] + kept, None)
                return
            break
    pieces.append((" ", None))


def _glued(
    text: str, page_keys: dict[str, str], labels: set[str], pieces: list[tuple[str, str | None]]
) -> None:
    done = 0
    for match in _GLUED.finditer(text):
        label = match.group(1) or match.group(2)
        key = page_keys.get(label)
        if key is None or key not in labels:
            continue
        pieces.append((text[done : match.start()], None))
        pieces.append(("", key))
        done = match.end()
    pieces.append((text[done:], None))


def _with_links(paragraph: Paragraph) -> Paragraph:
    """Web addresses written in a sentence are its links."""
    sentences = tuple(replace(s, links=tuple(urls(s.text))) for s in paragraph.sentences)
    return replace(paragraph, sentences=sentences)
