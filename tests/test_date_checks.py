"""The checks of dates on small corpora written in each test (FC301 to FC307), the
references of a paragraph judged together: for every code a corpus that triggers it (code,
level, record, message and line) and the near misses that must not."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.checks import Level
from factcheck.citations import run_checks
from factcheck.errors import InputError
from factcheck.loading import load_corpus
from tests.citations_helpers import (
    DOCUMENT,
    Checked,
    check,
    cited,
    claim,
    note,
    one_claim,
    shape,
    source,
    write,
)

# --------------------------------------------------------------------------- FC301 / FC302


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31 February 2022", "impossible date '31 February 2022': February 2022 has 28 days"),
        (
            "soon",
            "'soon' is not a date factcheck can read; write '21 September 2022', "
            "'September 2022', '2022', 'mid-June 2025' or '2022-09-21'",
        ),
    ],
)
def test_unreadable_source_date(tmp_path: Path, written: str, message: str) -> None:
    checked = cited(tmp_path, source("s", date=written))
    assert [shape(f) for f in checked.of("FC301", "FC302", "FC303", "FC304", "FC305")] == [
        ("FC301", Level.error, "s", checked.line("s"), message)
    ]


@pytest.mark.parametrize(
    "written", ["n.d.", "undated", "21 September 2022", "2022-09-21", "mid-June 2024", None]
)
def test_readable_or_missing_source_date(tmp_path: Path, written: str | None) -> None:
    checked = cited(tmp_path, source("s", date=written))
    assert checked.of("FC301") == []


def test_source_dated_after_today(tmp_path: Path) -> None:
    document = {**DOCUMENT, "date": "2026"}
    checked = cited(tmp_path, source("s", date="2 January 2026"), documents=[document])
    assert [shape(f) for f in checked.of("FC302")] == [
        (
            "FC302",
            Level.error,
            "s",
            checked.line("s"),
            "dated 2 January 2026, after today (2026-01-01)",
        )
    ]


def test_document_dated_after_today(tmp_path: Path) -> None:
    document = {**DOCUMENT, "date": "February 2026"}
    checked = cited(tmp_path, source("s"), documents=[document])
    assert [shape(f) for f in checked.of("FC302")] == [
        (
            "FC302",
            Level.error,
            "rep",
            checked.line("rep"),
            "dated February 2026, after today (2026-01-01)",
        )
    ]


@pytest.mark.parametrize("written", ["1 January 2026", "January 2026", "2026", "31 December 2025"])
def test_today_itself_is_not_the_future(tmp_path: Path, written: str) -> None:
    document = {**DOCUMENT, "date": written}
    checked = cited(tmp_path, source("s", date=written), documents=[document])
    assert checked.of("FC302") == []


def test_the_future_depends_on_today(tmp_path: Path) -> None:
    document = {**DOCUMENT, "date": "2026"}
    path = write(tmp_path, documents=[document], sources=[source("s", date="2 January 2026")])
    corpus = load_corpus([path.parent], strict=False)
    assert [f.code for f in run_checks(corpus, today=date(2026, 1, 1)) if f.code == "FC302"] == [
        "FC302"
    ]
    assert [f for f in run_checks(corpus, today=date(2026, 1, 2)) if f.code == "FC302"] == []


# --------------------------------------------------------------------------- FC303


def test_source_dated_after_the_document(tmp_path: Path) -> None:
    # Cited from two footnotes of one document: one finding.
    checked = check(
        tmp_path,
        sources=[source("late", date="5 April 2025")],
        footnotes=[note("1", "late"), note("2", "late")],
        claims=[claim("c", "1", "2")],
    )
    assert [shape(f) for f in checked.of("FC303")] == [
        (
            "FC303",
            Level.error,
            "late",
            checked.line("late"),
            "dated 5 April 2025, after 'rep' (March 2025), which cites it in footnote 1",
        )
    ]


@pytest.mark.parametrize("written", ["1 March 2025", "31 March 2025", "March 2025", "2024"])
def test_source_within_the_document_date_is_not_after_it(tmp_path: Path, written: str) -> None:
    checked = cited(tmp_path, source("s", date=written))
    assert checked.of("FC303") == []


def test_undated_document_or_source_is_not_compared(tmp_path: Path) -> None:
    document = {k: v for k, v in DOCUMENT.items() if k != "date"}
    checked = cited(
        tmp_path, source("s", date="5 April 2025"), source("t", date="n.d."), documents=[document]
    )
    assert checked.of("FC303") == []


# --------------------------------------------------------------------------- FC307


@pytest.mark.parametrize(
    ("written", "url", "message"),
    [
        pytest.param(
            "2 May 2020",
            "https://news.example.org/2020/05/12/the-report/",
            "dated 2 May 2020, but its link holds 2020-05-12",
            id="news-path",
        ),
        pytest.param(
            "2019",
            "https://example.org/files/2020-05-12-annual-report.pdf",
            "dated 2019, but its link holds 2020-05-12",
            id="iso-date-in-a-file-name",
        ),
        pytest.param(
            "14 March 2021",
            "https://example.org/posts/20210317",
            "dated 14 March 2021, but its link holds 2021-03-17",
            id="eight-digits",
        ),
        pytest.param(
            "10 May 2021",
            "https://example.org/wp-content/uploads/2021/03/report.pdf",
            "dated 10 May 2021, but its link is filed under 2021-03, an earlier month",
            id="after-its-month-folder",
        ),
    ],
)
def test_source_dated_otherwise_than_its_link(
    tmp_path: Path, written: str, url: str, message: str
) -> None:
    checked = cited(tmp_path, source("s", date=written, url=url))
    assert [shape(f) for f in checked.of("FC307")] == [
        ("FC307", Level.warning, "s", checked.line("s"), message)
    ]


@pytest.mark.parametrize(
    ("written", "url"),
    [
        pytest.param("8 September 2017", "https://example.org/2017/09/07/x", id="a-day-apart"),
        pytest.param("April 2021", "https://example.org/2021/04/19/x", id="within-the-month"),
        pytest.param(
            "December 2020", "https://example.org/uploads/2021/03/x.pdf", id="filed-later"
        ),
        pytest.param(
            "1 October 2022",
            "https://web.archive.org/web/20210317120000/https://example.org/x",
            id="archive-timestamp",
        ),
        pytest.param("1 October 2022", "https://example.org/2021/13/40/x", id="not-a-date"),
        pytest.param("1 October 2022", "https://arxiv.org/abs/2103.12345", id="preprint-id"),
        pytest.param("n.d.", "https://example.org/2021/03/17/x", id="undated-source"),
    ],
)
def test_source_dated_as_its_link_allows(tmp_path: Path, written: str, url: str) -> None:
    checked = cited(tmp_path, source("s", date=written, url=url))
    assert checked.of("FC307") == []


# --------------------------------------------------------------------------- FC304 / FC305


def test_source_before_the_event(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s", date="1 October 2022"), as_of="21 September 2023")
    assert [shape(f) for f in checked.of("FC304", "FC305", "FC306")] == [
        (
            "FC304",
            Level.warning,
            "c",
            checked.line("c"),
            "source 's' (1 October 2022) appeared before the time the claim describes "
            "(21 September 2023)",
        )
    ]


@pytest.mark.parametrize(
    ("written", "as_of", "early"),
    [
        pytest.param("7 March 2024", "8 March 2024", False, id="the-eve-may-be-another-zone"),
        pytest.param("6 March 2024", "8 March 2024", True, id="two-days-before"),
        pytest.param("30 September 2022", "October 2022", False, id="the-eve-of-a-month"),
        pytest.param("29 September 2022", "October 2022", True, id="two-days-before-a-month"),
        pytest.param(
            "7 March 2024 23:00 UTC", "8 March 2024 06:00 UTC", True, id="instants-need-no-slack"
        ),
        pytest.param(
            "7 March 2024 23:00", "8 March 2024 06:00 UTC", False, id="a-time-without-a-zone"
        ),
    ],
)
def test_a_day_either_way_is_no_evidence_of_an_early_source(
    tmp_path: Path, written: str, as_of: str, early: bool
) -> None:
    checked = one_claim(tmp_path, source("s", date=written), as_of=as_of)
    assert [f.code for f in checked.of("FC304")] == (["FC304"] if early else [])


def test_source_before_an_event_date_given_as_the_value(tmp_path: Path) -> None:
    checked = one_claim(
        tmp_path, source("s", date="1 October 2022"), property="end.date", value="31 October 2022"
    )
    assert [f.code for f in checked.of("FC304", "FC305")] == ["FC304"]


def test_same_day_and_month_in_another_year(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s", date="21 September 2022"), as_of="21 September 2023")
    assert [shape(f) for f in checked.of("FC304", "FC305", "FC306")] == [
        (
            "FC305",
            Level.warning,
            "c",
            checked.line("c"),
            "source 's' is dated 21 September 2022, the day of the event (21 September 2023) "
            "but in 2022",
        )
    ]


def test_same_day_and_month_a_later_year_is_fc305_too(tmp_path: Path) -> None:
    # The decree of 21 September 2022 cited to a source dated 21 September 2025.
    checked = one_claim(
        tmp_path,
        source("s", date="21 September 2025"),
        document={**DOCUMENT, "date": "2026"},
        property="end.date",
        value="21 September 2022",
    )
    assert [f.code for f in checked.of("FC304", "FC305", "FC306")] == ["FC305"]
    assert checked.only("FC305").message == (
        "source 's' is dated 21 September 2025, the day of the event (21 September 2022) "
        "but in 2025"
    )


# A paragraph of two sentences: one of an event of 1 March 2020, one of 1 June 2020; the
# paragraph's references are a story of 2 March 2020 and one of 2 June 2020.
PARAGRAPH_SOURCES = [source("march", date="2 March 2020"), source("june", date="2 June 2020")]


def _paragraph(tmp_path: Path, *, on_footnote: bool) -> list[tuple[str, str]]:
    """FC304/FC305 findings (claim, message) when both sentences cite both references, the
    footnote or the claims saying they are the paragraph's."""
    footnote = note("1", "march", "june")
    if on_footnote:
        footnote["for_paragraph"] = True
    mark = {} if on_footnote else {"for_paragraph": True}
    checked = check(
        tmp_path,
        sources=PARAGRAPH_SOURCES,
        footnotes=[footnote],
        claims=[
            claim("first", "1", as_of="1 March 2020", **mark),
            claim("second", "1", as_of="1 June 2020", **mark),
        ],
    )
    return [(f.record, f.message) for f in checked.of("FC304", "FC305")]


