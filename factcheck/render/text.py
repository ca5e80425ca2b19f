"""Making hostile text safe to show: claim texts and titles are data, never markup."""

from __future__ import annotations

import os
import re

# ANSI escape sequences (CSI, OSC and two-byte forms), then any other control character.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\s*[\n\r\u2028\u2029]+\s*")
# Characters that reorder the text around them (right-to-left override and its kin): shown
# by name, so that `txt.exe` cannot pass for `exe.txt` and a reader sees what is there.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _named(match: re.Match[str]) -> str:
    return f"<U+{ord(match[0]):04X}>"


def plain(text: str | None) -> str:
    """One line of printable text: escape sequences and control characters removed, and
    characters that reorder text shown by name (`<U+202E>`)."""
    if not text:
        return ""
    if text.isprintable():  # no escape, control character, tab or line break to remove
        return text
    text = _ANSI.sub("", text)
    text = _NEWLINES.sub(" ", text)
    return _BIDI.sub(_named, _CONTROL.sub("", text)).replace("\t", " ")


def without_controls(text: str | None) -> str:
    """Text with escape sequences and control characters removed, and characters that
    reorder text shown by name; line breaks kept."""
    if not text:
        return ""
    return _BIDI.sub(_named, _CONTROL.sub("", _ANSI.sub("", text).replace("\r\n", "\n")))


#: Every character Markdown may read as markup, escaped with a backslash.
_MD_ESCAPES = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]<>()#+!|~"})


def markdown_cell(text: str | None) -> str:
    """Text for a Markdown table cell or line: nothing in it can become markup or HTML."""
    escaped = plain(text).translate(_MD_ESCAPES).replace("&", "&amp;")
    # A leading '-' or '=' could start a list or heading when the text stands alone.
    return "\\" + escaped if escaped[:1] in ("-", "=") else escaped


def shown_place(place: str | None) -> str | None:
    """A kept place (`/abs/path/file.yaml:12`) as a reader would type it: relative to the
    current folder when inside it. Places are kept absolute and made relative only here, so
    that a result kept by a run in one folder reads right from another."""
    if not place:
        return place
    path, sep, line = place.rpartition(":")
    if not (sep and line.isdigit()):
        path, line = place, ""
    here = os.getcwd().rstrip(os.sep) + os.sep
    if path.startswith(here):
        path = path[len(here) :]
    return f"{path}:{line}" if line else path


def anchor(kind: str, *parts: str) -> str:
    """A stable, link-safe id for a claim, source or footnote (`fn-euaa-2026-732`)."""
    raw = "-".join(parts)
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "-" for ch in raw)
    return f"{kind}-{safe}"
