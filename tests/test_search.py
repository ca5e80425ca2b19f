"""Keyword search (`factcheck.search`, `factcheck.index`, `factcheck search`) on the fixed
corpus in tests/data/search: the query language and its errors, forgiving and exact matching,
filters, ranking, snippets, the empty result, the on-disk index and every output format.

The corpus has 18 claims whose texts were written so that each case below has one right
answer; its claims.yaml lists the typographic characters it holds (thin and no-break spaces,
curly quotes, a Cyrillic letter in a Latin name and a Latin letter in a Cyrillic one)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import FactcheckError, UsageError
from factcheck.loading import load_corpus
from factcheck.search import Filters, Results, parse_query, search

CORPUS = Path(__file__).parent / "data" / "search"
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
CYRILLIC_O = "\u043e"
runner = CliRunner()


def find(query: str, paths: list[Path] | None = None, **options: Any) -> Results:
    return search(query, paths or [CORPUS], **options)


def ids(query: str, paths: list[Path] | None = None, **options: Any) -> list[str]:
    """The ids found, in the order given."""
    return [h.id for h in find(query, paths, limit=100, **options).hits]


def found(query: str, **options: Any) -> list[str]:
    """The ids found, sorted (for tests about what matches, not in which order)."""
    return sorted(ids(query, **options))


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["search", *args])
    return result.exit_code, result.stdout, result.stderr


def day(iso: str) -> float:
    return float(date.fromisoformat(iso).toordinal())


def cache() -> Path:
    return Path(os.environ["FACTCHECK_CACHE"])


def index_files() -> list[Path]:
    return sorted(cache().glob("search-*.sqlite"))


def write_claims(folder: Path, claims: list[dict[str, Any]]) -> Path:
    """The fixture's vocabulary and these claims in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(CORPUS / "vocabulary.yaml", folder / "vocabulary.yaml")
    text = yaml.safe_dump({"claims": claims}, allow_unicode=True, sort_keys=False)
    (folder / "claims.yaml").write_text(text, "utf-8")
    return folder


def claim(cid: str, text: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": cid,
        "document": "euaa",
        "footnotes": ["1"],
        "text": text,
        "subject": "draft",
        "property": "start.date",
        "value": "21 September 2022",
    }
    record.update(fields)
    return record


def test_the_fixture_loads() -> None:
    assert sorted(load_corpus([CORPUS]).claims) == sorted(ALL)


# --------------------------------------------------------------------------- query language


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
        ('"called up"', ["peskov"]),
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
        ("call-up", ["defence-ministry", "zelenskyy"]),  # "call up" in zelenskyy
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


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("(partial OR Kremlin", "error: query: a '(' is not closed"),
        ('"partial', 'error: query has an opening " without a closing one'),
        ("partial OR", "error: query: OR needs a word on both sides"),
        ("-partial", "error: query: NOT needs something to look for beside it"),
        ("mo*bil", "error: query: 'mo*bil': a * may only end a word"),
        ("m*", "error: query: 'm*': give at least two letters before the *"),
        ("", "error: empty query; give a word to look for"),
    ],
)
def test_malformed_queries_on_the_command_line(query: str, message: str) -> None:
    code, out, err = run("-c", str(CORPUS), "--", query)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert "Traceback" not in err


def test_a_malformed_query_builds_no_index() -> None:
    with pytest.raises(UsageError):
        find("(partial")
    assert index_files() == []


