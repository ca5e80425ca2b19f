"""Results of whole-corpus analyses kept between runs, so a repeated command loads no claim.

Finding conflicts or checking citations needs every claim of the corpus, and loading a
million claims takes minutes even from the cache of parsed files. Yet the results depend on
nothing but the claim files and factcheck's version (and, for citation findings, the day
they are judged on), so they are kept, as plain data, in SQLite files in the cache folder,
one per kind of result and set of claim paths. An entry records a fingerprint of every
claim file (path, size, modification time, SHA-256 of the content) and the version; any
difference, or an entry that cannot be read, means the claims are loaded and the entry
written anew. Filters and limits are applied when reading, so one entry serves every
query. Deleting the cache changes nothing but speed.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from factcheck import __version__
from factcheck.collector import paused_gc
from factcheck.files import cache_dir, default_paths, find_claim_files, read_only, targets_key

if TYPE_CHECKING:
    from factcheck.citations import Finding
    from factcheck.corpus import Corpus
    from factcheck.render.data import ConflictView

SCHEMA = 1
_SEVERITY = {"low": 1, "medium": 2, "high": 3}
_CONFLICT_COLUMNS = (
    "pos INTEGER PRIMARY KEY",
    "subject TEXT",
    "property TEXT",
    "severity INTEGER",
    "data BLOB",
)
_FINDING_COLUMNS = (
    "pos INTEGER PRIMARY KEY",
    "code TEXT",
    "level TEXT",
    "rank INTEGER",
    "file TEXT",
    "line INTEGER",
    "record TEXT",
    "message TEXT",
)


def _scan(
    paths: Sequence[Path | str] | None, use_cache: bool
) -> tuple[list[Path], list[Path], list[str], str | None]:
    """The claim paths asked for, the claim files found, the notes of finding them (files
    skipped; said afresh on every run, since such files are not part of the key), and the
    fingerprint (None when the cache is not used or a file cannot be read: the loader will
    say which)."""
    targets = [Path(p) for p in paths] if paths else default_paths()
    files, notes = find_claim_files(targets)
    key = None
    if use_cache:
        try:
            key = fingerprint(files)
        except OSError:
            key = None
    return targets, files, notes, key


def fingerprint(files: Sequence[Path]) -> str:
    """What a results entry must match: each file's path, size, modification time and
    content hash, and factcheck's version."""
    digest = hashlib.sha256(f"{SCHEMA} {__version__}".encode())
    for path in sorted(files, key=os.path.abspath):
        st = os.stat(path)
        with open(path, "rb") as handle:
            content = hashlib.file_digest(handle, "sha256").hexdigest()
        digest.update(orjson.dumps([os.path.abspath(path), st.st_size, st.st_mtime_ns, content]))
    return digest.hexdigest()


@dataclass(frozen=True)
class Query:
    """What a conflicts command asks for: filters, claims per side, conflicts shown."""

    subject: str | None = None
    property: str | None = None
    min_severity: str = "low"
    per_side: int | None = None
    limit: int | None = None


def _entry(targets: Sequence[Path], name: str) -> Path:
    return cache_dir() / f"{name}-{targets_key(targets)}.sqlite"


def _open(
    db: Path, meta_wanted: dict[str, Any]
) -> tuple[sqlite3.Connection, dict[str, Any]] | None:
    """A read-only connection to an entry whose meta data holds `meta_wanted`, with all its
    meta data; or None."""
    if not db.exists():
        return None
    conn = read_only(db)
    try:
        meta = {k: orjson.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
        if all(meta.get(k) == v for k, v in meta_wanted.items()):
            return conn, meta
    except (sqlite3.DatabaseError, orjson.JSONDecodeError):
        pass
    conn.close()
    return None


def _store(
    db: Path,
    meta: dict[str, Any],
    table: str,
    columns: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
) -> None:
    """Write an entry (meta data and one table of `columns`, each 'name TYPE') to a
    temporary file renamed into place; a cache that cannot be written is simply not used."""
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".tmp", dir=db.parent)
        os.close(fd)
        try:
            with closing(sqlite3.connect(tmp)) as conn:
                conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB)")
                conn.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
                conn.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [(k, orjson.dumps(v)) for k, v in meta.items()],
                )
                marks = ", ".join("?" * len(columns))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
                conn.commit()
            os.replace(tmp, db)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except (OSError, sqlite3.DatabaseError):
        return


# --------------------------------------------------------------------------- conflicts


