"""Limits no real claim file reaches, so that a hostile or broken one is refused at once
with a located error instead of running for minutes (a 50 MB line of a flow sequence; a
claim whose text is a whole book).

A claim file's longest line is a quotation or a footnote: a few thousand characters.
"""

from __future__ import annotations

import re
from itertools import pairwise

from factcheck.errors import FactcheckError

#: Bytes in one claim file.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Characters in one line of a YAML claim file (JSON files are often written on one line).
MAX_LINE = 1_000_000
#: Lines of one YAML claim file: a claim takes a dozen, so this is over 150,000 claims, more
#: than any one document holds (a claim base of millions is many files).
MAX_LINES = 2_000_000
#: Values (items of lists and of mappings) in one JSON claim file: as many as the YAML
#: file of `MAX_LINES` lines holds.
MAX_VALUES = 2_000_000
#: Characters in one text value (a quotation, a title, a footnote).
MAX_TEXT = 100_000
#: Problems reported for one file: a file with a million broken records says how many more.
MAX_PROBLEMS = 50


def refuse_oversized(text: str, file: str) -> None:
    """A `FactcheckError` for a text of more than `MAX_LINES` lines, or at the first line
    longer than `MAX_LINE`.

    Any such line holds a whole window of `MAX_LINE // 2` characters starting at a multiple
    of it, so only those windows are searched for a line break: a few hundred searches in C
    for a large file, whatever its number of lines.
    """
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise FactcheckError(
            f"{lines:,} lines; a claim file has at most {MAX_LINES:,} (split it into several "
            "files, one a document)",
            file=file,
        )
    if len(text) > MAX_TEXT:
        _refuse_long_block_text(text, file)
    if len(text) <= MAX_LINE:
        return
    half = MAX_LINE // 2
    for start in range(0, len(text) - half + 1, half):
        if text.find("\n", start, start + half) != -1:
            continue
        begin = text.rfind("\n", 0, start) + 1
        end = text.find("\n", start)
        length = (len(text) if end == -1 else end) - begin
        if length > MAX_LINE:
            line = text.count("\n", 0, begin) + 1
            raise FactcheckError(
                f"line of {length:,} characters; a claim file's lines are at most "
                f"{MAX_LINE:,} (write long lists one item a line)",
                file=file,
                line=line,
            )


# The end of a line that opens a block scalar (`text: |`, `- >-`, `note: |2`).
_BLOCK_HEADER_END = re.compile(r"[|>][1-9+-]{0,2}[ \t]*\n")
# The indentation of the first line that is not blank: a block scalar's content indentation.
_FIRST_INDENT = re.compile(r"(?: *\n)*( *)")


def _refuse_long_block_text(text: str, file: str) -> None:
    """A `FactcheckError` at a block scalar (`|` or `>`) longer than `MAX_TEXT`, found before
    the file is parsed: parsing a text of 50 MB takes seconds, this a few searches.

    Only a header followed by `MAX_TEXT` characters without another header can open such a
    text, so only those are measured: the text ends at the first non-blank line indented no
    deeper than the header line. Texts this misses (quoted, plain, or holding lines that look
    like headers) are refused by the model's own limit once the file is parsed.
    """
    starts = [match.end() for match in _BLOCK_HEADER_END.finditer(text)]
    for start, following in pairwise([*starts, len(text)]):
        if following - start <= MAX_TEXT:
            continue
        line_start = text.rfind("\n", 0, start - 1) + 1
        header = text[line_start:start]
        column = len(header) - len(header.lstrip(" "))
        end_line = re.compile(rf"^ {{0,{column}}}[^ \n]", re.MULTILINE).search(text, start)
        end = len(text) if end_line is None else end_line.start()
        # Every line gives the text its characters but for its indentation (and, when folded,
        # its line break): a lower bound on the parsed length, so nothing the model accepts
        # is refused here.
        first = _FIRST_INDENT.match(text, start)
        indent = len(first.group(1)) if first else 0
        least = end - start - text.count("\n", start, end) * (indent + 1)
        if least > MAX_TEXT:
            raise FactcheckError(
                f"a text of over {least:,} characters; a text is at most {MAX_TEXT:,} "
                "(quote the passage a claim rests on, not the whole document)",
                file=file,
                line=text.count("\n", 0, line_start) + 1,
            )
