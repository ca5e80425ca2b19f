"""One draft claim file from several documents, written as YAML or JSON.

Each document is drafted on its own (`draft.draft`) and the drafts are merged: subjects and
properties declared alike are one, a source id two documents use for different works is
made unique.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import yaml

from factcheck.errors import FactcheckError
from factcheck.extract.draft import document_id, draft
from factcheck.extract.parallel import cores, run_all
from factcheck.extract.structure import ParsedDocument

if TYPE_CHECKING:  # the claim models are imported only with a vocabulary
    from factcheck.corpus import Corpus

_SECTIONS = ("documents", "sources", "footnotes", "subjects", "properties", "claims")


def draft_file(docs: Sequence[ParsedDocument], vocabulary: Corpus | None = None) -> dict[str, Any]:
    """The content of one claim file holding the drafts of every document in `docs`."""
    merged: dict[str, list[dict[str, Any]]] = {k: [] for k in _SECTIONS}
    seen: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in _SECTIONS}
    ids: dict[str, None] = {}
    for doc in docs:
        doc_id = _unique(document_id(doc), ids)
        ids[doc_id] = None
        content = draft(doc, vocabulary, doc_id=doc_id)
        renamed = _merge_sources(content.get("sources", []), merged, seen)
        for note in content.get("footnotes", []):
            for cite in note["cites"]:
                cite["source"] = renamed.get(cite["source"], cite["source"])
        for section in ("documents", "footnotes", "subjects", "properties", "claims"):
            for record in content.get(section, []):
                key = record.get("id") or f"{record['document']}#{record['label']}"
                if section in ("subjects", "properties") and key in seen[section]:
                    continue
                seen[section][key] = record
                merged[section].append(record)
    return {k: v for k, v in merged.items() if v}


def _merge_sources(
    sources: list[dict[str, Any]],
    merged: dict[str, list[dict[str, Any]]],
    seen: dict[str, dict[str, dict[str, Any]]],
) -> dict[str, str]:
    renamed: dict[str, str] = {}
    for source in sources:
        earlier = seen["sources"].get(source["id"])
        if earlier == source:
            continue
        if earlier is not None:
            new = _unique(source["id"], seen["sources"])
            renamed[source["id"]] = new
            source = {**source, "id": new}
        seen["sources"][source["id"]] = source
        merged["sources"].append(source)
    return renamed


def _unique(key: str, taken: dict[str, Any]) -> str:
    found, n = key, 2
    while found in taken:
        found, n = f"{key}-{n}", n + 1
    return found


#: From this many claims on, the claims are written as YAML in parts, by one process per
#: core (`dump`).
PARALLEL_CLAIMS = 4_000


def dump(content: dict[str, Any], fmt: str = "yaml", *, processes: int | None = None) -> str:
    """The claim file as text: YAML in the format's reading order, or JSON.

    JSON is written by orjson, as `json.dumps(content, ensure_ascii=False, indent=2)` would
    write it, many times faster. Many claims in YAML are written in parts, by up to
    `processes` processes (by default one per core): a list of records in block style is
    written alike alone and as the last value of the file's mapping, so the parts follow
    `claims:` as they are.
    """
    if fmt == "json":
        return orjson.dumps(content, option=orjson.OPT_INDENT_2).decode() + "\n"
    claims = content.get("claims", [])
    processes = processes or cores()
    rest = {k: v for k, v in content.items() if k != "claims"}
    if len(claims) < PARALLEL_CLAIMS or processes < 2 or not rest or list(content)[-1] != "claims":
        return _yaml(content)
    count = 4 * processes
    parts = [
        claims[len(claims) * i // count : len(claims) * (i + 1) // count] for i in range(count)
    ]
    tasks = [functools.partial(_yaml, rest), *(functools.partial(_yaml, p) for p in parts if p)]
    written = run_all(tasks, processes)
    return written[0] + "claims:\n" + "".join(written[1:])


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))


def _yaml(content: Any) -> str:
    """`content` as `yaml.dump` writes it with `yaml.SafeDumper` (block style, keys in their
    order, Unicode as is, lines of 100, every record in full: no `&id001` anchors).

    The events are handed straight to libyaml's emitter, as PyYAML's serializer makes them
    from its representer's nodes: the same text, several times faster on a large draft file
    (most of the time went to building and walking those nodes in Python)."""
    stream = io.StringIO()
    dumper = yaml.CSafeDumper(
        stream, allow_unicode=True, width=100, default_flow_style=False, sort_keys=False
    )
    emit: Callable[[yaml.Event], None] = dumper.emit
    resolve: Callable[[type[yaml.Node], Any, Any], str] = dumper.resolve
    # The events of the keys, made once: a draft file repeats the same few keys thousands of
    # times, and the emitter only reads an event.
    keys: dict[str, yaml.ScalarEvent] = {}
    map_start = yaml.MappingStartEvent(None, _MAP, True, flow_style=False)
    map_end, seq_end = yaml.MappingEndEvent(), yaml.SequenceEndEvent()
    seq_start = yaml.SequenceStartEvent(None, _SEQ, True, flow_style=False)

    def scalar(data: str) -> yaml.ScalarEvent:
        plain = resolve(yaml.ScalarNode, data, (True, False)) == _STR
        return yaml.ScalarEvent(None, _STR, (plain, True), data)

    def events(data: Any) -> None:
        if isinstance(data, dict):
            emit(map_start)
            for key, value in data.items():
                if isinstance(key, str):
                    event = keys.get(key)
                    if event is None:
                        event = keys[key] = scalar(key)
                    emit(event)
                else:
                    events(key)
                events(value)
            emit(map_end)
        elif isinstance(data, list | tuple):
            emit(seq_start)
            for value in data:
                events(value)
            emit(seq_end)
        elif isinstance(data, str):
            emit(scalar(data))
        else:
            node_events(dumper.represent_data(data))

    def node_events(node: yaml.Node) -> None:
        # A number, a boolean, a date, null: the tag and the implicit flags the serializer
        # would give the representer's node.
        if isinstance(node, yaml.ScalarNode):
            implicit = (
                resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag,
                resolve(yaml.ScalarNode, node.value, (False, True)) == node.tag,
            )
            emit(yaml.ScalarEvent(None, node.tag, implicit, node.value, style=node.style))
        elif isinstance(node, yaml.SequenceNode):
            bare = resolve(yaml.SequenceNode, node.value, True) == node.tag
            emit(yaml.SequenceStartEvent(None, node.tag, bare, flow_style=node.flow_style))
            for item in node.value:
                node_events(item)
            emit(yaml.SequenceEndEvent())
        elif isinstance(node, yaml.MappingNode):
            bare = resolve(yaml.MappingNode, node.value, True) == node.tag
            emit(yaml.MappingStartEvent(None, node.tag, bare, flow_style=node.flow_style))
            for key, value in node.value:
                node_events(key)
                node_events(value)
            emit(yaml.MappingEndEvent())

    emit(yaml.StreamStartEvent())
    emit(yaml.DocumentStartEvent(explicit=False))
    events(content)
    emit(yaml.DocumentEndEvent(explicit=False))
    emit(yaml.StreamEndEvent())
    return stream.getvalue()


def read_inputs(names: Sequence[str], kind: str | None = None) -> list[ParsedDocument]:
    """Each named document read by its reader (`-` is standard input); a file that cannot be
    read is a `FactcheckError` naming it."""
    import importlib
    import sys

    # The readers are imported when a document is read, never before: drafting stands alone.
    readers = importlib.import_module("factcheck.extract.readers")
    read_document: Callable[[bytes, str, str | None], ParsedDocument] = readers.read_document
    docs = []
    for name in names:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            raise FactcheckError(f"cannot read the document: {exc.strerror}", file=name) from None
        docs.append(read_document(data, name, kind))
    return docs


@dataclass(frozen=True)
class Updated:
    """A draft file made again over an earlier one: its content, how many reviewed claims
    were kept, and how many of those quote words the documents no longer hold."""

    content: dict[str, Any]
    kept: int
    gone: int


def update(
    earlier: dict[str, Any], fresh: dict[str, Any], docs: Sequence[ParsedDocument]
) -> Updated:
    """`fresh` drafts laid over an `earlier` draft file: every claim a person reviewed (no
    `draft: true`) is kept as edited, with every record the earlier file declared; a fresh
    draft is added only where no reviewed claim quotes the same words. `docs` are the
    documents drafted, to count reviewed claims whose words they no longer hold."""
    sentences = [_words(p.text) for doc in docs for p in doc.paragraphs]
    reviewed = [c for c in earlier.get("claims", []) if not c.get("draft")]
    quoted = {_words(c.get("text", "")) for c in reviewed}
    merged: dict[str, list[dict[str, Any]]] = {}
    for section in _SECTIONS[:-1]:
        records = list(earlier.get(section, []))
        keys = {_record_key(r) for r in records}
        records += [r for r in fresh.get(section, []) if _record_key(r) not in keys]
        merged[section] = records
    ids = {c.get("id"): None for c in reviewed}
    drafts = []
    for claim in fresh.get("claims", []):
        if _words(claim["text"]) in quoted:
            continue
        claim = {**claim, "id": _unique(claim["id"], ids)}
        ids[claim["id"]] = None
        drafts.append(claim)
    merged["claims"] = [*reviewed, *drafts]
    gone = sum(1 for c in reviewed if not _quoted_in(_words(c.get("text", "")), sentences))
    return Updated({k: v for k, v in merged.items() if v}, len(reviewed), gone)


def read_earlier(path: Path) -> dict[str, Any]:
    """An earlier draft file (YAML or JSON) as plain data; an unreadable one is an error."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FactcheckError(
            f"cannot read the earlier drafts: {exc.strerror}", file=str(path)
        ) from None
    except yaml.YAMLError as exc:
        raise FactcheckError(f"not a claim file: {exc}", file=str(path)) from None
    if not isinstance(data, dict):
        raise FactcheckError("not a claim file: a mapping of lists was expected", file=str(path))
    return data


def _quoted_in(words: str, paragraphs: list[str]) -> bool:
    return any(words in paragraph for paragraph in paragraphs)


def _words(text: str) -> str:
    return " ".join(str(text).split())


def _record_key(record: dict[str, Any]) -> str:
    return str(record.get("id") or f"{record.get('document')}#{record.get('label')}")
