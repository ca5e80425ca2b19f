"""Sources imported from where researchers keep them: CSL-JSON (Zotero, Better BibTeX,
pandoc), BibTeX / BibLaTeX and RIS, written as a claim file's `sources` or merged into one.

`import_sources` reads the files, maps each record's fields (`items`, and one reader a
format: `csl`, `bibtex`, `ris`), gives each new source an id from its citation key, and
leaves out every record that is a source already there (`merge`). The BibTeX and RIS
parsers are the optional extra `factcheck[import]`, loaded only here.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.bibliography.items import Item
from factcheck.decoding import decode_text
from factcheck.errors import FactcheckError, InputError, Problem, UsageError

#: Bytes in one bibliography file: a library of a hundred thousand records is under this.
MAX_BIBLIOGRAPHY_BYTES = 64 * 1024 * 1024
#: The order of a source's fields as written.
_FIELD_ORDER = (
    "author",
    "title",
    "publisher",
    "date",
    "pages",
    "url",
    "identifier",
    "accessed",
    "language",
    "kind",
)
_SUFFIXES = {
    ".json": "csl",
    ".csljson": "csl",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".biblatex": "bibtex",
    ".ris": "ris",
}
_NAMES = {"csl": "CSL-JSON", "bibtex": "BibTeX", "ris": "RIS"}
_RIS_LINE = re.compile(r"^TY  -", re.M)
_BIBTEX_ENTRY = re.compile(r"^\s*@\w+\s*[{(]", re.M)


@dataclass
class Imported:
    """What an import made: the claim file's text, the sources added, and what was said
    about the records (each message names the record's file and line)."""

    text: str
    added: list[dict[str, Any]] = field(default_factory=list)
    #: Records that are sources already there, not added again.
    merged: list[str] = field(default_factory=list)
    #: Records not imported, and why.
    skipped: list[str] = field(default_factory=list)
    #: Ids made from keys, kinds guessed: worth a look, nothing lost.
    notes: list[str] = field(default_factory=list)


def import_sources(
    files: Sequence[str | Path],
    *,
    into: str | Path | None = None,
    fmt: str = "yaml",
    stdin: Callable[[], bytes] | None = None,
) -> Imported:
    """The sources of bibliography files as a claim file (YAML or JSON, `fmt`), or merged
    into the claim file `into` (its own format kept; created when it does not exist).

    `-` among `files` is standard input (`stdin`, by default the process's). A file that
    cannot be read or parsed is a `FactcheckError` naming it (and the line), and nothing is
    imported; a record that cannot be mapped is left out and said in `skipped`.
    """
    from factcheck.bibliography.claim_text import dump, read_claim_file, with_sources
    from factcheck.bibliography.merge import Ids, Known, citation_id, describe, made_id

    items = []
    for name in files:
        items.extend(_check_keys(read_bibliography(_read(str(name), stdin), str(name))))
    into_text, is_json = "", fmt == "json"
    known, taken = Known(), Ids()
    if into is not None:
        into_text, is_json = _read_into(Path(into))
        existing = read_claim_file(into_text, str(into), is_json=is_json).get("sources") or []
        for source in existing:
            if isinstance(source, dict):
                known.add(source)
                taken.add(str(source.get("id")))
    done = Imported("")
    for item in items:
        fields = item.fields
        if not fields.get("url") and fields.get("identifier", "").startswith("10."):
            fields["url"] = f"https://doi.org/{fields['identifier']}"  # a DOI is a link
        label = f"{item.where()}: record {describe(item)}"
        if not any(fields.get(k) for k in ("title", "author", "url")):
            done.skipped.append(f"{label} not imported: it has no title, author or link")
            continue
        wanted, change = citation_id(item.key)
        match = known.find(fields, wanted or made_id(item))
        if match is not None:
            named = "" if match.id == wanted else f" as '{match.id}'"
            done.merged.append(f"{label} is already there{named} ({match.why})")
            continue
        sid = wanted or made_id(item)
        if change:
            because = "" if wanted else f"; cited as '{sid}' (from author, year and title)"
            done.notes.append(f"{item.where()}: {change}{because}")
        if sid in taken:
            new = taken.free(sid)
            done.notes.append(
                f"{item.where()}: id '{sid}' is another source's; imported as '{new}'"
            )
            sid = new
        record = {"id": sid, **{k: fields[k] for k in _FIELD_ORDER if fields.get(k)}}
        problem = _invalid(record)
        if problem:
            done.skipped.append(f"{label} not imported: {problem}")
            continue
        done.notes.extend(f"{item.where()}: {note}" for note in item.notes)
        known.add(record)
        taken.add(sid)
        done.added.append(record)
    if into is not None:
        done.text = with_sources(into_text, str(into), done.added, is_json=is_json)
    else:
        done.text = dump({"sources": done.added}, fmt)
    return done


def read_bibliography(data: bytes, name: str) -> list[Item]:
    """The records of one bibliography file, its format told by its suffix or, for another
    suffix or standard input, by its text."""
    text = _decode(data, name)
    fmt = _format_of(name, text)
    if fmt == "csl":
        from factcheck.bibliography.csl import read_csl

        return read_csl(text, name)
    try:
        if fmt == "bibtex":
            from factcheck.bibliography.bibtex import read_bibtex

            return read_bibtex(text, name)
        from factcheck.bibliography.ris import read_ris

        return read_ris(text, name)
    except ImportError as exc:
        raise UsageError(
            f"reading {_NAMES[fmt]} needs the package {exc.name}: pip install 'factcheck[import]'",
            file=name,
        ) from None


def _format_of(name: str, text: str) -> str:
    fmt = _SUFFIXES.get(Path(name).suffix.lower())
    if fmt:
        return fmt
    head = text[:65536]
    if head.lstrip()[:1] in ("[", "{"):
        return "csl"
    if _RIS_LINE.search(head):
        return "ris"
    if _BIBTEX_ENTRY.search(head):
        return "bibtex"
    raise FactcheckError(
        "not a bibliography factcheck reads: CSL-JSON (.json), BibTeX (.bib) or RIS (.ris)",
        file=name,
    )


def _read(name: str, stdin: Callable[[], bytes] | None) -> bytes:
    if name == "-":
        data = (stdin or (lambda: sys.stdin.buffer.read(MAX_BIBLIOGRAPHY_BYTES + 1)))()
        size = len(data)
    else:
        path = Path(name)
        try:
            if path.is_dir():
                raise FactcheckError("is a folder; name the bibliography files in it", file=name)
            size = path.stat().st_size if path.is_file() else 0
            data = b"" if size > MAX_BIBLIOGRAPHY_BYTES else path.read_bytes()
        except OSError as exc:
            raise FactcheckError(f"cannot read: {exc.strerror or exc}", file=name) from None
        size = max(size, len(data))
    if size > MAX_BIBLIOGRAPHY_BYTES:
        raise FactcheckError(
            f"over {MAX_BIBLIOGRAPHY_BYTES // (1024 * 1024)} MiB, more than a bibliography "
            "holds; split it into several files",
            file=name,
        )
    return data


def _decode(data: bytes, name: str) -> str:
    return decode_text(
        data,
        name,
        kind="a bibliography",
        advice="export the bibliography as UTF-8",
        empty="empty file; there is nothing to import",
    )


def _check_keys(items: list[Item]) -> list[Item]:
    """Records of one file that share a citation key are refused: a citation of it would
    name two works."""
    first: dict[str, Item] = {}
    problems = []
    for item in items:
        if item.key is None:
            continue
        earlier = first.setdefault(item.key, item)
        if earlier is not item:
            problems.append(
                Problem(
                    f"key '{item.key}' is used by two records (first at line {earlier.line}); "
                    "give each its own key",
                    item.file,
                    item.line,
                )
            )
    if problems:
        raise InputError(problems)
    return items


def _read_into(path: Path) -> tuple[str, bool]:
    is_json = path.suffix.lower() == ".json"
    if not path.exists():
        return "", is_json
    try:
        return path.read_text(encoding="utf-8-sig"), is_json
    except OSError as exc:
        raise FactcheckError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    except UnicodeDecodeError:
        raise FactcheckError("not UTF-8; a claim file is UTF-8 text", file=str(path)) from None


def _invalid(record: dict[str, Any]) -> str | None:
    """Why a record is not a valid source (a field too long), or None."""
    from pydantic import ValidationError

    from factcheck.model import Source

    try:
        Source.model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}"
    return None
