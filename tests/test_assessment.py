"""Which side of a conflict the evidence favours (`factcheck.assessment`): each factor moves
a side's score the right way, close calls are called close, and every format shows it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.assessment import MARGIN, Assessment, assess
from factcheck.cli import app
from factcheck.conflicts import find_conflicts
from factcheck.corpus import Corpus
from factcheck.loading import load_corpus
from factcheck.options import Format
from factcheck.reliability import read_ratings
from factcheck.report_schema import ConflictsOut, ReportOut
from tests.conflicts_helpers import VOCABULARY, claim

LOW, HIGH = "300,000", "1,000,000"


def source(sid: str, publisher: str, **fields: Any) -> dict[str, Any]:
    return {"id": sid, "publisher": publisher, **fields}


def backed(cid: str, value: str, *sources: str, **fields: Any) -> dict[str, Any]:
    """A claim on the planned call-up size resting on these sources (cited inline)."""
    return claim(cid, "target.count", value, sources=list(sources), **fields)


def base(
    folder: Path,
    claims: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    documents: list[dict[str, Any]] | None = None,
) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    vocabulary = {**VOCABULARY, "documents": VOCABULARY["documents"] + (documents or [])}
    (folder / "vocabulary.yaml").write_text(yaml.safe_dump(vocabulary), "utf-8")
    data = {"sources": sources, "claims": claims}
    (folder / "claims.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_corpus([folder])


def assessed(corpus: Corpus, ratings: Any = None) -> Assessment:
    report = find_conflicts(corpus)
    values = [c for c in report.conflicts if c.kind == "values"]
    assert len(values) == 1, report.conflicts
    return assess(corpus, values[0], ratings)


def scores(result: Assessment) -> dict[str, float]:
    return {s.value: s.score for s in result.sides}


def two_sides(**extra: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One claim a side, each on a source of its own publisher."""
    claims = [backed("a1", LOW, "sa1", **extra), backed("b1", HIGH, "sb1", **extra)]
    sources = [source("sa1", "Alpha Agency"), source("sb1", "Beta News")]
    return claims, sources


def test_identical_evidence_is_too_close_to_call(tmp_path: Path) -> None:
    result = assessed(base(tmp_path, *two_sides()))
    assert result.favoured is None
    assert scores(result) == {LOW: 1.0, HIGH: 1.0}
    assert result.summary.startswith("too close to call: the sides have evidence of equal weight")
    assert "leans" not in result.summary


def test_a_second_independent_source_makes_the_evidence_lean(tmp_path: Path) -> None:
    claims, sources = two_sides()
    claims.append(backed("a2", LOW, "sa2"))
    sources.append(source("sa2", "Gamma Institute"))
    result = assessed(base(tmp_path, claims, sources))
    assert scores(result) == {LOW: 2.0, HIGH: 1.0}
    assert result.sides[result.favoured or 0].value == LOW
    assert result.summary.startswith(f"the evidence leans to {LOW} (score 2 against 1)")
    assert "the conflict stays open" in result.summary
    low = next(s for s in result.sides if s.value == LOW)
    assert "2 independent sources (Alpha Agency and Gamma Institute) +2" in low.sentence


@pytest.mark.parametrize(
    "second",
    [
        source("sa2", "Gamma Institute", reports=["sa1"]),  # relays the first
        source("sa2", "alpha agency"),  # the same publisher, written otherwise
    ],
    ids=["relay", "same-publisher"],
)
def test_sources_that_are_not_independent_count_once(tmp_path: Path, second: Any) -> None:
    claims, sources = two_sides()
    claims.append(backed("a2", LOW, "sa2"))
    result = assessed(base(tmp_path, claims, [*sources, second]))
    assert scores(result) == {LOW: 1.0, HIGH: 1.0}
    assert result.favoured is None


