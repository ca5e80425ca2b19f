"""The fast way through a YAML claim file: a native parser, where it provably agrees.

yaml-rs (Rust) reads YAML about ten times faster than PyYAML, but it reads YAML 1.2, keeps
no line numbers and types numbers its own way, while factcheck reads YAML 1.1 with rules of
its own: a number stays as written unless it is a plain integer (`700.000` is the text
`700.000`, not 700.0), `yes` and `off` are booleans, anchors may not expand a file beyond a
limit, and every record has a line. The two readings differ only where a file has

- a plain scalar that yaml-rs would read as a number and factcheck as text (`700.000`,
  `007`, `0x1F`, `1_000`, `1e3`, `.5`, an integer of more than 18 digits), or that
  YAML 1.1 gives a meaning 1.2 does not (`yes`, `no`, `on`, `off`, a merge key `<<`, `=`);
- a tag, an anchor or alias, or a directive (`!!str`, `&a`, `*a`, `%YAML`);
- an empty key, a scalar that begins with a colon, or a colon next to a flow indicator
  (`[:a]`, `[a, :]`), or a block scalar of blank lines that ends the file;
- nesting deep enough to crash yaml-rs, which no claim file has (see `_deep`);
- a character PyYAML refuses (a control character, an unpaired surrogate), or a line break
  of YAML 1.1 that 1.2 reads as text (U+0085, U+2028, U+2029).

`read` looks for each of these, in the text before parsing (conservatively: a match in a
quoted string or a comment only costs speed) or in what yaml-rs read (floats, words, empty
keys; an integer sends it back to the text to see how the integer was written). A file
with none is read natively, and its records' lines are found by a scan of its block
sequences (`record_lines`). A file with one, a file yaml-rs refuses (a repeated key, a
syntax error), a document that is not a mapping and a record whose line the scan cannot
place all return None, and the caller reads the file with PyYAML, which gives factcheck's
own words for every error.
"""

from __future__ import annotations

import functools
import re
from itertools import chain
from typing import Any

try:
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without its wheel reads with PyYAML
    yaml_rs = None  # type: ignore[assignment]

#: A plain scalar that yaml-rs may read as an integer written other than plainly (a
#: leading zero, a base prefix, an underscore, more than 18 digits), up to where it may end
#: (the end of the line, a comment, a flow indicator or a key's colon).
_ODD_INTEGER = re.compile(
    r"(?<=[\s\[{,:])[-+]?(?:0[0-9xXoObB_]|[0-9]+_|[0-9]{19})[^\s,\[\]{}#]*"
    r"(?=[ \t\r]*(?:$|#|[,\]}]|:(?:\s|$)))",
    re.MULTILINE,
)

#: Words YAML 1.1 gives a meaning that 1.2 does not: booleans, a merge key, a value.
_WORDS = frozenset(
    ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "=", "<<"]
)

#: The largest integer factcheck reads as a number (18 digits); longer ones stay text.
_LARGEST = 10**18 - 1

#: Where YAML may nest deeply: a line indented 128 columns or more, or 16 block entries
#: opened on one line (`- - - …`). yaml-rs recurses without a limit of its own there (a
#: hundred thousand nested entries crash the process); factcheck refuses files nested
#: past 32 levels, so these are left to PyYAML and its nesting check.
_COMPACT_RUN = re.compile(r"[-?][ \t]+(?:[-?][ \t]+){15}")
_DEEP_INDENT = " " * 128

#: The first character of a tag, anchor, alias or directive, and the next; or a colon
#: that would begin a plain scalar (YAML 1.1 allows none in flow collections).
_NODE_PROPERTY = re.compile(r"[!&*%:]\S")

#: A colon just before a flow indicator, which YAML 1.1 reads otherwise than 1.2 (`{a:}`,
#: `[a, :]`); one just after a flow indicator begins a node (`_NODE_PROPERTY`), and an
#: empty key shows in the data.
_FLOW_COLON = re.compile(r":[,\[\]{}]")

#: A block scalar with nothing but blank lines before the end of the file (PyYAML reads
#: it as empty, yaml-rs as a line break), looked for on the last line that is not blank.
_BLANK_LAST_BLOCK = re.compile(r"[|>][-+0-9]*[ \t]*(?:#[^\n]*)?(?:\r?\n[ \t]*)+\Z")

#: What may stand before a node on its line: indentation, or a key's colon, an item's dash
#: or an explicit key's `?` and blanks, or a flow indicator, or a quoted key's colon
#: (JSON-like flow), each perhaps with blanks after it.
_NODE_START = re.compile(r"(?:.*(?:[:?\-][ \t]|[\[{,]|[\"']:))?[ \t]*")

#: What PyYAML's reader refuses (control characters, unpaired surrogates) and the line
#: breaks of YAML 1.1 that 1.2 reads as text (U+0085, U+2028, U+2029).
_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def read(text: str) -> tuple[dict[Any, Any], dict[tuple[str, int], int]] | None:
    """The file's data and the line of each record, or None where PyYAML must read it."""
    if yaml_rs is None or _UNPRINTABLE.search(text) or _deep(text):
        return None
    if any(_begins_node(text, m.start()) for m in _NODE_PROPERTY.finditer(text)):
        return None
    last_line = text.rfind("\n", 0, len(text.rstrip())) + 1
    if _FLOW_COLON.search(text) or _BLANK_LAST_BLOCK.search(text, last_line):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:
        return None
    except BaseException as exc:  # a panic in yaml-rs arrives as a BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        return None
    if not isinstance(data, dict):
        return None
    integers = _scalars_agree(data)
    if integers is None or (integers and not _integers_plain(text)):
        return None
    lines = record_lines(text, data)
    return None if lines is None else (data, lines)


