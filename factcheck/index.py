"""The search index: SQLite FTS5, kept in the store, built once, never trusted stale.

One index per set of claim files, kept under the fingerprint of their content (see
`factcheck.store`): any edit, an added or removed file, or another version of factcheck or of
the libraries that make its terms means it is built again. An index that is odd in any way is
not used. Opening a current index reads no claim file and imports no YAML or model code, which
keeps a repeated search fast. When the store cannot be used (or with `--no-cache`), the index
is built in memory for the one search. Deleting the store changes nothing but speed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import progress, store
from factcheck.collector import paused_gc
from factcheck.files import kept_place
from factcheck.fingerprints import scan
from factcheck.terms import fold, index_terms, library_stamp, word_row

if TYPE_CHECKING:
    from factcheck.corpus import Corpus

#: Index columns, in order, with the weight a match in each carries when ranking.
COLUMNS = {"text": 1.0, "claimant": 2.0, "subject": 1.0, "property": 1.0, "sources": 0.5}


#: Claims written to the index at a time.
_BATCH = 10_000

#: The tables of a kept index, besides the store's own.
TABLES = {
    "claims": "table",
    "fts": "fts5",
    "words": "table",
    "properties": "table",
    "property_fts": "fts5",
}


def open_index(
    paths: Sequence[Path | str] | None = None,
    *,
    use_cache: bool = True,
    on_build: Callable[[int], None] | None = None,
) -> sqlite3.Connection:
    """A connection to a current index of these claim files: the kept one (read-only), or
    one built in memory now, and kept for the next search.

    `on_build` is told the number of files when a build starts (for a progress message).
    Bad claim files raise the loader's `FactcheckError`, and no index is kept.
    """
    found = scan(paths, use_cache)
    kept = store.current()
    name = store.entry_name("search", found.targets)
    key = None if found.key is None else f"{found.key} {library_stamp()}"
    if key is not None and (conn := kept.open_db(name, TABLES, key)) is not None:
        return conn
    if on_build:
        on_build(len(found.files))
    from factcheck.loading import load_corpus

    corpus = load_corpus(found.targets, use_cache=use_cache, digests=found.digests)
    if key is not None and found.built_from(corpus):
        # Built in the store's own file and searched through the connection that built it:
        # one copy of the index, never read back.
        built = kept.build_db(name, key, lambda conn: _write(conn, corpus))
        if built is not None:
            return built
    conn = sqlite3.connect(":memory:")
    _write(conn, corpus)
    conn.commit()
    return conn


def _claim_time(corpus: Corpus, claim_id: str) -> tuple[float | None, float | None]:
    from factcheck.values import INF

    chosen = corpus.time_of(claim_id)
    if chosen is None:
        return None, None
    lo = None if chosen.low == -INF else chosen.low
    hi = None if chosen.high == INF else chosen.high
    return lo, hi


@paused_gc()
def _write(conn: sqlite3.Connection, corpus: Corpus) -> None:
    conn.executescript(f"""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE claims(
            rowid INTEGER PRIMARY KEY, id TEXT, document TEXT, document_title TEXT,
            footnotes TEXT, subject TEXT, property TEXT, claimant TEXT, stance TEXT,
            publishers TEXT, t_lo REAL, t_hi REAL, text TEXT, value TEXT, location TEXT,
            sources TEXT, subject_text TEXT, property_text TEXT, claimant_folded TEXT,
            publishers_folded TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(
            {", ".join(COLUMNS)}, content='', prefix='2 3', tokenize='unicode61');
        CREATE TABLE words(word TEXT PRIMARY KEY, spelling TEXT, term TEXT) WITHOUT ROWID;
        CREATE TABLE properties(rowid INTEGER PRIMARY KEY, id TEXT);
        CREATE VIRTUAL TABLE property_fts USING fts5(
            property, content='', prefix='2 3', tokenize='unicode61');
    """)
    seen_words: set[str] = set()
    rows: list[tuple[object, ...]] = []
    fts_rows: list[tuple[object, ...]] = []

    def flush() -> None:  # rows go in a batch at a time: a million at once held a gigabyte
        conn.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 20)})", rows)
        conn.executemany(
            f"INSERT INTO fts(rowid, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)", fts_rows
        )
        rows.clear()
        fts_rows.clear()

    # Shortest claims first: bm25 favours short claims, so rowid order is relevance order
    # for a one-word query, and a query with very many matches ranks the first ones.
    by_length = sorted(
        corpus.claims.values(), key=lambda c: (len(c.text) + len(c.claimant or ""), c.id)
    )
    for rowid, claim in enumerate(by_length, 1):
        if rowid % 1000 == 0:
            progress.tell("building the search index", rowid, len(by_length))
        doc = corpus.documents.get(claim.document)
        subject = corpus.subjects.get(claim.subject)
        prop = corpus.properties.get(claim.property)
        sources = corpus.sources_of(claim)
        source_text = " ".join(f"{s.title or ''} {s.publisher or ''}" for s in sources)
        publishers = "\n".join(s.publisher for s in sources if s.publisher)
        fields = {
            "text": claim.text,
            "claimant": claim.claimant or "",
            "subject": f"{claim.subject} {subject.name if subject else ''}",
            "property": f"{claim.property} {prop.name if prop else ''}",
            "sources": source_text,
        }
        t_lo, t_hi = _claim_time(corpus, claim.id)
        loc = corpus.where("claims", claim.id)
        rows.append(
            (
                rowid,
                claim.id,
                claim.document,
                doc.title if doc else None,
                ", ".join(claim.footnotes),
                claim.subject,
                claim.property,
                claim.claimant,
                claim.stance.value,
                publishers,
                t_lo,
                t_hi,
                claim.text,
                claim.value,
                kept_place(loc.file, loc.line) if loc else None,
                source_text,
                fields["subject"],
                fields["property"],
                fold(claim.claimant or ""),
                fold(publishers),
            )
        )
        fts_rows.append((rowid, *(index_terms(v, seen_words) for v in fields.values())))
        if len(rows) == _BATCH:
            flush()
    flush()
    # A property's name and definition, for the query that names what a topic measures.
    for rowid, prop in enumerate(sorted(corpus.properties.values(), key=lambda p: p.id), 1):
        conn.execute("INSERT INTO properties VALUES (?, ?)", (rowid, prop.id))
        described = f"{prop.id} {prop.name} {prop.definition}"
        conn.execute(
            "INSERT INTO property_fts(rowid, property) VALUES (?, ?)",
            (rowid, index_terms(described, seen_words)),
        )
    rows_of_words = {fold(word): word_row(word) for word in seen_words}
    conn.executemany("INSERT INTO words VALUES (?, ?, ?)", sorted(rows_of_words.values()))
    conn.execute("CREATE INDEX claims_by_time ON claims(t_lo)")
    # A topic's claims shortest first, read in index order: by subject and property, or by
    # property alone (a property named by the query, every subject).
    conn.execute("CREATE INDEX claims_by_topic ON claims(property, subject)")
    conn.execute("CREATE INDEX claims_by_property ON claims(property)")
    conn.execute("CREATE INDEX words_by_term ON words(term)")
    conn.execute("CREATE INDEX words_by_spelling ON words(spelling)")