def test_reliability_weighs_sources(tmp_path: Path) -> None:
    claims, sources = two_sides()
    claims += [backed("a2", LOW, "sa2"), backed("b2", HIGH, "sb2")]
    sources += [source("sa2", "Gamma Institute"), source("sb2", "Delta Review")]
    corpus = base(tmp_path / "claims", claims, sources)
    listed = tmp_path / "reliability.csv"
    listed.write_text(
        "publisher,rating\nAlpha Agency,gu\nGamma Institute,deprecated\n"
        "Beta News,gr\nDelta Review,gr\n",
        "utf-8",
    )
    assert assessed(corpus).favoured is None  # 2 sources against 2
    result = assessed(corpus, read_ratings(listed))
    assert scores(result) == {LOW: 0.25, HIGH: 2.0}
    assert result.sides[result.favoured or 0].value == HIGH
    low = next(s for s in result.sides if s.value == LOW)
    assert "rated: 1 deprecated, 1 generally unreliable" in low.sentence


def test_unrated_sources_count_half_when_a_list_is_given(tmp_path: Path) -> None:
    corpus = base(tmp_path / "claims", *two_sides())
    listed = tmp_path / "reliability.csv"
    listed.write_text("publisher,rating\nBeta News,gr\n", "utf-8")
    assert scores(assessed(corpus, read_ratings(listed))) == {LOW: 0.5, HIGH: 1.0}


def test_more_documents_add_a_little(tmp_path: Path) -> None:
    claims, sources = two_sides()
    claims.append(backed("a2", LOW, "sa1", document="other"))
    documents = [{"id": "other", "title": "Another report"}]
    result = assessed(base(tmp_path, claims, sources, documents))
    assert scores(result) == {LOW: 1.02, HIGH: 1.0}
    assert result.favoured is None  # a further document only separates equal sources


def test_the_most_recent_side_gains(tmp_path: Path) -> None:
    claims, sources = two_sides(as_of="2024")  # both said within the year they describe
    claims[0]["stated"] = "1 March 2024"
    claims[1]["stated"] = "1 February 2024"
    result = assessed(base(tmp_path, claims, sources))
    assert scores(result) == {LOW: 1.05, HIGH: 1.0}
    assert "stated most recently (1 March 2024) +0.05" in result.sides[0].sentence


def test_statements_days_apart_earn_nothing_for_recency(tmp_path: Path) -> None:
    claims, sources = two_sides(as_of="2024")
    claims[0]["stated"] = "3 February 2024"
    claims[1]["stated"] = "1 February 2024"
    assert scores(assessed(base(tmp_path, claims, sources))) == {LOW: 1.0, HIGH: 1.0}


def test_the_side_stated_nearest_its_event_gains(tmp_path: Path) -> None:
    claims, sources = two_sides(as_of="1 January 2024")
    claims[0]["stated"] = "5 January 2024"
    claims[1]["stated"] = "1 December 2024"  # the same event, described a year later
    result = assessed(base(tmp_path, claims, sources))
    by_value = {s.value: s for s in result.sides}
    assert "stated nearest the time it describes (4 days) +0.05" in by_value[LOW].sentence
    assert by_value[LOW].score == 1.05
    assert by_value[HIGH].score == 1.05  # the later statement is the more recent one


def test_a_denied_side_loses(tmp_path: Path) -> None:
    claims, sources = two_sides()
    claims.append(backed("d1", HIGH, "sd1", stance="denies", claimant="Ministry"))
    sources.append(source("sd1", "Epsilon Wire"))
    result = assessed(base(tmp_path, claims, sources))
    assert scores(result) == {LOW: 1.0, HIGH: 0.0}
    high = next(s for s in result.sides if s.value == HIGH)
    assert "denied by 1 independent source −1" in high.sentence
    assert result.favoured is not None and result.sides[result.favoured].value == LOW


def test_a_margin_below_one_point_is_too_close(tmp_path: Path) -> None:
    claims, sources = two_sides(as_of="2024")
    claims[0]["stated"] = "1 March 2024"
    claims[1]["stated"] = "1 February 2024"
    result = assessed(base(tmp_path, claims, sources))
    lead = max(scores(result).values()) - min(scores(result).values())
    assert 0 < lead < MARGIN
    assert result.favoured is None
    assert result.summary == "too close to call (scores 1.05 and 1)"


# --------------------------------------------------------------------------- formats


HOSTILE = "[bold]Evil[/] <script>alert(1)</script> =1+2"


