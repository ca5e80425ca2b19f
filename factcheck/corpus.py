"""Reading claim files into one validated corpus.

`load_corpus` is the only way in: it finds the files, parses YAML or JSON, validates every
record, resolves every reference and parses every value. Every problem of every file is
collected and raised together as `InputError`, each naming file, line and field.
"""

from __future__ import annotations

import enum
import functools
import multiprocessing
import os
import re
import sys
import types
import typing
from collections.abc import Callable, Generator, Iterable, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import orjson
import yaml
from pydantic import BaseModel, ValidationError
from rapidfuzz import process

from factcheck import cache, progress
from factcheck.collector import paused_gc
from factcheck.errors import FactcheckError, InputError, Problem, ValueParseError, did_you_mean
from factcheck.files import default_paths, find_claim_files
from factcheck.model import (
    SECTIONS,
    Claim,
    ClaimFile,
    Document,
    Footnote,
    Property,
    Source,
    Subject,
)
from factcheck.quantities import parse_quantity
from factcheck.statuses import parse_status
from factcheck.times import parse_time
from factcheck.values import NoValue, Time, Value

MAX_FILE_BYTES = 256 * 1024 * 1024
#: An alias may expand a file to at most this many times its written nodes.
MAX_ALIAS_EXPANSION = 20
#: A claim file nests a few levels (a section, its records, a record's lists). Far deeper
#: nesting is refused with factcheck's own message, whatever a parser's own limit is.
MAX_NESTING = 32


@dataclass(frozen=True)
class Location:
    """Where a record was written."""

    file: str
    line: int | None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def shown(self) -> str:
        """As a reader would type it: relative to the current folder when inside it."""
        # Rendered for every claim shown: a string test, not path objects.
        here = os.getcwd().rstrip(os.sep) + os.sep
        path = self.file[len(here) :] if self.file.startswith(here) else self.file
        return path if self.line is None else f"{path}:{self.line}"


DanglingKind = Literal["footnote", "source", "document", "duplicate"]


@dataclass(frozen=True)
class Dangling:
    """A reference that leads nowhere, or an id defined twice.

    A load error, unless the corpus is loaded with `strict=False` (as `factcheck check`
    does), which keeps the first record and reports these as citation findings.
    """

    kind: DanglingKind
    section: str
    record: str
    problem: Problem


@dataclass
class Corpus:
    """Everything loaded from a set of claim files, resolved and parsed."""

    subjects: dict[str, Subject] = field(default_factory=dict)
    properties: dict[str, Property] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    footnotes: dict[tuple[str, str], Footnote] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    values: dict[str, Value] = field(default_factory=dict)
    as_of: dict[str, Time] = field(default_factory=dict)
    document_dates: dict[str, Time] = field(default_factory=dict)
    locations: dict[tuple[str, str], Location] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dangling: list[Dangling] = field(default_factory=list)
    #: Data derived from the corpus by analyses, computed once (see `sources`).
    derived: dict[str, Any] = field(default_factory=dict, repr=False)

    def where(self, section: str, key: str) -> Location | None:
        """The file and line of a record, e.g. `where("claims", "wp-fsb-261k")`."""
        return self.locations.get((section, key))

    def footnotes_of(self, claim: Claim) -> list[Footnote]:
        """The footnotes a claim rests on, in the order it cites them."""
        found = (self.footnotes.get((claim.document, label)) for label in claim.footnotes)
        return [f for f in found if f is not None]

    def time_of(self, claim_id: str) -> Time | None:
        """The time a claim describes: its as-of time, else the date it gives as its value."""
        value = self.values.get(claim_id)
        return self.as_of.get(claim_id) or (value if isinstance(value, Time) else None)

    def sources_of(self, claim: Claim) -> list[Source]:
        """Every source behind a claim, through its footnotes or cited inline, once each."""
        ids: dict[str, None] = {}
        for note in self.footnotes_of(claim):
            for citation in note.cites:
                ids[citation.source] = None
        for sid in claim.sources:
            ids[sid] = None
        return [self.sources[s] for s in ids if s in self.sources]


