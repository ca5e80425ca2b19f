"""How words become search terms, the same way for the text and for a query.

A word is folded (Unicode compatibility forms, case, diacritics, curly quotes), a word that
mixes Cyrillic and Latin look-alike letters is written in its majority alphabet, and a word
in any other alphabet (Cyrillic, Greek, Georgian, Armenian, Arabic, CJK …) is transliterated
into Latin letters by `anyascii`, so that `Путин` and `Putin` are one term. Latin spellings
that name the same thing are reduced to one: British and American spelling (mobilisation,
mobilization) and common transliterations of Russian names (Aleksei, Alexei, Alexey; Shoigu,
Shoygu). Last, Snowball's English stemmer reduces a word to its family (emigrants, emigration
→ emigr; deny, denied → deni). These rules are about English spelling and transliteration in
general; none is about a particular document.

Two forms of a word are kept: its *spelling* (all of the above but the stemmer, which
prefix queries match against: `mobilis*` finds `mobilization`) and its *term* (the spelling,
stemmed), which the index stores and the query looks up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

import anyascii
import snowballstemmer  # type: ignore[import-untyped]
from snowballstemmer import stemmer

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")

# Letters that look the same in both alphabets.
_CYRILLIC_TO_LATIN = str.maketrans("авеіјкмнорстухѕ", "abeijkmhopctyxs")
_LATIN_TO_CYRILLIC = str.maketrans("abeijkmhopctyxs", "авеіјкмнорстухѕ")

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
_STEMMER = stemmer("english")


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


def _latin(word: str) -> str:
    """A folded word in Latin letters and digits only (`путин` → `putin`)."""
    if not word.isascii():
        word = anyascii.anyascii(_one_script(word)).lower()
    # anyascii writes the soft sign as an apostrophe (Навальный → naval'nyy).
    return _NOT_ALNUM.sub("", word) or word


def _variants(word: str) -> str:
    for pattern, replacement in _VARIANTS:
        word = pattern.sub(replacement, word)
    return word


def _undouble(word: str) -> str:
    # Doubled consonants vary between spellings and are the commonest typo (Galleoti).
    return _DOUBLE.sub(r"\1", word)


@lru_cache(maxsize=1 << 17)
def spelling(word: str) -> str:
    """A word's one spelling: folded, in Latin letters, spelling variants reduced, not
    stemmed (`Mobilisation` → `mobilization`, `Шойгу` → `shoigu`)."""
    return _undouble(_variants(_latin(_POSSESSIVE.sub("", fold(word)).replace("'", ""))))


@lru_cache(maxsize=1 << 17)
def term(word: str) -> str:
    """The search term of one word: its spelling's stem (`emigrants` → `emigr`)."""
    plain = _variants(_latin(_POSSESSIVE.sub("", fold(word)).replace("'", "")))
    # Stemmed before doubled consonants are reduced: the stemmer knows `kill`, not `kil`.
    return _undouble(_STEMMER.stemWord(plain))


@cache
def library_stamp() -> str:
    """The versions of the libraries that make terms (`anyascii 0.3.3 snowballstemmer-3.1.1`):
    an index whose terms another version made would miss words, so it is not used. The
    stemmer's version is read from the name of its installed metadata, which costs a
    directory listing where importlib.metadata costs a tenth of a second."""
    site = Path(snowballstemmer.__file__).parent.parent
    found = sorted(p.name.split(".dist-info")[0] for p in site.glob("snowballstemmer-*.dist-info"))
    return " ".join([f"anyascii {anyascii.__version__}", *(found or ["snowballstemmer"])])


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text, with their positions in that very text (for snippets)."""
    return _WORD.finditer(text)


def prefix_spellings(prefix: str) -> set[str]:
    """The spellings a word beginning with `prefix` may have: the spelling rules act on
    endings, so plausible endings are added, spelt, and cut back (`mobilis` gives
    `mobiliz`, the start of `mobilization`)."""
    found = {fold(prefix), spelling(prefix)}
    if not fold(prefix).isascii():  # the endings are English ones
        return {p for p in found if len(p) >= 2}
    for ending in ("e", "ation", "ing", "ed", "s", "our", "re", "ence", "ey", "y"):
        whole = spelling(prefix + ending)
        found.add(whole[: max(2, len(whole) - len(ending))])
    return {p for p in found if len(p) >= 2}


def index_terms(text: str, seen: set[str] | None = None) -> str:
    """A text as the space-separated terms the index stores.

    `seen`, when given, also receives the text's words, for the index's table of words
    (`word_row`)."""
    found = _WORD.findall(text)
    if seen is not None:
        seen.update(found)
    return " ".join(map(term, found))


def word_row(word: str) -> tuple[str, str, str]:
    """A word's row in the index's table of words: (folded word, spelling, term)."""
    return fold(word), spelling(word), term(word)
