"""Lists a user keeps beside the claim files, read as CSV: works that were retracted
(`retractions`) and publishers with a reliability rating (`reliability`).

Columns are found by their header, whatever its case, spacing or punctuation
(`OriginalPaperDOI`, `original paper doi`), so that a list downloaded from elsewhere (the
Retraction Watch data, a copy of a perennial-sources table) is read as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.fingerprints import file_digest

# A cell of a CSV file can be large (a long list of links); the csv module's default limit
# of 128 KiB refuses such files.
csv.field_size_limit(1 << 24)


def header_key(name: str) -> str:
    """A column's name as matched: lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass(frozen=True)
class Row:
    """One line of a list: where it is, and its cells by role."""

    file: str
    line: int
    cells: Mapping[str, str]

    def get(self, role: str) -> str:
        return self.cells.get(role, "").strip()


def read_rows(
    path: Path,
    roles: Mapping[str, Sequence[str]],
    *,
    what: str,
    needs: Sequence[Sequence[str]],
) -> Iterator[Row]:
    """The rows of a CSV list with a header, each cell under the role its column plays.

    `roles` maps a role to the header keys (see `header_key`) that name it, best first; for
    each group of roles in `needs`, the file must have a column for at least one. Problems
    raise a `FactcheckError` naming the file and line.
    """
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FactcheckError(f"{what}: no such file", file=name) from None
    except OSError as exc:
        raise FactcheckError(f"{what}: cannot read it ({exc.strerror})", file=name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FactcheckError(f"{what}: not UTF-8 text", file=name, line=line) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise FactcheckError(f"{what}: {exc}", file=name, line=1) from None
    if not header:
        raise FactcheckError(f"{what}: the file is empty; it needs a header line", file=name)
    keys = [header_key(h) for h in header]
    columns: dict[str, int] = {}
    for role, names in roles.items():
        for wanted in names:
            if wanted in keys:
                columns[role] = keys.index(wanted)
                break
    for group in needs:
        if not any(role in columns for role in group):
            wanted = " or ".join(roles[r][0] for r in group)
            raise FactcheckError(
                f"{what}: no {wanted} column; the header has: {', '.join(header)}",
                file=name,
                line=1,
                field="header",
            )
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            yield Row(
                name,
                reader.line_num,
                {role: cells[i] for role, i in columns.items() if i < len(cells)},
            )
    except csv.Error as exc:
        raise FactcheckError(f"{what}: {exc}", file=name, line=reader.line_num + 1) from None


def digest(path: Path) -> str:
    """The SHA-256 of a list's content, for keeping findings made with it."""
    try:
        return file_digest(path)
    except OSError:
        return "unreadable"
