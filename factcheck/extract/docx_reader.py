"""Word (.docx): paragraphs and table rows of the main document, read by python-docx,
sections from its heading styles, footnote and endnote markers where Word placed them, and
the notes' text from the package's footnotes and endnotes parts.

python-docx opens the package (its relationships name the parts, whatever they are called)
and parses each part with entities left unexpanded; it has no footnotes API, so the notes
parts are found through the main part's relationships and walked here like the body.
Notes are labelled as Word shows them: numbered in the order their markers first appear,
footnotes 1, 2, 3 and endnotes i, ii, iii when the document has both, else 1, 2, 3.

Deleted and moved-away text of tracked changes, field codes, drawings and text boxes are left
out. The zip is checked before it is opened: a package that would unpack to more than
`MAX_UNPACKED_BYTES` is refused.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.extract.inline import note_text, real_link, stated_date
from factcheck.extract.pdf_reader import INSTALL_HINT, failure
from factcheck.extract.sentences import ParagraphBuilder
from factcheck.extract.structure import Note, Paragraph, ParsedDocument

#: What a Word package may unpack to: the text of the longest report is a few megabytes,
#: its pictures a few hundred.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
_MAX_MEMBERS = 20_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIPPED = frozenset(
    _W + tag for tag in ("del", "moveFrom", "instrText", "delText", "drawing", "pict", "rPr", "pPr")
) | {_MC + "AlternateContent"}
_SPACES = frozenset(_W + tag for tag in ("tab", "ptab", "br", "cr"))
_NOTE_KINDS = {"footnote": "footnoteReference", "endnote": "endnoteReference"}
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def read_docx(data: bytes, name: str) -> ParsedDocument:
    """A Word document's paragraphs, sentences, markers, footnotes and endnotes."""
    shown = "<stdin>" if name == "-" else name
    _check_package(data, shown)
    document = _open(data, shown)
    try:
        reader = _Reader(document)
        paragraphs = list(reader.paragraphs())
        notes = reader.notes()
        title = reader.title()
    except FactcheckError:
        raise
    except Exception as exc:  # a malformed part: python-docx and lxml raise many kinds
        raise FactcheckError(f"not a readable Word document: {failure(exc)}", file=shown) from None
    if not paragraphs and not notes:
        raise FactcheckError("empty document; there is nothing to extract", file=shown)
    return ParsedDocument(
        name=name,
        kind="docx",
        title=title,
        date=stated_date([p.text for p in paragraphs[:40]]),
        paragraphs=tuple(paragraphs),
        notes=tuple(notes),
    )


