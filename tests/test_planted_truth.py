"""The benchmark's claim bases with a planted truth (`benchmarks/generate.py
--plant-truth`): the same seed writes the same files, and the sources behave as planted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.generate import plant_truth
from factcheck.loading import load_corpus
from factcheck.reasons import point
from factcheck.reliability import Rating, read_ratings

FILES = ("claims.yaml", "reliability.csv", "truth.json")


def written(folder: Path, **options: float) -> dict[str, bytes]:
    plant_truth(folder, topics=30, **options)  # type: ignore[arg-type]
    return {name: (folder / name).read_bytes() for name in FILES}


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    first = written(tmp_path / "a", seed=3)
    assert written(tmp_path / "b", seed=3) == first
    assert written(tmp_path / "c", seed=4)["claims.yaml"] != first["claims.yaml"]


def test_reliable_sources_state_the_truth_and_unreliable_ones_do_not(tmp_path: Path) -> None:
    truth = plant_truth(tmp_path, topics=40, reliable_error=0.0, unreliable_error=1.0, seed=1)
    assert json.loads((tmp_path / "truth.json").read_text("utf-8")) == truth
    corpus = load_corpus([tmp_path / "claims.yaml"], use_cache=False)
    ratings = read_ratings(tmp_path / "reliability.csv")
    seen = {Rating.reliable: 0, Rating.unreliable: 0}
    for claim in corpus.claims.values():
        (source,) = corpus.sources_of(claim)
        rated = ratings.find(source)
        assert rated is not None  # every publisher is listed by default
        figure = point(corpus.values[claim.id])
        assert figure is not None
        right = abs(figure - truth[claim.property]) <= 0.05 * truth[claim.property]
        assert right is (rated.rating is Rating.reliable)
        seen[rated.rating] += 1
    assert seen[Rating.reliable] and seen[Rating.unreliable]


def test_copiers_relay_another_source_and_repeat_its_value(tmp_path: Path) -> None:
    plant_truth(tmp_path, topics=60, reliable_share=0.2, copier_share=1.0, seed=2)
    corpus = load_corpus([tmp_path / "claims.yaml"], use_cache=False)
    relays = {s.id: s.reports[0] for s in corpus.sources.values() if s.reports}
    assert relays
    stated = {
        (c.property, c.sources[0]): point(corpus.values[c.id]) for c in corpus.claims.values()
    }
    pairs = [(p, s) for (p, s) in stated if s in relays and (p, relays[s]) in stated]
    assert pairs
    for prop, copier in pairs:
        copied, original = stated[(prop, copier)], stated[(prop, relays[copier])]
        assert copied is not None and original is not None
        assert abs(copied - original) <= 0.03 * original  # the same figure, written anew


def test_a_share_of_publishers_is_left_off_the_list(tmp_path: Path) -> None:
    plant_truth(tmp_path, topics=10, publishers=40, listed_share=0.5, seed=5)
    rows = (tmp_path / "reliability.csv").read_text("utf-8").splitlines()
    assert len(rows) == 1 + 20


def test_every_method_finds_a_truth_that_reliable_sources_agree_on(tmp_path: Path) -> None:
    from benchmarks.truth import PEERS, _close, factcheck_picks, observations

    truth = plant_truth(
        tmp_path, topics=30, reliable_share=0.8, reliable_error=0.0, unreliable_error=1.0, seed=4
    )
    corpus = load_corpus([tmp_path / "claims.yaml"], use_cache=False)
    ratings = read_ratings(tmp_path / "reliability.csv")
    obs = observations(corpus)
    fc = factcheck_picks(corpus, obs, ratings)
    assert all(_close(fc[t].top, truth[t[1]], 0.05) for t in obs.figures)
    for name, method in PEERS.items():
        picks = method(obs, ratings)
        right = sum(_close(obs.figures[t][v], truth[t[1]], 0.05) for t, v in picks.items())
        assert right >= 0.9 * len(obs.figures), name
