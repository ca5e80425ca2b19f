"""A document's bytes read into a `ParsedDocument` by the reader of its format: plain text,
Markdown, HTML, MediaWiki wikitext, PDF or Word (.docx), chosen by the name's suffix, else by
its content. PDF and Word need the optional `documents` extra, imported only when such a
document is read.

Nothing a document holds is run or fetched: markup is read as data, links are kept as
written.
"""

from __future__ import annotations

import codecs
import importlib
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from factcheck.decoding import decode_text
from factcheck.errors import FactcheckError, did_you_mean
from factcheck.extract.structure import ParsedDocument

#: Bytes in one document: far more than any report or article (a 500-page report saved as
#: text is a few megabytes).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

#: The readers by name, and the suffixes that choose them.
KINDS = ("text", "markdown", "html", "wikitext", "pdf", "docx")
#: The readers that take the document's bytes, not its decoded text.
_BINARY_KINDS = ("pdf", "docx")
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
    ".pdf": "pdf",
    ".docx": "docx",
}
_STDIN = "<stdin>"

_HTML = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<p[\s>]|<div[\s>]", re.IGNORECASE)
_WIKI = re.compile(r"<ref[\s>/]|\{\{\s*(?:cite|citation|reflist)|\[\[[^\]\n]+\]\]", re.IGNORECASE)
# Footnotes or headings: a text with links copied from a web page ([726](#)) is plain text.
_MARKDOWN = re.compile(r"\[\^[^\]\s]+\]|^#{1,6}\s+\S", re.MULTILINE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)


def read_document(data: bytes, name: str, kind: str | None = None) -> ParsedDocument:
    """The paragraphs, sentences, markers and notes of a document.

    `name` is the file it was read from (`-` for standard input); its suffix chooses the
    reader unless `kind` (one of `KINDS`) does. A document of no known suffix is judged by
    its content. Raises `FactcheckError` naming the file for input that is not text.
    """
    shown = _STDIN if name == "-" else name
    if kind is not None and kind not in KINDS:
        raise FactcheckError(
            f"unknown document kind '{kind}' (one of {', '.join(KINDS)})"
            f"{did_you_mean(kind, KINDS)}",
            file=shown,
        )
    if len(data) > MAX_DOCUMENT_BYTES:
        raise FactcheckError(
            f"document is {len(data):,} bytes, over the limit of {MAX_DOCUMENT_BYTES:,}; "
            "split it into parts",
            file=shown,
        )
    suffix = "" if name == "-" else PurePath(name).suffix.lower()
    chosen = kind or _binary_kind(data, suffix) or SUFFIXES.get(suffix)
    if kind is None and chosen not in _BINARY_KINDS:
        _refuse_other_formats(data, suffix, shown)
    if chosen in _BINARY_KINDS:
        return _reader(chosen)(data, name)
    text = decode(data, shown, html=chosen == "html" or (chosen is None and _looks_html(data)))
    if chosen is None:
        chosen = sniff(text)
    return _reader(chosen)(text, name)


def _binary_kind(data: bytes, suffix: str) -> str | None:
    """PDF by its header (which may follow a little junk), Word by its suffix, or by the
    main part a zip of no other known suffix holds."""
    if data.startswith(b"%PDF-") or (suffix not in SUFFIXES and b"%PDF-" in data[:1024]):
        return "pdf"
    if suffix in (".pdf", ".docx"):
        return SUFFIXES[suffix]
    if data.startswith(b"PK\x03\x04") and suffix not in _ZIPPED and b"word/" in data[:65536]:
        return "docx"
    return None


_ZIPPED = (".odt", ".epub", ".zip", ".xlsx", ".pptx")
#: Formats that are not read, by their first bytes and by their suffixes.
_OTHER_FORMATS = (
    (b"PK\x03\x04", _ZIPPED, "a zipped document (OpenDocument, EPUB, a spreadsheet)"),
    (b"\xd0\xcf\x11\xe0", (".doc", ".xls"), "an old Word or Excel document"),
    (b"{\\rtf", (".rtf",), "an RTF document"),
)


def _refuse_other_formats(data: bytes, suffix: str, file: str) -> None:
    for magic, suffixes, what in _OTHER_FORMATS:
        if data.startswith(magic) or suffix in suffixes:
            raise FactcheckError(
                f"{what}, which is not read; save it as PDF, Word (.docx), text, Markdown "
                f"or HTML (readers: {', '.join(KINDS)})",
                file=file,
            )


def _looks_html(data: bytes) -> bool:
    return bool(_HTML.search(data[:4096].decode("ascii", "replace")))


def sniff(text: str) -> str:
    """The kind of a document of no known suffix, judged by its first 64 KB."""
    head = text[:65536]
    if _HTML.search(head[:4096]):
        return "html"
    if _WIKI.search(head):
        return "wikitext"
    if _MARKDOWN.search(head):
        return "markdown"
    return "text"


def decode(data: bytes, file: str, *, html: bool = False) -> str:
    """The text of a document: UTF-8 (with or without a byte order mark), UTF-16 with one,
    or for HTML the encoding its `<meta charset>` declares. Anything else is refused rather
    than guessed, so that no text is silently misread."""
    return decode_text(
        data,
        file,
        kind="a text document",
        advice="save the document as UTF-8",
        empty="empty document; there is nothing to extract",
        fallback=_declared_charset if html else None,
    )


def _declared_charset(data: bytes) -> str | None:
    """An HTML page in the 8-bit encoding its `<meta charset>` names, if it names one."""
    declared = _CHARSET.search(data[:4096])
    if declared is None:
        return None
    encoding = declared.group(1).decode("ascii", "replace")
    try:
        if codecs.lookup(encoding).name not in ("utf-8", "utf-16", "utf-32"):
            return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        pass
    return None


#: Each reader's module in this package and its function, imported when a document of its
#: kind is read (PDF and Word readers need the optional `documents` extra).
_READERS = {
    "text": ("text_reader", "read_text"),
    "markdown": ("markdown_reader", "read_markdown"),
    "html": ("html_reader", "read_html"),
    "wikitext": ("wikitext_reader", "read_wikitext"),
    "pdf": ("pdf_reader", "read_pdf"),
    "docx": ("docx_reader", "read_docx"),
}


def _reader(kind: str) -> Callable[[Any, str], ParsedDocument]:
    module, function = _READERS[kind]
    reader: Callable[[Any, str], ParsedDocument] = getattr(
        importlib.import_module(f"factcheck.extract.{module}"), function
    )
    return reader
