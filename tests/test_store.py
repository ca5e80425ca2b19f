"""The store: fresh means the same content, nothing kept is trusted, nothing about it is fatal.

Each test here failed on the three stores the store replaced (parsed files, results, the
search index): places kept relative to another folder, an index trusted on size and mtime,
tracebacks from `search` when the folder was unusable, leftovers, forged entries served.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import fingerprints, store
from factcheck.cli import app
from factcheck.files import cache_dir
from factcheck.report_schema import ClaimOut, ConflictOut, SourceOut
from factcheck.shapes import CLAIM, CONFLICT, SOURCE

runner = CliRunner()
BUNDLED = Path(__file__).parent.parent / "claims"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args} crashed") from result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    folder = tmp_path / "base" / "claims"
    shutil.copytree(BUNDLED, folder)
    return folder


def _places(data: object) -> list[str]:
    """Every `location` and finding `where` in a JSON output."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("location", "where") and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_places(value))
    elif isinstance(data, list):
        for item in data:
            found.extend(_places(item))
    return found


# --------------------------------------------------------------------------- the two defects


@pytest.mark.parametrize(
    "command",
    [
        ["conflicts", "-f", "json"],
        ["check", "-f", "json"],
        ["search", "mobilisation", "-f", "json"],
    ],
)
def test_places_kept_by_a_run_in_one_folder_read_right_from_another(
    claims: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(claims.parent)
    first = run(*command, "-c", "claims")
    assert first[0] == 0
    assert _places(json.loads(first[1]))
    assert all(p.startswith("claims/") for p in _places(json.loads(first[1])))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    second = run(*command, "-c", str(claims))
    places = _places(json.loads(second[1]))
    assert places
    for place in places:
        assert Path(place.rsplit(":", 1)[0]).is_file(), place
    assert second[1] == run("--no-cache", *command, "-c", str(claims))[1]


@pytest.mark.parametrize("remembered", [False, True], ids=["hashed", "digest-remembered"])
def test_an_edit_that_keeps_size_and_mtime_is_searched(
    claims: Path, monkeypatch: pytest.MonkeyPatch, remembered: bool
) -> None:
    """Also when the first run remembered the file's digest against its status: the edit
    moved the file's change time."""
    if remembered:
        monkeypatch.setattr(fingerprints, "SETTLED_NS", 0)
    target = claims / "wikipedia-2022-russian-mobilization.yaml"
    assert run("search", "--exact", "Babayurt", "-c", str(claims))[0] == 0
    st = target.stat()
    text = target.read_text(encoding="utf-8")
    assert "Russia's Federal Security Service" in text
    target.write_text(
        text.replace("Russia's Federal Security Service", "Russia's Federal Security Servixe"),
        encoding="utf-8",
    )
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert target.stat().st_size == st.st_size
    code, out, _ = run("search", "--exact", "Servixe", "-c", str(claims), "-f", "json")
    assert code == 0
    assert json.loads(out)["total"] == 1
    assert (
        out == run("--no-cache", "search", "--exact", "Servixe", "-c", str(claims), "-f", "json")[1]
    )


# --------------------------------------------------------------------------- a store that never hurts

COMMANDS = [
    ["conflicts", "-f", "json"],
    ["check", "-f", "json"],
    ["claims", "-f", "json"],
    ["export", "-f", "json"],
    ["search", "partial mobilisation", "-f", "json"],
    ["--no-cache", "search", "partial mobilisation", "-f", "json"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_a_cache_folder_that_is_a_file_costs_one_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    want = run("--no-cache", *command[command[0] == "--no-cache" :])
    blocker = tmp_path / "blocker"
    blocker.write_bytes(b"")
    monkeypatch.setenv("FACTCHECK_CACHE", str(blocker))
    code, out, err = run(*command)
    assert (code, out) == want[:2]
    assert err.count("note: the cache folder") <= 1


@pytest.mark.parametrize("command", COMMANDS[:5], ids=lambda c: " ".join(c))
def test_a_full_disk_costs_one_note(monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    want = run("--no-cache", *command)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "atomic_write", full)
    code, out, err = run(*command)
    assert (code, out) == want[:2]
    assert err.count("No space left on device") == 1
    assert list(cache_dir().glob("*")) == []


@pytest.mark.parametrize("link", ["broken", "loop"])
def test_a_bad_symlink_among_the_claims_is_reported_by_every_command(
    claims: Path, link: str
) -> None:
    bad = claims / "bad.yaml"
    bad.symlink_to(claims / "missing.yaml" if link == "broken" else bad)
    for command in (["conflicts"], ["check"], ["search", "mobilisation"]):
        code, out, err = run(*command, "-c", str(claims))
        assert (code, out) == (2, ""), command
        assert f"error: {bad}: cannot read: " in err, command


def test_leftovers_of_killed_writes_are_removed(claims: Path) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    dead = folder / ".conflicts-0123456789abcdef.sqlite.999999999.x1y2.tmp"
    dead.write_bytes(b"half an entry")
    mine = folder / f".search-0123456789abcdef.sqlite.{os.getpid()}.x1y2.tmp"
    mine.write_bytes(b"a write under way")
    assert run("conflicts", "-c", str(claims))[0] == 0
    assert not dead.exists()
    assert mine.exists()  # a live process's write is left alone


def test_an_export_removes_leftovers_of_killed_writes_to_the_same_file(
    claims: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = out / ".report.md.999999999.x1y2.tmp"
    other = out / ".report.md.bak.999999999.x1y2.tmp"  # a write to another file
    mine = out / f".report.md.{os.getpid()}.x1y2.tmp"
    for leftover in (dead, other, mine):
        leftover.write_text("half a report", "utf-8")
    assert run("export", "-c", str(claims), "-o", str(out / "report.md"))[0] == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([other.name, mine.name, "report.md"])


def test_a_failed_write_leaves_nothing(claims: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    original = store.Store.write_db
    monkeypatch.setattr(
        store.Store, "write_db", lambda self, name, key, build: original(self, name, key, broken)
    )
    assert run("conflicts", "-c", str(claims))[0] == 0
    assert [p.name for p in cache_dir().iterdir() if p.suffix == ".tmp"] == []


def test_a_search_index_that_fails_half_built_is_built_in_memory(
    claims: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is built in the store's file; when that fails part-way, the search is
    still answered, from an index built in memory, and nothing is left behind."""
    want = run("--no-cache", "search", "mobilisation", "-c", str(claims))

    def half(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE claims (id TEXT)")
        raise sqlite3.OperationalError("database or disk is full")

    original = store.Store.build_db
    monkeypatch.setattr(
        store.Store, "build_db", lambda self, name, key, build: original(self, name, key, half)
    )
    code, out, err = run("search", "mobilisation", "-c", str(claims))
    assert (code, out) == want[:2]
    assert err.count("database or disk is full") == 1
    assert list(cache_dir().glob("search-*")) == []
    assert [p.name for p in cache_dir().iterdir() if p.suffix == ".tmp"] == []


def test_a_forged_parsed_file_is_not_served(claims: Path) -> None:
    want = run("claims", "-c", str(claims), "-f", "json")
    for entry in cache_dir().glob("file-*.json"):
        entry.write_bytes(entry.read_bytes().replace(b"261,000", b"999,999"))
    assert run("claims", "-c", str(claims), "-f", "json") == want


def test_a_kept_severity_holding_escapes_is_not_served(claims: Path) -> None:
    want = run("conflicts", "-c", str(claims), "-f", "markdown")
    (db,) = cache_dir().glob("conflicts-*.sqlite")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE conflicts SET data = replace(data, '\"high\"', '\"\x1b[31mhigh\"')")
    conn.close()
    assert run("conflicts", "-c", str(claims), "-f", "markdown") == want


def test_a_view_planted_in_the_index_is_not_run(claims: Path) -> None:
    want = run("search", "mobilisation", "-c", str(claims), "-f", "json")
    (db,) = cache_dir().glob("search-*.sqlite")
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE words RENAME TO words_kept")
        conn.execute(
            "CREATE VIEW words AS WITH RECURSIVE r(word, term) AS "
            "(SELECT 'a', 'a' UNION ALL SELECT word, term FROM r) SELECT word, term FROM r"
        )
    conn.close()
    started = time.monotonic()
    assert run("search", "mobilisation", "-c", str(claims), "-f", "json") == want
    assert time.monotonic() - started < 20


def test_cache_clear_says_what_it_really_removed(
    claims: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("conflicts", "-c", str(claims))[0] == 0
    kept = sorted(p for p in cache_dir().iterdir() if p.is_file())
    stuck = kept[0]
    original = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(errno.EACCES, "Permission denied")
        original(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    code, out, err = run("cache", "clear")
    assert code == 0
    assert out.startswith(f"removed {len(kept) - 1} cached file")
    assert f"note: could not remove {stuck}: Permission denied" in err
    assert stuck.exists()


# --------------------------------------------------------------------------- shapes


def test_kept_shapes_are_the_reports_shapes() -> None:
    """What the store checks on reading back is what the JSON report publishes."""
    assert set(CLAIM) == set(ClaimOut.model_fields)
    assert set(SOURCE) == set(SourceOut.model_fields)
    # An assessment (`--assess`) is made from the claims each time, never kept.
    assert set(CONFLICT) == set(ConflictOut.model_fields) - {"claims", "assessment"}


# --------------------------------------------------------------------------- hashed once


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times each claim file's content is hashed, by file name."""
    import factcheck.reading
    import factcheck.report

    counts: dict[str, int] = {}
    real = fingerprints.file_digest

    def counting(path: Path, raw: bytes | None = None) -> str:
        counts[Path(path).name] = counts.get(Path(path).name, 0) + 1
        return real(path, raw)

    for module in (fingerprints, factcheck.reading, factcheck.report):
        monkeypatch.setattr(module, "file_digest", counting)
    return counts


@pytest.mark.parametrize(
    ("steps", "per_file"),
    [
        # Nothing kept: hashed by the scan, then the bytes parsed are hashed as parsed.
        ((["conflicts"],), 2),
        # Parsed files kept, results not: the scan's digests find the parsed files.
        ((["conflicts"], ["check"]), 1),
        # Results kept: only the scan.
        ((["conflicts"], ["conflicts"]), 1),
        # Export: the loader's lookup and the parse; the report's fingerprint reuses them.
        ((["export", "-f", "json"],), 2),
        ((["export", "-f", "json"], ["export", "-f", "json"]), 1),
        # The search index: as conflicts.
        ((["search", "Kazakhstan"],), 2),
        ((["conflicts"], ["search", "Kazakhstan"]), 1),
    ],
)
def test_each_claim_file_is_hashed_once_per_command_and_once_more_if_parsed(
    claims: Path, hashed: dict[str, int], steps: tuple[list[str], ...], per_file: int
) -> None:
    for args in steps:
        hashed.clear()
        code, _, _ = run(*args, "-c", str(claims))
        assert code == 0, args
    names = sorted(p.name for p in claims.iterdir() if p.suffix in (".yaml", ".json"))
    assert hashed == dict.fromkeys(names, per_file)


def test_a_settled_file_is_hashed_once_ever(
    claims: Path, hashed: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file left alone since its digest was taken is not read again; one that changed,
    or whose status is forged in the store, is."""
    monkeypatch.setattr(fingerprints, "SETTLED_NS", 0)
    names = sorted(p.name for p in claims.iterdir() if p.suffix in (".yaml", ".json"))
    assert run("conflicts", "-c", str(claims))[0] == 0
    hashed.clear()
    assert run("conflicts", "-c", str(claims))[0] == 0
    assert hashed == {}
    target = claims / names[0]
    target.write_bytes(target.read_bytes() + b"# touched\n")
    hashed.clear()
    run("conflicts", "-c", str(claims))
    assert hashed == {names[0]: 2}  # the scan, then the parse
    (kept,) = cache_dir().glob("status-*.json")
    header, _, body = kept.read_bytes().partition(b"\n")
    for forged in ({"x": 1}, [1, 2], {str(target): [[1, 2, 3, 4, 5], "not a digest"]}):
        body = json.dumps(forged).encode()
        digest = hashlib.sha256(body).hexdigest()
        kept.write_bytes(b" ".join([*header.split(b" ")[:-1], digest.encode()]) + b"\n" + body)
        hashed.clear()
        assert run("conflicts", "-c", str(claims))[0] == 0
        assert sorted(hashed) == names, forged


def test_a_file_changed_moments_ago_is_not_remembered(claims: Path) -> None:
    assert run("conflicts", "-c", str(claims))[0] == 0
    assert list(cache_dir().glob("status-*.json")) == []


def test_a_file_edited_while_read_keeps_no_results(
    claims: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan hashes one content, the loader parses another: nothing is kept under the
    scan's key, and the next run sees the edit."""

    victim = sorted(claims.glob("*.yaml"))[-1]
    real_digests = fingerprints.digests

    def then_edit(files: list[Path], remember_as: str | None = None) -> dict[str, str]:
        found = real_digests(files, remember_as)
        if not edited:
            edited.append(victim)
            with victim.open("a", encoding="utf-8") as out:
                out.write("# edited while factcheck was reading\n")
        return found

    edited: list[Path] = []
    monkeypatch.setattr(fingerprints, "digests", then_edit)
    run("conflicts", "-c", str(claims), "-f", "json", "--limit", "0")
    assert edited
    assert not list(cache_dir().glob("conflicts-*"))
    run("conflicts", "-c", str(claims))
    assert len(list(cache_dir().glob("conflicts-*"))) == 1
