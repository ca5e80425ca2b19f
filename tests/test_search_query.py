"""The search query language (`factcheck.search_query`) on the fixed corpus in
tests/data/search: what each form finds, and the errors of a malformed query."""

from __future__ import annotations

import pytest

from factcheck.errors import UsageError
from factcheck.search_query import parse_query
from tests.search_helpers import find, found, index_files


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # AND by default, and the explicit AND changes nothing
        ("partial Putin", ["decree-uk"]),
        ("partial AND Putin", ["decree-uk"]),
        ("Kremlin Russia", ["kremlin-text"]),
        ("Kremlin Navalny", []),
        # OR
        ("Navalny OR Prigozhin", ["aleksei", "prigozhin"]),
        ("Navalny OR Prigozhin OR Akhmat", ["alaudinov", "aleksei", "prigozhin"]),
        # NOT and a leading -
        ("partial", ["decree-uk", "decree-us", "defence-ministry"]),
        ("partial NOT Putin", ["decree-us", "defence-ministry"]),
        ("partial -Putin", ["decree-us", "defence-ministry"]),
        ("partial -Putin -televised", ["defence-ministry"]),
        ("partial NOT (Putin OR televised)", ["defence-ministry"]),
        # phrases: the words in this order, next to each other
        ('"partial mobilisation"', ["decree-uk", "decree-us"]),
        ('"mobilisation partial"', []),
        ("“partial mobilisation”", ["decree-uk", "decree-us"]),
        # a phrase's words are matched as words are, by their family: "called up", "call up"
        ('"called up"', ["defence-ministry", "peskov", "zelenskyy"]),
        ('"called first"', ["kremlin-both"]),
        ('"Upper Lars"', ["exodus-long", "kremlin-text", "upper-lars", "zelenskyy"]),
        ('"Lars Upper"', []),
        ('"one million men"', ["peskov", "zelenskyy"]),
        ('"million one"', []),
        # a trailing *
        ("Kreml*", ["kremlin-both", "kremlin-text", "peskov"]),
        ("mobilis*", ["decree-uk", "decree-us"]),
        ("mobiliz*", ["decree-uk", "decree-us"]),
        ("Shoy*", ["shoigu-ru", "shoygu"]),
        ("detent*", ["aleksei"]),
        # parentheses group; AND binds tighter than OR
        ("(partial OR Kremlin) Russia", ["defence-ministry", "kremlin-text"]),
        (
            "partial OR Kremlin Russia",
            ["decree-uk", "decree-us", "defence-ministry", "kremlin-text"],
        ),
        ("(Kremlin -Forbes) OR Navalny", ["aleksei", "kremlin-both", "peskov"]),
        ("((Navalny))", ["aleksei"]),
        # words joined by punctuation are a phrase
        # "call up" in zelenskyy, "called up" in peskov
        ("call-up", ["defence-ministry", "peskov", "zelenskyy"]),
        ("OVD-Info", ["aleksei"]),
    ],
)
def test_query_forms(query: str, expected: list[str]) -> None:
    assert found(query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty query; give a word to look for"),
        ("   ", "empty query; give a word to look for"),
        ('"partial mobilisation', 'query has an opening " without a closing one'),
        ("“partial mobilisation", 'query has an opening " without a closing one'),
        ('partial "', 'query has an opening " without a closing one'),
        ('""', 'query: an empty "phrase"'),
        ("(partial OR Kremlin", "query: a '(' is not closed"),
        ("partial OR Kremlin)", "query: unexpected ')'"),
        ("()", "query: empty parentheses"),
        ("partial OR", "query: OR needs a word on both sides"),
        ("OR partial", "query: OR needs a word on both sides"),
        ("partial OR OR Kremlin", "query: OR needs a word on both sides"),
        ("(partial OR) Kremlin", "query: OR needs a word on both sides"),
        ("partial NOT", "query: NOT needs a word after it"),
        ("(partial NOT) Kremlin", "query: NOT needs a word after it"),
        (
            "NOT partial",
            "query: NOT needs something to look for beside it ('mobilisation NOT partial')",
        ),
        (
            "-partial",
            "query: NOT needs something to look for beside it ('mobilisation NOT partial')",
        ),
        ("-partial -Kremlin", "query: NOT needs something to look for beside it"),
        ("NOT partial NOT Kremlin", "query: NOT needs something to look for beside it"),
        (
            "(-partial)",
            "query: NOT needs something to look for beside it ('mobilisation NOT partial')",
        ),
        ("mo*bil", "query: 'mo*bil': a * may only end a word"),
        ("*bil", "query: '*bil': a * may only end a word"),
        ("m*", "query: 'm*': give at least two letters before the *"),
        ("*", "query: '*' has no letters or digits to look for"),
        ("partial -", "query: '-' has no letters or digits to look for"),
        ("call-up*", "query: 'call-up*': a * may only end a single word"),
    ],
)
def test_malformed_queries(query: str, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_query(query)
    assert str(raised.value) == message
    with pytest.raises(UsageError) as raised:
        find(query)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("query", "named"),
    [(")", "')'"), (") partial", "')'"), ("AND", "AND")],
)
def test_a_stray_token_is_named_in_the_message(query: str, named: str) -> None:
    """A lone `)` or `AND` is reported as 'OR needs a word on both sides', which names
    something the query does not contain."""
    with pytest.raises(UsageError) as raised:
        parse_query(query)
    assert named in str(raised.value)
    assert "OR needs" not in str(raised.value)


@pytest.mark.parametrize("query", ["partial OR NOT Kremlin", "partial OR -Kremlin"])
def test_an_alternative_of_only_not_is_refused(query: str) -> None:
    with pytest.raises(UsageError, match="NOT needs something to look for beside it"):
        find(query)


def test_a_malformed_query_builds_no_index() -> None:
    with pytest.raises(UsageError):
        find("(partial")
    assert index_files() == []