# --------------------------------------------------------------------------- parsing


class _Loader(yaml.CSafeLoader):
    """Safe YAML that keeps dates as the words written (`2022-09-21` stays a string)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})")


def _construct_number(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    """Numbers stay as written (`700.000`, `1_000`, `1:20`): only a plain integer is an int.

    The format keeps words as written, and YAML 1.1 would read `700.000` as 700.0 and
    `1:20` as 80 before any check could see them.
    """
    text = str(node.value)
    return int(text) if _PLAIN_INT.fullmatch(text) else text


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_number)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_number)

MAX_QUOTED = 60


def _quote_line(text: str, line: int) -> str:
    """The offending line, shortened, for a syntax error message."""
    lines = text.splitlines()
    if not 0 <= line < len(lines) or not lines[line].strip():
        return ""
    shown = lines[line].strip()
    return f": {shown[:MAX_QUOTED] + '…' if len(shown) > MAX_QUOTED else shown!r}"


@dataclass
class _Parsed:
    data: Any
    root: yaml.Node | None


def _check_duplicates(node: yaml.MappingNode, file: str) -> None:
    """Refuse a key written twice in one mapping: YAML would silently keep the last."""
    seen: dict[str, int] = {}
    for k, _ in node.value:
        name = str(k.value)
        if name in seen:
            raise FactcheckError(
                f"key '{name}' appears twice in one mapping (first at line "
                f"{seen[name]}); only one would be kept",
                file=file,
                line=k.start_mark.line + 1,
            )
        seen[name] = k.start_mark.line + 1


def _check_aliases(root: yaml.Node, file: str) -> None:
    """Refuse alias bombs: nodes as they would expand, against nodes as written."""
    expanded: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in expanded:
            return expanded[key]
        expanded[key] = 1
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(n) for n in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        expanded[key] = total
        return total

    total = size(root)
    if total > MAX_ALIAS_EXPANSION * len(expanded) + 1000:
        raise FactcheckError(
            f"YAML aliases would expand this file to {total:,} nodes from {len(expanded):,}; "
            "refusing it (write the records out instead of repeating anchors)",
            file=file,
        )


class _CheckedLoader(_Loader):
    """`_Loader` that refuses repeated keys as it builds each mapping."""

    file = ""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        _check_duplicates(node, self.file)
        return super().construct_mapping(node, deep=deep)


def _parse_yaml(text: str, file: str) -> _Parsed:
    try:
        return _parse_yaml_unchecked(text, file)
    except FactcheckError as exc:
        _refuse_deep_nesting(text, file, is_json=False, failed_at=exc.problem.line)
        raise


def _parse_yaml_unchecked(text: str, file: str) -> _Parsed:
    loader = _CheckedLoader(text)
    loader.file = file
    try:
        root = loader.get_single_node()
        if root is None:
            return _Parsed(None, None)
        if "*" in text:  # an alias is written `*name`; without one, nothing can expand
            _check_aliases(root, file)
        return _Parsed(loader.construct_document(root), root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", column {mark.column + 1}" if mark else ""
        if isinstance(exc, yaml.constructor.ConstructorError):
            kind, quoted = "YAML error", ""
        else:
            kind, quoted = "YAML syntax error", _quote_line(text, mark.line) if mark else ""
        raise FactcheckError(
            f"{kind}{where}: {exc.problem}{quoted}",
            file=file,
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise FactcheckError(
            f"YAML error, column {column}: control character U+{code:04X} is not allowed; "
            "delete it",
            file=file,
            line=line,
        ) from None
    except yaml.YAMLError as exc:
        raise FactcheckError(f"YAML error: {exc}", file=file) from None
    except RecursionError:
        raise FactcheckError(
            f"nested too deeply (over {MAX_NESTING} levels) to be a claim file", file=file
        ) from None
    finally:
        loader.dispose()


def _parse_json(text: str, file: str) -> _Parsed:
    try:
        return _Parsed(orjson.loads(text), None)
    except orjson.JSONDecodeError as exc:
        _refuse_deep_nesting(text, file, is_json=True)
        raise FactcheckError(
            f"JSON syntax error, column {exc.colno}: {exc.msg}{_quote_line(text, exc.lineno - 1)}",
            file=file,
            line=exc.lineno,
        ) from None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_JSON_COLON = re.compile(r"\s*:")


def _json_too_deep(text: str) -> tuple[int, str | None] | None:
    """Where JSON text first opens more than `MAX_NESTING` levels: (line, top-level key)."""
    depth, key = 0, None
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token[0] == '"':
            if depth == 1 and _JSON_COLON.match(text, match.end()):
                key = token[1:-1]
        elif token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, match.start()) + 1, key
        else:
            depth -= 1
    return None


#: After a parse error, at most this much text before it is read again to see whether the
#: error was nesting (the pure-Python parser reads about 0.35 MB a second).
NESTING_RESCAN_BYTES = 1024 * 1024


def _yaml_too_deep(text: str) -> tuple[int, str | None] | None:
    """Where YAML text first opens more than `MAX_NESTING` levels: (line, top-level key).

    Reads the events of PyYAML's pure-Python parser, which has no depth limit of its own and
    hands events over one at a time, so the answer does not depend on where or in what words
    the C parser gives up. The caller bounds the text, as this parser is slow.
    """
    depth, items, key, in_mapping = 0, 0, None, False
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                if depth == 0:
                    in_mapping = isinstance(event, yaml.MappingStartEvent)
                elif depth == 1:
                    items += 1
                depth += 1
                if depth > MAX_NESTING:
                    mark = event.start_mark
                    return (mark.line + 1 if mark else 1), key
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif depth == 1 and isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                if in_mapping and items % 2 == 0 and isinstance(event, yaml.ScalarEvent):
                    key = event.value
                items += 1
    except yaml.YAMLError:
        return None  # not deep up to where it stops being YAML: the parser's error stands
    return None


def _nodes_too_deep(root: yaml.Node) -> tuple[int, str | None] | None:
    """The same answer as `_yaml_too_deep`, from a node tree that was parsed (no recursion)."""
    stack: list[tuple[yaml.Node, int, str | None]] = [(root, 1, None)]
    while stack:
        node, depth, key = stack.pop()
        if depth > MAX_NESTING:
            return node.start_mark.line + 1, key
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1, key) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                name = str(k.value) if depth == 1 and isinstance(k, yaml.ScalarNode) else key
                stack.extend(((k, depth + 1, name), (v, depth + 1, name)))
    return None


def _line_end(text: str, line: int) -> int:
    """The offset just past the end of a (1-based) line."""
    at = -1
    for _ in range(line):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
    return at + 1


def _refuse_deep_nesting(
    text: str,
    file: str,
    *,
    is_json: bool,
    root: yaml.Node | None = None,
    failed_at: int | None = None,
) -> None:
    """Raise factcheck's own error when a file that failed to load is nested far too deeply.

    Called only once loading has failed, so valid files pay nothing for it. `root` is the
    node tree of a YAML file that parsed; `failed_at` the line where a YAML parser gave up.
    """
    if is_json:
        where = _json_too_deep(text)
    elif root is not None:
        where = _nodes_too_deep(root)
    else:
        end = len(text)
        if failed_at is not None:
            end = _line_end(text, failed_at)
        where = _yaml_too_deep(text[:end]) if end <= NESTING_RESCAN_BYTES else None
    if where is not None:
        line, key = where
        raise FactcheckError(
            f"nested more than {MAX_NESTING} levels deep; a claim file needs only a few "
            "(a section, its records, their lists)",
            file=file,
            line=line,
            field=key,
        ) from None


def _node_at(root: yaml.Node | None, path: Iterable[int | str]) -> yaml.Node | None:
    """The deepest node along a path of keys and indexes (the last one that exists)."""
    node = root
    for step in path:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if str(k.value) == str(step)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            child = node.value[step] if step < len(node.value) else None
        if child is None:
            break
        node = child
    return node


def _compose_for_lines(text: str) -> yaml.Node | None:
    """Nodes with line numbers, for JSON files (read by orjson, which keeps none)."""
    try:
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None


def _key_line(root: yaml.Node | None, text: str, is_json: bool, key: str) -> int | None:
    """The line where a top-level key is written."""
    if root is None and is_json:
        root = _compose_for_lines(text)
    if isinstance(root, yaml.MappingNode):
        for k, _ in root.value:
            if str(k.value) == key:
                return int(k.start_mark.line) + 1
    return None


def _field_path(loc: Iterable[int | str]) -> str:
    """`('claims', 3, 'value')` → `claims[3].value`."""
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


@dataclass
class _File:
    """One claim file as read: its records, each record's line, and (for error messages
    only) the lines of fields, found by reading the file again."""

    path: str
    content: ClaimFile
    item_lines: dict[tuple[str, int], int]
    is_json: bool
    _root: yaml.Node | None = None

    def line(self, path: tuple[int | str, ...]) -> int | None:
        if len(path) == 2 and path in self.item_lines:
            return self.item_lines[(str(path[0]), int(path[1]))]
        if self._root is None:
            text = Path(self.path).read_bytes().decode("utf-8-sig", "replace")
            self._root = _compose_for_lines(text)
        node = _node_at(self._root, path)
        return node.start_mark.line + 1 if node is not None else None


def _item_lines(root: yaml.Node | None) -> dict[tuple[str, int], int]:
    """The line of every record: computed once, so the node tree need not be kept."""
    lines: dict[tuple[str, int], int] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(str(key.value), i)] = item.start_mark.line + 1
    return lines


def _read_file(path: Path, *, store: bool = False) -> _File | None:
    """One claim file, validated; None when it is YAML or JSON of some other kind.

    With `store`, a file parsed without error is stored in the cache (`_cached` looks
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
    key = cache.file_key(path, raw) if store else None
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
    parsed = _parse_json(text, file) if is_json else _parse_yaml(text, file)
    data = parsed.data
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
                line=_key_line(parsed.root, text, is_json, str(key)),
                field=str(key),
            )
        return None
    try:
        content = ClaimFile.model_validate(data)
    except ValidationError as exc:
        _refuse_deep_nesting(text, file, is_json=is_json, root=parsed.root)
        where = _File(file, ClaimFile(), _item_lines(parsed.root), is_json, parsed.root)
        raise InputError(
            [
                Problem(
                    _pydantic_message(err), file, where.line(err["loc"]), _field_path(err["loc"])
                )
                for err in exc.errors()
            ]
        ) from None
    read = _File(file, content, _item_lines(parsed.root), is_json)
    if key is not None:
        cache.store(path, key, content, read.item_lines)
    return read


