"""Sources from the notes of a document: who published what, when, where, and which pages.

Several sources in one note are separated by `;`. Each is read by the style it is written
in, recognised by its shape rather than by any outlet's name:

- a citation template's fields (`{{cite web |title=…}}`, `{{sfn|Boatner|1974|p=545}}`);
- a short citation of a work listed elsewhere: `Boatner (1974), p. 545`;
- a bibliography entry opening with its authors: `Chernow, Ron. Washington. Penguin, 2010`;
- a title in double quotes, as news, journals and MLA or Chicago notes write an article:
  `Lily Kuo, “Title,” Guardian, 7 May 2019` or `Kuo, Lily. “Title.” Guardian, 7 May 2019`,
  with a journal's volume and year (`Art Bulletin 84, no. 4 (2002): 655`) read as such;
- a book with its publication in brackets: `Author, Title (Place: Publisher, Year), pages`;
- otherwise the order of many reports' footnotes: publisher or author, title, date, link,
  pages (`Author, Title, Place: Publisher, Year` and short notes `Curtis, Title, ch. 3` too).

Links in the words are the source's link, or its archived copy when marked so (`Archived`)
or kept by an archive. A note that explains rather than cites names no work (its link, if
any, is its source). `Ibid.` and a repeated citation of one work give one source. What kind
of work each is (media, government, court …) is read by `factcheck.extract.kinds`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from factcheck.extract.kinds import kind_of, kind_of_template
from factcheck.extract.sentences import split
from factcheck.extract.structure import Note
from factcheck.extract.words import MONTH, slug

_DATE = re.compile(
    rf"^(?:\d{{1,2}} {MONTH} \d{{4}}|{MONTH} \d{{1,2}}, \d{{4}}|{MONTH} \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{4})$"
)
#: Where in a work a note points: pages, a chapter, or a table, figure, paragraph, section or
#: annex of it (`table 2`, `para. 14`, `Annex I`): a locator, never a publisher or title.
_PAGES = re.compile(
    r"^(?:pp?\.\s*|pp?\s+|ch\.\s*|chap\.\s*|chapter\s+"
    r"|(?:tables?|tab\.|figs?\.|figures?|paras?\.|paragraphs?|sections?|sec\.|§§?|annex"
    r"|appendix)\s*)[\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*\.?$",
    re.IGNORECASE,
)
_LINK = re.compile(r"\[[^\]]*\]\(([^)]*)\)")
_URL = re.compile(r"^(?:https?://\S+|#|url)$", re.IGNORECASE)
# `Klain D.`, `Gorenburg D. et al`, `Smith, J.`: a surname with initials is an author.
_AUTHOR = re.compile(r"^[A-Z][\w'’-]+(?:,)? (?:[A-Z]\.\s?)+(?:et al\.?)?$")
_IBID = re.compile(r"^\s*(?:ibid|ibidem)\b\.?,?\s*(.*)$", re.IGNORECASE)
_INTERVIEW = re.compile(
    r"\binterview(?:s|ed)?\b|\bpersonal communications?\b|\bin conversation with\b", re.IGNORECASE
)
_REPORT_NUMBER = re.compile(
    r"^(?:Report|Working Paper|Paper|Briefing|doc\.|Document) No\.? ?\S+.*$", re.IGNORECASE
)
#: Words that open a citation without being part of it (`See`, `Quoted in`, `and` after `;`).
_LEAD = re.compile(
    r"^(?:(?:see also,?|see,?|cf\.|compare|quoted in|cited in|as cited in|for example,?"
    r"|e\.g\.,?|based on|and)\s+)+",
    re.IGNORECASE,
)
#: The short name a legal citation gives a work for the notes after it (`(hereinafter
#: 1994 Order)`, `[hereinafter Report]`): a name for later use, not a field of the work.
_HEREINAFTER = re.compile(r"\s*[(\[]hereinafter\b[^()\[\]]*[)\]]", re.IGNORECASE)
#: A title in double quotes, straight or curly, its closing comma or full stop inside.
_QUOTED = re.compile(r"[“\"](?P<title>[^”“\"]{3,400}?)[”\"“]")
#: Where a book or report was published: `(Place: Publisher, Year)`, place optional.
_PUBLICATION = re.compile(
    rf"\((?:[^():]{{1,80}}:\s*)?(?P<publisher>[^()]{{0,120}}?),?\s*"
    rf"(?P<date>(?:\d{{1,2}} {MONTH} |{MONTH} (?:\d{{1,2}}, )?)?\d{{4}}|forthcoming)\)"
)
#: The season a journal's issue is named for (`Spring 2019`), in place of a month.
_SEASON = r"(?:Spring|Summer|Autumn|Fall|Winter)"
#: A journal after its article's title: `Journal 84, no. 4 (2002): 655`, or with the volume
#: and issue named and the pages after a comma: `Journal, vol. 12, no. 3 (Spring 2019), p. 7`.
_JOURNAL = re.compile(
    rf"^(?P<journal>[^,()\d]{{2,120}}?)\s*,?\s*"
    rf"(?:(?:vol\.|volume)?\s*\d+(?:\s*,?\s*(?:no\.|issue)\s*\d+)?\s*)?"
    rf"\((?P<date>(?:{MONTH} |{_SEASON} )?\d{{4}})\)"
    r"(?:(?::\s*|,\s*(?=pp?\.))(?P<pages>(?:pp?\.\s*)?[\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?))?"
)
#: A short citation of a work cited in full elsewhere: `Boatner (1974), p. 545`.
_SHORT = re.compile(r"^(?P<who>[A-Z][^()\d,.]{1,60}?)\s*\((?P<year>\d{4})[a-z]?\)(?P<rest>.*)$")
_BARE_URL = re.compile(
    r"(?P<archived>\barchived(?:\s+(?:at|from|copy))?\W{0,3}\s*)?(?P<url>(?:https?://|www\.)[^\s<>\"]+)",
    re.IGNORECASE,
)
_ARCHIVE_HOST = re.compile(
    r"^https?://(?:web\.archive\.org|archive\.(?:md|ph|today|is)|perma\.cc)/"
)
_ACCESSED = re.compile(r"^(?:retrieved|accessed)(?: on)?\s+(.+)$", re.IGNORECASE)
#: `New York: `, `Leiden, the Netherlands: `: the place before a publisher's name.
_PLACE = re.compile(r"^[A-Z][\w.]*(?:,? (?:the )?[A-Z][\w.]*){0,3}:\s+(?=[A-Z])")
_EDITORS = re.compile(r"^(?:eds?\.|editors?|\(eds?\.\))$", re.IGNORECASE)
_NAMES_START = re.compile(r"^(?:by)\s+", re.IGNORECASE)
_NAME_JOINERS = frozenset(
    {"and", "de", "van", "von", "der", "al", "el", "la", "le", "da", "di", "et", "al."}
)
_SMALL_WORDS = frozenset(
    {"and", "of", "the", "in", "on", "for", "to", "a", "an", "at", "by", "with"}
)

#: Template field names (Wikipedia's citation templates) and the source field they fill; where
#: several fill one field, the first written here wins: the journal or outlet a reader knows
#: the work by before its publishing house.
_TEMPLATE_FIELDS = {
    "journal": "publisher",
    "newspaper": "publisher",
    "magazine": "publisher",
    "periodical": "publisher",
    "work": "publisher",
    "website": "publisher",
    "encyclopedia": "publisher",
    "publisher": "publisher",
    "agency": "publisher",
    "author": "author",
    "authors": "author",
    "author1": "author",
    "last": "author",
    "last1": "author",
    "title": "title",
    "date": "date",
    "year": "date",
    "url": "url",
    "pages": "pages",
    "page": "pages",
    "pp": "pages",
    "p": "pages",
    "access-date": "accessed",
    "accessdate": "accessed",
    "archive-url": "archive_url",
    "archiveurl": "archive_url",
    "language": "language",
    "doi": "identifier",
    "isbn": "identifier",
}
#: What a citation template's name says of the work's kind.
_TEMPLATE_KINDS = {
    "cite news": "media",
    "cite journal": "academic",
    "cite thesis": "academic",
    "cite encyclopedia": "encyclopedia",
    "cite interview": "interview",
    "cite court": "court",
}


@dataclass(frozen=True)
class CitedWork:
    """One source read from a note, and the pages the note cites of it."""

    fields: dict[str, str]
    pages: str | None

    @property
    def key(self) -> tuple[str, ...]:
        """What makes two citations one work: publisher or author, title and date; the link
        alone for a work known by nothing else."""
        f = self.fields
        named = tuple(
            re.sub(r"\W+", " ", f.get(k, "")).strip().casefold()
            for k in ("publisher", "author", "title", "date")
        )
        return named if any(named) else (*named, f.get("url", ""))


def read_note(
    note: Note,
    previous: list[CitedWork],
    earlier: Mapping[str, list[CitedWork]] | None = None,
) -> list[CitedWork]:
    """The works a note cites. `previous` is what the note before it cited (for `Ibid.`);
    `earlier`, what each note before it cited, by label, in order: a note that points back
    to one (`Kuo (n 3), p. 2`, `Kuo, supra note 3`) or names a work cited in full before by
    its author alone or a short title (`Kuo, Empty Mosques, 4`) cites that work again."""
    if note.fields:
        return [_from_template(note)]
    earlier = earlier or {}
    works = []
    parts = [run for part in _split(note.text) for run in _citations(part)]
    for part, links in zip(parts, _links_by_part(parts, note.links), strict=True):
        ibid = _IBID.match(part)
        if ibid and previous:
            pages = _pages_in(ibid.group(1)) or _bare_pages(ibid.group(1).strip(" ,."))
            works.append(CitedWork(previous[-1].fields, pages or previous[-1].pages))
            continue
        pointed = _pointed_back(part, earlier)
        if pointed is not None:
            works.append(pointed)
            continue
        work = _from_text(part, links, note.links)
        if work is not None:
            works.append(_cited_before(work, earlier) or work)
    return works


def _links_by_part(parts: list[str], links: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The note's links each part of it may take when it writes none of its own.

    A link written out in the note belongs to the part that writes it, never to the parts
    around it. A link the words do not show (a hyperlink's address behind its words) goes
    to the one part that has no link of its own, or, when as many parts lack one as there
    are such links, to each in turn (readers collect links in the order they stand); when
    that cannot be told, to none: a work left without its link is mended by a reviewer
    who reads the note, a link set on the wrong work is believed."""
    if len(parts) <= 1:
        return [links] * len(parts)
    unwritten = tuple(link for link in links if not any(link in part for part in parts))
    needy = [i for i, part in enumerate(parts) if not _writes_link(part)]
    given: list[tuple[str, ...]] = [()] * len(parts)
    if len(needy) == 1:
        given[needy[0]] = unwritten
    elif len(needy) == len(unwritten):
        for at, link in zip(needy, unwritten, strict=True):
            given[at] = (link,)
    return given


