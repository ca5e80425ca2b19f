"""A draft claim file from a parsed document: every sentence that states a number, a date or
a status (`factcheck.extract.status`) becomes a claim for a researcher to review.

Values are found by trying factcheck's own parsers (`parse_quantity`, `parse_time`) on the
spans that look like them, so a draft holds only values the loader reads. Each claim says in
`review` what was guessed and how sure the guess is.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from factcheck.errors import FactcheckError, ValueParseError
from factcheck.extract.attribution import Attribution, attribute
from factcheck.extract.lexicon import FAMILIES, NOT_HAPPENED, Family
from factcheck.extract.notes import CitedWork, SourceIds, read_note, reads_as_prose
from factcheck.extract.parallel import cores, run_all
from factcheck.extract.sentences import split
from factcheck.extract.status import StatusFound, statuses
from factcheck.extract.structure import Note, Paragraph, ParsedDocument, Sentence
from factcheck.extract.words import one_spelling, slug
from factcheck.quantities import parse_quantity
from factcheck.statuses import parse_status
from factcheck.times import parse_time
from factcheck.values import normalise

if TYPE_CHECKING:  # the claim models are imported only with a vocabulary
    from factcheck.corpus import Corpus
    from factcheck.model import Property

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_PART = r"(?:(?:early|mid|late|the end of|end of|the beginning of|beginning of)[- ]?)"
_DAY_MONTH = rf"\d{{1,2}}(?:\s?[–-]\s?\d{{1,2}}| to \d{{1,2}})? {_MONTH}(?: \d{{4}})?"
_DATE_CORE = (
    rf"(?:{_DAY_MONTH}|{_MONTH} \d{{1,2}}, \d{{4}}|{_PART}?{_MONTH}(?: \d{{4}})?"
    r"|\d{4}-\d{2}-\d{2})"
)
#: The words that may stand before a date (with white space between) and say how the date is
#: meant: `as of`, `since`, `by` … (a match of `(?:\b(?:PREPOSITION)\s+)?DATE`, in any case).
PREPOSITIONS = ("as of", "on", "by", "since", "in", "until", "from", "between", "at")
#: A date, on text whose case `_FOLD` made small. Every date holds a month's name or four
#: digits or more in a row (`_DATE_ANCHOR`: its days and years are written beside a month's
#: name, a year alone has four digits) and is at most `DATE_WIDTH` characters long.
DATE_PATTERN = (
    rf"(?:{_PART}?{_DATE_CORE}|(?<=since )\d{{4}}|(?<=in )\d{{4}}|(?<=by )\d{{4}})\b".lower()
)
DATE_WIDTH = 80
_DATE = re.compile(DATE_PATTERN)
_DATE_ANCHOR = re.compile(rf"\d{{4,}}|{_MONTH.lower()}")
#: Each letter made the one the date and number patterns are written in, as `re.IGNORECASE`
#: matches them (`İ` and `ı` are an `i`, `ſ` an `s`, the Kelvin sign a `k`); one for one.
_FOLD = str.maketrans(
    {**{c: c.lower() for c in string.ascii_uppercase}, "İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"}
)
_WORD_CHAR = re.compile(r"\w")
_NUMBER = r"(?:\d{1,3}(?:[,\u2009\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SMALL = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]" + _UNIT + r")?|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"two|three|four|five|six|seven|eight|nine)"
)
#: A number in words, whole: `eight hundred`, `eighty-five`, `a hundred and fifty` (a scale
#: word, `thousand`, may follow). `one` and `a` count only before a scale word (`one of`).
_WORD_NUMBER = (
    r"(?:(?:several )?tens of thousands|hundreds of thousands|thousands|hundreds|dozens|millions|"
    rf"(?:{_SMALL}|a|one) hundred(?: and {_SMALL})?\b|"
    r"a(?= (?:thousand|million|billion))|"
    rf"one(?= (?:thousand|million|billion))|{_SMALL}\b)"
)
_SCALE = r"(?:\s(?:thousand|million|billion))?"
_QUALIFIER = (
    r"(?:(?:around|about|approximately|some|roughly|nearly|almost|just under|more than|over|"
    r"at least|in excess of|up to|at most|less than|fewer than|under|no more than|as many as|"
    r"between)\s)?"
)
_QUANTITY = re.compile(
    rf"(?<![\w.:,])(?P<q>{_QUALIFIER})(?P<n>(?:{_NUMBER}|{_WORD_NUMBER}){_SCALE}"
    rf"(?:\s?[–-]\s?{_NUMBER}{_SCALE}|\s(?:to|and)\s{_NUMBER}{_SCALE})?)(?![\w.,]\d)"
    # The words after the number, unless they join it to the next (`400,000 up to 44 million`).
    r"(?!\d)(?P<after>(?!\s(?:up )?to\s\d)(?:\s*%|\s(?:per ?cent)|"
    rf"\s(?:(?:\w\.){{2,}}|[\w’'-]+\.?)(?:\s(?!\d|{_SMALL}\b)[\w’'-]+){{0,2}}))?",
)  # Written in small letters, searched on text whose case `_FOLD` made small.
#: Words after a number that make it no count of people or things.
_NOT_COUNTED = re.compile(
    r"^\s*(?:years?|decades?|centur(?:y|ies)|months?|weeks?|days?|hours?|minutes?|km|kilometers?|kilometres?|per|"
    r"times|a\.m\.|p\.m\.|o'clock|st|nd|rd|th|-year|of them)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"^(?:\s?%|\sper ?cent)$")
_OF = re.compile(r" of (?:the |all |those |surveyed |polled )?([\w’'-]+(?: [\w’'-]+)?)")
# A number that names a part of a text (`point 7`, `Article 12`, `Figure 1`, `Table 2`) or
# a numbered act (`Executive Order 11092`, `E.O. 13407`, `Resolution 2231`) counts nothing.
_NOT_COUNT_BEFORE = re.compile(
    r"(?:\b(?:No\.?|Nos\.?|number|page|p\.|pp\.|article|section|point|clause|paragraph|item|"
    r"chapter|part|annex|rule|figure|fig\.|table|chart|map|appendix|exhibit|box|volume|vol\.|"
    r"title|order|resolution|docket)|§|\bE\.O\.)\s*$",
    re.IGNORECASE,
)
#: The code a legal citation's number is the title of (`47 U.S.C. 606`, `44 C.F.R. 206`,
#: `90 Fed. Reg. 1`, `120 Stat. 1355`): the number counts nothing.
_CODE_AFTER = re.compile(r"\s(?:U\.\s?S\.\s?C|C\.\s?F\.\s?R|Fed\.\s?Reg|Stat)\.?(?!\w)")
_ADJECTIVE = {"additional", "more", "other", "new", "young", "former", "of", "the", "many"}
#: Words that cannot be what a number counts (`10 of the Decree`, `5 in Moscow`).
_FUNCTION_WORDS = {
    "in",
    "the",
    "of",
    "to",
    "and",
    "or",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "as",
    "a",
    "an",
    "is",
    "was",
    "were",
    "are",
    "had",
    "has",
    "have",
    "per",
    "percent",
    "",
    "that",
    "which",
    "who",
    "but",
    "than",
    "times",
    "rubles",
    "roubles",
    "dollars",
    "euros",
    "up",
    "out",
    "off",
    "into",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "also",
    "very",
    "such",
    "not",
    "be",
    "been",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "do",
    "does",
    "after",
    "before",
    "since",
    "until",
    "during",
    "while",
    "if",
    "between",
    "among",
}
#: What a number counts when it is no people (`detained in 38 cities`): every verb family
#: counts people, so such a number gets a property of its own noun.
_NOT_PEOPLE = {
    "cities",
    "towns",
    "villages",
    "regions",
    "countries",
    "districts",
    "provinces",
    "states",
    "places",
    "locations",
    "settlements",
    "republics",
    "oblasts",
    "areas",
    "airports",
    "crossings",
    "waves",
    "points",
    "articles",
    "decrees",
    "laws",
    "cases",
    "letters",
    "vehicles",
    "cars",
    "buses",
    "planes",
    "ships",
    "boats",
    "tanks",
}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: Words that say something has not ended (`the war is ongoing`, `it is still in force`).
_NOT_HAPPENED = re.compile(r"\b(" + "|".join(re.escape(w) for w in NOT_HAPPENED) + r")\b")
#: A word after `ongoing` that does not make it an adjective of that word: `ongoing since
#: May`, `ongoing as of`, but not `an ongoing danger`.
_AFTER_PREDICATE = re.compile(
    r"\s+(?:[^\w\s]|(?:since|as|in|at|until|for|and|or|but|with|despite|after|on|to)\b)"
)


def _not_happened(text: str) -> re.Match[str] | None:
    """The words that say something has not ended, said of it (`is ongoing`), not of a
    thing the sentence names (`impending or ongoing danger`, `the ongoing talks`)."""
    for found in _NOT_HAPPENED.finditer(text):
        following = text[found.end() :]
        if found.group(1) != "ongoing" or not following.strip():
            return found
        if not following[:1].isspace() or _AFTER_PREDICATE.match(following):
            return found
    return None


_DESTINATION = re.compile(r"\bto ((?:[A-Z][\w’'-]+)(?: [A-Z][\w’'-]+)*)")
#: How people left (`fled by boat`): those who left one way are a part of all who left.
_MEANS = re.compile(r"\bby (boat|sea|air|plane|land|car|road|train|rail|bus|foot)\b")
_PART_OF = re.compile(r"\b(?:of which|of whom|of them|including|among them)\s*$", re.IGNORECASE)
_REGION = re.compile(r"\bin (the capital|[A-Z][\w’'-]+ (?:Oblast|Region|Province|Krai|Republic))\b")


@dataclass(frozen=True)
class _Found:
    """A value found in a sentence: its words, where, and what it is."""

    written: str
    start: int
    kind: str
    noun: str = ""
    after: str = ""


def document_id(doc: ParsedDocument) -> str:
    """The id a draft gives its document: its file name without the extension."""
    name = _EXTENSION.sub("", PurePath(doc.name).name) if doc.name != "-" else ""
    return slug(name or doc.title or "") or "document"


#: Below this many sentences a document is drafted in this process alone. On two idle cores
#: two processes draft the real article alike in time at about 800 sentences and 1.3 times
#: as fast at 2,000; on a busy machine they cost more than they save up to a few thousand.
PARALLEL_SENTENCES = 2_000


def draft(
    doc: ParsedDocument,
    vocabulary: Corpus | None = None,
    *,
    doc_id: str | None = None,
    processes: int | None = None,
) -> dict[str, Any]:
    """The content of a draft claim file for `doc`: its document, sources, footnotes, the
    subjects and properties its claims need, and the claims, each `draft: true`.

    With `vocabulary` (an existing claim base), subjects and properties it declares are
    reused when they match, and copied into the draft so that it loads on its own.
    `doc_id` names the document (by default, `document_id`). A long document is drafted in
    parts by up to `processes` processes (by default one per core); the draft is the same.
    """
    doc_id = doc_id or document_id(doc)
    # A document without a title of its own is named by its file name, never by the folders
    # it was read from (a draft is shared; a local path says nothing to its reader).
    document: dict[str, Any] = {"id": doc_id, "title": doc.title or PurePath(doc.name).name}
    if doc.date:
        document["date"] = doc.date
    # Every note is a footnote: its label is known before its text is read.
    labels = {note.label for note in doc.notes}
    paragraphs = [*doc.paragraphs, *_prose_of_notes(doc.notes, labels)]
    drafting = _Drafting(paragraphs, labels, _topic(doc), vocabulary, doc_id)
    size = sum(len(p.sentences) for p in paragraphs)
    processes = 1 if size < PARALLEL_SENTENCES else (processes or cores())
    # The notes are read while the claims are drafted; each part of the paragraphs is drafted
    # as if the year the text speaks of were the document's when it starts.
    year = _year_of(doc.date)
    parts = _parts(paragraphs, 1 if processes < 2 else 4 * processes)
    notes_task = functools.partial(_sources_and_footnotes, doc, doc_id)
    tasks = [functools.partial(drafting.run, start, end, year) for start, end in parts]
    done: list[Any] = run_all([notes_task, *tasks], processes)
    sources, footnotes = done[0]
    drafted: list[_Drafted] = [d for part in done[1:] for d in part]
    # Where a part started in another year (a date earlier in the text set it), its
    # paragraphs up to the first that sets a year of its own are drafted again, in theirs.
    again = _wrong_years(drafted, year)
    if again:
        tasks = [functools.partial(drafting.run, start, end, y) for start, end, y in again]
        for (start, _, _), part in zip(again, run_all(tasks, processes), strict=True):
            drafted[start : start + len(part)] = part
    props: dict[str, dict[str, Any]] = {}
    subjects: dict[str, dict[str, Any]] = {}
    claims: list[dict[str, Any]] = []
    for paragraph in drafted:
        for claim, prop, subject in paragraph.found:
            props.setdefault(prop["id"], prop)
            subjects.setdefault(subject["id"], subject)
            claims.append({"id": f"{doc_id}-{len(claims) + 1:03d}", **claim})
    content: dict[str, Any] = {
        "documents": [document],
        "sources": sources,
        "footnotes": footnotes,
        "subjects": [subjects[k] for k in sorted(subjects)],
        "properties": [props[k] for k in sorted(props)],
        "claims": claims,
    }
    return {k: v for k, v in content.items() if v}


@dataclass
class _Drafted:
    """One paragraph drafted: the year it was drafted in (that of its first sentence), the
    year its dates set for the text after it (None when none does), and its claims, each
    written in the file's order (without its id) with its property and subject."""

    year: int | None
    sets: int | None
    found: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]


