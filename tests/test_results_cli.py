"""`factcheck conflicts` through the results cache: limits, formats, exit codes, --explain,
and a cache folder that cannot be used."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from factcheck import results
from factcheck.errors import UsageError
from factcheck.results import Query
from tests.results_helpers import (
    BASE_CONFLICTS,
    cached,
    entries,
    fresh,
    no_loading,
    replace_text,
    run,
    write_corpus,
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "claims")


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
        data = json.loads(out)["conflicts"]
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
    assert data["conflicts"] == json.loads(plain)["conflicts"]
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
    replace_text(report, '"value": "101"', '"value": "901"')
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
        assert json.loads(out)["conflicts"] == want["conflicts"]
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
    assert want[0] == 0 and len(json.loads(want[1])["conflicts"]) == fresh(None)["total"]
