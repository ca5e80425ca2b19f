"""Parsing in worker processes gives exactly what parsing here gives: records, lines,
notes and every problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck import reading
from factcheck.errors import InputError
from factcheck.files import bundled_claims
from factcheck.loading import load_corpus

BROKEN = Path(__file__).parent / "data" / "broken"


def snapshot(paths: list[Path], use_cache: bool) -> tuple[object, ...]:
    c = load_corpus(paths, use_cache=use_cache)
    return (c.claims, c.footnotes, c.sources, c.values, c.as_of, c.locations, c.notes)


@pytest.mark.parametrize("use_cache", [False, True])
def test_workers_read_the_bundled_data_set_as_this_process_does(
    monkeypatch: pytest.MonkeyPatch, use_cache: bool
) -> None:
    here = snapshot([bundled_claims()], use_cache=False)
    monkeypatch.setattr(reading, "PARALLEL_BYTES", 0)
    received: list[Path] = []
    original = reading._received

    def spy(path: Path, sent: tuple[object, ...]) -> object:
        received.append(path)
        return original(path, sent)

    monkeypatch.setattr(reading, "_received", spy)
    assert snapshot([bundled_claims()], use_cache=use_cache) == here
    assert len(received) == 3  # every file came from a worker
    # What the workers stored in the cache reads back the same.
    assert snapshot([bundled_claims()], use_cache=True) == here


def problems(paths: list[Path]) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_corpus(paths, use_cache=False)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "case", ["errors-in-two-files", "yaml-syntax.yaml", "duplicate-id", "unknown-source"]
)
def test_workers_report_the_same_problems(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, case: str
) -> None:
    folder = tmp_path / "claims"
    source = BROKEN / case
    if source.is_dir():
        shutil.copytree(source, folder)
    else:
        folder.mkdir()
        shutil.copy(source, folder / source.name)
    shutil.copy(bundled_claims() / "vocabulary.yaml", folder / "zz-vocabulary.yaml")
    expected = problems([folder])
    monkeypatch.setattr(reading, "PARALLEL_BYTES", 0)
    assert problems([folder]) == expected
    assert expected


def test_no_worker_is_spawned_when_the_main_module_is_no_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A spawned worker imports the main module again; a script piped to Python has none
    # to import, and its workers would die and be restarted without end.
    import sys
    import types

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    assert reading._worker_context() is None
    monkeypatch.setattr(reading, "PARALLEL_BYTES", 0)
    assert load_corpus([bundled_claims()], use_cache=False).claims  # parsed here instead
