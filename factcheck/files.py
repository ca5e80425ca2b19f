"""Finding claim files: the bundled data set, `$FACTCHECK_CLAIMS`, folders given.

Kept apart from parsing so that a command can tell whether anything changed (by listing and
stat-ing the files) without importing the YAML and model machinery.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import FactcheckError

#: Environment variable naming claim files or folders (separated like PATH).
ENV_CLAIMS = "FACTCHECK_CLAIMS"
CLAIM_SUFFIXES = (".yaml", ".yml", ".json")
#: Environment variable naming the cache folder.
ENV_CACHE = "FACTCHECK_CACHE"


def bundled_claims() -> Path:
    """The data set that ships with factcheck (in the wheel, or beside an editable checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "claims", here.parent / "claims"):
        if candidate.is_dir():
            return candidate
    raise FactcheckError(
        "the bundled claims folder is missing; reinstall factcheck or give --claims PATH"
    )


def default_paths() -> list[Path]:
    """`$FACTCHECK_CLAIMS` if set, else the bundled data set."""
    env = os.environ.get(ENV_CLAIMS, "").strip()
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    return [bundled_claims()]


def find_claim_files(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """Claim files below the given files and folders, and notes on what was skipped.

    Hidden files and folders are passed over; a file reached twice (a folder and a file in
    it) is listed once. Each given path is resolved once, not every file: this runs on
    every command, before anything else, on claim bases of thousands of files.
    """
    files: list[Path] = []
    notes: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            real = os.path.realpath(path)
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    child = Path(folder, name)
                    key = os.path.join(real, os.path.relpath(child, path))
                    if key in seen:
                        continue
                    seen.add(key)
                    if child.suffix.lower() in CLAIM_SUFFIXES:
                        files.append(child)
                    else:
                        notes.append(f"skipped {child}: not a claim file (.yaml, .yml or .json)")
        elif path.is_file():
            # Known by its resolved path and by the name a folder's walk would give it,
            # so that a link named both ways is listed once.
            keys = {os.path.realpath(path), os.path.join(os.path.realpath(path.parent), path.name)}
            if not keys & seen:
                seen |= keys
                files.append(path)
        else:
            raise FactcheckError("no such file or folder", file=str(path))
    return files, notes


def kept_place(file: str, line: int | None) -> str:
    """Where a record was written, as kept between runs: an absolute path (and line), made
    relative to the reader's folder only when shown."""
    path = os.path.abspath(file)
    return path if line is None else f"{path}:{line}"


def cache_dir() -> Path:
    """`$FACTCHECK_CACHE`, else `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"
