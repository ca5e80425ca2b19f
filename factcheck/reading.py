"""Reading claim files: each file checked, parsed and validated, from the cache when unchanged.

A file too large, not UTF-8, empty or of another kind is refused or skipped here; a file
parsed without error is stored in the cache of parsed files (see `cache`). When there is
much to parse, one worker process per core parses while this one reads back what they send.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
from collections.abc import Generator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from rapidfuzz import process

from factcheck import cache
from factcheck.collector import paused_gc
from factcheck.errors import FactcheckError, InputError, Problem
from factcheck.fingerprints import file_digest
from factcheck.limits import MAX_FILE_BYTES, MAX_PROBLEMS, refuse_oversized
from factcheck.model import SECTIONS, ClaimFile, ClaimRow
from factcheck.nesting import refuse_deep_nesting
from factcheck.parsing import (
    compose_for_lines,
    key_line,
    lines_of,
    node_at,
    parse_json,
    parse_yaml,
    refuse_odd_values,
)
from factcheck.validation_messages import field_path, pydantic_message


@dataclass
class File:
    """One claim file as read: its records, each record's line, and (for error messages
    only) the lines of fields, found by reading the file again."""

    path: str
    content: ClaimFile
    item_lines: dict[tuple[str, int], int]
    is_json: bool
    _root: yaml.Node | None = None
    #: The SHA-256 of the content the records were read from.
    digest: str = ""
    #: The claims as rows, when a worker made them (`content` then holds no claims).
    claims: list[ClaimRow] | None = None
    #: Problems of fields left out so that the rest could be read (the run fails on them).
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: tuple[int | str, ...]) -> int | None:
        if len(path) == 2 and path in self.item_lines:
            return self.item_lines[(str(path[0]), int(path[1]))]
        if self._root is None:
            text = Path(self.path).read_bytes().decode("utf-8-sig", "replace")
            self._root = compose_for_lines(text)
        node = node_at(self._root, path)
        return node.start_mark.line + 1 if node is not None else None


#: Why a YAML or JSON file of some other kind is passed over.
NOT_CLAIMS = "YAML/JSON without any claim-file section"


def _read_file(path: Path, *, store: bool = False) -> File | str:
    """One claim file, validated; or why it is passed over, when it is YAML or JSON of some
    other kind.

    With `store`, a file parsed without error is stored in the cache (`cached` looks
    entries up, before any file is parsed).
    """
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FactcheckError(
                f"file is {size:,} bytes, over the limit of "
                f"{MAX_FILE_BYTES:,}; split it into several files",
                file=file,
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise FactcheckError(f"cannot read: {exc.strerror}", file=file) from None
    is_json = path.suffix.lower() == ".json"
    digest = file_digest(path, raw)
    if raw[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        raise FactcheckError("UTF-32 text; save the file as UTF-8", file=file)
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise FactcheckError("UTF-16 text; save the file as UTF-8", file=file)
    if b"\x00" in raw:
        raise FactcheckError("binary file (it holds NUL bytes), not a claim file", file=file)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FactcheckError(
            f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", file=file, line=line
        ) from None
    if not text.strip():
        raise FactcheckError(
            "empty file; a claim file holds claims, sources, footnotes, "
            "documents, subjects or properties",
            file=file,
        )
    if not is_json:  # JSON writers put a whole file on one line, and orjson reads it fast
        refuse_oversized(text, file)
    parsed = parse_json(text, file) if is_json else parse_yaml(text, file)
    data = parsed.data
    refuse_odd_values(data, text, file)
    if output := _factchecks_own(data):
        return f"factcheck's own {output}, not a claim file"
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        raise FactcheckError(
            f"expected a mapping of {', '.join(SECTIONS)}; found {kind}", file=file, line=1
        )
    if not any(key in SECTIONS for key in data):
        near = [(k, process.extractOne(str(k), SECTIONS, score_cutoff=75)) for k in data]
        typos = [(k, m[0]) for k, m in near if m]
        if typos:
            key, section = typos[0]
            raise FactcheckError(
                f"unknown section; did you mean '{section}'?",
                file=file,
                line=key_line(parsed.root, text, str(key)),
                field=str(key),
            )
        return NOT_CLAIMS
    try:
        content = ClaimFile.model_validate(data)
    except ValidationError as exc:
        refuse_deep_nesting(text, file, is_json=is_json, root=parsed.root)
        count = exc.error_count()
        errors = exc.errors() if count <= MAX_PROBLEMS else _first_errors(data)
        lines: Mapping[tuple[str, ...], int | None]
        if parsed.root is not None:
            where = File(file, ClaimFile(), parsed.lines, is_json, parsed.root)
            lines = {tuple(map(str, e["loc"])): where.line(e["loc"]) for e in errors}
        else:
            lines = lines_of(text, (err["loc"] for err in errors))
        problems = [
            Problem(
                pydantic_message(err),
                file,
                lines.get(tuple(map(str, err["loc"]))),
                field_path(err["loc"]),
            )
            for err in errors
        ]
        if count > MAX_PROBLEMS:
            problems.append(Problem(f"and {count - MAX_PROBLEMS:,} more problems like these", file))
        mended = _without_broken_fields(data, errors) if count <= MAX_PROBLEMS else None
        if mended is None:
            raise InputError(problems) from None
        # Read on without the broken fields, so that the problems found later (values,
        # references) are reported in the same run; the run still fails.
        return File(file, mended, parsed.lines, is_json, digest=digest, problems=problems)
    read = File(file, content, parsed.lines, is_json, digest=digest)
    if store:
        cache.store(path, cache.file_key(path, digest), content, read.item_lines)
    return read


def _without_broken_fields(data: dict[str, Any], errors: list[ErrorDetails]) -> ClaimFile | None:
    """The file's records with every field that has a problem left out, when they are then
    valid (the fields had defaults); else None. Records are never left out: every other
    record keeps its place, and so its line."""
    kept = {k: list(v) if isinstance(v, list) else v for k, v in data.items()}
    for err in errors:
        loc = err["loc"]
        section = kept.get(str(loc[0]))
        if len(loc) < 3 or not isinstance(loc[1], int) or not isinstance(section, list):
            return None
        if not isinstance(section[loc[1]], dict):
            return None
        section[loc[1]] = {k: v for k, v in section[loc[1]].items() if k != loc[2]}
    try:
        return ClaimFile.model_validate(kept)
    except ValidationError:
        return None


def _first_errors(data: dict[str, Any]) -> list[ErrorDetails]:
    """`MAX_PROBLEMS` of the problems of a file that has more: found among its first records
    (pydantic makes every problem of a million broken records into a dictionary otherwise;
    each record is validated on its own, so the first records give the same problems)."""
    count = 64
    while True:
        head = {k: v[:count] if isinstance(v, list) else v for k, v in data.items()}
        try:
            ClaimFile.model_validate(head)
        except ValidationError as exc:
            if exc.error_count() >= MAX_PROBLEMS or head == data:
                return exc.errors()[:MAX_PROBLEMS]
        count *= 4


def _factchecks_own(data: Any) -> str | None:
    """What factcheck output `data` is (a report or a command's JSON saved among the claim
    files), or None. Known by fields only factcheck's output has."""
    if isinstance(data, dict):
        keys = data.keys()
        if data.get("report") == "factcheck" and "schema_version" in keys:
            return "JSON report (export --format json)"
        if keys == {"conflicts", "consistent"}:
            return "list of conflicts (conflicts --format json)"
        if {"query", "total", "hits"} <= keys:
            return "search results (search --format json)"
        if {"footnote_texts", "agrees_with", "cited_in"} <= keys:
            return "claim (show --format json)"
    first = data[0] if isinstance(data, list) and data else None
    if isinstance(first, dict) and {"cited_in", "independent_sources", "parsed"} <= first.keys():
        return "list of claims (claims --format json)"
    if isinstance(first, dict) and {"code", "level", "title", "record"} <= first.keys():
        return "list of findings (check --format json)"
    return None