@pytest.mark.parametrize("on_footnote", [True, False], ids=["footnote", "claim"])
def test_a_paragraphs_references_need_only_one_to_fit(tmp_path: Path, on_footnote: bool) -> None:
    assert _paragraph(tmp_path, on_footnote=on_footnote) == []


def test_without_the_mark_every_reference_must_fit_every_sentence(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=PARAGRAPH_SOURCES,
        footnotes=[note("1", "march", "june")],
        claims=[claim("second", "1", as_of="1 June 2020")],
    )
    assert [f.message for f in checked.of("FC304")] == [
        "source 'march' (2 March 2020) appeared before the time the claim describes (1 June 2020)"
    ]


def test_a_paragraph_none_of_whose_references_fit(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=PARAGRAPH_SOURCES,
        footnotes=[{**note("1", "march", "june"), "for_paragraph": True}],
        claims=[claim("later", "1", as_of="1 August 2020")],
    )
    assert [shape(f) for f in checked.of("FC304")] == [
        (
            "FC304",
            Level.warning,
            "later",
            checked.line("later"),
            "none of its paragraph's references appeared by the time the claim describes "
            "(1 August 2020): 'march' (2 March 2020), 'june' (2 June 2020)",
        )
    ]


def test_an_undated_reference_of_the_paragraph_might_be_the_one(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[*PARAGRAPH_SOURCES, source("undated", date="n.d.")],
        footnotes=[{**note("1", "march", "june", "undated"), "for_paragraph": True}],
        claims=[claim("later", "1", as_of="1 August 2020")],
    )
    assert checked.of("FC304") == []


