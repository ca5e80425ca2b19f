"""Reading claim files into one validated corpus.

`load_corpus` is the only way in: it finds the files, parses YAML or JSON, validates every
record, resolves every reference and parses every value. Every problem of every file is
collected and raised together as `InputError`, each naming file, line and field.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import yaml
from pydantic import ValidationError
from rapidfuzz import process

from factcheck.errors import FactcheckError, InputError, Problem, ValueParseError
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
from factcheck.values import NoValue, Time, Value, parse_quantity, parse_status, parse_time

#: Environment variable naming claim files or folders (separated like PATH).
ENV_CLAIMS = "FACTCHECK_CLAIMS"
CLAIM_SUFFIXES = (".yaml", ".yml", ".json")
MAX_FILE_BYTES = 256 * 1024 * 1024
#: An alias may expand a file to at most this many times its written nodes.
MAX_ALIAS_EXPANSION = 20


@dataclass(frozen=True)
class Location:
    """Where a record was written."""

    file: str
    line: int | None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


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
    locations: dict[tuple[str, str], Location] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def where(self, section: str, key: str) -> Location | None:
        """The file and line of a record, e.g. `where("claims", "wp-fsb-261k")`."""
        return self.locations.get((section, key))

    def footnotes_of(self, claim: Claim) -> list[Footnote]:
        """The footnotes a claim rests on, in the order it cites them."""
        found = (self.footnotes.get((claim.document, label)) for label in claim.footnotes)
        return [f for f in found if f is not None]

    def sources_of(self, claim: Claim) -> list[Source]:
        """Every source behind a claim, through its footnotes or cited inline, once each."""
        ids: dict[str, None] = {}
        for note in self.footnotes_of(claim):
            for citation in note.cites:
                ids[citation.source] = None
        for sid in claim.sources:
            ids[sid] = None
        return [self.sources[s] for s in ids if s in self.sources]


# --------------------------------------------------------------------------- finding files


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
    """Claim files below the given files and folders, and notes on what was skipped."""
    files: list[Path] = []
    notes: list[str] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(p.startswith(".") for p in child.parts[-1:]):
                    continue
                if child.suffix.lower() in CLAIM_SUFFIXES:
                    files.append(child)
                else:
                    notes.append(f"skipped {child}: not a claim file (.yaml, .yml or .json)")
        elif path.is_file():
            files.append(path)
        else:
            raise FactcheckError("no such file or folder", file=str(path))
    return files, notes


# --------------------------------------------------------------------------- parsing


class _Loader(yaml.CSafeLoader):
    """Safe YAML that keeps dates as the words written (`2022-09-21` stays a string)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class _Parsed:
    data: Any
    item_lines: dict[tuple[str, int], int]
    root: yaml.Node | None


def _check_aliases(root: yaml.Node, file: str) -> None:
    """Refuse alias bombs: count nodes as they would expand, against nodes as written."""
    expanded: dict[int, int] = {}
    written = 0

    def size(node: yaml.Node) -> int:
        nonlocal written
        key = id(node)
        if key in expanded:
            return expanded[key]
        written += 1
        expanded[key] = 1
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(n) for n in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        expanded[key] = total
        return total

    total = size(root)
    if total > MAX_ALIAS_EXPANSION * written + 1000:
        raise FactcheckError(
            f"YAML aliases would expand this file to {total:,} nodes from {written:,}; "
            "refusing it (write the records out instead of repeating anchors)",
            file=file,
        )


def _parse_yaml(text: str, file: str) -> _Parsed:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return _Parsed(None, {}, None)
        _check_aliases(root, file)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        offending = ""
        if mark is not None and mark.line < len(text.splitlines()):
            offending = f": {text.splitlines()[mark.line].strip()!r}"
        raise FactcheckError(
            f"YAML syntax error{column}: {exc.problem}{offending}", file=file, line=line
        ) from None
    except yaml.YAMLError as exc:
        raise FactcheckError(f"YAML error: {exc}", file=file) from None
    except RecursionError:
        raise FactcheckError("YAML nested too deeply to be a claim file", file=file) from None
    finally:
        loader.dispose()
    lines: dict[tuple[str, int], int] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(str(key.value), i)] = item.start_mark.line + 1
    return _Parsed(data, lines, root)


