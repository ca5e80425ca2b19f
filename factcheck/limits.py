"""Limits no real claim file reaches, so that a hostile or broken one is refused at once
with a located error instead of running for minutes (a 50 MB line of a flow sequence; a
claim whose text is a whole book).

A claim file's longest line is a quotation or a footnote: a few thousand characters.
"""

from __future__ import annotations

from factcheck.errors import FactcheckError

#: Characters in one line of a YAML claim file (JSON files are often written on one line).
MAX_LINE = 1_000_000
#: Lines of one YAML claim file: a claim takes a dozen, so this is over 150,000 claims, more
#: than any one document holds (a claim base of millions is many files).
MAX_LINES = 2_000_000
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
