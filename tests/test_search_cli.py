"""`factcheck search` on the fixed corpus in tests/data/search: malformed queries and bad
options on the command line, the options, the empty result and every output format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import app
from factcheck.report_schema import SearchOut
from tests.search_helpers import CORPUS, WIDE, claim, run, runner, write_claims

# --------------------------------------------------------------------------- the query


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


def test_exact_matching_through_the_command_line() -> None:
    code, out, _ = run("Alexei", "-c", str(CORPUS), "--exact", "-f", "json")
    assert code == 0
    assert json.loads(out)["hits"] == []
    code, out, _ = run("Aleksei", "-c", str(CORPUS), "--exact", "-f", "json")
    assert [h["id"] for h in json.loads(out)["hits"]] == ["aleksei"]


# --------------------------------------------------------------------------- filters and options


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
    assert [h["id"] for h in json.loads(out)["hits"] if h["via"] == "words"] == expected


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


def test_limit_zero_shows_all() -> None:
    code, out, _ = run("Kremlin", "-c", str(CORPUS), "--limit", "0", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert len(data["hits"]) == data["total"] + data["related"] > 0


def test_in_fields_on_the_command_line() -> None:
    code, out, _ = run(
        "Kremlin", "-c", str(CORPUS), "--in", "claimant", "--in", "sources", "-f", "csv"
    )
    assert code == 0
    rows = csv.DictReader(io.StringIO(out))
    assert [row["id"] for row in rows if row["via"] == "words"] == ["kremlin-both", "peskov"]


def test_limit_on_the_command_line() -> None:
    code, out, _ = run(WIDE, "-c", str(CORPUS), "-n", "2", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["summary"] == f'11 claims match "{WIDE}", showing the first 2'
    assert (data["total"], len(data["hits"])) == (11, 2)
    code, out, _ = run("Kremlin", "-c", str(CORPUS), "--limit", "1")
    assert out.startswith('3 claims match "Kremlin", showing the first 1\n')


def test_sort_by_date_on_the_command_line() -> None:
    code, out, _ = run(WIDE, "-c", str(CORPUS), "--sort", "date", "-n", "4", "-f", "csv")
    assert code == 0
    assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == [
        "defence-ministry",
        "kremlin-text",
        "upper-lars",
        "prigozhin",
    ]


# --------------------------------------------------------------------------- no result


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


# --------------------------------------------------------------------------- output formats


QUERY = "Kremlin OR Wagner"


def test_table() -> None:
    """Four claims hold the words; with room for six, two more follow from their topic. A
    claim whose text holds none of the words says where they are."""
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-n", "6")
    assert code == 0
    assert out == (
        '4 claims match "Kremlin OR Wagner"; 9 more claims on the same topics, showing 2\n'
        "\n"
        "  score   claim          claimant          snippet\n"
        " ──────────────────────────────────────────────────────────────────────────────────────────────────\n"
        "   1.00   prigozhin      @Rybar            Yevgeny Prigozhin enlisted about 50,000 convicts for\n"
        "          wiki fn. b                       the «Wagner» group.\n"
        "   0.90   kremlin-both   Kremlin           The «Kremlin» said 300,000 reservists with combat\n"
        "          wiki fn. a                       experience would be called first.\n"
        "   0.57   kremlin-text   Forbes            Sources in the «Kremlin» told Forbes that 700,000\n"
        "          euaa fn. 2                       people had left Russia.\n"
        "   0.36   peskov         Dmitriy Peskov    Peskov denied reports that one million men would be\n"
        "          euaa fn. 3                       called up.\n"
        "          in sources\n"
        "   0.16   shoigu-ru      Сергей Шойгу      Шойгу заявил, что будет призвано 300\u00a0000 резервистов.\n"
        "          wiki fn. c\n"
        "          via topic\n"
        "   0.16   tie-a          Regional          Recruits were sent to the front after two weeks.\n"
        "          euaa fn. 1     governor\n"
        "          via topic\n"
        "\n"
    )


def test_json() -> None:
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-f", "json", "-n", "6")
    assert code == 0
    data = json.loads(out)
    assert (data["query"], data["total"]) == (QUERY, 4)
    assert data["summary"] == (
        '4 claims match "Kremlin OR Wagner"; 9 more claims on the same topics, showing 2'
    )
    hits = data["hits"]
    assert [h["id"] for h in hits] == [
        "prigozhin",
        "kremlin-both",
        "kremlin-text",
        "peskov",
        "shoigu-ru",
        "tie-a",
    ]
    assert [h["score"] for h in hits] == [1.0, 0.899, 0.569, 0.363, 0.163, 0.163]
    assert [h["via"] for h in hits] == ["words"] * 4 + ["topic"] * 2
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
    assert words == [["Wagner"], ["Kremlin"], ["Kremlin"], [], [], []]
    assert [h["matched_in"] for h in hits] == [
        ["text"],
        ["text", "claimant"],
        ["text"],
        ["sources"],
        [],
        [],
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
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-f", "markdown", "-n", "6")
    assert code == 0
    assert out == (
        '# 4 claims match "Kremlin OR Wagner"; 9 more claims on the same topics, showing 2\n'
        "\n"
        "| Score | Claim | Cited in | Claimant | Snippet |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1.00 | prigozhin | wiki fn. b | @Rybar | Yevgeny Prigozhin enlisted about 50,000 convicts for the **Wagner** group. |\n"
        "| 0.90 | kremlin-both | wiki fn. a | Kremlin | The **Kremlin** said 300,000 reservists with combat experience would be called first. |\n"
        "| 0.57 | kremlin-text | euaa fn. 2 | Forbes | Sources in the **Kremlin** told Forbes that 700,000 people had left Russia. |\n"
        "| 0.36 | peskov | euaa fn. 3 | Dmitriy Peskov | Peskov denied reports that one million men would be called up. |\n"
        "| 0.16 via topic | shoigu-ru | wiki fn. c | Сергей Шойгу | Шойгу заявил, что будет призвано 300\u00a0000 резервистов. |\n"
        "| 0.16 via topic | tie-a | euaa fn. 1 | Regional governor | Recruits were sent to the front after two weeks. |\n"
    )


def test_csv() -> None:
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-f", "csv", "-n", "6")
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
            "via",
        ],
        [
            "1.0",
            "prigozhin",
            "wiki",
            "b",
            "'@Rybar",
            "reports",
            "draft",
            "convicts.count",
            "about 50,000",
            "Yevgeny Prigozhin enlisted about 50,000 convicts for the «Wagner» group.",
            "words",
        ],
        [
            "0.899",
            "kremlin-both",
            "wiki",
            "a",
            "Kremlin",
            "asserts",
            "draft",
            "intake.count",
            "300,000",
            "The «Kremlin» said 300,000 reservists with combat experience would be called first.",
            "words",
        ],
        [
            "0.569",
            "kremlin-text",
            "euaa",
            "2",
            "Forbes",
            "reports",
            "emigration",
            "left.count",
            "700,000",
            "Sources in the «Kremlin» told Forbes that 700,000 people had left Russia.",
            "words",
        ],
        [
            "0.363",
            "peskov",
            "euaa",
            "3",
            "Dmitriy Peskov",
            "denies",
            "draft",
            "intake.count",
            "one million",
            "Peskov denied reports that one million men would be called up.",
            "words",
        ],
        [
            "0.163",
            "shoigu-ru",
            "wiki",
            "c",
            "Сергей Шойгу",
            "asserts",
            "draft",
            "intake.count",
            "300\u00a0000",
            "Шойгу заявил, что будет призвано 300\u00a0000 резервистов.",
            "topic",
        ],
        [
            "0.163",
            "tie-a",
            "euaa",
            "1",
            "Regional governor",
            "asserts",
            "draft",
            "intake.count",
            "300,000",
            "Recruits were sent to the front after two weeks.",
            "topic",
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


# --------------------------------------------------------------------------- the bundled claims


def bundled(query: str) -> list[dict[str, Any]]:
    code, out, err = run(query, "-f", "json", "-n", "50")
    assert code == 0, err
    hits: list[dict[str, Any]] = json.loads(out)["hits"]
    return hits


@pytest.mark.parametrize(
    ("query", "claimant"),
    [("Путин", "Vladimir Putin"), ("Песков", "Dmitry Peskov"), ("Шойгу", "Sergei Shoigu")],
)
def test_names_in_cyrillic_find_the_bundled_claims_that_write_them_in_latin(
    query: str, claimant: str
) -> None:
    """The bundled claims name Putin, Peskov and Shoigu in Latin letters."""
    hits = bundled(query)
    assert claimant in {h["claimant"] for h in hits if h["via"] == "words"}


def marked_words(hits: list[dict[str, Any]]) -> set[str]:
    return {str(h["snippet"])[a:b].casefold() for h in hits for a, b in h["highlights"]}


def test_a_word_finds_its_family_in_the_bundled_claims() -> None:
    assert "emigration" in marked_words(bundled("emigrants"))
    assert "denied" in marked_words(bundled("deny"))


def test_the_other_claims_on_the_topic_of_fled_russia() -> None:
    """The 700,000 and 900,000 claims say `fled`; the FSB's 261,000 says `had left`, on the
    same subject and property: it follows them, marked as found through its topic."""
    hits = bundled("fled Russia")
    direct = {h["id"] for h in hits if h["via"] == "words"}
    through_topic = [h for h in hits if h["via"] == "topic"]
    assert {"wp-reports-fled-700k", "euaa-galeotti-fled-900k"} <= direct
    assert "wp-fsb-left-261k" in {h["id"] for h in through_topic}
    topics = {(h["subject"], h["property"]) for h in hits if h["via"] == "words"}
    assert all((h["subject"], h["property"]) in topics for h in through_topic)
    assert hits[: len(direct)] == [h for h in hits if h["via"] == "words"]


def test_json_follows_its_published_schema() -> None:
    code, out, _ = run(QUERY, "-c", str(CORPUS), "-f", "json", "-n", "6")
    assert code == 0
    results = SearchOut.model_validate_json(out)
    assert (results.total, results.related) == (4, 9)
    assert [h.via for h in results.hits] == ["words"] * 4 + ["topic"] * 2
    schema = json.loads(runner.invoke(app, ["schema", "--command", "search"]).stdout)
    assert schema["title"] == "factcheck search output"
    assert schema["$defs"]["HitOut"]["properties"]["via"]["enum"] == ["words", "topic"]


def test_one_schema_at_a_time() -> None:
    result = runner.invoke(app, ["schema", "--report", "--command", "search"])
    assert result.exit_code == 2
    assert "give --report or --command, not both" in result.stderr
