"""MediaWiki wikitext: `<ref>` footnotes (named ones re-used as `<ref name="x" />` share one
note and its label), `{{efn}}` and `{{sfn}}` notes, citation templates (`{{cite web}}`,
`{{cite news}}`, `{{citation}}` …) whose fields are kept, and the prose with its markup taken
off: `[[link|text]]` becomes `text`, `[url words]` becomes `words` with the url kept,
emphasis quotes go, templates other than a few that print words are dropped, tables and
infoboxes are left out.

Notes are labelled as the rendered page numbers them: 1, 2, 3 in order of first use; a group
(`<ref group="note">`) numbers its own (`note 1`); `{{efn}}` letters them (a, b, c).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.extract.inline import real_link, urls, words
from factcheck.extract.sentences import ParagraphBuilder
from factcheck.extract.structure import Note, Paragraph, ParsedDocument

# Private-use characters no document writes: a note marker (\ue000 index \ue001), and a link
# around words (\ue002 index \ue003 words \ue004).
_MARK, _MARK_END, _LINK, _LINK_WORDS, _LINK_END = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"
_TOKENS = re.compile("\ue000(\\d+)\ue001|\ue002(\\d+)\ue003|\ue004")

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_REF_OPEN = re.compile(r"<ref(?P<attrs>(?:\s[^<>]*?)?)(?P<empty>/?)>", re.IGNORECASE)
_REF_CLOSE = re.compile(r"</ref\s*>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'/>]+))""")
_DROPPED_TAGS = re.compile(
    r"<(gallery|math|syntaxhighlight|source|timeline|score|graph|chem|imagemap|references)"
    r"\b[^<>]*?(/?)>",
    re.IGNORECASE,
)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_EXTERNAL = re.compile(r"\[((?:https?:)?//[^\s\]]+)(?:\s+([^\]\n]*))?\]", re.IGNORECASE)
_EMPHASIS = re.compile(r"'{2,5}")
_MAGIC = re.compile(r"__[A-Z]+__")
_HEADING = re.compile(r"^(={1,6})\s*(.+?)\s*\1\s*$")
_LIST = re.compile(r"^[*#:;]+\s*")

_CITES = re.compile(r"^(?:cite\b.*|citation|vcite\b.*|vancite\b.*|cite)$")
_NOTE_TEMPLATES = words("efn efn-la efn-ua efn-lr refn sfn sfnp sfnm")
#: Templates that print their words in the page, and which of their arguments are words.
_WORD_TEMPLATES: dict[str, Callable[[list[str], dict[str, str]], str]] = {
    "lang": lambda pos, _: pos[-1] if pos else "",
    "nowrap": lambda pos, _: pos[0] if pos else "",
    "nobr": lambda pos, _: pos[0] if pos else "",
    "small": lambda pos, _: pos[0] if pos else "",
    "nobreak": lambda pos, _: pos[0] if pos else "",
    "transl": lambda pos, _: pos[-1] if pos else "",
    "convert": lambda pos, _: " ".join(pos[:2]),
    "cvt": lambda pos, _: " ".join(pos[:2]),
    "as of": lambda pos, named: _as_of(pos, named),
    "circa": lambda pos, _: f"c. {pos[0]}" if pos else "c.",
    "c.": lambda pos, _: f"c. {pos[0]}" if pos else "c.",
    "snd": lambda pos, _: " – ",
    "ndash": lambda pos, _: "–",
    "mdash": lambda pos, _: "—",
    "'": lambda pos, _: "'",
    "-": lambda pos, _: "",
}
#: Citation fields in the order a note's words give them.
_SHOWN_FIELDS = (
    "author",
    "authors",
    "last",
    "first",
    "title",
    "trans-title",
    "work",
    "website",
    "newspaper",
    "journal",
    "magazine",
    "publisher",
    "agency",
    "date",
    "year",
    "page",
    "pages",
)


def _as_of(pos: list[str], named: dict[str, str]) -> str:
    if len(pos) >= 2 and pos[1].isdigit() and 1 <= int(pos[1]) <= 12:
        return f"As of {calendar.month_name[int(pos[1])]} {pos[0]}"
    return "As of " + " ".join(pos[:1])


