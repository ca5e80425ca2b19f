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
_DOI_WRITTEN = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)(?P<doi>.*)$", re.I)
# 10.<registrant, itself dotted digits>/<suffix>: the DOI Handbook's syntax.
_DOI = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")


def problem(identifier: str) -> str | None:
    """What is wrong with an identifier, or None when nothing is (or it is not one of the
    kinds checked)."""
    text = identifier.strip()
    if m := _ISBN.match(text):
        return _isbn(m["number"], text)
    if _BARE_ISBN.match(text):
        return _isbn(text, text)
    if m := _ISSN.match(text):
        from stdnum import issn

        valid = issn.is_valid(m["number"])
        return None if valid else f"'{text}' is not a valid ISSN (wrong length or check digit)"
    doi = _doi_of(text)
    if doi is None or _DOI.match(doi):
        return None
    return f"'{text}' is not of a DOI's form (10.<registrant>/<suffix>)"


def canonical(identifier: str) -> str:
    """An identifier as it names a work, for finding one work in two records: a valid ISBN
    as its thirteen digits, a valid ISSN as its eight characters, a DOI in lower case
    without `doi:` or its link (DOIs ignore case), anything else folded (`normalise`)."""
    text = identifier.strip()
    if (m := _ISBN.match(text)) or _BARE_ISBN.match(text):
        from stdnum import isbn

        number = m["number"] if m else text
        if isbn.is_valid(number):
            return "isbn:" + isbn.to_isbn13(isbn.compact(number))
    elif m := _ISSN.match(text):
        from stdnum import issn

        if issn.is_valid(m["number"]):
            return "issn:" + issn.compact(m["number"])
    elif (doi := _doi_of(text)) is not None and _DOI.match(doi):
        return "doi:" + doi.lower()
    return normalise(text)


def _doi_of(text: str) -> str | None:
    """The DOI a text gives (`doi:…`, a doi.org link, `10.…`), or None."""
    if m := _DOI_WRITTEN.match(text):
        return str(m["doi"]).strip()
    return text if text.startswith("10.") else None


def _isbn(number: str, written: str) -> str | None:
    from stdnum import isbn

    valid = isbn.is_valid(number)
    return None if valid else f"'{written}' is not a valid ISBN (wrong length or check digit)"