# --------------------------------------------------------------------------- forgiving matching


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # case and diacritics
        ("KREMLIN", ["kremlin-both", "kremlin-text", "peskov"]),
        ("Maulen", ["kazakhstan"]),
        ("ÄŞIMBAEV", ["kazakhstan"]),
        # curly and straight apostrophes, possessives
        ("Navalny's", ["aleksei"]),
        ("Navalny", ["aleksei"]),
        ("Russia's", ["defence-ministry", "kremlin-text", "upper-lars", "zelenskyy"]),
        # British and American spelling
        ("mobilization", ["decree-uk", "decree-us"]),
        ("mobilisation", ["decree-uk", "decree-us"]),
        ("defense", ["defence-ministry", "shoygu"]),
        # transliterations
        ("Alexei", ["aleksei"]),
        ("Alexey", ["aleksei"]),
        ("Aleksej", ["aleksei"]),
        ("Dmitry", ["peskov"]),
        ("Dmitri", ["peskov"]),
        ("Evgeny", ["prigozhin"]),
        ("Evgenii", ["prigozhin"]),
        ("Zelensky", ["zelenskyy"]),
        # typos: one letter, two letters
        ("Prigozin", ["prigozhin"]),
        ("Kazakstan", ["kazakhstan"]),
        ("Kremlim", ["kremlin-both", "kremlin-text", "peskov"]),
        ("Gerasinow", ["gerasimov"]),
        ("Alawdinof", ["alaudinov"]),
        ("Lers", ["exodus-long", "kremlin-text", "upper-lars", "zelenskyy"]),
        # three letters off is too far
        ("Prgzin", []),
        # Cyrillic finds Cyrillic, a Latin spelling finds it through transliteration
        ("Шойгу", ["shoigu-ru"]),
        ("резервистов", ["shoigu-ru"]),
        ("Shoigu", ["shoigu-ru", "shoygu"]),
        ("Shoygu", ["shoigu-ru", "shoygu"]),
        ("rezervistov", ["shoigu-ru"]),
        # a word mixing alphabets is found by either spelling, and by its own
        ("Апти", ["alaudinov"]),
        ("Apti", ["alaudinov"]),
        ("Aпти", ["alaudinov"]),
        ("Gerasimov", ["gerasimov"]),
        (f"Gerasim{CYRILLIC_O}v", ["gerasimov"]),
        # numbers written with thin and no-break spaces, or a comma
        ('"300 000"', ["kremlin-both", "shoigu-ru", "shoygu"]),
        ('"350 000"', ["upper-lars"]),
        ("Upper Lars", ["exodus-long", "kremlin-text", "upper-lars", "zelenskyy"]),
        # words that only look alike stay apart
        ("four", ["upper-lars"]),
        ("for", ["alaudinov", "exodus-long", "prigozhin"]),
        ("year", ["defence-ministry"]),
    ],
)
def test_forgiving_matching(query: str, expected: list[str]) -> None:
    assert found(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # spelling variants, transliterations, typos and alphabets are not forgiven...
        ("mobilization", ["decree-us"]),
        ("mobilisation", ["decree-uk"]),
        ("defense", []),
        ("Alexei", []),
        ("Dmitry", []),
        ("Evgeny", []),
        ("Zelensky", []),
        ("Shoigu", []),
        ("Prigozin", []),
        ("Kazakstan", []),
        ("Apti", []),
        ("Апти", []),
        ("Gerasimov", []),
        ("rezervistov", []),
        ('"partial mobilization"', ["decree-us"]),
        ("mobilis*", ["decree-uk"]),
        ("Shoy*", ["shoygu"]),
        # ...but the spelling as written is found, whatever its case
        ("Aleksei", ["aleksei"]),
        ("ALEKSEI", ["aleksei"]),
        ("Dmitriy", ["peskov"]),
        ("Yevgeny", ["prigozhin"]),
        ("zelenskyy", ["zelenskyy"]),
        ("Shoygu", ["shoygu"]),
        ("Шойгу", ["shoigu-ru"]),
        ("шОЙГУ", ["shoigu-ru"]),
        ("Aпти", ["alaudinov"]),
        (f"Gerasim{CYRILLIC_O}v", ["gerasimov"]),
        ("defence", ["defence-ministry", "shoygu"]),
        ("Navalny’s", ["aleksei"]),
        ("Kremlin -Forbes", ["kremlin-both", "peskov"]),
    ],
)
def test_exact_matching(query: str, expected: list[str]) -> None:
    assert found(query, exact=True) == expected


def test_exact_matching_ignores_the_kind_of_apostrophe() -> None:
    """The text has a curly apostrophe (Navalny’s); a keyboard types a straight one. Which of
    the two a document used is typography, not spelling."""
    assert found("Navalny's", exact=True) == ["aleksei"]


