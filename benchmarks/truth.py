"""How often factcheck's assessment (`--assess`) picks the true value, beside the standard
truth-discovery methods, on claim bases with a planted truth; and the picks of each on the
bundled data set and the evaluation documents, side by side.

    python benchmarks/truth.py [--topics 300] [--seeds 3] [--markdown]

The peers, written here from their papers' definitions (the `truthdiscovery` package does
not install on Python 3.11):

- majority voting: the value stated by most claims;
- weighted majority: each claim weighs as its publisher's rating in the reliability list
  (the weights factcheck uses, `factcheck.assessment.WEIGHTS`);
- TruthFinder (Yin, Han and Yu, 2007): source trustworthiness and fact confidence computed
  in turn, with dampening 0.3, implication weight 0.5, starting trust 0.9;
- CRH (Li et al., 2014): the truth is a weighted vote; a source's weight is minus the log
  of its share of the total loss (its disagreements with the truth, per claim);
- Sums (hubs and authorities) and Investment (Pasternack and Roth, 2010).

Values are the claims' parsed figures, grouped when within the property's tolerance of
each other, as factcheck groups them. A pick is right when it is within the tolerance of
the planted value; a peer's tie is broken at random (seeded). factcheck's pick is its
highest-scoring side; the table also shows how often it says 'too close to call' (and
picks nothing), how often the side it leans to is right, and how often the best peer is
right on those same topics.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import plant_truth  # noqa: E402
from factcheck.assessment import UNRATED, WEIGHTS, assess  # noqa: E402
from factcheck.conflicts import find_conflicts, scope_key  # noqa: E402
from factcheck.corpus import Corpus  # noqa: E402
from factcheck.loading import load_corpus  # noqa: E402
from factcheck.model import Rank, Stance  # noqa: E402
from factcheck.reasons import point  # noqa: E402
from factcheck.reliability import Ratings, read_ratings  # noqa: E402

Topic = tuple[str, str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class Observation:
    source: str  # who states it: the claim's first source, else its document
    topic: Topic
    value: int  # the index of its group of values within the topic
    claim: str


@dataclass
class Observations:
    """Every stated claim as (source, topic, value group), and each group's figure."""

    items: list[Observation]
    figures: dict[Topic, list[float]]  # each topic's value groups, by index
    publishers: dict[str, str]  # source id to publisher name


def observations(corpus: Corpus) -> Observations:
    by_topic: dict[Topic, list[tuple[float, str]]] = defaultdict(list)
    for claim in corpus.claims.values():
        if claim.rank is Rank.deprecated or claim.stance is Stance.denies:
            continue
        figure = point(corpus.values[claim.id])
        if figure is None:
            continue
        by_topic[(claim.subject, claim.property, scope_key(claim))].append((figure, claim.id))
    items: list[Observation] = []
    figures: dict[Topic, list[float]] = {}
    publishers: dict[str, str] = {}
    for topic, found in sorted(by_topic.items()):
        tolerance = max(corpus.properties[topic[1]].tolerance, 1e-9)
        groups: list[list[float]] = []
        for figure, cid in sorted(found):
            if not groups or not _close(groups[-1][0], figure, tolerance):
                groups.append([])
            groups[-1].append(figure)
            claim = corpus.claims[cid]
            sources = corpus.sources_of(claim)
            who = sources[0].id if sources else f"document:{claim.document}"
            publishers[who] = (sources[0].publisher or who) if sources else who
            items.append(Observation(who, topic, len(groups) - 1, cid))
        figures[topic] = [sum(g) / len(g) for g in groups]
    return Observations(items, figures, publishers)


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


Picks = dict[Topic, int]


def _argmax(scores: dict[int, float], topic: Topic) -> int:
    """The value of highest score; a tie is broken at random, seeded by the topic (the same
    every run), so that no method gains from the order of the figures."""
    best = max(scores.values())
    tied = sorted(v for v, x in scores.items() if math.isclose(x, best, rel_tol=1e-12))
    return tied[0] if len(tied) == 1 else random.Random(repr(topic)).choice(tied)


