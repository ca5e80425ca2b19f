"""The results cache of `conflicts`: a kept entry shows what loading the claims would show,
and nothing stale, damaged or unknown is served."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import factcheck.loading
import factcheck.store
from factcheck import results
from factcheck.errors import UsageError
from factcheck.files import cache_dir
from factcheck.loading import load_corpus
from factcheck.results import Query
from tests.results_helpers import (
    BASE_CONFLICTS,
    SUBJECTS,
    assert_cache_agrees,
    cached,
    claim,
    dump,
    entries,
    fields,
    fresh,
    no_loading,
    refuse,
    replace_text,
    run,
    subjects_of,
    write_corpus,
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "claims")


# --------------------------------------------------------------------------- 1. cached = fresh


def test_bundled_data_set_cached_equals_fresh() -> None:
    corpus = load_corpus(None, use_cache=False)
    everything = fresh(None)
    assert everything["total"] == len(everything["conflicts"]) > 3
    assert everything["severities"]["high"] and everything["severities"]["medium"]
    topics = sorted({(c["subject"], c["property"]) for c in everything["conflicts"]})
    quiet = sorted(set(corpus.subjects) - {s for s, _ in topics})[:2]
    subjects = sorted({s for s, _ in topics}) + quiet
    properties = sorted({p for _, p in topics}) + sorted(set(corpus.properties))[:2]
    assert_cache_agrees(None, subjects, properties)
    assert len(entries()) == 1  # one entry, whatever the format and claims per side


def test_small_corpus_cached_equals_fresh(corpus: Path) -> None:
    everything = fresh([corpus])
    assert everything["total"] == BASE_CONFLICTS
    assert all(everything["severities"].values())
    assert everything["compared"] == 24 * 2 + 30 + 9
    subjects = ["s00", "s01", "s02", "s03", "s04", "s05", "s24", "quiet"]
    assert_cache_agrees([corpus], subjects, ["size", "day", "state", "unused"])


def test_per_side_caps_a_side_the_same_way(corpus: Path) -> None:
    for _ in range(2):  # a miss, then a hit
        capped = results.conflict_view([corpus], Query(subject="s24", per_side=12))
        full = results.conflict_view([corpus], Query(subject="s24"))
        assert [len(s["claims"]) for s in capped.conflicts[0]["sides"]] == [12, 12]
        assert [s["more"] for s in capped.conflicts[0]["sides"]] == [3, 3]
        assert [len(s["claims"]) for s in full.conflicts[0]["sides"]] == [15, 15]
        assert "more" not in full.conflicts[0]["sides"][0]


def test_limit_zero_in_the_library_shows_none_either_way(corpus: Path) -> None:
    want = fresh([corpus], Query(limit=0))
    assert want["conflicts"] == [] and want["total"] == BASE_CONFLICTS
    assert cached([corpus], Query(limit=0)) == want
    assert cached([corpus], Query(limit=0)) == want


def test_per_side_zero_does_not_leak_into_per_side_none(corpus: Path) -> None:
    results.conflict_view([corpus], Query(per_side=0))
    assert cached([corpus]) == fresh([corpus])


def test_a_hit_loads_no_claim(corpus: Path) -> None:
    want = cached([corpus])
    with no_loading():
        assert cached([corpus]) == want


@pytest.mark.parametrize("name", ["with#hash", "with?mark", "with%20percent"])
def test_a_cache_folder_with_uri_characters_is_still_hit(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / name))
    want = cached([corpus])
    monkeypatch.setattr(factcheck.loading, "load_corpus", refuse)
    assert cached([corpus]) == want


# --------------------------------------------------------------------------- 2. staleness


def test_an_edited_file_is_seen(corpus: Path) -> None:
    assert "s06" in subjects_of(cached([corpus]))
    report = corpus / "report.json"
    data = json.loads(report.read_text(encoding="utf-8"))
    (claim,) = (c for c in data["claims"] if c["id"] == "s06b")
    claim["value"] = "100"
    dump(report, data)
    after = cached([corpus])
    assert "s06" not in subjects_of(after)
    assert after["total"] == BASE_CONFLICTS - 1
    assert after == fresh([corpus])
    assert cached([corpus]) == after  # and the new entry is kept


def test_a_same_size_edit_with_the_old_mtime_is_seen(corpus: Path) -> None:
    assert "quiet" not in subjects_of(cached([corpus]))
    report = corpus / "report.json"
    st = report.stat()
    replace_text(report, '"value": "101"', '"value": "901"')
    os.utime(report, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert report.stat().st_size == st.st_size
    assert report.stat().st_mtime_ns == st.st_mtime_ns
    after = cached([corpus])
    assert "quiet" in subjects_of(after)
    assert after == fresh([corpus])


def test_an_added_file_is_seen(corpus: Path) -> None:
    assert "quiet" not in subjects_of(cached([corpus]))
    dump(corpus / "extra.json", {"claims": [claim("loud", "quiet", "size", "5000")]})
    after = cached([corpus])
    assert "quiet" in subjects_of(after)
    assert after["compared"] == fresh([corpus])["compared"] == 24 * 2 + 30 + 9 + 1
    assert after == fresh([corpus])


def test_a_deleted_file_is_seen(corpus: Path) -> None:
    assert "s24" in subjects_of(cached([corpus]))
    (corpus / "big.json").unlink()
    after = cached([corpus])
    assert "s24" not in subjects_of(after)
    assert after["total"] == BASE_CONFLICTS - 1
    assert after == fresh([corpus])


def test_a_new_subject_is_accepted_after_the_vocabulary_grows(corpus: Path) -> None:
    cached([corpus])
    with pytest.raises(UsageError):
        results.conflict_view([corpus], Query(subject="brand-new"))
    vocabulary = corpus / "vocabulary.json"
    data = json.loads(vocabulary.read_text(encoding="utf-8"))
    data["subjects"].append({"id": "brand-new", "name": "New"})
    dump(vocabulary, data)
    view = results.conflict_view([corpus], Query(subject="brand-new"))
    assert (view.total, view.compared) == (0, 0)


def test_a_skipped_file_added_later_is_noted(corpus: Path) -> None:
    cached([corpus])
    (corpus / "README.txt").write_text("not claims", encoding="utf-8")
    want = fresh([corpus])
    assert any("README.txt" in note for note in want["notes"])
    assert cached([corpus]) == want


# --------------------------------------------------------------------------- 3. corrupt entries


def _truncate_half(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def _rebuild(db: Path, *statements: str) -> None:
    db.unlink()
    with sqlite3.connect(db) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def _no_meta(db: Path) -> None:
    _rebuild(db, "CREATE TABLE other (x)", "INSERT INTO other VALUES (1)")


def _old_columns(db: Path) -> None:
    meta = _meta(db)
    _rebuild(
        db,
        "CREATE TABLE meta (key TEXT, value TEXT)",
        f"INSERT INTO meta VALUES ('layout', '{meta['layout']}')",
        f"INSERT INTO meta VALUES ('key', '{meta['fingerprint']}')",
        "CREATE TABLE conflicts (pos INTEGER, data BLOB)",
    )


def _bad_json(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE conflicts SET data = x'00ff'")
    conn.close()


def _meta(db: Path) -> dict[str, Any]:
    """The store's meta data of an entry (its layout and fingerprint) and the entry's own."""
    with sqlite3.connect(db) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        info = {k: json.loads(v) for k, v in conn.execute("SELECT name, value FROM info")}
    conn.close()
    return {"layout": meta["layout"], "fingerprint": meta["key"], **info}


CORRUPTIONS = {
    "empty": lambda db: db.write_bytes(b""),
    "garbage": lambda db: db.write_bytes(b"not a database at all\n" * 50),
    "header-only": lambda db: db.write_bytes(db.read_bytes()[:100]),
    "half": _truncate_half,
    "no-meta-table": _no_meta,
    "old-columns": _old_columns,
    "bad-json": _bad_json,
}


@pytest.mark.parametrize("damage", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_entry_is_ignored_and_rewritten(corpus: Path, damage: Any) -> None:
    want = fresh([corpus], Query(per_side=12))
    assert cached([corpus], Query(per_side=12)) == want
    (db,) = entries()
    damage(db)
    damaged = db.read_bytes()
    assert cached([corpus], Query(per_side=12)) == want
    assert cached([corpus], Query(subject="s24", per_side=12)) == fresh(
        [corpus], Query(subject="s24", per_side=12)
    )
    assert db.read_bytes() != damaged
    with no_loading():  # the rewritten entry serves the next run
        assert cached([corpus], Query(per_side=12)) == want


def _drop_meta(key: str) -> Any:
    def damage(db: Path) -> None:
        with sqlite3.connect(db) as conn:
            conn.execute("DELETE FROM info WHERE name = ?", (key,))
        conn.close()

    return damage


def _pairs_compared(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE info SET value = ? WHERE name = 'compared'", (b'[["s00", 2]]',))
    conn.close()


MATCHING_BUT_BROKEN = {
    "no-compared": _drop_meta("compared"),
    "no-notes": _drop_meta("notes"),
    "compared-pairs": _pairs_compared,
}


@pytest.mark.parametrize("damage", MATCHING_BUT_BROKEN.values(), ids=MATCHING_BUT_BROKEN.keys())
def test_an_entry_with_the_right_fingerprint_but_broken_meta_is_ignored(
    corpus: Path, damage: Any
) -> None:
    want = cached([corpus])
    (db,) = entries()
    damage(db)
    assert cached([corpus]) == want


def test_a_broken_subjects_row_is_ignored(corpus: Path) -> None:
    want = cached([corpus], Query(subject="s05"))
    (db,) = entries()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE info SET value = '5' WHERE name = 'subjects'")
    conn.close()
    assert cached([corpus], Query(subject="s05")) == want
    assert _meta(db)["subjects"] == sorted(SUBJECTS)


def test_another_version_rewrites_the_entry(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached([corpus])
    (db,) = entries()
    before = _meta(db)["fingerprint"]
    monkeypatch.setattr(factcheck.store, "code_stamp", lambda: "99.0.0+other")
    monkeypatch.setattr("factcheck.fingerprints.code_stamp", lambda: "99.0.0+other")
    assert cached([corpus]) == fresh([corpus])
    assert _meta(db)["fingerprint"] != before


# --------------------------------------------------------------------------- 4. unknown filters


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (Query(subject="s0O"), r"--subject: no such id 's0O'; did you mean 's0\d'\?"),
        (Query(property="sise"), r"--property: no such id 'sise'; did you mean 'size'\?"),
    ],
)
def test_an_unknown_filter_is_refused_on_a_miss_and_on_a_hit(
    corpus: Path, query: Query, message: str
) -> None:
    with pytest.raises(UsageError, match=message):  # a miss: nothing kept yet
        results.conflict_view([corpus], query)
    assert entries() == []
    cached([corpus])
    assert len(entries()) == 1
    with no_loading(), pytest.raises(UsageError, match=message):  # a hit
        results.conflict_view([corpus], query)
    with pytest.raises(UsageError, match=message):
        results.conflict_view([corpus], query, use_cache=False)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--subject", "s0O", r"error: --subject: no such id 's0O'; did you mean 's0\d'\?"),
        ("--property", "sise", r"error: --property: no such id 'sise'; did you mean 'size'\?"),
    ],
)
def test_the_command_refuses_an_unknown_filter_on_a_miss_and_on_a_hit(
    corpus: Path, option: str, value: str, message: str
) -> None:
    for _ in range(2):  # no entry yet, then (after a good run) a kept one
        code, out, err = run("conflicts", "-c", str(corpus), option, value)
        assert code == 2
        assert out == ""
        assert re.search(message, err), err
        assert run("conflicts", "-c", str(corpus))[0] == 0
        assert len(entries()) == 1


def test_a_miss_finds_the_conflicts_once(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The conflicts kept and the conflicts shown come from one search when the query
    filters nothing; a filtered query searches its topics again."""
    import factcheck.conflicts

    calls: list[dict[str, Any]] = []
    real = factcheck.conflicts.find_conflicts

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(factcheck.conflicts, "find_conflicts", counted)
    view = results.conflict_view([corpus], Query(per_side=12, limit=20))
    assert len(calls) == 1 and len(entries()) == 1
    assert fields(view) == fresh([corpus], Query(per_side=12, limit=20))
    for entry in entries():
        entry.unlink()
    calls.clear()
    results.conflict_view([corpus], Query(subject="s24"))
    assert [c.get("subject") for c in calls] == [None, "s24"]