def test_exact_matching_leaves_out_only_what_is_written() -> None:
    """The text says `Aleksei`; with exact matching `-Alexei` leaves out claims that say
    Alexei, and this one does not."""
    assert found("Navalny -Alexei", exact=True) == ["aleksei"]
    assert found("Navalny -Aleksei", exact=True) == []


def test_exact_matching_through_the_command_line() -> None:
    code, out, _ = run("Alexei", "-c", str(CORPUS), "--exact", "-f", "json")
    assert code == 0
    assert json.loads(out)["hits"] == []
    code, out, _ = run("Aleksei", "-c", str(CORPUS), "--exact", "-f", "json")
    assert [h["id"] for h in json.loads(out)["hits"]] == ["aleksei"]


def test_corrected_words_are_reported() -> None:
    results = find("Prigozin Wagner")
    assert [h.id for h in results.hits] == ["prigozhin"]
    assert results.typos == {"Prigozin": ["prigozhin"]}
    assert find("Prigozhin").typos == {}


def test_a_latin_query_for_a_cyrillic_word_is_no_typo() -> None:
    """`Apti` is found (as the transliteration of Aпти), so it is not 'not in the claims', and
    the Cyrillic word it found is the one marked."""
    results = find("Apti")
    assert results.typos == {}
    (hit,) = results.hits
    assert [text for text, marked in hit.snippet if marked] == ["Aпти"]
    assert hit.matched_in == ("text",)


def test_a_latin_query_marks_the_cyrillic_word_it_found() -> None:
    hit = next(h for h in find("Shoigu").hits if h.id == "shoigu-ru")
    assert [text for text, marked in hit.snippet if marked] == ["Шойгу"]
    assert hit.matched_in == ("text", "claimant")


def test_a_british_prefix_finds_the_american_spelling_alone(tmp_path: Path) -> None:
    """With only `mobilization` in the claims, `mobilis*` must still find it, as
    `mobilisation` does."""
    folder = write_claims(tmp_path / "claims", [claim("us", "The mobilization began.")])
    assert ids("mobilisation", [folder]) == ["us"]
    assert ids("mobiliz*", [folder]) == ["us"]
    assert ids("mobilis*", [folder]) == ["us"]


def test_an_american_prefix_finds_the_british_spelling_alone(tmp_path: Path) -> None:
    folder = write_claims(tmp_path / "claims", [claim("uk", "Organised crowds gathered.")])
    assert ids("organiz*", [folder]) == ["uk"]
    assert ids("organis*", [folder]) == ["uk"]


# --------------------------------------------------------------------------- filters and options

# Matches 11 of the claims, with times from 21 September to 28 October 2022 and without.
WIDE = "Russia OR Kremlin OR Prigozhin OR Navalny OR one OR partial OR exodus"


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
    ("options", "expected"),
    [
        (["--subject", "emigration"], ["kremlin-text", "exodus-long", "upper-lars"]),
        (["-s", "emigration", "--stance", "reports"], ["kremlin-text", "upper-lars"]),
        (["--property", "intake.count"], ["zelenskyy", "peskov", "kremlin-both"]),
        (["--claimant", "forbes"], ["kremlin-text"]),
        (["--publisher", "OVD"], ["aleksei"]),
        (["-d", "euaa", "--stance", "denies"], ["peskov"]),
        (["--since", "20 October 2022"], ["prigozhin", "defence-ministry"]),
        (["--since", "2022-10-20"], ["prigozhin", "defence-ministry"]),
        (
            ["--since", "October 2022"],
            ["kremlin-text", "prigozhin", "defence-ministry", "upper-lars"],
        ),
        (["--until", "22 September 2022"], ["zelenskyy", "peskov", "decree-us", "decree-uk"]),
        (
            ["--since", "24 September 2022", "--until", "26 September 2022"],
            ["aleksei", "kremlin-both"],
        ),
    ],
)
def test_filters_on_the_command_line(options: list[str], expected: list[str]) -> None:
    code, out, err = run(WIDE, "-c", str(CORPUS), "-f", "json", "-n", "50", *options)
    assert code == 0, err
    assert [h["id"] for h in json.loads(out)["hits"]] == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--in", "title"],
            "error: --in: no field 'title'; choose from text, claimant, subject, property, sources",
        ),
        (
            ["--since", "soon"],
            "error: --since: 'soon' is not a date factcheck can read; write '21 September 2022', "
            "'September 2022', '2022', 'mid-June 2025' or '2022-09-21'",
        ),
    ],
)
def test_bad_options(options: list[str], message: str) -> None:
    code, out, err = run("Kremlin", "-c", str(CORPUS), *options)
    assert (code, out) == (2, "")
    assert err.strip() == message


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--stance", "maybe"], ("--stance", "'maybe'", "asserts", "reports", "denies")),
        (["--sort", "newest"], ("--sort", "'newest'", "relevance", "date")),
    ],
)
def test_choices_outside_the_list_are_refused(options: list[str], words: tuple[str, ...]) -> None:
    """Enum options: Typer refuses the value and lists the choices (in its own words)."""
    code, out, err = run("Kremlin", "-c", str(CORPUS), *options)
    assert (code, out) == (2, "")
    assert all(word in err for word in words)


