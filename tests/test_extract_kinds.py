"""The kind of a source drafted from a note: by the shape of the citation and the type words
of its names (examples made up for these tests; no outlet or body in them is real), and no
kind where the note does not show one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.kinds import _has_word, kind_of
from factcheck.extract.notes import read_note
from factcheck.extract.structure import Note
from factcheck.model import SourceKind


def _kind(text: str) -> str | None:
    (work,) = read_note(Note("1", text), [])
    return work.fields.get("kind")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Spoken, not read.
        ("Interview with a border guard, Narva, 3 May 2024", "interview"),
        ("J. Okafor, personal communication, 12 March 2023", "interview"),
        ("Ana Ruiz, in conversation with the author, Lisbon, 2 June 2022", "interview"),
        # An encyclopedia says so, or is Wikipedia.
        (
            "Ana Ruiz, “Delta (river),” in Encyclopaedia of Rivers (Lisbon: Tagus, 2010)",
            "encyclopedia",
        ),
        # A title about an encyclopedia is not one.
        ("Ana Ruiz, “The Encyclopedia Nobody Reads,” Daily Ledger, 4 June 2021", "media"),
        ("“Delta.” Encyclopedia of Rivers, Tagus Books, 3 May 2011.", "encyclopedia"),
        (
            "“Valley Dam.” Wikipedia, 3 May 2021, https://en.wikipedia.org/wiki/Valley_Dam.",
            "encyclopedia",
        ),
        # A case name opening the note, a case number, a court as publisher.
        ("Ruiz v. Harbour Authority, Case No. 12/2019, 4 May 2020", "court"),
        ("R v Okafor, 4 May 2020, para. 12", "court"),
        ("Supreme Court of Freedonia, Judgment of 3 March 2021, 3 March 2021", "court"),
        ("Appeals Tribunal, Decision on the appeal of A. B., 2 May 2020", "court"),
        # A report says it is one; a ministry's report is a report.
        ("Coastal Watch, Annual Report 2022, June 2023, p. 14", "report"),
        ("Harbourlight, Nets and Numbers, Report No 7 2021, 3 May 2021", "report"),
        ("Ministry of Works, Report on the State of the Bridges, May 2020", "report"),
        ("Tagus Office, Delta: Country of Origin Information, May 2020, pp. 3-4", "report"),
        # The state: a type word of its bodies, or an official host.
        (
            "“Port Reopens.” Department of Transport, 4 June 2021, https://port.example/news.",
            "government",
        ),
        (
            "“Bridge Closures,” Harbour Office, 4 June 2021, https://www.harbour.gov.uk/closures",
            "government",
        ),
        ("Embassy of Freedonia, Visa rules, 4 June 2021", "government"),
        (
            "Delta Office, Asylum figures, 4 June 2021, https://delta.europa.eu/figures",
            "government",
        ),
        # Scholarship.
        ("Ana Ruiz, “Delta Floods,” Journal of River Studies, March 2019", "academic"),
        ("Ana Ruiz, Delta Floods, 4 June 2021, https://geo.tagus.edu/floods", "academic"),
        ("Ana Ruiz, Delta Floods (Lisbon: Tagus University Press, 2019), 12", "academic"),
        (
            "Ana Ruiz, Delta Floods, Working papers (Department of Geography, University of "
            "Tagus, 2019)",
            "academic",
        ),
        # The press, by the type word of its name.
        ("Valley Herald, Dam Opens on Schedule, 3 May 2020, [url](#)", "media"),
        ("Radio Delta, Floods reach the capital, 3 May 2020", "media"),
        ("Kurier Novosti, Floods reach the capital, 3 May 2020", "media"),
        # An organisation for human rights, no state body.
        (
            "Ana Ruiz, Voices from the Camps (Lisbon: Delta Human Rights Centre, May 2021)",
            "ngo",
        ),
        # The shape of a newspaper article: quoted title, outlet, date to the day.
        (
            "Ana Ruiz, “Floods Displace Thousands,” Coastline, 4 June 2021, "
            "https://coastline.example/world/2021/06/04/floods",
            "media",
        ),
        (
            "Ruiz, Ana. “Floods Displace Thousands.” Coastline, Tagus Holdings, 4 June 2021.",
            "media",
        ),
        # A newspaper's article about a report, an interview or a case is an article.
        ("Ana Ruiz, “Senate Releases Torture Report,” Daily Ledger, 4 May 2015", "media"),
        ("Ana Ruiz, “Annual Report Shows Losses,” Coastline, 4 May 2015", "media"),
        ("Ana Ruiz, “An Interview with the Harbour Master,” Daily Ledger, 4 June 2021", "media"),
        ("“Ruiz v. Harbour: The Ruling Explained,” Coastline, 4 June 2021", "media"),
    ],
)
def test_kind_drafted(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # A name with no type word, in the order of reports' footnotes: an outlet, an NGO
        # or a think tank alike.
        "Harbourlight, Nets and Numbers, 9 July 2020, [url](#)",
        # An article-shaped citation of a body that is not an outlet.
        "Ana Ruiz, “Floods Displace Thousands,” Delta Policy Institute, 4 June 2021",
        "Ana Ruiz, “Floods Displace Thousands,” Coastal Watch, 4 June 2021",
        "Ana Ruiz, “Floods,” Made in Delta Journal, 4 June 2021",
        "“Flood Claims.” Ruiz & Okafor Law Offices, 4 June 2021",
        "Okafor, Inc. “Okafor Announces Results.” Wirely, 4 June 2021",
        # A blog, a user's page, a press release, an organisation's publications.
        "Ana Ruiz, “Notes on the Floods,” Riverside, 4 June 2021, https://riverside.example/blog/notes",
        "Ana Ruiz, “Notes on the Floods,” Riverside, 4 June 2021, https://blog.riverside.example/n",
        "Ana Ruiz, “Notes on the Floods,” Pages, 4 June 2021, https://pages.example/@ana/notes",
        "“Port Figures for May.” Wirely, 4 June 2021, https://wirely.example/news-releases/may",
        "“Press Release: Port Figures for May,” Wirely, 4 June 2021",
        "“Floods Displace Thousands,” Harbourlight, 4 June 2021, "
        "https://harbourlight.example/publications/floods",
        # A body citing its own statement, or named before the title.
        "Harbourlight, “Floods Displace Thousands,” Harbourlight, 4 June 2021",
        "Harbourlight, “Floods Displace Thousands,” 4 June 2021",
        # A date to the month only: a report or a book as often as an article.
        "Ana Ruiz, “Floods Displace Thousands,” Coastline, June 2021",
        # A state's human-rights body is not an NGO; its kind is left to the user.
        "Delta Human Rights Commission, Voices from the Camps, May 2021",
        # A headline opening with `Report:` is no report; a headline with `vs` no case.
        "Harbourlight, Report: Floods Cost Millions, June 2021",
        "Russia vs Freedonia: the match, Harbourlight, June 2021",
        # `Court` as an author's surname names no court.
        "Court, Ana. Floods and Dams. Harbourlight, 2020.",
        # A quoted title with an imprint is a chapter or a report, not an article.
        "Ana Ruiz, “Floods Displace Thousands,” in Delta Essays (Lisbon: Tagus, 4 June 2021)",
        # `Post-` opens a journal's name, not a newspaper's.
        "Post-Delta Affairs, Floods and Memory, June 2021",
    ],
)
def test_no_kind_without_evidence(text: str) -> None:
    assert _kind(text) is None


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"template": "cite web", "title": "Port", "newspaper": "Valley Herald"}, "media"),
        ({"template": "cite web", "title": "Floods", "journal": "River Studies"}, "academic"),
        (
            {"template": "cite web", "title": "Port", "url": "https://www.transport.gov/port"},
            "government",
        ),
        ({"template": "cite web", "title": "Port", "website": "Harbourlight"}, None),
        # The template's name says it first.
        ({"template": "cite news", "title": "Port", "url": "https://www.transport.gov/p"}, "media"),
    ],
)
def test_kind_of_template(fields: dict[str, str], kind: str | None) -> None:
    (work,) = read_note(Note("1", "", fields=fields), [])
    assert work.fields.get("kind") == kind


def test_a_title_is_not_evidence_of_the_publisher() -> None:
    """Words of a title say what the work is about: `Ministry` or `Times` in a title names
    no state body and no newspaper."""
    fields = {"title": "The Ministry of Times", "publisher": "Harbourlight", "date": "2020"}
    assert kind_of("Harbourlight, The Ministry of Times, 2020", fields) is None


def test_odd_links_give_no_kind_and_no_error() -> None:
    for url in ("#", "url", "http://[::1", "https://", "mailto:a@b"):
        fields = {"title": "Floods", "publisher": "Harbourlight", "url": url}
        assert kind_of("Harbourlight, Floods", fields) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A body's news of itself, by its head.
        (
            "Ana Ruiz, “Ana Ruiz Welcomes Delegates at Harbourlight,” Harbourlight, 4 June 2021",
            None,
        ),
        # A WordPress post.
        (
            "Ana Ruiz, “Notes on the Floods,” Riverside, 4 June 2021, https://riverside.example/?p=152",
            None,
        ),
        # `.int` hosts international courts as well as other bodies.
        ("Ana Ruiz, Floods and Law, 4 June 2021, https://www.delta.int/floods", None),
        # `interview by` beside a quoted title may name another work of the note: the first
        # work, an article, is read by its own shape.
        (
            "Ana Ruiz, “Floods in the Delta,” Coastline, 4 June 2021. See also B. Okafor, "
            "“Dams on the River,” interview by C. Lind, Wavecast, 5 June 2021",
            "media",
        ),
    ],
)
def test_weaker_evidence_gives_way(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


def test_a_state_report_in_the_shape_of_an_article_is_a_report() -> None:
    text = (
        "“2020 Report on Harbour Safety: Delta,” Department of Ports, 10 June 2021, "
        "https://www.ports.gov/reports/2020-delta"
    )
    assert _kind(text) == "report"


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=300),
    st.dictionaries(
        st.sampled_from(["publisher", "author", "title", "date", "url", "identifier"]),
        st.text(max_size=80),
    ),
)
def test_any_text_gives_a_kind_of_the_format_or_none(text: str, fields: dict[str, str]) -> None:
    kind = kind_of(text, fields)
    assert kind is None or kind in {k.value for k in SourceKind}


@given(
    st.text(alphabet="ab _-.é1 ", max_size=12),
    st.text(alphabet="ab _-.é1 ", min_size=1, max_size=4),
)
def test_a_word_is_found_as_a_word_boundary_pattern_finds_it(text: str, words: str) -> None:
    assert _has_word(text, words) == bool(re.search(rf"\b{re.escape(words)}\b", text))
