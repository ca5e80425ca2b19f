"""Writing results: stdout, or a file replaced atomically and never overwritten by surprise."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.store import atomic_write


def write_output(text: str | Iterable[str], path: Path | None, *, force: bool = False) -> None:
    """Write `text`, whole or in pieces made as they are written (a report may be larger
    than memory should hold), to stdout (`path` None or `-`) or atomically to a file.

    The file is written beside its destination and moved into place (`store.atomic_write`),
    so a failed run leaves any old file as it was; an existing file is replaced only with
    `force`, and without it the move itself refuses a file that appeared meanwhile. A device
    or pipe (`/dev/null`) is written into, never replaced.
    """
    pieces = [text] if isinstance(text, str) else text
    if path is None or str(path) == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name")
    if path.exists() and not path.is_file():
        # A device or a pipe (/dev/null, a FIFO): write into it; renaming a file over it
        # would replace the device itself.
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(pieces)
        return
    if path.exists() and not force:
        raise UsageError(f"{path} exists; add --force to replace it")
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, and keep the link
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"folder {folder} does not exist")

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(pieces)
            handle.flush()
            os.fsync(handle.fileno())

    # The mode of the file replaced, or the one an ordinary new file gets.
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    try:
        atomic_write(path, write, replace=force, mode=mode)
    except FileExistsError:
        raise UsageError(f"{path} exists; add --force to replace it") from None
