"""Keyword search (`factcheck.search`) on the fixed corpus in tests/data/search: filters,
fields, the limit, sorting, ranking and the nearest words when nothing matches."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.errors import UsageError
from factcheck.loading import load_corpus
from factcheck.search import Filters
from tests.search_helpers import CORPUS, WIDE, find, found, ids

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
    assert {h.matched_in for h in results.hits} == {("subject", "property")}


def test_unknown_field() -> None:
    with pytest.raises(UsageError) as raised:
        find("Kremlin", fields=["title"])
    assert str(raised.value) == (
        "--in: no field 'title'; choose from text, claimant, subject, property, sources"
    )


def test_limit_keeps_the_best_and_the_total() -> None:
    everything = find(WIDE, limit=100)
    first3 = find(WIDE, limit=3)
    assert [h.id for h in first3.hits] == [h.id for h in everything.hits][:3]
    assert first3.total == everything.total == 11
    exact3 = find(WIDE, limit=3, exact=True)
    assert (len(exact3.hits), exact3.total) == (3, 11)


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
    assert [h.id for h in results.hits] == ["kremlin-both", "kremlin-text", "peskov"]
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == 3
    assert [h.matched_in for h in results.hits] == [("text", "claimant"), ("text",), ("sources",)]


def test_ranking_claimant_and_text_above_text_alone() -> None:
    assert ids("defence") == ["defence-ministry", "shoygu"]
    assert ids("Upper Lars")[0] == "upper-lars"  # in its text and its source's title


def test_scores_descend_and_ties_go_by_id() -> None:
    results = find(WIDE, limit=100)
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)
    assert all(s > 0 for s in scores)
    tied = find("Recruits")
    # tie-b comes first in the file; equal scores are ordered by id (prigozhin's property
    # is named Prison recruitment: the same family, in a field that weighs less)
    assert [h.id for h in tied.hits] == ["tie-a", "tie-b", "prigozhin"]
    assert tied.hits[0].score == tied.hits[1].score


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
