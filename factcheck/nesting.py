"""How deeply a claim file nests, and factcheck's own error for one nested far too deeply.

Checked only once loading has failed, so valid files pay nothing for it: whatever a
parser's own limit or words, a file nested past `MAX_NESTING` is refused in one message
naming the line and the top-level section where it went too deep.
"""

from __future__ import annotations

import re

import yaml

from factcheck.errors import FactcheckError

#: A claim file nests a few levels (a section, its records, a record's lists). Far deeper
#: nesting is refused with factcheck's own message, whatever a parser's own limit is.
MAX_NESTING = 32


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
    except (yaml.YAMLError, ValueError):
        # Not deep up to where it stops being YAML: the parser's error stands. The pure-Python
        # scanner reads a `%YAML` directive's numbers with int(), which raises ValueError
        # past 4,300 digits where the C parser says "extremely long version number".
        return None
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


def refuse_deep_nesting(
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
