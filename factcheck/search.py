"""Searching claims by keyword, as COI researchers search ecoi.net.

Query language: words are joined by AND; `OR` between two parts; `NOT word` or `-word`
leaves claims out; "quoted phrases" match words in that order; a trailing `*` matches any
ending (`mobili*`). Parentheses group. Forgiving matching (see `terms`): spelling variants,
transliterations, mixed alphabets, case and diacritics; a word found nowhere in the index is
replaced by the indexed words one or two letters away (typos). `exact=True` turns all of
that off: words then match only as written, apart from case and accents.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.index import COLUMNS, open_index
from factcheck.terms import fold, prefix_terms, term, transliterated, words

FIELDS = tuple(COLUMNS)
#: A query matching more claims than this ranks only this many, the shortest.
RANK_AMONG = 5000
_BY_DATE = "c.t_lo IS NULL, c.t_lo DESC"


# --------------------------------------------------------------------------- the query


@dataclass(frozen=True)
class Word:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Word | Phrase | Not | And | Or

_TOKEN = re.compile(
    r'\s*(?:(?P<open>\()|(?P<close>\))|"(?P<phrase>[^"]*)"|(?P<quote>")'
    r"|(?P<word>[^\s()\"]+))"
)


def parse_query(text: str) -> Node:
    """The query as a tree; a `UsageError` that says what is wrong when it is malformed."""
    text = text.replace("“", '"').replace("”", '"').replace("„", '"')
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        kind = m.lastgroup or ""
        if kind == "quote":
            raise UsageError('query has an opening " without a closing one')
        tokens.append((kind, m.group(kind) or ""))
    if not tokens:
        raise UsageError("empty query; give a word to look for")
    parser = _Parser(tokens)
    node = parser.query()
    if parser.pos < len(tokens):
        raise UsageError(f"query: unexpected '{tokens[parser.pos][1] or ')'}'")
    _needs_something_to_find(node)
    return node


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def query(self) -> Node:
        parts = [self.conjunction()]
        while (tok := self.peek()) and tok == ("word", "OR"):
            self.pos += 1
            if self.peek() is None or self.peek() == ("close", ")"):
                raise UsageError("query: OR needs a word on both sides")
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def conjunction(self) -> Node:
        parts: list[Node] = []
        while (tok := self.peek()) and tok != ("close", ")") and tok != ("word", "OR"):
            if tok == ("word", "AND"):
                self.pos += 1
                after = self.peek()
                if not parts or after is None or after in (("close", ")"), ("word", "OR")):
                    raise UsageError("query: AND needs a word on both sides")
                continue
            parts.append(self.unary())
        if not parts:
            tok = self.peek()
            if tok == ("close", ")"):
                raise UsageError("query: a ')' has no '('")
            raise UsageError("query: OR needs a word on both sides")
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node:
        kind, value = self.tokens[self.pos]
        if (kind, value) == ("word", "NOT"):
            self.pos += 1
            if self.peek() is None or self.peek() in (("close", ")"), ("word", "OR")):
                raise UsageError("query: NOT needs a word after it")
            return Not(self.unary())
        if kind == "word" and value.startswith("-") and len(value) > 1:
            self.pos += 1
            return Not(_word(value[1:]))
        return self.atom()

    def atom(self) -> Node:
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "open":
            if self.peek() == ("close", ")"):
                raise UsageError("query: empty parentheses")
            node = self.query()
            if self.peek() != ("close", ")"):
                raise UsageError("query: a '(' is not closed")
            self.pos += 1
            return node
        if kind == "close":
            raise UsageError("query: a ')' has no '('")
        if kind == "phrase":
            found = tuple(m.group() for m in words(value))
            if not found:
                raise UsageError('query: an empty "phrase"')
            return Phrase(found) if len(found) > 1 else Word(found[0])
        return _word(value)


def _word(value: str) -> Word:
    prefix = value.endswith("*")
    stem = value.rstrip("*")
    if "*" in stem:
        raise UsageError(f"query: '{value}': a * may only end a word")
    found = [m.group() for m in words(stem)]
    if not found:
        raise UsageError(f"query: '{value}' has no letters or digits to look for")
    if prefix and len(fold(found[-1])) < 2:
        raise UsageError(f"query: '{value}': give at least two letters before the *")
    if len(found) > 1:  # `Citizen.Army.Law` or `e-mail`: the parts as a phrase
        if prefix:
            raise UsageError(f"query: '{value}': a * may only end a single word")
        return Word(" ".join(found))
    return Word(found[0], prefix)


def _needs_something_to_find(node: Node) -> None:
    if isinstance(node, Not):
        raise UsageError(
            "query: NOT needs something to look for beside it ('mobilisation NOT partial')"
        )
    if isinstance(node, And) and all(isinstance(n, Not) for n in node.nodes):
        raise UsageError("query: NOT needs something to look for beside it")
    if isinstance(node, And | Or):
        for child in node.nodes:
            if not isinstance(child, Not):
                _needs_something_to_find(child)


# --------------------------------------------------------------------------- matching


@dataclass
class _Terms:
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
            found = {raw} if self.exact else prefix_terms(word.text)
            rows = self.conn.execute(
                "SELECT DISTINCT term FROM words WHERE word >= ? AND word < ?",
                (raw, raw + "\uffff"),
            )
            found |= {r[0] for r in rows}
            # A prefix already covered by a shorter one would count the same words twice.
            kept = {p for p in found if not any(p != q and p.startswith(q) for q in found)}
            self.prefixes |= kept
            return [f'"{x}"*' for x in sorted(kept)]
        if self.exact or self.known(t):  # exact: typos are not corrected
            self.hits.add(t)
            return [f'"{t}"']
        near = self._near(t)
        self.fuzzy[word.text] = near
        self.hits |= {t, *near}
        return [f'"{x}"' for x in [t, *near]]

    def _near(self, t: str) -> list[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = 1 if len(t) <= 5 else 2
        rows = self.conn.execute(
            "SELECT DISTINCT term FROM words WHERE length(term) BETWEEN ? AND ?",
            (len(t) - limit, len(t) + limit),
        )
        candidates = [r[0] for r in rows]
        found = process.extract(
            t, candidates, scorer=Levenshtein.distance, score_cutoff=limit, limit=8
        )
        # Only the closest: one letter off when there is such a word, else two.
        best = min((distance for _, distance, _ in found), default=0)
        return sorted(name for name, distance, _ in found if distance == best)


def _phrase(terms: Iterable[str]) -> str:
    return '"' + " ".join(terms) + '"'


def _fts(node: Node, terms: _Terms) -> str:
    if isinstance(node, Word):
        options = terms.expand(node)
        return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"
    if isinstance(node, Phrase):
        found = [term(w) for w in node.words]
        terms.hits |= set(found)
        return _phrase(found)
    if isinstance(node, Or):
        return "(" + " OR ".join(_fts(n, terms) for n in node.nodes) + ")"
    if isinstance(node, And):
        wanted = [_fts(n, terms) for n in node.nodes if not isinstance(n, Not)]
        # Exact search leaves NOT to the literal check: the index's forgiving terms would
        # also leave out claims that only share a spelling variant with the unwanted word.
        unwanted = (
            [] if terms.exact else [_fts(n.node, terms) for n in node.nodes if isinstance(n, Not)]
        )
        out = "(" + " AND ".join(wanted) + ")"
        for part in unwanted:
            out += f" NOT {part}"
        return out
    raise UsageError("query: NOT needs something to look for beside it")


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Hit:
    """One claim found, with its score and where the words were found."""

    id: str
    score: float
    document: str
    document_title: str | None
    footnotes: str
    subject: str
    property: str
    claimant: str | None
    stance: str
    value: str
    text: str
    location: str | None
    snippet: tuple[tuple[str, bool], ...]
    matched_in: tuple[str, ...]


@dataclass
class Results:
    """The hits, and what a user needs when there are none."""

    query: str
    hits: list[Hit]
    total: int
    typos: dict[str, list[str]]
    suggestions: list[str]
    ranked_among: int | None = None


@dataclass(frozen=True)
class Filters:
    subject: str | None = None
    property: str | None = None
    claimant: str | None = None
    publisher: str | None = None
    document: str | None = None
    stance: str | None = None
    since: float | None = None
    until: float | None = None


def search(
    query: str,
    paths: Sequence[Path | str] | None = None,
    *,
    fields: Sequence[str] = (),
    filters: Filters = Filters(),
    exact: bool = False,
    sort: str = "relevance",
    limit: int = 20,
    on_build: Callable[[int], None] | None = None,
    use_cache: bool = True,
) -> Results:
    """Claims matching a query, best first (or newest first with `sort="date"`)."""
    node = parse_query(query)
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise UsageError(f"--in: no field '{unknown[0]}'; choose from {', '.join(FIELDS)}")
    if sort not in ("relevance", "date"):
        raise UsageError(f"--sort must be relevance or date, not '{sort}'")
    conn = open_index(paths, on_build=on_build, use_cache=use_cache)
    try:
        terms = _Terms(exact, conn)
        match = _fts(node, terms)
        if fields:
            match = "{" + " ".join(fields) + "} : (" + match + ")"
        where, params = _where(filters)
        rank = "bm25(fts, " + ", ".join(str(w) for w in COLUMNS.values()) + ")"
        ranked_among = None
        if exact:
            rows = _rows(
                conn,
                f"SELECT c.*, {rank} AS rank FROM fts JOIN claims c ON "
                f"c.rowid = fts.rowid WHERE fts MATCH ? {where} ORDER BY "
                f"{'rank' if sort == 'relevance' else _BY_DATE + ', rank'}, c.id",
                (match, *params),
            )
            # The index found every candidate under its forgiving terms; keep those whose
            # words match as written.
            rows = [r for r in rows if _literal(node, _field_words(r, fields or FIELDS))]
            total = len(rows)
            rows = rows[:limit]
        else:
            total = conn.execute(
                f"SELECT count(*) FROM fts JOIN claims c ON c.rowid = fts.rowid "
                f"WHERE fts MATCH ? {where}"
                if where
                else "SELECT count(*) FROM fts WHERE fts MATCH ?",
                (match, *params),
            ).fetchone()[0]
            if sort == "date":
                rows = _newest(conn, match, rank, where, params, limit)
            else:
                bound = ""
                if not where and total > RANK_AMONG:
                    # Rowids run from the shortest claim up, and bm25 favours short claims:
                    # with very many matches, rank the shortest ones.
                    last = conn.execute(
                        "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1 OFFSET ?",
                        (match, RANK_AMONG - 1),
                    ).fetchone()[0]
                    bound = f" AND fts.rowid <= {int(last)}"
                    ranked_among = RANK_AMONG
                rows = _rows(
                    conn,
                    f"SELECT c.*, {rank} AS rank FROM fts JOIN claims c ON "
                    f"c.rowid = fts.rowid WHERE fts MATCH ?{bound} {where} "
                    f"ORDER BY rank, c.id LIMIT ?",
                    (match, *params, limit),
                )
        hits = [_hit(row, terms) for row in rows]
        suggestions = [] if hits else _suggest(node, conn)
        return Results(query, hits, total, terms.fuzzy, suggestions, ranked_among)
    except sqlite3.OperationalError as exc:
        raise UsageError(f"query could not be run: {exc}") from None
    finally:
        conn.close()


_FIELD_COLUMNS = {
    "text": "text",
    "claimant": "claimant",
    "subject": "subject_text",
    "property": "property_text",
    "sources": "sources",
}


def _field_words(row: dict[str, object], fields: Sequence[str]) -> list[list[str]]:
    return [[fold(m.group()) for m in words(str(row[_FIELD_COLUMNS[f]] or ""))] for f in fields]


def _literal(node: Node, fields: list[list[str]]) -> bool:
    """Whether the query holds for these fields' words as written (case aside)."""
    if isinstance(node, Word):
        parts = [fold(p) for p in node.text.split()]
        if node.prefix:
            return any(w.startswith(parts[0]) for f in fields for w in f)
        return _sequence(parts, fields)
    if isinstance(node, Phrase):
        return _sequence([fold(w) for w in node.words], fields)
    if isinstance(node, Not):
        return not _literal(node.node, fields)
    if isinstance(node, And):
        return all(_literal(n, fields) for n in node.nodes)
    return any(_literal(n, fields) for n in node.nodes)


