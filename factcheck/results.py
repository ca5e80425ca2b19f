"""Results of whole-corpus analyses kept in the store, so a repeated command loads no claim.

Finding conflicts or checking citations needs every claim of the corpus, and loading a
million claims takes minutes even from parsed files kept in the store. Yet the results
depend on nothing but the claim files' content and factcheck's version (and, for citation
findings, the day they are judged on), so they are kept, as plain data, one entry per kind
of result and set of claim paths, whatever the output format: every claim of every side is
named, with the records of as many claims a side as the query that wrote the entry shows
(all, for JSON and CSV); how many a format shows is chosen when reading, and a query that
shows more than an entry keeps is a miss that rewrites it. Places are kept as absolute
paths; they are made relative for the reader only when shown. Filters and limits are
applied when reading, so one entry serves every query. Deleting the store changes nothing
but speed; an entry that is odd in any way is a miss (see `factcheck.store`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from factcheck import shapes
from factcheck import store as kept
from factcheck.collector import paused_gc
from factcheck.fingerprints import scan

if TYPE_CHECKING:
    from factcheck.checks import Finding
    from factcheck.conflict_report import Report
    from factcheck.corpus import Corpus
    from factcheck.records import ConflictView
    from factcheck.reliability import Ratings

_RANK = {"low": 1, "medium": 2, "high": 3}
_CONFLICT_TABLES = {"info": "table", "conflicts": "table", "claims": "table"}
_FINDING_TABLES = {"info": "table", "findings": "table"}


@dataclass(frozen=True)
class Query:
    """What a conflicts command asks for: filters, claims per side, conflicts shown."""

    subject: str | None = None
    property: str | None = None
    min_severity: str = "low"
    per_side: int | None = None
    limit: int | None = None


def _info(conn: sqlite3.Connection) -> dict[str, Any]:
    return {str(k): orjson.loads(v) for k, v in conn.execute("SELECT name, value FROM info")}


def _put_info(conn: sqlite3.Connection, info: dict[str, Any]) -> None:
    conn.execute("CREATE TABLE info (name TEXT PRIMARY KEY, value BLOB)")
    conn.executemany(
        "INSERT INTO info VALUES (?, ?)", [(k, orjson.dumps(v)) for k, v in info.items()]
    )


def _strings(value: Any) -> list[str]:
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise ValueError("not a list of text")
    return value


# --------------------------------------------------------------------------- conflicts


def _read(conn: sqlite3.Connection, query: Query) -> ConflictView | None:
    """The view a query asks for, from a kept entry (None if the entry keeps too few claims
    a side); `ValueError` when anything in it is odd."""
    from factcheck.options import SEVERITIES
    from factcheck.records import ConflictView

    info = _info(conn)
    _check(query, _strings(info["subjects"]), _strings(info["properties"]))
    kept_per_side = info["per_side"]
    if kept_per_side is not None and not (isinstance(kept_per_side, int) and kept_per_side >= 0):
        raise ValueError("a kept count of claims a side is not a count")
    if kept_per_side is not None and (query.per_side is None or query.per_side > kept_per_side):
        return None  # the entry keeps fewer claim records a side than the query shows
    where = "severity >= ?"
    args: list[Any] = [_RANK[query.min_severity]]
    for column in ("subject", "property"):
        if (value := getattr(query, column)) is not None:
            where += f" AND {column} = ?"
            args.append(value)
    counts = dict(
        conn.execute(
            f"SELECT severity, count(*) FROM conflicts WHERE {where} GROUP BY severity", args
        )
    )
    limit = -1 if query.limit is None else query.limit
    rows = conn.execute(
        f"SELECT data FROM conflicts WHERE {where} ORDER BY pos LIMIT ?", [*args, limit]
    ).fetchall()
    shown = []
    per_side = -1 if query.per_side is None else query.per_side
    for (data,) in rows:
        conflict = orjson.loads(data)
        if not shapes.conforms(conflict, shapes.CONFLICT):
            raise ValueError("a kept conflict is not of the expected shape")
        sides = []
        for side in conflict["sides"]:
            members = side["claims"] if per_side < 0 else side["claims"][:per_side]
            found = _claims_numbered(conn, members)
            claims = [orjson.loads(found[n]) for n in members]
            if not all(shapes.conforms(c, shapes.CLAIM) for c in claims):
                raise ValueError("a kept claim is not of the expected shape")
            entry: dict[str, Any] = {"summary": side["summary"], "claims": claims}
            if query.per_side is not None:
                entry["more"] = len(side["claims"]) - len(claims)
            sides.append(entry)
        conflict["sides"] = sides
        conflict["claims"] = [c for side in sides for c in side["claims"]]
        shown.append(conflict)
    compared = sum(
        int(n)
        for subject, prop, n in info["compared"]
        if query.subject in (None, subject) and query.property in (None, prop)
    )
    notes = _strings(info["notes"])
    severities = {s: int(counts.get(_RANK[s], 0)) for s in SEVERITIES}
    return ConflictView(shown, sum(severities.values()), severities, compared, None, notes)


@paused_gc()
def _write(
    name: str,
    key: str,
    corpus: Corpus,
    report: Report,
    found_notes: list[str],
    per_side: int | None,
) -> None:
    """Keep every conflict of the corpus (`report`, unfiltered) with every claim of every
    side, the records of the first `per_side` claims of each side (None: of all), and the
    loader's notes other than `found_notes` (those of finding the files, said afresh each
    run). Writing a record costs more than finding the conflicts it is in, and a large
    corpus has tens of thousands of claims on sides, of which a table shows a dozen a side."""
    from factcheck.records import ClaimMaker

    compared: dict[tuple[str, str], int] = {}
    for claim in corpus.claims.values():
        topic = (claim.subject, claim.property)
        compared[topic] = compared.get(topic, 0) + 1

    def build(conn: sqlite3.Connection) -> None:
        _put_info(
            conn,
            {
                "subjects": sorted(corpus.subjects),
                "properties": sorted(corpus.properties),
                "notes": [n for n in corpus.notes if n not in found_notes],
                "compared": [[s, p, n] for (s, p), n in sorted(compared.items())],
                "per_side": per_side,
            },
        )
        conn.execute(
            "CREATE TABLE conflicts (pos INTEGER PRIMARY KEY, subject TEXT, property TEXT, "
            "severity INTEGER, data BLOB)"
        )
        # A claim on several sides (of several conflicts) is kept once; sides hold numbers.
        conn.execute("CREATE TABLE claims (n INTEGER PRIMARY KEY, data BLOB)")
        numbers: dict[str, int] = {}
        make = ClaimMaker(corpus)
        recorded: set[str] = set()
        for pos, c in enumerate(report.conflicts):
            for cid in c.claim_ids:
                numbers.setdefault(cid, len(numbers))
            shown = (s.claims if per_side is None else s.claims[:per_side] for s in c.sides)
            new = [cid for side in shown for cid in side if cid not in recorded]
            recorded.update(new)
            conn.executemany(
                "INSERT INTO claims VALUES (?, ?)",
                ((numbers[cid], orjson.dumps(make(corpus.claims[cid]))) for cid in new),
            )
            head = {
                "subject": c.subject,
                "subject_name": corpus.subjects[c.subject].name,
                "property": c.property,
                "property_name": corpus.properties[c.property].name,
                "scope": dict(c.scope),
                "kind": c.kind,
                "severity": str(c.severity),
                "distance": c.distance,
                "reason": c.reason,
                "sides": [
                    {"summary": s.summary, "claims": [numbers[cid] for cid in s.claims]}
                    for s in c.sides
                ],
            }
            conn.execute(
                "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?)",
                (pos, c.subject, c.property, int(c.severity), orjson.dumps(head)),
            )

    kept.current().write_db(name, key, build)


def conflict_view(
    paths: Sequence[Path | str] | None,
    query: Query,
    *,
    explain: bool = False,
    use_cache: bool = True,
    drafts: bool = True,
    assess: bool = False,
    ratings: Ratings | None = None,
) -> ConflictView:
    """The conflicts of the claim files at `paths` (default: `$FACTCHECK_CLAIMS` or the
    bundled data set) as `query` asks, from the store when the files are unchanged.

    A filter naming no declared subject or property is refused (`UsageError`). `explain`
    always loads the claims, since what is consistent is not kept, and so does leaving out
    unreviewed drafts (`drafts=False`), since what is kept holds every claim. `assess` says
    which side of each conflict the evidence favours (`factcheck.assessment`), weighing
    publishers by `ratings`; it loads the claims too, since assessments are not kept.
    """
    found = scan(paths, use_cache and not explain and drafts and not assess)
    name = kept.entry_name("conflicts", found.targets)
    if found.key is not None and (view := _kept_view(name, found.key, query)) is not None:
        view.notes[:0] = found.notes
        return view

    from factcheck.conflict_report import Severity
    from factcheck.conflicts import find_conflicts
    from factcheck.loading import load_corpus
    from factcheck.records import conflict_view as view_of

    corpus = load_corpus(found.targets, use_cache=use_cache, digests=found.digests, drafts=drafts)
    _check(query, list(corpus.subjects), list(corpus.properties))
    everything = None
    if found.key is not None and found.built_from(corpus):
        everything = find_conflicts(corpus)
        _write(name, found.key, corpus, everything, found.notes, query.per_side)
    unfiltered = query.subject is None and query.property is None and query.min_severity == "low"
    report = (
        everything
        if everything is not None and unfiltered and not explain
        else find_conflicts(
            corpus,
            subject=query.subject,
            property=query.property,
            min_severity=Severity[query.min_severity],
            explain=explain,
        )
    )
    from factcheck.records import ClaimMaker

    make = ClaimMaker(corpus, ratings)
    return view_of(corpus, report, query.per_side, query.limit, explain, make=make, assess=assess)


#: Claim numbers asked for in one query (SQLite's limit on parameters is 32,766 at most).
CLAIMS_PER_QUERY = 5000


def _claims_numbered(conn: sqlite3.Connection, numbers: list[int]) -> dict[int, bytes]:
    """The kept claim records with these numbers, asked for in batches (SQLite takes a few
    thousand parameters a query; a side may hold tens of thousands of claims)."""
    found: dict[int, bytes] = {}
    for start in range(0, len(numbers), CLAIMS_PER_QUERY):
        batch = numbers[start : start + CLAIMS_PER_QUERY]
        found.update(
            conn.execute(
                f"SELECT n, data FROM claims WHERE n IN ({', '.join('?' * len(batch))})", batch
            )
        )
    return found


def _kept_view(name: str, key: str, query: Query) -> ConflictView | None:
    with kept.current().read_db(name, _CONFLICT_TABLES, key) as conn:
        if conn is None:
            return None
        try:
            return _read(conn, query)
        except (sqlite3.Error, ValueError, KeyError, TypeError, IndexError):
            return None


def _check(query: Query, subjects: list[str], properties: list[str]) -> None:
    from factcheck.query import refuse_unknown

    refuse_unknown("--subject", query.subject, subjects)
    refuse_unknown("--property", query.property, properties)


# --------------------------------------------------------------------------- citation findings


@paused_gc()
def findings(
    paths: Sequence[Path | str] | None,
    *,
    today: date,
    codes: Iterable[str] = (),
    min_level: str = "note",
    use_cache: bool = True,
    retracted: Path | None = None,
    reliability: Path | None = None,
    drafts: bool = True,
) -> tuple[list[Finding], list[str]]:
    """The citation findings of the claim files at `paths` with the given codes (all when
    none) at or above a level, judged as of `today` (and against a list of retracted works
    and one of rated publishers, when given), and the loader's notes; from the store when
    the files, the lists and `today` are unchanged. Unknown codes are a `UsageError`.
    `drafts=False` leaves out unreviewed drafts (and reads nothing kept, as it holds all)."""
    from factcheck.checks import Level, explain, select
    from factcheck.citations import run_checks
    from factcheck.lists import digest
    from factcheck.reliability import read_ratings
    from factcheck.retractions import read_retractions

    wanted = sorted({explain(c).code for c in codes})
    level = Level(min_level)
    found = scan(paths, use_cache and drafts)
    name = kept.entry_name("findings", found.targets)
    lists = " ".join(digest(p) if p else "-" for p in (retracted, reliability))
    key = f"{found.key} {today.isoformat()} {lists}"
    if found.key is not None:
        read = _kept_findings(name, key, wanted, level.rank)
        if read is not None:
            return read[0], [*found.notes, *read[1]]

    from factcheck.loading import load_corpus

    retractions = read_retractions(retracted) if retracted else None
    ratings = read_ratings(reliability) if reliability else None
    corpus = load_corpus(
        found.targets, strict=False, use_cache=use_cache, digests=found.digests, drafts=drafts
    )
    result = run_checks(corpus, today=today, retractions=retractions, ratings=ratings)
    if found.key is not None and found.built_from(corpus):
        notes = [n for n in corpus.notes if n not in found.notes]

        def build(conn: sqlite3.Connection) -> None:
            _put_info(conn, {"notes": notes})
            conn.execute(
                "CREATE TABLE findings (pos INTEGER PRIMARY KEY, code TEXT, level TEXT, "
                "rank INTEGER, file TEXT, line INTEGER, record TEXT, message TEXT)"
            )
            conn.executemany(
                "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (_finding_row(pos, f) for pos, f in enumerate(result)),
            )

        kept.current().write_db(name, key, build)
    return select(result, codes=wanted, min_level=level), corpus.notes


def _finding_row(pos: int, f: Finding) -> tuple[Any, ...]:
    """A finding as kept: its place as an absolute path, made relative only when shown."""
    file = os.path.abspath(f.file) if f.file else None
    return (pos, f.code, f.level.value, f.level.rank, file, f.line, f.record, f.message)


def _odd_findings(conn: sqlite3.Connection, codes: list[str]) -> int:
    """How many kept findings are not of the expected shape: a known code, a level with
    its rank, a text or no file, a number or no line, a text record and message. Checked in
    one query: a repeated check may read over a million findings."""
    from factcheck.checks import Level

    ranks = " ".join(f"WHEN '{lvl.value}' THEN {lvl.rank}" for lvl in Level)
    return int(
        conn.execute(
            "SELECT count(*) FROM findings WHERE NOT ("
            f"typeof(code) = 'text' AND code IN ({', '.join('?' * len(codes))}) "
            f"AND typeof(level) = 'text' AND rank IS (CASE level {ranks} END) "
            "AND typeof(file) IN ('text', 'null') AND typeof(line) IN ('integer', 'null') "
            "AND typeof(record) = 'text' AND typeof(message) = 'text')",
            codes,
        ).fetchone()[0]
    )


def _kept_findings(
    name: str, key: str, wanted: list[str], rank: int
) -> tuple[list[Finding], list[str]] | None:
    from factcheck.checks import BY_CODE, Finding, Level

    with kept.current().read_db(name, _FINDING_TABLES, key) as conn:
        if conn is None:
            return None
        try:
            where = "rank >= ?" + (f" AND code IN ({', '.join('?' * len(wanted))})" * bool(wanted))
            rows = conn.execute(
                "SELECT code, level, file, line, record, message FROM findings "
                f"WHERE {where} ORDER BY pos",
                [rank, *wanted],
            ).fetchall()
            if _odd_findings(conn, list(BY_CODE)):
                return None
            notes = _strings(_info(conn)["notes"])
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            return None
    levels = {lvl.value: lvl for lvl in Level}
    return [
        Finding(code, levels[lvl], file, line, record, message)
        for code, lvl, file, line, record, message in rows
    ], notes
