"""Writing results: stdout, or a file replaced atomically and never overwritten by surprise."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from factcheck.errors import UsageError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_output(text: str, path: Path | None, *, force: bool = False) -> None:
    """Write `text` to stdout (`path` None or `-`) or atomically to a file.

    The file is written beside its destination and renamed into place, so a failed run
    leaves any old file as it was; an existing file is replaced only with `force`. A device
    or pipe (`/dev/null`) is written into, never replaced.
    """
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name")
    if path.exists() and not path.is_file():
        # A device or a pipe (/dev/null, a FIFO): write into it; renaming a file over it
        # would replace the device itself.
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    if path.exists() and not force:
        raise UsageError(f"{path} exists; add --force to replace it")
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, and keep the link
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    # mkstemp makes the file private (0600); give it the mode an ordinary new file gets,
    # or the mode of the file it replaces.
    os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