def _writes_link(part: str) -> bool:
    return bool(_LINK.search(part) or _BARE_URL.search(part))


#: A note pointing back to another by its number: `(n 3)` and `(note 3)` (OSCOLA),
#: `supra note 3` (Bluebook), `above n 3` (AGLC); the pages cited follow.
_POINTER = re.compile(
    r"^(?P<who>.*?)[\s,]*(?:\((?:n|note)\.?\s*(?P<a>\d+)\)|supra,?\s+note\s+(?P<b>\d+)"
    r"|above,?\s+n\.?\s*(?P<c>\d+))(?P<rest>.*)$",
    re.IGNORECASE,
)


def _pointed_back(part: str, earlier: Mapping[str, list[CitedWork]]) -> CitedWork | None:
    found = _POINTER.match(part.strip())
    if not found:
        return None
    works = earlier.get(found.group("a") or found.group("b") or found.group("c") or "")
    if not works:
        return None
    who = set(_key_words(found.group("who")).split())
    named = [w for w in works if who & set(_key_words(_who(w.fields)).split())]
    rest = found.group("rest").strip(" ,.")
    pages = _pages_in(rest) or _bare_pages(re.sub(r"^at\s+", "", rest))
    return CitedWork((named or works)[0].fields, pages)


def _cited_before(work: CitedWork, earlier: Mapping[str, list[CitedWork]]) -> CitedWork | None:
    """The work cited in full before that a short note names: by its author (the same
    surname), its title's first words and its year where the short note gives them."""
    short = work.fields
    if "author" not in short or set(short) - {"author", "title", "date"}:
        return None
    if "title" in short and "date" in short:
        return None
    names = set(_key_words(short["author"]).split()) - {"et", "al", "and"}
    title = _without_article(short.get("title", ""))
    for works in reversed(list(earlier.values())):
        for full in works:
            f = full.fields
            if not (f.get("title") and (f.get("publisher") or f.get("date"))):
                continue  # a short note itself, or a link alone
            if not names or not names <= set(_key_words(_who(f)).split()):
                continue
            if title and not _without_article(f["title"]).startswith(title):
                continue
            if "date" in short and short["date"] not in f.get("date", ""):
                continue
            return CitedWork(f, work.pages)
    return None