def _read(db: Path, key: str, query: Query) -> ConflictView | None:
    from factcheck.render.data import SEVERITIES, ConflictView

    opened = _open(db, {"fingerprint": key, "per_side": query.per_side})
    if opened is None:
        return None
    conn, meta = opened
    try:
        with closing(conn):
            _check(query, meta["subjects"], meta["properties"])
            where = "severity >= ?"
            args: list[Any] = [_SEVERITY[query.min_severity]]
            for column in ("subject", "property"):
                if (value := getattr(query, column)) is not None:
                    where += f" AND {column} = ?"
                    args.append(value)
            counts = dict(
                conn.execute(
                    f"SELECT severity, count(*) FROM conflicts WHERE {where} GROUP BY severity",
                    args,
                )
            )
            limit = -1 if query.limit is None else query.limit
            rows = conn.execute(
                f"SELECT data FROM conflicts WHERE {where} ORDER BY pos LIMIT ?", [*args, limit]
            )
            shown = [orjson.loads(data) for (data,) in rows]
            compared = sum(
                int(n)
                for subject, prop, n in meta["compared"]
                if query.subject in (None, subject) and query.property in (None, prop)
            )
            notes = [str(note) for note in meta["notes"]]
    except (sqlite3.DatabaseError, orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return None
    severities = {s: counts.get(_SEVERITY[s], 0) for s in SEVERITIES}
    return ConflictView(shown, sum(severities.values()), severities, compared, None, notes)


def _write(
    db: Path, key: str, corpus: Corpus, per_side: int | None, found_notes: list[str]
) -> None:
    """Store every conflict of the corpus, with `per_side` claims a side, and the loader's
    notes other than `found_notes` (those of finding the files, said afresh each run)."""
    from factcheck.conflicts import find_conflicts
    from factcheck.render.data import conflict_data

    report = find_conflicts(corpus)
    compared: dict[tuple[str, str], int] = {}
    for claim in corpus.claims.values():
        topic = (claim.subject, claim.property)
        compared[topic] = compared.get(topic, 0) + 1
    meta = {
        "fingerprint": key,
        "per_side": per_side,
        "subjects": sorted(corpus.subjects),
        "properties": sorted(corpus.properties),
        "notes": [n for n in corpus.notes if n not in found_notes],
        "compared": [[s, p, n] for (s, p), n in sorted(compared.items())],
    }
    _store(
        db,
        meta,
        "conflicts",
        [
            "pos INTEGER PRIMARY KEY",
            "subject TEXT",
            "property TEXT",
            "severity INTEGER",
            "data BLOB",
        ],
        (
            (
                pos,
                c.subject,
                c.property,
                int(c.severity),
                orjson.dumps(conflict_data(corpus, c, per_side)),
            )
            for pos, c in enumerate(report.conflicts)
        ),
    )


def conflict_view(
    paths: Sequence[Path | str] | None,
    query: Query,
    *,
    explain: bool = False,
    use_cache: bool = True,
) -> ConflictView:
    """The conflicts of the claim files at `paths` (default: `$FACTCHECK_CLAIMS` or the
    bundled data set) as `query` asks, from the results cache when the files are unchanged.

    A filter naming no declared subject or property is refused (`UsageError`). `explain`
    always loads the claims, since what is consistent is not kept.
    """
    targets, files, found_notes, key = _scan(paths, use_cache and not explain)
    db = _entry(targets, f"conflicts-{'all' if query.per_side is None else query.per_side}")
    if key is not None and (view := _read(db, key, query)) is not None:
        view.notes[:0] = found_notes
        return view

    from factcheck.conflicts import Severity, find_conflicts
    from factcheck.corpus import load_corpus
    from factcheck.render.data import conflict_view as view_of

    corpus = load_corpus(targets, use_cache=use_cache)
    _check(query, list(corpus.subjects), list(corpus.properties))
    if key is not None and fingerprint(files) == key:  # unchanged while it was loaded
        _write(db, key, corpus, query.per_side, found_notes)
        if (view := _read(db, key, query)) is not None:
            view.notes[:0] = found_notes
            return view
    report = find_conflicts(
        corpus,
        subject=query.subject,
        property=query.property,
        min_severity=Severity[query.min_severity],
        explain=explain,
    )
    return view_of(corpus, report, query.per_side, query.limit, explain)


def _check(query: Query, subjects: list[str], properties: list[str]) -> None:
    from factcheck.query import refuse_unknown

    refuse_unknown("--subject", query.subject, subjects)
    refuse_unknown("--property", query.property, properties)


# --------------------------------------------------------------------------- citation findings


@paused_gc()
def findings(
    paths: Sequence[Path | str] | None,
    *,
    today: date,
    codes: Iterable[str] = (),
    min_level: str = "note",
    use_cache: bool = True,
) -> tuple[list[Finding], list[str]]:
    """The citation findings of the claim files at `paths` with the given codes (all when
    none) at or above a level, judged as of `today`, and the loader's notes; from the results
    cache when the files and `today` are unchanged. Unknown codes are a `UsageError`."""
    from factcheck.citations import Finding, Level, explain, run_checks, select

    wanted = sorted({explain(c).code for c in codes})
    level = Level(min_level)
    targets, files, found_notes, key = _scan(paths, use_cache)
    db = _entry(targets, "findings")
    stamp = {"fingerprint": key, "today": today.isoformat()}
    if key is not None and (opened := _open(db, stamp)) is not None:
        conn, meta = opened
        try:
            with closing(conn):
                where = "rank >= ?" + (
                    f" AND code IN ({', '.join('?' * len(wanted))})" * bool(wanted)
                )
                rows = conn.execute(
                    "SELECT code, level, file, line, record, message FROM findings "
                    f"WHERE {where} ORDER BY pos",
                    [level.rank, *wanted],
                ).fetchall()
                notes = [*found_notes, *map(str, meta["notes"])]
            return [
                Finding(code, Level(lvl), file, line, record, message)
                for code, lvl, file, line, record, message in rows
            ], notes
        except (sqlite3.DatabaseError, orjson.JSONDecodeError, KeyError, ValueError):
            pass

    from factcheck.corpus import load_corpus

    corpus = load_corpus(targets, strict=False, use_cache=use_cache)
    found = run_checks(corpus, today=today)
    if key is not None and fingerprint(files) == key:  # unchanged while it was loaded
        _store(
            db,
            {**stamp, "notes": [n for n in corpus.notes if n not in found_notes]},
            "findings",
            _FINDING_COLUMNS,
            (
                (pos, f.code, f.level.value, f.level.rank, f.file, f.line, f.record, f.message)
                for pos, f in enumerate(found)
            ),
        )
    return select(found, codes=wanted, min_level=level), corpus.notes
