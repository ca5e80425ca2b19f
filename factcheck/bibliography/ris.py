"""RIS, the tagged format of reference managers and databases (`TY  - JOUR` … `ER  - `).

rispy reads the tags of each record into named fields. It reports no lines and drops a
record that never ends, so the file's records are first found here, line by line: a record
that does not end (`ER`) before the next begins, or before the file ends, is an error at its
first line, and nothing is imported.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.bibliography.items import (
    Item,
    Name,
    clean,
    date_words,
    identifier,
    language,
    month_number,
    names,
    pages,
    set_kind,
)
from factcheck.errors import FactcheckError, InputError, Problem

#: A tagged line as rispy reads one: two capitals or a capital and a digit, two spaces, `-`.
_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: |$)")
_DATE = re.compile(r"^(\d{4})(?:[/-](\d{0,2})(?:[/-](\d{0,2}))?)?")


def read_ris(text: str, file: str) -> list[Item]:
    """The records of a RIS file, each with its first line."""
    import rispy

    lines = text.split("\n")
    records: list[tuple[int, list[str]]] = []
    problems = []
    start: int | None = None
    for n, line in enumerate(lines, 1):
        tag = _TAG.match(line)
        name = tag.group(1) if tag else None
        if name == "TY":
            if start is not None:
                problems.append(_unended(file, start, f"the record at line {n} begins"))
            start = n
        elif name == "ER" and start is not None:
            records.append((start, lines[start - 1 : n]))
            start = None
    if start is not None:
        problems.append(_unended(file, start, "the file ends"))
    if problems:
        raise InputError(problems)
    if not records:
        raise FactcheckError("no RIS records (`TY  - …` to `ER  - `) in this file", file=file)
    items = []
    for first, record in records:
        parsed = rispy.loads("\n".join(record))
        items.append(_item(parsed[0] if parsed else {}, file, first))
    return items


def _unended(file: str, line: int, before: str) -> Problem:
    return Problem(f"this record has no end (`ER  - `) before {before}", file, line)


def _item(raw: dict[str, Any], file: str, line: int) -> Item:
    record_type = clean(raw.get("type_of_reference", ""))
    key = clean(raw.get("id", "")) or None
    item = Item(file, line, key, record_type)
    fields = item.fields
    title = _first(raw, "title", "primary_title")
    container = _first(raw, "secondary_title", "journal_name", "alternate_title3")
    unknown = raw.get("unknown_tag") or {}
    if not container and unknown.get("BT"):  # an older book title tag rispy does not name
        container = clean(unknown["BT"][0])
    if not title and container and record_type.upper() in ("BOOK", "EBOOK", "EDBOOK"):
        title, container = container, None  # books put their title under T2/BT in some tools
    if title:
        fields["title"] = title
    people = [*raw.get("authors", []), *raw.get("first_authors", [])]
    author = _people(people, item) or _people(raw.get("secondary_authors", []), item)
    if author:
        fields["author"] = author
    outlet = container or _first(raw, "publisher")
    if outlet:
        fields["publisher"] = outlet
    when = _date(_first(raw, "date")) or _date(_first(raw, "year", "publication_year"))
    if when:
        fields["date"] = when
    accessed = _first(raw, "access_date")
    if accessed:
        fields["accessed"] = _date(accessed) or accessed
    urls = [clean(u) for u in raw.get("urls", []) if clean(u)]
    if urls:
        fields["url"] = urls[0]
    first_page, last_page = _first(raw, "start_page"), _first(raw, "end_page")
    if first_page:
        span = f"{first_page}–{last_page}" if last_page and last_page != first_page else first_page
        fields["pages"] = pages(span)
    lang = _first(raw, "language")
    if lang:
        fields["language"] = language(lang)
    isbn, issn = _isbn_or_issn(_first(raw, "issn"))
    found = identifier(_first(raw, "doi"), isbn, issn, in_container=bool(container))
    if found:
        fields["identifier"] = found
    set_kind(item, "ris")
    return item


def _first(raw: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = raw.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if value is not None and clean(value):
            return clean(value)
    return None


def _people(written: list[str], item: Item) -> str | None:
    """RIS names, `Family, Given` (or one name for a body), given name first."""
    people = []
    for person in written:
        family, comma, given = clean(person).partition(",")
        if comma and family.strip() and given.strip():
            people.append(Name(family=family.strip(), given=given.strip().rstrip(",")))
        elif clean(person):
            people.append(Name(literal=clean(person).strip(",")))
    return names(people, item)


def _date(text: str | None) -> str | None:
    """RIS dates (`2020/03/05/`, `2020/03//`, `2020`, `2024-05-03 10:00`) in words; others
    as written."""
    if not text:
        return None
    m = _DATE.match(text)
    if not m:
        return text
    year = int(m.group(1))
    month = month_number(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) and month else None
    return date_words(year, month, day)


def _isbn_or_issn(number: str | None) -> tuple[str | None, str | None]:
    """RIS writes ISBNs and ISSNs under one tag, SN: told apart by their check digits."""
    if not number:
        return None, None
    from stdnum import isbn, issn

    first = number.split()[0]
    if isbn.is_valid(first):
        return first, None
    if issn.is_valid(first):
        return None, first
    return None, None
