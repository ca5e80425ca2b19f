"""PDF and Word readers (factcheck/extract/pdf_reader.py, docx_reader.py): the same structure
as every reader gives, from real PDF bytes and real .docx packages made here, and a clear
error naming the file for each kind of bad input."""

from __future__ import annotations

import io
import json
import os
import random
import re
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import FactcheckError
from factcheck.extract import parallel, pdf_reader
from factcheck.extract.pdf_reader import read_pdf
from factcheck.extract.readers import read_document
from tests.docx_maker import make_docx, notes_part
from tests.extract_helpers import marked_sentences as sentences
from tests.pdf_maker import Line, Page, make_pdf

runner = CliRunner()
HEADER = "Country of Origin Report: Ruritania, May 2024"


def _page(number: int, body: list[Line], notes: list[Line]) -> Page:
    furniture = [Line(810, HEADER, 8), Line(40, str(number), 9)]
    return Page([furniture[0], *body, *notes, furniture[1]])


def report_pdf() -> bytes:
    """Three pages as a report sets them: a running header and page numbers, a heading, a
    paragraph that runs on to the next page, words broken at a line's end (one of them
    written with its hyphen elsewhere),
    superscript markers and markers glued to the word before them, values that are not
    markers, and footnotes set smaller at each page's foot (one carried over a page)."""
    one = _page(
        1,
        [
            Line(760, "Military service", 16),
            Line(730, "Published 2 May 2024", 11),
            Line(
                700, [("The partial mobilisation began on 21 September 2022.", False), ("1", True)]
            ),
            Line(686, "About 300 000 reservists were called up in 2022, and 1,200 of them"),
            Line(
                672,
                [
                    ("were released later.", False),
                    ("2", True),
                    (" Officials called the draft a well-", False),
                ],
            ),
            Line(658, "known step; exemptions were issued to IT workers.3 The Ministry of"),
        ],
        [
            Line(96, "1 Reuters, Russia orders partial mobilisation, 21 September 2022,", 8),
            Line(87, "https://example.org/reuters-mobilisation", 8),
            Line(78, "2 Meduza, Released reservists, 4 October 2022.", 8),
            Line(69, "3 Ministry of Digital Development, statement, 23 Septem-", 8),
            Line(60, "ber 2022.", 8),
        ],
    )
    two = _page(
        2,
        [
            Line(760, "Defence said in 2023 that the call-up was complete.4 Nobody"),
            Line(746, "contested the figure of 2023."),
            Line(710, "Exit from Russia", 16),
            Line(680, "Some 700 000 people left by Octo-"),
            Line(666, "ber 2022, according to Forbes.5"),
        ],
        [
            Line(90, "4 Ministry of Defence, briefing of 28 October 2022; the", 8),
            Line(81, "statement was repeated in 2023.", 8),
            Line(72, "5 Forbes Russia, How many left, 4 October 2022.", 8),
        ],
    )
    three = _page(
        3,
        [
            Line(
                760,
                [
                    ("Border guards counted 1.2 million crossings, a well-known figure.", False),
                    ("6", True),
                ],
            )
        ],
        [Line(80, "6 Border Service, annual statistics 2022.", 8)],
    )
    return make_pdf([one, two, three], title="Ruritania: military service")


# --------------------------------------------------------------------------- PDF