def _who(fields: Mapping[str, str]) -> str:
    return f"{fields.get('author', '')} {fields.get('publisher', '')}"


def _without_article(title: str) -> str:
    return re.sub(r"^(?:the|a|an) ", "", _key_words(title))


@dataclass
class SourceIds:
    """Readable source ids, each unique: who published it and when, numbered on a repeat
    (the number each base's next repeat takes is kept, so many alike cost no search)."""

    given: set[str] = field(default_factory=set)
    repeats: dict[str, int] = field(default_factory=dict)

    def new(self, work: CitedWork) -> str:
        f = work.fields
        who = f.get("publisher") or f.get("author") or f.get("title") or "source"
        base = slug(" ".join(who.split()[:3])) or "source"
        if f.get("date"):
            base = f"{base}-{slug(f['date'])}"
        found, n = base, self.repeats.get(base, 2)
        while found in self.given:
            found, n = f"{base}-{n}", n + 1
        self.given.add(found)
        self.repeats[base] = n
        return found


def _split(text: str) -> list[str]:
    """Parts of a note separated by `;`, leaving alone a `;` inside brackets or quotes."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _pages_in(text: str) -> str | None:
    found = re.search(
        r"\b(?:pp?|ch|chap)\.\s*[\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?", text, re.IGNORECASE
    )
    return found.group(0) if found else None


def _from_template(note: Note) -> CitedWork:
    named = {k.strip().casefold(): v.strip() for k, v in note.fields.items() if v.strip()}
    fields: dict[str, str] = {}
    for name, target in _TEMPLATE_FIELDS.items():
        if named.get(name) and target not in fields:
            fields[target] = named[name]
    first = named.get("first") or named.get("first1")
    if first and "author" in fields and ("last" in named or "last1" in named):
        fields["author"] = f"{fields['author']}, {first}"
    template = named.get("template", "")
    if template.startswith(("sfn", "harv")):
        # `{{sfn|Boatner|1974|p=545}}`: authors, then the year, as positional arguments.
        numbered = [named[k] for k in sorted((k for k in named if k.isdigit()), key=int)]
        if numbered and re.fullmatch(r"\d{4}[a-z]?", numbered[-1]):
            fields["date"] = numbered.pop()
        if numbered:
            fields["author"] = " and ".join(numbered)
    if "url" not in fields and note.links:
        fields["url"] = note.links[0]
    kind = _TEMPLATE_KINDS.get(template) or kind_of_template(named, fields)
    if kind:
        fields["kind"] = kind
    if "archive_url" in fields and fields["archive_url"].startswith("//"):
        fields["archive_url"] = f"https:{fields['archive_url']}"
    pages = fields.pop("pages", None)
    if pages and not pages.startswith("p"):
        pages = f"{'pp' if re.search(r'[-–,]', pages) else 'p'}. {pages}"
    return CitedWork(fields, pages)


def _from_text(
    part: str, note_links: tuple[str, ...], all_links: tuple[str, ...] = ()
) -> CitedWork | None:
    """The work a part of a note cites. `note_links` are the links it may take when it
    writes none; `all_links`, every link of the note, speak of its kind when each says the
    same (see `_kind_by_links`)."""
    # Soft hyphens (U+00AD) are invisible marks where a word may break, not text.
    part = _LEAD.sub("", part.replace("\u00ad", "")).strip()
    links = _LINK.findall(part)
    text = _LINK.sub("url", part)
    text, found_urls, archived = _take_urls(text)
    if _is_comment(text):
        # An explanatory note names no work; a link in it is the one thing it cites.
        url = (links or found_urls or list(note_links) or [None])[0]
        return CitedWork({"url": url}, None) if url and url != "#" else None
    work = _read_work(text, linked=bool(links or found_urls))
    if work is None:
        return None
    fields = dict(work.fields)
    url = links[0] if links else (found_urls[0] if found_urls else None)
    if url is None and "url" in fields:
        url = note_links[0] if note_links else "#"
    if url is None and note_links and fields.get("kind") != "interview":
        url = note_links[0]
    if url:
        # Set where the link stood among the pieces, if it did (a field's place is kept).
        # A backslash is never part of a link: Markdown escapes (`\@`) left in by a reader.
        fields["url"] = "#" if url == "url" else url.replace("\\", "")
    else:
        fields.pop("url", None)
    if archived:
        fields["archive_url"] = archived[0]
    if "kind" not in fields and (
        kind := kind_of(text, fields) or _kind_by_links(text, fields, all_links)
    ):
        fields["kind"] = kind
    return CitedWork(fields, work.pages)


def _kind_by_links(text: str, fields: dict[str, str], links: tuple[str, ...]) -> str | None:
    """The kind the note's links give a work that has no link of its own, where every link
    gives the same (all lead to official hosts, say): works cited together in one note come
    from one sort of place when all its links agree, though which link is whose cannot be
    told."""
    if "url" in fields or not links:
        return None
    kinds = {kind_of(text, fields | {"url": link}) for link in links}
    return kinds.pop() if len(kinds) == 1 else None


def _read_work(text: str, linked: bool = False) -> CitedWork | None:
    """The work a citation's words name, by the style they are written in; `linked`, that
    the citation gives a link of its own."""
    quoted = _QUOTED.search(text)
    publication = _PUBLICATION.search(text)
    short = _SHORT.match(text)
    named = _leading_names(text)
    if short:
        # `Boatner (1974), p. 545`: the work is in a bibliography; what follows the pages
        # may be comment (`says the largest force was "under 17,000"`).
        rest = short.group("rest")
        fields = {"author": short.group("who").strip(), "date": short.group("year")}
        return CitedWork(fields, _pages_in(rest) or _bare_pages(rest.strip(" ,.")))
    if named and not publication and not named[1].startswith(("“", '"')):
        # `Chernow, Ron. Washington. Penguin Books, 2010, p. 419 "…"`: words in quotes
        # after the entry quote the work, they are not its title.
        return _bibliography(*named)
    if quoted and len(quoted.group("title").split()) >= 2:
        return _quoted_title(text, quoted, linked)
    if publication:
        return _book(text, publication)
    return _by_commas(text)


def _take_urls(text: str) -> tuple[str, list[str], list[str]]:
    """The text without its bare links, the links, and those marked as archived copies."""
    found: list[str] = []
    archived: list[str] = []
    for match in _BARE_URL.finditer(text):
        url = match.group("url").rstrip(".,;")
        (archived if match.group("archived") or _ARCHIVE_HOST.search(url) else found).append(url)
    return _BARE_URL.sub(" ", text), found, archived


def _is_comment(text: str) -> bool:
    """Prose explaining something rather than a citation: it opens in lower case, or its
    first part before a comma, where a citation names who wrote or published the work, runs
    to many words, several of them in lower case."""
    first = re.split(r",\s+|\.\s+(?=[A-Z“\"])", text.strip(), maxsplit=1)[0]
    if first.startswith(("“", '"')) or _INTERVIEW.search(text):
        # A title in quotes opens the citation of an unsigned article; an interview is a
        # source however many words describe who was interviewed.
        return False
    words = first.split()
    if words and words[0][:1].islower() and words[0] not in _NAME_JOINERS:
        # `see the table below`: a citation opens with a name or a title, unless prose
        # leads into one (`the translation published in Flood, “Title,” …`).
        return not _QUOTED.search(text)
    lower = sum(1 for w in words if w[:1].islower() and w not in _SMALL_WORDS)
    return len(words) > 8 and lower >= 3


#: What a citation holds and prose does not: a quoted title, a link, a word that opens a
#: citation (`See`, `Available at`), or a date closing the sentence, a link's place after it
#: aside (`Outlet, Headline, 21 September 2025, url.`).
CITING = re.compile(
    r"[“”]|\"[^\"]{3,},?\"|https?://|www\.|\]\(|^(?:See|Cf|Available|Accessed|Retrieved|Ibid|Id)\b"
    # `Outlet, Headline in small letters, 21 September 2025[, url].`: a citation ends on its
    # date, or on its date and a link, and the next citation of a list follows a `;`.
    rf"|,\s*(?:\d{{1,2}} {MONTH}|{MONTH} \d{{1,2}},)?\s*\d{{4}}"
    r"\W*(?:(?:url|link|online)\W*)?(?:$|;)",
    re.IGNORECASE,
)


def reads_as_prose(sentence: str) -> bool:
    """A sentence of a note reads as prose: no mark of a citation, at least six words, most
    of them in small letters (a citation's words are mostly names and titles)."""
    if CITING.search(sentence):
        return False
    words = re.findall(r"[^\W\d_][\w’'-]*", sentence)
    return len(words) >= 6 and sum(w[0].islower() for w in words) * 2 > len(words)


def _citations(part: str) -> list[str]:
    """The citations of a part of a note without the sentences that explain around them
    (`Stations of this kind include three networks. Based on the office's records, April
    5, 2025.`), each run of citing sentences one citation. A sentence explains as
    `_is_comment` tells a whole note, or when it runs to six words or more, most in small
    letters, with no mark of a citation and no name opening it. A part of prose alone is
    left whole, for `_is_comment` to judge. A name given for later notes (`hereinafter`)
    is taken out first."""
    text = _HEREINAFTER.sub("", part)
    runs: list[str] = []
    start: int | None = None
    for a, b in split(text):
        if _explains(text[a:b]):
            if start is not None:
                runs.append(text[start:a].strip())
            start = None
        elif start is None:
            start = a
    if start is not None:
        runs.append(text[start:].strip())
    return runs or [text]


def _explains(sentence: str) -> bool:
    first = re.split(r",\s+", sentence.strip(), maxsplit=1)[0]
    if CITING.search(sentence) or _reads_as_names(_LEAD.sub("", first)):
        return False
    return _is_comment(sentence) or reads_as_prose(sentence)


def _quoted_title(text: str, quoted: re.Match[str], linked: bool = False) -> CitedWork:
    """`Author, “Title,” Outlet, date` (Chicago notes) and `Author. “Title.” Outlet,
    Publisher, date` (MLA): what follows the title names where it appeared. A name and a
    title alone (pages aside) are a short note of a work cited before, its author; with a
    link of their own, a page of the one named, its publisher."""
    before = quoted.string[: quoted.start()].strip(" ,.;:")
    after = quoted.string[quoted.end() :].strip(" ,.;:")
    fields: dict[str, str] = {"title": quoted.group("title").strip(" ,")}
    pages = None
    journal = _JOURNAL.match(after)
    publication = _PUBLICATION.search(after)
    if journal:
        fields["publisher"] = journal.group("journal").strip()
        fields["date"] = journal.group("date")
        pages = journal.group("pages")
        fields["kind"] = "academic"
    elif publication:
        book = _publication_fields(publication)
        fields.update(book)
        pages = _bare_pages(after[publication.end() :].strip(" ,.")) or _pages_in(after)
    else:
        sorted_ = _sort_pieces(after)
        fields.update(sorted_.fields)
        pages = sorted_.pages
        # What names the outlet is a name: a piece in lower case only says what the work is
        # (`briefing paper`, `press release`, `monthly update`).
        named = [p for p in sorted_.rest if p != p.lower() or not any(c.isalpha() for c in p)]
        if pages is None and len(named) == 1 and (bare := _bare_pages(named[0])):
            pages, named = bare, []  # `“Title,” 655`: the page cited
        if named and named[0].startswith("in "):
            # `“Annex 2,” in Field Plan`: a part of a larger work, titled as printed; the
            # work it is in is no publisher.
            fields["title"] = f"{quoted.group(0)} {', '.join(named)}"
            named = []
        if named:
            fields["publisher"] = ", ".join(named)
    who = _NAMES_START.sub("", before).strip(" ,.")
    if who and fields["title"].startswith(quoted.group(0)) and not _reads_as_names(who):
        fields["publisher"] = who  # an organisation's own part of its work
    elif who:
        if fields.get("publisher") and _key_words(who) != _key_words(fields["publisher"]):
            fields["author"] = who
        elif set(fields) == {"title"} and not linked and _reads_as_names(who):
            fields["author"] = who  # `Kuo, “Short Title,” 4`: a short note of a work cited before
        elif not fields.get("publisher"):
            fields["publisher"] = who
    return CitedWork(fields, pages)


def _book(text: str, publication: re.Match[str]) -> CitedWork:
    """`Author, Title (Place: Publisher, Year), pages`: a book or report as Chicago notes
    cite it. The first part is the author when it reads as names."""
    head = text[: publication.start()].strip(" ,.")
    fields = _publication_fields(publication)
    named = _leading_names(head)
    if named is not None:
        head = named[1]
        if _key_words(named[0]) != _key_words(fields.get("publisher", "")):
            fields["author"] = named[0]
    pieces = [p for p in re.split(r",\s+", head) if p and not _EDITORS.match(p)]
    if named is None and len(pieces) >= 2 and _reads_as_names(pieces[0]):
        count = _listed_names(pieces)
        who = ", ".join(pieces[:count])
        if _key_words(who) != _key_words(fields.get("publisher", "")):
            fields["author"] = who
        pieces = pieces[count:]
    fields["title"] = ", ".join(pieces)
    after = text[publication.end() :].strip(" ,.")
    pages = _pages_in(after) or _bare_pages(after.split(",")[0].strip(" ."))
    return CitedWork(fields, pages)


def _publication_fields(publication: re.Match[str]) -> dict[str, str]:
    fields = {}
    if publication.group("publisher").strip():
        fields["publisher"] = publication.group("publisher").strip()
    if publication.group("date"):
        fields["date"] = publication.group("date")
    return fields


@dataclass(frozen=True)
class _Sorted:
    fields: dict[str, str]
    pages: str | None
    rest: list[str]


def _sort_pieces(text: str) -> _Sorted:
    """Comma-separated pieces sorted into kinds: pages, a link placeholder, the last date,
    an access date, a report number; what is left, in order."""
    pieces = [
        p.strip(" .") if _DATE.match(p.strip(" .")) else p.strip()
        for p in _pages_kept_whole(_dates_kept_whole(re.split(r",\s+", text)))
    ]
    dated = [i for i, p in enumerate(pieces) if _DATE.match(p)]
    fields: dict[str, str] = {}
    pages = None
    rest: list[str] = []
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        accessed = _ACCESSED.match(piece)
        if _PAGES.match(piece):
            pages = piece.rstrip(".")
        elif _URL.match(piece):
            fields.setdefault("url", piece)
        elif dated and i == dated[-1]:
            fields["date"] = piece
        elif accessed:
            fields["accessed"] = accessed.group(1)
        elif _REPORT_NUMBER.match(piece):
            fields["identifier"] = piece
        else:
            rest.append(piece)
    return _Sorted(fields, pages, rest)


_MONTH_DAY = re.compile(rf"^{MONTH} \d{{1,2}}$")
_YEAR_FIRST = re.compile(r"^\d{4}\b")


def _dates_kept_whole(pieces: list[str]) -> list[str]:
    """Comma-separated pieces with a date written `June 2, 2026` put back together."""
    joined: list[str] = []
    for piece in pieces:
        if joined and _MONTH_DAY.match(joined[-1]) and _YEAR_FIRST.match(piece):
            joined[-1] = f"{joined[-1]}, {piece}"
        else:
            joined.append(piece)
    return joined


def _pages_kept_whole(pieces: list[str]) -> list[str]:
    """Comma-separated pieces with a list of pages (`p. 1813, 1815, 1819`) put back
    together: a number after pages, later in the work and no longer than the page before
    it, is one more page, not a year (`p. 5, 2019` keeps its year)."""
    joined: list[str] = []
    for piece in pieces:
        number = piece.strip(" .")
        last = re.search(r"(\d+)\.?$", joined[-1]) if joined else None
        if (
            last
            and number.isdigit()
            and _PAGES.match(joined[-1].strip())
            and len(number) <= len(last.group(1))
            and int(number) > int(last.group(1))
        ):
            joined[-1] = f"{joined[-1].rstrip(' .')}, {number}"
        else:
            joined.append(piece)
    return joined


def _by_commas(text: str) -> CitedWork | None:
    """`Publisher, Title, date, link, pages` (the order of many reports' footnotes), or
    `Author, Title, Publisher, date` when the first part is a surname with initials."""
    found = _sort_pieces(text)
    fields, rest = found.fields, found.rest
    if not rest:
        return None
    interview = bool(_INTERVIEW.search(text))
    first = rest[0]
    if interview:
        fields["author"] = first
        fields["title"] = ", ".join(rest[1:]) or first
        fields["kind"] = "interview"
    elif _AUTHOR.match(first) and len(rest) >= 3:
        fields["author"] = first
        fields["publisher"] = rest[-1]
        fields["title"] = ", ".join(rest[1:-1])
    elif _AUTHOR.match(first) and len(rest) == 2:
        fields["author"] = first
        fields["title"] = rest[1]
    elif (at := _place_and_publisher(rest)) is not None:
        # `Author, Title, Place: Publisher, Year` (a Chicago note without brackets).
        fields["publisher"] = _PLACE.sub("", rest[at])
        if _reads_as_names(first):
            fields["author"] = first
        fields["title"] = ", ".join(rest[1:at])
    elif len(rest) <= 2 and "date" not in fields and "url" not in fields and _reads_as_names(first):
        # A short note of a work cited in full elsewhere: `Curtis, The Organization of the
        # British Army, ch. 3`, `Kolchin, p. 73`.
        fields["author"] = first
        if len(rest) == 2:
            fields["title"] = rest[1]
    elif len(rest) == 1:
        fields["title"] = first
    else:
        # The publisher comes first; a comma inside a title (`Despite huge manpower
        # losses, how is …`) keeps the rest together.
        fields["publisher"] = first
        fields["title"] = ", ".join(rest[1:])
    return CitedWork(fields, found.pages)


def _listed_names(pieces: list[str]) -> int:
    """How many pieces name authors: `Ana Ruiz, Ben Okafor, and Mara Lind, Title`, a list
    closed by `and`, else the first piece alone."""
    for at, piece in enumerate(pieces[1:], start=1):
        if not _reads_as_names(piece):
            return 1
        if piece.startswith("and ") and at + 1 < len(pieces):
            return at + 1
    return 1


def _leading_names(text: str) -> tuple[str, str] | None:
    """`Chernow, Ron. Washington. …`, `Jack P. Greene and J. R. Pole. A Companion …`: the
    authors a bibliography entry opens with, closed by a full stop, and the rest. A name
    written surname first may end with an initial whose full stop closes it; otherwise the
    names end with a word, so that `Jack P.` is not taken for a whole name."""
    first = text.split(", ", 1)[0]
    if _AUTHOR.match(first):
        return None  # `Klain D., Title, …`: the comma style reads it
    for stop in re.finditer(r"\.\s+(?=[A-Z“\"'‘])", text):
        names = text[: stop.start()]
        words = names.replace(",", " ").split()
        if len(words) > 8 or not _reads_as_names(names.replace(",", " ")):
            return None
        inverted = names.count(",") == 1 and not names.endswith(",")
        if len(words) >= 2 and (inverted or len(words[-1]) > 1):
            return names, text[stop.end() :]
    return None


def _bibliography(names: str, rest: str) -> CitedWork:
    """`Authors. Title. Place: Publisher, Year, pages`: a bibliography entry."""
    title, _, after = rest.partition(". ")
    after = re.split(r"\s[“\"]", after, maxsplit=1)[0]  # a quotation of the work follows
    found = _sort_pieces(after)
    fields = {"author": names, "title": title.strip(" .")} | found.fields
    if found.rest:
        fields["publisher"] = _PLACE.sub("", ", ".join(found.rest)).strip(" .")
    return CitedWork(fields, found.pages)


def _place_and_publisher(rest: list[str]) -> int | None:
    """Where `Place: Publisher` stands among the pieces, after an author and a title."""
    for at, piece in enumerate(rest[2:], start=2):
        if _PLACE.match(piece):
            return at
    return None


def _reads_as_names(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 8
        and not re.search(r"\d", text)
        and all(w[:1].isupper() or w in _NAME_JOINERS for w in words)
    )


def _key_words(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _bare_pages(text: str) -> str | None:
    found = re.fullmatch(r"[\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?", text.strip())
    return found.group(0) if found and re.search(r"\d", found.group(0)) else None
