"""Small word tools shared by drafting: ids from words, one spelling for -ise/-ize."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

#: A month's name as citations write it, in full or abbreviated (`Sept.`, `Feb`).
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


# A draft asks for the same few slugs thousands of times (its topic once a claim).
@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: `Al Jazeera, 2025` → `al-jazeera-2025`."""
    return _NOT_SLUG.sub("-", anyascii(text).casefold()).strip("-")[:60].strip("-")


def one_spelling(word: str) -> str:
    """British and American spellings as one: `mobilization` → `mobilisation`."""
    w = word.casefold()
    return re.sub(r"iz(ation|ations|e|es|ed|ing)$", r"is\1", w)
