"""Word documents for the .docx reader's tests: a body written with python-docx, and the
footnotes and endnotes parts (which python-docx does not write) added to its package as Word
lays them out: `word/footnotes.xml` and `word/endnotes.xml`, each related from the main part
and given its content type."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

#: A run of a paragraph: words, a footnote or endnote reference (`("footnote", "2")`), or a
#: link (`("link", "words", "https://…")`).
Run = str | tuple[str, str] | tuple[str, str, str]
#: A block of the body: `("heading", words)`, `("title", words)`, `("p", runs)` or
#: `("row", cells)`.
Block = tuple[str, str | Sequence[Run] | Sequence[str]]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def make_docx(
    body: Sequence[Block],
    footnotes: Mapping[str, str] | None = None,
    endnotes: Mapping[str, str] | None = None,
    *,
    title: str | None = None,
) -> bytes:
    """The bytes of a .docx holding `body`, and notes by id."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    for kind, content in body:
        if kind == "heading":
            document.add_heading(str(content), level=1)
        elif kind == "title":
            document.add_heading(str(content), level=0)
        elif kind == "row":
            cells = list(content)
            table = document.add_table(rows=1, cols=len(cells))
            for cell, words in zip(table.rows[0].cells, cells, strict=True):
                cell.text = str(words)
        else:
            paragraph = document.add_paragraph()
            for run in content:
                if isinstance(run, str):
                    paragraph.add_run(run)
                elif run[0] == "link":
                    rel = paragraph.part.relate_to(run[2], f"{_REL}/hyperlink", is_external=True)
                    link = OxmlElement("w:hyperlink")
                    link.set(qn("r:id"), rel)
                    inner = OxmlElement("w:r")
                    text = OxmlElement("w:t")
                    text.text = run[1]
                    inner.append(text)
                    link.append(inner)
                    paragraph._p.append(link)
                else:
                    reference = OxmlElement(f"w:{run[0]}Reference")
                    reference.set(qn("w:id"), run[1])
                    paragraph.add_run()._r.append(reference)
    out = io.BytesIO()
    document.save(out)
    return _with_notes(out.getvalue(), footnotes or {}, endnotes or {})


def notes_part(kind: str, notes: Mapping[str, str]) -> bytes:
    """A footnotes or endnotes part: Word's two separator notes, then one note by id."""
    items = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>",
    ]
    for note_id, text in notes.items():
        items.append(
            f'<w:{kind} w:id="{note_id}"><w:p><w:r><w:{kind}Ref/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:{kind}>'
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{_W}" '
        f'xmlns:r="{_REL}">{"".join(items)}</w:{kind}s>'
    ).encode()


def _with_notes(package: bytes, footnotes: Mapping[str, str], endnotes: Mapping[str, str]) -> bytes:
    parts = {}
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    types = parts["[Content_Types].xml"].decode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if not notes:
            continue
        parts[f"word/{kind}s.xml"] = notes_part(kind, notes)
        types = types.replace(
            "</Types>",
            f'<Override PartName="/word/{kind}s.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"/></Types>',
        )
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdNotes{kind}" Type="{_REL}/{kind}s" '
            f'Target="{kind}s.xml"/></Relationships>',
        )
    parts["[Content_Types].xml"] = types.encode()
    parts["word/_rels/document.xml.rels"] = rels.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()
