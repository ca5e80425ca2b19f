"""What every reader gives, whatever the format: the document's prose as paragraphs of
sentences, each sentence with the footnote markers that follow it, and the notes (footnotes,
endnotes, references) the markers point to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence, its markers taken out of its text."""

    #: The words as written, without footnote markers.
    text: str
    #: Character offsets of `text` in its paragraph's `text`.
    start: int
    end: int
    #: Labels of the notes whose markers follow this sentence (or stand inside it), in order.
    markers: tuple[str, ...] = ()
    #: Links written inline in the sentence (Markdown `[words](url)`, HTML `<a href>`).
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of prose (headings, lists and table rows count as paragraphs too)."""

    text: str
    sentences: tuple[Sentence, ...]
    #: The heading the paragraph stands under, if the format has headings.
    section: str | None = None


@dataclass(frozen=True)
class Note:
    """A footnote, endnote or reference, as written."""

    label: str
    text: str
    #: Links found in the note.
    links: tuple[str, ...] = ()
    #: Fields of a citation template, as written (`{{cite web |title=… |date=…}}`).
    fields: Mapping[str, str] = field(default_factory=dict)
    #: Labels of other notes this one repeats (a named reference used again).
    same_as: str | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """A document as a reader gives it."""

    #: The name it was read from (`-` for standard input).
    name: str
    #: Which reader read it: text, markdown, html, wikitext.
    kind: str
    title: str | None
    #: The document's own date if it states one (as written), for years left out in the text.
    date: str | None
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...]