def _check_package(data: bytes, file: str) -> None:
    """Refuse what is not a zip, a zip without a Word document in it, and a zip that would
    unpack to far more than any document (the sizes it declares bound what is read: the
    zip module stops at them and checks each part's checksum)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise FactcheckError(
            "not a Word document: not a zip archive (damaged or truncated?)", file=file
        ) from None
    if len(members) > _MAX_MEMBERS:
        raise FactcheckError(
            f"the Word package holds {len(members):,} parts, over the limit of "
            f"{_MAX_MEMBERS:,}; not a document",
            file=file,
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise FactcheckError(
            f"the Word package would unpack to {unpacked:,} bytes, over the limit of "
            f"{MAX_UNPACKED_BYTES:,} (a zip bomb?)",
            file=file,
        )
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
        raise FactcheckError(
            "a zip archive, not a Word document (it has no [Content_Types].xml and "
            "_rels/.rels; a .docx saved by Word has word/document.xml and those)",
            file=file,
        )


def _open(data: bytes, file: str) -> Any:
    try:
        from docx.opc.constants import CONTENT_TYPE
        from docx.package import Package
    except ImportError:
        raise FactcheckError(
            f"reading Word documents needs the optional 'documents' extra: {INSTALL_HINT}",
            file=file,
        ) from None
    try:
        main = Package.open(io.BytesIO(data)).main_document_part
    except KeyError as exc:
        raise FactcheckError(
            f"not a Word document: the package lacks a part it names ({failure(exc)}); "
            "a .docx holds word/document.xml",
            file=file,
        ) from None
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken package
        raise FactcheckError(f"not a readable Word document: {failure(exc)}", file=file) from None
    if main.content_type != CONTENT_TYPE.WML_DOCUMENT_MAIN:
        raise FactcheckError(
            f"not a Word document: its main part is {main.content_type} (a spreadsheet or "
            "a presentation?)",
            file=file,
        )
    return main.document


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


@dataclass
class _NotePart:
    """The notes of one kind (footnote or endnote): their elements by id, the links of
    their part, and the labels given in order of first reference."""

    kind: str
    elements: dict[str, Any]
    links: Callable[[str], str | None]
    labels: dict[str, str] = field(default_factory=dict)
    roman: bool = False

    def label(self, note_id: str) -> str | None:
        if note_id not in self.elements:
            return None
        if note_id not in self.labels:
            number = len(self.labels) + 1
            self.labels[note_id] = _roman(number) if self.roman else str(number)
        return self.labels[note_id]


class _Reader:
    def __init__(self, document: Any) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml.parser import parse_xml

        self.document = document
        part = document.part
        self._body_links = _links_of(part)
        self.parts: dict[str, _NotePart] = {}
        for kind, reltype in (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES)):
            for rel in part.rels.values():
                if rel.reltype == reltype and not rel.is_external:
                    root = parse_xml(rel.target_part.blob)
                    elements = {
                        el.get(_W + "id"): el
                        for el in root.iter(_W + kind)
                        if el.get(_W + "type") in (None, "normal")
                    }
                    self.parts[kind] = _NotePart(kind, elements, _links_of(rel.target_part))
                    break
        if "endnote" in self.parts and "footnote" in self.parts:
            self.parts["endnote"].roman = True
        styles = document.styles.element
        self._styles: dict[str, tuple[str, int | None]] = {}
        for style in styles.iter(_W + "style"):
            name = style.find(_W + "name")
            level = style.find(f"{_W}pPr/{_W}outlineLvl")
            self._styles[style.get(_W + "styleId") or ""] = (
                (name.get(_W + "val") or "") if name is not None else "",
                _int(level.get(_W + "val")) if level is not None else None,
            )
        self._first_heading: str | None = None
        self._title_style: str | None = None

    # ------------------------------------------------------------------ body

    def paragraphs(self) -> Iterator[Paragraph]:
        section: str | None = None
        for kind, element in _blocks(self.document.element.body):
            if kind == "p":
                heading = self._heading(element)
                if heading is not None:
                    words = " ".join(self._plain(element).split())
                    if words:
                        section = words
                        if heading == "title" and self._title_style is None:
                            self._title_style = words
                        if self._first_heading is None:
                            self._first_heading = words
                    continue
                builder = ParagraphBuilder()
                self._walk(element, builder, self._body_links, notes=True)
                paragraph = builder.build(section)
            else:
                paragraph = self._row(element, section)
            if paragraph is not None:
                yield paragraph

    def _row(self, row: Any, section: str | None) -> Paragraph | None:
        builder = ParagraphBuilder()
        for cell in row.iterchildren(_W + "tc"):
            if not "".join(cell.itertext()).strip():
                continue
            if builder.length:
                builder.text(" | ")
            for paragraph in cell.iter(_W + "p"):
                self._walk(paragraph, builder, self._body_links, notes=True)
                builder.text(" ")
        return builder.build(section)

    def _heading(self, paragraph: Any) -> str | None:
        """`title`, `heading`, or None for a paragraph of text."""
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        name, level = self._styles.get(
            style.get(_W + "val") if style is not None else "", ("", None)
        )
        own = paragraph.find(f"{_W}pPr/{_W}outlineLvl")
        if own is not None:
            level = _int(own.get(_W + "val"))
        lowered = name.lower()
        if lowered == "title":
            return "title"
        if lowered.startswith("heading") or (level is not None and level < 9):
            return "heading"
        return None

    def _plain(self, element: Any) -> str:
        builder = ParagraphBuilder()
        self._walk(element, builder, self._body_links, notes=False)
        return "".join(builder.parts)

    def _walk(
        self,
        element: Any,
        builder: ParagraphBuilder,
        links: Callable[[str], str | None],
        *,
        notes: bool,
    ) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _W + "t":
                builder.text(child.text or "")
            elif tag in _SPACES:
                builder.text(" ")
            elif tag == _W + "noBreakHyphen":
                builder.text("-")
            elif tag in (_W + "footnoteReference", _W + "endnoteReference"):
                kind = "footnote" if tag == _W + "footnoteReference" else "endnote"
                part = self.parts.get(kind)
                label = part.label(child.get(_W + "id") or "") if part and notes else None
                if label is not None:
                    builder.marker(label)
            elif tag == _W + "hyperlink":
                start = builder.position
                self._walk(child, builder, links, notes=notes)
                target = links(child.get(_R + "id") or "")
                if target is not None and builder.position > start:
                    builder.link(start, target)
            else:
                self._walk(child, builder, links, notes=notes)

    # ------------------------------------------------------------------ notes

    def notes(self) -> list[Note]:
        found: list[Note] = []
        for kind in ("footnote", "endnote"):
            part = self.parts.get(kind)
            if part is None:
                continue
            for note_id, label in list(part.labels.items()):
                builder = ParagraphBuilder()
                for paragraph in part.elements[note_id].iter(_W + "p"):
                    self._walk(paragraph, builder, part.links, notes=False)
                    builder.text(" ")
                text, written = note_text("".join(builder.parts))
                links = dict.fromkeys([url for _, _, url in builder.links])
                links.update(dict.fromkeys(written))
                found.append(Note(label=label, text=text, links=tuple(links)))
        return found

    def title(self) -> str | None:
        stated = (self.document.core_properties.title or "").strip()
        return " ".join(stated.split()) or self._title_style or self._first_heading


def _blocks(container: Any) -> Iterator[tuple[str, Any]]:
    """The paragraphs and table rows of the body in order, through content controls and
    nested tables."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            yield "p", child
        elif tag == _W + "tbl":
            for row in child.iterchildren(_W + "tr"):
                yield "tr", row
        elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _blocks(child)


def _links_of(part: Any) -> Callable[[str], str | None]:
    targets = {
        rel_id: rel.target_ref
        for rel_id, rel in part.rels.items()
        if rel.is_external and real_link(rel.target_ref)
    }
    return targets.get


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None