@dataclass
class _Drafting:
    """What drafting a document's paragraphs needs; `run` drafts a stretch of them."""

    paragraphs: list[Paragraph]
    labels: set[str]
    topic: str
    vocabulary: Corpus | None
    doc_id: str

    def run(self, start: int, end: int, year: int | None) -> list[_Drafted]:
        """The paragraphs from `start` to `end`, the first drafted in `year`."""
        props: dict[str, dict[str, Any]] = {}
        subjects: dict[str, dict[str, Any]] = {}
        reusable: dict[tuple[Any, ...], tuple[dict[str, Any], dict[str, Any]] | None] = {}
        drafted = []
        for paragraph in self.paragraphs[start:end]:
            found: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]] = []
            first, sets = year, None
            before: list[dict[str, Any]] = []
            for sentence in paragraph.sentences:
                claims = []
                dates = date_spans(sentence.text)
                for claim in _claims_of(sentence, dates, year, self.topic, self.labels):
                    _place(claim, props, subjects, self.topic, self.vocabulary, reusable)
                    claims.append(claim)
                if not claims:
                    claims = _denials_of(sentence, before, self.labels)
                for claim in claims:
                    claim["document"] = self.doc_id
                    prop, subject = props[claim["property"]], subjects[claim["subject"]]
                    found.append((_ordered(claim), prop, subject))
                before = claims
                sets = _last_year(dates, sets)
                year = _last_year(dates, year)
            drafted.append(_Drafted(first, sets, found))
        return drafted


