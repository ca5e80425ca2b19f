"""The search index (`factcheck.index`) on a copy of the fixed corpus in tests/data/search:
built once in the cache folder and reused, rebuilt when a claim file, the index or factcheck
changes, and never written for an invalid claim file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from factcheck.errors import FactcheckError
from factcheck.loading import load_corpus
from factcheck.search import search
from tests.search_helpers import CORPUS, WIDE, cache, claim, index_files, run, write_claims


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    shutil.copytree(CORPUS, folder)
    return folder


def searched(query: str, folder: Path) -> tuple[list[str], list[int]]:
    """The ids found, and the file counts `on_build` was told (one per build)."""
    builds: list[int] = []
    results = search(query, [folder], on_build=builds.append, limit=100)
    return sorted(h.id for h in results.matches), builds


def bump(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_built_once_then_reused(corpus_copy: Path) -> None:
    assert index_files() == []
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    (db,) = index_files()
    assert db.parent == cache()
    assert searched("exodus", corpus_copy) == (["exodus-long"], [])
    assert searched("Kremlin", corpus_copy) == (["kremlin-both", "kremlin-text", "peskov"], [])
    assert index_files() == [db]


def test_rebuilt_when_a_file_changes(corpus_copy: Path) -> None:
    claims = corpus_copy / "claims.yaml"
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    text = claims.read_text("utf-8")
    # the same number of bytes: only the modification time tells the change
    claims.write_text(text.replace("the exodus was", "the influx was"), "utf-8")
    bump(claims)
    assert searched("exodus", corpus_copy) == ([], [2])
    assert searched("influx", corpus_copy) == (["exodus-long"], [])
    # a bigger file
    claims.write_text(text.replace("the exodus was", "the mass exodus was"), "utf-8")
    bump(claims)
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert searched("influx", corpus_copy) == ([], [])
    assert len(index_files()) == 1


def test_rebuilt_when_a_file_is_added_or_removed(corpus_copy: Path) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    extra = corpus_copy / "more.yaml"
    more = {"claims": [claim("more", "Another exodus began in 2023.")]}
    extra.write_text(yaml.safe_dump(more), "utf-8")
    assert searched("exodus", corpus_copy) == (["exodus-long", "more"], [3])
    assert searched("exodus", corpus_copy) == (["exodus-long", "more"], [])
    extra.unlink()
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert len(index_files()) == 1


def test_rebuilt_when_the_index_is_corrupt(corpus_copy: Path) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    (db,) = index_files()
    db.write_bytes(b"\x00\xffnot a database\x13" * 300)
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert searched("exodus", corpus_copy) == (["exodus-long"], [])
    assert index_files() == [db]


def test_rebuilt_when_the_index_is_truncated(corpus_copy: Path) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    (db,) = index_files()
    db.write_bytes(db.read_bytes()[:1000])
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])


def test_rebuilt_when_factcheck_changes(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    monkeypatch.setattr("factcheck.store.code_stamp", lambda: "0.0.0+other")
    monkeypatch.setattr("factcheck.fingerprints.code_stamp", lambda: "0.0.0+other")
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert searched("exodus", corpus_copy) == (["exodus-long"], [])


def test_deleting_the_cache_changes_nothing_but_rebuilding(corpus_copy: Path) -> None:
    first = search(WIDE, [corpus_copy], limit=100)
    shutil.rmtree(cache())
    builds: list[int] = []
    again = search(WIDE, [corpus_copy], limit=100, on_build=builds.append)
    assert builds == [2]
    assert again == first


def test_an_invalid_claim_file_fails_with_the_loaders_error_and_leaves_no_index(
    tmp_path: Path,
) -> None:
    bad = claim("bad", "The decree was signed.")
    del bad["subject"]
    folder = write_claims(tmp_path / "claims", [bad])
    with pytest.raises(FactcheckError) as loading:
        load_corpus([folder])
    with pytest.raises(FactcheckError) as searching:
        search("decree", [folder])
    assert searching.value.problems == loading.value.problems
    assert not cache().exists() or list(cache().glob("*.sqlite")) == []  # no index written


def test_an_invalid_claim_file_is_reported_on_the_command_line(tmp_path: Path) -> None:
    folder = write_claims(tmp_path / "claims", [claim("bad", "The decree was signed.", value="")])
    code, out, err = run("decree", "-c", str(folder))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "building the search index of 2 claim files…",
        f"error: {folder / 'claims.yaml'}:9: claims[0].value: must not be empty",
    ]
    assert index_files() == []


def test_a_claim_file_broken_after_indexing_is_not_searched_stale(corpus_copy: Path) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    claims = corpus_copy / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("subject: emigration", "subjekt: x"))
    bump(claims)
    with pytest.raises(FactcheckError):
        search("exodus", [corpus_copy])


def test_the_index_is_built_in_the_cache_folder_named_by_the_environment(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("FACTCHECK_CACHE", str(elsewhere))
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert len(list(elsewhere.glob("search-*.sqlite"))) == 1


def test_the_command_line_says_when_it_builds() -> None:
    code, _, err = run("Kremlin", "-c", str(CORPUS))
    assert code == 0
    assert err == "building the search index of 2 claim files…\n"
    code, _, err = run("Kremlin", "-c", str(CORPUS))
    assert (code, err) == (0, "")


def test_an_index_written_in_small_batches_holds_the_same_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3

    from factcheck import index

    corpus = load_corpus([CORPUS])
    dumps = []
    for batch in (3, 10_000):
        monkeypatch.setattr(index, "_BATCH", batch)
        conn = sqlite3.connect(":memory:")
        index._write(conn, corpus)
        dumps.append(
            [
                conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("claims", "words")
            ]
            + [conn.execute("SELECT rowid FROM fts WHERE fts MATCH 'a*' ORDER BY rowid").fetchall()]
        )
    assert len(corpus.claims) > 3 and dumps[0][0] and dumps[0][2]
    assert dumps[0] == dumps[1]


def test_rebuilt_when_the_libraries_that_make_terms_change(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another stemmer or transliterator may write a word's term otherwise: an index built
    with one is not searched with the other."""
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    monkeypatch.setattr("factcheck.index.library_stamp", lambda: "anyascii 9 snowballstemmer-9")
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert searched("exodus", corpus_copy) == (["exodus-long"], [])