@dataclass
class _Ref:
    group: str
    lettered: bool
    body: str | None
    name: str | None = None
    label: str | None = None
    #: Its place among the notes, in the order they were labelled.
    order: int = 0


@dataclass
class _Refs:
    """The notes met, labelled in the order their markers come in the prose, as the page
    numbers them."""

    refs: list[_Ref] = field(default_factory=list)
    by_name: dict[tuple[str, str], int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, group: str, name: str | None, body: str | None, *, lettered: bool) -> int:
        """The index of the note this marker points to (a named one's first use)."""
        known = self.by_name.get((group, name)) if name else None
        if known is not None:
            if self.refs[known].body is None and body:
                self.refs[known].body = body
            return known
        self.refs.append(_Ref(group, lettered, body, name))
        if name:
            self.by_name[(group, name)] = len(self.refs) - 1
        return len(self.refs) - 1

    def label(self, index: int) -> str:
        """The label of a note, given at its first marker."""
        ref = self.refs[index]
        if ref.label is None:
            count = self.counts.get(ref.group, 0) + 1
            self.counts[ref.group] = count
            shown = _letters(count) if ref.lettered else str(count)
            ref.label = f"{ref.group} {shown}" if ref.group and not ref.lettered else shown
            ref.order = sum(self.counts.values())
        return ref.label


def _letters(number: int) -> str:
    shown = ""
    while number:
        number, rest = divmod(number - 1, 26)
        shown = chr(ord("a") + rest) + shown
    return shown


def read_wikitext(text: str, name: str) -> ParsedDocument:
    """A wikitext article's paragraphs, sentences, markers and notes."""
    refs = _Refs()
    text = _COMMENT.sub("", text)

    def ref(match: re.Match[str], body: str | None) -> str:
        attrs = _attributes(match.group("attrs") or "")
        index = refs.add(attrs.get("group", ""), attrs.get("name"), body, lettered=False)
        return f"{_MARK}{index}{_MARK_END}"

    text = _elements(text, _REF_OPEN, lambda _: _REF_CLOSE, ref)
    text = _templates(text, refs)
    text = _tables(text)
    links: list[str] = []
    prose = _inline(text, links)
    paragraphs, title = _paragraphs(prose, refs, links)
    return ParsedDocument(
        name=name,
        kind="wikitext",
        title=title,
        date=None,
        paragraphs=tuple(paragraphs),
        notes=tuple(_notes(refs)),
    )


def _elements(
    text: str,
    opening: re.Pattern[str],
    closing: Callable[[re.Match[str]], re.Pattern[str]],
    replace: Callable[[re.Match[str], str | None], str],
) -> str:
    """Elements (`<ref>…</ref>`, `<ref />`) replaced by what `replace` makes of their opening
    tag and content (None for an empty element). An element never closed is left out
    with the rest of the text, as MediaWiki shows it as an error; every closing tag is
    searched for once, so that a page of unclosed tags takes no longer than any other."""
    out: list[str] = []
    pos = 0
    closers: dict[str, tuple[list[re.Match[str]], int]] = {}
    for match in opening.finditer(text):
        if match.start() < pos:
            continue
        out.append(text[pos : match.start()])
        if match.group(0).endswith("/>"):
            out.append(replace(match, None))
            pos = match.end()
            continue
        pattern = closing(match)
        found, at = closers.get(pattern.pattern, ([], 0))
        if not found and pattern.pattern not in closers:
            found = list(pattern.finditer(text))
        while at < len(found) and found[at].start() < match.end():
            at += 1
        closers[pattern.pattern] = (found, at)
        if at == len(found):
            return "".join(out)
        out.append(replace(match, text[match.end() : found[at].start()]))
        pos = found[at].end()
    out.append(text[pos:])
    return "".join(out)


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTR.finditer(text):
        value = next(v for v in match.groups()[1:] if v is not None)
        found[match.group(1).lower()] = value.strip()
    return found


def _closing(text: str, start: int, opener: str, closer: str) -> int:
    """The end of the construct opened at `start` (after its closer), nested ones counted;
    -1 when it never closes."""
    depth = 0
    pos = start
    next_close = text.find(closer, pos)
    while next_close != -1:
        next_open = text.find(opener, pos, next_close)
        if next_open != -1:
            depth += 1
            pos = next_open + len(opener)
        else:
            depth -= 1
            pos = next_close + len(closer)
            if depth == 0:
                return pos
            next_close = text.find(closer, pos)
    return -1