def test_repeated_citation_findings_load_no_claim(corpus: Path) -> None:
    """Kept findings are served as they were found, filtered when read."""
    from datetime import date

    today = date(2026, 1, 1)
    first, _ = results.findings([corpus], today=today)
    assert first and len(list(cache_dir().glob("findings-*.sqlite"))) == 1
    with no_loading():
        again, _ = results.findings([corpus], today=today)
        warnings, _ = results.findings([corpus], today=today, min_level="warning")
    assert again == first
    assert warnings == [f for f in first if f.level.rank >= 2]


@pytest.mark.parametrize(
    "forgery",
    [
        "UPDATE findings SET level = 'fatal'",
        "UPDATE findings SET line = 'x'",
        "UPDATE findings SET code = 'FC999'",
        "UPDATE findings SET message = NULL",
    ],
)
def test_a_forged_finding_is_a_miss(corpus: Path, forgery: str) -> None:
    from datetime import date

    today = date(2026, 1, 1)
    first, _ = results.findings([corpus], today=today)
    (db,) = cache_dir().glob("findings-*.sqlite")
    with sqlite3.connect(db) as conn:
        conn.execute(forgery)
    again, _ = results.findings([corpus], today=today)
    assert again == first


def test_a_claim_on_several_sides_is_kept_once(corpus: Path) -> None:
    cached([corpus])
    (db,) = entries()
    with sqlite3.connect(db) as conn:
        kept = [n for (n,) in conn.execute("SELECT n FROM claims")]
        on_sides = [
            n
            for (data,) in conn.execute("SELECT data FROM conflicts")
            for side in json.loads(data)["sides"]
            for n in side["claims"]
        ]
    assert sorted(kept) == sorted(set(on_sides))
    assert len(on_sides) >= len(kept) > 0