def _wrong_years(drafted: list[_Drafted], year: int | None) -> list[tuple[int, int, int | None]]:
    """The stretches (start, end, year) of paragraphs drafted in another year than the one
    the text before them set (`year` at the start): each up to the first paragraph drafted
    in the right one."""
    again: list[tuple[int, int, int | None]] = []
    for index, paragraph in enumerate(drafted):
        if paragraph.year != year:
            if again and again[-1][1] == index:
                again[-1] = (again[-1][0], index + 1, again[-1][2])
            else:
                again.append((index, index + 1, year))
        year = paragraph.sets if paragraph.sets is not None else year
    return again


def _parts(paragraphs: list[Paragraph], count: int) -> list[tuple[int, int]]:
    """The paragraphs cut into up to `count` stretches (start, end) of about as many
    sentences each."""
    total = sum(len(p.sentences) for p in paragraphs)
    parts: list[tuple[int, int]] = []
    start = size = 0
    for index, paragraph in enumerate(paragraphs):
        size += len(paragraph.sentences)
        if size * count >= total * (len(parts) + 1) and index + 1 < len(paragraphs):
            parts.append((start, index + 1))
            start = index + 1
    parts.append((start, len(paragraphs)))
    return parts


# ---------------------------------------------------------------- sources and footnotes


