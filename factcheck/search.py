"""Searching claims by keyword, as COI researchers search ecoi.net.

The query (see `search_query`) is matched through the index (see `search_match`), forgiving
word forms, spelling variants, transliterations, mixed alphabets, case, diacritics and typos.
`exact=True` turns all of that off: words then match only as written, apart from case and
accents. Here: the search itself, its filters and results, the literal check of exact search,
the claims found through their topic, and the nearest words suggested when nothing is found.

A claim's score is its relevance (SQLite's bm25) relative to the best claim found: 1.00 for
the best, less for weaker matches. When the claims that hold the query's words leave room
within the limit, the other claims of their topics (subject and property) follow, and so do
the claims of a property whose name or definition holds the query's words: each is marked
`via="topic"` and scores below every match: half the lowest match's score, times the best
score among its own topic's matches (1.00 when only the property's definition matched; 0.50
when no claim matched at all).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.index import COLUMNS, open_index
from factcheck.search_hits import Hit, hit
from factcheck.search_match import Terms, fts
from factcheck.search_query import And, Node, Not, Or, Phrase, Word, parse_query
from factcheck.terms import fold, words

FIELDS = tuple(COLUMNS)
#: A query matching more claims than this ranks only this many, the shortest.
RANK_AMONG = 5000
#: The properties whose name and definition match a query best bring their claims; a word
#: that every definition holds ("number") names no topic in particular.
NAMED_PROPERTIES = 5
_BY_DATE = "c.t_lo IS NULL, c.t_lo DESC"


@dataclass(frozen=True)
class Results:
    """The hits, and what a user needs when there are none."""

    query: str
    hits: list[Hit]
    total: int
    typos: dict[str, list[str]]
    suggestions: list[str]
    ranked_among: int | None = None
    #: Claims sharing a topic with the matches, beyond them (see the module's docstring).
    related: int = 0

    @property
    def matches(self) -> list[Hit]:
        """The hits that hold the query's words (not those found through their topic)."""
        return [h for h in self.hits if h.via == "words"]


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


#: A limit no claim base reaches (SQLite's LIMIT takes a 64-bit integer).
_ALL = 2**62


def search(
    query: str,
    paths: Sequence[Path | str] | None = None,
    *,
    fields: Sequence[str] = (),
    filters: Filters = Filters(),
    exact: bool = False,
    sort: str = "relevance",
    limit: int | None = 20,
    on_build: Callable[[int], None] | None = None,
    use_cache: bool = True,
) -> Results:
    """Claims matching a query, best first (or newest first with `sort="date"`); at most
    `limit` of them (None: all)."""
    if limit is None:
        limit = _ALL
    node = parse_query(query)
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise UsageError(f"--in: no field '{unknown[0]}'; choose from {', '.join(FIELDS)}")
    if sort not in ("relevance", "date"):
        raise UsageError(f"--sort must be relevance or date, not '{sort}'")
    conn = open_index(paths, on_build=on_build, use_cache=use_cache)
    try:
        terms = Terms(exact, conn)
        match = plain = fts(node, terms)
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
        best = max((-float(str(r["rank"])) for r in rows), default=0.0)
        hits = [hit(row, terms, _relative(row, best)) for row in rows]
        related = 0
        if total < limit:
            named = plain if not fields or "property" in fields else None
            topics = _topics(conn, rows, best, named)
            found, related = _topic_rows(conn, topics, rows, where, params, limit - len(rows))
            hits += [hit(row, terms, score, via="topic") for row, score in found]
        suggestions = [] if hits else _suggest(node, conn)
        return Results(query, hits, total, terms.fuzzy, suggestions, ranked_among, related)
    except sqlite3.OperationalError as exc:
        raise UsageError(f"query could not be run: {exc}") from None
    finally:
        conn.close()


def _relative(row: dict[str, object], best: float) -> float:
    """A claim's bm25 relevance as a share of the best one found (bm25 is near 0 for a
    word most claims hold, so raw scores would all read 0.00)."""
    own = -float(str(row["rank"]))
    return round(own / best, 3) if best > 0 else 1.0


#: A topic: (subject, property); a subject of None stands for every subject.
Topic = tuple[str | None, str]


def _topics(
    conn: sqlite3.Connection,
    rows: list[dict[str, object]],
    best: float,
    match: str | None,
) -> dict[Topic, float]:
    """The topics the matches bring, each with the score its other claims get (see the
    module's docstring); every subject of a property whose name or definition matches the
    query best (`match`, None when the search is limited to other fields) is one topic."""
    scores = [_relative(row, best) for row in rows]
    below = min(scores, default=1.0) / 2
    topics: dict[Topic, float] = {}
    for row, score in zip(rows, scores, strict=True):
        key = (str(row["subject"]), str(row["property"]))
        topics[key] = max(topics.get(key, 0.0), round(below * score, 3))
    if match is not None:
        for (prop,) in conn.execute(
            "SELECT p.id FROM property_fts f JOIN properties p ON p.rowid = f.rowid "
            "WHERE property_fts MATCH ? ORDER BY f.rank, p.id LIMIT ?",
            (match, NAMED_PROPERTIES),
        ):
            topics.setdefault((None, str(prop)), round(below, 3))
    return topics


def _topic_rows(
    conn: sqlite3.Connection,
    topics: dict[Topic, float],
    matched: list[dict[str, object]],
    where: str,
    params: Sequence[object],
    room: int,
) -> tuple[list[tuple[dict[str, object], float]], int]:
    """Up to `room` claims of these topics that are not among the matches, best topic first
    and shortest claim first within one, and how many such claims there are in all."""
    if not topics or room <= 0:
        return [], 0
    seen = {int(str(r["rowid"])) for r in matched}
    outside = f" AND c.rowid NOT IN ({', '.join(map(str, sorted(seen)))})" if seen else ""
    found: dict[int, tuple[dict[str, object], float]] = {}
    conditions: list[str] = []
    condition_params: list[object] = []
    for (subject, prop), score in topics.items():
        condition = "c.property = ?" + ("" if subject is None else " AND c.subject = ?")
        values = [prop] if subject is None else [prop, subject]
        conditions.append(f"({condition})")
        condition_params += values
        for row in _rows(
            conn,
            f"SELECT c.*, 0 AS rank FROM claims c WHERE {condition}{outside} {where} "
            "ORDER BY c.rowid LIMIT ?",
            (*values, *params, room),
        ):
            rowid = int(str(row["rowid"]))
            if rowid not in found or found[rowid][1] < score:
                found[rowid] = (row, score)
    total = conn.execute(
        f"SELECT count(*) FROM claims c WHERE ({' OR '.join(conditions)}){outside} {where}",
        (*condition_params, *params),
    ).fetchone()[0]
    ranked = sorted(found.items(), key=lambda item: (-item[1][1], item[0]))
    return [entry for _, entry in ranked[:room]], int(total)


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