def _deep(text: str) -> bool:
    return (
        "\n" + _DEEP_INDENT in text
        or text.startswith(_DEEP_INDENT)
        or _COMPACT_RUN.search(text) is not None
    )


def _scalars_agree(data: dict[Any, Any]) -> bool | None:
    """None if a scalar of yaml-rs's reading is one factcheck reads otherwise (a float, an
    integer of more than 18 digits, one of YAML 1.1's words); else whether any is an
    integer, whose written form `_integers_plain` must then check."""
    integers = False
    pending: list[Any] = [data]
    while pending:
        node = pending.pop()
        if type(node) is dict and None in node:
            return None  # an empty key, which YAML 1.1 does not allow
        for scalar in chain(node, node.values()) if type(node) is dict else node:
            kind = type(scalar)
            if kind is str:
                if scalar in _WORDS:
                    return None
            elif kind is dict or kind is list:
                pending.append(scalar)
            elif kind is int:
                if not -_LARGEST <= scalar <= _LARGEST:
                    return None
                integers = True
            elif kind is not bool and scalar is not None:
                return None
    return integers


def _integers_plain(text: str) -> bool:
    """Whether no plain scalar of `text` is an integer written other than plainly."""
    multiline_flow: bool | None = None
    for match in _ODD_INTEGER.finditer(text):
        start = match.start()
        if not _begins_node(text, start):
            continue
        if _between_commas(text, match):
            if multiline_flow is None:
                multiline_flow = any(_unbalanced(text, m.start()) for m in _FLOW.finditer(text))
            if not multiline_flow and not _flow_line(_line(text, start)):
                continue  # a comma in block text, as in `261,000`
        return False
    return True


def _line(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)]


def _begins_node(text: str, at: int) -> bool:
    """Whether a node may begin at `at`, judged by what stands before it on its line."""
    return _NODE_START.fullmatch(text, text.rfind("\n", 0, at) + 1, at) is not None


def _between_commas(text: str, match: re.Match[str]) -> bool:
    """Whether a scalar follows a comma or precedes a comma or a closing bracket."""
    before = match.start()
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return text[before - 1 : before] == "," or text[match.end() : match.end() + 1] in ",]}"


#: A character that opens a flow collection.
_FLOW = re.compile(r"[\[{]")


def _flow_line(line: str) -> bool:
    return "[" in line or "{" in line


def _unbalanced(text: str, at: int) -> bool:
    """Whether the line holding `at` opens more brackets than it closes."""
    line = _line(text, at)
    return line.count("[") != line.count("]") or line.count("{") != line.count("}")


#: What follows an item's indent on a line that opens it with something on the same line.
_ITEM_OPENS = r"-[ \t]+(?=[^\s#])"
#: A line that opens a block sequence's item, at any indent.
_ITEM = re.compile(r"^( *)" + _ITEM_OPENS, re.MULTILINE)
#: A dash with nothing after it on its line but a comment: if it opens an item (only
#: blanks before it), the item's node begins on a later line.
_BARE_ITEM = re.compile(r"-[ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)
#: A line at column 0 that is not blank, a comment, an item or a document marker: a
#: top-level key.
_TOP_KEY = re.compile(r"^(?=[^\s#])(?!-(?:[ \t]|\r?$)|---|\.\.\.)", re.MULTILINE)


@functools.cache
def _items_at(indent: int) -> re.Pattern[str]:
    """Lines that open an item at exactly this indent."""
    return re.compile(rf"^ {{{indent}}}" + _ITEM_OPENS, re.MULTILINE)


def record_lines(text: str, data: dict[Any, Any]) -> dict[tuple[str, int], int] | None:
    """The line of every item of every top-level list, for a file in block style.

    The n-th line at column 0 that is not blank, a comment or an item is the n-th
    top-level key; a key's records are the items between it and the next key at the
    indent of the first of them (deeper lists are indented further). None when the counts
    disagree with the data (flow style, keys written over several lines) or an item's node
    begins on a later line than its dash.
    """
    for bare in _BARE_ITEM.finditer(text):
        if not text[text.rfind("\n", 0, bare.start()) + 1 : bare.start()].strip(" "):
            return None
    keys = [m.start() for m in _TOP_KEY.finditer(text)]
    if len(keys) != len(data):
        return None
    keys.append(len(text))
    lines: dict[tuple[str, int], int] = {}
    line, position = 1, 0
    for number, (name, value) in enumerate(data.items()):
        start, end = keys[number], keys[number + 1]
        first = _ITEM.search(text, start, end)
        if first is None:
            if isinstance(value, list) and value:
                return None  # a list in flow style
            continue
        if not isinstance(value, list):
            if not first.group(1):
                return None  # items at the top level where the data has none
            continue
        found = 0
        for item in _items_at(len(first.group(1))).finditer(text, start, end):
            line += text.count("\n", position, item.start())
            position = item.start()
            lines[(str(name), found)] = line
            found += 1
        if found != len(value):
            return None
    return lines