def _sources_and_footnotes(
    doc: ParsedDocument, doc_id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ids: dict[tuple[str, ...], str] = {}
    source_ids = SourceIds()
    sources: list[dict[str, Any]] = []
    footnotes: list[dict[str, Any]] = []
    labels: set[str] = set()
    by_label: dict[str, list[dict[str, Any]]] = {}
    previous: list[CitedWork] = []
    earlier: dict[str, list[CitedWork]] = {}
    for note in doc.notes:
        if note.same_as and note.same_as in by_label:
            cites = by_label[note.same_as]
        else:
            works = read_note(note, previous, earlier)
            previous = works or previous
            earlier[note.label] = works
            cites = []
            for work in works:
                key = work.key  # worked out anew on each use
                if key not in ids:
                    ids[key] = source_ids.new(work)
                    sources.append({"id": ids[key], **work.fields})
                cite: dict[str, Any] = {"source": ids[key]}
                if work.pages:
                    cite["pages"] = work.pages
                cites.append(cite)
        by_label[note.label] = cites
        if note.label in labels:
            continue
        labels.add(note.label)
        entry: dict[str, Any] = {"document": doc_id, "label": note.label}
        if note.text:
            entry["text"] = note.text
        entry["cites"] = cites
        footnotes.append(entry)
    return sources, footnotes


# ---------------------------------------------------------------- claims


def _prose_of_notes(notes: tuple[Note, ...], labels: set[str]) -> Iterator[Paragraph]:
    """The sentences of notes that tell rather than cite (`In September 2026, the company
    said that production had reached 80% …`), as paragraphs whose sentences cite the note
    they stand in: a report often gives facts in its notes."""
    for note in notes:
        if note.label not in labels or note.same_as:
            continue
        sentences = tuple(
            Sentence(note.text[a:b], a, b, (note.label,))
            for a, b in split(note.text)
            if reads_as_prose(note.text[a:b])
        )
        if sentences:
            yield Paragraph(note.text, sentences)


def _claims_of(
    sentence: Sentence,
    spans: list[tuple[str, str, int]],
    year: int | None,
    topic: str,
    labels: set[str],
) -> Iterator[dict[str, Any]]:
    text = sentence.text
    dates = list(_dates(year, spans))
    quantities = list(_quantities(text, dates))
    running = _until_now(text) if not quantities else None
    ongoing = _not_happened(text)
    # `still in force` is drafted as an end date that has not happened, not as a status too;
    # `was completed in 2013`, as the date it ended.
    status_spans = [
        s
        for s in statuses(text, _folded(text))
        if not (ongoing and _within(s, ongoing))
        and not (dates and s.written.casefold() in _ENDED_WORDS)
    ]
    if not (quantities or dates or running or ongoing or status_spans):
        return  # nothing to claim: who said it need not be read
    who = attribute(text)
    markers = [m for m in sentence.markers if m in labels]
    base: dict[str, Any] = {"text": text, "stance": who.stance}
    if who.claimant:
        base["claimant"] = who.claimant
    if markers:
        base["footnotes"] = tuple(markers)
    guesses = [f"claimant and stance from {who.how}"]
    if len(markers) < len(sentence.markers):
        guesses.append("a footnote marker that leads to no note was left out")
    said = _statement_date(text, dates, who.verb)
    dates_described = [d for d in dates if d is not said]
    count_words: list[tuple[int, Family]] | None = None
    for q in quantities:
        family = None
        if q.kind == "count" and q.noun not in _NOT_PEOPLE:
            count_words = _family_words(text, count=True) if count_words is None else count_words
            family = _nearest(count_words, q.start)
        claim = dict(base, value=q.written, _kind=q.kind, _family=family, _noun=q.noun)
        future = _to_come(text, who.verb, q.start)
        notes = _timed(claim, list(guesses), said, dates_described, year, future=future)
        clause = text[q.start :].split(", ")[0].split("; ")[0]
        if family and family.key == "left" and (dest := _DESTINATION.search(clause)):
            claim["scope"] = {"destination": dest.group(1)}
        elif family and family.key == "left" and (means := _MEANS.search(clause)):
            claim["scope"] = {"means": means.group(1)}
        elif region := _REGION.search(text):
            claim["scope"] = {"region": region.group(1)}
        elif family is None and q.kind == "count" and (nation := _nationality(q.after)):
            claim["scope"] = {"nationality": nation}
        if _PART_OF.search(text[: q.start]) and (whole := _whole_before(quantities, q)):
            # `7,152 were killed, of which 54 died in accidents`: a part of that whole.
            claim["scope"] = {**claim.get("scope", {}), "part of": whole}
        claim["_notes"] = notes
        claim["_sure"] = family is not None
        # What is denied was said by someone: the reports are a claim of their own (built
        # before the claim is yielded, as the caller takes its working fields away).
        reported = _reports_denied(claim, who, notes) if who.denied else None
        yield claim
        if reported:
            yield reported
    for status in status_spans:
        claim = dict(base, value=status.written, _kind="status", _family=None, _noun=status.noun)
        claim["_status"] = status
        notes = [*guesses, f"'{status.written}' read as a status of the {status.noun}"]
        future = _to_come(text, who.verb, status.start)
        claim["_notes"] = notes = _timed(claim, notes, said, dates_described, year, future=future)
        claim["_sure"] = True
        reported = _reports_denied(claim, who, notes) if who.denied else None
        yield claim
        if reported:
            yield reported
    if running:
        yield from _running(base, running, year, guesses)
        return
    if not (dates or ongoing):
        return
    date_family = _nearest(_family_words(text, count=False), 0)
    if date_family is None and (quantities or not ongoing):
        return
    for d in dates:
        if d.kind in ("as of", "since", "by", "until", "between", "from") or date_family is None:
            continue
        claim = dict(base, value=d.written, _kind="date", _family=date_family, _noun="")
        notes = list(guesses)
        assumed = _assumed(d.written, year)
        if not _reads(d.written, assumed):
            continue
        if assumed:
            claim["assume_year"] = assumed
            notes.append(f"year {assumed} assumed for '{d.written}' from the text before it")
        claim["_notes"] = notes
        claim["_sure"] = True
        yield claim
        break
    if ongoing and _ends(text):
        claim = dict(base, value=ongoing.group(1), _kind="date", _family=_ENDED, _noun="")
        as_of_dates = [d for d in dates if d.kind == "as of"]
        notes = list(guesses)
        if as_of_dates:
            claim["as_of"] = as_of_dates[0].written
        claim["_notes"] = [*notes, f"'{ongoing.group(1)}' read as: it has not ended"]
        claim["_sure"] = False
        yield claim


def _reports_denied(claim: dict[str, Any], who: Attribution, notes: list[str]) -> dict[str, Any]:
    """What a denial denies was said by someone (`denied reports that …`): a claim of its own,
    whose time is, unless the sentence gives one, that of the denial (they were current
    then); the date the denial was made is not theirs."""
    reported = dict(claim, claimant=who.denied, stance="reports")
    notes = [*notes, f"the {who.denied} {who.claimant} denies, as a claim"]
    if (said := reported.pop("stated", None)) and "as_of" not in reported:
        reported["as_of"] = said
        notes.append(f"the {who.denied} taken as current on the day of the denial, {said}")
    reported["_notes"] = notes
    return reported


#: Words that point back to what the sentence before said: `Peskov denied this`.
_POINTING_BACK = re.compile(r"\b(?:this|these|that|it|the reports?|the claims?|them)\b")


def _denials_of(
    sentence: Sentence, before: list[dict[str, Any]], labels: set[str]
) -> list[dict[str, Any]]:
    """A sentence with no value of its own that denies what the sentence before it says
    (`Peskov also denied this.`): a denial of each of that sentence's values."""
    if not before or not _POINTING_BACK.search(sentence.text):
        return []
    who = attribute(sentence.text)
    if who.stance != "denies":
        return []
    markers = [m for m in sentence.markers if m in labels]
    denials = []
    for earlier in before:
        if earlier.get("stance") == "denies":
            continue
        # The times and notes of the sentence before are not the denial's.
        drop = ("as_of", "stated", "footnotes", "id")
        claim = {k: v for k, v in earlier.items() if k not in drop}
        claim.update(text=sentence.text, claimant=who.claimant, stance="denies")
        if markers:
            claim["footnotes"] = tuple(markers)
        claim["review"] = (
            f"denies what the sentence before says ({who.how}), its value "
            f"'{earlier['value']}' and topic copied; " + earlier["review"].split("; ", 1)[-1]
        )
        denials.append(claim)
    return denials


_ENDED = next(f for f in FAMILIES if f.key == "ended")
#: Words that date an end (`completed`): with a date, the sentence's end date says it.
_ENDED_WORDS = frozenset(_ENDED.words)
_STARTED = next(f for f in FAMILIES if f.key == "started")
#: A span that runs until now (`21 September 2022 – present`): started then, not ended.
_UNTIL_NOW = re.compile(rf"\b(?P<start>{_DATE_CORE}) ?(?:–|—|-|to) ?(?P<now>present|ongoing)\b")


def _until_now(text: str) -> re.Match[str] | None:
    """A span of `text` that runs until now (searched only where its last word stands)."""
    return _UNTIL_NOW.search(text) if "present" in text or "ongoing" in text else None


def _running(
    base: dict[str, Any], found: re.Match[str], year: int | None, guesses: list[str]
) -> Iterator[dict[str, Any]]:
    start = found.group("start")
    assumed = _assumed(start, year)
    if not _reads(start, assumed):
        return
    notes = [*guesses, f"'{found.group(0)}' read as: started {start}, not ended"]
    claim = dict(base, value=start, _kind="date", _family=_STARTED, _noun="", _notes=notes)
    claim["_sure"] = False
    if assumed:
        claim["assume_year"] = assumed
    yield claim
    ended = dict(base, value=found.group("now"), _kind="date", _family=_ENDED, _noun="")
    yield dict(ended, _notes=list(notes), _sure=False)


def _within(status: StatusFound, found: re.Match[str]) -> bool:
    return found.start() <= status.start < found.end()


def _ends(text: str) -> bool:
    """The sentence is about something lasting (in force, ongoing): an end date's words."""
    return bool(re.search(r"\b(?:in force|ongoing|ended|end|over|completed)\b", text))


#: Phrasal verbs that use a family's word for something else: `ended up in hospital`.
_PHRASAL = re.compile(r"\b(?:ended|left|drafted) (?:up|out|behind|over)\b", re.IGNORECASE)


def _whole_before(quantities: list[_Found], part: _Found) -> str | None:
    earlier = [q.written for q in quantities if q.start < part.start]
    return earlier[-1] if earlier else None


def date_spans(text: str) -> list[tuple[str, str, int]]:
    """Every date `text` names, left to right: the word before it that says how it is meant
    (one of `PREPOSITIONS`, casefolded, or ""), its words, and where they start.

    The same as one pattern of an optional preposition, white space and `DATE_PATTERN`,
    matched in any case from every character on, but searched only near a digit or a month's
    name (every date holds one), case-sensitively on text whose case is folded: several
    times faster.
    """
    folded = _folded(text)
    found = []
    end = 0  # where the date before ended: the next one, with its preposition, starts here
    done = 0  # no date starts before this
    for anchor in _DATE_ANCHOR.finditer(folded):
        # A date holding this anchor first starts at most DATE_WIDTH before it and ends at
        # most DATE_WIDTH after its start: searching so far reads all the date can read.
        last = anchor.end() - 1
        start = max(done, anchor.start() - DATE_WIDTH)
        if start > last:
            continue
        m = _DATE.search(folded, start, last + DATE_WIDTH + 1)
        if m is None or m.start() > last:
            done = last + 1
            continue
        prep = _preposition(text, folded, end, m.start())
        found.append((prep, text[m.start() : m.end()], m.start()))
        end = done = m.end()
    return found


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """`text` as the date and number patterns read it (folded once a sentence, not once a
    pattern)."""
    return text.translate(_FOLD)


def _preposition(text: str, folded: str, end: int, start: int) -> str:
    """The preposition, casefolded, that stands (a word of its own, then white space) before
    the date at `start` and after `end`, or ""."""
    words_end = start
    while words_end > end and folded[words_end - 1].isspace():
        words_end -= 1
    if words_end == start:
        return ""
    for word in PREPOSITIONS:
        at = words_end - len(word)
        on_its_own = at == 0 or not _WORD_CHAR.match(folded, at - 1)
        if at >= end and folded.startswith(word, at) and on_its_own:
            return text[at:words_end].casefold()
    return ""


def _dates(year: int | None, spans: list[tuple[str, str, int]]) -> Iterator[_Found]:
    for prep, written, start in spans:
        # A month's name alone, with no word of time before it, may be a word (`May`).
        if _MONTH_ONLY.fullmatch(written) and not prep:
            continue
        try:
            parse_time(written, year=year or 2000)
        except (FactcheckError, ValueError):
            continue
        yield _Found(written, start, prep or "bare")


_EXTENSION = re.compile(r"\.(?:txt|text|md|markdown|html?|xhtml|wiki|wikitext|mediawiki)$", re.I)
_MONTH_ONLY = re.compile(_MONTH, re.IGNORECASE)


def _quantities(text: str, dates: list[_Found]) -> Iterator[_Found]:
    spans = [(d.start, d.start + len(d.written)) for d in dates]
    # Digits in a web address are part of its name.
    spans += [u.span() for u in _URL.finditer(text)] if "/" in text else []
    folded = _folded(text)
    for m in _QUANTITY.finditer(folded):
        start = m.start("n")
        if any(a <= start < b for a, b in spans):
            continue
        if _DAY_OF_MONTH.match(text, m.end("n")) or _ERA.match(text, m.end("n")):
            continue  # `7 Sept. 2017`, `between 2 and 9 October`, `149 BCE`: a time
        if _MONEY_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # `$5.4 billion`, `EUR 3 million`: money, which no count reads
        if _CODE_AFTER.match(text, m.end("n")):
            continue  # `47 U.S.C. 606`: a title of a legal code
        # The words as written (a group that took no part spans "").
        qualifier, number, after = (text[m.start(g) : m.end(g)] for g in ("q", "n", "after"))
        capitalised = after.strip()[:1].isupper()
        if (link := _RANGE_LINK.match(folded, m.end("n"))) and (
            upper := _QUANTITY.match(folded, link.end())
        ):
            # `under 400,000 up to 44 million residents`, `three of the four members`: the
            # first number counts what the second counts.
            after = text[upper.start("after") : upper.end("after")]
        if _PERCENT.match(after):
            written = qualifier + number + after
            of = _OF.match(text, m.end("after"))
            if _parses(written):
                yield _Found(written, m.start(), "percentage", _share_of(of.group(1)) if of else "")
            continue
        if not after.strip() or _NOT_COUNTED.match(after):
            continue
        if _YEARS.fullmatch(number) and qualifier.strip().casefold() in ("", "between"):
            continue  # a year, or years (`between 2011 and 2015`): counts of a thousand
            # and more are written with a separator (`1,782`), years without one
        if capitalised and not _DIGIT.search(number):
            continue
        noun = _noun(after)
        if noun in _FUNCTION_WORDS or noun in _FRACTIONS:
            continue  # `5 in Moscow`; `two thirds`: a share, said in words
        if _NOT_COUNT_BEFORE.search(text[: m.start()]):
            continue
        tried = [qualifier + number, number]
        if qualifier.strip().casefold() == "between" and " and " not in number:
            tried = [number]
        for written in tried:
            if _parses(written):
                yield _Found(written, m.start(), "count", noun, after)
                break


#: Words that join a number to the next, which says what both count: `up to`, `of the`.
_RANGE_LINK = re.compile(rf"\s(?:(?:up )?to\s(?=\d)|of the\s(?=\d|{_SMALL}\b))")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_ABBREVIATED_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
#: After a day's number: a month's name, or its abbreviation with a dot or a year (`Sept.`,
#: `Oct 2017`); `Sep` before other words may be something else.
_DAY_OF_MONTH = re.compile(rf"\s{_MONTH}\b|\s{_ABBREVIATED_MONTH}(?:\.|\s\d{{4}}\b)")
#: A year's era after its number: `149 BCE`, `113 CE`, `AD 79` is not matched here.
_ERA = re.compile(r"\s?(?:BCE|CE|BC|AD|B\.C\.|A\.D\.)(?!\w)")
_YEAR_WRITTEN = r"(?:1\d{3}|20\d\d)"
#: A year or a span of years, written with no separator.
_YEARS = re.compile(rf"{_YEAR_WRITTEN}(?:\s?[–-]\s?{_YEAR_WRITTEN}|\s(?:to|and)\s{_YEAR_WRITTEN})?")


_DIGIT = re.compile(r"\d")
#: A currency's sign or code just before a number.
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₽₹]|\b(?:USD|EUR|GBP|RUB|CHF|JPY|CNY))\s?$")


