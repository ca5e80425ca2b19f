"""How words become search terms, the same way for the text and for a query.

A word is folded (Unicode compatibility forms, case, diacritics, curly quotes), a word that
mixes Cyrillic and Latin look-alike letters is written in its majority alphabet, and Latin
words are reduced to one spelling for variants that name the same thing: British and
American spelling (mobilisation, mobilization) and common transliterations of Russian names
(Aleksei, Alexei, Alexey; Shoigu, Shoygu). Cyrillic words also get a Latin transliteration,
so that `Apti` finds `Апти`. These rules are about English spelling and Russian
transliteration in general; none is about a particular document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")

# Letters that look the same in both alphabets.
_CYRILLIC_TO_LATIN = str.maketrans("авеіјкмнорстухѕ", "abeijkmhopctyxs")
_LATIN_TO_CYRILLIC = str.maketrans("abeijkmhopctyxs", "авеіјкмнорстухѕ")

# A plain transliteration of Russian (and Ukrainian) letters, for matching only.
_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "i",
    "є": "e",
    "ґ": "g",
}

# Spelling variants, each rewritten to one form (applied in order, to whole Latin words).
_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # British and American English.
        (r"isation", "ization"),
        (r"is(e|ed|es|ing)$", r"iz\1"),
        (r"yse(d|s)?$", r"yze\1"),
        (r"(?<=\w{3})our(s|ed|ing)?$", r"or\1"),
        (r"(?<=\w{2})tre(s)?$", r"ter\1"),
        (r"(?<=\w{2})ence$", "ense"),
        (r"(?<=\w{3})ogue(s)?$", r"og\1"),
        (r"(?<=\w{2}[aeiou])ll(ed|ing|er)$", r"l\1"),
        # Transliterations of Russian names.
        (r"x", "ks"),
        (r"(?<=[aeiou])j$", "y"),
        (r"yy$", "y"),
        (r"(?<=[^aeiou])yi$", "y"),
        (r"^ye(?=[bcdfgklmnpstvz]\w{2})", "e"),
        (r"iya$", "ia"),
        (r"(?<=[^aeiouy])ya", "ia"),
        (r"(?<=[aeiou])y(?=[aeiou])", "i"),
        (r"(?<=[aeiou])y$", "i"),
        (r"(ii|iy|ij)$", "i"),
        (r"(?<=[^aeiou])y$", "i"),
        (r"(?<=[aeou])y(?=[^aeiou])", "i"),
        (r"ph", "f"),
    )
)
_POSSESSIVE = re.compile(r"'s$")
_DOUBLE = re.compile(r"([bcdfgklmnprstvz])\1")


def fold(text: str) -> str:
    """Compatibility forms, case, diacritics and curly apostrophes folded away
    (`Mäulen` → `maulen`, `Navalny’s` → `navalny's`)."""
    if text.isascii():  # nothing to decompose, no curly apostrophe
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.casefold()).replace("’", "'").replace("ʼ", "'")
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _one_script(word: str) -> str:
    """A word mixing look-alike letters of two alphabets, written in its majority one."""
    cyrillic = len(_CYRILLIC.findall(word))
    latin = len(_LATIN.findall(word))
    if not cyrillic or not latin:
        return word
    table = _LATIN_TO_CYRILLIC if cyrillic >= latin else _CYRILLIC_TO_LATIN
    return word.translate(table)


def _canonical_latin(word: str) -> str:
    for pattern, replacement in _VARIANTS:
        word = pattern.sub(replacement, word)
    # Doubled consonants vary between spellings and are the commonest typo (Galleoti).
    return _DOUBLE.sub(r"\1", word)


@lru_cache(maxsize=1 << 17)
def term(word: str) -> str:
    """The search term of one word."""
    word = _POSSESSIVE.sub("", fold(word)).replace("'", "")
    word = _one_script(word)
    if _CYRILLIC.search(word):
        return word
    return _canonical_latin(word)


@lru_cache(maxsize=1 << 16)
def transliterated(word: str) -> str | None:
    """The Latin term a Cyrillic word is also found under (`Апти` → `apti`)."""
    folded = _one_script(fold(word))
    if not _CYRILLIC.search(folded):
        return None
    # The adjective ending -ый is written -y in Latin (Навальный, Navalny).
    folded = re.sub("ы[йи]$", "ы", folded)
    return _canonical_latin("".join(_TRANSLIT.get(ch, ch) for ch in folded))


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text, with their positions in that very text (for snippets)."""
    return _WORD.finditer(text)


def prefix_terms(prefix: str) -> set[str]:
    """The terms a word beginning with `prefix` may have: the spelling rules act on
    endings, so plausible endings are added, made terms, and cut back (`mobilis` gives
    `mobiliz`, the start of `mobilization`)."""
    found = {fold(prefix), term(prefix)}
    for ending in ("e", "ation", "ing", "ed", "s", "our", "re", "ence", "ey", "y"):
        whole = term(prefix + ending)
        found.add(whole[: max(2, len(whole) - len(ending))])
    return {p for p in found if len(p) >= 2}


@lru_cache(maxsize=1 << 17)
def _indexed(word: str) -> tuple[str, ...]:
    """The terms the index keeps of one word: its term, then its transliteration if any."""
    latin = transliterated(word)
    return (term(word), latin) if latin else (term(word),)


def index_terms(text: str, seen: set[str] | None = None) -> str:
    """A text as the space-separated terms the index stores (transliterations added).

    `seen`, when given, also receives the text's words, for the index's table of words
    (`word_rows`)."""
    found = _WORD.findall(text)
    if seen is not None:
        seen.update(found)
    out: list[str] = []
    for word in found:
        out.extend(_indexed(word))
    return " ".join(out)


def word_rows(word: str) -> list[tuple[str, str]]:
    """A word's rows in the index's table of words: (folded word, term), and
    (transliteration, transliteration) for a Cyrillic word."""
    rows = [(fold(word), term(word))]
    if latin := transliterated(word):
        rows.append((latin, latin))
    return rows
