"""One draft claim file from several documents, written as YAML or JSON.

Each document is drafted on its own (`draft.draft`) and the drafts are merged: subjects and
properties declared alike are one, a source id two documents use for different works is
made unique.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from factcheck.corpus import Corpus
from factcheck.errors import FactcheckError
from factcheck.extract.draft import document_id, draft
from factcheck.extract.structure import ParsedDocument

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


class _Dumper(yaml.SafeDumper):
    """Every record written out in full: no `&id001` anchors for lists two claims share."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(content: dict[str, Any], fmt: str = "yaml") -> str:
    """The claim file as text: YAML in the format's reading order, or JSON."""
    if fmt == "json":
        return json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


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
