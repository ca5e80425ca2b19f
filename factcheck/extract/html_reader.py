"""HTML: paragraphs from `<p>`, `<li>`, table rows and other blocks, sections from `<h1>` to
`<h6>`, footnote markers from `<sup>` (and from note links such as Pandoc's
`<a class="footnote-ref">`), notes from reference lists (`<ol class="references">` of a saved
Wikipedia page, `<section class="footnotes">`, `<div class="footnotes">`, `<aside>`, any
`<li>` a marker links to, or the block an anchor a marker links to opens: `<a name="fn3">`).

A marker is given the label it shows (`[5]` → `5`); a note the label of the markers that link
to its `id`, else its place in its list. Where a page marks its content (`<main>`,
`<article>`, a wiki's content block), prose outside it (menus, headers, footers) is left out,
as are scripts, styles, navigation and a wiki's edit links and infoboxes anywhere.
Entities are decoded by the standard library's parser; nothing the page holds is run or
fetched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from factcheck.extract.inline import real_link, stated_date, unit_power, urls, words
from factcheck.extract.sentences import ParagraphBuilder
from factcheck.extract.structure import Note, Paragraph, ParsedDocument

_SKIPPED_TAGS = words(
    "script style noscript template svg math iframe object embed button select nav"
)
_SKIPPED_CLASSES = words("""
    mw-editsection mw-cite-backlink noprint navbox infobox metadata toc mw-jump-link sidebar
    hatnote mw-empty-elt catlinks printfooter footnote-back footnote-backref reference-text-back
    """)
_SKIPPED_IDS = words("mw-navigation mw-panel footer toc catlinks sitesub jump-to-nav")
_BLOCKS = words("""
    p li dd dt blockquote div section article main aside header footer figure figcaption
    caption pre table tr ol ul dl body h1 h2 h3 h4 h5 h6 hr address details summary
    """)
_VOID = words("area base br col embed hr img input link meta param source track wbr")
_NOTE_CONTAINERS = re.compile(r"\b(?:references|footnotes|endnotes|notes|reflist)\b", re.I)
_NOTE_ROLES = frozenset({"doc-endnotes", "doc-footnotes", "doc-footnote", "doc-endnote"})
_LABEL = re.compile(r"^\[?\s*((?:note\s+)?[\w*†‡§]{1,8})\s*\]?$", re.IGNORECASE)
_MAIN = re.compile(
    r"<(?:main|article)[\s>]|\srole\s*=\s*[\"']?main\b|\sid\s*=\s*[\"']?mw-content-text\b",
    re.IGNORECASE,
)
_TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_LEADING_LABEL = re.compile(r"^\s*(?:\[(\w{1,6})\]|(\d{1,4})[.)]?|\^)\s+")
_DATE_META = words("""
    date dc.date dc.date.issued dcterms.date dcterms.issued citation_publication_date
    article:published_time pubdate publish-date
    """)


@dataclass
class _Capture:
    """A `<sup>` or note link being read, to be judged a marker or text at its end."""

    tag: str
    depth: int
    href: str | None
    noteish: bool
    #: Whether its class says it is a reference.
    referenced: bool = False
    text: list[str] = field(default_factory=list)


@dataclass
class _NoteDraft:
    element_id: str | None
    index: int
    depth: int
    text: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, *, main_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        #: Whether the page marks its main content, outside of which prose is left out.
        self.main_only = main_only
        self._main: int | None = None
        self.paragraphs: list[Paragraph] = []
        self.notes: list[_NoteDraft] = []
        self.marker_targets: dict[str, str] = {}
        self.section: str | None = None
        self.page_title: list[str] = []
        self.first_h1: str | None = None
        self.date: str | None = None
        self._builder = ParagraphBuilder()
        self._open: list[str] = []
        #: How many of each tag are open (a page of unclosed tags is not searched through).
        self._counts: Counter[str] = Counter()
        self._skip: tuple[str, int] | None = None
        self._heading: list[str] | None = None
        self._capture: _Capture | None = None
        self._link: tuple[int, str] | None = None
        self._container: int | None = None
        self._note: _NoteDraft | None = None
        self._in_title = False
        self._row: int | None = None

    # ------------------------------------------------------------------ tags

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self._meta(attributes)
            return
        if self._skip is not None:
            if tag == self._skip[0]:
                self._skip = (tag, self._skip[1] + 1)
            return
        if tag == "title":
            self._in_title = True
            return
        classes = set(attributes.get("class", "").lower().split())
        if (
            tag in _SKIPPED_TAGS
            or classes & _SKIPPED_CLASSES
            or attributes.get("id", "").lower() in _SKIPPED_IDS
            or "display:none" in attributes.get("style", "").replace(" ", "")
        ):
            if tag not in _VOID:
                self._skip = (tag, 1)
            return
        if tag == "time" and self.date is None and attributes.get("datetime"):
            self.date = attributes["datetime"]
        if tag == "br":
            self.handle_data(" ")
            return
        if tag not in _VOID:
            self._open.append(tag)
            self._counts[tag] += 1
        depth = len(self._open)
        href = attributes.get("href", "")
        if self._main is None and (
            tag in ("main", "article")
            or attributes.get("role") == "main"
            or attributes.get("id") == "mw-content-text"
        ):
            self._end_block()
            self._main = depth
        if self._capture is not None:
            if tag == self._capture.tag:
                self._capture.depth += 1
            if tag == "a" and self._capture.href is None and href.startswith("#"):
                self._capture.href = href
            if tag == "sup":
                self._capture.noteish = True
            if tag not in _BLOCKS:
                return
            self._release_capture()
        if self._container is None and (
            _NOTE_CONTAINERS.search(attributes.get("class", ""))
            or attributes.get("role") in _NOTE_ROLES
            or tag == "aside"
        ):
            self._end_block()
            self._container = depth
        if tag in ("td", "th") and not self._builder.empty():
            self._builder.text(" | ")
        if tag in _BLOCKS and self._note is not None:
            self._note.text.append(" ")  # `<td>1.</td><td>Title …`: two words, not one
        if tag in _BLOCKS:
            self._end_block()
            self._block_start(tag, attributes, depth)
            return
        anchor = attributes.get("name") or attributes.get("id") if tag == "a" else None
        if anchor and anchor in self.marker_targets and self._note is None:
            self._anchored_note(anchor)
        if tag == "sup" or (tag == "a" and href.startswith("#")):
            noteish = (
                tag == "sup"
                or attributes.get("role") == "doc-noteref"
                or bool(classes & {"footnote-ref", "noteref", "fn-ref"})
            )
            referenced = bool(classes & {"reference", "footnote", "footnote-ref", "noteref"})
            self._capture = _Capture(tag, 1, href or None, noteish, referenced)
            return
        if tag == "a" and real_link(href):
            target = self._note if self._note is not None else None
            if target is not None:
                if href not in target.links:
                    target.links.append(href)
            else:
                self._link = (self._builder.position, href)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self._open and self._open[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip[0]:
                count = self._skip[1] - 1
                self._skip = (tag, count) if count else None
            return
        if tag == "title":
            self._in_title = False
            return
        if not self._counts[tag]:
            return
        if self._capture is not None:
            if tag == self._capture.tag:
                self._capture.depth -= 1
                if not self._capture.depth:
                    self._pop(tag)
                    self._end_capture()
                    return
            elif tag in _BLOCKS:
                self._release_capture()
        if tag == "a" and self._link is not None:
            start, href = self._link
            self._builder.link(start, href)
            self._link = None
        depth = self._pop(tag)
        if tag in _BLOCKS:
            self._end_block()
            if self._note is not None and depth <= self._note.depth:
                self._note = None
            if self._container is not None and depth <= self._container:
                self._container = None
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
                heading = " ".join(" ".join(self._heading).split())
                self._heading = None
                if heading:
                    self.section = heading
                    if tag == "h1" and self.first_h1 is None:
                        self.first_h1 = heading
            if tag == "tr":
                self._row = None
        if self._main is not None and depth <= self._main:
            self._end_block()
            self._main = None

    def _pop(self, tag: str) -> int:
        """Close `tag` and whatever was left open inside it; the depth it stood at."""
        index = len(self._open) - 1
        while self._open[index] != tag:
            index -= 1
        self._counts.subtract(self._open[index:])
        del self._open[index:]
        return index + 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page_title.append(data)
            return
        if self._skip is not None:
            return
        if self._capture is not None:
            self._capture.text.append(data)
        elif self._heading is not None:
            self._heading.append(data)
        elif self._note is not None:
            self._note.text.append(data)
        elif self._container is None or data.strip():
            self._builder.text(data)

    # ------------------------------------------------------------------ pieces

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("name") or attributes.get("property") or "").lower()
        if self.date is None and key in _DATE_META and attributes.get("content"):
            self.date = attributes["content"]

    def _block_start(self, tag: str, attributes: dict[str, str], depth: int) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
            return
        if tag in ("td", "th") and self._row is not None:
            return
        if tag == "tr":
            self._row = depth
        element_id = attributes.get("id") or None
        in_list = self._container is not None and tag == "li"
        linked = tag == "li" and element_id is not None and element_id in self.marker_targets
        bare = self._container is not None and tag in ("p", "div", "aside")
        if self._note is None and (in_list or linked or (bare and element_id is not None)):
            self._note = _NoteDraft(element_id, len(self.notes) + 1, depth)
            self.notes.append(self._note)

    def _anchored_note(self, anchor: str) -> None:
        """A marker links to this anchor (`<a name="fn3">`, as older pages and word
        processors' HTML write notes): the block it opens, a table row or the innermost
        block, is that note. An anchor inside prose already begun is no note's start."""
        if not self._builder.empty():
            return
        depth = self._row
        if depth is None:
            blocks = [i for i, t in enumerate(self._open, 1) if t in _BLOCKS]
            if not blocks or self._open[blocks[-1] - 1] in ("body", "main", "article"):
                return
            depth = blocks[-1]
        self._note = _NoteDraft(anchor, len(self.notes) + 1, depth)
        self.notes.append(self._note)

    def _end_block(self) -> None:
        if self._builder.empty():
            return
        paragraph = self._builder.build(self.section)
        self._builder = ParagraphBuilder()
        if paragraph is None:
            return
        if self.main_only and self._main is None and self._container is None:
            return  # a menu, a header or a footer around the page's content
        if self._container is not None:
            # Prose in a list of notes that is no note: a note of its own.
            self.notes.append(_NoteDraft(None, len(self.notes) + 1, 0, [paragraph.text]))
            return
        self.paragraphs.append(paragraph)

    def _end_capture(self) -> None:
        capture = self._capture
        assert capture is not None
        self._capture = None
        shown = " ".join("".join(capture.text).split())
        label = _LABEL.match(shown)
        bracketed = shown.startswith("[") and shown.endswith("]")
        if capture.href is None and not capture.referenced and not bracketed:
            # A bare <sup>: a note's number, but not a square metre or an ordinal.
            before = "".join(self._builder.parts[-1:])
            is_marker = bool(re.fullmatch(r"\d{1,4}|[*†‡§]{1,3}", shown)) and not unit_power(
                before, shown
            )
        else:
            is_marker = label is not None and (capture.noteish or bracketed)
        if is_marker and label is not None and capture.href is not None:
            if self._note is not None:
                return  # a back link from a note to its marker
            target = capture.href[1:]
            self.marker_targets.setdefault(target, label.group(1))
        if is_marker and label is not None:
            if self._heading is None and self._note is None:
                self._builder.marker(label.group(1))
            return
        if capture.tag == "sup" and shown.isdigit():
            shown = shown.translate(_TO_SUPERSCRIPT)
        self._release_text(shown)

    def _release_capture(self) -> None:
        capture = self._capture
        self._capture = None
        if capture is not None:
            self._release_text("".join(capture.text))

    def _release_text(self, text: str) -> None:
        if self._heading is not None:
            self._heading.append(text)
        elif self._note is not None:
            self._note.text.append(text)
        else:
            self._builder.text(text)


def read_html(text: str, name: str) -> ParsedDocument:
    """An HTML page's paragraphs, sentences, markers and notes."""
    reader = _Reader(main_only=bool(_MAIN.search(text)))
    reader.feed(text)
    reader.close()
    reader._end_block()
    notes: list[Note] = []
    seen: set[str] = set()
    for draft in reader.notes:
        words = " ".join("".join(draft.text).split())
        shown = reader.marker_targets.get(draft.element_id or "")
        leading = _LEADING_LABEL.match(words)
        if leading and (shown is None or leading.group(1) or leading.group(2) == shown):
            words = words[leading.end() :]
            shown = shown or leading.group(1) or leading.group(2)
        label = shown or str(draft.index)
        if not words or label in seen:
            continue
        seen.add(label)
        links = list(draft.links)
        links += [url for url in urls(words) if url not in links]
        notes.append(Note(label=label, text=words, links=tuple(links)))
    title = reader.first_h1 or " ".join("".join(reader.page_title).split()) or None
    return ParsedDocument(
        name=name,
        kind="html",
        title=title,
        date=reader.date or stated_date([p.text for p in reader.paragraphs[:40]]),
        paragraphs=tuple(reader.paragraphs),
        notes=tuple(notes),
    )
