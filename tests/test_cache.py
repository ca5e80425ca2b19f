"""The cache of parsed claim files: used only when it matches, rebuilt when it does not."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck.cache
import factcheck.reading
import factcheck.store
from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.files import cache_dir
from factcheck.loading import load_corpus

runner = CliRunner()


@pytest.fixture
def claims(mini: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    shutil.copytree(mini, folder)
    return folder


def entries() -> list[Path]:
    return sorted(cache_dir().glob("file-*.json"))


def summary(folder: Path) -> list[tuple[str, str, str | None]]:
    corpus = load_corpus([folder])
    return [(c.id, c.value, str(corpus.where("claims", c.id))) for c in corpus.claims.values()]


def test_a_cached_load_equals_a_fresh_one(claims: Path) -> None:
    fresh = summary(claims)
    assert len(entries()) == 2
    assert summary(claims) == fresh  # from the cache, records and lines alike
    corpus = load_corpus([claims], use_cache=False)
    assert [(c.id, c.value) for c in corpus.claims.values()] == [(i, v) for i, v, _ in fresh]


def test_a_link_named_directly_and_through_its_folder_is_read_once(claims: Path) -> None:
    """A claim file reached by a link given itself and again through its folder is one
    file, whether it is parsed or comes from the cache."""
    first = sorted(claims.glob("*.yaml"))[0]
    link = claims / "link.yaml"
    link.symlink_to(first.name)
    for _ in range(2):  # parsed, then from the cache
        corpus = load_corpus([link, claims])
        assert len(corpus.files) == len(list(claims.glob("*.yaml"))) - 1
        assert corpus.files[0] == str(link)


def test_the_cache_is_used_when_nothing_changed(
    claims: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_corpus([claims])
    parsed: list[str] = []
    original = factcheck.reading.parse_yaml

    def counting(text: str, file: str) -> object:
        parsed.append(file)
        return original(text, file)

    monkeypatch.setattr(factcheck.reading, "parse_yaml", counting)
    load_corpus([claims])
    assert parsed == []
    (claims / "report.yaml").write_text(
        (claims / "report.yaml").read_text(encoding="utf-8").replace("261,000", "262,000"),
        encoding="utf-8",
    )
    corpus = load_corpus([claims])
    assert parsed == [str(claims / "report.yaml")]  # only the changed file is parsed again
    assert corpus.claims["early"].value == "262,000"


def test_same_size_and_time_but_other_content_is_not_trusted(claims: Path) -> None:
    load_corpus([claims])
    report = claims / "report.yaml"
    st = report.stat()
    report.write_text(
        report.read_text(encoding="utf-8").replace("261,000", "261,001"), encoding="utf-8"
    )
    os.utime(report, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime
    assert load_corpus([claims]).claims["early"].value == "261,001"


@pytest.mark.parametrize("garbage", [b"", b"not json", b'{"key": 1}\n{}', b"\xff\xfe\x00"])
def test_a_corrupt_entry_is_rebuilt(claims: Path, garbage: bytes) -> None:
    fresh = summary(claims)
    for entry in entries():
        entry.write_bytes(garbage)
    assert summary(claims) == fresh
    assert all(e.read_bytes() != garbage for e in entries())


def test_an_entry_damaged_below_its_first_line_is_parsed_again(claims: Path) -> None:
    """An entry's first line decides whether the file goes to the parsers; a body found
    damaged only when its turn comes is parsed there and then, and kept again."""
    fresh = summary(claims)
    for entry in entries():
        head, _, body = entry.read_bytes().partition(b"\n")
        entry.write_bytes(head + b"\n" + body[: len(body) // 2])
    assert summary(claims) == fresh
    for entry in entries():
        head, _, body = entry.read_bytes().partition(b"\n")
        assert head.endswith(hashlib.sha256(body).hexdigest().encode())


def test_another_version_does_not_use_the_entries(
    claims: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_corpus([claims])
    before = {e: e.read_bytes() for e in entries()}
    monkeypatch.setattr(factcheck.store, "code_stamp", lambda: "99.0.0+other")
    monkeypatch.setattr("factcheck.fingerprints.code_stamp", lambda: "99.0.0+other")
    load_corpus([claims])
    assert all(e.read_bytes() != data for e, data in before.items())


def test_files_with_errors_are_never_cached(claims: Path) -> None:
    (claims / "report.yaml").write_text("claims: [", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError):
            load_corpus([claims])
    assert len(entries()) == 1  # the vocabulary only


def test_no_cache_and_cache_clear_on_the_command_line(claims: Path) -> None:
    out = runner.invoke(app, ["--no-cache", "conflicts", "-c", str(claims)]).stdout
    assert entries() == []
    assert runner.invoke(app, ["conflicts", "-c", str(claims)]).stdout == out
    assert len(entries()) == 2
    assert len(list(cache_dir().glob("conflicts-*.sqlite"))) == 1
    # The second run shows the conflicts kept by the first: the same text.
    assert runner.invoke(app, ["conflicts", "-c", str(claims)]).stdout == out
    result = runner.invoke(app, ["cache", "clear"])
    assert result.exit_code == 0
    assert result.stdout.startswith("removed 3 cached files from ")
    assert not cache_dir().exists()
    # Deleting the cache changes nothing but speed.
    assert runner.invoke(app, ["conflicts", "-c", str(claims)]).stdout == out


def test_other_code_of_the_same_version_does_not_use_the_entries(
    claims: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The stamp entries must match reads the package's code: a copy of it with one module
    changed has another stamp, under the same version number."""
    import shutil

    package = Path(factcheck.store.__file__).parent
    original = factcheck.store.code_stamp()
    copy = tmp_path / "factcheck"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(factcheck.store, "__file__", str(copy / "store.py"))
    factcheck.store.code_stamp.cache_clear()
    same = factcheck.store.code_stamp()
    (copy / "checks.py").write_text((copy / "checks.py").read_text() + "\n# changed\n")
    factcheck.store.code_stamp.cache_clear()
    changed = factcheck.store.code_stamp()
    factcheck.store.code_stamp.cache_clear()
    assert same.split("+")[0] == changed.split("+")[0] == factcheck.__version__
    assert same == original != changed
