"""PDF: the text layer of each page, read by PDFium (pypdfium2), rebuilt into paragraphs;
running headers, footers and page numbers left out; footnotes at the page foot made notes.

PDFium's text page gives a page's characters in order, with the spaces and line breaks
its text extraction puts between them, and each character's position and font size. A
line is cut into pieces where the font size changes (a raised marker, a footnote's
label). From the pieces:

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

The lines of a PDF of many pages are read in forked processes (`parallel`), each from a
few consecutive pages of its own copy of the document; the rest is done here, in page order.

Nothing the PDF holds is run: scripts, forms and links' actions are not read.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import operator
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.extract import parallel
from factcheck.extract.inline import note_text, stated_date, unit_power, urls
from factcheck.extract.sentences import ParagraphBuilder
from factcheck.extract.structure import Note, Paragraph, ParsedDocument

#: How to install what reading PDF and Word documents needs.
INSTALL_HINT = "pip install 'factcheck[documents]'"

# A marker glued to the word before it: after two letters, or after a stop, bracket or
# quote that itself follows a letter (so `1,200` and `H5N1` hold no marker); or after the
# full stop of a number of two digits or more when a capital starts the next sentence (`in
# 2022.4 The`, where `2.5 million` and `1.2 In` are values).
# `(?=\d)` first: every match starts with a digit, and the engine skips to the next digit
# in C instead of trying the look-behinds at every character (five times faster).
_GLUED = re.compile(
    r"(?=\d)(?:(?:(?<=[^\W\d]{2})|(?<=[^\W\d][.,;:!?)\]\"”’]))(\d{1,4})(?=[\s.,;:)]|$)"
    r"|(?<=\d\d[.!?])(\d{1,4})(?=\s+[\"“‘(]?[A-Z]))"
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
_LIGATURE = re.compile("[" + "".join(map(chr, _LIGATURES)) + "]")
#: Relative sizes: a superscript marker, a footnote's font, a heading's.
_RAISED_SIZE = 0.8
_SMALLER = 0.92
_LARGER = 1.15
#: Lines at either edge of a page looked at for headers, footers and page numbers.
_EDGE_LINES = 3
#: The fewest pages whose lines are read in other processes. Measured on two cores, the
#: processes cost about what they save at 30 pages of prose; from 40 pages on the reader is
#: about 1.1 times as fast (1.3 times at a thousand).
_FEWEST_PAGES_TO_SHARE = 40
#: Ranges of pages for each process, so that one slow range does not leave the others idle.
_RANGES_PER_PROCESS = 3


@dataclass(slots=True)
class _Piece:
    text: str
    size: float
    #: Where its baseline is, in points from the page's foot.
    y: float = 0.0
    raised: bool = False

    # Sent from a worker process as the arguments of its constructor: quicker both ways
    # than the default (a state set field by field), for the many pieces of a document.
    def __reduce__(self) -> tuple[type[_Piece], tuple[str, float, float, bool]]:
        return _Piece, (self.text, self.size, self.y, self.raised)


@dataclass(slots=True)
class _Line:
    page: int
    x: float
    y: float
    pieces: list[_Piece] = field(default_factory=list)
    # Its text, and the size of most of its characters: set by `_finish` once its pieces
    # are all read, as they are asked for many times.
    text: str = ""
    size: float = 0.0

    def __reduce__(
        self,
    ) -> tuple[type[_Line], tuple[int, float, float, list[_Piece], str, float]]:
        return _Line, (self.page, self.x, self.y, self.pieces, self.text, self.size)

    def _finish(self) -> None:
        pieces = self.pieces
        if len(pieces) == 1:
            self.text = pieces[0].text
            self.size = round(pieces[0].size * 2) / 2  # (`_common_size` of one piece)
        else:
            self.text = "".join(p.text for p in pieces)
            self.size = _common_size(pieces)


def _common_size(pieces: list[_Piece]) -> float:
    if len(pieces) == 1:  # most lines: one size, whatever its characters
        return round(pieces[0].size * 2) / 2
    sizes: dict[float, int] = {}
    for piece in pieces:
        key = round(piece.size * 2) / 2
        sizes[key] = sizes.get(key, 0) + len(piece.text.strip())
    # The first of the most common, as Counter.most_common(1) gives it.
    return max(sizes.items(), key=_count)[0] if sizes else 0.0


def _count(item: tuple[float, int]) -> int:
    return item[1]


def read_pdf(data: bytes, name: str, *, processes: int | None = None) -> ParsedDocument:
    """A PDF document's paragraphs, sentences, markers and notes, from its text layer; the
    lines of many pages read in up to `processes` processes (by default one per core)."""
    shown = "<stdin>" if name == "-" else name
    pages, title = _read_lines(data, shown, processes)
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
    labels = {key for page_keys in keys for key in page_keys.own.values()}
    paragraphs, heading = _paragraphs(body, keys, labels, body_size, compounds)
    return ParsedDocument(
        name=name,
        kind="pdf",
        title=title or heading,
        date=stated_date([line.text for line in lines[:40]]),
        paragraphs=tuple(paragraphs),
        notes=tuple(notes),
    )


def _read_lines(
    data: bytes, file: str, processes: int | None = None
) -> tuple[list[list[_Line]], str | None]:
    try:
        import pypdfium2
        import pypdfium2.raw as pdfium_c
    except ImportError:
        raise FactcheckError(
            f"reading PDF needs the optional 'documents' extra: {INSTALL_HINT}", file=file
        ) from None
    _check_inflation(data, file)
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise FactcheckError(
                "the PDF is encrypted with a password; save a copy without one and extract that",
                file=file,
            ) from None
        raise FactcheckError(
            f"not a readable PDF (damaged or truncated?): {failure(exc)}", file=file
        ) from None
    try:
        title = _title(document.get_metadata_value("Title"))
        count = len(document)
        workers = parallel.cores() if processes is None else processes
        if count < _FEWEST_PAGES_TO_SHARE or workers < 2:
            return _pages_lines(document, range(count)), title
        # Each task opens the document anew; it is opened here first all the same, so that
        # a PDF that cannot be opened is refused here, before any process starts.
        tasks = [
            partial(_own_pages_lines, data, numbers)
            for numbers in _ranges(count, workers * _RANGES_PER_PROCESS)
        ]
        parts = parallel.run_all(tasks, processes)
        return [page for part in parts for page in part], title
    except Exception as exc:  # PDFium reports a damaged page as a PdfiumError
        raise FactcheckError(
            f"not a readable PDF (damaged or truncated?): {failure(exc)}", file=file
        ) from None
    finally:
        document.close()


def _pages_lines(document: Any, numbers: range) -> list[list[_Line]]:
    """The lines of the pages of `document` numbered `numbers` (from 0), page by page."""
    import pypdfium2.raw as pdfium_c

    pages = []
    for number in numbers:
        page = document[number]
        try:
            textpage = page.get_textpage()
            try:
                pages.append(_page_lines(_TextPage(pdfium_c, textpage), number + 1))
            finally:
                textpage.close()
        finally:
            page.close()
    return pages


def _own_pages_lines(data: bytes, numbers: range) -> list[list[_Line]]:
    """`_pages_lines` of a document opened from `data` for this task alone (a PDFium
    document is not shared between processes)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return _pages_lines(document, numbers)
    finally:
        document.close()