def _sequence(parts: list[str], fields: list[list[str]]) -> bool:
    n = len(parts)
    return any(f[i : i + n] == parts for f in fields for i in range(len(f) - n + 1))


def _newest(
    conn: sqlite3.Connection,
    match: str,
    rank: str,
    where: str,
    params: Sequence[object],
    limit: int,
) -> list[dict[str, object]]:
    """The newest matching claims; claims of the same time by relevance."""
    in_match = f"c.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?) {where}"
    first = _rows(
        conn,
        f"SELECT c.rowid, c.t_lo FROM claims c WHERE {in_match} ORDER BY {_BY_DATE} LIMIT ?",
        (match, *params, limit),
    )
    if not first:
        return []
    # Every claim as new as the last one kept, so that ties are ranked, not cut by id.
    oldest = first[-1]["t_lo"]
    keep = "" if oldest is None else " AND c.t_lo >= ?"
    rows = _rows(
        conn,
        f"SELECT c.*, {rank} AS rank FROM fts JOIN claims c ON "
        f"c.rowid = fts.rowid WHERE fts MATCH ? {where}"
        f"{keep if oldest is not None else ''}",
        (match, *params, *([oldest] if oldest is not None else [])),
    )
    rows.sort(
        key=lambda r: (
            r["t_lo"] is None,
            -float(str(r["t_lo"] or 0)),
            float(str(r["rank"])),
            str(r["id"]),
        )
    )
    return rows[:limit]


