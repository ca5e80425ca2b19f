"""Claims from standard input (`--claims -`) and from pipes named on the command line
(`/dev/stdin`, a shell's `<(…)`): read once, whole, into a private temporary folder, so
that everything after reads a regular file. Messages name them as the user did.
"""

from __future__ import annotations

import atexit
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from factcheck.errors import FactcheckError
from factcheck.limits import MAX_FILE_BYTES

#: The temporary copies made by this process, and the names the user gave them.
_NAMES: dict[str, str] = {}


def is_piped(path: Path) -> bool:
    """`-`, or a pipe named on the command line."""
    if str(path) == "-":
        return True
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def materialise(paths: Sequence[Path]) -> list[Path]:
    """The paths with each piped input replaced by a regular file holding what it gave."""
    if not any(is_piped(p) for p in paths):
        return list(paths)
    folder = tempfile.mkdtemp(prefix="factcheck-piped-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    out = []
    for n, path in enumerate(paths):
        if not is_piped(path):
            out.append(path)
            continue
        name = "<stdin>" if str(path) == "-" else str(path)
        if str(path) == "-":
            if sys.stdin is None or sys.stdin.isatty():
                raise FactcheckError(
                    "standard input is a terminal; pipe a claim file into it "
                    "(factcheck conflicts --claims - < claims.yaml)",
                    file=name,
                )
            data = _read(sys.stdin.buffer, name)
        else:
            data = _read_pipe(path, name)
        suffix = ".json" if data.lstrip()[:1] in (b"{", b"[") else ".yaml"
        copy = Path(folder, f"{n}{suffix}")
        copy.write_bytes(data)
        _NAMES[str(copy)] = name
        out.append(copy)
    return out


def _read_pipe(path: Path, name: str) -> bytes:
    """A named pipe's content. Opened without waiting for a writer (a pipe nobody writes to
    would hang the command), then read to its end."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as stream:
        data = _read(stream, name)
    if not data:
        raise FactcheckError(
            "a pipe that gave nothing (no claim file was written to it)", file=name
        )
    return data


def _read(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise FactcheckError(f"more than the limit of {MAX_FILE_BYTES:,} bytes", file=name)
    return data


def named(text: str) -> str:
    """A message with each temporary copy called by the name the user gave."""
    for copy, name in _NAMES.items():
        text = text.replace(copy, name)
    return text