def hostile_base(folder: Path) -> Path:
    claims, sources = two_sides()
    claims.append(backed("a2", LOW, "sa2"))
    sources.append(source("sa2", HOSTILE))
    base(folder, claims, sources)
    return folder


def run(folder: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["--no-cache", *args, "--claims", str(folder)])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_shows_the_assessment(tmp_path: Path, fmt: Format) -> None:
    folder = hostile_base(tmp_path / "claims")
    out = run(folder, "conflicts", "--assess", "--format", fmt.value)
    plain = run(folder, "conflicts", "--format", fmt.value)
    assert "leans to" in out
    assert "leans to" not in plain
    if fmt is Format.table:
        assert "Assessment, not a verdict: the evidence leans to 300,000" in out
        assert "side 1 (favoured): 300,000: 2 independent sources" in out
        assert "[bold]Evil[/]" in out  # markup shown as text
    elif fmt is Format.json:
        data = json.loads(out)
        ConflictsOut.model_validate(data)
        assessment = data["conflicts"][0]["assessment"]
        assert assessment["favoured"] == 0
        assert HOSTILE in assessment["sides"][0]["sentence"]
        assert "assessment" not in json.loads(plain)["conflicts"][0]
    elif fmt is Format.markdown:
        assert "*Assessment, not a verdict: the evidence leans to 300,000" in out
        assert "<script>" not in out
    elif fmt is Format.csv:
        header = out.splitlines()[0].split(",")
        assert header[9:13] == ["assessment", "side_score", "side_favoured", "side_assessment"]
        assert "side_assessment" not in plain
        assert ",yes," in out and ",no," in out
    elif fmt is Format.html:
        assert '<p class="assessment">' in out
        assert "Side 1 ★" in out and "Side 2 ★" not in out  # the chart marks the favoured side
        assert "<script>alert" not in out
        assert "&lt;script&gt;" in out


def test_export_shows_the_assessment_and_fits_its_schema(tmp_path: Path) -> None:
    folder = hostile_base(tmp_path / "claims")
    data = json.loads(run(folder, "export", "--assess", "--format", "json"))
    ReportOut.model_validate(data)
    assert data["conflicts"][0]["assessment"]["sides"][0]["favoured"] is True
    assert "leans to" in run(folder, "export", "--assess", "--format", "markdown")


def test_conflicts_weighs_by_a_reliability_list(tmp_path: Path) -> None:
    folder = hostile_base(tmp_path / "claims")
    listed = tmp_path / "reliability.csv"
    listed.write_text("publisher,rating\nAlpha Agency,d\nBeta News,gr\n", "utf-8")
    out = run(folder, "conflicts", "--assess", "--reliability", str(listed), "-f", "json")
    sides = json.loads(out)["conflicts"][0]["assessment"]["sides"]
    assert [s["score"] for s in sides] == [0.5, 1.0]  # deprecated 0 + unrated ½; reliable 1


def test_values_within_tolerance_support_one_side(tmp_path: Path) -> None:
    claims, sources = two_sides()
    claims.append(backed("a2", "305,000", "sa2"))  # within the property's 5 %
    sources.append(source("sa2", "Gamma Institute"))
    result = assessed(base(tmp_path, claims, sources))
    assert scores(result) == {f"{LOW} and 305,000": 2.0, HIGH: 1.0}
    assert result.favoured == 0


def test_a_poor_track_record_weighs_less(tmp_path: Path) -> None:
    """A publisher no list rates, outvoted in every other conflict, counts for less where
    it stands alone against one other."""
    claims: list[dict[str, Any]] = []
    sources = [source(f"s{n}", f"Desk {n}") for n in range(4)]
    sources.append(source("odd", "Odd Desk"))
    for region in range(4):  # four conflicts: three desks against the odd one
        where = {"scope": {"region": f"r{region}"}}
        claims += [backed(f"c{region}-{n}", LOW, f"s{n}", **where) for n in range(3)]
        claims.append(backed(f"c{region}-odd", HIGH, "odd", **where))
    claims += [backed("last", LOW, "s3"), backed("last-odd", HIGH, "odd")]
    corpus = base(tmp_path, claims, sources)
    last = next(c for c in find_conflicts(corpus).conflicts if "last" in c.claim_ids)
    result = assess(corpus, last)
    by_value = {s.value: s for s in result.sides}
    assert by_value[LOW].score == 1.0  # Desk 3 was never compared
    assert by_value[HIGH].score == 0.31  # ((0 + 5) / (4 + 5))² = 0.31: outvoted 4 times
    assert "Odd Desk 0 of 4" in by_value[HIGH].sentence
    assert result.sides[result.favoured or 0].value == LOW


