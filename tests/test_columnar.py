"""The SQL form of conflict detection (factcheck/marked.sql on DuckDB) against the sweep, the
reference: the same claims in conflict, on generated claim bases and on small random sets."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from factcheck import columnar, reasons
from factcheck.conflicts import find_conflicts, swept_groups
from factcheck.corpus import Corpus
from factcheck.loading import load_corpus
from factcheck.sweep import sweep
from tests.conflicts_helpers import claim, write_corpus
from tests.test_sweep import claim_sets, date_claim_sets


def swept(corpus: Corpus) -> set[str]:
    """The claims the sweep marks, group by group: the reference."""
    found = set()
    for prop, _, items in swept_groups(corpus):
        marked, _ = sweep(
            items,
            prop.growing,
            lambda a, b, prop=prop: reasons.pair_score(a, b, prop),
            lambda it: reasons.point(it.value),
        )
        found |= {items[i].claim.id for i in marked}
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_sql_on_parquet_marks_what_the_sweep_marks(tmp_path: Path, seed: int) -> None:
    generate(3000, tmp_path / "claims", seed=seed)
    corpus = load_corpus([tmp_path / "claims"])
    columnar.write_parquet(corpus, tmp_path / "items.parquet")
    expected = swept(corpus)
    # The generated bases mix every case: a sizeable share of claims conflict, not all.
    assert 0.1 * len(corpus.claims) < len(expected) < 0.95 * len(corpus.claims)
    # And the reference is what `conflicts` reports: its value conflicts' sides hold
    # exactly the claims the sweep marks in these groups.
    shown = find_conflicts(corpus).conflicts
    assert {cid for c in shown if c.kind == "values" for cid in c.claim_ids} == expected
    assert columnar.marked([tmp_path / "items.parquet"]) == expected


def test_the_table_holds_one_row_for_each_claim_compared(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path,
        [
            claim("a", "left.count", "100,000", as_of="1 October 2022"),
            claim("b", "left.count", "400,000", scope={"Destination": "Georgia"}),
            claim("denial", "left.count", "400,000", stance="denies"),
            claim("old", "left.count", "5", rank="deprecated", rank_reason="superseded"),
            claim("s", "callup.status", "ended"),
        ],
    )
    table = columnar.columns(corpus)
    assert table["claim"] == ["s", "a", "b"]  # topic by topic, then scope by scope
    assert table["scope"] == ["[]", "[]", '[["destination","georgia"]]']
    assert table["growing"] == [False, True, True]
    assert [t == float("-inf") for t in table["t_lo"]] == [True, False, True]


def test_no_claims_no_rows_and_nothing_marked(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, [claim("s", "share.pct", "40%", stance="denies")])
    assert columnar.columns(corpus)["claim"] == []
    assert columnar.marked_in_memory(corpus) == set()


@pytest.mark.parametrize("as_of", [{}, {"as_of": "2023"}])
def test_intervals_that_touch_do_not_conflict(tmp_path: Path, as_of: dict[str, str]) -> None:
    corpus = write_corpus(
        tmp_path,
        [
            claim("low", "share.pct", "30 – 40%", **as_of),
            claim("high", "share.pct", "40 – 50%", **as_of),
            claim("in-both", "share.pct", "40%", as_of="2020"),
        ],
    )
    assert columnar.marked_in_memory(corpus) == swept(corpus) == set()


@st.composite
def mixed_claim_sets(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Counts that only grow or rise and fall, and dates with "has not happened", with
    and without times; renamed so that every claim of the set has its own id."""
    parts = draw(st.lists(st.one_of(claim_sets(4), date_claim_sets(4)), min_size=1, max_size=3))
    return [{**c, "id": f"p{n}-{c['id']}"} for n, part in enumerate(parts) for c in part]


WHEN = [None, "2022", "March 2022", "1 March 2022", "3 March 2022", "April 2022", "2023"]


@st.composite
def sparse_conflicts(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Many claims that mostly agree, at times that overlap in every way: a claim's few
    partners sit anywhere in the order of starts, so none is found only by chance."""
    prop = draw(st.sampled_from(["left.count", "abroad.count"]))
    values = st.sampled_from(["100", "100", "101", "100", "300"])
    claims = []
    for n in range(draw(st.integers(min_value=2, max_value=40))):
        as_of = draw(st.sampled_from(WHEN))
        claims.append(claim(f"c{n:02d}", prop, draw(values), **({"as_of": as_of} if as_of else {})))
    return claims


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mixed_claim_sets(), sparse_conflicts()))
def test_the_sql_marks_what_the_sweep_marks_on_random_sets(claims: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder), claims)
    assert columnar.marked_in_memory(corpus) == swept(corpus)


def test_a_failed_write_keeps_the_old_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "claims", [claim("a", "left.count", "100,000")])
    table = tmp_path / "items.parquet"
    table.write_bytes(b"the old table")
    # DuckDB's COPY fails partway: told to write where no folder is.
    monkeypatch.setattr(columnar, "_quoted", lambda path: str(tmp_path / "gone" / "x"))
    with pytest.raises(Exception, match="gone"):
        columnar.write_parquet(corpus, table)
    assert table.read_bytes() == b"the old table"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "items.parquet"]