def _cached(path: Path) -> _File | None:
    """A claim file from the cache, when its entry matches the file exactly."""
    try:
        raw = path.read_bytes()
        hit = cache.load(path, cache.file_key(path, raw))
    except OSError:
        return None  # parsing it will say what is wrong
    if hit is None:
        return None
    return _File(str(path), hit[0], hit[1], path.suffix.lower() == ".json")


#: Above this many bytes to parse, files are parsed by one process per core.
PARALLEL_BYTES = 8 * 1024 * 1024

_Outcome = _File | None | list[Problem]


def _parse_all(files: list[Path], *, use_cache: bool) -> Generator[_Outcome, None, None]:
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
        try:
            yield _read_file(path, store=use_cache)
        except FactcheckError as exc:
            yield exc.problems


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
    if read is None:
        return ("none",)
    body = read.content.model_dump_json(exclude_defaults=True).encode()
    return ("records", body, read.item_lines)


def _received(path: Path, sent: tuple[Any, ...]) -> _Outcome:
    if sent[0] == "problems":
        problems: list[Problem] = sent[1]
        return problems
    if sent[0] == "none":
        return None
    content = ClaimFile.model_validate_json(sent[1])
    return _File(str(path), content, sent[2], path.suffix.lower() == ".json")


#: pydantic's error types (a stable, documented list) → what was expected, in our words.
_EXPECTED = {
    "list_type": "a list",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "yes or no (true or false)",
    "bool_parsing": "yes or no (true or false)",
    "model_type": "a record (fields and their values)",
    "dict_type": "a record (fields and their values)",
}


