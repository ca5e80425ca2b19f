"""Claims as columns, and the set-based SQL that finds the claims in conflict on them.

The sweep (`factcheck.sweep`) finds, group by group, the claims in some value conflict.
`marked.sql` finds the same set with joins and aggregates over a table of the claims'
intervals, which is how conflict detection runs where the claims outgrow one process
(docs/scaling.md): the table is written as Parquet (`write_parquet`) and the SQL runs on
DuckDB (`marked`), or unchanged in its logic on a distributed engine.

DuckDB and NumPy are optional: `pip install 'factcheck[sql]'`.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from factcheck.collector import paused_gc
from factcheck.conflicts import swept_groups
from factcheck.corpus import Corpus
from factcheck.store import atomic_write

if TYPE_CHECKING:
    import duckdb

SQL = resources.files("factcheck").joinpath("marked.sql").read_text(encoding="utf-8")

# The table's columns, in order, with their SQL types.
COLUMNS = {
    "subject": "VARCHAR",
    "property": "VARCHAR",
    "scope": "VARCHAR",
    "claim": "VARCHAR",
    "lo": "DOUBLE",
    "hi": "DOUBLE",
    "t_lo": "DOUBLE",
    "t_hi": "DOUBLE",
    "growing": "BOOLEAN",
}


@paused_gc()
def columns(corpus: Corpus) -> dict[str, list[Any]]:
    """One row for each claim the sweep compares: its group (subject, property and the
    scope as JSON), its id, its value interval and time window, and whether the quantity
    only grows."""
    table: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for prop, key, items in swept_groups(corpus):
        scope = orjson.dumps(key).decode()
        for it in items:
            group = (it.claim.subject, prop.id, scope)
            row = (*group, it.claim.id, it.lo, it.hi, it.t_lo, it.t_hi, prop.growing)
            for column, cell in zip(table.values(), row, strict=True):
                column.append(cell)
    return table


def _connect() -> duckdb.DuckDBPyConnection:
    try:
        import duckdb
    except ImportError as e:  # pragma: no cover - the test extra installs it
        raise RuntimeError(
            "the SQL form of conflict detection needs DuckDB: pip install 'factcheck[sql]'"
        ) from e
    return duckdb.connect()


def _register(con: duckdb.DuckDBPyConnection, table: dict[str, list[Any]]) -> None:
    """The table as the relation `items`."""
    if not table["claim"]:  # an empty object array has no type DuckDB can read
        casts = ", ".join(f"NULL::{kind} AS {name}" for name, kind in COLUMNS.items())
        con.execute(f"CREATE VIEW items AS SELECT {casts} WHERE false")
        return
    import numpy as np

    con.register(
        "items",
        {
            name: np.array(table[name], dtype=object if kind == "VARCHAR" else None)
            for name, kind in COLUMNS.items()
        },
    )


def _marked(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {claim for (claim,) in con.execute(SQL).fetchall()}


def write_parquet(corpus: Corpus, path: Path) -> None:
    """The corpus's table of intervals as one Parquet file."""
    con = _connect()
    _register(con, columns(corpus))

    def write(tmp: str) -> None:
        con.execute(f"COPY items TO '{_quoted(tmp)}' (FORMAT parquet)")

    atomic_write(path, write)  # a failed run leaves no half a table


def marked(parquet: Iterable[Path]) -> set[str]:
    """The ids of the claims in some value conflict, by `marked.sql` on DuckDB over tables
    written by `write_parquet` (one file or many, as a distributed engine would read)."""
    con = _connect()
    con.read_parquet([str(p) for p in parquet]).create_view("items")
    return _marked(con)


def marked_in_memory(corpus: Corpus) -> set[str]:
    """The same, from the corpus's table in memory."""
    con = _connect()
    _register(con, columns(corpus))
    return _marked(con)


def _quoted(path: Path | str) -> str:
    return str(path).replace("'", "''")