def _parse_json(raw: bytes, file: str) -> _Parsed:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        text = raw.decode("utf-8", "replace").splitlines()
        offending = f": {text[exc.lineno - 1].strip()!r}" if 0 < exc.lineno <= len(text) else ""
        raise FactcheckError(
            f"JSON syntax error, column {exc.colno}: {exc.msg}{offending}",
            file=file,
            line=exc.lineno,
        ) from None
    return _Parsed(data, {}, None)


def _node_line(root: yaml.Node | None, loc: Iterable[int | str]) -> int | None:
    """The line of the deepest node on a validation error's path."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if str(k.value) == str(step)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step] if step < len(node.value) else None
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _lines_root(parsed: _Parsed, raw: bytes) -> yaml.Node | None:
    if parsed.root is not None:
        return parsed.root
    try:  # JSON is read by orjson for speed; for error lines compose it as YAML.
        return yaml.compose(raw.decode("utf-8-sig"), Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None


def _read_file(path: Path) -> tuple[ClaimFile, dict[tuple[str, int], int]] | None:
    """One claim file, validated; None when it is YAML or JSON of some other kind."""
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
    if b"\x00" in raw[:8192]:
        raise FactcheckError("binary file, not a claim file", file=file)
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
    parsed = _parse_json(raw, file) if path.suffix.lower() == ".json" else _parse_yaml(text, file)
    data = parsed.data
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        raise FactcheckError(
            f"expected a mapping of {', '.join(SECTIONS)}; found {kind}", file=file, line=1
        )
    if not any(key in SECTIONS for key in data):
        return None
    try:
        return ClaimFile.model_validate(data), parsed.item_lines
    except ValidationError as exc:
        root = _lines_root(parsed, raw)
        problems = [
            Problem(
                _pydantic_message(err),
                file,
                _node_line(root, err["loc"]),
                ".".join(str(p) for p in err["loc"]),
            )
            for err in exc.errors()
        ]
        raise InputError(problems) from None


def _pydantic_message(err: Any) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    return str(err["msg"])


# --------------------------------------------------------------------------- building


def _suggest(name: str, choices: Iterable[str]) -> str:
    best = process.extractOne(name, list(choices), score_cutoff=70)
    return f"; did you mean '{best[0]}'?" if best else ""


class _Builder:
    def __init__(self) -> None:
        self.corpus = Corpus()
        self.problems: list[Problem] = []
        self.lines: dict[str, dict[tuple[str, int], int]] = {}

    def problem(self, message: str, loc: Location | None, field: str | None = None) -> None:
        self.problems.append(
            Problem(message, loc.file if loc else None, loc.line if loc else None, field)
        )

    def add(self, file: str, content: ClaimFile, lines: dict[tuple[str, int], int]) -> None:
        c = self.corpus
        for section, registry, key_of in (
            ("subjects", c.subjects, lambda r: r.id),
            ("properties", c.properties, lambda r: r.id),
            ("documents", c.documents, lambda r: r.id),
            ("sources", c.sources, lambda r: r.id),
            ("footnotes", c.footnotes, lambda r: (r.document, r.label)),
            ("claims", c.claims, lambda r: r.id),
        ):
            for i, record in enumerate(getattr(content, section)):
                key = key_of(record)
                loc = Location(file, lines.get((section, i)))
                shown = key if isinstance(key, str) else f"{key[0]}#{key[1]}"
                if key in registry:
                    first = c.locations[(section, shown)]
                    self.problem(
                        f"duplicate id '{shown}'; first defined at {first}",
                        loc,
                        f"{section}[{i}].id",
                    )
                    continue
                registry[key] = record  # type: ignore[index]
                c.locations[(section, shown)] = loc

    def resolve(self) -> None:
        c = self.corpus
        for (doc, label), note in c.footnotes.items():
            loc = c.locations[("footnotes", f"{doc}#{label}")]
            if doc not in c.documents:
                self.problem(
                    f"unknown document '{doc}'{_suggest(doc, c.documents)}", loc, "document"
                )
            for j, citation in enumerate(note.cites):
                if citation.source not in c.sources:
                    self.problem(
                        f"unknown source '{citation.source}'{_suggest(citation.source, c.sources)}",
                        loc,
                        f"cites[{j}].source",
                    )
        for sid, source in c.sources.items():
            for other in source.reports:
                if other not in c.sources:
                    self.problem(
                        f"unknown source '{other}'{_suggest(other, c.sources)}",
                        c.locations[("sources", sid)],
                        "reports",
                    )
        for claim in c.claims.values():
            self._resolve_claim(claim)

    def _resolve_claim(self, claim: Claim) -> None:
        c = self.corpus
        loc = c.locations[("claims", claim.id)]
        for field_name, registry in (
            ("subject", c.subjects),
            ("property", c.properties),
            ("document", c.documents),
        ):
            ref = getattr(claim, field_name)
            if ref not in registry:
                kind = "property" if field_name == "property" else field_name
                self.problem(f"undeclared {kind} '{ref}'{_suggest(ref, registry)}", loc, field_name)
        for label in claim.footnotes:
            if (claim.document, label) not in c.footnotes:
                labels = [lab for (d, lab) in c.footnotes if d == claim.document]
                self.problem(
                    f"footnote '{label}' is not defined in document "
                    f"'{claim.document}'{_suggest(label, labels)}",
                    loc,
                    "footnotes",
                )
        for sid in claim.sources:
            if sid not in c.sources:
                self.problem(f"unknown source '{sid}'{_suggest(sid, c.sources)}", loc, "sources")
        prop = c.properties.get(claim.property)
        if prop is None:
            return
        try:
            c.values[claim.id] = parse_value(claim.value, prop, claim.assume_year)
        except ValueParseError as exc:
            self.problem(exc.problem.message, loc, "value")
        if claim.as_of is not None:
            try:
                when = parse_time(claim.as_of, year=claim.assume_year)
            except ValueParseError as exc:
                self.problem(exc.problem.message, loc, "as_of")
            else:
                if isinstance(when, NoValue):
                    self.problem(f"'{claim.as_of}' is not a time", loc, "as_of")
                else:
                    c.as_of[claim.id] = when


def parse_value(words: str, prop: Property, year: int | None = None) -> Value:
    """Read a claim's value with the parser its property's kind calls for."""
    if prop.kind == "date":
        return parse_time(words, year=year)
    if prop.kind == "status":
        return parse_status(words, prop.statuses)
    return parse_quantity(words)


def load_corpus(paths: Sequence[Path | str] | None = None) -> Corpus:
    """Load, validate and resolve claim files; raise `InputError` listing every problem.

    With no paths, reads `$FACTCHECK_CLAIMS` or the bundled data set.
    """
    targets = [Path(p) for p in paths] if paths else default_paths()
    files, notes = find_claim_files(targets)
    if not files:
        raise FactcheckError(
            "no claim files (.yaml, .yml, .json) found in " + ", ".join(str(p) for p in targets)
        )
    builder = _Builder()
    builder.corpus.notes.extend(notes)
    for path in files:
        try:
            result = _read_file(path)
        except FactcheckError as exc:
            builder.problems.extend(exc.problems)
            continue
        if result is None:
            builder.corpus.notes.append(f"skipped {path}: YAML/JSON without any claim-file section")
            continue
        builder.corpus.files.append(str(path))
        builder.add(str(path), *result)
    builder.resolve()
    if builder.problems:
        raise InputError(builder.problems)
    return builder.corpus