def _split_args(inner: str) -> tuple[str, list[str], dict[str, str]]:
    """A template's name, positional arguments and named arguments."""
    parts: list[str] = []
    depth = 0
    begin = 0
    i = 0
    while i < len(inner):
        pair = inner[i : i + 2]
        if pair in ("{{", "[["):
            depth += 1
            i += 2
            continue
        if pair in ("}}", "]]"):
            depth = max(0, depth - 1)
            i += 2
            continue
        if inner[i] == "|" and depth == 0:
            parts.append(inner[begin:i])
            begin = i + 1
        i += 1
    parts.append(inner[begin:])
    positional: list[str] = []
    named: dict[str, str] = {}
    for part in parts[1:]:
        key, sep, value = part.partition("=")
        if sep and re.fullmatch(r"\s*[\w -]+\s*", key):
            named[key.strip().lower()] = value.strip()
        else:
            positional.append(part.strip())
    return parts[0].strip(), positional, named


def _templates(text: str, refs: _Refs) -> str:
    """Templates replaced: notes by markers, word templates by their words, others by
    nothing."""
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("{{", pos)
        if start == -1:
            out.append(text[pos:])
            return "".join(out)
        end = _closing(text, start, "{{", "}}")
        if end == -1:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:start])
        out.append(_template(text[start + 2 : end - 2], refs))
        pos = end


def _template(inner: str, refs: _Refs) -> str:
    name, positional, named = _split_args(inner)
    key = " ".join(name.replace("_", " ").split()).lower()
    if key in _NOTE_TEMPLATES:
        if key.startswith("sfn"):
            body = "{{" + inner + "}}"
            same = key + "|" + "|".join(positional)
            index = refs.add("", same, body, lettered=False)
        else:
            body = named.get("1") or (positional[0] if positional else "")
            index = refs.add(
                "" if key == "refn" else "efn", named.get("name"), body, lettered=key != "refn"
            )
        return f"{_MARK}{index}{_MARK_END}"
    word_template = _WORD_TEMPLATES.get(key)
    if word_template is not None:
        return _templates(word_template(positional, named), refs)
    return ""


def _tables(text: str) -> str:
    """Text without its tables (`{|` … `|}`, nested ones counted)."""
    if "{|" not in text:
        return text
    kept: list[str] = []
    depth = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("{|"):
            depth += 1
        elif depth and stripped.startswith("|}"):
            depth -= 1
            continue
        if not depth:
            kept.append(line)
    return "\n".join(kept)


def _wikilinks(text: str) -> str:
    """`[[target|words]]` as its words; files, images and categories left out."""
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("[[", pos)
        if start == -1:
            out.append(text[pos:])
            return "".join(out)
        end = _closing(text, start, "[[", "]]")
        if end == -1:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:start])
        inner = text[start + 2 : end - 2]
        target, _, shown = inner.partition("|")
        namespace = target.split(":", 1)[0].strip().lower() if ":" in target else ""
        if namespace in ("file", "image", "category", "media") or target.startswith(":category"):
            pass
        elif len(namespace) in (2, 3) and namespace.isalpha() and not shown:
            pass  # a link to the article in another language
        else:
            out.append(_wikilinks(shown) if shown else target.lstrip(":"))
        pos = end


