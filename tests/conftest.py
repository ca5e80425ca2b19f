"""Shared fixtures: a pinned terminal and a clean environment for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every test sees the same terminal width, its own cache and none of the user's
    settings."""
    monkeypatch.setenv("COLUMNS", "100")
    # Outside the test's own tmp_path, which tests load claims from and list.
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path_factory.mktemp("cache")))
    for name in ("FACTCHECK_CLAIMS", "NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def mini() -> Path:
    """A small valid corpus with a growing count, a denial, scopes and end dates."""
    return MINI
