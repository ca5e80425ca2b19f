"""Everything factcheck keeps between runs, in one folder, behind one small interface.

Three kinds of entry live here: parsed claim files, analysis results (conflicts, citation
findings) and search indexes. They share one freshness rule, one atomic write and one way of
failing:
- **Fresh means the same content.** An entry records the fingerprint of what it was made
  from: the SHA-256 of every claim file's content (with its absolute path) and factcheck's
  version; never sizes or modification times, which an edit can keep. (A file's digest is
  taken again unless its whole status, change time included, is the one it had when the
  digest was taken: see `factcheck.fingerprints`.)
- **Never trusted.** What is read back is checked as strictly as a claim file: an SQLite
  entry must hold exactly the tables it was written with (a planted view or trigger is a
  miss, and no query runs against it), its meta data must match, and its rows are validated
  by the caller; a file entry carries the digest of its body. Anything odd is a miss.
- **Never fatal.** When the folder cannot be read or written (unwritable, full, a regular
  file), the command works without it and says so once. Temporary files of writes that
  failed or were killed are removed by the next write.
Deleting the folder changes nothing but speed.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import hashlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from factcheck import __version__
from factcheck.errors import UsageError
from factcheck.files import cache_dir

#: Bumped when the layout of any entry changes; entries of another layout are misses.
LAYOUT = 7
#: A SHA-256 digest as kept.
_DIGEST = re.compile(r"[0-9a-f]{64}")
#: SQLite steps a check of a kept entry may take before it is given up as a miss.
MAX_CHECK_STEPS = 2_000_000


@functools.cache
def code_stamp() -> str:
    """factcheck's version and a digest of its code (every module and query of the
    package), which every kept entry must match: what other code kept is not read, even
    under the same version number (a working copy being edited, an install from a
    repository's main branch). Reading the code takes a few milliseconds, once a process."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".sql"):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


# --------------------------------------------------------------------------- atomic writes


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new temporary file beside `name`, named so a later write can tell whose it was."""
    return tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".tmp", dir=folder)


def atomic_write(
    path: Path, write: Callable[[str], None], *, replace: bool = True, mode: int | None = None
) -> None:
    """Make `path` by calling `write` on a temporary file beside it, then moving it into place.

    A failed or interrupted run leaves any old file as it was. With `replace=False` the move
    fails if `path` exists by then (`FileExistsError`), even when another process made it a
    moment ago: the file is linked into place, which never replaces anything.
    """
    folder = path.parent if str(path.parent) else Path(".")
    _remove_leftovers(folder, path.name)  # of earlier writes to this file that were killed
    fd, tmp = _temporary(folder, path.name)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask() if mode is None else mode)
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links: check, then move
                if os.path.lexists(path):
                    raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
                os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _write_bytes(data: bytes) -> Callable[[str], None]:
    def write(tmp: str) -> None:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    return write


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _remove_leftovers(folder: Path, name: str | None = None) -> None:
    """Temporary files (`.NAME.PID.RANDOM.tmp`) of writes whose process has ended (failed,
    killed); with `name`, only those of writes to that file."""
    with contextlib.suppress(OSError):
        for child in folder.glob(f".{glob.escape(name) + '.' if name else ''}*.tmp"):
            parts = child.name.removeprefix(f".{name}." if name else "").split(".")
            if len(parts) == 3 if name else len(parts) >= 4:
                pid = parts[-3]
                if pid.isdigit() and not _alive(int(pid)):
                    child.unlink(missing_ok=True)


# --------------------------------------------------------------------------- the store


@dataclass
class Store:
    """The cache folder of one run. `enabled=False` (`--no-cache`) reads and writes nothing."""

    folder: Path = field(default_factory=cache_dir)
    enabled: bool = True
    #: What the user should know about the store (said once per run).
    notes: list[str] = field(default_factory=list)
    _swept: bool = False

    def _unusable(self, exc: BaseException) -> None:
        if self.enabled:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            self.notes.append(
                f"the cache folder {self.folder} cannot be used ({reason}); working without it"
            )
        self.enabled = False

    def path(self, name: str) -> Path:
        """Where the entry `name` lives (it may not exist)."""
        return self.folder / name

    # --- file entries (parsed claim files)

    def read_file(self, name: str, key: str) -> bytes | None:
        """The body of a file entry written with `key`, if it is intact; else None."""
        if not self.enabled:
            return None
        try:
            data = self.path(name).read_bytes()
        except OSError:
            return None
        header, _, body = data.partition(b"\n")
        expected = f"{LAYOUT} {code_stamp()} {key} {hashlib.sha256(body).hexdigest()}".encode()
        return body if header == expected else None

    def has_file(self, name: str, key: str) -> bool:
        """Whether a file entry was written with `key`, judged by its first line only
        (`read_file` still checks the body when it is read)."""
        if not self.enabled:
            return False
        head = f"{LAYOUT} {code_stamp()} {key} ".encode()
        try:
            with self.path(name).open("rb") as entry:
                return entry.readline(len(head) + 65).startswith(head)
        except OSError:
            return False

    def remembered_digests(self, name: str) -> dict[str, tuple[list[int], str]]:
        """The file statuses and digests kept under `name` (see `fingerprints.digests`);
        empty if the entry is missing or odd in any way."""
        body = self.read_file(name, "status")
        try:
            data = orjson.loads(body) if body else {}
        except orjson.JSONDecodeError:
            return {}
        found = {}
        for path, item in data.items() if isinstance(data, dict) else ():
            match item:
                case [[int(), int(), int(), int(), int()] as status, str() as digest] if (
                    _DIGEST.fullmatch(digest)
                ):
                    found[path] = (status, digest)
                case _:
                    return {}
        return found

    def write_file(self, name: str, key: str, body: bytes) -> None:
        """Keep `body` under `name` for `key` (a cache that cannot be written is not used)."""
        header = f"{LAYOUT} {code_stamp()} {key} {hashlib.sha256(body).hexdigest()}\n".encode()
        self._write(name, _write_bytes(header + body))

    # --- SQLite entries (results, search indexes)

    @contextlib.contextmanager
    def read_db(
        self, name: str, tables: dict[str, str], key: str
    ) -> Iterator[sqlite3.Connection | None]:
        """A read-only connection to the entry `name` if it holds exactly `tables` (name →
        kind) and a meta table whose `key` is `key`; else None. Nothing in an odd entry
        runs: its schema is read from sqlite_master before any query touches its tables."""
        conn = self._open_checked(name, tables, key) if self.enabled else None
        try:
            yield conn
        finally:
            if conn is not None:
                conn.close()

    def open_db(self, name: str, tables: dict[str, str], key: str) -> sqlite3.Connection | None:
        """As `read_db`, for a caller that closes the connection itself."""
        return self._open_checked(name, tables, key) if self.enabled else None

    def _open_checked(
        self, name: str, tables: dict[str, str], key: str
    ) -> sqlite3.Connection | None:
        db = self.path(name)
        if not db.is_file():
            return None
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
            steps = [0]

            def budget() -> int:
                steps[0] += 1
                return 1 if steps[0] * 1000 > MAX_CHECK_STEPS else 0

            conn.set_progress_handler(budget, 1000)
            found = {
                str(n): str(t)
                for t, n in conn.execute(
                    "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                )
            }
            wanted = {"meta": "table", **tables}
            extra = {n: t for n, t in found.items() if t != "index" and n not in wanted}
            # An FTS5 table brings shadow tables of its own name (`fts_data`, ...).
            fts = [n for n, t in wanted.items() if t == "fts5"]
            extra = {n: t for n, t in extra.items() if not any(n.startswith(f + "_") for f in fts)}
            kinds_ok = all(
                found.get(n) == ("table" if t == "fts5" else t) for n, t in wanted.items()
            )
            if extra or not kinds_ok:
                conn.close()
                return None
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            if meta.get("layout") != str(LAYOUT) or meta.get("key") != key:
                conn.close()
                return None
            conn.set_progress_handler(None, 0)
            return conn
        except (sqlite3.Error, OSError, ValueError):
            if conn is not None:
                conn.close()
            return None

    def write_db(self, name: str, key: str, build: Callable[[sqlite3.Connection], None]) -> None:
        """Make the entry `name` for `key`: `build` fills a new database, which is then moved
        into place whole. A folder that cannot be written means no entry, and one note."""
        conn = self.build_db(name, key, build)
        if conn is not None:
            conn.close()

    def build_db(
        self, name: str, key: str, build: Callable[[sqlite3.Connection], None]
    ) -> sqlite3.Connection | None:
        """As `write_db`, and the connection that built the entry is handed on, open, for the
        caller to use (nothing is read back); None when no entry could be made."""
        built: list[sqlite3.Connection] = []

        def write(tmp: str) -> None:
            conn = sqlite3.connect(tmp)
            built.append(conn)
            # A temporary file, moved into place whole or swept: no journal needed.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            build(conn)
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)", [("layout", str(LAYOUT)), ("key", key)]
            )
            conn.commit()

        if self._write(name, write):
            return built[0]
        for conn in built:
            conn.close()
        return None

    def _write(self, name: str, write: Callable[[str], None]) -> bool:
        """Whether the entry was made."""
        if not self.enabled:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not self._swept:
                _remove_leftovers(self.folder)
                self._swept = True
            atomic_write(self.path(name), write, mode=0o600)
        except (OSError, sqlite3.Error) as exc:
            self._unusable(exc)
            return False
        return True

    # --- clearing

    def clear(self) -> tuple[int, list[str]]:
        """Delete every entry: the number of files removed, and those that could not be
        (with the reason). Never claims a file it did not remove."""
        removed, failed = 0, []
        if not self.folder.exists():
            return 0, []
        if not self.folder.is_dir():
            raise UsageError(f"{self.folder} is not a folder; nothing to clear")
        for root, dirs, names in os.walk(self.folder, topdown=False):
            for item in names:
                path = Path(root, item)
                try:
                    path.unlink()
                    removed += 1
                except OSError as exc:
                    failed.append(f"{path}: {exc.strerror}")
            for item in dirs:
                with contextlib.suppress(OSError):
                    Path(root, item).rmdir()
        with contextlib.suppress(OSError):
            self.folder.rmdir()
        return removed, failed


_current: Store | None = None


def begin(*, use_cache: bool = True) -> Store:
    """A fresh store for one run (a command), which `current()` then returns."""
    global _current
    _current = Store(enabled=use_cache)
    return _current


def current() -> Store:
    """The store of the run under way; a default one when no run has begun (library use),
    or when the cache folder setting changed since (as between tests)."""
    if _current is None or _current.folder != cache_dir():
        return begin()
    return _current


def entry_name(kind: str, targets: Sequence[Path], suffix: str = ".sqlite") -> str:
    """The entry of one kind for a set of claim paths (`conflicts-<hash>.sqlite`)."""
    import json

    names = json.dumps(sorted(os.path.abspath(t) for t in targets))
    return f"{kind}-{hashlib.sha256(names.encode()).hexdigest()[:16]}{suffix}"
