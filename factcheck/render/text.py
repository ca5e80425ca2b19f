"""Making hostile text safe to show: claim texts and titles are data, never markup."""

from __future__ import annotations

import os
import re

# ANSI escape sequences (CSI, OSC and two-byte forms), then any other control character.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\s*[\n\r\u2028\u2029]+\s*")


def plain(text: str | None) -> str:
    """One line of printable text: escape sequences and control characters removed."""
    if not text:
        return ""
    if text.isprintable():  # no escape, control character, tab or line break to remove
        return text
    text = _ANSI.sub("", text)
    text = _NEWLINES.sub(" ", text)
    return _CONTROL.sub("", text).replace("\t", " ")


def without_controls(text: str | None) -> str:
    """Text with escape sequences and control characters removed; line breaks kept."""
    if not text:
        return ""
    return _CONTROL.sub("", _ANSI.sub("", text).replace("\r\n", "\n"))


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
