"""Which source records describe one work and which sources depend on each other, on small
corpora written in each test: duplicate sources (FC201) and the near misses that are not,
footnotes, relays and duplicates that count as one independent source (FC502), and
`independent_sources`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factcheck.checks import Level
from factcheck.sources import independent_sources
from tests.citations_helpers import (
    check,
    cited,
    claim,
    note,
    one_claim,
    shape,
    source,
)

# --------------------------------------------------------------------------- FC201 duplicates


@pytest.mark.parametrize(
    ("first", "later", "why"),
    [
        pytest.param(
            {"url": "https://www.example.org/story/"},
            {"url": "http://example.org/story"},
            "same url",
            id="url-with-and-without-www-and-slash",
        ),
        pytest.param(
            {"url": "https://example.org/story?utm_source=feed&utm_medium=rss&fbclid=x1"},
            {"url": "https://example.org/story"},
            "same url",
            id="url-with-tracking-parameters",
        ),
        pytest.param(
            {"url": "https://example.org/story#comments"},
            {"url": "https://example.org:443/story/"},
            "same url",
            id="url-with-a-fragment-and-a-port",
        ),
        pytest.param(
            {"url": "https://example.org/view?id=7&lang=en"},
            {"url": "https://example.org/view?lang=en&id=7&gclid=abc"},
            "same url",
            id="url-parameters-in-another-order",
        ),
        pytest.param(
            {"url": None, "identifier": "10.1000/182", "title": "A study"},
            {"url": None, "identifier": "10.1000/182", "title": "A study, reprinted"},
            "same identifier",
            id="doi",
        ),
        pytest.param(
            {"url": None, "identifier": "ISBN 0-306-40615-2"},
            {"url": None, "identifier": "978-0-306-40615-7"},
            "same identifier",
            id="isbn-10-and-isbn-13",
        ),
        pytest.param(
            {"url": None, "identifier": "doi:10.1000/ABC.1"},
            {"url": None, "identifier": "https://doi.org/10.1000/abc.1"},
            "same identifier",
            id="doi-written-two-ways",
        ),
        pytest.param(
            {"url": "https://doi.org/10.1000/182"},
            {"url": None, "identifier": "10.1000/182"},
            "same identifier",
            id="doi-as-a-link-and-as-an-identifier",
        ),
        pytest.param(
            {"url": None, "title": "Annual report", "date": "1 October 2022"},
            {"url": None, "title": "Annual report", "date": "3 October 2022"},
            "same title and publisher, dated within a year",
            id="title-and-publisher",
        ),
        pytest.param(
            {"url": None, "title": "Interview", "author": "Ivanov I.", "kind": "interview"},
            {"url": None, "title": "Interview", "author": "I. Ivanov", "kind": "interview"},
            "same title and publisher, dated within a year",
            id="one-interview-with-one-person",
        ),
    ],
)
def test_duplicate_source(
    tmp_path: Path, first: dict[str, Any], later: dict[str, Any], why: str
) -> None:
    checked = cited(tmp_path, source("a", **first), source("b", **later))
    found = checked.only("FC201")
    assert shape(found) == (
        "FC201",
        Level.warning,
        "b",
        checked.line("b"),
        f"'b' and 'a' look like one work ({why})",
    )


@pytest.mark.parametrize(
    ("first", "later"),
    [
        pytest.param(
            {"url": None, "title": "Online interview with X", "author": "Ivanov I."},
            {"url": None, "title": "Online interview with X", "author": "Petrov P."},
            id="interviews-with-different-people",
        ),
        pytest.param(
            {"url": None, "title": "Annual report", "publisher": "Agency", "date": "2022"},
            {"url": None, "title": "Annual report", "publisher": "Agency", "date": "2024"},
            id="same-report-two-years-apart",
        ),
        pytest.param(
            {"title": "Many leave", "url": "https://example.org/one"},
            {"title": "Many leave", "url": "https://example.org/two"},
            id="same-title-different-links",
        ),
        pytest.param(
            {"title": "Many leave", "url": "https://example.org/view?id=7"},
            {"title": "Many leave", "url": "https://example.org/view?id=8&utm_source=x"},
            id="same-page-another-record-id",
        ),
        pytest.param(
            {"title": "Many leave", "url": "https://example.org/#!/reports/1"},
            {"title": "Many leave", "url": "https://example.org/#!/reports/2"},
            id="hash-bang-routes",
        ),
        pytest.param(
            {"url": None, "title": "Many leave", "publisher": "Wire"},
            {"url": None, "title": "Many leave", "publisher": "Paper"},
            id="same-title-other-publisher",
        ),
        pytest.param(
            {"url": None, "identifier": "10.1000/182", "title": "A study"},
            {"url": None, "identifier": "10.1000/183", "title": "A study"},
            id="same-title-other-doi",
        ),
        pytest.param(
            {"url": None, "identifier": "ISBN 978-0-306-40615-7", "title": "A book"},
            {"url": None, "identifier": "ISBN 978-3-16-148410-0", "title": "A book"},
            id="same-title-other-isbn",
        ),
    ],
)
def test_not_a_duplicate_source(
    tmp_path: Path, first: dict[str, Any], later: dict[str, Any]
) -> None:
    checked = cited(tmp_path, source("a", **first), source("b", **later))
    assert checked.of("FC201") == []


# --------------------------------------------------------------------------- FC502


def test_two_footnotes_citing_one_source_count_once(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a")],
        footnotes=[note("1", "a"), note("2", "a")],
        claims=[claim("c", "1", "2")],
    )
    assert [shape(f) for f in checked.findings] == [
        ("FC502", Level.note, "c", checked.line("c"), "rests on one independent source (a)")
    ]


def test_a_relay_is_not_independent_of_what_it_relays(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("a"), source("b", reports=["a"]))
    assert shape(checked.only("FC502")) == (
        "FC502",
        Level.note,
        "c",
        checked.line("c"),
        "rests on one independent source (a, b)",
    )


def test_duplicate_records_are_one_source(tmp_path: Path) -> None:
    checked = one_claim(
        tmp_path,
        source("a", url="https://example.org/x"),
        source("b", url="https://www.example.org/x/"),
    )
    assert checked.only("FC502").message == "rests on one independent source (a, b)"


def test_two_independent_sources(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("a"), source("b"))
    assert checked.of("FC501", "FC502", "FC503") == []


# --------------------------------------------------------------------------- independent sources


def test_independent_sources(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[
            source("a"),
            source("b"),
            source("relay", reports=["a"]),
            source("relay2", reports=["relay"]),
            source("copy", url="https://www.example.org/a/"),
        ],
        footnotes=[
            note("1", "a"),
            note("2", "a"),
            note("3", "b"),
            note("4", "relay", "relay2"),
            note("5", "copy"),
            note("6", "ghost"),
        ],
        claims=[
            claim("twice", "1", "2"),
            claim("two", "1", "3"),
            claim("relayed", "1", "4"),
            claim("chain-and-other", "4", "3"),
            claim("copied", "5", sources=["a"]),
            claim("inline", sources=["a", "b"]),
            claim("dangling", "6"),
            claim("nothing"),
        ],
    )
    corpus = checked.corpus
    counts = {cid: independent_sources(corpus, c) for cid, c in corpus.claims.items()}
    assert counts == {
        "twice": 1,
        "two": 2,
        "relayed": 1,
        "chain-and-other": 2,
        "copied": 1,
        "inline": 2,
        "dangling": 0,
        "nothing": 0,
    }
    # FC502 says the same thing for exactly the claims that rest on one source.
    assert sorted(f.record for f in checked.of("FC502")) == ["copied", "relayed", "twice"]


def test_a_link_the_url_library_cannot_split_is_compared_as_written(tmp_path: Path) -> None:
    # urllib refuses an unclosed IPv6 bracket; the check must go on, not crash.
    odd = "https://[x.y/2021/03/17/story"
    checked = cited(tmp_path, source("a", url=odd), source("b", url=odd.upper() + "/"))
    assert [f.message for f in checked.of("FC201")] == ["'b' and 'a' look like one work (same url)"]
    assert checked.of("FC307") == []