def _parses(written: str) -> bool:
    try:
        parse_quantity(written)
    except (FactcheckError, ValueError):
        return False
    return True


#: Words for a part of a whole (`two thirds`): a fraction, not a count of things.
_FRACTIONS = {
    "halves",
    "thirds",
    "quarters",
    "fourths",
    "fifths",
    "sixths",
    "sevenths",
    "eighths",
    "ninths",
    "tenths",
}
#: Plurals that do not end in `s`.
_PLURALS = {"people", "men", "women", "children", "police", "personnel", "staff", "feet", "cattle"}
#: Words for people as such: one topic whatever the writer's word, counted as `people`.
_PEOPLE = {"people", "persons", "person", "individuals", "citizens", "nationals", "residents"}
_WORD = re.compile(r"(?:\w\.){2,}|[\w’'-]+")
# A capitalised adjective of nationality: Russian, Ukrainian, German, Chinese, Polish.
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i)")
# People of a nation, in the plural: Americans, Canadians, Ukrainians.
_DEMONYM_PLURAL = re.compile(r"([A-Z][a-z]+an)s")
# An abbreviation (`U.S.`, `UK`) or a possessive (`the region's`) names whose things they
# are, not what is counted, when a word follows.
_POSSESSIVE = re.compile(r"[\w-]+[’']s")
_MODIFIER = re.compile(r"(?:\w\.){2,}|[A-Z]{2,4}|[\w-]+[’']s")