def test_pdf_report_paragraphs_markers_and_footnotes() -> None:
    doc = read_document(report_pdf(), "report.pdf")
    assert (doc.kind, doc.title, doc.date) == ("pdf", "Ruritania: military service", "2 May 2024")
    assert sentences(doc) == [
        ("Published 2 May 2024", ()),
        ("The partial mobilisation began on 21 September 2022.", ("1",)),
        (
            "About 300 000 reservists were called up in 2022, and 1,200 of them were released later.",
            ("2",),
        ),
        (
            "Officials called the draft a well-known step; exemptions were issued to IT workers.",
            ("3",),
        ),
        ("The Ministry of Defence said in 2023 that the call-up was complete.", ("4",)),
        ("Nobody contested the figure of 2023.", ()),
        ("Some 700 000 people left by October 2022, according to Forbes.", ("5",)),
        ("Border guards counted 1.2 million crossings, a well-known figure.", ("6",)),
    ]
    # The paragraph that runs on to page 2 is one; the one after the heading is not joined
    # to page 3's, since it ends with a full stop.
    assert [p.section for p in doc.paragraphs] == [
        "Military service",
        "Military service",
        "Exit from Russia",
        "Exit from Russia",
    ]
    assert [(n.label, n.text, n.links) for n in doc.notes] == [
        (
            "1",
            "Reuters, Russia orders partial mobilisation, 21 September 2022, https://example.org/reuters-mobilisation",
            ("https://example.org/reuters-mobilisation",),
        ),
        ("2", "Meduza, Released reservists, 4 October 2022.", ()),
        ("3", "Ministry of Digital Development, statement, 23 September 2022.", ()),
        (
            "4",
            "Ministry of Defence, briefing of 28 October 2022; the statement was repeated in 2023.",
            (),
        ),
        ("5", "Forbes Russia, How many left, 4 October 2022.", ()),
        ("6", "Border Service, annual statistics 2022.", ()),
    ]
    every = " ".join(p.text for p in doc.paragraphs)
    assert HEADER not in every and "Country of Origin" not in every


def test_pdf_numbers_are_not_markers_without_a_note() -> None:
    page = Page(
        [
            Line(700, "In 2022 the office counted 1,200 cases in region A4 and sector B12."),
            Line(686, "The rate rose to 12.5 per cent in 2023, see table 3."),
        ]
    )
    doc = read_document(make_pdf([page]), "values.pdf")
    assert sentences(doc) == [
        ("In 2022 the office counted 1,200 cases in region A4 and sector B12.", ()),
        ("The rate rose to 12.5 per cent in 2023, see table 3.", ()),
    ]
    assert doc.notes == ()


def test_pdf_footnotes_in_the_body_size_need_a_marker_on_the_page_and_a_gap() -> None:
    body = [
        Line(700, "The decree was signed on 21 September 2022.1 It took effect at once.2"),
        Line(686, "2 000 men were called up in the first week. The index stood at 1.2 In"),
        Line(672, "2023 it fell."),
    ]
    notes = [Line(120, "1 Official Gazette, 22 September 2022."), Line(106, "2 Decree No. 647.")]
    doc = read_document(make_pdf([Page([*body, *notes])]), "same-size.pdf")
    assert sentences(doc) == [
        ("The decree was signed on 21 September 2022.", ("1",)),
        ("It took effect at once.", ("2",)),
        ("2 000 men were called up in the first week.", ()),
        ("The index stood at 1.2 In 2023 it fell.", ()),
    ]
    assert [(n.label, n.text) for n in doc.notes] == [
        ("1", "Official Gazette, 22 September 2022."),
        ("2", "Decree No. 647."),
    ]


def test_pdf_notes_numbered_again_on_each_page_stay_apart() -> None:
    pages = [
        Page([Line(700, [("First claim.", False), ("1", True)]), Line(80, "1 First source.", 8)]),
        Page([Line(700, [("Second claim.", False), ("1", True)]), Line(80, "1 Second source.", 8)]),
    ]
    doc = read_document(make_pdf(pages), "restart.pdf")
    assert sentences(doc) == [("First claim.", ("1",)), ("Second claim.", ("p2-1",))]
    assert [(n.label, n.text) for n in doc.notes] == [
        ("1", "First source."),
        ("p2-1", "Second source."),
    ]


def test_pdf_is_chosen_by_its_header_whatever_its_name() -> None:
    doc = read_document(report_pdf(), "-")
    assert doc.kind == "pdf" and doc.name == "-"
    assert read_document(report_pdf(), "download.bin").kind == "pdf"


