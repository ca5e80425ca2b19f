"""Document readers (factcheck/extract/readers.py and its reader modules): each format read
into paragraphs, sentences with exact offsets and the markers that follow them, and notes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.extract.inline import stated_date
from factcheck.extract.readers import read_document
from factcheck.extract.sentences import split
from factcheck.extract.structure import ParsedDocument
from tests.extract_helpers import marked_sentences as sentences

DATA = Path(__file__).parent / "data" / "extract"
SEEDS = Path(__file__).parent / "data" / "seeds"


def read(name: str, kind: str | None = None) -> ParsedDocument:
    return read_document((DATA / name).read_bytes(), name, kind)


def parts(text: str, hints: frozenset[int] = frozenset()) -> list[str]:
    return [text[start:end] for start, end in split(text, hints)]


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dr. Marek spoke first. Then Prof. Lind answered.",
            ["Dr. Marek spoke first.", "Then Prof. Lind answered."],
            id="titles",
        ),
        pytest.param(
            "Some regions, e.g. Tuva, lost more. The U.S. Army agreed.",
            ["Some regions, e.g. Tuva, lost more.", "The U.S. Army agreed."],
            id="dotted",
        ),
        pytest.param(
            "Decree No. 7 applies. See pp. 30-33 for more.",
            ["Decree No. 7 applies.", "See pp. 30-33 for more."],
            id="before-number",
        ),
        pytest.param(
            "About 1.2 million left. Another 300 000 stayed.",
            ["About 1.2 million left.", "Another 300 000 stayed."],
            id="numbers",
        ),
        pytest.param(
            "Antony J. Blinken spoke. He left.",
            ["Antony J. Blinken spoke.", "He left."],
            id="initial",
        ),
        pytest.param(
            'He said "It is over. We won." Nobody agreed.',
            ['He said "It is over. We won."', "Nobody agreed."],
            id="quotation",
        ),
        pytest.param(
            "The count (see above. It grew) rose. Then it fell!  Why? Nobody knows…",
            ["The count (see above. It grew) rose.", "Then it fell!", "Why?", "Nobody knows…"],
            id="brackets-and-stops",
        ),
        pytest.param(
            "In 2022. 300 men left. the next line.",
            ["In 2022.", "300 men left. the next line."],
            id="digit-starts-lower-does-not",
        ),
    ],
)
def test_sentences_split_where_they_end(text: str, expected: list[str]) -> None:
    assert parts(text) == expected


def test_a_marker_after_an_abbreviation_ends_the_sentence() -> None:
    text = "Troops came from the U.S. The rest stayed."
    assert parts(text) == [text]
    assert parts(text, frozenset({text.index(" The")})) == [
        "Troops came from the U.S.",
        "The rest stayed.",
    ]


# --------------------------------------------------------------------------- plain text


def test_text_report_with_superscripts_and_endnotes() -> None:
    doc = read("report.txt")
    assert (doc.kind, doc.title, doc.date) == (
        "text",
        "Country Focus: Freedom of Movement",
        "14 March 2024",
    )
    assert sentences(doc) == [
        (
            "Since 1 January 2023, men of conscription age need written permission to leave the country.",
            ("12",),
        ),
        (
            "The border service reported 1.2 million crossings in the first quarter, down from 300 000 a month in 2021.",
            ("13",),
        ),
        (
            "According to Dr. Ilse Marek of the U.S. Institute of Peace, the rule is applied unevenly (e.g. at land borders).",
            ("14", "15"),
        ),
        ("Officials said the measure was temporary, but no end date was set.", ("16",)),
        ("Decree No. 7 of 2023 remains in force.", ("17",)),
        (
            "A lawyer interviewed in Vienna said: “Nobody knows when it will end. Nobody asks.”",
            ("18",),
        ),
        ("The area covered is 40 km² in total.", ()),
    ]
    assert {p.section for p in doc.paragraphs} == {"2.3. Exit procedures"}
    assert [n.label for n in doc.notes] == [str(n) for n in range(12, 19)]
    assert doc.notes[0].text == (
        "Ministry of Interior, Order on exit permits, 2 January 2023, https://example.org/order-12"
    )
    assert doc.notes[0].links == ("https://example.org/order-12",)
    assert doc.notes[3].text == "See also: Regional Monitor, Border practice, 9 June 2023, link"
    assert doc.notes[3].links == ("https://example.net/monitor",)


def test_a_marker_inside_a_sentence_and_the_offsets_of_its_paragraph() -> None:
    doc = read_document(
        "Officials said it was temporary,⁴ but it was not. It lasted [5].\n\n⁴ A note.\n⁵ B note.\n".encode(),
        "x.txt",
    )
    paragraph = doc.paragraphs[0]
    assert paragraph.text == "Officials said it was temporary, but it was not. It lasted."
    assert [(s.start, s.end, s.markers) for s in paragraph.sentences] == [
        (0, 48, ("4",)),
        (49, 59, ("5",)),
    ]
    assert [(n.label, n.text) for n in doc.notes] == [("4", "A note."), ("5", "B note.")]


def test_numbers_in_brackets_are_markers_only_where_a_note_has_them() -> None:
    doc = read_document(
        b"In a report (2022) on 40 cases (12 people) the rate rose.(3) Smith(4) said so.\n\n"
        b"3. Report of the Agency, 2022\n4. Smith, Letter, 2021\n",
        "x.txt",
    )
    assert sentences(doc) == [
        ("In a report (2022) on 40 cases (12 people) the rate rose.", ("3",)),
        ("Smith said so.", ("4",)),
    ]


def test_a_numbered_list_at_the_end_is_not_taken_for_notes() -> None:
    doc = read_document(b"What to bring:\n\n1. A passport\n2. Two photographs\n", "x.txt")
    assert doc.notes == ()
    assert [p.text for p in doc.paragraphs] == ["What to bring:", "A passport", "Two photographs"]


def test_symbols_and_emphasis() -> None:
    doc = read_document(
        b"The NGO *Shkola* counted 40 cases.* Others saw more.\n\n* Figures of the NGO, 2023\n",
        "x.txt",
    )
    assert sentences(doc) == [
        ("The NGO Shkola counted 40 cases.", ("*",)),
        ("Others saw more.", ()),
    ]
    assert doc.notes[0].text == "Figures of the NGO, 2023"


def test_euaa_section_markers_follow_their_sentences() -> None:
    raw = (SEEDS / "euaa-russia-military-service-4.1.3-mobilisation.txt").read_bytes()
    doc = read_document(raw, "euaa.txt")
    assert [n.label for n in doc.notes] == [str(n) for n in range(725, 739)]
    found = dict((text, markers) for text, markers in sentences(doc))
    assert found["Officials claimed that the mobilisation efforts ended on 31 October 2022."] == (
        "726",
    )
    assert found[
        "However, as the presidential decree on ‘partial mobilisation’ sets no official end date, "
        "persons drafted between 21 September 2022 and 31 October 2022 cannot leave the military service."
    ] == ("728", "729")
    assert found[
        "In Mid-October 2025, ISW noted that Russia was ‘unlikely to conduct a large-scale "
        "involuntary reserve mobilisation.’"
    ] == ("735",)
    unmarked = [t for t, m in found.items() if not m]
    assert len(unmarked) == 2 and unmarked[0].startswith("In mid-June 2025, the deputy head")
    assert doc.notes[1].text.startswith("Reuters, After weeks of chaos")
    assert doc.notes[-1].text == "Human rights lawyer, Online interview with EUAA, 23 October 2025"
    assert doc.paragraphs[-1].section is None  # the closing line after the notes


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.txt: empty document; there is nothing to extract"),
        (b" \n\n\t", "x.txt: empty document; there is nothing to extract"),
        (b"abc\x00def", "x.txt: binary file (it holds NUL bytes), not a text document"),
        (b"caf\xe9 au lait\n", "x.txt:1: not UTF-8 (byte 0xe9); save the document as UTF-8"),
        (b"\xff\xfe\x00\x00a\x00\x00\x00", "x.txt: UTF-32 text; save the document as UTF-8"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "x.txt: binary file (it holds NUL bytes), not a text document",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(FactcheckError) as caught:
        read_document(data, "x.txt")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"PK\x03\x04\x14\x00", "notes.odt", "notes.odt: a zipped document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "old.doc", "old.doc: an old Word or Excel document"),
        (b"{\\rtf1\\ansi Hello}", "note.rtf", "note.rtf: an RTF document"),
        (b"{\\rtf1\\ansi Hello}", "-", "<stdin>: an RTF document"),
    ],
)
def test_other_formats_are_refused_with_what_to_do(data: bytes, name: str, message: str) -> None:
    with pytest.raises(FactcheckError) as caught:
        read_document(data, name)
    assert str(caught.value).startswith(message)
    assert str(caught.value).endswith(
        "save it as PDF, Word (.docx), text, Markdown or HTML "
        "(readers: text, markdown, html, wikitext, pdf, docx)"
    )


def test_standard_input_is_named_so() -> None:
    with pytest.raises(FactcheckError, match=r"^<stdin>: empty document"):
        read_document(b"", "-")


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(FactcheckError, match=r"unknown document kind 'txt'.*did you mean 'text'"):
        read_document(b"x", "x", "txt")


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    doc = read_document("Hello there. Bye.⁷\n\n⁷ Note".encode("utf-16"), "x.txt")
    assert sentences(doc) == [("Hello there.", ()), ("Bye.", ("7",))]


# --------------------------------------------------------------------------- HTML


def test_html_saved_wikipedia_page() -> None:
    doc = read("wikipedia-saved.html")
    assert (doc.kind, doc.title, doc.date) == ("html", "Exit permits in Ruritania", None)
    assert sentences(doc) == [
        ("On 1 January 2023, Ruritania required conscripts to obtain exit permits.", ("1",)),
        ("The rule applied to men aged 18–60.", ("2", "1")),
        ('Rights groups called the rule "a wall around the country".', ("3",)),
        ("The area is 1,200 km².", ()),
        ("Neighbouring Elbonia closed two crossings.", ("a",)),
    ]
    assert [p.section for p in doc.paragraphs] == [
        "Exit permits in Ruritania",
        "Reactions",
        "Reactions",
    ]
    assert doc.paragraphs[0].sentences[0].links == ("/wiki/Conscription",)
    assert [(n.label, n.text, n.links) for n in doc.notes] == [
        (
            "1",
            '"Decree on exit permits". Official Gazette. 2 January 2023.',
            ("https://example.org/decree",),
        ),
        ("2", 'Smith, Anna (5 January 2023). "Who may leave". The Daily.', ()),
        ("3", "Statement of 10 January 2023", ("https://example.net/rights?id=1&lang=en",)),
        ("a", "Elbonian border service, press release, 12 January 2023.", ()),
    ]


def test_html_report_page_with_pandoc_footnotes() -> None:
    doc = read("report-page.html")
    assert (doc.title, doc.date) == ("Border practice in 2023", "2024-05-02")
    assert sentences(doc) == [
        ("About 1.2 million people left in 2023.", ("1",)),
        ("The figure for 2022 was 900 000.", ("2",)),
        ("See the statistics office for more.", ()),
        ("It ranked 1st in the region.", ()),
        ("Year | Departures", ()),
        ("2023 | 1.2 million", ()),
    ]
    assert doc.paragraphs[0].sentences[2].links == ("https://example.org/stats",)
    assert [(n.label, n.text, n.links) for n in doc.notes] == [
        ("1", "Statistics Office, Annual report 2023, online.", ("https://example.org/ar-2023",)),
        ("2", "Interior Ministry, letter of 3 February 2023.", ()),
    ]


def test_html_in_the_legacy_encoding_it_declares() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Мобилизация началась.<sup>1</sup></p><aside id="n1">1. Новая газета</aside></body></html>'
    doc = read_document(page.encode("cp1251"), "page.html")
    assert sentences(doc) == [("Мобилизация началась.", ("1",))]
    assert [(n.label, n.text) for n in doc.notes] == [("1", "Новая газета")]


def test_html_notes_reached_by_named_anchors_in_a_table_or_paragraphs() -> None:
    # Older pages keep notes in a table whose rows open with `<a name="fnN">`; word
    # processors' HTML opens each note's paragraph with one (`<a name="_ftn1">`).
    table = (
        "<html><body><div>Updated September 23, 2026 (R-100)</div>"
        '<p>Exports fell by 40%.<sup><a href="#fn1" name="ifn1">1</a></sup> '
        'Imports rose.<sup><a href="#fn2" name="ifn2">2</a></sup></p>'
        "<h2>Footnotes</h2><table><tr>"
        '<td><a href="#ifn1" name="fn1">1</a>.</td><td><p>"Exports Fall," Daily News, '
        "June 2, 2026.</p></td></tr><tr>"
        '<td><a href="#ifn2" name="fn2">2</a>.</td><td><p>Trade Office, Annual '
        "Figures.</p></td></tr></table></body></html>"
    )
    doc = read_document(table.encode(), "report.html")
    assert [(n.label, n.text) for n in doc.notes] == [
        ("1", '"Exports Fall," Daily News, June 2, 2026.'),
        ("2", "Trade Office, Annual Figures."),
    ]
    assert [s.markers for p in doc.paragraphs for s in p.sentences if s.markers] == [
        ("1",),
        ("2",),
    ]
    assert doc.date == "September 23, 2026"
    word = (
        '<html><body><p>Prices doubled.<a href="#_ftn1" name="_ftnref1"><span>[1]</span></a>'
        '</p><div><p><a href="#_ftnref1" name="_ftn1"><span>[1]</span></a> Central bank, '
        "Bulletin 4.</p></div></body></html>"
    )
    doc = read_document(word.encode(), "memo.html")
    assert [(n.label, n.text) for n in doc.notes] == [("1", "Central bank, Bulletin 4.")]
    # An anchor inside prose already begun opens no note.
    inline = (
        '<html><body><p>See below.<sup><a href="#x">1</a></sup></p>'
        '<p>Some words <a name="x"></a>and more.</p></body></html>'
    )
    doc = read_document(inline.encode(), "page.html")
    assert doc.notes == () and "Some words and more." in [p.text for p in doc.paragraphs]


def test_html_is_data_and_never_run() -> None:
    page = (
        b"<p onclick=\"alert(1)\">Safe words.<script>alert('x')</script> "
        b'<a href="javascript:alert(1)">Click</a> &lt;b&gt;not bold&lt;/b&gt; [bold]x[/] \x1b[31mred</p>'
    )
    doc = read_document(page, "x.html")
    assert doc.paragraphs[0].text == "Safe words. Click <b>not bold</b> [bold]x[/] \x1b[31mred"
    assert all(not s.links for s in doc.paragraphs[0].sentences)


# --------------------------------------------------------------------------- wikitext


def test_wikitext_named_refs_cite_templates_and_markup() -> None:
    doc = read("section.wiki")
    assert (doc.kind, doc.title) == ("wikitext", None)
    assert sentences(doc) == [
        ("Exit permits were introduced in Ruritania on 1 January 2023.", ("1",)),
        ("About 1200 km of border were closed.", ("2",)),
        ('Rights groups called the rule "a wall".', ("1",)),
        ("The ministry said that no exceptions would be made.", ("a",)),
        ("See the statement for details.", ("3",)),
        ("Elbonia closed two crossings.", ("4",)),
        ("Others followed.", ("5",)),
    ]
    assert [p.section for p in doc.paragraphs] == [None, "Reactions", "Reactions"]
    assert doc.paragraphs[1].sentences[2].links == ("https://example.net/rights",)
    notes = {n.label: n for n in doc.notes}
    assert [n.label for n in doc.notes] == ["1", "2", "a", "3", "4", "5"]
    assert notes["1"].text == "Decree on exit permits. Official Gazette. 2 January 2023."
    assert notes["1"].links == ("https://example.org/decree",)
    assert dict(notes["1"].fields) == {
        "template": "cite web",
        "title": "Decree on exit permits",
        "url": "https://example.org/decree",
        "publisher": "Official Gazette",
        "date": "2 January 2023",
        "access-date": "5 May 2024",
    }
    assert notes["2"].text == "Smith, Anna. Who may leave. The Daily. 5 January 2023."
    assert notes["a"].text == "Except for diplomats."
    assert notes["4"].text == "Brown 2023, p. 14"
    assert notes["5"].same_as == "3" and notes["3"].same_as is None


def test_wikitext_named_ref_defined_after_its_first_use() -> None:
    doc = read_document(
        b'First.<ref name="a" /> Second.<ref name="a">Late definition.</ref> Third.<ref name=b/>',
        "x.wiki",
    )
    assert sentences(doc) == [("First.", ("1",)), ("Second.", ("1",)), ("Third.", ("2",))]
    assert [(n.label, n.text) for n in doc.notes] == [("1", "Late definition.")]


def test_wikitext_is_found_by_its_content() -> None:
    doc = read_document(b"Words.<ref>{{cite book |title=A book}}</ref>\n", "-")
    assert doc.kind == "wikitext"
    assert doc.notes[0].fields == {"template": "cite book", "title": "A book"}


# --------------------------------------------------------------------------- Markdown


def test_markdown_draft_with_footnotes() -> None:
    doc = read("draft.md")
    assert (doc.kind, doc.title, doc.date) == (
        "markdown",
        "Conscription in Ruritania: a briefing",
        "2024-06-01",
    )
    assert sentences(doc) == [
        ("Since 2023 men aged 18–27 are called up twice a year.", ("1",)),
        ("The defence ministry put the spring intake at 120 000.", ("mod",)),
        ("Some experts, e.g. Dr. Vogel, doubt the figure.", ("1", "vogel")),
        ("Call-up papers are served in person.", ("2",)),
        ("A summons sent by e-mail counts since 2024 (see the law).", ()),
        ('"Nobody is exempt," an official said.', ("2",)),
        ("Year | Called up", ()),
        ("2023 | 240 000", ("mod",)),
    ]
    assert {p.section for p in doc.paragraphs} == {"Call-up"}
    assert doc.paragraphs[0].sentences[1].links == ("https://example.org/mod",)
    assert doc.paragraphs[2].sentences[0].links == ("https://example.org/law-53",)
    assert [(n.label, n.text, n.links) for n in doc.notes] == [
        (
            "1",
            "Ruritanian Helsinki Committee, Annual report 2023, p. 12, https://example.net/rhc-2023.",
            ("https://example.net/rhc-2023",),
        ),
        ("mod", "Ministry of Defence, press release, 2 April 2024.", ()),
        ("vogel", "Interview with Dr. Vogel, 3 May 2024. A second paragraph of the note.", ()),
        ("2", "Lawyer, online interview, 12 October 2023.", ()),
    ]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"<!DOCTYPE html><p>Words.</p>", "html"),
        (b"Text.[^1]\n\n[^1]: Note.", "markdown"),
        (b"Text.<ref>Note</ref>", "wikitext"),
        (b"Text.[1]\n\n[1] Note.", "text"),
    ],
)
def test_a_document_without_a_known_suffix_is_judged_by_its_content(data: bytes, kind: str) -> None:
    assert read_document(data, "-").kind == kind
    assert read_document(data, "notes.dat").kind == kind


def test_the_suffix_chooses_the_reader_and_kind_overrides_it() -> None:
    data = b"Text.<ref>Note</ref>"
    assert read_document(data, "a.txt").kind == "text"
    assert read_document(data, "a.TXT", "wikitext").kind == "wikitext"


# --------------------------------------------------------------------------- hostile input

KINDS = ("text", "markdown", "html", "wikitext")

#: Input that makes a naive parser search the rest of the document at every mark.
PATHOLOGICAL = {
    "unclosed refs": b"<ref>" * 100_000,
    "unclosed math": b"x <math>" * 100_000,
    "open braces": b"{{" * 150_000 + b"}}",
    "open brackets": b"[[" * 150_000 + b"]]",
    "unclosed tags": b"<b>" * 100_000 + b"</i>" * 100_000,
    "link brackets": b"[x " * 100_000 + b"](y)",
    "backticks": b"`a " * 100_000,
    "asterisks": b"*a " * 100_000,
    "markers on one line": b"Word.[1] " * 50_000 + b"\n\n[1] Note",
    "notes headings": b"References\n\n" * 50_000 + b"1 x",
    "quotes": b'"a. B ' * 100_000,
    "sups": b"<p>" + b"<sup>" * 100_000,
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_is_read_in_bounded_time(name: str, kind: str) -> None:
    started = time.perf_counter()
    doc = read_document(PATHOLOGICAL[name], "x", kind)
    assert doc.kind == kind
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("kind", KINDS)
def test_markup_and_escapes_stay_words(kind: str) -> None:
    data = b"Text with [bold]x[/] and \x1b[31m and =cmd|' /C calc'!A0 and ${jndi:x}."
    doc = read_document(data, "x", kind)
    assert "[bold]x[/]" in doc.paragraphs[0].text and "\x1b[31m" in doc.paragraphs[0].text


#: Pieces of every format's markup, from which hypothesis builds documents.
PIECES = [
    *"ab .,;:!?\n\"'()[]{}<>|=*^#-_`~/\\&⁷²⁵¹\t\x00",
    *("<ref>", "</ref>", '<ref name="x" />', "{{cite web|title=", "}}", "[[", "]]", "{|", "|}"),
    *("[^1]", "[^1]: ", "<sup>", "</sup>", "<p>", "<!--", "-->", "https://x.org/a_b", "Dr."),
    *("U.S.", "\n\n12 ", "[12](#)", "<li id='cite_note-1'>", "<ol class='references'>", "\r\n"),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.lists(st.sampled_from(PIECES), max_size=60).map(lambda p: "".join(p).encode()),
    ),
    kind=st.sampled_from(KINDS),
)
def test_any_input_gives_a_document_or_a_clear_error(data: bytes, kind: str) -> None:
    try:
        doc = read_document(data, "x", kind)
    except FactcheckError as error:
        assert str(error).startswith("x")
        return
    assert read_document(data, "x", kind) == doc  # the same bytes, the same structure
    for paragraph in doc.paragraphs:
        assert paragraph.sentences
        ends = [0] + [s.end for s in paragraph.sentences[:-1]]
        assert all(s.start >= end for s, end in zip(paragraph.sentences, ends, strict=True))
        for sentence in paragraph.sentences:
            assert paragraph.text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip() and sentence.text


@pytest.mark.parametrize(
    "notes",
    [
        pytest.param("7 Reuters, 1 May 2024\n8 BBC, 2 May 2024", id="number-space"),
        pytest.param("7. Reuters, 1 May 2024\n8. BBC, 2 May 2024", id="number-stop"),
        pytest.param("[7] Reuters, 1 May 2024\n[8] BBC, 2 May 2024", id="brackets"),
        pytest.param("⁷ Reuters, 1 May 2024\n⁸ BBC, 2 May 2024", id="superscript"),
        pytest.param(
            "- [7](#)\n\nReuters, 1 May 2024\n\n- [8](#)\n\nBBC, 2 May 2024", id="linked-labels"
        ),
        pytest.param(
            "Sources\n\n^7 Reuters,\n1 May 2024\n\n^8 BBC, 2 May 2024", id="heading-caret-wrapped"
        ),
    ],
)
def test_text_notes_in_the_forms_documents_write_them(notes: str) -> None:
    body = "It began in May.[7](#) It ended in June.[8](#)"
    doc = read_document(f"{body}\n\n{notes}\n".encode(), "-")
    assert doc.kind == "text"
    assert sentences(doc) == [("It began in May.", ("7",)), ("It ended in June.", ("8",))]
    assert [(n.label, n.text) for n in doc.notes] == [
        ("7", "Reuters, 1 May 2024"),
        ("8", "BBC, 2 May 2024"),
    ]


def test_markdown_with_a_report_s_endnotes_finds_them() -> None:
    data = (
        "# Mobilisation\n\nThe decree came on 21 September.⁷ It set *no* end date.[8]\n\n"
        "7 Reuters, [url](#), 21 September 2022\n8 Meduza, 1 October 2022\n"
    ).encode()
    doc = read_document(data, "section.md")
    assert (doc.kind, doc.title) == ("markdown", "Mobilisation")
    assert sentences(doc) == [
        ("The decree came on 21 September.", ("7",)),
        ("It set no end date.", ("8",)),
    ]
    assert [(n.label, n.text) for n in doc.notes] == [
        ("7", "Reuters, url, 21 September 2022"),
        ("8", "Meduza, 1 October 2022"),
    ]


def test_wikitext_list_defined_and_grouped_refs() -> None:
    data = (
        b'Troops came.<ref name="tass" /> Some left.<ref group="note">Estimates vary.</ref>\n'
        b"{{Lang|ru|\xd0\x9c\xd0\xbe\xd0\xb1.}} was the word.\n\n"
        b'== References ==\n{{reflist|refs=\n<ref name="tass">{{cite news |title=Call-up |work=TASS}}</ref>\n}}\n'
    )
    doc = read_document(data, "x.wiki")
    assert sentences(doc) == [
        ("Troops came.", ("1",)),
        ("Some left.", ("note 1",)),
        ("Моб. was the word.", ()),
    ]
    assert [(n.label, n.text) for n in doc.notes] == [
        ("1", "Call-up. TASS."),
        ("note 1", "Estimates vary."),
    ]


def test_html_footnotes_as_paragraphs_with_ids() -> None:
    page = (
        b'<p>Entry was refused.<a href="#fn-1">[1]</a></p>'
        b'<div class="footnotes"><p id="fn-1">[1] Border guard, <a href="https://example.org/bg">statement</a>, 2023.</p></div>'
    )
    doc = read_document(page, "x.htm")
    assert sentences(doc) == [("Entry was refused.", ("1",))]
    assert [(n.label, n.text, n.links) for n in doc.notes] == [
        ("1", "Border guard, statement, 2023.", ("https://example.org/bg",))
    ]


def test_a_year_in_brackets_is_a_law_report_not_a_marker() -> None:
    doc = read_document(
        b"The tribunal held so in PS (Christianity) [2017] UKUT 123 (IAC).[4]\n\n[4] Tribunal decision\n",
        "x.txt",
    )
    assert sentences(doc) == [
        ("The tribunal held so in PS (Christianity) [2017] UKUT 123 (IAC).", ("4",))
    ]


def test_a_dateline_may_give_the_report_s_number_in_brackets() -> None:
    assert stated_date(["National Alerts", "August 15, 2025 (R48632)"]) == "August 15, 2025"
    assert stated_date(["Alerts", "August 15, 2025 (R48632) Jump to the text"]) == "August 15, 2025"
    # A date with words in brackets after it opens a sentence, not a dateline.
    assert stated_date(["June 2, 2026 (the day the border closed) saw 40 arrests."]) is None
