"""The results cache of `conflicts`: a kept entry shows what loading the claims would show."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import factcheck.loading
import factcheck.store
from factcheck import results
from factcheck.cli import app
from factcheck.errors import UsageError
from factcheck.files import cache_dir
from factcheck.loading import load_corpus
from factcheck.records import ConflictView
from factcheck.results import Query

runner = CliRunner()

# --------------------------------------------------------------------------- a small corpus

#: Topics s00..s23 hold two claims each: high (timed, ×10), medium (untimed, ×10) or low
#: (untimed, ×1.5) in turn; s24 (in big.json) holds 15 claims a side; `quiet` agrees.
SUBJECTS = [f"s{i:02d}" for i in range(25)] + ["quiet"]
BASE_CONFLICTS = 24 + 1 + 3  # the size topics, big.json, a date, a status and a denial


def _claim(cid: str, subject: str, prop: str, value: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "document": "rep",
        "text": f"Claim {cid} says {value}.",
        "subject": subject,
        "property": prop,
        "value": value,
        "claimant": f"Claimant {cid}",
        "footnotes": ["1"],
        **extra,
    }


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    _dump(
        folder / "vocabulary.json",
        {
            "subjects": [{"id": s, "name": f"Topic {s}"} for s in SUBJECTS],
            "properties": [
                {
                    "id": "size",
                    "name": "Size",
                    "definition": "How many",
                    "kind": "count",
                    "unit": "people",
                    "tolerance": 0.05,
                },
                {"id": "day", "name": "Day", "definition": "When", "kind": "date", "tolerance": 1},
                {
                    "id": "state",
                    "name": "State",
                    "definition": "Whether it goes on",
                    "kind": "status",
                    "statuses": {"ended": ["completed"], "in-force": ["ongoing"]},
                },
                {"id": "unused", "name": "Unused", "definition": "Never claimed", "kind": "count"},
            ],
        },
    )
    claims = []
    for i in range(24):
        s = f"s{i:02d}"
        timed = {"as_of": "1 May 2024"} if i % 3 == 0 else {}
        other = "150" if i % 3 == 2 else "1000"
        claims += [
            _claim(f"{s}a", s, "size", "100", **timed),
            _claim(f"{s}b", s, "size", other, **timed),
        ]
    claims += [
        _claim("day-a", "s00", "day", "1 May 2024"),
        _claim("day-b", "s00", "day", "20 June 2024"),
        _claim("state-a", "s01", "state", "ongoing", as_of="1 May 2024"),
        _claim("state-b", "s01", "state", "completed", as_of="1 May 2024"),
        _claim("denied", "s02", "size", "100", stance="denies"),
        _claim("scoped", "s03", "size", "5000", scope={"region": "North"}),
        _claim("old", "s04", "size", "99999", rank="deprecated", rank_reason="superseded"),
        _claim("quiet-a", "quiet", "size", "100"),
        _claim("quiet-b", "quiet", "size", "101"),
    ]
    header = {
        "documents": [{"id": "rep", "title": "A report", "publisher": "Agency", "date": "2025"}],
        "sources": [{"id": "src", "publisher": "Wire", "title": "News", "date": "1 May 2024"}],
        "footnotes": [{"document": "rep", "label": "1", "cites": [{"source": "src"}]}],
    }
    _dump(folder / "report.json", {**header, "claims": claims})
    big = [_claim(f"big-a{j}", "s24", "size", "100", as_of="1 May 2024") for j in range(15)]
    big += [_claim(f"big-b{j}", "s24", "size", "1000", as_of="1 May 2024") for j in range(15)]
    _dump(folder / "big.json", {"claims": big})
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "claims")


# --------------------------------------------------------------------------- helpers


def fields(view: ConflictView) -> dict[str, Any]:
    return {
        "conflicts": view.conflicts,
        "total": view.total,
        "severities": view.severities,
        "compared": view.compared,
        "notes": view.notes,
        "consistent": view.consistent,
    }


def fresh(paths: list[Path] | None, query: Query = Query()) -> dict[str, Any]:
    return fields(results.conflict_view(paths, query, use_cache=False))


def cached(paths: list[Path] | None, query: Query = Query()) -> dict[str, Any]:
    return fields(results.conflict_view(paths, query))


def entries() -> list[Path]:
    folder = cache_dir()
    return sorted(folder.glob("conflicts-*.sqlite")) if folder.is_dir() else []


def subjects_of(view: dict[str, Any]) -> list[str]:
    return [c["subject"] for c in view["conflicts"]]


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the claims were loaded")


@contextmanager
def no_loading() -> Iterator[None]:
    """Any claim loaded inside fails the test: what runs there must be a cache hit."""
    original = factcheck.loading.load_corpus
    factcheck.loading.load_corpus = _refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        factcheck.loading.load_corpus = original


def queries(subjects: list[str], properties: list[str]) -> list[Query]:
    found = [
        Query(min_severity=sev, per_side=per_side, limit=limit)
        for sev in ("low", "medium", "high")
        for per_side in (None, 12)
        for limit in (None, 1, 3)
    ]
    found += [Query(subject=s) for s in subjects]
    found += [Query(property=p, limit=3, per_side=12) for p in properties]
    found += [Query(subject=s, property=p) for s in subjects[:4] for p in properties[:4]]
    found += [Query(subject=s, min_severity="high", limit=1) for s in subjects[:6]]
    return found


def assert_cache_agrees(
    paths: list[Path] | None, subjects: list[str], properties: list[str]
) -> None:
    asked = queries(subjects, properties)
    expected = [fresh(paths, q) for q in asked]
    for per_side in (None, 12):  # fill both entries, then show every query from them
        results.conflict_view(paths, Query(per_side=per_side))
    with no_loading():
        for query, want in zip(asked, expected, strict=True):
            assert cached(paths, query) == want, query


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
    monkeypatch.setattr(factcheck.loading, "load_corpus", _refuse)
    assert cached([corpus]) == want


# --------------------------------------------------------------------------- 2. staleness


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edited_file_is_seen(corpus: Path) -> None:
    assert "s06" in subjects_of(cached([corpus]))
    report = corpus / "report.json"
    data = json.loads(report.read_text(encoding="utf-8"))
    (claim,) = (c for c in data["claims"] if c["id"] == "s06b")
    claim["value"] = "100"
    _dump(report, data)
    after = cached([corpus])
    assert "s06" not in subjects_of(after)
    assert after["total"] == BASE_CONFLICTS - 1
    assert after == fresh([corpus])
    assert cached([corpus]) == after  # and the new entry is kept


def test_a_same_size_edit_with_the_old_mtime_is_seen(corpus: Path) -> None:
    assert "quiet" not in subjects_of(cached([corpus]))
    report = corpus / "report.json"
    st = report.stat()
    _replace(report, '"value": "101"', '"value": "901"')
    os.utime(report, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert report.stat().st_size == st.st_size
    assert report.stat().st_mtime_ns == st.st_mtime_ns
    after = cached([corpus])
    assert "quiet" in subjects_of(after)
    assert after == fresh([corpus])


def test_an_added_file_is_seen(corpus: Path) -> None:
    assert "quiet" not in subjects_of(cached([corpus]))
    _dump(corpus / "extra.json", {"claims": [_claim("loud", "quiet", "size", "5000")]})
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
    _dump(vocabulary, data)
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
    monkeypatch.setattr(factcheck.store, "__version__", "99.0.0")
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


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


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


# --------------------------------------------------------------------------- 5. the command


HEAD = re.compile(r"^(HIGH|MEDIUM|LOW) ", re.MULTILINE)


def summary(out: str) -> str:
    """The last line of a table, `N conflicts (...) among M claims...`, unwrapped."""
    lines = out.rstrip().splitlines()
    (start,) = [i for i, line in enumerate(lines) if re.match(r"\d+ conflicts? \(", line)]
    return " ".join(lines[start:])


def test_the_table_shows_twenty_and_says_how_many_more(corpus: Path) -> None:
    first = run("conflicts", "-c", str(corpus))
    second = run("conflicts", "-c", str(corpus))
    assert first == second
    code, out, _ = second
    assert code == 0
    assert len(HEAD.findall(out)) == 20
    assert summary(out) == (
        f"{BASE_CONFLICTS} conflicts (12 high, 8 medium, 8 low) among 87 claims; showing the "
        f"20 most severe, {BASE_CONFLICTS - 20} more with --limit 0 or in another --format"
    )


def test_limit_zero_shows_all_and_limit_n_shows_n(corpus: Path) -> None:
    for _ in range(2):
        code, out, _ = run("conflicts", "-c", str(corpus), "--limit", "0")
        assert code == 0
        assert len(HEAD.findall(out)) == BASE_CONFLICTS
        assert summary(out) == (
            f"{BASE_CONFLICTS} conflicts (12 high, 8 medium, 8 low) among 87 claims"
        )
        assert "more with --limit 0" not in out
        code, out, _ = run("conflicts", "-c", str(corpus), "--limit", "3")
        assert len(HEAD.findall(out)) == 3
        assert summary(out).endswith(
            f"; showing the 3 most severe, {BASE_CONFLICTS - 3} more with "
            "--limit 0 or in another --format"
        )


def test_other_formats_show_all_and_match_the_library(corpus: Path) -> None:
    for _ in range(2):
        code, out, _ = run("conflicts", "-c", str(corpus), "-f", "json")
        assert code == 0
        data = json.loads(out)
        assert len(data) == BASE_CONFLICTS
        assert data == fresh([corpus])["conflicts"]


def test_fail_on_conflict_exits_1_on_a_hit_too(corpus: Path) -> None:
    assert run("conflicts", "-c", str(corpus), "--fail-on-conflict")[0] == 1
    with no_loading():
        code, out, err = run("conflicts", "-c", str(corpus), "--fail-on-conflict")
        assert code == 1, err
        assert len(HEAD.findall(out)) == 20
        code, out, err = run("conflicts", "-c", str(corpus), "-s", "quiet", "--fail-on-conflict")
        assert code == 0, err
        assert out.rstrip().endswith("0 conflicts (none) among 2 claims")
        code, _, _ = run("conflicts", "-c", str(corpus), "-s", "s02", "--fail-on-conflict")
        assert code == 1


def test_no_cache_writes_no_results_entry(corpus: Path) -> None:
    code, out, _ = run("--no-cache", "conflicts", "-c", str(corpus))
    assert code == 0
    assert entries() == []
    assert run("--no-cache", "conflicts", "-c", str(corpus), "-f", "json")[0] == 0
    assert entries() == []
    assert run("conflicts", "-c", str(corpus)) == (0, out, "")
    assert len(entries()) == 1
    assert run("--no-cache", "conflicts", "-c", str(corpus)) == (0, out, "")


def test_explain_after_a_hit(corpus: Path) -> None:
    code, plain, _ = run("conflicts", "-c", str(corpus), "-f", "json")
    assert code == 0
    assert run("conflicts", "-c", str(corpus), "-f", "json")[1] == plain
    code, out, err = run("conflicts", "-c", str(corpus), "-f", "json", "--explain")
    assert code == 0, err
    data = json.loads(out)
    assert data["conflicts"] == json.loads(plain)
    reasons = {tuple(n["claims"]): n["reason"] for n in data["consistent"]}
    assert reasons[("old",)] == "deprecated: superseded"
    assert any("region=North" in r for r in reasons.values())
    code, out, _ = run("conflicts", "-c", str(corpus), "--explain", "-s", "quiet")
    assert code == 0
    assert "quiet-a" in out or "Claimant quiet-a" in out
    # --explain keeps nothing: the entry stays the one the plain run wrote
    assert len(entries()) == 1


def test_the_command_sees_an_edit_after_a_hit(corpus: Path) -> None:
    code, out, _ = run("conflicts", "-c", str(corpus), "-s", "quiet", "--fail-on-conflict")
    assert code == 0
    report = corpus / "report.json"
    st = report.stat()
    _replace(report, '"value": "101"', '"value": "901"')
    os.utime(report, ns=(st.st_atime_ns, st.st_mtime_ns))
    code, out, _ = run("conflicts", "-c", str(corpus), "-s", "quiet", "--fail-on-conflict")
    assert code == 1
    assert "×9.0" in out


# --------------------------------------------------------------------------- 6. no cache folder


def test_an_unwritable_cache_folder_still_gives_the_conflicts(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE", str(blocker))
    want = fresh([corpus])
    for _ in range(2):
        assert cached([corpus]) == want
        assert cached([corpus], Query(subject="s24", per_side=12, limit=1)) == fresh(
            [corpus], Query(subject="s24", per_side=12, limit=1)
        )
        code, out, err = run("conflicts", "-c", str(corpus), "-f", "json")
        assert code == 0, err
        assert json.loads(out) == want["conflicts"]
        code, out, _ = run("conflicts", "-c", str(corpus), "--fail-on-conflict")
        assert code == 1
        assert len(HEAD.findall(out)) == 20
    assert blocker.read_text(encoding="utf-8") == "a regular file"
    with pytest.raises(UsageError, match="did you mean 'size'"):
        results.conflict_view([corpus], Query(property="sise"))


def test_the_bundled_data_set_through_an_unwritable_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    want = run("conflicts", "-f", "json")
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    monkeypatch.setenv("FACTCHECK_CACHE", str(blocker / "below"))
    code, out, err = run("conflicts", "-f", "json")
    assert (code, out) == want[:2]
    # The store cannot be used: the command works without it and says so once.
    assert err == (
        f"note: the cache folder {blocker / 'below'} cannot be used (Not a directory); "
        "working without it\n"
    )
    assert want[0] == 0 and len(json.loads(want[1])) == fresh(None)["total"]