def test_a_source_on_both_sides_earns_no_record(tmp_path: Path) -> None:
    claims: list[dict[str, Any]] = []
    sources = [source(f"s{n}", f"Desk {n}") for n in range(3)] + [source("both", "Both Desk")]
    for region in range(3):  # Both Desk on each side of three conflicts
        where = {"scope": {"region": f"r{region}"}}
        claims += [
            backed(f"c{region}-0", LOW, "s0", **where),
            backed(f"c{region}-1", LOW, "s1", **where),
            backed(f"c{region}-b1", LOW, "both", **where),
            backed(f"c{region}-b2", HIGH, "both", **where),
        ]
    claims += [backed("last", LOW, "s2"), backed("last-both", HIGH, "both")]
    corpus = base(tmp_path, claims, sources)
    last = next(c for c in find_conflicts(corpus).conflicts if "last" in c.claim_ids)
    assert scores(assess(corpus, last)) == {LOW: 1.0, HIGH: 1.0}


def test_a_lead_of_exactly_the_margin_leans() -> None:
    from factcheck.assessment import _favoured

    assert MARGIN > 2.05 - 1.05  # in binary floating point
    assert _favoured([1.05, 2.05, 0.0]) == 1
    assert _favoured([1.06, 2.05]) is None


def with_parties(
    folder: Path,
    claims: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    parties: list[str],
    entities: list[dict[str, Any]] | None = None,
) -> Corpus:
    """A claim base whose call-up names these parties to the matter."""
    subjects = [
        {**s, "parties": parties} if s["id"] == "callup" else s for s in VOCABULARY["subjects"]
    ]
    vocabulary = {**VOCABULARY, "subjects": subjects, "entities": entities or []}
    folder.mkdir(exist_ok=True)
    (folder / "vocabulary.yaml").write_text(yaml.safe_dump(vocabulary), "utf-8")
    data = {"sources": sources, "claims": claims}
    (folder / "claims.yaml").write_text(yaml.safe_dump(data), "utf-8")
    return load_corpus([folder])


def test_a_party_to_the_matter_counts_half(tmp_path: Path) -> None:
    claims, sources = two_sides()
    claims[1]["claimant"] = "the Ministry"
    result = assessed(with_parties(tmp_path, claims, sources, ["Ministry"]))
    assert scores(result) == {LOW: 1.0, HIGH: 0.5}
    high = next(s for s in result.sides if s.value == HIGH)
    assert (
        "stated by a party to the matter (the Ministry), its own account: 1 source counted "
        "half −0.5" in high.sentence
    )
    assert result.favoured is None  # half a source is not enough to lean


def test_a_party_named_as_an_entity_is_known_by_its_aliases(tmp_path: Path) -> None:
    claims, sources = two_sides()
    claims[1]["claimant"] = "MoD"
    entities = [{"id": "mod", "name": "Ministry of Defence", "aliases": ["MoD"]}]
    corpus = with_parties(tmp_path, claims, sources, ["mod"], entities)
    assert scores(assessed(corpus)) == {LOW: 1.0, HIGH: 0.5}


def test_a_denial_by_a_party_to_the_matter_counts_half(tmp_path: Path) -> None:
    claims, sources = two_sides()
    claims.append(backed("d1", HIGH, "sd1", stance="denies", claimant="Ministry"))
    sources.append(source("sd1", "Epsilon Wire"))
    result = assessed(with_parties(tmp_path, claims, sources, ["Ministry"]))
    assert scores(result) == {LOW: 1.0, HIGH: 0.5}
    high = next(s for s in result.sides if s.value == HIGH)
    assert "1 only by a party to the matter, Ministry, counted half" in high.sentence
