"""How one claim stands to the others on its topic: the claims that agree with it and the
conflicts it takes part in."""

from __future__ import annotations

from factcheck.loading import load_corpus
from factcheck.relations import relations
from tests.conflicts_helpers import MINI


def test_relations_on_the_mini_corpus() -> None:
    corpus = load_corpus([MINI])
    target = relations(corpus, "target-a")
    assert target.agrees == ("target-b",)
    assert target.conflicts == ()
    early = relations(corpus, "early")
    assert [c.kind for c in early.conflicts] == ["values"]
    denied = relations(corpus, "later")
    assert sorted(c.kind for c in denied.conflicts) == ["denial", "values"]
