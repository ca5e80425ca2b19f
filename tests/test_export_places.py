"""A report names claim files from the claim base it was read from, so that the same files
give the same bytes wherever they lie, and no report shows the folders of the machine that
wrote it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.files import bundled_claims
from factcheck.render import Format

# A source declared a second time, in a file of a subfolder: its finding names both places.
TWICE = """\
sources:
  - id: reuters-2022-10-31
    publisher: Reuters
    title: Another title
"""


def _base(root: Path) -> Path:
    """The bundled claims, and one more file below them, copied under `root`."""
    base = root / "claims"
    shutil.copytree(bundled_claims(), base)
    (base / "more").mkdir()
    (base / "more" / "again.yaml").write_text(TWICE, encoding="utf-8")
    return base


def _export(fmt: Format, claims: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(cwd)
    args = ["export", "--today", "2026-11-21", "-f", fmt.value]
    result = CliRunner().invoke(app, [*args, *(a for c in claims for a in ("-c", c))])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", list(Format))
def test_the_same_claims_in_two_folders_give_the_same_bytes(
    fmt: Format, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _base(tmp_path / "first")
    two = _base(tmp_path / "second" / "deeper")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Given by absolute path from a third folder, and by a relative path from inside.
    first = _export(fmt, [str(one)], elsewhere, monkeypatch)
    second = _export(fmt, ["claims"], two.parent, monkeypatch)
    assert first == second
    assert str(tmp_path) not in first
    # The files are named, from their base, where the report says where things are.
    if fmt is not Format.csv:  # CSV rows are claims, which carry no place there
        assert "more/again.yaml" in first
        assert "euaa-2026-russia-military-service.yaml:" in first


def test_several_bases_are_told_apart_by_their_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _base(tmp_path / "a")
    extra = tmp_path / "b" / "extra"
    extra.mkdir(parents=True)
    (one / "more" / "again.yaml").rename(extra / "again.yaml")
    out = _export(Format.json, [str(one), str(extra)], tmp_path, monkeypatch)
    assert str(tmp_path) not in out
    assert '"extra/again.yaml:' in out
    assert '"claims/euaa-2026-russia-military-service.yaml:' in out