def _found(value: Any) -> str:
    """What was written instead, in a few words."""
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, str):
        return f"text {value[:MAX_QUOTED]!r}" if value else "empty text"
    kinds = {list: "a list", dict: "a record", int: "a number", float: "a number"}
    return kinds.get(type(value), "nothing" if value is None else "something else")


def _allowed_values(loc: Iterable[int | str]) -> list[str] | None:
    """The values a field takes when the claim format lists them (an enum or a literal)."""
    annotation: Any = ClaimFile
    for step in loc:
        annotation = _without_none(annotation)
        if isinstance(step, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            declared = annotation.model_fields.get(step)
            annotation = declared.annotation if declared else None
        else:
            return None
    annotation = _without_none(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(arg) for arg in typing.get_args(annotation)]
    return None


def _without_none(annotation: Any) -> Any:
    """`X | None` → `X`; anything else as it is."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return annotation


def _pydantic_message(err: Any) -> str:
    """A validation error in factcheck's words, built from pydantic's error type and context
    (documented and stable), not from its message text (which changes between releases)."""
    kind, value = err["type"], err.get("input")
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_type" and isinstance(value, bool):
        return "YAML reads yes/no/true/false/on/off as a yes-or-no; put the words in quotes"
    if kind in ("enum", "literal_error"):
        allowed = _allowed_values(err["loc"])
        if allowed is not None:
            listed = ", ".join(f"'{a}'" for a in allowed)
            hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
            return f"expected one of {listed}; found {_found(value)}{hint}"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}; found {_found(value)}"
    ctx = err.get("ctx") or {}
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == r"^\S+$":
        return "must be one word, without spaces"
    bounds = {"greater_than_equal": "at least", "less_than_equal": "at most"}
    if kind in bounds and len(ctx) == 1:
        return f"must be {bounds[kind]} {next(iter(ctx.values()))}; found {_found(value)}"
    return str(err["msg"])  # a type the claim format does not produce today


# --------------------------------------------------------------------------- building


def _registry_key(section: str, record: Any, key: str) -> Any:
    return (record.document, record.label) if section == "footnotes" else key


_KEYS: dict[str, Callable[[Any], str]] = {
    "subjects": lambda r: r.id,
    "properties": lambda r: r.id,
    "documents": lambda r: r.id,
    "sources": lambda r: r.id,
    "footnotes": lambda r: f"{r.document}#{r.label}",
    "claims": lambda r: r.id,
}


class _Builder:
    def __init__(self, *, strict: bool = True) -> None:
        self.corpus = Corpus()
        self.strict = strict
        self.problems: list[Problem] = []
        self.files: dict[str, _File] = {}
        self.index: dict[tuple[str, str], tuple[str, int]] = {}

    def problem(
        self, message: str, section: str, key: str, field: str, dangling: DanglingKind | None = None
    ) -> None:
        """A problem with a record, at the line of the field when the file shows it.

        A `dangling` reference is kept for the citation checks when loading leniently.
        """
        file, i = self.index[(section, key)]
        steps = [int(x) if x.isdigit() else x for x in re.split(r"[.\[\]]+", field) if x]
        line = self.files[file].line((section, i, *steps))
        found = Problem(message, file, line, f"{section}[{i}].{field}")
        if dangling is not None and not self.strict:
            self.corpus.dangling.append(Dangling(dangling, section, key, found))
        else:
            self.problems.append(found)

    def add(self, read: _File) -> None:
        c = self.corpus
        self.files[read.path] = read
        registries: dict[str, dict[Any, Any]] = {
            "subjects": c.subjects,
            "properties": c.properties,
            "documents": c.documents,
            "sources": c.sources,
            "footnotes": c.footnotes,
            "claims": c.claims,
        }
        for section, key_of in _KEYS.items():
            registry = registries[section]
            for i, record in enumerate(getattr(read.content, section)):
                key = key_of(record)
                loc = Location(read.path, read.item_lines.get((section, i)))
                if (section, key) in self.index:
                    first_file, first_i = self.index[(section, key)]
                    first = Location(first_file, self.files[first_file].line((section, first_i)))
                    found = Problem(
                        f"duplicate id '{key}'; first defined at {first}",
                        read.path,
                        read.line((section, i)),
                        f"{section}[{i}].{'label' if section == 'footnotes' else 'id'}",
                    )
                    if self.strict:
                        self.problems.append(found)
                    else:
                        c.dangling.append(Dangling("duplicate", section, key, found))
                    continue
                registry[_registry_key(section, record, key)] = record
                c.locations[(section, key)] = loc
                self.index[(section, key)] = (read.path, i)

    def resolve(self, *, references: bool) -> None:
        """Parse every value and date; with `references`, also check every reference.

        References are left unchecked when a file could not be read, since what it failed
        to declare would show up as a flood of unknown ids.
        """
        c = self.corpus
        for doc_id, doc in c.documents.items():
            if doc.date:
                try:
                    when = parse_time(doc.date, reference=True)
                except ValueParseError as exc:
                    self.problem(exc.problem.message, "documents", doc_id, "date")
                else:
                    if isinstance(when, Time):
                        c.document_dates[doc_id] = when
        if references:
            self._resolve_references()
        for claim in c.claims.values():
            self._resolve_claim(claim, references=references)

    def _resolve_references(self) -> None:
        c = self.corpus
        for (doc, label), note in c.footnotes.items():
            key = f"{doc}#{label}"
            if doc not in c.documents:
                self.problem(
                    f"unknown document '{doc}'{did_you_mean(doc, c.documents)}",
                    "footnotes",
                    key,
                    "document",
                    "document",
                )
            for j, citation in enumerate(note.cites):
                if citation.source not in c.sources:
                    self.problem(
                        f"unknown source '{citation.source}'"
                        + did_you_mean(citation.source, c.sources),
                        "footnotes",
                        key,
                        f"cites[{j}].source",
                        "source",
                    )
        for sid, source in c.sources.items():
            for other in source.reports:
                if other not in c.sources:
                    self.problem(
                        f"unknown source '{other}'{did_you_mean(other, c.sources)}",
                        "sources",
                        sid,
                        "reports",
                        "source",
                    )

    def _resolve_claim(self, claim: Claim, *, references: bool) -> None:
        c = self.corpus
        if references:
            for field_name, registry, kind in (
                ("subject", c.subjects, "undeclared subject"),
                ("property", c.properties, "undeclared property"),
                ("document", c.documents, "unknown document"),
            ):
                ref = getattr(claim, field_name)
                if ref not in registry:
                    self.problem(
                        f"{kind} '{ref}'{did_you_mean(ref, registry)}",
                        "claims",
                        claim.id,
                        field_name,
                    )
            for label in claim.footnotes:
                if (claim.document, label) not in c.footnotes:
                    labels = [lab for (d, lab) in c.footnotes if d == claim.document]
                    self.problem(
                        f"footnote '{label}' is not defined in document "
                        f"'{claim.document}'{did_you_mean(label, labels)}",
                        "claims",
                        claim.id,
                        "footnotes",
                        "footnote",
                    )
            for sid in claim.sources:
                if sid not in c.sources:
                    self.problem(
                        f"unknown source '{sid}'{did_you_mean(sid, c.sources)}",
                        "claims",
                        claim.id,
                        "sources",
                        "source",
                    )
        prop = c.properties.get(claim.property)
        if prop is None:
            return
        try:
            c.values[claim.id] = parse_value(claim.value, prop, claim.assume_year)
        except ValueParseError as exc:
            self.problem(exc.problem.message, "claims", claim.id, "value")
        if claim.as_of is not None:
            try:
                when = parse_time(claim.as_of, year=claim.assume_year, reference=True)
            except ValueParseError as exc:
                self.problem(exc.problem.message, "claims", claim.id, "as_of")
            else:
                if isinstance(when, NoValue):
                    self.problem(f"'{claim.as_of}' is not a time", "claims", claim.id, "as_of")
                else:
                    c.as_of[claim.id] = when


def parse_value(words: str, prop: Property, year: int | None = None) -> Value:
    """Read a claim's value with the parser its property's kind calls for."""
    if prop.kind == "date":
        return parse_time(words, year=year, not_happened=tuple(prop.not_happened))
    if prop.kind == "status":
        return parse_status(words, prop.statuses)
    quantity = parse_quantity(words)
    if prop.kind == "percentage" and not quantity.percent:
        return replace(quantity, percent=True)
    if quantity.percent and prop.kind != "percentage":
        raise ValueParseError(
            f"'{words}' is a percentage, but '{prop.id}' is a {prop.kind}; declare a "
            "percentage property for shares"
        )
    return quantity


def load_corpus(
    paths: Sequence[Path | str] | None = None, *, strict: bool = True, use_cache: bool = True
) -> Corpus:
    """Load, validate and resolve claim files; raise `InputError` listing every problem.

    With no paths, reads `$FACTCHECK_CLAIMS` or the bundled data set. With `strict=False`,
    references that lead nowhere and ids defined twice are kept in `Corpus.dangling`
    instead of failing the load, for the citation checks to report. References between
    files are checked only when every file could be read, so that one broken file does not
    bury its own error under follow-on errors about what it failed to declare.
    `use_cache` reads unchanged files from the cache of parsed files (see `cache`).
    """
    with paused_gc():
        return _load(paths, strict=strict, use_cache=use_cache)


def _load(paths: Sequence[Path | str] | None, *, strict: bool, use_cache: bool) -> Corpus:
    targets = [Path(p) for p in paths] if paths else default_paths()
    files, notes = find_claim_files(targets)
    if not files:
        raise FactcheckError(
            "no claim files (.yaml, .yml, .json) found in " + ", ".join(str(p) for p in targets)
        )
    builder = _Builder(strict=strict)
    builder.corpus.notes.extend(notes)
    unreadable = 0
    hits = {path: _cached(path) for path in files} if use_cache else {}
    # Closed at once, not when collected: worker processes end with the reading, never
    # later inside whatever code happens to run a garbage collection.
    with closing(
        _parse_all([p for p in files if hits.get(p) is None], use_cache=use_cache)
    ) as parsed:
        for done, path in enumerate(files):
            progress.tell("reading claim files", done, len(files))
            read = hits.get(path) or next(parsed)
            if isinstance(read, list):
                builder.problems.extend(read)
                unreadable += 1
                continue
            if read is None:
                builder.corpus.notes.append(
                    f"skipped {path}: YAML/JSON without any claim-file section"
                )
                continue
            builder.corpus.files.append(str(path))
            builder.add(read)
    progress.tell("reading claim files", len(files), len(files))
    builder.resolve(references=not unreadable)
    if builder.problems:
        raise InputError(sorted(builder.problems, key=lambda p: (p.file or "", p.line or 0)))
    return builder.corpus
