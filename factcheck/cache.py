"""Parsed claim files kept in the store, so that a repeated run parses no YAML.

Parsing YAML is by far the slowest step of loading (a hundred thousand claims take about
half a minute); reading the same records back as JSON and validating them takes a
fifteenth of that. An entry belongs to one claim file and is used only when the file's
content (its SHA-256) and factcheck's version are what they were when it was written, and
its body is intact. Files with errors are never kept. Entries are JSON validated by pydantic
as strictly as a claim file, so nothing in the store is ever executed or trusted.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import orjson
from pydantic import ValidationError

from factcheck import store as kept
from factcheck.model import ClaimFile


def _entry(path: Path) -> str:
    name = hashlib.sha256(os.path.abspath(path).encode()).hexdigest()[:24]
    return f"file-{name}.json"


def file_key(path: Path, digest: str) -> str:
    """What an entry must match: the file's path and content digest (and, in the store,
    the version)."""
    return f"{os.path.abspath(path)}\0{digest}"


def present(path: Path, key: str) -> bool:
    """Whether the cache seems to hold the claim file for `key`, without reading its
    records (`load` may still find the entry damaged)."""
    return kept.current().has_file(_entry(path), key)


def load(path: Path, key: str) -> tuple[ClaimFile, dict[tuple[str, int], int]] | None:
    """The kept records and record lines of a claim file, or None (absent, stale, damaged:
    the caller parses the file and keeps it again)."""
    body = kept.current().read_file(_entry(path), key)
    if body is None:
        return None
    try:
        lines_part, _, records = body.partition(b"\n")
        lines = {(str(s), int(i)): int(n) for s, i, n in orjson.loads(lines_part)}
        return ClaimFile.model_validate_json(records), lines
    except (ValueError, TypeError, ValidationError):
        return None


def store(path: Path, key: str, content: ClaimFile, lines: dict[tuple[str, int], int]) -> None:
    """Keep a parsed claim file; a store that cannot be written is simply not used."""
    head = orjson.dumps([[s, i, n] for (s, i), n in lines.items()])
    body = content.model_dump_json(exclude_defaults=True).encode()
    kept.current().write_file(_entry(path), key, head + b"\n" + body)


def clear() -> tuple[Path, int, list[str]]:
    """Delete everything kept: the folder, the number of files removed, and those that
    could not be removed."""
    folder = kept.current()
    removed, failed = folder.clear()
    return folder.folder, removed, failed
