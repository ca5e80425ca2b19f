"""Checks of names: one publisher under several names, names that look misspelt, and words
that mix alphabets.

Nothing here knows any particular publisher or country: names are compared with each other
and with ISO 3166 country names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from factcheck.checks import Finding, found
from factcheck.corpus import Corpus
from factcheck.sources import Union, norm_name

_STOP = {"the", "of", "for", "and", "in", "on", "a", "an", "de", "du", "la", "le", "des"}


def _name_keys(name: str) -> set[str]:
    """Keys under which two spellings of one publisher meet: the name itself, and both
    parts of `Acronym (Long Form)`."""
    keys = {norm_name(name)}
    if m := re.fullmatch(r"\s*(.+?)\s*\((.+)\)\s*", name):
        keys |= {norm_name(m.group(1)), norm_name(m.group(2))}
    return {k for k in keys if k}


def _acronym(key: str) -> str | None:
    """`institute for the study of war` → `isw`; None for names of fewer than two words."""
    words = [w for w in key.split() if w not in _STOP]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def publisher_names(corpus: Corpus) -> Iterator[Finding]:
    uses: dict[str, list[tuple[str, str]]] = defaultdict(list)  # name -> (section, id)
    for sid, source in sorted(corpus.sources.items()):
        if source.publisher:
            uses[source.publisher.strip()].append(("sources", sid))
    for did, doc in sorted(corpus.documents.items()):
        if doc.publisher:
            uses[doc.publisher.strip()].append(("documents", did))
    union = Union()
    for name in uses:
        for key in _name_keys(name):
            union.join(f"name:{name}", f"key:{key}")
    # A long form meets a name written as its acronym ('ISW'), never another long form
    # with the same initials ('Ministry of Defence', 'Ministry of Development').
    written_short = {key for name in uses for key in _name_keys(name) if " " not in key}
    for name in uses:
        for key in _name_keys(name):
            short = _acronym(key)
            if short is not None and short in written_short:
                union.join(f"name:{name}", f"key:{short}")
    plain = sorted({norm_name(n) for n in uses})
    by_plain: dict[str, list[str]] = defaultdict(list)
    for name in uses:
        by_plain[norm_name(name)].append(name)
    for i, name in enumerate(plain):
        near = process.extract(name, plain, scorer=fuzz.ratio, score_cutoff=90, limit=None)
        for other, _, j in near:
            if j > i:
                for a in by_plain[name]:
                    for b in by_plain[other]:
                        union.join(f"name:{a}", f"name:{b}")
    groups: dict[str, list[str]] = defaultdict(list)
    for name in uses:
        groups[union.find(f"name:{name}")].append(name)
    for names in groups.values():
        if len({norm_name(n) for n in names}) < 2:
            continue
        common = max(sorted(names), key=lambda n: len(uses[n]))
        for name in sorted(names):
            if name == common:
                continue
            section, rid = uses[name][0]
            others = ", ".join(f"'{n}'" for n in sorted(names) if n != name)
            yield found(
                "FC202",
                corpus.where(section, rid),
                rid,
                f"publisher '{name}' is also written {others}",
            )


# Words that make up many country names but name no country on their own.
_GENERIC = {
    "republic",
    "islands",
    "island",
    "central",
    "south",
    "north",
    "east",
    "west",
    "united",
    "kingdom",
    "states",
    "federation",
    "federal",
    "democratic",
    "people",
    "peoples",
    "saint",
    "sint",
    "state",
    "plurinational",
    "bolivarian",
    "socialist",
    "arab",
    "popular",
    "great",
    "britain",
    "northern",
    "territory",
    "territories",
    "outlying",
    "minor",
    "holy",
    "see",
    "principality",
    "grand",
    "duchy",
    "sultanate",
    "commonwealth",
    "union",
    "emirates",
    "tome",
    "principe",
    "caicos",
    "turks",
}


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    """Distinctive words of ISO 3166 country names (`Denmark`, `Russian`, `Estonia`)."""
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names |= {
                    w for w in re.findall(r"[^\W\d_]{5,}", value) if w.casefold() not in _GENERIC
                }
    return tuple(sorted(names))


def _inflection(a: str, b: str) -> bool:
    """`Russia`/`Russian`, `Estonian`/`Estonia`: one word, one with a longer ending."""
    a, b = a.casefold(), b.casefold()
    return a.startswith(b) or b.startswith(a)


def misspelt_names(corpus: Corpus) -> Iterator[Finding]:
    """Publisher names with a word one or two letters from a country name. Authors are left
    out: personal names (Ivan, Timur, Marina) sit that close to country names by chance."""
    countries = _country_names()
    known = {c.casefold() for c in countries}
    fields: list[tuple[str, str, str]] = []
    for sid, source in sorted(corpus.sources.items()):
        if source.publisher:
            fields.append(("sources", sid, source.publisher))
    for did, doc in sorted(corpus.documents.items()):
        if doc.publisher:
            fields.append(("documents", did, doc.publisher))
    for section, rid, value in fields:
        for word in re.findall(r"[^\W\d_]{5,}", value):
            if not word[0].isupper() or word.isupper() or word.casefold() in known:
                continue
            limit = 1 if len(word) < 7 else 2
            best = process.extractOne(
                word, countries, scorer=Levenshtein.distance, score_cutoff=limit
            )
            if best is not None and best[1] > 0 and not _inflection(word, best[0]):
                yield found(
                    "FC203",
                    corpus.where(section, rid),
                    rid,
                    f"publisher '{value}': '{word}' looks like a misspelt '{best[0]}'",
                )


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def mixed_scripts(corpus: Corpus) -> Iterator[Finding]:
    def texts() -> Iterable[tuple[str, str, str, str]]:
        for cid, claim in sorted(corpus.claims.items()):
            yield "claims", cid, "text", claim.text
            if claim.claimant:
                yield "claims", cid, "claimant", claim.claimant
        for sid, source in sorted(corpus.sources.items()):
            for field_name in ("publisher", "author", "title"):
                value = getattr(source, field_name)
                if value:
                    yield "sources", sid, field_name, value

    for section, rid, field_name, value in texts():
        for word in re.findall(r"\w+", value):
            if _CYRILLIC.search(word) and _LATIN.search(word):
                odd = _minority(word)
                yield found(
                    "FC601",
                    corpus.where(section, rid),
                    rid,
                    f"{field_name}: '{word}' mixes alphabets ({odd})",
                )


def _minority(word: str) -> str:
    """`Aпти` → `Latin 'A' among Cyrillic letters`."""
    cyrillic = [ch for ch in word if _CYRILLIC.match(ch)]
    latin = [ch for ch in word if _LATIN.match(ch)]
    few, script, other = (
        (cyrillic, "Cyrillic", "Latin")
        if len(cyrillic) <= len(latin)
        else (latin, "Latin", "Cyrillic")
    )
    shown = ", ".join(f"'{ch}'" for ch in dict.fromkeys(few))
    return f"{script} {shown} among {other} letters"