def test_limit_zero_is_refused() -> None:
    code, _, err = run("Kremlin", "-c", str(CORPUS), "--limit", "0")
    assert code == 2
    assert "--limit" in err


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
    assert {h.matched_in for h in results.hits} == {("subject",)}


def test_in_fields_on_the_command_line() -> None:
    code, out, _ = run(
        "Kremlin", "-c", str(CORPUS), "--in", "claimant", "--in", "sources", "-f", "csv"
    )
    assert code == 0
    assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == ["kremlin-both", "peskov"]


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


def test_limit_on_the_command_line() -> None:
    code, out, _ = run(WIDE, "-c", str(CORPUS), "-n", "2", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["summary"] == f'11 claims match "{WIDE}", showing the first 2'
    assert (data["total"], len(data["hits"])) == (11, 2)
    code, out, _ = run("Kremlin", "-c", str(CORPUS), "--limit", "1")
    assert out.startswith('3 claims match "Kremlin", showing the first 1\n')


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


def test_sort_by_date_on_the_command_line() -> None:
    code, out, _ = run(WIDE, "-c", str(CORPUS), "--sort", "date", "-n", "4", "-f", "csv")
    assert code == 0
    assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == [
        "defence-ministry",
        "kremlin-text",
        "upper-lars",
        "prigozhin",
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
    # tie-b comes first in the file; equal scores are ordered by id
    assert [h.id for h in tied.hits] == ["tie-a", "tie-b"]
    assert tied.hits[0].score == tied.hits[1].score


# --------------------------------------------------------------------------- snippets


def marked(query: str, claim_id: str, **options: Any) -> list[str]:
    hit = next(h for h in find(query, **options).hits if h.id == claim_id)
    return [text for text, is_match in hit.snippet if is_match]


def test_snippet_marks_the_matched_words() -> None:
    (hit,) = find("partial Putin").hits
    assert hit.snippet == (
        ("Putin", True),
        (" ", False),
        ("signed", False),
        (" ", False),
        ("the", False),
        (" ", False),
        ("decree", False),
        (" ", False),
        ("on", False),
        (" ", False),
        ("partial", True),
        (" ", False),
        ("mobilisation", False),
        (" ", False),
        ("on", False),
        (" ", False),
        ("21", False),
        (" ", False),
        ("September", False),
        (" ", False),
        ("2022", False),
        (".", False),
    )
    assert "".join(text for text, _ in hit.snippet) == hit.text


@pytest.mark.parametrize(
    ("query", "claim_id", "expected"),
    [
        ("mobilization", "decree-uk", ["mobilisation"]),
        ("mobilis*", "decree-us", ["mobilization"]),
        ("Navalny's", "aleksei", ["Navalny’s"]),
        ("Alexey", "aleksei", ["Aleksei"]),
        ("Gerasimov", "gerasimov", [f"Gerasim{CYRILLIC_O}v"]),
        ("Апти", "alaudinov", ["Aпти"]),
        ('"300 000"', "shoygu", ["300", "000"]),
        ('"300 000"', "kremlin-both", ["300", "000"]),
        ("Upper Lars", "upper-lars", ["Upper", "Lars"]),
        ("Prigozin", "prigozhin", ["Prigozhin"]),
        ("partial", "defence-ministry", ["partial"]),
        ("Kremlin", "peskov", []),  # found in a source's title only
        ("mobilisation", "decree-uk", ["mobilisation"]),
    ],
)
def test_snippet_marks_what_was_found_however_written(
    query: str, claim_id: str, expected: list[str]
) -> None:
    assert marked(query, claim_id) == expected


def test_exact_snippet_marks_the_word_as_written() -> None:
    assert marked("mobilisation", "decree-uk", exact=True) == ["mobilisation"]


def test_long_text_is_cut_around_the_first_match() -> None:
    (hit,) = find("exodus").hits
    text = "".join(t for t, _ in hit.snippet)
    assert text == (
        "…flats and bought tickets at any price, while officials insisted that the exodus was "
        "exaggerated and that most of those who had gone abroad would…"
    )
    assert [t for t, m in hit.snippet if m] == ["exodus"]
    assert hit.snippet[0] == ("…", False)
    assert hit.snippet[-1] == ("…", False)
    assert hit.text.startswith("In the weeks after the announcement")


def test_long_text_matched_at_its_start_is_cut_at_its_end_only() -> None:
    (hit,) = find("announcement weeks").hits
    text = "".join(t for t, _ in hit.snippet)
    assert text.startswith("In the weeks after the announcement men")
    assert text.endswith("…")
    assert [t for t, m in hit.snippet if m] == ["weeks", "announcement"]


def test_text_matched_nowhere_shows_its_opening() -> None:
    (hit,) = find("Kremlin", fields=["sources"]).hits
    assert "".join(t for t, _ in hit.snippet) == hit.text
    assert not any(m for _, m in hit.snippet)
    assert hit.matched_in == ("sources",)


def test_matched_in() -> None:
    by_id = {h.id: h.matched_in for h in find("Meduza OR Navalny OR Kremlin").hits}
    assert by_id == {
        "upper-lars": ("text", "claimant", "sources"),
        "aleksei": ("text", "claimant"),
        "kremlin-both": ("text", "claimant"),
        "kremlin-text": ("text", "sources"),
        "zelenskyy": ("sources",),
        "exodus-long": ("sources",),
        "peskov": ("sources",),
    }


def test_snippet_of_a_text_with_an_ellipsis(tmp_path: Path) -> None:
    """Claim texts quote documents, and quotes elide with `…`; NFKC turns it into three
    characters, which must not shift the snippet off the text."""
    text = "The decree … was drafted in the Kremlin on 21 September."
    folder = write_claims(tmp_path / "claims", [claim("elided", text)])
    (hit,) = search("Kremlin", [folder]).hits
    assert "".join(t for t, _ in hit.snippet) == text
    assert [t for t, m in hit.snippet if m] == ["Kremlin"]


def test_snippet_of_a_text_with_a_ligature(tmp_path: Path) -> None:
    text = "The ﬁrst Kremlin decree."
    folder = write_claims(tmp_path / "claims", [claim("ligature", text)])
    (hit,) = search("first Kremlin", [folder]).hits
    assert "".join(t for t, _ in hit.snippet) == text
    assert [t for t, m in hit.snippet if m] == ["ﬁrst", "Kremlin"]


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


def test_no_result_in_the_table() -> None:
    code, out, err = run("Kazakhstanians", "-c", str(CORPUS))
    assert code == 0, err
    assert out == ('No claims match "Kazakhstanians".\nNearest words in the claims: kazakhstan\n')


def test_no_result_in_json() -> None:
    code, out, _ = run("Kazakhstanians", "-c", str(CORPUS), "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["total"], data["hits"], data["suggestions"]) == (0, [], ["kazakhstan"])
    assert data["summary"] == 'No claims match "Kazakhstanians".'


def test_one_result_is_singular() -> None:
    code, out, _ = run("Prigozin", "-c", str(CORPUS))
    assert code == 0
    assert out.splitlines()[:2] == [
        '1 claim matches "Prigozin"',
        "'Prigozin' is not in the claims; also searched: prigozhin",
    ]


# --------------------------------------------------------------------------- the index


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    shutil.copytree(CORPUS, folder)
    return folder


def searched(query: str, folder: Path) -> tuple[list[str], list[int]]:
    """The ids found, and the file counts `on_build` was told (one per build)."""
    builds: list[int] = []
    results = search(query, [folder], on_build=builds.append, limit=100)
    return sorted(h.id for h in results.hits), builds


def bump(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_built_once_then_reused(corpus_copy: Path) -> None:
    assert index_files() == []
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    (db,) = index_files()
    assert db.parent == cache()
    assert searched("exodus", corpus_copy) == (["exodus-long"], [])
    assert searched("Kremlin", corpus_copy) == (["kremlin-both", "kremlin-text", "peskov"], [])
    assert index_files() == [db]


def test_rebuilt_when_a_file_changes(corpus_copy: Path) -> None:
    claims = corpus_copy / "claims.yaml"
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    text = claims.read_text("utf-8")
    # the same number of bytes: only the modification time tells the change
    claims.write_text(text.replace("the exodus was", "the flight was"), "utf-8")
    bump(claims)
    assert searched("exodus", corpus_copy) == ([], [2])
    assert searched("flight", corpus_copy) == (["exodus-long"], [])
    # a bigger file
    claims.write_text(text.replace("the exodus was", "the mass exodus was"), "utf-8")
    bump(claims)
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert searched("flight", corpus_copy) == ([], [])
    assert len(index_files()) == 1


def test_rebuilt_when_a_file_is_added_or_removed(corpus_copy: Path) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    extra = corpus_copy / "more.yaml"
    more = {"claims": [claim("more", "Another exodus began in 2023.")]}
    extra.write_text(yaml.safe_dump(more), "utf-8")
    assert searched("exodus", corpus_copy) == (["exodus-long", "more"], [3])
    assert searched("exodus", corpus_copy) == (["exodus-long", "more"], [])
    extra.unlink()
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert len(index_files()) == 1


def test_rebuilt_when_the_index_is_corrupt(corpus_copy: Path) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    (db,) = index_files()
    db.write_bytes(b"\x00\xffnot a database\x13" * 300)
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert searched("exodus", corpus_copy) == (["exodus-long"], [])
    assert index_files() == [db]


def test_rebuilt_when_the_index_is_truncated(corpus_copy: Path) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    (db,) = index_files()
    db.write_bytes(db.read_bytes()[:1000])
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])


def test_rebuilt_when_factcheck_changes(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    monkeypatch.setattr("factcheck.store.__version__", "0.0.0+other")
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert searched("exodus", corpus_copy) == (["exodus-long"], [])


def test_deleting_the_cache_changes_nothing_but_rebuilding(corpus_copy: Path) -> None:
    first = search(WIDE, [corpus_copy], limit=100)
    shutil.rmtree(cache())
    builds: list[int] = []
    again = search(WIDE, [corpus_copy], limit=100, on_build=builds.append)
    assert builds == [2]
    assert again == first


def test_an_invalid_claim_file_fails_with_the_loaders_error_and_leaves_no_index(
    tmp_path: Path,
) -> None:
    bad = claim("bad", "The decree was signed.")
    del bad["subject"]
    folder = write_claims(tmp_path / "claims", [bad])
    with pytest.raises(FactcheckError) as loading:
        load_corpus([folder])
    with pytest.raises(FactcheckError) as searching:
        search("decree", [folder])
    assert searching.value.problems == loading.value.problems
    assert not cache().exists() or list(cache().glob("*.sqlite")) == []  # no index written


def test_an_invalid_claim_file_is_reported_on_the_command_line(tmp_path: Path) -> None:
    folder = write_claims(tmp_path / "claims", [claim("bad", "The decree was signed.", value="")])
    code, out, err = run("decree", "-c", str(folder))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "building the search index of 2 claim files…",
        f"error: {folder / 'claims.yaml'}:9: claims[0].value: must not be empty",
    ]
    assert index_files() == []


def test_a_claim_file_broken_after_indexing_is_not_searched_stale(corpus_copy: Path) -> None:
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    claims = corpus_copy / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("subject: emigration", "subjekt: x"))
    bump(claims)
    with pytest.raises(FactcheckError):
        search("exodus", [corpus_copy])


def test_the_index_is_built_in_the_cache_folder_named_by_the_environment(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("FACTCHECK_CACHE", str(elsewhere))
    assert searched("exodus", corpus_copy) == (["exodus-long"], [2])
    assert len(list(elsewhere.glob("search-*.sqlite"))) == 1


def test_the_command_line_says_when_it_builds() -> None:
    code, _, err = run("Kremlin", "-c", str(CORPUS))
    assert code == 0
    assert err == "building the search index of 2 claim files…\n"
    code, _, err = run("Kremlin", "-c", str(CORPUS))
    assert (code, err) == (0, "")


# --------------------------------------------------------------------------- output formats

QUERY = "Kremlin OR Wagner"


def test_table() -> None:
    code, out, _ = run(QUERY, "-c", str(CORPUS))
    assert code == 0
    assert out == (
        '4 claims match "Kremlin OR Wagner"\n'
        "\n"
        "  score   claim                  claimant        snippet\n"
        " ──────────────────────────────────────────────────────────────────────────────────────────────────\n"
        "   2.69   prigozhin wiki fn. b   @Rybar          Yevgeny Prigozhin enlisted about 50,000 convicts\n"
        "                                                 for the «Wagner» group.\n"
        "   2.41   kremlin-both wiki      Kremlin         The «Kremlin» said 300,000 reservists with combat\n"
        "          fn. a                                  experience would be called first.\n"
        "   1.53   kremlin-text euaa      Forbes          Sources in the «Kremlin» told Forbes that 700,000\n"
        "          fn. 2                                  people had left Russia.\n"
        "   0.98   peskov euaa fn. 3      Dmitriy         Peskov denied reports that one million men would\n"
        "                                 Peskov          be called up.\n"
        "\n"
    )


def test_json() -> None:
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["query"], data["total"]) == (QUERY, 4)
    assert data["summary"] == '4 claims match "Kremlin OR Wagner"'
    hits = data["hits"]
    assert [h["id"] for h in hits] == ["prigozhin", "kremlin-both", "kremlin-text", "peskov"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    first = hits[0]
    assert (
        first["snippet"] == "Yevgeny Prigozhin enlisted about 50,000 convicts for the Wagner group."
    )
    assert first["highlights"] == [[57, 63]]
    assert {
        k: first[k]
        for k in ("document", "document_title", "footnotes", "claimant", "stance", "value")
    } == {
        "document": "wiki",
        "document_title": "Encyclopaedia article",
        "footnotes": "b",
        "claimant": "@Rybar",
        "stance": "reports",
        "value": "about 50,000",
    }
    assert first["location"].endswith("claims.yaml:78")
    words = [[h["snippet"][a:b] for a, b in h["highlights"]] for h in hits]
    assert words == [["Wagner"], ["Kremlin"], ["Kremlin"], []]
    assert [h["matched_in"] for h in hits] == [
        ["text"],
        ["text", "claimant"],
        ["text"],
        ["sources"],
    ]


@pytest.mark.parametrize(
    ("query", "claim_id", "expected"),
    [
        ("Apti", "alaudinov", ["Aпти"]),
        ('"300 000"', "shoygu", ["300", "000"]),
        ("Upper Lars", "upper-lars", ["Upper", "Lars"]),
        ("exodus", "exodus-long", ["exodus"]),
        ("Navalny's Alexei", "aleksei", ["Aleksei", "Navalny’s"]),
    ],
)
def test_json_highlights_point_at_the_matched_words(
    query: str, claim_id: str, expected: list[str]
) -> None:
    code, out, _ = run(query, "-c", str(CORPUS), "-f", "json")
    assert code == 0
    hit = next(h for h in json.loads(out)["hits"] if h["id"] == claim_id)
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == expected


def test_json_highlights_in_a_text_with_an_ellipsis(tmp_path: Path) -> None:
    text = "The decree … was drafted in the Kremlin."
    folder = write_claims(tmp_path / "claims", [claim("elided", text)])
    code, out, _ = run("Kremlin", "-c", str(folder), "-f", "json")
    assert code == 0
    (hit,) = json.loads(out)["hits"]
    assert hit["snippet"] == text
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["Kremlin"]


def test_markdown() -> None:
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-f", "markdown")
    assert code == 0
    assert out == (
        '# 4 claims match "Kremlin OR Wagner"\n'
        "\n"
        "| Score | Claim | Cited in | Claimant | Snippet |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 2.69 | prigozhin | wiki fn. b | @Rybar | Yevgeny Prigozhin enlisted about 50,000 convicts for the **Wagner** group. |\n"
        "| 2.41 | kremlin-both | wiki fn. a | Kremlin | The **Kremlin** said 300,000 reservists with combat experience would be called first. |\n"
        "| 1.53 | kremlin-text | euaa fn. 2 | Forbes | Sources in the **Kremlin** told Forbes that 700,000 people had left Russia. |\n"
        "| 0.98 | peskov | euaa fn. 3 | Dmitriy Peskov | Peskov denied reports that one million men would be called up. |\n"
    )


def test_csv() -> None:
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-f", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [
        [
            "score",
            "id",
            "document",
            "footnotes",
            "claimant",
            "stance",
            "subject",
            "property",
            "value",
            "snippet",
        ],
        [
            "2.691",
            "prigozhin",
            "wiki",
            "b",
            "'@Rybar",
            "reports",
            "draft",
            "convicts.count",
            "about 50,000",
            "Yevgeny Prigozhin enlisted about 50,000 convicts for the «Wagner» group.",
        ],
        [
            "2.411",
            "kremlin-both",
            "wiki",
            "a",
            "Kremlin",
            "asserts",
            "draft",
            "intake.count",
            "300,000",
            "The «Kremlin» said 300,000 reservists with combat experience would be called first.",
        ],
        [
            "1.532",
            "kremlin-text",
            "euaa",
            "2",
            "Forbes",
            "reports",
            "emigration",
            "left.count",
            "700,000",
            "Sources in the «Kremlin» told Forbes that 700,000 people had left Russia.",
        ],
        [
            "0.98",
            "peskov",
            "euaa",
            "3",
            "Dmitriy Peskov",
            "denies",
            "draft",
            "intake.count",
            "one million",
            "Peskov denied reports that one million men would be called up.",
        ],
    ]


def test_csv_cells_are_safe(tmp_path: Path) -> None:
    folder = write_claims(
        tmp_path / "claims",
        [
            claim("formula", '=HYPERLINK("http://x") Kremlin', claimant="+7 channel"),
            claim("dash", "-1 Kremlin\x1b[31m red", claimant="-Kremlin- desk"),
        ],
    )
    code, out, _ = run("Kremlin", "-c", str(folder), "-f", "csv")
    assert code == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["formula"]["claimant"] == "'+7 channel"
    assert rows["formula"]["snippet"] == '\'=HYPERLINK("http://x") «Kremlin»'
    assert rows["dash"]["claimant"] == "'-Kremlin- desk"
    assert rows["dash"]["snippet"] == "'-1 «Kremlin» red"
    assert "\x1b" not in out


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_every_format_writes_to_a_file(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"out.{fmt}"
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-f", fmt, "-o", str(target))
    assert (code, out) == (0, "")
    assert "Kremlin" in target.read_text("utf-8")