def _noun(after: str) -> str:
    """The counted noun after a number: of the words before the first function word, the
    first plural noun (`two magnificent giant Buddhas`), else the first that is neither a
    common modifier, an adjective of nationality, an abbreviation nor a possessive before
    another word (`300 Ukrainian soldiers`, `209,000 U.S. consumers`); `261,000 Russians had
    left` counts Russians. Words for people as such (`persons`, `citizens`) are `people`."""
    words: list[str] = _WORD.findall(after)
    if words[:1] == ["of"]:
        return _of_noun(words[1:4])
    kept: list[str] = []
    for i, w in enumerate(words):
        folded = w.casefold()
        if folded in _FUNCTION_WORDS:
            if not kept and i == 0:
                return folded
            break
        before_another = i + 1 < len(words) and words[i + 1].casefold() not in _FUNCTION_WORDS
        modifier = _DEMONYM.fullmatch(w) or _MODIFIER.fullmatch(w)
        if folded in _ADJECTIVE or (modifier and before_another):
            continue
        kept.append(w)
    plural = [w for w in kept if _plural(w.casefold())]
    head = plural[0] if plural else kept[0] if kept else words[-1] if words else ""
    if head.casefold() in _PEOPLE or _DEMONYM_PLURAL.fullmatch(head):
        return "people"
    return head.casefold()


def _share_of(words: str) -> str:
    """The whole a share is of: `47% of surveyed Russians` is a share of Russians (a people
    is kept apart here, as the share has no scope to say it by)."""
    first = _WORD.match(words)
    if first and _DEMONYM_PLURAL.fullmatch(first.group(0)):
        return first.group(0).casefold()
    return _noun(words)


def _of_noun(words: list[str]) -> str:
    """What `of` and the next words count (`thousands of people`, `hundreds of Russian men`,
    `thousands of the mosques`); a part of something named (`10 of the Decree`) counts no
    noun: `the`."""
    for i, w in enumerate(words):
        modifier = _DEMONYM.fullmatch(w) or _POSSESSIVE.fullmatch(w)
        folded = w.casefold()
        if folded in _ADJECTIVE or (modifier and i + 1 < len(words)):
            continue
        if words[0] == "the" and w[:1].isupper() and not _plural(folded):
            return "the"
        return "people" if folded in _PEOPLE or _DEMONYM_PLURAL.fullmatch(w) else folded
    return words[-1].casefold() if words else "of"


def _plural(word: str) -> bool:
    return word in _PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _nationality(after: str) -> str | None:
    """The nation whose people a count counts (`11,670 Canadians`, `8,000 Canadian
    citizens`), or None."""
    words: list[str] = _WORD.findall(after)
    for i, w in enumerate(words[:2]):
        if m := _DEMONYM_PLURAL.fullmatch(w):
            return m.group(1)
        follows = words[i + 1].casefold() if i + 1 < len(words) else ""
        if _DEMONYM.fullmatch(w) and follows in _PEOPLE:
            return w
    return None


