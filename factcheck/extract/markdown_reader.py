"""Markdown: `[^1]` footnote markers and their definitions (`[^1]: text`, continued on
indented lines), inline links `[words](url)` kept as their words with the url among the
sentence's links, reference links `[words][ref]`, headings (`#` and underlined), list items,
quotations and table rows as paragraphs, emphasis and code marks taken off, code blocks and
images left out. A front matter's `title:` and `date:` are the document's. A document with
no footnote definitions but with markers as reports write them (`⁷²⁵`, `[12]`) is read by
the plain-text reader, which finds its endnotes.

A small reader of our own: the footnote syntax is an extension that CommonMark parsers
need a plugin for, and the rest of a draft's Markdown is simple.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.extract.inline import real_link, stated_date, unit_power, urls
from factcheck.extract.sentences import ParagraphBuilder
from factcheck.extract.structure import Note, Paragraph, ParsedDocument
from factcheck.extract.text_reader import read_text

_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$")
_LINK_DEF = re.compile(r"""^ {0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+["'(].*)?$""")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_FRONT_FIELD = re.compile(r"""^(title|date)\s*:\s*["']?(.*?)["']?\s*$""", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
# Emphasis around words without other emphasis marks: nested emphasis goes in two rounds.
_EMPHASIS = re.compile(
    r"(?<![\w*\\])(\*{1,3}|_{1,3}|~~)(?=\S)([^*_~]{1,500}?)(?<=[^\s\\])\1(?![\w*])"
)

_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_PLAIN_PARTS = (
    r"\\(?P<escaped>[!-/:-@\[-`{-~])",
    r"(?P<ticks>`+)(?P<code>.{1,500}?)(?P=ticks)",
    r"!\[[^\]]{0,500}\]\([^)]{0,500}\)",
    r"\[\^(?P<note>[^\]\s]+)\]",
)
_LINK_PARTS = (
    r"\[(?P<words>[^\]]{1,500})\]\(\s*<?(?P<target>[^)\s>]{0,500})>?(?:\s+\"[^\"]{0,500}\")?\s*\)",
    r"\[(?P<refwords>[^\]]{1,500})\]\[(?P<ref>[^\]]{0,200})\]",
)
_LATER_PARTS = (
    r"<(?P<auto>https?://[^>\s]+)>",
    r"(?P<url>\b(?:https?://|www\.)[^\s<>\"'\]\[{}|]+)",
    rf"(?P<sup>[{_SUP}]+)",
    r"</?[a-zA-Z][^<>]*>",
)
# Every match starts with one of these characters: said first, they let the regular
# expression engine skip in C to the next of them instead of trying every alternative at
# every character (several times faster on a long text, the same matches).
INLINE_FIRST = rf"(?=[\\`!\[<hw{_SUP}])"
_INLINE = re.compile(
    INLINE_FIRST + "(?:" + "|".join([*_PLAIN_PARTS, *_LATER_PARTS]) + ")", re.IGNORECASE
)
# With links, for text that has "](" or "][" (their search costs a look at every "[").
_INLINE_LINKS = re.compile(
    INLINE_FIRST + "(?:" + "|".join([*_PLAIN_PARTS, *_LINK_PARTS, *_LATER_PARTS]) + ")",
    re.IGNORECASE,
)
_ENDNOTE_MARKERS = re.compile(rf"[{_SUP}]|\S\[\d{{1,5}}\]")
_SUPERSCRIPTS = str.maketrans(_SUP, "0123456789")


def read_markdown(text: str, name: str) -> ParsedDocument:
    """A Markdown document's paragraphs, sentences, markers and notes."""
    text = _COMMENT.sub("", text)
    lines = text.split("\n")
    front, lines = _front_matter(lines)
    body, definitions, references = _gather(lines)
    if not definitions and _ENDNOTE_MARKERS.search(text):
        # Endnotes as a report writes them (⁷²⁵ in the text, "725 Reuters, …" at the end):
        # the plain-text reader finds them, and reads headings, links and emphasis too.
        doc = read_text("\n".join(lines), name)
        return replace(
            doc,
            kind="markdown",
            title=front.get("title") or doc.title,
            date=front.get("date") or doc.date,
        )
    paragraphs: list[Paragraph] = []
    section: str | None = None
    title = front.get("title")
    current: list[str] = []

    def flush() -> None:
        if current:
            builder = _inline(" ".join(current), references)
            paragraph = builder.build(section)
            if paragraph is not None:
                paragraphs.append(paragraph)
            current.clear()

    for line in body:
        heading = _ATX.match(line)
        if heading:
            flush()
            section = _plain(heading.group(2), references)
            if title is None and len(heading.group(1)) == 1:
                title = section
        elif _SETEXT.match(line) and current and not _ITEM.match(current[0]):
            section = _plain(" ".join(current), references)
            current.clear()
            if title is None and line.strip().startswith("="):
                title = section
        elif not line.strip() or _RULE.match(line):
            flush()
        elif _TABLE_RULE.match(line) and "-" in line and "|" in line:
            continue
        elif line.strip().startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            current.append(" | ".join(c for c in cells if c))
            flush()
        elif _ITEM.match(_QUOTE.sub("", line)):
            flush()
            current.append(_ITEM.sub("", _QUOTE.sub("", line), count=1))
        else:
            current.append(_QUOTE.sub("", line))
    flush()
    notes = []
    for label, parts in definitions.items():
        builder = _inline(" ".join(parts), references)
        words = "".join(builder.parts)
        links = [url for _, _, url in builder.links]
        links = list(dict.fromkeys(links))
        notes.append(Note(label=label, text=words, links=tuple(links)))
    return ParsedDocument(
        name=name,
        kind="markdown",
        title=title,
        date=front.get("date") or stated_date(body),
        paragraphs=tuple(paragraphs),
        notes=tuple(notes),
    )


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            found: dict[str, str] = {}
            for line in lines[1:end]:
                match = _FRONT_FIELD.match(line)
                if match and match.group(2):
                    found.setdefault(match.group(1).lower(), match.group(2))
            return found, lines[end + 1 :]
    return {}, lines


def _gather(lines: list[str]) -> tuple[list[str], dict[str, list[str]], dict[str, str]]:
    """The body's lines, the footnote definitions and the link definitions (code blocks
    left out)."""
    body: list[str] = []
    definitions: dict[str, list[str]] = {}
    references: dict[str, str] = {}
    fence: str | None = None
    note: list[str] | None = None
    blank = False
    for line in lines:
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)[0] * 3
            note = None
            continue
        footnote = _FOOTNOTE_DEF.match(line)
        if footnote:
            note = definitions.setdefault(footnote.group(1), [])
            note.append(footnote.group(2))
            blank = False
            continue
        if note is not None:
            indented = line.startswith(("  ", "\t"))
            if line.strip() and (indented or not blank):
                note.append(line.strip())
                continue
            if not line.strip():
                blank = True
                continue
            note = None
        reference = _LINK_DEF.match(line)
        if reference:
            references.setdefault(reference.group(1).lower(), reference.group(2))
            continue
        body.append(line)
    return body, definitions, references


def _plain(text: str, references: dict[str, str]) -> str:
    return "".join(_inline(text, references).parts)


def _inline(text: str, references: dict[str, str]) -> ParagraphBuilder:
    text = _EMPHASIS.sub(r"\2", _EMPHASIS.sub(r"\2", text))
    builder = ParagraphBuilder()
    done = 0
    pattern = _INLINE_LINKS if "](" in text or "][" in text else _INLINE
    for match in pattern.finditer(text):
        builder.text(text[done : match.start()])
        done = match.end()
        kind = match.lastgroup
        if kind == "escaped":
            builder.text(match.group("escaped"))
        elif kind == "ticks" or kind == "code":
            builder.text(match.group("code"))
        elif kind == "note":
            builder.marker(match.group("note"))
        elif kind in ("target", "words", "ref", "refwords"):
            shown = match.group("words") or match.group("refwords")
            if kind in ("ref", "refwords"):
                target = references.get((match.group("ref") or shown).lower(), "")
            else:
                target = match.group("target")
            start = builder.position
            builder.text(shown)
            if real_link(target):
                builder.link(start, target)
        elif kind in ("auto", "url"):
            start = builder.position
            builder.text(match.group(0).strip("<>"))
            for url in urls(match.group(0)):
                builder.link(start, url)
        elif kind == "sup":
            label = match.group("sup").translate(_SUPERSCRIPTS)
            if unit_power("".join(builder.parts[-1:]), label):
                builder.text(match.group("sup"))
            else:
                builder.marker(label)
    builder.text(text[done:])
    return builder
