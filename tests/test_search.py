"""Keyword search (`factcheck.search`) on the fixed corpus in tests/data/search: filters,
fields, the limit, sorting, ranking and the nearest words when nothing matches."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import search as search_module
from factcheck.errors import UsageError
from factcheck.loading import load_corpus
from factcheck.search import Filters, search
from tests.search_helpers import CORPUS, WIDE, claim, find, found, ids, write_claims

ALL = [
    "alaudinov",
    "aleksei",
    "decree-uk",
    "decree-us",
    "defence-ministry",
    "exodus-long",
    "gerasimov",
    "kazakhstan",
    "kremlin-both",
    "kremlin-text",
    "peskov",
    "prigozhin",
    "shoigu-ru",
    "shoygu",
    "tie-a",
    "tie-b",
    "upper-lars",
    "zelenskyy",
]


def day(iso: str) -> float:
    return float(date.fromisoformat(iso).toordinal())


def test_the_fixture_loads() -> None:
    assert sorted(load_corpus([CORPUS]).claims) == sorted(ALL)


# --------------------------------------------------------------------------- filters and options


def test_the_wide_query() -> None:
    assert found(WIDE) == [
        "aleksei",
        "decree-uk",
        "decree-us",
        "defence-ministry",
        "exodus-long",
        "kremlin-both",
        "kremlin-text",
        "peskov",
        "prigozhin",
        "upper-lars",
        "zelenskyy",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(subject="emigration"), ["exodus-long", "kremlin-text", "upper-lars"]),
        (Filters(subject="nothing"), []),
        (Filters(property="intake.count"), ["kremlin-both", "peskov", "zelenskyy"]),
        (Filters(property="start.date"), ["decree-uk", "decree-us"]),
        (Filters(claimant="Forbes"), ["kremlin-text"]),
        (Filters(claimant="putin"), ["decree-uk"]),
        (Filters(claimant="PESK"), ["peskov"]),
        (Filters(publisher="Meduza"), ["exodus-long", "kremlin-text", "upper-lars", "zelenskyy"]),
        (Filters(publisher="ovd-info"), ["aleksei"]),
        (Filters(publisher="ria novosti"), []),
        (
            Filters(document="wiki"),
            [
                "decree-us",
                "defence-ministry",
                "exodus-long",
                "kremlin-both",
                "prigozhin",
                "zelenskyy",
            ],
        ),
        (Filters(stance="denies"), ["peskov"]),
        (Filters(stance="reports"), ["kremlin-text", "prigozhin", "upper-lars"]),
        # a claim's time is its as_of, else its date value; an interval counts when it
        # reaches into the range (prigozhin is as of October 2022)
        (Filters(since=day("2022-10-20")), ["defence-ministry", "prigozhin"]),
        (
            Filters(until=day("2022-10-01")),
            [
                "aleksei",
                "decree-uk",
                "decree-us",
                "kremlin-both",
                "peskov",
                "prigozhin",
                "zelenskyy",
            ],
        ),
        (Filters(since=day("2022-09-22"), until=day("2022-09-24")), ["aleksei", "peskov"]),
        (Filters(since=day("2022-11-01")), []),
        (Filters(document="wiki", stance="reports"), ["prigozhin"]),
    ],
)
def test_filters(filters: Filters, expected: list[str]) -> None:
    assert found(WIDE, filters=filters) == expected


@pytest.mark.parametrize(
    ("claimant", "expected"),
    [("Шойгу", ["shoigu-ru"]), ("сергей шойгу", ["shoigu-ru"]), ("Äşimbaev", ["kazakhstan"])],
)
def test_claimant_filter_with_letters_beyond_ascii(claimant: str, expected: list[str]) -> None:
    """The filter lower-cases in Python, the index compares with SQLite's `lower`, which
    only knows A-Z: a claimant written in Cyrillic is not found even as written."""
    query = "300 OR Kazakhstan"
    assert found(query, filters=Filters(claimant=claimant)) == expected


@pytest.mark.parametrize("text", ["_", "Fo_bes"])
def test_claimant_and_publisher_filters_take_text_literally(text: str) -> None:
    """No claimant or publisher contains `_` or `%`; SQL LIKE wildcards must not leak."""
    assert found(WIDE, filters=Filters(claimant=text)) == []
    assert found(WIDE, filters=Filters(publisher=text)) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (["text"], ["kremlin-both", "kremlin-text"]),
        (["claimant"], ["kremlin-both"]),
        (["sources"], ["peskov"]),
        (["claimant", "sources"], ["kremlin-both", "peskov"]),
        (["subject"], []),
        (["property"], []),
    ],
)
def test_in_fields(fields: list[str], expected: list[str]) -> None:
    assert ids("Kremlin", fields=fields) == expected


def test_in_subject_and_property() -> None:
    assert found("emigration", fields=["subject"]) == [
        "exodus-long",
        "kazakhstan",
        "kremlin-text",
        "upper-lars",
    ]
    assert found("emigration", fields=["text"]) == []
    assert found("intake", fields=["property"]) == [
        "alaudinov",
        "kremlin-both",
        "peskov",
        "shoigu-ru",
        "shoygu",
        "tie-a",
        "tie-b",
        "zelenskyy",
    ]
    assert found("drafting", fields=["subject"]) == found("draft", fields=["subject"])


def test_a_match_in_the_subject_says_so() -> None:
    results = find("emigration", fields=["subject"])
    # the property's name (Emigrants total) holds a word of the same family
    assert {h.matched_in for h in results.matches} == {("subject", "property")}


def test_unknown_field() -> None:
    with pytest.raises(UsageError) as raised:
        find("Kremlin", fields=["title"])
    assert str(raised.value) == (
        "--in: no field 'title'; choose from text, claimant, subject, property, sources"
    )


def test_limit_keeps_the_best_and_the_total() -> None:
    everything = find(WIDE, limit=100)
    first3 = find(WIDE, limit=3)
    assert [h.id for h in first3.matches] == [h.id for h in everything.matches][:3]
    assert first3.total == everything.total == 11
    exact3 = find(WIDE, limit=3, exact=True)
    assert (len(exact3.matches), exact3.total) == (3, 11)


def test_sort_by_date_newest_first_then_by_relevance_untimed_last() -> None:
    assert ids(WIDE, sort="date") == [
        "defence-ministry",  # 28 October 2022
        "kremlin-text",  # 4 October 2022, the better match of the two
        "upper-lars",  # 4 October 2022
        "prigozhin",  # October 2022
        "kremlin-both",  # 26 September 2022
        "aleksei",  # 24 September 2022
        "peskov",  # 22 September 2022
        "zelenskyy",  # 21 September 2022, best of three
        "decree-us",
        "decree-uk",
        "exodus-long",  # no time
    ]


def test_sort_must_be_known() -> None:
    with pytest.raises(UsageError, match="--sort must be relevance or date, not 'newest'"):
        find("Kremlin", sort="newest")


# --------------------------------------------------------------------------- ranking


def test_ranking_by_where_the_word_is() -> None:
    results = find("Kremlin")
    # word in claimant and text, then in the text only, then only in a source's title
    assert [h.id for h in results.matches] == ["kremlin-both", "kremlin-text", "peskov"]
    scores = [h.score for h in results.matches]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == 3
    assert [h.matched_in for h in results.matches] == [
        ("text", "claimant"),
        ("text",),
        ("sources",),
    ]


def test_ranking_claimant_and_text_above_text_alone() -> None:
    assert ids("defence") == ["defence-ministry", "shoygu"]
    assert ids("Upper Lars")[0] == "upper-lars"  # in its text and its source's title


def test_scores_descend_and_ties_go_by_id() -> None:
    results = find(WIDE, limit=100)
    scores = [h.score for h in results.matches]
    assert scores == sorted(scores, reverse=True)
    assert all(s > 0 for s in scores)
    tied = find("Recruits")
    # tie-b comes first in the file; equal scores are ordered by id (prigozhin's property
    # is named Prison recruitment: the same family, in a field that weighs less)
    assert [h.id for h in tied.matches] == ["tie-a", "tie-b", "prigozhin"]
    assert tied.matches[0].score == tied.matches[1].score


# --------------------------------------------------------------------------- no result


def test_no_result_suggests_the_nearest_words() -> None:
    results = find("Kazakhstanians")
    assert results.hits == []
    assert results.total == 0
    assert results.suggestions == ["kazakhstan"]


def test_no_result_for_a_phrase_suggests_its_words() -> None:
    results = find('"mobilisation partial"')
    assert results.hits == []
    assert {"mobilisation", "mobilization", "partial"} <= set(results.suggestions)


# --------------------------------------------------------------------------- scores


def test_scores_are_relative_to_the_best_hit_even_for_a_word_every_claim_holds(
    tmp_path: Path,
) -> None:
    """bm25 gives a word that most claims hold almost no weight: raw scores read 0.00 for
    every hit. Shown relative to the best hit, they still say which matches best."""
    folder = write_claims(
        tmp_path / "claims",
        [
            claim("short", "Russia."),
            claim("twice", "Russia and again Russia, as Russia says."),
            claim("long", "Many men left Russia after the announcement of the partial call-up."),
        ],
    )
    results = search("Russia", [folder])
    scores = {h.id: h.score for h in results.hits}
    assert max(scores.values()) == 1.0
    assert all(0 < s <= 1 for s in scores.values())
    assert scores["long"] < scores["short"]
    assert [h.score for h in results.hits] == sorted(scores.values(), reverse=True)


# --------------------------------------------------------------------------- topics


def test_the_other_claims_of_a_matched_topic_follow_the_matches() -> None:
    """`Forbes` is in one claim about emigration (left.count); the other claims on that topic
    come after it, marked as found through their topic, scored below it."""
    results = find("Forbes", limit=10)
    assert [(h.id, h.via) for h in results.hits] == [
        ("kremlin-text", "words"),
        ("kazakhstan", "topic"),
        ("upper-lars", "topic"),
        ("exodus-long", "topic"),
    ]
    assert (results.total, results.related) == (1, 3)
    assert {(h.subject, h.property) for h in results.hits} == {("emigration", "left.count")}
    assert all(h.score < results.hits[0].score for h in results.hits[1:])


def test_a_query_naming_what_a_property_measures_brings_its_claims() -> None:
    """`street` is in no claim, only in the definition of detained.count ('Number of
    detainees at street protests'): that property's claims are found through it."""
    results = find("street", limit=10)
    assert (results.total, results.related) == (0, 1)
    assert [(h.id, h.via, h.score) for h in results.hits] == [("aleksei", "topic", 0.5)]
    assert results.hits[0].matched_in == ()


def test_a_definition_counts_only_when_the_property_field_is_searched() -> None:
    assert find("street", fields=["text"], limit=10).hits == []
    assert [h.id for h in find("street", fields=["property"], limit=10).hits] == ["aleksei"]


def test_topics_only_fill_the_room_the_matches_leave() -> None:
    results = find("Kremlin OR Wagner", limit=4)
    assert [h.via for h in results.hits] == ["words"] * 4
    assert results.related == 0
    results = find("Kremlin OR Wagner", limit=5)
    assert [h.via for h in results.hits] == ["words"] * 4 + ["topic"]
    assert results.related == 9


def test_filters_hold_for_claims_found_through_their_topic() -> None:
    results = find("Forbes", filters=Filters(document="euaa"), limit=10)
    assert [(h.id, h.document) for h in results.hits] == [
        ("kremlin-text", "euaa"),
        ("kazakhstan", "euaa"),
        ("upper-lars", "euaa"),
    ]
    assert results.related == 2


def test_only_the_properties_a_query_names_best_bring_their_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`number` is in four definitions; a word every definition holds names no topic in
    particular, so only the best-matching properties count (here one)."""
    everything = find("number", fields=["property"], limit=20)
    assert {h.property for h in everything.hits} == {
        "intake.count",
        "left.count",
        "detained.count",
        "convicts.count",
    }
    monkeypatch.setattr(search_module, "NAMED_PROPERTIES", 1)
    best = find("number", fields=["property"], limit=20)
    assert len({h.property for h in best.hits}) == 1
    assert {h.via for h in best.hits} == {"topic"}
