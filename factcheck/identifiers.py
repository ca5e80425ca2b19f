"""Identifiers of sources, checked: an ISBN's or ISSN's check digit, and a DOI's form.

A source's `identifier` is free text: a DOI, an ISBN, an ISSN or a report number. Only
what says what it is (`ISBN …`, `ISSN …`, `doi:…`, a doi.org link, `10.…/…`) or cannot be
anything else (thirteen digits starting 978 or 979) is checked; a report number is left
alone. Check digits are python-stdnum's, a maintained library of number formats.
"""

from __future__ import annotations

import re

from factcheck.values import normalise

_ISBN = re.compile(r"^isbn(?:-1[03])?:?\s*(?P<number>.+)$", re.I)
_BARE_ISBN = re.compile(r"^97[89][\d\s-]{10,14}$")
_ISSN = re.compile(r"^e?-?issn:?\s*(?P<number>.+)$", re.I)
_DOI_LINK = r"https?://(?:dx\.)?doi\.org/"
_DOI_WRITTEN = re.compile(rf"^(?:doi:\s*|{_DOI_LINK})(?P<doi>.*)$", re.I)
# 10.<registrant, itself dotted digits>/<suffix>: the DOI Handbook's syntax.
_DOI = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")


def is_doi_link(url: str) -> bool:
    """Whether a link is a DOI's doi.org link."""
    return re.match(_DOI_LINK, url.strip(), re.I) is not None


def _read(text: str) -> tuple[str, str] | None:
    """The kind of identifier a text says it is (`isbn`, `issn`, `doi`), with its number
    as written, or None for any other text (a report number)."""
    if m := _ISBN.match(text):
        return "isbn", m["number"]
    if _BARE_ISBN.match(text):
        return "isbn", text
    if m := _ISSN.match(text):
        return "issn", m["number"]
    if m := _DOI_WRITTEN.match(text):
        return "doi", m["doi"].strip()
    return ("doi", text) if text.startswith("10.") else None


def problem(identifier: str) -> str | None:
    """What is wrong with an identifier, or None when nothing is (or it is not one of the
    kinds checked)."""
    text = identifier.strip()
    read = _read(text)
    if read is None or _valid(*read):
        return None
    if read[0] == "doi":
        return f"'{text}' is not of a DOI's form (10.<registrant>/<suffix>)"
    return f"'{text}' is not a valid {read[0].upper()} (wrong length or check digit)"


def canonical(identifier: str) -> str:
    """An identifier as it names a work, for finding one work in two records: a valid ISBN
    as its thirteen digits, a valid ISSN as its eight characters, a DOI in lower case
    without `doi:` or its link (DOIs ignore case), anything else folded (`normalise`)."""
    text = identifier.strip()
    read = _read(text)
    if read is None or not _valid(*read):
        return normalise(text)
    kind, number = read
    if kind == "isbn":
        from stdnum import isbn

        return "isbn:" + isbn.to_isbn13(isbn.compact(number))
    if kind == "issn":
        from stdnum import issn

        return "issn:" + issn.compact(number)
    return "doi:" + number.lower()


def doi(text: str) -> str | None:
    """The DOI a text gives (`10.…`, `doi:10.…`, a doi.org link), in lower case, or None."""
    read = _read(text.strip())
    if read is None or read[0] != "doi" or not _valid(*read):
        return None
    return read[1].lower()


def _valid(kind: str, number: str) -> bool:
    if kind == "isbn":
        from stdnum import isbn

        return bool(isbn.is_valid(number))
    if kind == "issn":
        from stdnum import issn

        return bool(issn.is_valid(number))
    return _DOI.match(number) is not None