_Outcome = File | str | list[Problem]


def cached_digest(path: Path, digest: str | None = None) -> str | None:
    """The file's digest if the cache seems to hold its records (see `cached`): `digest`
    when this command has hashed the file already, else the file is read and hashed."""
    try:
        digest = digest or file_digest(path)
    except OSError:
        return None  # parsing it will say what is wrong
    return digest if cache.present(path, cache.file_key(path, digest)) else None


def cached(path: Path, digest: str) -> File | None:
    """A claim file from the cache, when its entry is intact and matches `digest`."""
    hit = cache.load(path, cache.file_key(path, digest))
    if hit is None:
        return None
    return File(str(path), hit[0], hit[1], path.suffix.lower() == ".json", digest=digest)


def parse_here(path: Path, *, use_cache: bool) -> _Outcome:
    """One file parsed in this process: its records, None (not a claim file), or its
    problems."""
    try:
        return _read_file(path, store=use_cache)
    except FactcheckError as exc:
        return exc.problems


#: Above this many bytes to parse, files are parsed by one process per core.
PARALLEL_BYTES = 8 * 1024 * 1024


def parse_all(files: list[Path], *, use_cache: bool) -> Generator[_Outcome, None, None]:
    """Each file parsed, in order: its records, None (not a claim file), or its problems.

    Parsing YAML is CPU-bound Python, so when there is much of it, one process per core
    parses (and stores in the cache) while this one reads back what they send.
    """
    size = 0
    for path in files:
        with suppress(OSError):
            size += path.stat().st_size
    cores = os.cpu_count() or 1
    if size > PARALLEL_BYTES and cores > 1 and len(files) > 1:
        context = _worker_context()
        try:
            pool = context.Pool(min(cores, len(files))) if context else None
        except OSError:
            pool = None
        if pool is not None:
            with pool:
                work = functools.partial(_parse_elsewhere, use_cache=use_cache)
                for path, sent in zip(files, pool.imap(work, map(str, files)), strict=True):
                    yield _received(path, sent)
            return
    for path in files:
        yield parse_here(path, use_cache=use_cache)