def _ranges(count: int, parts: int) -> list[range]:
    """`range(count)` cut into `parts` consecutive ranges (fewer when `count` is smaller),
    of sizes differing by one at most."""
    parts = min(parts, count)
    return [range(count * i // parts, count * (i + 1) // parts) for i in range(parts)]


#: How far one compressed stream of a PDF, and all of them, may inflate. PDFium decodes a
#: page's content in memory with no bound of its own, so a small file whose streams inflate
#: to gigabytes (a decompression bomb) is refused before PDFium opens it. A page's content
#: is rarely more than a few megabytes, an image (not decoded to read text) tens.
_MOST_PER_STREAM = 128 * 1024 * 1024
_MOST_IN_ALL = 1024 * 1024 * 1024
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_CHUNK = 64 * 1024


def _check_inflation(data: bytes, file: str) -> None:
    """Refuse a PDF whose zlib (FlateDecode) streams, also a stream in a stream, inflate
    past the bounds above."""
    view = memoryview(data)
    total = 0
    for match in _STREAM.finditer(data):
        size = _inflated_size(view[match.end() :])
        total += size
        if size > _MOST_PER_STREAM or total > _MOST_IN_ALL:
            raise FactcheckError(
                "the PDF's compressed streams inflate to more than "
                f"{(_MOST_PER_STREAM if size > _MOST_PER_STREAM else _MOST_IN_ALL) >> 20} MB "
                "(a decompression bomb?); not read",
                file=file,
            )


def _zlib_start(data: bytes | memoryview) -> bool:
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] * 256 + data[1]) % 31 == 0