def _encrypted(user_password: str) -> bytes:
    # pypdf (a test dependency) writes the encrypted copies the reader is given.
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_encrypted_without_a_user_password_is_read() -> None:
    doc = read_document(_encrypted(""), "open.pdf")
    assert len(doc.notes) == 6


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            lambda: make_pdf([Page([Line(700, "x")])] * 2, text=False),
            "scan.pdf: the PDF has no text layer (a scan?); run OCR on it first (for example ocrmypdf) and extract again",
            id="scanned",
        ),
        pytest.param(
            lambda: _encrypted("secret"),
            "scan.pdf: the PDF is encrypted with a password; save a copy without one and extract that",
            id="encrypted",
        ),
        pytest.param(
            lambda: report_pdf()[:900],
            "scan.pdf: not a readable PDF (damaged or truncated?): ",
            id="truncated",
        ),
        pytest.param(
            lambda: b"%PDF-1.7\n%\xe2\xe3 garbage",
            "scan.pdf: not a readable PDF (damaged or truncated?): ",
            id="garbage",
        ),
        pytest.param(
            lambda: b"<html><p>Not a PDF</p></html>",
            "scan.pdf: not a readable PDF (damaged or truncated?): ",
            id="not-a-pdf",
        ),
    ],
)
def test_pdf_bad_input_is_refused_naming_the_file(data: Callable[[], bytes], message: str) -> None:
    with pytest.raises(FactcheckError) as caught:
        read_document(data(), "scan.pdf")
    assert str(caught.value).startswith(message)


def test_pdf_over_the_size_limit_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.extract import readers

    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 1000)
    with pytest.raises(
        FactcheckError, match=r"^big.pdf: document is [\d,]+ bytes, over the limit of 1,000"
    ):
        read_document(report_pdf(), "big.pdf")


# --------------------------------------------------------------------------- Word


def report_docx() -> bytes:
    return make_docx(
        [
            ("title", "Exit permits in Ruritania"),
            ("p", ["Published 3 May 2024"]),
            ("heading", "Mobilisation"),
            (
                "p",
                [
                    "About 300 000 men were called up in 2022.",
                    ("footnote", "1"),
                    " The decree was signed on 21 September 2022.",
                    ("footnote", "2"),
                    ("endnote", "1"),
                    " See ",
                    ("link", "the decree", "https://example.org/decree"),
                    " for the text.",
                ],
            ),
            ("row", ["Year", "Called up"]),
            ("row", ["2022", "300 000"]),
            ("heading", "End"),
            ("p", ["It was declared over on 28 October 2022.", ("footnote", "1")]),
        ],
        {
            "1": "Reuters, 21 September 2022, https://example.org/reuters",
            "2": "Decree No. 647 <of 2022> & annex.",
        },
        {"1": "Interview with a lawyer, 2024."},
    )


def test_docx_paragraphs_markers_footnotes_and_endnotes() -> None:
    doc = read_document(report_docx(), "brief.docx")
    assert (doc.kind, doc.title, doc.date) == ("docx", "Exit permits in Ruritania", "3 May 2024")
    assert sentences(doc) == [
        ("Published 3 May 2024", ()),
        ("About 300 000 men were called up in 2022.", ("1",)),
        ("The decree was signed on 21 September 2022.", ("2", "i")),
        ("See the decree for the text.", ()),
        ("Year | Called up", ()),
        ("2022 | 300 000", ()),
        ("It was declared over on 28 October 2022.", ("1",)),
    ]
    assert doc.paragraphs[1].sentences[2].links == ("https://example.org/decree",)
    assert [p.section for p in doc.paragraphs] == [
        "Exit permits in Ruritania",
        "Mobilisation",
        "Mobilisation",
        "Mobilisation",
        "End",
    ]
    assert [(n.label, n.text, n.links) for n in doc.notes] == [
        (
            "1",
            "Reuters, 21 September 2022, https://example.org/reuters",
            ("https://example.org/reuters",),
        ),
        ("2", "Decree No. 647 <of 2022> & annex.", ()),
        ("i", "Interview with a lawyer, 2024.", ()),
    ]


