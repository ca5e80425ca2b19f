"""Parsing claim-file text: YAML and JSON into plain data, and lines from the node tree.

YAML is read safely, keeping dates and numbers as written; a key written twice, an alias
bomb, a control character or a syntax error is refused in factcheck's own words, naming
the line. The node tree gives the line of a top-level key, of every record and of any
field, for locations and error messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson
import yaml

from factcheck import native_yaml
from factcheck.errors import FactcheckError
from factcheck.limits import MAX_VALUES
from factcheck.nesting import MAX_NESTING, refuse_deep_nesting

#: An alias may expand a file to at most this many times its written nodes.
MAX_ALIAS_EXPANSION = 20


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
    #: PyYAML's node tree, when PyYAML read the file (for the lines of fields).
    root: yaml.Node | None
    #: The line of every record.
    lines: dict[tuple[str, int], int]


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


def parse_yaml(text: str, file: str) -> _Parsed:
    """YAML text read natively where that provably reads it as PyYAML would
    (`native_yaml`), else by PyYAML, whose errors are put in factcheck's words."""
    fast = native_yaml.read(text)
    if fast is not None:
        return _Parsed(fast[0], None, fast[1])
    try:
        return _parse_yaml_unchecked(text, file)
    except FactcheckError as exc:
        refuse_deep_nesting(text, file, is_json=False, failed_at=exc.problem.line)
        raise


