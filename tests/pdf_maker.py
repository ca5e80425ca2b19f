"""Real PDF bytes for the PDF reader's tests: pages of text lines placed where a report sets
them (body, superscript markers, smaller footnotes at the page foot, running headers and page
numbers), in the standard Helvetica font, with a correct cross-reference table."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

#: A piece of a line: its words, and whether it is set as a superscript.
Piece = tuple[str, bool]


@dataclass
class Line:
    """A line of text at `y` points from the page's foot, `size` points high."""

    y: float
    pieces: Sequence[Piece] | str
    size: float = 11.0
    x: float = 72.0


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page: Page) -> bytes:
    out = [b"BT"]
    for line in page.lines:
        pieces = [(line.pieces, False)] if isinstance(line.pieces, str) else line.pieces
        out.append(b"1 0 0 1 %.2f %.2f Tm" % (line.x, line.y))
        for words, raised in pieces:
            size = line.size * 0.6 if raised else line.size
            rise = line.size * 0.35 if raised else 0.0
            out.append(b"/F1 %.2f Tf %.2f Ts (%s) Tj" % (size, rise, _escape(words)))
        out.append(b"0 Ts")
    out.append(b"ET")
    return b"\n".join(out)


def make_pdf(
    pages: Sequence[Page],
    *,
    title: str | None = None,
    text: bool = True,
    compressed: int = 0,
    padding: int = 0,
) -> bytes:
    """A PDF of `pages`; with `text=False`, pages that draw only a rectangle (as a scan
    without a text layer shows no text). Each page's content is followed by `padding`
    spaces and compressed (FlateDecode) `compressed` times."""
    objects: list[bytes] = []
    kids = []
    font_id = 3
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # the page tree, written once the pages are numbered
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for page in pages:
        stream = _content(page) if text else b"0 0 0 rg 72 72 400 600 re f"
        stream += b" " * padding
        for _ in range(compressed):
            stream = zlib.compress(stream, 9)
        filters = (
            b" /Filter [%s]" % b" ".join([b"/FlateDecode"] * compressed) if compressed else b""
        )
        objects.append(
            b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), filters, stream)
        )
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content_id, font_id)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info = None
    if title is not None:
        objects.append(b"<< /Title (%s) >>" % _escape(title))
        info = len(objects)
    body = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        body += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    body += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(body)
