"""What a command's claim files are, for the store: each file's content digest, taken once
per command (and remembered against the file's status between commands), and the
fingerprint every entry made from them must match.

A file's digest is taken again unless its whole status (size, modification and change
times, inode, device) is the one it had when the digest was taken. Any write moves a file's
change time, which no program can set back, so an edit that keeps size and modification
time is still seen; a file changed moments before is not remembered at all.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from factcheck.errors import FactcheckError
from factcheck.files import default_paths, find_claim_files
from factcheck.store import LAYOUT, code_stamp, current, entry_name

if TYPE_CHECKING:
    from factcheck.corpus import Corpus


def file_digest(path: Path, raw: bytes | None = None) -> str:
    """The SHA-256 of a file's content (`raw`, when the caller has read it already)."""
    if raw is not None:
        return hashlib.sha256(raw).hexdigest()
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


#: How long a file must have been left alone before its digest is remembered against its
#: status: a second edit within the file system's timestamp granularity of the first could
#: leave the status as it was.
SETTLED_NS = 2_000_000_000


def _status(found: os.stat_result) -> list[int]:
    """What any edit of a file changes: its change time moves with every write (and no
    program can set it back), whatever happens to its size and modification time."""
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev]


def digests(files: Sequence[Path], remember_as: str | None = None) -> dict[str, str]:
    """Each file's content digest by absolute path, taken once per command, here; the
    loader looks parsed files up by these digests. A digest an earlier run took is used
    again when the file's status is the one it had then (kept in the store under
    `remember_as`); any other file is read and hashed. Raises `FactcheckError` naming a file
    that cannot be read."""
    kept = current()
    remembered = kept.remembered_digests(remember_as) if remember_as else {}
    found: dict[str, str] = {}
    keep: dict[str, list[object]] = {}
    for path in files:
        absolute = os.path.abspath(path)
        try:
            found_status = os.stat(path)
            status = _status(found_status)
            known = remembered.get(absolute)
            digest = known[1] if known and known[0] == status else file_digest(path)
        except OSError as exc:
            raise FactcheckError(f"cannot read: {exc.strerror}", file=str(path)) from None
        found[absolute] = digest
        if time.time_ns() - max(found_status.st_ctime_ns, found_status.st_mtime_ns) > SETTLED_NS:
            keep[absolute] = [status, digest]
    if remember_as and keep != {p: [st, digest] for p, (st, digest) in remembered.items()}:
        kept.write_file(remember_as, "status", orjson.dumps(keep))
    return found


def fingerprint(content: Mapping[str, str]) -> str:
    """What every entry made from a set of claim files must match: their paths and content
    digests (`digests`), and factcheck's version and code (`store.code_stamp`)."""
    digest = hashlib.sha256(f"{LAYOUT} {code_stamp()}".encode())
    for path in sorted(content):
        digest.update(f"{path}\0{content[path]}\n".encode())
    return digest.hexdigest()


def same_content(hashed: Mapping[str, str], read: Mapping[str, str]) -> bool:
    """Whether the files were read (`read`, by the loader) with the content hashed before
    (`hashed`): no file edited in between, so what was made from them may be kept under
    the fingerprint of `hashed`."""
    return all(read.get(path, digest) == digest for path, digest in hashed.items())


@dataclass(frozen=True)
class Scan:
    """The claim files of one command: listed, read and hashed once."""

    targets: list[Path]
    files: list[Path]
    notes: list[str]
    digests: dict[str, str]  # empty when the store is not used
    key: str | None  # None when the store is not used

    def built_from(self, corpus: Corpus) -> bool:
        """Whether the corpus was read from the content the key stands for (no file was
        edited between the scan and the reading), so that its results may be kept."""
        return same_content(self.digests, corpus.digests)


def scan(paths: Sequence[Path | str] | None, use_cache: bool) -> Scan:
    """The claim paths asked for, the claim files found, the notes of finding them (files
    skipped; said afresh on every run, since such files are not part of the key), and their
    fingerprint (content and paths) when the store is used. A file that cannot be read is a
    `FactcheckError` naming it."""
    targets = [Path(p) for p in paths] if paths else default_paths()
    files, notes = find_claim_files(targets)
    if not (use_cache and current().enabled):
        return Scan(targets, files, notes, {}, None)
    content = digests(files, entry_name("status", targets, ".json"))
    return Scan(targets, files, notes, content, fingerprint(content))