def test_docx_labels_follow_the_order_markers_appear_not_the_ids() -> None:
    data = make_docx(
        [("p", ["First.", ("footnote", "7"), " Second.", ("footnote", "3")])],
        {"3": "Later note.", "7": "Earlier note.", "9": "Never referenced."},
    )
    doc = read_document(data, "order.docx")
    assert sentences(doc) == [("First.", ("1",)), ("Second.", ("2",))]
    assert [(n.label, n.text) for n in doc.notes] == [("1", "Earlier note."), ("2", "Later note.")]


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _replaced(data: bytes, name: str, content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[name] = content
    return _zip(parts)


def _bomb() -> bytes:
    """A zip whose one part says it unpacks to 600 MB (the sizes a zip declares bound what
    is read from it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = bytes(16 * 1024 * 1024)
            for _ in range(600 // 16 + 1):
                part.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            lambda: b"PK\x03\x04\x14\x00 not really",
            "brief.docx: not a Word document: not a zip archive (damaged or truncated?)",
            id="not-a-zip",
        ),
        pytest.param(
            lambda: b"Plain words saved with the wrong name.",
            "brief.docx: not a Word document: not a zip archive (damaged or truncated?)",
            id="text",
        ),
        pytest.param(
            lambda: report_docx()[:3000],
            "brief.docx: not a Word document: not a zip archive (damaged or truncated?)",
            id="truncated",
        ),
        pytest.param(
            lambda: _zip({"notes.txt": b"hello"}),
            "brief.docx: a zip archive, not a Word document (it has no [Content_Types].xml and _rels/.rels; a .docx saved by Word has word/document.xml and those)",
            id="plain-zip",
        ),
        pytest.param(
            lambda: _replaced(report_docx(), "word/document.xml", b"<unclosed"),
            "brief.docx: not a readable Word document: ",
            id="broken-xml",
        ),
        pytest.param(
            lambda: _bomb(),
            "brief.docx: the Word package would unpack to 637,534,216 bytes, over the limit of 536,870,912 (a zip bomb?)",
            id="zip-bomb",
        ),
    ],
)
def test_docx_bad_input_is_refused_naming_the_file(data: Callable[[], bytes], message: str) -> None:
    with pytest.raises(FactcheckError) as caught:
        read_document(data(), "brief.docx")
    assert str(caught.value).startswith(message)


def test_docx_whose_main_part_is_a_spreadsheet_is_refused() -> None:
    data = report_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
    sheet = b"spreadsheetml.sheet.main+xml"
    data = _replaced(
        data, "[Content_Types].xml", types.replace(b"wordprocessingml.document.main+xml", sheet)
    )
    with pytest.raises(FactcheckError) as caught:
        read_document(data, "sheet.docx")
    assert str(caught.value) == (
        "sheet.docx: not a Word document: its main part is application/vnd.openxmlformats-"
        "officedocument.spreadsheetml.sheet.main+xml (a spreadsheet or a presentation?)"
    )


def test_docx_without_its_main_part_is_refused() -> None:
    with zipfile.ZipFile(io.BytesIO(report_docx())) as archive:
        parts = {n: archive.read(n) for n in archive.namelist() if n != "word/document.xml"}
    with pytest.raises(FactcheckError) as caught:
        read_document(_zip(parts), "brief.docx")
    assert str(caught.value).startswith(
        "brief.docx: not a Word document: the package lacks a part it names"
    )


def test_docx_entities_are_not_expanded() -> None:
    """A billion laughs in the footnotes part: refused or left unexpanded, in bounded time."""
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:footnotes [<!ENTITY a "hahahahahahahahahaha">'
        + b"".join(
            b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10)
            for i in range(8)
        )
        + b"]>"
    )
    part = notes_part("footnote", {"1": "NOTE"}).split(b"\n", 1)[1].replace(b"NOTE", b"&i;")
    data = _replaced(
        make_docx([("p", ["Claim.", ("footnote", "1")])], {"1": "x"}),
        "word/footnotes.xml",
        laughs + part,
    )
    started = time.perf_counter()
    try:
        doc = read_document(data, "laughs.docx")
    except FactcheckError as exc:
        assert str(exc).startswith("laughs.docx: ")
    else:
        assert len(doc.notes[0].text) < 100
    assert time.perf_counter() - started < 5


# --------------------------------------------------------------------------- both


@pytest.mark.parametrize(
    ("module", "name", "what"),
    [("pypdfium2", "report.pdf", "PDF"), ("docx", "brief.docx", "Word documents")],
)
def test_without_the_extra_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, module: str, name: str, what: str
) -> None:
    data = report_pdf() if name.endswith(".pdf") else report_docx()
    for loaded in [m for m in sys.modules if m == module or m.startswith(f"{module}.")]:
        monkeypatch.setitem(sys.modules, loaded, None)
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(FactcheckError) as caught:
        read_document(data, name)
    assert str(caught.value) == (
        f"{name}: reading {what} needs the optional 'documents' extra: "
        "pip install 'factcheck[documents]'"
    )


@pytest.mark.parametrize("name", ["report.pdf", "brief.docx"])
def test_extract_end_to_end_gives_a_claim_file_that_loads(tmp_path: Path, name: str) -> None:
    document = tmp_path / name
    document.write_bytes(report_pdf() if name.endswith(".pdf") else report_docx())
    out = tmp_path / "drafts.yaml"
    result = runner.invoke(app, ["extract", str(document), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    drafted = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert all(c["draft"] for c in drafted["claims"])
    assert any(c["text"].startswith("About 300 000") for c in drafted["claims"])
    cited = {f["label"] for f in drafted["footnotes"]}
    assert {"1", "2"} <= cited
    result = runner.invoke(app, ["conflicts", "-c", str(out), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "conflicts" in json.loads(result.stdout)


def test_pdf_content_compressed_once_or_twice_is_read() -> None:
    pages = [
        Page(
            [
                Line(700, [("It began in 2022.", False), ("1", True)]),
                Line(100, "1 A source.", size=8),
            ]
        )
    ]
    for layers in (1, 2):
        doc = read_document(make_pdf(pages, compressed=layers), "zipped.pdf")
        assert sentences(doc) == [("It began in 2022.", ("1",))]
        assert [(n.label, n.text) for n in doc.notes] == [("1", "A source.")]


@pytest.mark.parametrize("layers", [1, 2])
def test_pdf_whose_stream_inflates_to_gigabytes_is_refused(layers: int) -> None:
    """A decompression bomb: a page's content of 140 MB of spaces, compressed once (about
    140 KB) or twice (about 1 KB). PDFium would inflate it all in memory; the reader refuses
    it first, in bounded time."""
    data = make_pdf([Page([Line(700, "Text.")])], compressed=layers, padding=140_000_000)
    started = time.process_time()
    with pytest.raises(FactcheckError) as caught:
        read_document(data, "bomb.pdf")
    assert time.process_time() - started < 5
    assert str(caught.value) == (
        "bomb.pdf: the PDF's compressed streams inflate to more than 128 MB "
        "(a decompression bomb?); not read"
    )


def test_extract_names_the_bad_document(tmp_path: Path) -> None:
    document = tmp_path / "scan.pdf"
    document.write_bytes(make_pdf([Page()], text=False))
    result = runner.invoke(app, ["extract", str(document)])
    assert result.exit_code == 2
    assert f"{document}: the PDF has no text layer" in result.stderr
    assert "Traceback" not in result.output


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_documents_give_a_document_or_a_clear_error(data: st.DataObject) -> None:
    """Bytes of a real PDF or .docx changed at random places: read, or refused with a
    `FactcheckError`, never another exception."""
    name = data.draw(st.sampled_from(["report.pdf", "brief.docx"]))
    original = bytearray(_PDF if name.endswith(".pdf") else _DOCX)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(original) // 2, len(original)))
    try:
        doc = read_document(bytes(original[:cut]), name)
    except FactcheckError as exc:
        assert str(exc).startswith(f"{name}: ")
    else:
        sentences(doc)


_PDF = report_pdf()
_DOCX = report_docx()


def test_pdfium_and_python_docx_are_imported_only_for_their_documents(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("It began in 2022.¹\n\n¹ Source.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "for argv in (['conflicts'], ['extract', sys.argv[1]]):\n"
        "    sys.argv = ['factcheck', *argv]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as exc:\n"
        "        assert not exc.code, exc.code\n"
        "print(sorted(m for m in ('pypdfium2', 'docx', 'lxml') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(text)], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_pdf_footnotes_alike_on_every_page_are_not_taken_for_a_footer() -> None:
    pages = [
        Page(
            [
                Line(810, HEADER, 8),
                Line(700, [(f"Claim number {n} was made.", False), (str(n), True)]),
                Line(60, f"{n} Ibid., p. 4.", 8),
                Line(40, str(n), 9),
            ]
        )
        for n in range(1, 5)
    ]
    doc = read_document(make_pdf(pages), "ibid.pdf")
    assert sentences(doc) == [(f"Claim number {n} was made.", (str(n),)) for n in range(1, 5)]
    assert [(n.label, n.text) for n in doc.notes] == [(str(n), "Ibid., p. 4.") for n in range(1, 5)]


_WORDS = [
    "the",
    "a",
    "mobilisation",
    "of",
    "men",
    "reported",
    "300",
    "000",
    "In",
    "September",
    "Dr.",
    "Smith",
    "said",
    "U.S.",
    "officials",
    "e.g.",
    "1.2",
    "million",
    "(DIS)",
    "‘partial’",
    "were",
    "drafted",
    "No.",
    "7",
    "“it",
    "is",
    "over.”",
    "according",
    "to",
]


def test_pdf_reads_prose_as_the_text_reader_reads_the_same_prose() -> None:
    """Paragraphs of words the sentence splitter must judge (abbreviations, decimals, quotes),
    wrapped into lines, a superscript marker after the first sentence and the note at the
    page's foot: the same sentences and markers as from the same prose as plain text."""
    rng = random.Random(5)

    def sentence() -> str:
        # Opened by a word: the text reader takes a paragraph opening with a marker's number
        # at the document's end for a note.
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 25)))
        return f"Then {words}."

    paragraphs = [(n, sentence(), sentence()) for n in range(1, 41)]
    pages = []
    for n, first, second in paragraphs:
        lines, y = [], 700.0
        for line in textwrap.wrap(f"{first}\x00 {second}", 90):
            before, marked, after = line.partition("\x00")
            pieces = [(before, False)] + ([(str(n), True), (after, False)] if marked else [])
            lines.append(Line(y, pieces))
            y -= 14
        pages.append(Page([*lines, Line(60, f"{n} Source {n}.", 8)]))
    pdf = read_document(make_pdf(pages), "prose.pdf")
    superscript = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    text = "\n\n".join(f"{a}{str(n).translate(superscript)} {b}" for n, a, b in paragraphs)
    text += "\n\n" + "\n".join(f"{n} Source {n}." for n, _, _ in paragraphs)
    plain = read_document(text.encode(), "prose.txt")
    assert sentences(pdf) == sentences(plain)
    assert [(n.label, n.text) for n in pdf.notes] == [(n.label, n.text) for n in plain.notes]


