"""Which imported record is a work already there, and the id each new one is cited by.

A record is the work of a source already present (in the claim file merged into, or earlier
in the same import) when they share a DOI or other identifier, a link (`norm_url`), or a
title and dates that meet, unless links, identifiers or authors tell them apart; or when the
source already there has the id the record's key would give, and its title, or its date and
author (a title a person corrected since).
Such a record is not added: what is there is kept as it is, edits included.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.bibliography.items import Item, Name, clean
from factcheck.errors import ValueParseError
from factcheck.identifiers import canonical, is_doi_link
from factcheck.sources import norm_name, norm_url, real_link, source_date

#: Characters an id cannot hold (white space, control and format characters), by Unicode
#: category: each run becomes one `-`.
_NOT_IN_ID = ("Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cn", "Cs")
#: Keys that name a record in one program's library, not a citation key a person types:
#: a link (Zotero's item URIs) and Zotero's `library/ITEMKEY`.
_NOT_A_CITATION_KEY = re.compile(r"^(?:https?://\S+|\d+/[A-Z0-9]{8})$")
#: Characters in a citation key: keys are short words (`kuznetsovWhoLeftEmigration2023`);
#: a longer one is no key a person types.
MAX_KEY = 200
#: Short words left out of an id made from a title.
_SMALL = frozenset(
    ("a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "with", "by", "from")
)


@dataclass(frozen=True)
class Match:
    """An imported record found to be a source already there, and why."""

    id: str
    why: str


def citation_id(key: str | None) -> tuple[str | None, str | None]:
    """The id a citation key gives, and what was changed to make it one (None when it is
    valid as written). A key that names a record in a program rather than a work gives
    None: the id is then made from the record's author, year and title."""
    if key is None:
        return None, None
    if len(key) > MAX_KEY:
        return None, f"key of {len(key):,} characters is too long to cite"
    if _NOT_A_CITATION_KEY.match(key):
        return None, f"key '{key}' names a record of a library, not a work"
    key = unicodedata.normalize("NFC", key)
    made = "".join("\0" if unicodedata.category(c) in _NOT_IN_ID else c for c in key)
    made = re.sub("\0+", "-", made).strip("-")
    if not made:
        return None, f"key '{key}' has nothing an id can hold"
    if made != key:
        return made, f"key '{key}' cited as '{made}' (an id has no spaces or control characters)"
    return made, None


def made_id(item: Item) -> str:
    """An id from a record's first author (or publisher), year and first title word:
    `smith-2020-covid`, `hrw-2023-russia`, in lower-case Latin letters."""
    from anyascii import anyascii

    def word(text: str) -> str:
        return re.sub(r"[^a-z0-9]+", "", anyascii(text).lower())

    fields = item.fields
    publisher = Name(literal=fields.get("publisher", "")).short() if fields.get("publisher") else ""
    who = word(item.first_author or publisher)
    year = re.search(r"\b(1\d{3}|2\d{3})\b", fields.get("date", ""))
    words = [word(w) for w in fields.get("title", "").split()]
    title = next((w for w in words if len(w) > 2 and w not in _SMALL), "")
    parts = [p for p in (who, year.group(1) if year else "", title) if p]
    return "-".join(parts) or "source"


class Ids:
    """Ids taken, and the next free one for a wanted id: `key`, or `key-2`, `key-3` …"""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self._next: dict[str, int] = {}

    def __contains__(self, sid: object) -> bool:
        return sid in self.taken

    def add(self, sid: str) -> None:
        self.taken.add(sid)

    def free(self, key: str) -> str:
        found, n = key, self._next.get(key, 2)
        while found in self.taken:
            found, n = f"{key}-{n}", n + 1
        self._next[key] = n
        return found


class Known:
    """The sources present so far, found by identifier, link, title, and id."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], list[str]] = {}
        self.by_id: dict[str, Mapping[str, Any]] = {}

    def add(self, source: Mapping[str, Any]) -> None:
        sid = str(source.get("id", ""))
        if not sid or sid in self.by_id:
            return
        self.by_id[sid] = source
        for key in _keys(source):
            self.by_key.setdefault(key, []).append(sid)

    def find(self, fields: Mapping[str, str], wanted_id: str | None) -> Match | None:
        """The source already there that `fields` describe, or None."""
        for key in _keys(fields):
            for found in self.by_key.get(key, ()):
                if _compatible(self.by_id[found], fields, key[0]):
                    return Match(found, _WHY[key[0]])
        if wanted_id is not None and wanted_id in self.by_id:
            there = self.by_id[wanted_id]
            same = {
                f
                for f in ("title", "date", "author")
                if _text(there.get(f)) and _text(there.get(f)) == _text(fields.get(f))
            }
            if not _differ(there, fields) and ("title" in same or {"date", "author"} <= same):
                return Match(wanted_id, "same id")
        return None


_WHY = {
    "identifier": "same DOI or identifier",
    "url": "same link",
    "title": "same title and date",
}


def _keys(source: Mapping[str, Any]) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = []
    url = source.get("url")
    if isinstance(url, str) and real_link(url):
        if is_doi_link(url):
            keys.append(("identifier", canonical(url)))
        keys.append(("url", norm_url(url)))
    if isinstance(source.get("identifier"), str) and source["identifier"].strip():
        keys.append(("identifier", canonical(source["identifier"])))
    title = source.get("title")
    if isinstance(title, str) and norm_name(title):
        keys.append(("title", norm_name(title)))
    return keys


def _when(date: Any) -> tuple[float, float] | None:
    """The days a date spans, so that `2020-03-05`, `5 March 2020` and `March 2020` meet;
    None when there is none or it cannot be read."""
    if not isinstance(date, (str, int)) or not str(date).strip():
        return None
    try:
        when = source_date(str(date))
    except ValueParseError:
        return None
    return None if when is None else (when.low, when.high)


def _compatible(there: Mapping[str, Any], fields: Mapping[str, str], why: str) -> bool:
    """Whether a match on `why` is not contradicted: two works of one title are told apart
    by their dates (which must meet, or both be missing), links, identifiers or authors."""
    if why != "title":
        return True
    a, b = there.get("date"), fields.get("date")
    if bool(a) != bool(b):
        return False
    days_a, days_b = _when(a), _when(b)
    if days_a is None or days_b is None:
        if _text(a) != _text(b):
            return False
    elif days_a[1] < days_b[0] or days_b[1] < days_a[0]:
        return False
    return not _differ(there, fields) and not _other_authors(there, fields)


def _differ(there: Mapping[str, Any], fields: Mapping[str, str]) -> bool:
    """Whether both give a link, or both an identifier, and they are not the same."""
    for name, norm in (("url", norm_url), ("identifier", canonical)):
        a, b = there.get(name), fields.get(name)
        if isinstance(a, str) and a.strip() and b and norm(a) != norm(b):
            return True
    return False


def _other_authors(there: Mapping[str, Any], fields: Mapping[str, str]) -> bool:
    a, b = there.get("author"), fields.get("author")
    if not (isinstance(a, str) and a.strip() and b):
        return False
    return not set(norm_name(a).split()) & set(norm_name(b).split())


def _text(value: Any) -> str:
    return norm_name(clean(value)) if isinstance(value, (str, int)) else ""


def describe(item: Item) -> str:
    """How a record is named in messages: its key, else its title."""
    if item.key:
        return f"'{item.key}'"
    title = item.fields.get("title", "")
    return f"'{title[:60]}…'" if len(title) > 60 else f"'{title}'"