def _rows(conn: sqlite3.Connection, sql: str, params: Sequence[object]) -> list[dict[str, object]]:
    cursor = conn.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _like(value: str) -> str:
    """A LIKE pattern finding `value` anywhere, its own % and _ taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(f: Filters) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for column, value in (
        ("c.subject", f.subject),
        ("c.property", f.property),
        ("c.document", f.document),
        ("c.stance", f.stance),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    for column, value in (("c.claimant_folded", f.claimant), ("c.publishers_folded", f.publisher)):
        if value is not None:
            # Folded in Python (any alphabet); SQLite's own lower() knows only A to Z.
            clauses.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append(_like(fold(value)))
    if f.since is not None:
        clauses.append("c.t_hi >= ?")
        params.append(f.since)
    if f.until is not None:
        clauses.append("c.t_lo <= ?")
        params.append(f.until)
    return "".join(f" AND {c}" for c in clauses), params


def _matches(word: str, terms: _Terms) -> bool:
    for t in (term(word), transliterated(word)):
        if t and (t in terms.hits or any(t.startswith(p) for p in terms.prefixes)):
            return True
    return False


def _hit(row: dict[str, object], terms: _Terms) -> Hit:
    text = str(row["text"])
    matched_in = tuple(
        name
        for name, value in (
            ("text", text),
            ("claimant", row["claimant"]),
            ("subject", row["subject_text"]),
            ("property", row["property_text"]),
            ("sources", row["sources"]),
        )
        if value and any(_matches(m.group(), terms) for m in words(str(value)))
    )
    return Hit(
        id=str(row["id"]),
        score=round(-float(str(row["rank"])), 3),
        document=str(row["document"]),
        document_title=_opt(row["document_title"]),
        footnotes=str(row["footnotes"]),
        subject=str(row["subject"]),
        property=str(row["property"]),
        claimant=_opt(row["claimant"]),
        stance=str(row["stance"]),
        value=str(row["value"]),
        text=text,
        location=_opt(row["location"]),
        snippet=snippet(text, terms),
        matched_in=matched_in,
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def snippet(text: str, terms: _Terms, width: int = 12) -> tuple[tuple[str, bool], ...]:
    """Keyword in context: about `width` words either side of the first match, with the
    matching words marked. The claim's opening when nothing in the text matched."""
    found = list(words(text))
    marks = [i for i, m in enumerate(found) if _matches(m.group(), terms)]
    centre = marks[0] if marks else 0
    first, last = max(0, centre - width), min(len(found), centre + width + 1)
    if not found:
        return ((text, False),)
    start = found[first].start() if first else 0
    end = found[last - 1].end() if last < len(found) else len(text)
    pieces: list[tuple[str, bool]] = []
    if first:
        pieces.append(("…", False))
    cursor = start
    marked = set(marks)
    for i in range(first, last):
        m = found[i]
        if m.start() > cursor:
            pieces.append((text[cursor : m.start()], False))
        pieces.append((m.group(), i in marked))
        cursor = m.end()
    pieces.append((text[cursor:end], False))
    if last < len(found):
        pieces.append(("…", False))
    return tuple(p for p in pieces if p[0])


def _suggest(node: Node, conn: sqlite3.Connection) -> list[str]:
    """Indexed words nearest to the query's words, for a search that found nothing."""
    from rapidfuzz import fuzz, process

    wanted: list[str] = []

    def walk(n: Node) -> None:
        if isinstance(n, Word):
            wanted.extend(n.text.split())
        elif isinstance(n, Phrase):
            wanted.extend(n.words)
        elif isinstance(n, And | Or):
            for child in n.nodes:
                walk(child)

    walk(node)
    vocabulary = [r[0] for r in conn.execute("SELECT DISTINCT word FROM words")]
    out: list[str] = []
    for word in wanted:
        for name, _, _ in process.extract(
            fold(word), vocabulary, scorer=fuzz.WRatio, score_cutoff=70, limit=3
        ):
            if name not in out:
                out.append(name)
    return out[:6]
