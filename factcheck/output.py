"""Writing results: stdout, or a file replaced atomically and never overwritten by surprise."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from factcheck.errors import FactcheckError, UsageError
from factcheck.store import atomic_write

# Names of the standard streams and open descriptors: written into, as `-` is, never
# replaced by a file (which, with stdout redirected, would replace the file it goes to).
_STREAM = re.compile(r"^/(?:dev/(?:stdout|stderr|fd/\d+)|proc/self/fd/\d+)$")


def write_output(
    text: str | Iterable[str], path: Path | str | None, *, force: bool = False
) -> None:
    """Write `text`, whole or in pieces made as they are written (a report may be larger
    than memory should hold), to stdout (`path` None or `-`) or atomically to a file.

    The file is written beside its destination and moved into place (`store.atomic_write`),
    so a failed run leaves any old file as it was; an existing file is replaced only with
    `force`, and without it the move itself refuses a file that appeared meanwhile. A device
    or pipe (`/dev/null`), and a standard stream or open descriptor named as a file
    (`/dev/stdout`, `/dev/fd/3`), is written into, never replaced. A file that cannot be
    written is a `FactcheckError` naming it, never a traceback.
    """
    pieces = [text] if isinstance(text, str) else text
    name = "-" if path is None else str(path)
    if name == "-" or name == "/dev/stdout" or name in ("/dev/fd/1", "/proc/self/fd/1"):
        _write_stream(sys.stdout, pieces)
        return
    if name in ("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"):
        _write_stream(sys.stderr, pieces)
        return
    if _STREAM.match(name):
        descriptor = int(name.rsplit("/", 1)[1])
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8", closefd=False) as stream:
                _write_stream(stream, pieces)
        except OSError as exc:
            raise FactcheckError(f"cannot write: {exc.strerror or exc}", file=name) from None
        return
    if name.endswith(("/", os.sep)) and not Path(name).is_dir():
        raise UsageError("names a folder (it ends with /); give a file name", file=name)
    try:
        _write_file(pieces, Path(name), force)
    except RuntimeError:  # Path.resolve on a loop of links
        raise FactcheckError("cannot write: a loop of symbolic links", file=name) from None
    except OSError as exc:
        raise FactcheckError(f"cannot write: {exc.strerror or exc}", file=name) from None


def _write_stream(stream: TextIO, pieces: Iterable[str]) -> None:
    for piece in pieces:
        stream.write(piece)
    stream.flush()


def _write_file(pieces: Iterable[str], path: Path, force: bool) -> None:
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
        path = path.resolve(strict=True)  # replace the file it points to, keep the link
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