def _vote(obs: Observations, weight: Callable[[str], float]) -> Picks:
    votes: dict[Topic, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for o in obs.items:
        votes[o.topic][o.value] += weight(o.source)
    return {t: _argmax(v, t) for t, v in votes.items()}


def majority(obs: Observations, ratings: Ratings | None) -> Picks:
    return _vote(obs, lambda s: 1.0)


def weighted_majority(obs: Observations, ratings: Ratings | None) -> Picks:
    return _vote(obs, lambda s: _rating_weight(obs, s, ratings))


def _rating_weight(obs: Observations, source: str, ratings: Ratings | None) -> float:
    if ratings is None:
        return 1.0
    rated = ratings.by_name.get(_norm(obs.publishers.get(source, source)))
    return WEIGHTS[rated.rating] if rated else UNRATED


def _norm(name: str) -> str:
    from factcheck.sources import norm_name

    return norm_name(name)


def _facts(
    obs: Observations,
) -> tuple[dict[str, set[tuple[Topic, int]]], dict[tuple[Topic, int], set[str]]]:
    by_source: dict[str, set[tuple[Topic, int]]] = defaultdict(set)
    by_fact: dict[tuple[Topic, int], set[str]] = defaultdict(set)
    for o in obs.items:
        by_source[o.source].add((o.topic, o.value))
        by_fact[(o.topic, o.value)].add(o.source)
    return by_source, by_fact


def _best(obs: Observations, score: dict[tuple[Topic, int], float]) -> Picks:
    per: dict[Topic, dict[int, float]] = defaultdict(dict)
    for (topic, value), s in score.items():
        per[topic][value] = s
    return {t: _argmax(v, t) for t, v in per.items()}


def truthfinder(
    obs: Observations,
    ratings: Ratings | None,
    gamma: float = 0.3,
    rho: float = 0.5,
    start: float = 0.9,
    rounds: int = 20,
) -> Picks:
    """Trust t(w) is the mean confidence of a source's facts; a fact's score is the sum of
    τ(w) = −ln(1 − t(w)) over its sources, adjusted by the other values of its topic
    (implication −0.5 each: distinct values exclude each other), and its confidence is
    1 / (1 + e^(−γ·score))."""
    by_source, by_fact = _facts(obs)
    trust = dict.fromkeys(by_source, start)
    values: dict[Topic, list[int]] = defaultdict(list)
    for topic, value in by_fact:
        values[topic].append(value)
    confidence: dict[tuple[Topic, int], float] = {}
    for _ in range(rounds):
        tau = {s: -math.log(max(1e-9, 1 - t)) for s, t in trust.items()}
        sigma = {f: sum(tau[s] for s in sources) for f, sources in by_fact.items()}
        for (topic, value), own in sigma.items():
            others = sum(sigma[(topic, v)] for v in values[topic] if v != value)
            adjusted = own + rho * (-0.5) * others
            confidence[(topic, value)] = 1 / (1 + math.exp(-gamma * adjusted))
        new = {s: sum(confidence[f] for f in facts) / len(facts) for s, facts in by_source.items()}
        if max(abs(new[s] - trust[s]) for s in trust) < 1e-6:
            trust = new
            break
        trust = new
    return _best(obs, confidence)


def crh(obs: Observations, ratings: Ratings | None, rounds: int = 20) -> Picks:
    """Truths start as the majority; then in turn each source's weight is −log(its loss /
    the sum of losses), the loss being its share of claims that differ from the truths,
    and each truth is the value of highest summed weight."""
    truths = majority(obs, ratings)
    sources = {o.source for o in obs.items}
    for _ in range(rounds):
        wrong: dict[str, float] = defaultdict(float)
        count: dict[str, int] = defaultdict(int)
        for o in obs.items:
            count[o.source] += 1
            wrong[o.source] += o.value != truths[o.topic]
        loss = {s: (wrong[s] + 0.01) / count[s] for s in sources}  # 0.01: no loss is not -inf
        total = sum(loss.values())
        weight = {s: -math.log(loss[s] / total) for s in sources}
        new = _vote(obs, weight.__getitem__)
        if new == truths:
            break
        truths = new
    return truths


def sums(obs: Observations, ratings: Ratings | None, rounds: int = 20) -> Picks:
    """Hubs and authorities: a fact's belief is the sum of its sources' trust, a source's
    trust the sum of its facts' beliefs, each normalised by its largest."""
    by_source, by_fact = _facts(obs)
    trust = dict.fromkeys(by_source, 1.0)
    belief: dict[tuple[Topic, int], float] = {}
    for _ in range(rounds):
        belief = {f: sum(trust[s] for s in srcs) for f, srcs in by_fact.items()}
        top = max(belief.values())
        belief = {f: b / top for f, b in belief.items()}
        trust = {s: sum(belief[f] for f in facts) for s, facts in by_source.items()}
        top = max(trust.values())
        trust = {s: t / top for s, t in trust.items()}
    return _best(obs, belief)


def investment(obs: Observations, ratings: Ratings | None, rounds: int = 20) -> Picks:
    """Each source invests its trust evenly in its facts; a fact's belief grows with the
    investment (G(x) = x^1.2); each source earns back its share of each fact's belief."""
    by_source, by_fact = _facts(obs)
    trust = dict.fromkeys(by_source, 1.0)
    belief: dict[tuple[Topic, int], float] = {}
    for _ in range(rounds):
        stake = {s: trust[s] / len(by_source[s]) for s in by_source}
        invested = {f: sum(stake[s] for s in srcs) for f, srcs in by_fact.items()}
        belief = {f: x**1.2 for f, x in invested.items()}
        trust = {
            s: sum(belief[f] * stake[s] / invested[f] for f in facts)
            for s, facts in by_source.items()
        }
        top = max(trust.values())
        trust = {s: t / top for s, t in trust.items()}
    return _best(obs, belief)


PEERS: dict[str, Callable[[Observations, Ratings | None], Picks]] = {
    "majority": majority,
    "weighted majority": weighted_majority,
    "TruthFinder": truthfinder,
    "CRH": crh,
    "Sums": sums,
    "Investment": investment,
}


# --------------------------------------------------------------------------- factcheck


@dataclass(frozen=True)
class Pick:
    figure: float | None  # None: too close to call
    top: float  # the figure of the highest-scoring side
    words: str


def factcheck_picks(
    corpus: Corpus, obs: Observations, ratings: Ratings | None
) -> dict[Topic, Pick]:
    """The side each topic's assessment leans to; a topic in no conflict agrees with itself."""
    picks: dict[Topic, Pick] = {}
    for topic, figures in obs.figures.items():
        if len(figures) == 1:
            picks[topic] = Pick(figures[0], figures[0], "agreed")
    for conflict in find_conflicts(corpus).conflicts:
        if conflict.kind != "values":
            continue
        first = corpus.claims[conflict.sides[0].claims[0]]
        topic = (conflict.subject, conflict.property, scope_key(first))
        result = assess(corpus, conflict, ratings)
        figures = [_side_figure(corpus, side.claims) for side in conflict.sides]
        top = max(range(len(figures)), key=lambda i: result.sides[i].score)
        chosen = None if result.favoured is None else figures[result.favoured]
        top_figure = figures[top]
        assert top_figure is not None  # planted figures are all counts
        words = result.sides[result.favoured].value if result.favoured is not None else "too close"
        picks[topic] = Pick(chosen, top_figure, words)
    return picks


def _side_figure(corpus: Corpus, claims: tuple[str, ...]) -> float | None:
    """The middle figure of a side (None for a side without one, such as 'not yet')."""
    found = sorted(f for cid in claims if (f := point(corpus.values[cid])) is not None)
    return found[len(found) // 2] if found else None


# --------------------------------------------------------------------------- planted


MIXES = [
    # name, reliable share, reliable error, unreliable error, copier share
    ("half reliable", 0.5, 0.1, 0.6, 0.0),
    ("mostly reliable", 0.8, 0.1, 0.6, 0.0),
    ("mostly unreliable", 0.3, 0.1, 0.6, 0.0),
    ("mostly unreliable, copying", 0.3, 0.1, 0.6, 0.5),
    ("noisy reliable", 0.5, 0.25, 0.5, 0.0),
    ("half listed", 0.4, 0.1, 0.7, 0.0),
]


def planted_table(topics: int, seeds: int) -> list[list[str]]:
    rows = []
    for name, share, r_err, u_err, copiers in MIXES:
        right: dict[str, int] = defaultdict(int)
        total = abstained = 0
        for seed in range(seeds):
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                truth = plant_truth(
                    folder,
                    topics=topics,
                    reliable_share=share,
                    reliable_error=r_err,
                    unreliable_error=u_err,
                    copier_share=copiers,
                    listed_share=0.5 if name == "half listed" else 1.0,
                    seed=seed,
                )
                corpus = load_corpus([folder / "claims.yaml"], use_cache=False)
                ratings = read_ratings(folder / "reliability.csv")
            obs = observations(corpus)
            fc = factcheck_picks(corpus, obs, ratings)
            for topic in obs.figures:
                true = truth[topic[1]]
                total += 1
                pick = fc[topic]
                abstained += pick.figure is None
                right["factcheck"] += pick.figure is not None and _close(pick.figure, true, 0.05)
                right["factcheck top"] += _close(pick.top, true, 0.05)
            for peer, method in PEERS.items():
                for topic, value in method(obs, ratings).items():
                    good = _close(obs.figures[topic][value], truth[topic[1]], 0.05)
                    right[peer] += good
                    ours = _close(fc[topic].top, truth[topic[1]], 0.05)
                    right[f"only factcheck, not {peer}"] += ours and not good
                    right[f"only {peer}"] += good and not ours
                    if fc[topic].figure is not None:
                        right[f"{peer} where factcheck leans"] += good
        pct = {k: f"{100 * v / total:.1f}" for k, v in right.items()}
        decided = max(1, total - abstained)
        best_there = max(right[f"{p} where factcheck leans"] for p in PEERS)
        best = max(PEERS, key=lambda p: right[p])
        rows.append(
            [
                name,
                pct["factcheck top"],
                *(pct.get(p, "0.0") for p in PEERS),
                f"{100 * abstained / total:.1f}",
                f"{100 * right['factcheck'] / decided:.1f}",
                f"{100 * best_there / decided:.1f}",
                f"{best}: {right[f'only factcheck, not {best}']} / {right[f'only {best}']}",
            ]
        )
    return rows


PLANTED_HEADER = [
    "mix",
    "factcheck (top score)",
    *PEERS,
    "too close to call",
    "factcheck where it leans",
    "best peer there",
    "best peer: topics only factcheck / only it gets right",
]


# --------------------------------------------------------------------------- real data


def side_by_side(paths: list[Path]) -> list[list[str]]:
    """Each values conflict of these claim bases: the side factcheck leans to and each
    peer's pick, as the side's value (or `—` for a value outside the conflict)."""
    rows = []
    for path in paths:
        corpus = load_corpus([path], use_cache=False)
        obs = observations(corpus)
        picks = {peer: method(obs, None) for peer, method in PEERS.items()}
        for conflict in find_conflicts(corpus).conflicts:
            if conflict.kind != "values":
                continue
            first = corpus.claims[conflict.sides[0].claims[0]]
            topic = (conflict.subject, conflict.property, scope_key(first))
            if topic not in obs.figures:
                continue  # statuses and 'has not happened': no figure for the peers
            result = assess(corpus, conflict)
            shown = [s.value for s in result.sides]
            tolerance = max(corpus.properties[topic[1]].tolerance, 1e-9)
            figures = [_side_figure(corpus, s.claims) for s in conflict.sides]

            leans = "too close" if result.favoured is None else shown[result.favoured]
            rows.append(
                [
                    path.name if path.name != "claims" else "bundled",
                    conflict.property,
                    leans,
                    *(
                        _side_of(obs.figures[topic][picks[p][topic]], figures, shown, tolerance)
                        for p in PEERS
                    ),
                ]
            )
    return rows


def _side_of(figure: float, figures: list[float | None], shown: list[str], tolerance: float) -> str:
    """The side whose figure a pick is (`—` for a figure on no side)."""
    for n, f in enumerate(figures):
        if f is not None and _close(f, figure, tolerance):
            return shown[n]
    return "—"


def _markdown(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(r.replace("|", "\\|") for r in row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=300)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    sys.stdout.write(
        f"Planted truth: {args.topics} topics x {args.seeds} seeds a mix, 7 claims a topic "
        "from 40 publishers (share of topics whose planted value is picked, %)\n\n"
    )
    sys.stdout.write(_markdown(PLANTED_HEADER, planted_table(args.topics, args.seeds)) + "\n\n")
    n = args.topics * args.seeds
    sys.stdout.write(
        f"Sampling error: at 90 % right, ±{196 * math.sqrt(0.09 / n):.1f} points (95 %) "
        f"over {n:,} topics a mix.\n\n"
    )
    paths = [ROOT / "claims", *sorted((ROOT / "tests" / "data" / "evaluation").glob("*"))]
    found = [p for p in paths if p.is_dir()]
    sys.stdout.write("Values conflicts of the bundled data set and the evaluation documents\n\n")
    header = ["claims", "property", "factcheck leans to", *PEERS]
    sys.stdout.write(_markdown(header, side_by_side(found)) + "\n")


if __name__ == "__main__":
    main()