def _inflated_size(data: memoryview) -> int:
    """How many bytes the zlib stream at the start of `data` inflates to (and the zlib
    stream it holds, when it holds one), counted up to just past the bound per stream;
    0 when `data` does not start with one. A damaged stream counts up to the damage."""
    if not _zlib_start(data):
        return 0
    outer, inner = zlib.decompressobj(), zlib.decompressobj()
    nested: bool | None = None
    size = 0
    at = 0
    pending: bytes | memoryview = b""
    try:
        while size <= _MOST_PER_STREAM and not outer.eof:
            if not pending:
                if at >= len(data):
                    break
                pending, at = data[at : at + _CHUNK], at + _CHUNK
            # At most a chunk out at a time, so the counting holds little in memory.
            out = outer.decompress(pending, _CHUNK)
            pending = outer.unconsumed_tail
            if nested is None and out:
                nested = _zlib_start(out)
            size += len(out)
            while nested and out and not inner.eof and size <= _MOST_PER_STREAM:
                size += len(inner.decompress(out, _CHUNK))
                out = inner.unconsumed_tail
    except zlib.error:
        pass
    return size


def failure(exc: Exception) -> str:
    """What a library's exception says, on one line and briefly."""
    text = " ".join(str(exc).split())[:200]
    return text or type(exc).__name__


def _title(title: object) -> str | None:
    if isinstance(title, str) and title.strip() and not title.lower().endswith((".doc", ".docx")):
        return " ".join(title.split())
    return None


# PDFium's text page joins a line ending in a hyphen to the next, the hyphen written as
# U+FFFE: the reader breaks the line there again (and judges the hyphen itself).
_ROWS = re.compile(r"[^\n\ufffe]+(?:\ufffe|\n|$)|\n")
# A line's text cut where a piece may change size: each digit and note sign alone (a raised
# marker may follow a word or a number with nothing between), words, and the spaces between.
_RUNS = re.compile(r"\s*(?:[\d*†‡§]|[^\s\d*†‡§]+)")


class _TextPage:
    """What the reader asks of PDFium's text page of one page, character by index: its text,
    and PDFium's own functions with buffers made once for them (a line costs a few calls,
    made in `_page_lines` itself)."""

    def __init__(self, pdfium_c: Any, textpage: Any) -> None:
        self.handle = handle = textpage.raw
        self.count = textpage.count_chars()
        text = textpage.get_text_range(0, self.count) if self.count > 0 else ""
        if len(text) != self.count:
            # A character beyond 16 bits (two in the text) would shift the text against
            # the characters: read them one by one.
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, i)) for i in range(self.count))
        self.text = text
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.matrix = pdfium_c.FS_MATRIX()
        self.x_at, self.y_at = ctypes.byref(self.x), ctypes.byref(self.y)
        self.matrix_at = ctypes.byref(self.matrix)
        #: Where a character's baseline starts (the one before's when it has none).
        self.get_origin = pdfium_c.FPDFText_GetCharOrigin
        #: The font size a character is set in (Tf), before any matrix scales it.
        self.get_font_size = pdfium_c.FPDFText_GetFontSize
        self.get_matrix = pdfium_c.FPDFText_GetMatrix
        #: How many text objects draw the characters (each has one font and size).
        self.count_rects = pdfium_c.FPDFText_CountRects
        self.get_angle = pdfium_c.FPDFText_GetCharAngle

    def size(self, index: int, set_size: float) -> float:
        """A character's font size as drawn: the size set times the scale of the text and
        page matrices."""
        if set_size <= 0 or not self.get_matrix(self.handle, index, self.matrix_at):
            return max(set_size, 0.0)
        return set_size * (math.hypot(self.matrix.c, self.matrix.d) or 1.0)