def _worker_context() -> Any:
    """How to start worker processes, or None to parse here.

    On Linux, forking: nothing is imported again and the workers start at once. Elsewhere,
    spawning, which imports the main module again in each worker; when that is no file
    (a script piped to Python, an interactive session), a worker could not start, so
    files are parsed here instead.
    """
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path is None or not os.path.isfile(path):
        return None
    return multiprocessing.get_context("spawn")


def _parse_elsewhere(file: str, *, use_cache: bool) -> tuple[Any, ...]:
    """In a worker process: one file parsed, as plain data that pickles quickly."""
    try:
        with paused_gc():
            read = _read_file(Path(file), store=use_cache)
    except FactcheckError as exc:
        return ("problems", exc.problems)
    if isinstance(read, str):
        return ("skipped", read)
    # The claims go as rows, which need no validating again; the other records, few, as
    # the JSON the parent validates.
    rest = read.content.model_dump_json(exclude_defaults=True, exclude={"claims"}).encode()
    rows = [ClaimRow.of(claim) for claim in read.content.claims]
    return ("records", rest, rows, read.item_lines, read.digest, read.problems)


def _received(path: Path, sent: tuple[Any, ...]) -> _Outcome:
    if sent[0] == "problems":
        problems: list[Problem] = sent[1]
        return problems
    if sent[0] == "skipped":
        reason: str = sent[1]
        return reason
    content = ClaimFile.model_validate_json(sent[1])
    is_json = path.suffix.lower() == ".json"
    return File(
        str(path), content, sent[3], is_json, digest=sent[4], claims=sent[2], problems=sent[5]
    )
