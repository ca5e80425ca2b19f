"""Values that are entities (actors, places, organisations), declared once with their names
in any alphabet: two different entities holding a single-valued property at one time
conflict; the same entity under two names does not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.conflict_report import Severity
from factcheck.conflicts import find_conflicts
from factcheck.corpus import Corpus
from factcheck.errors import InputError
from factcheck.loading import load_corpus
from tests.conflicts_helpers import one_file_base

ENTITIES = [
    {"id": "army", "name": "Government forces", "kind": "actor", "aliases": ["the army"]},
    {"id": "militia", "name": "The Militia", "kind": "actor", "aliases": ["Ополчение"]},
    {"id": "kyiv", "name": "Kyiv", "kind": "place", "aliases": ["Kiev", "Київ", "Киев"]},
    {"id": "home", "name": "Ruritania", "kind": "place", "aliases": ["the country"]},
]


def _prop(pid: str, **extra: Any) -> dict[str, Any]:
    return {"id": pid, "name": pid, "definition": pid, "kind": "entity", **extra}


PROPERTIES = [_prop("retaken_by"), _prop("whereabouts"), _prop("fighters", several=True)]


def _with_entities(tmp_path: Path, claims: list[dict[str, Any]], entities: list[Any]) -> Corpus:
    """The vocabulary in one file; the entities and claims in another."""
    one_file_base(tmp_path / "c", "town", PROPERTIES, [])
    (tmp_path / "c" / "entities.yaml").write_text(
        yaml.safe_dump({"entities": entities, "claims": claims}, allow_unicode=True), "utf-8"
    )
    return load_corpus([tmp_path / "c"])


def _claim(cid: str, prop: str, value: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "document": "rep",
        "text": f"{cid} says {value}.",
        "subject": "town",
        "property": prop,
        "value": value,
        "claimant": cid,
        **extra,
    }


def test_two_actors_retaking_one_town_on_one_day_conflict(tmp_path: Path) -> None:
    corpus = _with_entities(
        tmp_path,
        [
            _claim("ministry", "retaken_by", "government forces", as_of="4 March 2024"),
            _claim("monitor", "retaken_by", "the militia", as_of="4 March 2024"),
        ],
        ENTITIES,
    )
    (c,) = find_conflicts(corpus).conflicts
    assert (c.kind, c.severity) == ("values", Severity.high)
    assert c.distance == "government forces vs the militia"


def test_one_entity_under_names_in_two_alphabets_agrees(tmp_path: Path) -> None:
    corpus = _with_entities(
        tmp_path,
        [
            _claim("a", "whereabouts", "Kyiv", as_of="1 May 2024"),
            _claim("b", "whereabouts", "Київ", as_of="1 May 2024"),
            _claim("c", "whereabouts", "KIEV", as_of="1 May 2024"),
        ],
        ENTITIES,
    )
    assert find_conflicts(corpus).conflicts == []
    assert {corpus.values[c].value for c in "abc"} == {"kyiv"}


def test_a_minister_abroad_against_his_word_that_he_has_not_left(tmp_path: Path) -> None:
    corpus = _with_entities(
        tmp_path,
        [
            _claim("press", "whereabouts", "Kyiv", as_of="1 May 2024"),
            _claim("minister", "whereabouts", "the country", as_of="1 May 2024"),
        ],
        ENTITIES,
    )
    (c,) = find_conflicts(corpus).conflicts
    assert set(c.claim_ids) == {"press", "minister"}


def test_several_actors_may_fight_at_once(tmp_path: Path) -> None:
    corpus = _with_entities(
        tmp_path,
        [
            _claim("a", "fighters", "the army", as_of="4 March 2024"),
            _claim("b", "fighters", "Ополчение", as_of="4 March 2024"),
        ],
        ENTITIES,
    )
    assert find_conflicts(corpus).conflicts == []


def test_an_unknown_name_is_refused_with_the_nearest(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        _with_entities(tmp_path, [_claim("a", "retaken_by", "the milita")], ENTITIES)
    (problem,) = caught.value.problems
    assert "claims[0].value: 'the milita' is not the name of a declared entity" in str(problem)
    assert "did you mean 'militia'?" in str(problem)


def test_a_name_two_entities_share_is_refused(tmp_path: Path) -> None:
    clash = [*ENTITIES, {"id": "capital", "name": "The capital", "aliases": ["Kiev"]}]
    with pytest.raises(InputError) as caught:
        _with_entities(tmp_path, [], clash)
    (problem,) = caught.value.problems
    assert "entities[4].aliases: the name 'Kiev' is also a name of 'kyiv'" in str(problem)