def _inline(text: str, links: list[str]) -> str:
    """Wikitext markup taken off the prose; links kept as tokens around their words."""
    if "<" in text:
        text = _elements(
            text,
            _DROPPED_TAGS,
            lambda match: re.compile(rf"</{match.group(1)}\s*>", re.IGNORECASE),
            lambda _match, _body: "",
        )
    text = _BR.sub(" ", text)
    text = _wikilinks(text)

    def external(match: re.Match[str]) -> str:
        shown = match.group(2)
        if not shown or not real_link(match.group(1)):
            return shown or ""
        links.append(match.group(1))
        return f"{_LINK}{len(links) - 1}{_LINK_WORDS}{shown}{_LINK_END}"

    text = _EXTERNAL.sub(external, text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _MAGIC.sub("", text)
    return _entities(text)


def _entities(text: str) -> str:
    if "&" not in text:
        return text
    from html import unescape

    return unescape(text)


def _paragraphs(text: str, refs: _Refs, links: list[str]) -> tuple[list[Paragraph], str | None]:
    paragraphs: list[Paragraph] = []
    section: str | None = None
    title: str | None = None
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraph = _paragraph(" ".join(current), refs, links, section)
            if paragraph is not None:
                paragraphs.append(paragraph)
            current.clear()

    for line in text.split("\n"):
        heading = _HEADING.match(line.strip())
        if heading:
            flush()
            section = " ".join(_TOKENS.sub("", heading.group(2)).split())
            if title is None and heading.group(1) == "=":
                title = section
            continue
        if not line.strip():
            flush()
        elif _LIST.match(line):
            flush()
            current.append(_LIST.sub("", line))
            flush()
        else:
            current.append(line)
    flush()
    return paragraphs, title


def _paragraph(text: str, refs: _Refs, links: list[str], section: str | None) -> Paragraph | None:
    builder = ParagraphBuilder()
    done = 0
    link_start: tuple[int, str] | None = None
    for match in _TOKENS.finditer(text):
        builder.text(text[done : match.start()])
        done = match.end()
        if match.group(1) is not None:
            builder.marker(refs.label(int(match.group(1))))
        elif match.group(2) is not None:
            link_start = (builder.position, links[int(match.group(2))])
        elif link_start is not None:
            builder.link(*link_start)
            link_start = None
    builder.text(text[done:])
    return builder.build(section)


def _notes(refs: _Refs) -> list[Note]:
    notes: list[Note] = []
    first_of: dict[str, str] = {}
    labels = [refs.label(index) for index in range(len(refs.refs))]
    for ref, label in sorted(zip(refs.refs, labels, strict=True), key=lambda pair: pair[0].order):
        if ref.body is None:
            continue  # named but never written out: its marker has no note
        fields, cited = _citation(ref.body)
        note_links: list[str] = []
        body = _elements(ref.body, _REF_OPEN, lambda _: _REF_CLOSE, lambda _m, _b: "")
        plain = _inline(cited if cited else _templates(body, _Refs()), note_links)
        shown = " ".join(_TOKENS.sub("", plain).split())
        for key in ("url", "archive-url", "chapter-url"):
            if fields.get(key) and real_link(fields[key]) and fields[key] not in note_links:
                note_links.append(fields[key])
        note_links += [u for u in urls(shown) if u not in note_links]
        same_as = first_of.setdefault(ref.body.strip(), label)
        notes.append(
            Note(
                label=label,
                text=shown,
                links=tuple(note_links),
                fields=fields,
                same_as=same_as if same_as != label else None,
            )
        )
    return notes


def _citation(body: str) -> tuple[dict[str, str], str | None]:
    """The fields of the citation template in a note, and the note's words with the
    template written out as a reader sees it; ({}, None) when it has none."""
    start = body.find("{{")
    while start != -1:
        end = _closing(body, start, "{{", "}}")
        if end == -1:
            break
        name, positional, named = _split_args(body[start + 2 : end - 2])
        key = " ".join(name.replace("_", " ").split()).lower()
        if _CITES.match(key) or key.startswith(("sfn", "harv")):
            fields = {"template": key, **named}
            if positional:
                fields.update({str(i + 1): v for i, v in enumerate(positional)})
            shown = _shown(fields)
            rest = _templates(body[:start], _Refs()) + shown + _templates(body[end:], _Refs())
            return fields, rest
        start = body.find("{{", end)
    return {}, None


def _shown(fields: dict[str, str]) -> str:
    if fields["template"].startswith(("sfn", "harv")):
        numbered = [v for k, v in fields.items() if k.isdigit()]
        page = fields.get("p") or fields.get("pp") or fields.get("page") or fields.get("loc")
        return " ".join(numbered) + (f", p. {page}" if page else "")
    values = [fields[k] for k in _SHOWN_FIELDS if fields.get(k)]
    if fields.get("last") and fields.get("first"):
        values.remove(fields["first"])
        values[values.index(fields["last"])] = f"{fields['last']}, {fields['first']}"
    return ". ".join(v.rstrip(".") for v in values) + ("." if values else "")
