"""Sources read from notes written in the citation styles of reports, news, books, journals
and Wikipedia's templates (examples made up for these tests, in each style's shape)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.notes import CitedWork, read_note
from factcheck.extract.structure import Note
from factcheck.model import Citation, Source


def _read(text: str, **kwargs: Any) -> list[CitedWork]:
    return read_note(Note("1", text, **kwargs), [])


def _one(text: str, **kwargs: Any) -> tuple[dict[str, str], str | None]:
    (work,) = _read(text, **kwargs)
    return work.fields, work.pages


@pytest.mark.parametrize(
    ("text", "fields", "pages"),
    [
        # Chicago note of a news article: author, title in quotes, outlet, date, link.
        (
            "Ana Ruiz, “Floods Displace Thousands in the Delta,” Daily Ledger, 4 June 2021, "
            "https://ledger.example/floods.",
            {
                "author": "Ana Ruiz",
                "title": "Floods Displace Thousands in the Delta",
                "publisher": "Daily Ledger",
                "kind": "media",
                "date": "4 June 2021",
                "url": "https://ledger.example/floods",
            },
            None,
        ),
        # MLA: surname first, title in quotes, container and publisher, abbreviated month,
        # and an archived copy.
        (
            "Okafor, Ben. “Port Strike Ends After Nine Days.” Coastal Times, Harbour Media, "
            "12 Sept. 2019, https://ct.example/strike. Archived https://archive.ph/AbCd1.",
            {
                "author": "Okafor, Ben",
                "title": "Port Strike Ends After Nine Days.",
                "publisher": "Coastal Times, Harbour Media",
                "kind": "media",
                "date": "12 Sept. 2019",
                "url": "https://ct.example/strike",
                "archive_url": "https://archive.ph/AbCd1",
            },
            None,
        ),
        # MLA without an author: what follows the title is where it appeared.
        (
            "“Dam Opens on Schedule.” Valley News, 3 Mar. 2020, https://vn.example/dam.",
            {
                "title": "Dam Opens on Schedule.",
                "publisher": "Valley News",
                "kind": "media",
                "date": "3 Mar. 2020",
                "url": "https://vn.example/dam",
            },
            None,
        ),
        # An organisation's report in quotes: the organisation publishes it, no author.
        (
            "Rivers Watch, “Silted Channels” (Lisbon: Rivers Watch, May 2018), "
            "https://rw.example/silt.",
            {
                "publisher": "Rivers Watch",
                "title": "Silted Channels",
                "date": "May 2018",
                "url": "https://rw.example/silt",
            },
            None,
        ),
        # A journal article: volume, issue, year and pages after the title.
        (
            "See Mara Lind, “Salt Roads of the North,” Journal of Trade History 12, "
            "no. 3 (2004): 211–40.",
            {
                "author": "Mara Lind",
                "title": "Salt Roads of the North",
                "publisher": "Journal of Trade History",
                "date": "2004",
                "kind": "academic",
            },
            "211–40",
        ),
        # A Chicago book: publication in brackets, place with a comma, pages after.
        (
            "Tomas Berg, Mills and Markets, 1700–1850 (Uppsala, Sweden: Nordic University "
            "Press, 2011), 88–91.",
            {
                "author": "Tomas Berg",
                "title": "Mills and Markets, 1700–1850",
                "publisher": "Nordic University Press",
                "date": "2011",
                "kind": "academic",
            },
            "88–91",
        ),
        # A short citation of a work in the bibliography, with comment after its pages.
        (
            'Hale (1988), p. 40 puts the garrison at "under 2,000".',
            {"author": "Hale", "date": "1988"},
            "p. 40",
        ),
        # A bibliography entry: authors, then title, then publisher and year, full stops
        # between; a quotation of the work after it is not its title.
        (
            'Pike, Edna J. Harbour Lights. Fenwick Press, 1972, p. 9 "The lamps were lit".',
            {
                "author": "Pike, Edna J",
                "title": "Harbour Lights",
                "publisher": "Fenwick Press",
                "date": "1972",
            },
            "p. 9",
        ),
        (
            "Anne K. Moss and R. T. Vale. A History of Canals (Delta, 1990) p. 14",
            {
                "author": "Anne K. Moss and R. T. Vale",
                "title": "A History of Canals",
                "publisher": "Delta",
                "date": "1990",
            },
            "p. 14",
        ),
        # A Chicago note without brackets: `Place: Publisher` before the year.
        (
            "Ruth Ames, Quiet Harbours: 1800–1900, Boston: Gale and Finch, 1994, p. 12",
            {
                "author": "Ruth Ames",
                "title": "Quiet Harbours: 1800–1900",
                "publisher": "Gale and Finch",
                "date": "1994",
            },
            "p. 12",
        ),
        # A short note of a work cited in full earlier: surname, short title, chapter.
        (
            "Ames, Quiet Harbours, ch. 4.",
            {"author": "Ames", "title": "Quiet Harbours"},
            "ch. 4",
        ),
        # A locator other than pages (a table, an annex) is where the note points, not the
        # publisher; the organisation before the quoted title publishes it.
        (
            "Harbour Authority, “Annual Cargo Statistics”, 3 May 2022, table 4.",
            {
                "title": "Annual Cargo Statistics",
                "date": "3 May 2022",
                "publisher": "Harbour Authority",
            },
            "table 4",
        ),
        (
            "Ministry of Works, Decision No. 12 on Bridge Repairs, Annex II.",
            {
                "publisher": "Ministry of Works",
                "title": "Decision No. 12 on Bridge Repairs",
                "kind": "government",
            },
            "Annex II",
        ),
        # What the work is, in lower case (`briefing paper`), is not who published it.
        (
            "Coastal Watch, “Nets and Numbers”, briefing paper, 9 July 2020.",
            {"title": "Nets and Numbers", "date": "9 July 2020", "publisher": "Coastal Watch"},
            None,
        ),
        # A bare number after a quoted title is the page cited; a name and a quoted title
        # alone are a short note, the name its author.
        (
            "Ames, “Quiet Harbours,” 212.",
            {"title": "Quiet Harbours", "author": "Ames"},
            "212",
        ),
        # A full date in `(Place, date)`: the day is part of it.
        (
            "Coastal Watch, Nets and Numbers (Portmore, 4 March 2019), pp. 2–3.",
            {
                "publisher": "Portmore",
                "date": "4 March 2019",
                "author": "Coastal Watch",
                "title": "Nets and Numbers",
            },
            "pp. 2–3",
        ),
        # An unsigned article opens with its title in quotes: a citation, not a comment,
        # however many of the title's words are in lower case.
        (
            "“Nine to a tent: a winter in the camp by the river”, Evening Post, 2 February 2021.",
            {
                "title": "Nine to a tent: a winter in the camp by the river",
                "date": "2 February 2021",
                "publisher": "Evening Post",
                "kind": "media",
            },
            None,
        ),
    ],
)
def test_citation_styles(text: str, fields: dict[str, str], pages: str | None) -> None:
    assert _one(text) == (fields, pages)


def test_a_note_of_interviews_is_an_interview_however_long_its_description() -> None:
    fields, _ = _one(
        "Interviews with three nurses and a district medical officer, Portmore, "
        "2–5 May 2023 (names withheld)."
    )
    assert fields["kind"] == "interview"
    assert fields["author"] == "Interviews with three nurses and a district medical officer"


def test_the_report_order_is_read_as_before() -> None:
    fields, pages = _one(
        "Field Monitor, Crossing points and closures, 2 May 2024, [url](#), pp. 4-6"
    )
    assert fields == {
        "publisher": "Field Monitor",
        "title": "Crossing points and closures",
        "date": "2 May 2024",
        "url": "#",
    }
    assert pages == "pp. 4-6"


def test_a_note_that_explains_cites_only_its_link() -> None:
    assert _read("The figure excludes those who returned within the month; see the table.") == []
    (work,) = _read(
        "An armistice was agreed by both sides on 3 May and held until the autumn talks.",
        links=("https://treaties.example/armistice",),
    )
    assert work.fields == {"url": "https://treaties.example/armistice"}


def test_several_styles_in_one_note_split_on_semicolons() -> None:
    works = _read("Hale (1988), p. 40; and Pike, Edna J. Harbour Lights. Fenwick Press, 1972.")
    assert [w.fields.get("author") for w in works] == ["Hale", "Pike, Edna J"]


@pytest.mark.parametrize(
    ("fields", "expected", "pages"),
    [
        (
            {
                "template": "cite journal",
                "last": "Lind",
                "first": "Mara",
                "title": "Salt Roads",
                "journal": "Journal of Trade History",
                "publisher": "Trade Society",
                "year": "2004",
                "pages": "211–40",
                "archiveurl": "//web.archive.org/web/2015/http://j.example/salt",
            },
            {
                "author": "Lind, Mara",
                "title": "Salt Roads",
                "publisher": "Journal of Trade History",
                "date": "2004",
                "archive_url": "https://web.archive.org/web/2015/http://j.example/salt",
                "kind": "academic",
            },
            "pp. 211–40",
        ),
        (
            {"template": "sfn", "1": "Hale", "2": "Moss", "3": "1988", "p": "40"},
            {"author": "Hale and Moss", "date": "1988"},
            "p. 40",
        ),
        (
            {"template": "cite news", "title": "Dam opens", "work": "Valley News", "date": "2020"},
            {"title": "Dam opens", "publisher": "Valley News", "date": "2020", "kind": "media"},
            None,
        ),
    ],
)
def test_template_fields(
    fields: dict[str, str], expected: dict[str, str], pages: str | None
) -> None:
    assert _one("", fields=fields) == (expected, pages)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Aa Zz.,;:()“”\"'[]-–0123456789 pchttps://x.y/Archived")),
        max_size=300,
    )
)
def test_any_words_give_sources_a_claim_file_accepts(text: str) -> None:
    for work in read_note(Note("1", text), []):
        Source.model_validate({"id": "s", **work.fields})
        Citation.model_validate({"source": "s", "pages": work.pages})


def _read_all(*texts: str) -> list[list[CitedWork]]:
    """The notes of one document read in order, as extract reads them."""
    earlier: dict[str, list[CitedWork]] = {}
    previous: list[CitedWork] = []
    for label, text in enumerate(texts, start=1):
        works = read_note(Note(str(label), text), previous, earlier)
        previous = works or previous
        earlier[str(label)] = works
    return list(earlier.values())


FULL = "Ana Ruiz, Quiet Harbours: A History of the Delta Ports (Portmore: Gale, 2019), p. 4."
OTHER = "Field Monitor, “Crossings in May”, 2 June 2020, p. 3."


@pytest.mark.parametrize(
    "pointer",
    [
        "Ruiz (n 1), p. 9.",  # OSCOLA
        "Ruiz, supra note 1, at 9.",  # Bluebook
        "Ruiz, above n 1, 9.",  # AGLC
        "Ruiz, Quiet Harbours, p. 9.",  # a short note: surname and short title
        "Ruiz, p. 9.",  # a short note: the surname alone
    ],
)
def test_a_note_pointing_back_cites_the_work_cited_in_full_before(pointer: str) -> None:
    first, _, back = _read_all(FULL, OTHER, pointer)
    (cited,) = back
    assert cited.fields == first[0].fields
    assert cited.key == first[0].key  # one source, not two
    assert cited.pages in {"p. 9", "9"}


def test_a_short_note_that_matches_no_earlier_work_stays_as_written() -> None:
    _, _, (cited,) = _read_all(FULL, OTHER, "Okafor, Tides of Trade, p. 2.")
    assert cited.fields == {"author": "Okafor", "title": "Tides of Trade"}


def test_a_pointer_to_a_note_not_read_yet_is_read_as_written() -> None:
    (cited,) = _read_all("Ruiz (n 4), p. 9.")[0]
    assert "Ruiz" in " ".join(cited.fields.values())


def test_ibid_with_a_bare_page_cites_that_page() -> None:
    _, (again,) = _read_all(FULL, "Ibid., 58.")
    assert again.pages == "58"


@pytest.mark.parametrize(
    ("text", "publisher", "date"),
    [
        # A date written month first keeps its comma: not a publisher `Reuters, June 2`.
        ('"Strikes Raise Fears," Reuters, September 1, 2026.', "Reuters", "September 1, 2026"),
        ("Field Office, Crossings Monitor, June 2, 2026, p. 4.", "Field Office", "June 2, 2026"),
        # A year after a name is still a piece of its own.
        ("Field Office, Crossings Monitor, 2026.", "Field Office", "2026"),
    ],
)
def test_a_date_written_month_first_is_one_date(text: str, publisher: str, date: str) -> None:
    fields, _ = _one(text)
    assert (fields.get("publisher"), fields.get("date")) == (publisher, date)


@pytest.mark.parametrize(
    ("text", "date", "pages"),
    [
        # Pages listed after `p.` are pages, however much the last looks like a year.
        (
            "Federal Agency, Order on Warnings, November 10, 1994, p. 1813, 1815, 1819.",
            "November 10, 1994",
            "p. 1813, 1815, 1819",
        ),
        # A year after a page keeps being a year.
        ("Field Office, Crossings Monitor, p. 5, 2019.", "2019", "p. 5"),
    ],
)
def test_a_list_of_pages_is_pages_not_a_date(text: str, date: str, pages: str) -> None:
    work = read_note(Note("1", text), [])[0]
    assert (work.fields.get("date"), work.pages) == (date, pages)


def test_a_name_given_for_later_notes_is_no_field_of_the_work() -> None:
    work = read_note(
        Note("1", "Field Office, Report on Alerts (hereinafter Alerts Report), June 2, 2026."),
        [],
    )[0]
    assert (work.fields["publisher"], work.fields["title"], work.fields["date"]) == (
        "Field Office",
        "Report on Alerts",
        "June 2, 2026",
    )


def test_a_link_written_in_one_part_of_a_note_is_that_part_s_alone() -> None:
    url = "https://records.example/plan-4"
    works = _read(
        "Field Office, Order on Sirens, March 3, 1990; Accord on Regional Warning, May 5, 1984;"
        f" and Plan No. 4 of 1979, {url}.",
        links=(url,),
    )
    assert [w.fields.get("url") for w in works] == [None, None, url]


@pytest.mark.parametrize(
    ("links", "urls"),
    [
        # As many links behind words as parts without a link: each in turn, in order.
        (
            ("https://a.example/1", "https://b.example/2"),
            ["https://a.example/1", "https://b.example/2"],
        ),
        # One link behind words for two works: which it belongs to cannot be told.
        (("https://a.example/1",), [None, None]),
    ],
)
def test_links_behind_words_go_to_a_part_only_when_it_can_be_told(
    links: tuple[str, ...], urls: list[str | None]
) -> None:
    works = _read(
        "Field Office, Order on Sirens, March 3, 1990; Harbour Board, Tide Tables, May 5, 1984.",
        links=links,
    )
    assert [w.fields.get("url") for w in works] == urls


def test_a_link_behind_words_goes_to_the_one_part_without_a_link() -> None:
    works = _read(
        "Field Office, Order on Sirens, March 3, 1990; Harbour Board, Tide Tables, May 5, 1984,"
        " https://b.example/2.",
        links=("https://a.example/1", "https://b.example/2"),
    )
    assert [w.fields.get("url") for w in works] == ["https://a.example/1", "https://b.example/2"]


@pytest.mark.parametrize(
    ("text", "date", "pages"),
    [
        # The volume and issue named, the issue dated by its month, the page after a comma.
        (
            'Ana Ruiz and Ben Okafor, "Sirens and Trust: A Survey of Coastal Towns," Journal of'
            " Warning Studies, vol. 31, no. 2 (June 2023), p. 276, https://doi.example/10.1/ws.",
            "June 2023",
            "p. 276",
        ),
        # An issue named for its season; pages as a span.
        (
            'Ana Ruiz and Ben Okafor, "Sirens and Trust: A Survey of Coastal Towns," Journal of'
            " Warning Studies, vol. 12, no. 3 (Spring 2019), pp. 7-19.",
            "Spring 2019",
            "pp. 7-19",
        ),
        # Chicago's short form: volume, issue, year, pages after a colon.
        (
            'Ana Ruiz and Ben Okafor, "Sirens and Trust: A Survey of Coastal Towns," Journal of'
            " Warning Studies 12, no. 3 (Winter 2019): 7-19.",
            "Winter 2019",
            "7-19",
        ),
    ],
)
def test_a_journal_article_gives_its_authors_and_journal(text: str, date: str, pages: str) -> None:
    fields, found_pages = _one(text)
    assert (fields["author"], fields["publisher"], fields["date"], fields["kind"]) == (
        "Ana Ruiz and Ben Okafor",
        "Journal of Warning Studies",
        date,
        "academic",
    )
    assert fields["title"] == "Sirens and Trust: A Survey of Coastal Towns"
    assert found_pages == pages


def test_prose_before_a_citation_is_no_field_of_it() -> None:
    fields, _ = _one(
        "Relay stations of this kind include two satellite services and a national public"
        " network. Based on interviews with the Field Office's records unit, April 5, 2025."
    )
    assert fields["title"] == "interviews with the Field Office's records unit"
    assert fields["date"] == "April 5, 2025"
    assert "publisher" not in fields


def test_prose_between_two_citations_separates_them() -> None:
    works = _read(
        "In the first test most stations received the message. Field Office, Report on the"
        " First Test, December 2021, p. 3, https://fo.example/1. In the second test the"
        " office found that the rate of receipt had risen. Field Office, Report on the Second"
        " Test, June 2024, p. 4, https://fo.example/2.",
        links=("https://fo.example/1", "https://fo.example/2"),
    )
    assert [(w.fields["title"], w.fields["date"], w.fields["url"], w.pages) for w in works] == [
        ("Report on the First Test", "December 2021", "https://fo.example/1", "p. 3"),
        ("Report on the Second Test", "June 2024", "https://fo.example/2", "p. 4"),
    ]


def test_a_citation_opening_with_a_name_is_no_prose_though_its_title_is() -> None:
    fields, _ = _one(
        "Daily Ledger, 'Left behind' Two years ago the call-up sent men from the valley to"
        " war. Now a third are home, 19 September 2025."
    )
    assert fields["publisher"] == "Daily Ledger"


def test_see_with_a_comma_opens_a_citation_without_being_part_of_it() -> None:
    fields, _ = _one('See, "Port Strike Ends After Nine Days," Coastal Times, June 2, 2026.')
    assert (fields["publisher"], "author" in fields) == ("Coastal Times", False)


@pytest.mark.parametrize(
    ("text", "links", "who"),
    [
        # A name and a quoted title with the page cited: a short note, by its author.
        ('Ruiz, "Sirens and Trust," p. 347.', (), "author"),
        # The same with a link of its own: a page of the one named, its publisher.
        ('Field Office, "Sirens and Trust," https://fo.example/sirens.', (), "publisher"),
    ],
)
def test_a_name_before_a_quoted_title_alone(text: str, links: tuple[str, ...], who: str) -> None:
    fields, _ = _one(text, links=links)
    assert set(fields) & {"author", "publisher"} == {who}


def test_a_part_of_a_larger_work_is_titled_as_printed() -> None:
    fields, pages = _one(
        'Field Office, Harbour Board (Civil Section), and Office of Planning, "Annex 4," in'
        " Coastal Warning Plan, January 6, 1964, p. 4-3."
    )
    assert fields["title"] == '"Annex 4," in Coastal Warning Plan'
    assert fields["publisher"] == (
        "Field Office, Harbour Board (Civil Section), and Office of Planning"
    )
    assert (fields["date"], "author" in fields, pages) == ("January 6, 1964", False, "p. 4-3")


def test_a_sentence_closed_by_a_date_and_a_link_s_place_is_a_citation_s() -> None:
    fields, _ = _one(
        "Field Weekly, Ночь тревоги. [The night the alarm sounded in the valley], 21 September"
        " 2025, url"
    )
    assert (fields["publisher"], fields["date"]) == ("Field Weekly", "21 September 2025")