TYPESET = Path(__file__).parent / "data" / "extract" / "typeset-report.pdf"


def _typeset_source() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """From the HTML the typeset report was printed from: each footnote (label, text), and
    each marker in the body with the words it follows (label, words)."""
    html = TYPESET.with_suffix(".html").read_text(encoding="utf-8")

    def plain(fragment: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", " ", fragment).split()).replace(" ,", ",")

    notes = [
        (label, plain(text))
        for label, text in re.findall(r"<p><sup>(\d+)</sup>(.*?)</p>", html, re.DOTALL)
    ]
    markers = []
    for body in re.findall(r'<div class="body">(.*?)</div>', html, re.DOTALL):
        for before, label in re.findall(r"([^<>]*?)<sup>(\d+)</sup>", body, re.DOTALL):
            markers.append((label, " ".join(before.split()[-4:])))
    return notes, markers


def test_pdf_typeset_report_every_note_and_marker() -> None:
    """A real PDF made by a typesetter (Chromium printing tests/data/extract/typeset-report.html,
    see typeset-report.sh): four pages with a running header, page numbers, fifteen footnotes
    set smaller at the page feet (two of them cited again later) and a paragraph carried over
    a page, ligature glyphs. What the reader gives is checked against the HTML it was printed
    from."""
    notes, markers = _typeset_source()
    assert len(notes) == 15 and len(markers) == 18
    doc = read_document(TYPESET.read_bytes(), TYPESET.name)
    assert doc.title == "Norvania: Displacement after the 2023 floods"
    assert doc.date == "15 April 2024"
    assert [(n.label, n.text) for n in doc.notes] == notes
    marked = [(text, labels) for text, labels in sentences(doc) if labels]
    assert [labels for _, labels in marked] == [(label,) for label, _ in markers]
    for (text, _), (_, words) in zip(marked, markers, strict=True):
        assert text.endswith(words), (text, words)
    assert marked[0][0] == (
        "According to the Norvanian Statistical Office, 48,300 people left their homes in the "
        "first two weeks, and 17,950 of them were still displaced at the end of December 2023."
    )
    every = [text for text, _ in sentences(doc)]
    # The denial carries no marker of its own; the next sentence carries note 13.
    assert "The Ministry of the Interior denied that any family had been forced to return." in (
        every
    )
    # Values are not markers: years, days and counts stay in the text.
    assert ("within 15 days." in marked[8][0]) and marked[8][1] == ("9",)
    assert any(t.endswith("in the second half of 2024.") for t in every)
    # The paragraph cut by the page break is one sentence again, without the header between.
    assert any(
        t.startswith("The Ministry of Labour has not published")
        and t.endswith("the closure of their premises.")
        for t in every
    )
    joined = " ".join([p.text for p in doc.paragraphs] + [n.text for n in doc.notes])
    assert "Country Focus" not in joined and "Page 2 of 4" not in joined
    # Chromium draws ff, fi and fl as one glyph each; they are read as their letters.
    assert not re.search("[\ufb00-\ufb06]", joined)
    assert {"flooded", "office", "figures", "staff"} <= set(re.findall(r"\w+", joined))
    assert not any(re.fullmatch(r"\W*\d+\W*", p.text) for p in doc.paragraphs)


def test_pdf_typeset_report_extracts_to_drafts_that_load(tmp_path: Path) -> None:
    out = tmp_path / "drafts.yaml"
    result = runner.invoke(app, ["extract", str(TYPESET), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    drafted = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert drafted["claims"] and all(c["draft"] for c in drafted["claims"])
    # Every note is drafted as a footnote, and the claims keep the markers of their sentences.
    assert sorted(f["label"] for f in drafted["footnotes"]) == sorted(str(n) for n in range(1, 16))
    first = next(c for c in drafted["claims"] if c["value"] == "48,300")
    assert first["footnotes"] == ["1"]
    result = runner.invoke(app, ["conflicts", "-c", str(out), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "conflicts" in json.loads(result.stdout)


# --------------------------------------------------------------------------- PDF of many pages


def _long_report(count: int) -> bytes:
    """`count` pages as a long report sets them: a running header and page numbers, a
    heading every seventh page, on each page a superscript marker and a marker glued to the
    word before it, a paragraph running on to the next page (where its line is indented),
    and notes set smaller at the page's foot, the last of them carried over to the next."""
    pages = []
    for n in range(1, count + 1):
        body = [Line(760, f"Province {n // 7 + 1}", 16)] if n % 7 == 1 else []
        if n > 1:
            # Told apart by a letter, not a digit: else a line repeated at the pages' top.
            body.append(Line(745, f"in zone {chr(ord('A') + n % 26)} were counted again.", x=80))
        body += [
            Line(
                730,
                [(f"In district {n} some {n * 1_000} men were called up.", False), (str(n), True)],
            ),
            Line(716, f"Officials of district {n} confirmed it on 3 May 2023.{n + 1000} Others"),
            Line(702, "said the figures were low, as the men who had left"),
        ]
        notes = [Line(98, "the survey of the year before.", 8)] if n > 1 else []
        notes += [
            Line(89, f"{n} Agency, Report on district {n}, 1 May 2024, https://example.org/{n}", 8),
            Line(80, f"{n + 1000} Ministry, statement of 3 May 2023, quoting", 8),
        ]
        pages.append(_page(n, body, notes))
    return make_pdf(pages, title="Districts")


def _processes_used(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the number of tasks of each call of `parallel.run_all` (still made)."""
    real = parallel.run_all
    runs: list[int] = []

    def counted(tasks: Sequence[Callable[[], Any]], processes: int | None = None) -> list[Any]:
        runs.append(len(tasks))
        return real(tasks, processes)

    monkeypatch.setattr(parallel, "run_all", counted)
    return runs


def test_pdf_of_many_pages_read_in_processes_is_read_as_in_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = pdf_reader._FEWEST_PAGES_TO_SHARE + 13
    data = _long_report(count)
    runs = _processes_used(monkeypatch)
    alone = read_pdf(data, "long.pdf", processes=1)
    assert runs == []
    shared = read_pdf(data, "long.pdf", processes=2)
    assert runs == [2 * pdf_reader._RANGES_PER_PROCESS]
    assert shared == alone
    # The lines themselves, every piece with its size and place, come back as they were.
    assert pdf_reader._read_lines(data, "long.pdf", 2) == pdf_reader._read_lines(
        data, "long.pdf", 1
    )
    # What both read: every note (those carried over a page whole), every marker, and the
    # paragraphs running on over the pages.
    assert len(alone.notes) == 2 * count
    assert (
        alone.notes[1].text
        == "Ministry, statement of 3 May 2023, quoting the survey of the year before."
    )
    assert [m for p in alone.paragraphs for s in p.sentences for m in s.markers] == [
        label for n in range(1, count + 1) for label in (str(n), str(n + 1000))
    ]
    assert "had left in zone C were counted again." in alone.paragraphs[0].text
    assert [p.section for p in alone.paragraphs] == [
        f"Province {n}" for n in range(1, count // 7 + 2)
    ]


def test_pdf_of_few_pages_is_read_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _processes_used(monkeypatch)
    read_pdf(_long_report(pdf_reader._FEWEST_PAGES_TO_SHARE - 1), "short.pdf", processes=2)
    assert runs == []


@pytest.mark.parametrize(
    ("count", "parts"), [(n, k) for n in range(1, 30) for k in (1, 2, 3, 6, 8)]
)
def test_page_ranges_hold_every_page_once_in_order(count: int, parts: int) -> None:
    ranges = pdf_reader._ranges(count, parts)
    assert [n for numbers in ranges for n in numbers] == list(range(count))
    assert len(ranges) == min(count, parts)
    assert max(map(len, ranges)) - min(map(len, ranges)) <= 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux")
def test_pdf_page_unreadable_in_another_process_is_refused_naming_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pypdfium2

    here = os.getpid()
    read_page = pdf_reader._page_lines
    count = pdf_reader._FEWEST_PAGES_TO_SHARE + 13

    def failing(page: Any, number: int) -> Any:
        if os.getpid() != here and number == count - 1:
            raise pypdfium2.PdfiumError("Failed to load page")
        return read_page(page, number)

    monkeypatch.setattr(pdf_reader, "_page_lines", failing)
    data = _long_report(count)
    with pytest.raises(FactcheckError) as caught:
        read_pdf(data, "long.pdf", processes=2)
    assert str(caught.value) == (
        "long.pdf: not a readable PDF (damaged or truncated?): Failed to load page"
    )
    assert len(read_pdf(data, "long.pdf", processes=1).notes) == 2 * count  # read here


def _long_encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    long = _long_report(pdf_reader._FEWEST_PAGES_TO_SHARE + 13)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(long)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _long_truncated() -> bytes:
    long = _long_report(pdf_reader._FEWEST_PAGES_TO_SHARE + 13)
    return long[: len(long) // 2]


def _long_scan() -> bytes:
    return make_pdf([Page([Line(700, "x")])] * (pdf_reader._FEWEST_PAGES_TO_SHARE + 1), text=False)


@pytest.mark.parametrize(
    ("data", "message", "opened"),
    [
        pytest.param(
            _long_encrypted,
            "long.pdf: the PDF is encrypted with a password; save a copy without one and "
            "extract that",
            False,
            id="encrypted",
        ),
        pytest.param(
            _long_truncated,
            "long.pdf: not a readable PDF (damaged or truncated?): Failed to load document",
            False,
            id="truncated",
        ),
        pytest.param(
            _long_scan,
            "long.pdf: the PDF has no text layer (a scan?); run OCR on it first",
            True,
            id="scanned",
        ),
    ],
)
def test_pdf_of_many_pages_bad_input_is_refused_naming_the_file(
    monkeypatch: pytest.MonkeyPatch, data: Callable[[], bytes], message: str, opened: bool
) -> None:
    runs = _processes_used(monkeypatch)
    with pytest.raises(FactcheckError) as caught:
        read_pdf(data(), "long.pdf", processes=2)
    assert str(caught.value).startswith(message)
    # A document that does not open is refused here, before any process starts.
    assert runs == ([2 * pdf_reader._RANGES_PER_PROCESS] if opened else [])
