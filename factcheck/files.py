"""Finding claim files: the bundled data set, `$FACTCHECK_CLAIMS`, folders given.

Kept apart from parsing so that a command can tell whether anything changed (by listing and
stat-ing the files) without importing the YAML and model machinery.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import FactcheckError, InputError, Problem

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
    every command, before anything else, on claim bases of thousands of files. A folder
    that cannot be read is an error, as a file is; a pipe, device or socket named like a
    claim file in a folder is skipped with a note (reading one would never end), and given
    by name is an error.
    """
    files: list[Path] = []
    notes: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(f"cannot read this folder: {exc.strerror}", exc.filename))

    for path in paths:
        if path.is_dir():
            real = os.path.realpath(path)
            for folder, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    child = Path(folder, name)
                    key = os.path.join(real, os.path.relpath(child, path))
                    if key in seen:
                        continue
                    seen.add(key)
                    if child.suffix.lower() not in CLAIM_SUFFIXES:
                        notes.append(f"skipped {child}: not a claim file (.yaml, .yml or .json)")
                    elif (kind := _not_regular(child)) not in (None, "missing"):
                        notes.append(f"skipped {child}: {kind}, not a regular file")
                    else:  # a regular file; or a broken link, which reading reports
                        files.append(child)
        elif path.is_file():
            # Known by its resolved path and by the name a folder's walk would give it,
            # so that a link named both ways is listed once.
            keys = {os.path.realpath(path), os.path.join(os.path.realpath(path.parent), path.name)}
            if not keys & seen:
                seen |= keys
                files.append(path)
        elif (kind := _not_regular(path)) not in (None, "missing"):
            raise FactcheckError(f"{kind}, not a claim file", file=str(path))
        else:
            raise FactcheckError("no such file or folder", file=str(path))
    if problems:
        raise InputError(problems)
    return files, notes


def _not_regular(path: Path) -> str | None:
    """What a path is when it is not a regular file (following links): `a pipe`, `a
    device`, `a socket`, `missing` (a broken link), or None for a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "missing"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a folder" if stat.S_ISDIR(mode) else "not a file"


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