def _family_pattern(family: Family) -> re.Pattern[str]:
    # Longest words first, so that a word is not cut short by another that begins it.
    words = sorted(family.words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


#: Each family with one pattern of all its words, for counts and for dates.
_COUNT_FAMILIES = tuple((f, _family_pattern(f)) for f in FAMILIES if f.count_name is not None)
_DATE_FAMILIES = tuple((f, _family_pattern(f)) for f in FAMILIES if f.date_name is not None)


def _family_words(text: str, *, count: bool) -> list[tuple[int, Family]]:
    """Where the words of each family (of counts, or of dates) stand in the sentence, family
    by family, in the order of `FAMILIES`."""
    lower = _PHRASAL.sub(lambda m: " " * len(m.group(0)), text).casefold()
    families = _COUNT_FAMILIES if count else _DATE_FAMILIES
    # A family's pattern is tried only when one of its words stands in the text somewhere.
    return [
        (m.start(), family)
        for family, pattern in families
        if any(word in lower for word in family.words)
        for m in pattern.finditer(lower)
    ]


def _nearest(words: list[tuple[int, Family]], at: int) -> Family | None:
    """The family whose word stands nearest `at` (at 0: first in the sentence); of words as
    near, the first of `_family_words`."""
    best: tuple[int, Family] | None = None
    for start, family in words:
        if best is None or abs(start - at) < best[0]:
            best = (abs(start - at), family)
    return best[1] if best else None


def _statement_date(text: str, dates: list[_Found], verb: tuple[int, int] | None) -> _Found | None:
    """The date on which the claimant said what the sentence reports: a date of a day, month
    or year that stands before the verb of saying in its clause (`On 1 November 2022, Peskov
    stated that …`) or right after it (`said on 6 October that …`)."""
    if verb is None:
        return None
    for d in dates:
        if d.kind not in ("on", "in", "bare"):
            continue
        if d.start < verb[0] and not _CLAUSE_BREAK.search(text, d.start, verb[0]):
            return d
        if d.start >= verb[1] and text[verb[1] : d.start].strip() in ("", "on", "in"):
            return d
    return None


#: Words between a date and a verb of saying that put them in two clauses.
_CLAUSE_BREAK = re.compile(r"\b(?:that|which|who|when|after|before|until|because)\b|[;:]")


def _timed(
    claim: dict[str, Any],
    notes: list[str],
    said: _Found | None,
    dates: list[_Found],
    year: int | None,
    *,
    future: bool = False,
) -> list[str]:
    """Give the claim the date it was said on (`stated`) and the time its value describes
    (`as_of`), with the year assumed for either where it is left out; its notes, added to.
    A value said to come (`future`: `said on 6 October that it will reach 100%`) describes
    a time after the statement, unless the sentence names its time."""
    if said and _reads(said.written, assumed := _assumed(said.written, year), reference=True):
        claim["stated"] = said.written
        if assumed:
            claim["assume_year"] = assumed
            notes.append(f"year {assumed} assumed for '{said.written}' from the text before it")
    if as_of := _as_of(dates, year):
        claim["as_of"] = as_of[0]
        if as_of[1] and "assume_year" not in claim:
            claim["assume_year"] = as_of[1]
            notes.append(f"year {as_of[1]} assumed for '{as_of[0]}' from the text before it")
    elif future and "stated" in claim:
        claim["as_of"] = f"after {claim['stated']}"
        notes.append("said of a time to come: after the statement")
    return notes


#: Words that put what follows them in a time to come: `will`, `would`, `is to be`.
_FUTURE = re.compile(r"\b(?:will|would|shall|(?:is|are|was|were) to be|plans? to|planned to)\b")


def _to_come(text: str, verb: tuple[int, int] | None, at: int) -> bool:
    """Whether the value at `at` is said of a time to come: a word of the future stands in
    its clause of what is said (after the verb of saying; `that`, `and`, `but`, a comma or a
    `;` bound a clause)."""
    if verb is None or verb[1] > at:
        return False
    start = verb[1]
    for bound in _CLAUSE_BOUND.finditer(text, verb[1], at):
        start = bound.end()
    after = _CLAUSE_BOUND.search(text, at)
    return bool(_FUTURE.search(text, start, after.start() if after else len(text)))


_CLAUSE_BOUND = re.compile(r"\b(?:that|and|but)\b|,\s|;")


def _as_of(dates: list[_Found], year: int | None) -> tuple[str, int | None] | None:
    for d in dates:
        if d.kind in ("as of", "on", "by", "since", "in"):
            # `since` and `by` say something of the time; `as of`, `on` and `in` only name it.
            written = f"{d.kind} {d.written}" if d.kind in ("since", "by") else d.written
            assumed = _assumed(d.written, year)
            if _reads(written, assumed, reference=True):
                return written, assumed
    return None


def _reads(written: str, year: int | None, *, reference: bool = False) -> bool:
    """Whether the loader will read `written` as a time (a date without a year needs one)."""
    try:
        parse_time(written, year=year, reference=reference)
    except (FactcheckError, ValueError):
        return False
    return True


def _assumed(written: str, year: int | None) -> int | None:
    """The year a date written without one is read in, or None when it has its own."""
    if _YEAR.search(written):
        return None
    return year


def _year_of(text: str | None) -> int | None:
    found = _YEAR.search(text or "")
    return int(found.group(1)) if found else None


def _last_year(spans: list[tuple[str, str, int]], year: int | None) -> int | None:
    """The year the text speaks of after a sentence with these dates (`date_spans`): that of
    its last date with a month (a bare year, as in `active since 2014`, is often background,
    not the time of the narrative)."""
    for _, written, _ in spans:
        if _MONTH_ONLY.search(written) and (y := _YEAR.search(written)):
            year = int(y.group(1))
    return year


# ---------------------------------------------------------------- subjects and properties


def _topic(doc: ParsedDocument) -> str:
    """What the document is about: the head (last word) of its title, in one spelling."""
    title = doc.title or PurePath(doc.name).stem.replace("-", " ")
    words = [w for w in re.findall(r"[^\W\d_]+", title) if len(w) > 2]
    return one_spelling(words[-1]) if words else "document"


def _property_of(claim: dict[str, Any]) -> dict[str, Any]:
    family: Family | None = claim["_family"]
    if claim["_kind"] == "date":
        assert family is not None and family.date_name is not None
        return {
            "id": f"{family.key}.date",
            "name": family.date_name,
            "definition": f"The date of its {family.date_name} (said as: "
            f"{', '.join(family.words[:3])})",
            "kind": "date",
            "tolerance": 1,
            "not_happened": list(NOT_HAPPENED) if family.key == "ended" else [],
        }
    if claim["_kind"] == "status":
        status: StatusFound = claim["_status"]
        categories = status.statuses()
        return {
            "id": f"{slug(status.noun)}.{status.key}",
            "name": status.question(),
            "definition": f"{status.question().capitalize()}: {' or '.join(categories)}",
            "kind": "status",
            "statuses": categories,
        }
    if claim["_kind"] == "percentage":
        noun = slug(claim["_noun"]) or "whole"
        return {
            "id": f"{noun}.share",
            "name": f"share of {noun}",
            "definition": f"The share of {noun}, in per cent",
            "kind": "percentage",
            "tolerance": 0.05,
        }
    if family is not None and family.count_name:
        return {
            "id": f"{family.key}.count",
            "name": family.count_name,
            "definition": f"The number of {family.count_name} (said as: "
            f"{', '.join(family.words[:3])})",
            "kind": "count",
            "growing": family.growing,
            "tolerance": 0.05,
        }
    noun = slug(claim["_noun"]) or "things"
    return {
        "id": f"{noun}.count",
        "name": f"number of {noun}",
        "definition": f"The number of {noun}",
        "kind": "count",
        "tolerance": 0.05,
    }


def _place(
    claim: dict[str, Any],
    props: dict[str, dict[str, Any]],
    subjects: dict[str, dict[str, Any]],
    topic: str,
    vocabulary: Corpus | None,
    reusable: dict[tuple[Any, ...], tuple[dict[str, Any], dict[str, Any]] | None],
) -> None:
    """Give the claim its subject and property, and its review note. `reusable` keeps what
    the vocabulary offered for each property proposed (one search of it, not one a claim)."""
    proposed = {k: v for k, v in _property_of(claim).items() if v not in ([], False)}
    subject = {"id": slug(topic), "name": topic}
    notes: list[str] = claim.pop("_notes")
    sure: bool = claim.pop("_sure")
    family = claim.get("_family")
    # A status is reused only where the declared property reads its value: the value too.
    value = normalise(claim["value"]) if proposed["kind"] == "status" else ""
    offered = (proposed["id"], proposed["name"], proposed["kind"], family, value)
    if offered not in reusable:
        reusable[offered] = (
            _status_from_vocabulary(claim["_status"], claim["value"], topic, vocabulary)
            if proposed["kind"] == "status"
            else _from_vocabulary(proposed, topic, family, vocabulary)
        )
    reused = reusable[offered]
    if reused:
        proposed, subject = reused
        notes.append(f"property '{proposed['id']}' and subject '{subject['id']}' reused")
    else:
        notes.append(f"property '{proposed['id']}' proposed; subject is the document's topic")
    props.setdefault(proposed["id"], proposed)
    subjects.setdefault(subject["id"], subject)
    claim["subject"] = subject["id"]
    claim["property"] = proposed["id"]
    for key in ("_kind", "_family", "_noun", "_status"):
        claim.pop(key, None)
    # Sure of what is measured, and nothing assumed: high; one guess: medium; else low.
    guessed = "assume_year" in claim or not sure
    confidence = "low" if not sure else ("medium" if guessed or reused is None else "high")
    claim["draft"] = True
    claim["review"] = "; ".join(notes) + f". Confidence: {confidence}."


def _from_vocabulary(
    proposed: dict[str, Any], topic: str, family: Family | None, vocabulary: Corpus | None
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """A declared property of the same kind whose name or definition uses the family's
    words, and the subject its claims are about that best matches the topic."""
    if vocabulary is None or family is None:
        return None
    words = {one_spelling(w) for w in family.words if " " not in w}
    best: tuple[float, str] | None = None
    for prop in vocabulary.properties.values():
        if prop.kind != proposed["kind"]:
            continue
        said = f"{prop.name} {prop.definition}"
        tokens = {one_spelling(w) for w in re.findall(r"\w+", said)}
        if proposed["kind"] == "date":
            hit = (family.date_name or "") in tokens or bool(words & tokens)
            hit = hit and family.date_name is not None and family.date_name in prop.name
        else:
            hit = bool(words & tokens)
        if not hit:
            continue
        score = fuzz.token_set_ratio(proposed["name"], prop.name)
        if best is None or (score, prop.id) > best:
            best = (score, prop.id)
    if best is None:
        return None
    return _with_subject(vocabulary, vocabulary.properties[best[1]], topic)


def _status_from_vocabulary(
    status: StatusFound, value: str, topic: str, vocabulary: Corpus | None
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """A declared status property that reads `value` as one of its statuses and names the
    thing the status is of (in its id, name or definition), and its subject."""
    if vocabulary is None:
        return None
    for prop in sorted(vocabulary.properties.values(), key=lambda p: p.id):
        if prop.kind != "status":
            continue
        said = f"{prop.id} {prop.name} {prop.definition}"
        if status.noun not in {one_spelling(w) for w in re.findall(r"[^\W\d_]+", said)}:
            continue
        try:
            parse_status(value, prop.statuses)
        except ValueParseError:
            continue
        if found := _with_subject(vocabulary, prop, topic):
            return found
    return None


def _with_subject(
    vocabulary: Corpus, prop: Property, topic: str
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The property, and of the subjects its claims are about the one that best matches
    the topic; None when no claim uses it."""
    used = sorted({c.subject for c in vocabulary.claims.values() if c.property == prop.id})
    if not used:
        return None
    subject_id = max(used, key=lambda s: (_subject_score(vocabulary, s, topic), s))
    subject = vocabulary.subjects[subject_id]
    return (
        prop.model_dump(mode="json", exclude_defaults=True),
        subject.model_dump(mode="json", exclude_defaults=True),
    )


def _subject_score(vocabulary: Corpus, subject_id: str, topic: str) -> float:
    s = vocabulary.subjects[subject_id]
    names = [s.name, *s.aliases, s.description or ""]
    return max(fuzz.partial_ratio(topic, one_spelling(n)) for n in names)


_ORDER = (
    "id",
    "document",
    "text",
    "subject",
    "property",
    "value",
    "assume_year",
    "claimant",
    "stance",
    "as_of",
    "stated",
    "scope",
    "footnotes",
    "draft",
    "review",
)


def _ordered(claim: dict[str, Any]) -> dict[str, Any]:
    out = {k: list(v) if isinstance(v, tuple) else v for k in _ORDER if (v := claim.get(k))}
    if out.get("stance") == "asserts":
        del out["stance"]
    return out
