"""Bytes a person hands factcheck (a document to draft from, a bibliography to import) read
as text: UTF-8 with or without a byte order mark, or UTF-16 with one. Anything else is
refused rather than guessed, so that no word is silently misread; the caller says what the
file should have been and how to save it."""

from __future__ import annotations

import codecs
from collections.abc import Callable

from factcheck.errors import FactcheckError


def decode_text(
    data: bytes,
    file: str,
    *,
    kind: str,
    advice: str,
    empty: str,
    fallback: Callable[[bytes], str | None] | None = None,
) -> str:
    """The text of `data`, its line ends made `\\n`. `kind` names what the file should be
    (`a text document`), `advice` how to save it (`save the document as UTF-8`), `empty`
    what an empty file is told; `fallback` may read bytes that are not UTF-8 in an encoding
    the file itself declares (None: it does not)."""
    if data[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        raise FactcheckError(f"UTF-32 text; {advice}", file=file)
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FactcheckError(f"broken UTF-16 text; {advice}", file=file) from None
    else:
        if b"\x00" in data:
            raise FactcheckError(f"binary file (it holds NUL bytes), not {kind}", file=file)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            declared = fallback(data) if fallback is not None else None
            if declared is None:
                raise FactcheckError(
                    f"not UTF-8 (byte 0x{data[exc.start]:02x}); {advice}",
                    file=file,
                    line=data[: exc.start].count(b"\n") + 1,
                ) from None
            text = declared
    if "\x00" in text:
        raise FactcheckError(f"binary file (it holds NUL characters), not {kind}", file=file)
    if not text.strip():
        raise FactcheckError(empty, file=file)
    return text.replace("\r\n", "\n").replace("\r", "\n")