def test_a_paragraph_reference_a_year_off_is_named(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("march", date="2 March 2020"), source("off", date="1 August 2019")],
        footnotes=[{**note("1", "march", "off"), "for_paragraph": True}],
        claims=[claim("later", "1", as_of="1 August 2020")],
    )
    assert [(f.code, f.message) for f in checked.of("FC304", "FC305")] == [
        (
            "FC305",
            "source 'off' is dated 1 August 2019, the day of the event (1 August 2020) but in "
            "2019 (a reference of its paragraph)",
        )
    ]


def test_a_claims_own_footnote_is_judged_alone(tmp_path: Path) -> None:
    # The sentence's own footnote is early; the paragraph's reference fits, but it does not
    # excuse a footnote placed on the sentence itself.
    checked = check(
        tmp_path,
        sources=[source("early", date="1 January 2020"), source("june", date="2 June 2020")],
        footnotes=[note("1", "early"), {**note("2", "june"), "for_paragraph": True}],
        claims=[claim("c", "1", "2", as_of="1 June 2020")],
    )
    assert [f.message for f in checked.of("FC304")] == [
        "source 'early' (1 January 2020) appeared before the time the claim describes (1 June 2020)"
    ]


@pytest.mark.parametrize(
    ("written", "as_of"),
    [
        pytest.param("1 October 2022", "21 September 2022", id="after-the-event"),
        pytest.param("21 September 2022", "21 September 2022", id="the-day-itself"),
        pytest.param("1 October 2022", "since November 2022", id="open-as-of"),
        pytest.param("1 October 2022", "October 2022", id="within-the-month"),
        pytest.param("September 2023", "21 September 2022", id="month-precision-source"),
        pytest.param("n.d.", "21 September 2023", id="undated-source"),
    ],
)
def test_source_dated_consistently_with_the_event(tmp_path: Path, written: str, as_of: str) -> None:
    checked = one_claim(tmp_path, source("s", date=written), as_of=as_of)
    assert checked.of("FC304", "FC305") == []