def _parse_yaml_unchecked(text: str, file: str) -> _Parsed:
    loader = _CheckedLoader(text)
    loader.file = file
    try:
        root = loader.get_single_node()
        if root is None:
            return _Parsed(None, None, {})
        if "*" in text:  # an alias is written `*name`; without one, nothing can expand
            _check_aliases(root, file)
        return _Parsed(loader.construct_document(root), root, item_lines(root))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", column {mark.column + 1}" if mark else ""
        problem = exc.problem
        if isinstance(exc, yaml.constructor.ConstructorError):
            kind, quoted = "YAML error", ""
        else:
            kind, quoted = "YAML syntax error", _quote_line(text, mark.line) if mark else ""
            if mark and _indented_with_tab(text, mark.line):
                problem = "a tab in the indentation; YAML indents with spaces only"
        raise FactcheckError(
            f"{kind}{where}: {problem}{quoted}",
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


# A JSON string (the unrolled form: quick on long texts), and a string or brace in order,
# with the colon that makes a string a key: matched one after another from the start of a
# valid text, each match begins at an opening quote.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_KEYS_AND_BRACES = re.compile(r'"((?:[^"\\]|\\.)*)"(\s*:)?|[{}]')
_CONTAINERS = (dict, list)


def _keys_in(data: Any, file: str) -> int:
    """How many keys the objects of parsed JSON hold; an error past `MAX_VALUES` values."""
    keys = values = 0
    todo = [data]
    while todo:
        item = todo.pop()
        if type(item) in _CONTAINERS:
            values += len(item)
            if values > MAX_VALUES:
                raise FactcheckError(
                    f"over {MAX_VALUES:,} values; a claim file holds fewer (split it into "
                    "several files, one a document)",
                    file=file,
                )
        if type(item) is dict:
            keys += len(item)
            todo.extend([v for v in item.values() if type(v) in _CONTAINERS])
        elif type(item) is list:
            todo.extend([v for v in item if type(v) in _CONTAINERS])
    return keys


def _keys_written(text: str, parsed: int) -> int:
    """How many keys a valid JSON text writes. Quick when every key is written `"key":`
    (as JSON writers do) and no string holds `":`: then that count is the answer; else the
    colons outside strings, each of which ends a key."""
    quick = text.count('":')
    if quick == parsed and not any(f'"{gap}:' in text for gap in " \t\n\r"):
        return quick
    return _JSON_STRING.sub("", text).count(":")


def _repeated_key(text: str) -> tuple[str, int] | None:
    """The first key written twice in one JSON object, and its line."""
    seen: list[set[str]] = []
    for m in _JSON_KEYS_AND_BRACES.finditer(text):
        token = m[0]
        if token == "{":
            seen.append(set())
        elif token == "}":
            seen.pop()
        elif m[2] is not None and seen:
            key = m[1]
            if key in seen[-1]:
                return key, text.count("\n", 0, m.start()) + 1
            seen[-1].add(key)
    return None


# What writes a NUL character or bytes without writing them raw (raw NUL bytes are refused
# before parsing): escapes in quoted strings, and YAML's binary tag.
_ODD_MARKERS = ("\\u0000", "\\0", "\\x00", "\\U00000000", "!binary", "2002:binary")


def refuse_odd_values(data: Any, text: str, file: str) -> None:
    """Refuse a NUL character written as an escape (`\\u0000`) and a YAML `!!binary`
    value: neither is text a claim file can mean, and both would otherwise pass as text.
    Only a text that holds one of their markers is searched."""
    markers = [m for m in _ODD_MARKERS if m in text]
    if not markers:
        return
    todo = [data]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
        elif isinstance(item, bytes) or (isinstance(item, str) and "\x00" in item):
            first = min(text.find(m) for m in markers)
            what = "binary data (!!binary)" if isinstance(item, bytes) else "a NUL character"
            raise FactcheckError(
                f"{what}, not text; a claim file holds text",
                file=file,
                line=text.count("\n", 0, first) + 1,
            )


def _indented_with_tab(text: str, line: int) -> bool:
    """Whether the 0-based line's indentation holds a tab."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if not start:
            return False
    end = text.find("\n", start)
    written = text[start : end if end != -1 else len(text)]
    return "\t" in written[: len(written) - len(written.lstrip(" \t"))]


def parse_json(text: str, file: str) -> _Parsed:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        refuse_deep_nesting(text, file, is_json=True)
        raise FactcheckError(
            f"JSON syntax error, column {exc.colno}: {exc.msg}{_quote_line(text, exc.lineno - 1)}",
            file=file,
            line=exc.lineno,
        ) from None
    # A key written twice keeps only its last value (`"claims": []` after the claims would
    # drop them all): refused, as YAML files refuse it. Counting keys is cheap; finding the
    # one repeated runs only when the count shows one.
    parsed = _keys_in(data, file)
    if _keys_written(text, parsed) != parsed:
        repeated = _repeated_key(text)
        if repeated is None:  # the same key written with different escapes (`\u0061`, `a`)
            raise FactcheckError("a key appears twice in one object, written two ways", file=file)
        key, line = repeated
        raise FactcheckError(f"key '{key}' appears twice in one object", file=file, line=line)
    return _Parsed(data, None, {})


def node_at(root: yaml.Node | None, path: Iterable[int | str]) -> yaml.Node | None:
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


def compose_for_lines(text: str) -> yaml.Node | None:
    """Nodes with line numbers, for files read by a parser that keeps none (orjson, yaml-rs)."""
    try:
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None


def lines_of(text: str, paths: Iterable[tuple[int | str, ...]]) -> dict[tuple[str, ...], int]:
    """The line of each path's deepest node that exists, for error messages. The file is read
    as a stream of parser events up to the end of the last record a path names, not composed
    whole: a file of millions of records with broken ones near its start is located at once.

    Paths are keys and indexes (`('claims', 3, 'value')`); the result is keyed by the same
    path as text. JSON is read as YAML, which it is.
    """
    wanted = {tuple(map(str, path)) for path in paths}
    prefixes = {path[:depth] for path in wanted for depth in range(len(path) + 1)}
    # The records (section, index) still to be read to their end.
    records = {path[:2] for path in wanted if len(path) >= 2}
    shallow = [path for path in wanted if len(path) < 2]
    found: dict[tuple[str, ...], int] = {}
    # A frame for each open collection: its path, then the key of the value to come (for a
    # mapping; None while a key is awaited) or the index of the next item (for a list).
    frames: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                records.discard(frames.pop()[0])
                if not records and all(path in found for path in shallow):
                    break
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            if not frames:
                path: tuple[str, ...] = ()
            elif frames[-1][1] is None:  # a mapping's key
                frames[-1][1] = str(getattr(event, "value", "?"))
                if isinstance(event, yaml.CollectionStartEvent):
                    frames.append([(*frames[-1][0], "?"), None if _is_map(event) else 0])
                continue
            elif isinstance(frames[-1][1], int):
                path = (*frames[-1][0], str(frames[-1][1]))
                frames[-1][1] += 1
            else:
                path = (*frames[-1][0], frames[-1][1])
                frames[-1][1] = None
            if path in prefixes and event.start_mark is not None:
                found[path] = event.start_mark.line + 1
            if isinstance(event, yaml.CollectionStartEvent):
                frames.append([path, None if _is_map(event) else 0])
            elif path in records:
                records.discard(path)
                if not records and all(path in found for path in shallow):
                    break
    except yaml.YAMLError:
        pass
    lines: dict[tuple[str, ...], int] = {}
    for path in wanted:
        known = next((path[:d] for d in range(len(path), -1, -1) if path[:d] in found), None)
        if known is not None:
            lines[path] = found[known]
    return lines


def _is_map(event: yaml.Event) -> bool:
    return isinstance(event, yaml.MappingStartEvent)


def key_line(root: yaml.Node | None, text: str, key: str) -> int | None:
    """The line where a top-level key is written."""
    if root is None:
        root = compose_for_lines(text)
    if isinstance(root, yaml.MappingNode):
        for k, _ in root.value:
            if str(k.value) == key:
                return int(k.start_mark.line) + 1
    return None


def item_lines(root: yaml.Node | None) -> dict[tuple[str, int], int]:
    """The line of every record: computed once, so the node tree need not be kept."""
    lines: dict[tuple[str, int], int] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(str(key.value), i)] = item.start_mark.line + 1
    return lines
