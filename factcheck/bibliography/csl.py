"""CSL-JSON: Zotero's and Better BibTeX's export, pandoc's and citeproc's input.

A file is a list of items, or an object whose `items` is that list. It is read by factcheck's
own JSON reader (a key written twice, deep nesting and syntax errors refused at their line),
and each item's line is found by walking the text with the standard library's decoder.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.bibliography.items import (
    Item,
    Name,
    clean,
    identifier,
    iso_date,
    language,
    names,
    pages,
    parts_date,
    set_kind,
)
from factcheck.errors import FactcheckError
from factcheck.nesting import refuse_deep_nesting
from factcheck.parsing import parse_json

#: Keys of which an item needs at least one to be read as a CSL-JSON item at all.
_CSL_KEYS = frozenset({"id", "type", "title", "author", "issued", "URL", "DOI", "citation-key"})
#: Types whose container (journal, newspaper, book, website) is named by `container-title`.
_CONTAINER = ("container-title", "collection-title")


def read_csl(text: str, file: str) -> list[Item]:
    """The items of a CSL-JSON file, each with its line; a file that is not CSL-JSON is a
    `FactcheckError` naming it."""
    data = parse_json(text, file).data
    refuse_deep_nesting(text, file, is_json=True)  # the line walk below recurses as deep
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise FactcheckError(
            'not CSL-JSON: expected a list of items, or an object with "items" (a list)',
            file=file,
            line=1,
        )
    lines = _item_lines(text, len(items))
    if items and not any(isinstance(i, dict) and _CSL_KEYS & i.keys() for i in items):
        raise FactcheckError(
            "not CSL-JSON: no item has an id, type, title, author, issued, URL or DOI",
            file=file,
            line=lines[0],
        )
    found = []
    for n, (raw, line) in enumerate(zip(items, lines, strict=True)):
        if not isinstance(raw, dict):
            raise FactcheckError(
                f"not CSL-JSON: item {n + 1} is {type(raw).__name__}, not an object",
                file=file,
                line=line,
            )
        found.append(_item(raw, file, line))
    return found


def _item(raw: dict[str, Any], file: str, line: int) -> Item:
    key = raw.get("citation-key") or raw.get("id")
    record_type = clean(raw.get("type") or "")
    item = Item(file, line, clean(key) if key not in (None, "") else None, record_type)
    fields = item.fields
    for name, variable in (("title", "title"), ("url", "URL")):
        if _text(raw.get(variable)):
            fields[name] = clean(raw[variable])
    author = _names(raw.get("author"), item) or _names(raw.get("editor"), item)
    if author:
        fields["author"] = author
    container = next((raw[k] for k in _CONTAINER if _text(raw.get(k))), None)
    outlet = container or next(
        (raw[k] for k in ("publisher", "authority") if _text(raw.get(k))), None
    )
    if outlet:
        fields["publisher"] = clean(outlet)
    for name, variable in (("date", "issued"), ("accessed", "accessed")):
        when = _date(raw.get(variable))
        if when:
            fields[name] = when
    if _text(raw.get("page")):
        fields["pages"] = pages(str(raw["page"]))
    if _text(raw.get("language")):
        fields["language"] = language(str(raw["language"]))
    found = identifier(
        _text(raw.get("DOI")),
        _text(raw.get("ISBN")),
        _text(raw.get("ISSN")),
        in_container=container is not None,
    )
    if found is None and record_type == "report" and _text(raw.get("number")):
        found = clean(raw["number"])
    if found:
        fields["identifier"] = found
    set_kind(item, "csl")
    return item


def _text(value: Any) -> str | None:
    """A variable's value as text, when it is one (CSL allows numbers for some)."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return clean(value) or None
    return None


def _names(value: Any, item: Item) -> str | None:
    if not isinstance(value, list):
        return None
    people = []
    for person in value:
        if isinstance(person, dict):
            family = " ".join(
                clean(person[k])
                for k in ("non-dropping-particle", "family")
                if _text(person.get(k))
            )
            given = " ".join(
                clean(person[k]) for k in ("given", "dropping-particle") if _text(person.get(k))
            )
            suffix = _text(person.get("suffix"))
            people.append(
                Name(
                    family=f"{family} {suffix}" if suffix and family else family,
                    given=given,
                    literal=_text(person.get("literal")) or "",
                )
            )
        elif _text(person):
            people.append(Name(literal=clean(person)))
    return names(people, item)


def _date(value: Any) -> str | None:
    """A CSL date in words: `date-parts` (a range when two), else `literal` or `raw` as
    written; a season or `circa` kept."""
    if isinstance(value, str):
        return iso_date(value) if value.strip() else None
    if not isinstance(value, dict):
        return None
    words = None
    parts = value.get("date-parts")
    if isinstance(parts, list) and all(isinstance(p, list) for p in parts):
        words = parts_date(parts)
    if words is None:
        written = _text(value.get("literal")) or _text(value.get("raw"))
        words = iso_date(written) if written else None
    if words is None:
        return None
    season = _text(value.get("season"))
    if season and not season.isdigit() and words.isdigit():
        words = f"{season} {words}"
    if value.get("circa") and value["circa"] not in ("false", "0"):
        words = f"circa {words}"
    return words


def _item_lines(text: str, count: int) -> list[int]:
    """The line of each item of the list (the whole text, or its object's `items`)."""
    decoder = json.JSONDecoder()
    at = _skip(text, 0)
    if text.startswith("{", at):
        at = _skip(text, at + 1)
        while at < len(text) and text[at] != "}":
            key, at = decoder.raw_decode(text, at)
            at = _skip(text, _skip(text, at) + 1)  # past the colon
            if key == "items":
                break
            _, at = decoder.raw_decode(text, at)
            at = _skip(text, at)
            if text.startswith(",", at):
                at = _skip(text, at + 1)
    lines: list[int] = []
    if not text.startswith("[", at):
        return [1] * count
    at = _skip(text, at + 1)
    line, counted = 1, 0
    while len(lines) < count:
        line += text.count("\n", counted, at)
        counted = at
        lines.append(line)
        _, at = decoder.raw_decode(text, at)
        at = _skip(text, at)
        if text.startswith(",", at):
            at = _skip(text, at + 1)
    return lines


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at
