"""Identifiers of sources, checked: an ISBN's or ISSN's check digit, and a DOI's form.

A source's `identifier` is free text: a DOI, an ISBN, an ISSN or a report number. Only
what says what it is (`ISBN …`, `ISSN …`, `doi:…`, a doi.org link, `10.…/…`) or cannot be
anything else (thirteen digits starting 978 or 979) is checked; a report number is left
alone. Check digits are python-stdnum's, a maintained library of number formats.
"""

from __future__ import annotations

import re

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
    if m := _DOI_WRITTEN.match(text):
        doi = m["doi"].strip()
    elif text.startswith("10."):
        doi = text
    else:
        return None
    if _DOI.match(doi):
        return None
    return f"'{text}' is not of a DOI's form (10.<registrant>/<suffix>)"


def _isbn(number: str, written: str) -> str | None:
    from stdnum import isbn

    valid = isbn.is_valid(number)
    return None if valid else f"'{written}' is not a valid ISBN (wrong length or check digit)"
