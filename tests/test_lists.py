"""Lists kept beside the claim files: retracted works (FC701, FC702, `--retracted`) and
publishers rated for reliability (FC801, `--reliability`, ratings in `show` and reports),
with the lists shipped in tests/data/lists and bad lists made in each test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.checks import Finding, Level
from factcheck.citations import run_checks
from factcheck.errors import FactcheckError, InputError
from factcheck.loading import load_corpus
from factcheck.reliability import Rating, read_ratings
from factcheck.retractions import read_retractions
from tests.citations_helpers import TODAY, claim, note, run, source, write

LISTS = Path(__file__).parent / "data" / "lists"
RETRACTED = LISTS / "retracted.csv"
RATED = LISTS / "reliability.csv"

WAKEFIELD = source(
    "wakefield-1998",
    publisher="The Lancet",
    title="Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive "
    "developmental disorder in children",
    date="28 February 1998",
    url=None,
    identifier="doi:10.1016/S0140-6736(97)11096-0",
    kind="academic",
)


def findings(
    folder: Path, *, retracted: bool = False, rated: bool = False, **records: Any
) -> list[Finding]:
    write(folder, **records)
    corpus = load_corpus([folder], strict=False)
    return run_checks(
        corpus,
        today=TODAY,
        retractions=read_retractions(RETRACTED) if retracted else None,
        ratings=read_ratings(RATED) if rated else None,
    )


def of(found: list[Finding], *codes: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.record, f.message) for f in found if f.code in codes]


# --------------------------------------------------------------------------- retractions


def test_the_list_keeps_retractions_and_withdrawals_only() -> None:
    listed = read_retractions(RETRACTED)
    assert set(listed.by_doi) == {"10.1016/s0140-6736(97)11096-0"}
    assert set(listed.by_url) == {"example.org/studies/2020/05/made-up-trial"}
    # `Results` is too short a title to name one work; the correction is left out.
    assert len(listed.by_title) == 3
    assert listed.left_out == 1


def test_a_retracted_source_and_the_claims_resting_on_it(tmp_path: Path) -> None:
    found = findings(
        tmp_path,
        retracted=True,
        sources=[WAKEFIELD, source("other"), source("relay", reports=["wakefield-1998"])],
        footnotes=[note("1", "wakefield-1998"), note("2", "other"), note("3", "relay")],
        claims=[claim("alone", "1"), claim("backed", "1", "2"), claim("relayed", "3")],
    )
    assert of(found, "FC701", "FC702") == [
        (
            "FC701",
            "wakefield-1998",
            f"on the list of retracted works ({RETRACTED}:2, by DOI: Retraction, 2/6/2010 0:00)",
        ),
        ("FC702", "alone", "rests on retracted 'wakefield-1998'; no independent source left"),
        ("FC702", "backed", "rests on retracted 'wakefield-1998'; 1 independent source left"),
        ("FC702", "relayed", "rests on retracted 'wakefield-1998'; no independent source left"),
    ]
    levels = {f.code: f.level for f in found}
    assert (levels["FC701"], levels["FC702"]) == (Level.error, Level.warning)


def _cited_once(folder: Path, fields: dict[str, Any]) -> list[Finding]:
    """Findings, with the list of retracted works, of one claim citing one source."""
    return findings(
        folder,
        retracted=True,
        sources=[source("s", **fields)],
        footnotes=[note("1", "s")],
        claims=[claim("c", "1")],
    )


@pytest.mark.parametrize(
    ("fields", "how"),
    [
        pytest.param(
            {"url": "https://www.example.org/studies/2020/05/made-up-trial/?utm_source=feed"},
            "link",
            id="link-with-tracking",
        ),
        pytest.param(
            {"url": None, "title": "Survey of Invented Towns and Their Invented Mayors."},
            "title",
            id="title-written-otherwise",
        ),
        pytest.param(
            {"url": "https://doi.org/10.1016/s0140-6736(97)11096-0"}, "DOI", id="doi-link"
        ),
    ],
)
def test_a_listed_work_found_by_link_title_or_doi(
    tmp_path: Path, fields: dict[str, Any], how: str
) -> None:
    [listed] = [f for f in _cited_once(tmp_path, fields) if f.code == "FC701"]
    assert f"by {how}" in listed.message


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"identifier": "10.5555/ok.2021.7"}, id="corrected-not-retracted"),
        pytest.param({"title": "Results"}, id="short-title"),
        pytest.param({"url": "https://example.org/studies/2020/05/another-trial"}, id="other-link"),
        pytest.param({"identifier": "10.1016/S0140-6736(97)11096-1"}, id="other-doi"),
    ],
)
def test_a_work_not_on_the_list(tmp_path: Path, fields: dict[str, Any]) -> None:
    assert of(_cited_once(tmp_path, fields), "FC701", "FC702") == []


# --------------------------------------------------------------------------- reliability


def test_ratings_are_read_in_their_words_and_shorthands() -> None:
    rated = read_ratings(RATED)
    assert rated.by_domain["mailonsunday.co.uk"].rating is Rating.deprecated
    assert rated.by_name["sun"].rating is Rating.unreliable
    assert rated.by_name["wire"].rating is Rating.no_consensus


def test_a_claim_resting_only_on_doubtful_publishers(tmp_path: Path) -> None:
    mail = source("mail", publisher="Mail Online", url="https://www.dailymail.co.uk/news/x")
    sun = source("sun", publisher="the Sun", url=None, identifier="n/a")
    reuters = source("reuters", publisher="Thomson Reuters", url="https://uk.reuters.com/a")
    found = findings(
        tmp_path,
        rated=True,
        sources=[mail, sun, reuters, source("blog", publisher="A blog")],
        footnotes=[
            note("1", "mail", "sun"),
            note("2", "mail", "reuters"),
            note("3", "mail", "blog"),
        ],
        claims=[claim("weak", "1"), claim("backed", "2"), claim("unrated", "3")],
    )
    assert of(found, "FC801") == [
        (
            "FC801",
            "weak",
            "rests only on publishers rated unreliable or deprecated: 'mail' (Daily Mail: "
            "deprecated), 'sun' (The Sun: generally unreliable)",
        )
    ]


def test_no_list_no_list_findings(tmp_path: Path) -> None:
    found = findings(
        tmp_path,
        sources=[WAKEFIELD, source("mail", url="https://dailymail.co.uk/x")],
        footnotes=[note("1", "wakefield-1998", "mail")],
        claims=[claim("c", "1")],
    )
    assert of(found, "FC701", "FC702", "FC801") == []


# --------------------------------------------------------------------------- bad lists


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        pytest.param(b"", None, "retraction list: the file is empty", id="empty"),
        pytest.param(
            b"Journal,Publisher\nX,Y\n",
            1,
            "retraction list: no doi or url or title column; the header has: Journal, Publisher",
            id="no-column",
        ),
        pytest.param(b"doi\n10.1/a\n10.1/\xff\n", 3, "retraction list: not UTF-8 text", id="bytes"),
    ],
)
def test_a_retraction_list_that_cannot_be_read(
    tmp_path: Path, content: bytes, line: int | None, message: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    with pytest.raises(FactcheckError) as raised:
        read_retractions(path)
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == (str(path), line)
    assert problem.message.startswith(message)


def test_a_missing_list(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="no such file"):
        read_ratings(tmp_path / "nowhere.csv")


def test_every_unknown_rating_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rated.csv"
    path.write_text("source,status\nA,gr\nB,shaky\nC,\n", "utf-8")
    with pytest.raises(InputError) as raised:
        read_ratings(path)
    assert [(p.line, p.field, p.message.split(";")[0]) for p in raised.value.problems] == [
        (3, "rating", "'shaky' is not a rating"),
        (4, "rating", "'' is not a rating"),
    ]


def test_a_formula_in_a_list_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "rated.csv"
    path.write_text('publisher,rating\n"=HYPERLINK(""http://x"")",deprecated\n', "utf-8")
    rated = read_ratings(path)
    assert {entry.name for entry in rated.by_name.values()} == {'=HYPERLINK("http://x")'}


# --------------------------------------------------------------------------- command line


def _corpus(folder: Path) -> Path:
    mail = source("mail", publisher="Daily Mail", url="https://www.dailymail.co.uk/news/x")
    write(
        folder,
        sources=[WAKEFIELD, mail],
        footnotes=[note("1", "wakefield-1998"), note("2", "mail")],
        claims=[claim("c", "1"), claim("m", "2")],
    )
    return folder


def test_check_with_both_lists(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "claims")
    code, out, err = run(
        "check",
        "-c",
        str(folder),
        "--retracted",
        str(RETRACTED),
        "--reliability",
        str(RATED),
        "--format",
        "json",
        "--today",
        "2026-01-01",
        "--strict",
    )
    assert code == 1, err
    codes = [f["code"] for f in json.loads(out)]
    assert {"FC701", "FC702", "FC801"} <= set(codes)


def test_check_with_a_bad_list_says_where_and_writes_nothing(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "claims")
    bad = tmp_path / "rated.csv"
    bad.write_text("publisher,rating\nDaily Mail,awful\n", "utf-8")
    target = tmp_path / "out.json"
    code, _, err = run("check", "-c", str(folder), "--reliability", str(bad), "-o", str(target))
    assert code == 2
    assert f"{bad}:2: rating: 'awful' is not a rating" in err
    assert not target.exists()


def test_show_and_export_give_each_sources_rating(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "claims")
    code, out, err = run("show", "m", "-c", str(folder), "--reliability", str(RATED))
    assert code == 0, err
    assert "(rated deprecated)" in out
    code, out, err = run(
        "export",
        "-c",
        str(folder),
        "--reliability",
        str(RATED),
        "--retracted",
        str(RETRACTED),
        "--today",
        "2026-01-01",
    )
    assert code == 0, err
    assert "rated deprecated" in out and "FC701" in out and "FC801" in out
    code, out, err = run("export", "-c", str(folder), "-f", "json", "--today", "2026-01-01")
    assert code == 0, err
    assert {s["rating"] for s in json.loads(out)["sources"]} == {None}