def _page_lines(page: _TextPage, number: int) -> list[_Line]:
    """A page's upright lines, as PDFium's text page breaks and spaces them; a piece of a
    line is a stretch of characters of one font size."""
    lines: list[_Line] = []
    handle, x_out, y_out, x_at, y_at = page.handle, page.x, page.y, page.x_at, page.y_at
    get_origin, get_font_size, get_angle = page.get_origin, page.get_font_size, page.get_angle
    count_rects, size_of = page.count_rects, page.size
    get_matrix, matrix, matrix_at = page.get_matrix, page.matrix, page.matrix_at
    # Ligatures are written out only on a page that has one (most have none).
    ligatures = _LIGATURE.search(page.text) is not None
    previous: _Line | None = None  # the page's last line
    end = -1  # the last character of the line before, where it starts asked only if need be
    for row in _ROWS.finditer(page.text):
        text = row.group().rstrip("\r\n")
        if "\ufffe" in text:
            text = text.replace("\ufffe", "-")
        first = len(text) - len(text.lstrip())
        if first == len(text):
            continue
        at = row.start() + first
        if not abs(get_angle(handle, at)) < 0.01:
            continue  # a line set at an angle: a margin note or a stamp
        get_origin(handle, at, x_at, y_at)
        x, y = x_out.value, y_out.value
        set_size = float(get_font_size(handle, at))
        if set_size <= 0 or not get_matrix(handle, at, matrix_at):
            size = max(set_size, 0.0)  # (as `_TextPage.size`, without a call)
        else:
            size = set_size * (math.hypot(matrix.c, matrix.d) or 1.0)
        line = None
        if previous is not None and abs(y - previous.y) < 0.5 * max(
            round(previous.pieces[0].size * 2) / 2  # (`_common_size` of one piece)
            if len(previous.pieces) == 1
            else _common_size(previous.pieces),
            size,
        ):
            get_origin(handle, end, x_at, y_at)
            if x > x_out.value:
                line = previous  # PDFium breaks a line at a raised marker; the line goes on
        if line is None:
            line = previous = _Line(number, x, y)
            lines.append(line)
        start = row.start()
        end = start + len(text.rstrip()) - 1
        objects = max(int(count_rects(handle, start, len(text))), 1)
        if objects == 1:
            line.pieces.append(_Piece(text.translate(_LIGATURES) if ligatures else text, size, y))
            continue
        # The runs follow one another from the line's start to its last character.
        ends = [run.end() for run in _RUNS.finditer(text)]
        ats = [start + end - 1 for end in ends]
        set_sizes = list(map(get_font_size, itertools.repeat(handle), ats))
        # Where the set size changes from one run to the next.
        changes = list(
            itertools.compress(range(1, len(ends)), map(operator.ne, set_sizes, set_sizes[1:]))
        )
        # Where sizes are set alike but the text is drawn by more objects than that, a
        # matrix may scale some of them: each run is measured as drawn. Else each stretch
        # of runs set in one size is measured at its first run.
        if len(changes) + 1 < objects:
            changes = list(range(1, len(ends)))
        piece: _Piece | None = None
        added = len(line.pieces)
        for first_run, end_run in zip([0, *changes], [*changes, len(ends)], strict=True):
            run = text[ends[first_run - 1] if first_run else 0 : ends[end_run - 1]]
            at = ats[first_run]
            run_size = size_of(at, set_sizes[first_run]) or (
                piece.size if piece is not None else size
            )
            if piece is not None and abs(piece.size - run_size) < 0.01:
                piece.text += run
            else:
                get_origin(handle, at, x_at, y_at)
                piece = _Piece(run, run_size, y_out.value)
                line.pieces.append(piece)
        if ligatures:
            for piece in line.pieces[added:]:
                piece.text = piece.text.translate(_LIGATURES)
    kept = []
    for line in lines:
        line._finish()
        if line.text.strip():
            kept.append(line)
    return kept


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
        if len(line.pieces) < 2:
            continue  # a marker follows something on its line
        size = line.size
        baseline: float | None = None
        for index, piece in enumerate(line.pieces):
            if index == 0 or not piece.size < size * _RAISED_SIZE:
                continue
            if baseline is None:
                baseline = next((p.y for p in line.pieces if p.size == size), line.y)
            if (
                piece.y > baseline - size * 0.05
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
                elif glued := _GLUED.findall(piece.text):  # (most pieces hold none)
                    labels.update(a or b for a, b in glued)
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
) -> tuple[list[Note], list[list[_Line]], list[_PageKeys]]:
    """The notes found at the pages' feet, each page's body lines, and for each page the
    note each of its labels stands for."""
    gathered: list[tuple[str, list[str]]] = []
    taken: dict[str, int] = {}  # each note's key, and how many were taken before it
    keys: list[_PageKeys] = []
    body: list[list[_Line]] = []
    for number, page in enumerate(pages):
        by_height = sorted(page, key=lambda line: -line.y)
        first = _foot(page, body_size, referenced[number])
        foot = {id(line) for line in by_height[first:]}
        page_keys = _PageKeys(taken, len(taken))
        started = False
        for line in by_height[first:]:
            label = _note_label(line)
            if label is not None and label[0] in referenced[number]:
                key = label[0] if label[0] not in taken else f"p{number + 1}-{label[0]}"
                taken.setdefault(key, len(taken))
                page_keys.own[label[0]] = key
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


