"""The cache of parsed claim files: each file's validated records, kept in the cache folder.

Parsing YAML is by far the slowest step of loading (a hundred thousand claims take about
half a minute); reading the same records back as JSON and validating them takes a
fifteenth of that. An entry belongs to one claim file and is used only when the file's
path, size, modification time and SHA-256 of its content, and factcheck's version, are all
the same as when it was written; any other entry, or one that cannot be read, is ignored and
written anew. Files with errors are never cached. Entries are JSON read by pydantic, so
nothing in the cache is ever executed. Deleting the cache changes nothing but speed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from factcheck import __version__
from factcheck.files import cache_dir
from factcheck.model import ClaimFile

FORMAT = 1


def _entry(path: Path) -> Path:
    name = hashlib.sha256(os.path.abspath(path).encode()).hexdigest()[:24]
    return cache_dir() / "files" / f"{name}.json"


def file_key(path: Path, raw: bytes) -> list[Any]:
    """What an entry must match: path, size, modification time, content hash, version."""
    st = os.stat(path)
    return [
        FORMAT,
        __version__,
        os.path.abspath(path),
        st.st_size,
        st.st_mtime_ns,
        hashlib.sha256(raw).hexdigest(),
    ]


def load(path: Path, key: list[Any]) -> tuple[ClaimFile, dict[tuple[str, int], int]] | None:
    """The cached records and record lines of a claim file, or None (absent, stale or
    unreadable: the caller parses the file and stores it again)."""
    try:
        data = _entry(path).read_bytes()
        header, _, body = data.partition(b"\n")
        meta = orjson.loads(header)
        if meta.get("key") != key:
            return None
        content = ClaimFile.model_validate_json(body)
        lines = {(str(s), int(i)): int(n) for s, i, n in meta["lines"]}
    except (OSError, ValueError, TypeError, KeyError, ValidationError):
        return None
    return content, lines


def store(
    path: Path, key: list[Any], content: ClaimFile, lines: dict[tuple[str, int], int]
) -> None:
    """Keep a parsed claim file; a cache that cannot be written is simply not used."""
    entry = _entry(path)
    header = orjson.dumps({"key": key, "lines": [[s, i, n] for (s, i), n in lines.items()]})
    body = content.model_dump_json(exclude_defaults=True).encode()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.name}.", dir=entry.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(header + b"\n" + body)
        os.replace(tmp, entry)
    except OSError:
        return


def clear() -> tuple[Path, int]:
    """Delete the whole cache folder (parsed files and search indexes); return it and the
    number of files it held."""
    folder = cache_dir()
    count = sum(1 for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0
    shutil.rmtree(folder, ignore_errors=True)
    return folder, count
