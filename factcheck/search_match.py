"""A search query as the index's FTS5 match, and the index terms that count as hits.

Forgiving matching (see `terms`): word families, spelling variants, transliterations, mixed
alphabets, case and diacritics; a word found nowhere in the index is replaced by the indexed
words one or two edits away (typos; two letters swapped count as one edit). With `exact` no
typo is corrected and a prefix gets no spelling variants; `search` then keeps only the claims
whose words match as written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.errors import UsageError
from factcheck.search_query import And, Node, Not, Or, Phrase, Word
from factcheck.terms import fold, prefix_spellings, term


@dataclass
class Terms:
    """What each query word matches in the index, and every term that counts as a hit."""

    exact: bool
    conn: sqlite3.Connection
    hits: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    fuzzy: dict[str, list[str]] = field(default_factory=dict)

    def known(self, value: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM words WHERE term = ? LIMIT 1", (value,)).fetchone()
            is not None
        )

    def expand(self, word: Word) -> list[str]:
        """FTS5 alternatives for one query word (quoted terms, some with a trailing *)."""
        if " " in word.text:
            return [_phrase(term(w) for w in word.text.split())]
        t = term(word.text)
        if word.prefix:
            raw = fold(word.text)
            # Every indexed word that begins so, as written or in its one spelling: the
            # index holds stems, which a prefix cannot be matched against (`mobili` is not
            # the start of `mobil`).
            starts = {raw} if self.exact else prefix_spellings(word.text)
            found: set[str] = set()
            for start in sorted(starts):
                for column in ("word",) if self.exact else ("word", "spelling"):
                    rows = self.conn.execute(
                        f"SELECT DISTINCT term FROM words WHERE {column} >= ? AND {column} < ?",
                        (start, start + "\uffff"),
                    )
                    found |= {r[0] for r in rows}
            # A prefix already covered by a shorter one would count the same words twice.
            kept = {p for p in found if not any(p != q and p.startswith(q) for q in found)}
            self.prefixes |= kept
            return [f'"{x}"*' for x in sorted(kept)] or [f'"{term(word.text)}"']
        if self.exact or self.known(t):  # exact: typos are not corrected
            self.hits.add(t)
            return [f'"{t}"']
        near = self._near(t)
        self.fuzzy[word.text] = [self._shown(x, word.text) for x in near]
        self.hits |= {t, *near}
        return [f'"{x}"' for x in [t, *near]]

    def _shown(self, found: str, typed: str) -> str:
        """The word of the claims with this term nearest to the one typed, to tell the user
        what was searched (`mobilzation`: mobilization, not mobilise)."""
        from rapidfuzz.distance import OSA

        rows = self.conn.execute("SELECT word FROM words WHERE term = ?", (found,))
        spelt = [str(r[0]) for r in rows]
        typed = fold(typed)
        return min(spelt, key=lambda w: (OSA.distance(typed, w), w), default=found)

    def _near(self, t: str) -> list[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        limit = 1 if len(t) <= 5 else 2
        # A word is no typo of a number, nor of a code with digits in it: left out, they
        # are most of the candidates a short word has in a large index.
        letters = "" if any(ch.isdigit() for ch in t) else " AND term NOT GLOB '*[0-9]*'"
        rows = self.conn.execute(
            f"SELECT DISTINCT term FROM words WHERE length(term) BETWEEN ? AND ?{letters}",
            (len(t) - limit, len(t) + limit),
        )
        candidates = [r[0] for r in rows]
        found = process.extract(t, candidates, scorer=OSA.distance, score_cutoff=limit, limit=8)
        # Only the closest: one letter off when there is such a word, else two.
        best = min((distance for _, distance, _ in found), default=0)
        return sorted(name for name, distance, _ in found if distance == best)


def _phrase(terms: Iterable[str]) -> str:
    return '"' + " ".join(terms) + '"'


def fts(node: Node, terms: Terms) -> str:
    if isinstance(node, Word):
        options = terms.expand(node)
        return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"
    if isinstance(node, Phrase):
        found = [term(w) for w in node.words]
        terms.hits |= set(found)
        return _phrase(found)
    if isinstance(node, Or):
        return "(" + " OR ".join(fts(n, terms) for n in node.nodes) + ")"
    if isinstance(node, And):
        wanted = [fts(n, terms) for n in node.nodes if not isinstance(n, Not)]
        # Exact search leaves NOT to the literal check: the index's forgiving terms would
        # also leave out claims that only share a spelling variant with the unwanted word.
        unwanted = (
            [] if terms.exact else [fts(n.node, terms) for n in node.nodes if isinstance(n, Not)]
        )
        out = "(" + " AND ".join(wanted) + ")"
        for part in unwanted:
            out += f" NOT {part}"
        return out
    raise UsageError("query: NOT needs something to look for beside it")