class _PageKeys:
    """The note each label stands for on one page: a note of the page itself, else the
    note of that key found on a page before (a note carried over, `p3-12`), else none.
    Earlier notes are read from the one record of all notes by how many came before the
    page, not copied for every page (which grew with pages times notes)."""

    def __init__(self, taken: dict[str, int], before: int) -> None:
        self.own: dict[str, str] = {}
        self._taken = taken
        self._before = before

    def get(self, label: str, default: str | None = None) -> str | None:
        key = self.own.get(label)
        if key is not None:
            return key
        return label if self._taken.get(label, self._before) < self._before else default

    def __contains__(self, label: str) -> bool:
        return self.get(label) is not None


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
    if not before.endswith(("-", "\u00ad", "\n")):
        return None  # what `_BROKEN` finds, without scanning the text from its start
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
        word.lower()
        for line in lines
        if "-" in line.text
        for word in re.findall(r"[^\W\d]+-[^\W\d]+", line.text)
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
    if line.page != last.page:
        return _ends_sentence(last)
    drop = last.y - line.y
    if drop > pitch * 1.45 or drop < -pitch * 0.5:
        return True
    # An indented line after a full stop starts a paragraph.
    return line.x > last.x + line.size * 0.8 and _ends_sentence(last)


def _ends_sentence(line: _Line) -> bool:
    """Whether a line ends with a sentence's stop, markers after it aside."""
    pieces = line.pieces
    if len(pieces) == 1 and not pieces[0].raised:
        text = line.text.rstrip()
    else:
        text = "".join(p.text for p in pieces if not p.raised).rstrip()
    if text[-1:].isdigit():  # only then can a marker end it
        text = _TRAILING_MARKER.sub("", text)
    return text.endswith(_SENTENCE_END)


def _paragraphs(
    body: list[list[_Line]],
    keys: list[_PageKeys],
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
    keys: list[_PageKeys],
    labels: set[str],
    section: str | None,
    compounds: frozenset[str],
) -> Paragraph | None:
    """A paragraph of lines: markers taken out, hyphenated words joined, links found."""
    pieces: list[tuple[str, str | None]] = []  # (text, None) or ("", label)
    for index, line in enumerate(lines):
        page_keys = keys[line.page - 1]
        line_pieces = line.pieces
        if index == 0 and (bullet := _BULLET.match(line_pieces[0].text)):
            line_pieces = list(line_pieces)
            line_pieces[0] = _Piece(line_pieces[0].text[bullet.end() :], line_pieces[0].size)
        if pieces:
            _join(pieces, line_pieces[0].text if line_pieces else "", compounds)
        for piece in line_pieces:
            if piece.raised:
                before = pieces[-1][0] if pieces else ""
                for raised in _raised_labels(piece.text):
                    if not (raised not in page_keys and unit_power(before[-4:], raised)):
                        pieces.append(("", page_keys.get(raised) or raised))
            elif _GLUED.search(piece.text) is None:  # most pieces hold no glued marker
                pieces.append((piece.text, None))
            else:
                _glued(piece.text, page_keys, labels, pieces)
    builder = ParagraphBuilder()
    add_text, add_marker = builder.text, builder.marker
    for text, marker in pieces:
        if marker is None:
            add_text(text)
        else:
            add_marker(marker)
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
    text: str, page_keys: _PageKeys, labels: set[str], pieces: list[tuple[str, str | None]]
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
    lower = paragraph.text.lower()
    if "http" not in lower and "www." not in lower:
        return paragraph  # no sentence holds an address (nor a link from elsewhere)
    sentences = []
    for sentence in paragraph.sentences:
        links = tuple(urls(sentence.text))
        # Most sentences name no address: they are kept as they are, not copied.
        sentences.append(sentence if links == sentence.links else replace(sentence, links=links))
    return replace(paragraph, sentences=tuple(sentences))