def test_a_side_larger_than_a_query_may_ask_for_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims of a side are asked for in batches (here of 5,000): a side of 12,000 claims is
    served whole and in order."""
    assert results.CLAIMS_PER_QUERY <= 5000
    claims = [claim(f"c{i}", "s00", "size", "100") for i in range(12_000)]
    claims.append(claim("odd", "s00", "size", "900"))
    folder = write_corpus(tmp_path / "claims")
    dump(folder / "huge.json", {"claims": claims})
    want = fresh([folder], Query(subject="s00"))
    assert max(len(s["claims"]) for c in want["conflicts"] for s in c["sides"]) >= 12_000
    assert cached([folder], Query(subject="s00")) == want
    with no_loading():
        assert cached([folder], Query(subject="s00")) == want


def test_an_entry_keeps_the_records_its_writer_showed(corpus: Path) -> None:
    """A table's run keeps the records of the claims it shows a side; a query that shows
    more is a miss that rewrites the entry, and after that both are hits."""
    table = Query(subject="s24", per_side=12)
    want = fresh([corpus], table)
    assert cached([corpus], table) == want
    (db,) = entries()
    with sqlite3.connect(db) as conn:
        kept = {n for (n,) in conn.execute("SELECT n FROM claims")}
        sides = [
            s["claims"]
            for (d,) in conn.execute("SELECT data FROM conflicts")
            for s in json.loads(d)["sides"]
        ]
    assert kept == {n for side in sides for n in side[:12]}
    assert any(len(side) > 12 for side in sides)
    with no_loading():
        assert cached([corpus], table) == want
        with pytest.raises(AssertionError, match="loaded"):
            cached([corpus], Query(subject="s24"))
        with pytest.raises(AssertionError, match="loaded"):
            cached([corpus], Query(subject="s24", per_side=13))
    everything = cached([corpus], Query(subject="s24"))
    assert [len(s["claims"]) for s in everything["conflicts"][0]["sides"]] == [15, 15]
    with no_loading():
        assert cached([corpus], Query(subject="s24")) == everything
        assert cached([corpus], table) == want
    assert len(entries()) == 1


@pytest.mark.parametrize("odd", [-1, "12", 1.5, [12]])
def test_an_odd_count_of_kept_claims_a_side_is_a_miss(corpus: Path, odd: Any) -> None:
    cached([corpus], Query(per_side=12))
    (db,) = entries()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE info SET value = ? WHERE name = 'per_side'", [json.dumps(odd)])
    assert cached([corpus], Query(per_side=12)) == fresh([corpus], Query(per_side=12))