def test_an_event_that_has_not_happened_has_no_date_to_compare(tmp_path: Path) -> None:
    checked = one_claim(
        tmp_path,
        source("s", date="2016"),
        property="end.date",
        value="not yet",
        as_of="21 September 2022",
    )
    assert checked.of("FC304", "FC305", "FC306") == []


# --------------------------------------------------------------------------- FC306


def test_time_running_on_long_after_its_only_source(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s", date="1 October 2022"), as_of="2022–2026")
    assert [shape(f) for f in checked.of("FC304", "FC305", "FC306")] == [
        (
            "FC306",
            Level.note,
            "c",
            checked.line("c"),
            "describes 2022–2026; its only independent source 's' is dated 1 October 2022, "
            "4.2 years before that time ends",
        )
    ]


def test_time_running_on_after_its_only_independent_source(tmp_path: Path) -> None:
    # Two records, one independent source (the second relays the first): still one source.
    checked = one_claim(tmp_path, source("s"), source("relay", reports=["s"]), as_of="2022–2026")
    assert [f.code for f in checked.of("FC306")] == ["FC306"]


def test_time_running_on_after_two_independent_sources_is_no_note(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s"), source("t"), as_of="2022–2026")
    assert checked.of("FC306") == []


@pytest.mark.parametrize(
    "as_of",
    [
        pytest.param("2022–2023", id="ends-within-two-years"),
        pytest.param("1776–1780", id="a-later-source-looks-back"),
        pytest.param("2019", id="long-before-the-source"),
    ],
)
def test_time_its_source_can_speak_for_is_no_note(tmp_path: Path, as_of: str) -> None:
    checked = one_claim(tmp_path, source("s", date="1 October 2022"), as_of=as_of)
    assert checked.of("FC306") == []


# --------------------------------------------------------------------------- FC308

POST = "https://example.org/news/2021/03/17/first-estimate"


def _published(tmp_path: Path, value: str, *sources: dict[str, Any]) -> Checked:
    return one_claim(tmp_path, *sources, property="published.date", value=value)


def test_a_claim_dating_the_work_it_cites_otherwise_than_its_link(tmp_path: Path) -> None:
    checked = _published(tmp_path, "14 March 2021", source("post", date=None, url=POST))
    assert [shape(f) for f in checked.of("FC308")] == [
        (
            "FC308",
            Level.warning,
            "c",
            checked.line("c"),
            "dates the work it cites 14 March 2021, but the link of 'post' holds 2021-03-17",
        )
    ]


def test_a_claim_dating_the_work_it_cites_otherwise_than_its_date(tmp_path: Path) -> None:
    checked = _published(tmp_path, "2 May 2020", source("report", date="12 May 2020"))
    assert checked.only("FC308").message == (
        "dates the work it cites 2 May 2020, but 'report' is dated 12 May 2020"
    )


@pytest.mark.parametrize(
    ("value", "sources"),
    [
        pytest.param("16 March 2021", [source("post", date=None, url=POST)], id="a-day-off"),
        pytest.param("March 2021", [source("post", date=None, url=POST)], id="the-month"),
        pytest.param("14 March 2021", [source("post", date=None)], id="nothing-to-judge-by"),
        pytest.param(
            "14 March 2021",
            [source("post", date=None, url=POST), source("blog", date="14 March 2021")],
            id="one-of-two-agrees",
        ),
        pytest.param(
            "14 March 2021",
            [source("post", date="14 March 2021", url=POST)],
            id="its-date-agrees-though-its-link-does-not",
        ),
        pytest.param("not yet", [source("post", date=None, url=POST)], id="no-date-given"),
    ],
)
def test_a_claim_dating_the_work_it_cites_alike(
    tmp_path: Path, value: str, sources: list[dict[str, Any]]
) -> None:
    assert _published(tmp_path, value, *sources).of("FC308") == []


def test_a_claim_dating_its_work_is_not_also_an_early_source(tmp_path: Path) -> None:
    checked = _published(tmp_path, "2020", source("report", date="12 May 2019"))
    assert [f.code for f in checked.of("FC304", "FC305", "FC308")] == ["FC308"]


def test_only_a_property_that_dates_the_cited_work_is_compared(tmp_path: Path) -> None:
    checked = one_claim(
        tmp_path,
        source("post", date=None, url=POST),
        property="end.date",
        value="14 March 2021",
    )
    assert checked.of("FC308") == []


def test_only_a_date_property_can_date_the_cited_work(tmp_path: Path) -> None:
    path = write(tmp_path)
    vocabulary = tmp_path / "vocabulary.yaml"
    data = yaml.safe_load(vocabulary.read_text("utf-8"))
    data["properties"][0]["dates_cited_work"] = True
    vocabulary.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    with pytest.raises(InputError) as raised:
        load_corpus([path.parent])
    [problem] = raised.value.problems
    assert "only a date property" in problem.message
    assert problem.file == str(vocabulary) and problem.line is not None
