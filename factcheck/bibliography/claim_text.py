"""New sources written into a claim file's text, the rest of it kept as it was.

A YAML claim file is a person's work: its comments, order, quoting and spacing are kept by
adding the new sources to its text rather than writing the whole file anew. The new items
go after the last item of its `sources` list, at that list's indentation (a new `sources`
list at the end, when it has none); a list written `sources: []` becomes a block. The result
is read back and must hold exactly what was there plus the new sources, or nothing is
written. A JSON file (written by programs) is written anew with its keys in order.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from factcheck.errors import FactcheckError
from factcheck.parsing import compose_for_lines, parse_json, parse_yaml


class _Dumper(yaml.CSafeDumper):
    """Every record written out in full: no `&id001` anchors for texts two records share."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(content: dict[str, Any], fmt: str = "yaml") -> str:
    """A claim file as text, written as `factcheck extract` writes its drafts (the same
    text, by libyaml's emitter: a library of ten thousand records in a second, not four)."""
    if fmt == "json":
        return json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def read_claim_file(text: str, file: str, *, is_json: bool) -> dict[str, Any]:
    """A claim file's data (nothing, for an empty file); its `sources` must be a list."""
    if not text.strip():
        return {}
    data = (parse_json if is_json else parse_yaml)(text, file).data
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FactcheckError(
            f"not a claim file: a mapping of lists was expected, found {type(data).__name__}",
            file=file,
            line=1,
        )
    if data.get("sources") is not None and not isinstance(data["sources"], list):
        raise FactcheckError("'sources' is not a list", file=file, field="sources")
    return data


def with_sources(text: str, file: str, new: list[dict[str, Any]], *, is_json: bool) -> str:
    """The claim file's text with the `new` sources added to its `sources` list."""
    data = read_claim_file(text, file, is_json=is_json)
    if not new:
        return text
    expected = {**data, "sources": [*(data.get("sources") or []), *new]}
    if is_json or not text.strip():
        return dump(expected, "json" if is_json else "yaml")
    for candidate in _yaml_candidates(text, list(data.get("sources") or []), new):
        try:
            if parse_yaml(candidate, file).data == expected:
                return candidate
        except FactcheckError:
            continue
    raise FactcheckError(
        "cannot add the sources to this file's text without changing what it holds; "
        "nothing was written (write them to a file of their own with --output)",
        file=file,
    )


def _yaml_candidates(text: str, there: list[Any], new: list[dict[str, Any]]) -> list[str]:
    """Texts with the new sources in place, most natural first; each is checked."""
    root = compose_for_lines(text)
    if not isinstance(root, yaml.MappingNode):
        return []
    value = next((v for k, v in root.value if k.value == "sources"), None)
    if value is None:
        head = text if text.endswith("\n") else text + "\n"
        return [head + dump({"sources": new})]
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        block = _block(new, value.start_mark.column)
        end = value.end_mark.index
        after_content = _end_of_content(text, end)
        return [
            text[:after_content] + "\n" + block.rstrip("\n") + text[after_content:],
            _at_line_start(text, end, block),
        ]
    # `sources: []`, `sources: [{…}]`, `sources:` or `sources: ~`: the value becomes a block.
    block = _block([*there, *new], 2)
    start, end = value.start_mark.index, value.end_mark.index
    return [text[:start].rstrip(" ") + "\n" + block.rstrip("\n") + text[end:]]


def _block(records: list[dict[str, Any]], column: int) -> str:
    """Records as a YAML block list whose dashes stand at `column`."""
    written = dump({"sources": records}).split("\n", 1)[1]
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in written.splitlines(True))


def _end_of_content(text: str, end: int) -> int:
    """Where the list's last item ends: before the blank lines and comments that come
    between it and what follows the list."""
    lines = text[:end].split("\n")
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()
    return len("\n".join(lines))


def _at_line_start(text: str, at: int, block: str) -> str:
    head = text[:at]
    if head and not head.endswith("\n"):
        head += "\n"
    return head + block + text[at:]
