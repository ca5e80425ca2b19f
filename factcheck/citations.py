"""Citation checks: broken, duplicate, misdated and weak citations.

Each check has a stable code, a level and a documentation entry in `CHECKS`, the one place
codes are described (`factcheck check --explain CODE` and docs/checks.md come from it).
`run_checks` returns findings; nothing here knows any particular document, publisher or
country: names are compared with each other and with ISO 3166 country names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from factcheck import progress
from factcheck.collector import paused_gc
from factcheck.corpus import Corpus, Location
from factcheck.errors import UsageError, ValueParseError
from factcheck.model import Claim, Source
from factcheck.times import parse_time
from factcheck.values import NoValue, Time, normalise


class Level(StrEnum):
    """How much a finding matters: errors break a citation, warnings weaken it, notes inform."""

    error = "error"
    warning = "warning"
    note = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]


@dataclass(frozen=True)
class Check:
    """What a code means, why it matters and how to fix it."""

    code: str
    level: Level
    title: str
    why: str
    fix: str


CHECKS: tuple[Check, ...] = (
    Check(
        "FC101",
        Level.error,
        "footnote cited but not defined",
        "A claim cites a footnote label that its document does not define, so a reader "
        "cannot trace the claim to any source.",
        "Add the footnote to the document's footnotes, or correct the label the claim cites.",
    ),
    Check(
        "FC102",
        Level.error,
        "source cited but not defined",
        "A footnote, a claim or a source's `reports` names a source id that is not "
        "defined, so the citation leads nowhere.",
        "Define the source, or correct the id (the message suggests the nearest one).",
    ),
    Check(
        "FC103",
        Level.error,
        "id defined twice",
        "Two records share an id; every reference to it is ambiguous and only the first is used.",
        "Give each record its own id, or merge the two records.",
    ),
    Check(
        "FC104",
        Level.warning,
        "footnote defined but never cited",
        "No claim rests on this footnote: either a claim it supports was not recorded, "
        "or the footnote is left over.",
        "Record the claim the footnote supports, or remove the footnote.",
    ),
    Check(
        "FC105",
        Level.warning,
        "source defined but never cited",
        "No footnote or claim cites this source.",
        "Cite it where it is used, or remove it.",
    ),
    Check(
        "FC106",
        Level.error,
        "footnote of an undefined document",
        "A footnote names a document that is not defined, so its claims cannot find it.",
        "Define the document, or correct the footnote's `document`.",
    ),
    Check(
        "FC201",
        Level.warning,
        "duplicate source",
        "Two source records describe the same work (same link or identifier; or same "
        "title and publisher, dated within a year). Counted twice, one piece of evidence "
        "looks like two.",
        "Keep one record and cite it from every footnote.",
    ),
    Check(
        "FC202",
        Level.warning,
        "one publisher under several names",
        "The same publisher is written in different ways (an acronym and its long form, a "
        "spelling variant), which hides that sources share a publisher.",
        "Write the publisher the same way everywhere.",
    ),
    Check(
        "FC203",
        Level.warning,
        "name looks misspelt",
        "A word in a publisher or author name is one or two letters away from a country "
        "name but is not one.",
        "Correct the spelling, if it is a slip.",
    ),
    Check(
        "FC301",
        Level.error,
        "date cannot be read",
        "A source's date is impossible or not a date, so it cannot be checked against "
        "the claims it supports.",
        "Write the date as printed if it is readable ('5 March 2025'), or 'n.d.'.",
    ),
    Check(
        "FC302",
        Level.error,
        "date in the future",
        "A source or document is dated after today.",
        "Correct the date; a future date is usually a typing slip.",
    ),
    Check(
        "FC303",
        Level.error,
        "source dated after the document citing it",
        "A document cannot cite a source published after it.",
        "Check the source's date and the document's date.",
    ),
    Check(
        "FC304",
        Level.warning,
        "source published before the event it is cited for",
        "The source appeared before the time the claim describes, so it cannot report it "
        "(unless it is a forecast).",
        "Check the source's date, the claim's time, or whether the right source is cited.",
    ),
    Check(
        "FC305",
        Level.warning,
        "date right except for the year",
        "The source is dated on the same day and month as the event it supports, in "
        "another year: most likely a wrong year.",
        "Check the year of the source's date.",
    ),
    Check(
        "FC306",
        Level.note,
        "event far from its only source",
        "The claim's time is more than two years from the date of the one source it rests "
        "on, so the source may not speak for that time.",
        "Check that the source covers the claim's time, or add a closer source.",
    ),
    Check(
        "FC401",
        Level.warning,
        "source without a link",
        "A published source gives neither a link nor an identifier, so a reader cannot "
        "find it. Interviews are exempt.",
        "Add the url, or a DOI, ISBN or report number as `identifier`.",
    ),
    Check(
        "FC402",
        Level.warning,
        "placeholder link",
        "The link is a placeholder ('#', 'url', an empty scheme) or not a web address.",
        "Replace it with the real address.",
    ),
    Check(
        "FC501",
        Level.warning,
        "claim cites nothing",
        "The claim has no footnote and no source, so it cannot be traced.",
        "Cite the footnote or source the claim comes from.",
    ),
    Check(
        "FC502",
        Level.note,
        "claim rests on one independent source",
        "Corroboration asks for several independent sources. Footnotes citing the same "
        "source count once, and a source that relays another is not independent of it.",
        "Look for a second, independent source, or say in the text that it is single.",
    ),
    Check(
        "FC503",
        Level.note,
        "claims cite only their own document",
        "These claims cite the document they come from and nothing else (for example an "
        "article whose references were not recorded), so their evidence is unknown.",
        "Record the references the document gives for them.",
    ),
    Check(
        "FC601",
        Level.warning,
        "word mixes alphabets",
        "A word mixes Cyrillic and Latin letters that look alike; search and matching "
        "miss it, and it is usually a transcription slip.",
        "Retype the word in one alphabet.",
    ),
)
BY_CODE = {check.code: check for check in CHECKS}


@dataclass(frozen=True)
class Finding:
    """One citation problem, where it is, and what to do."""

    code: str
    level: Level
    file: str | None
    line: int | None
    record: str
    message: str

    @property
    def title(self) -> str:
        return BY_CODE[self.code].title


def explain(code: str) -> Check:
    """The documentation of a code; a `UsageError` naming the nearest code otherwise."""
    key = code.strip().upper()
    if key in BY_CODE:
        return BY_CODE[key]
    best = process.extractOne(key, list(BY_CODE))
    hint = f"; did you mean {best[0]}?" if best else ""
    raise UsageError(f"no check with code '{code}'{hint}")


# --------------------------------------------------------------------------- helpers


def _found(code: str, where: Location | None, record: str, message: str) -> Finding:
    check = BY_CODE[code]
    return Finding(
        code,
        check.level,
        where.file if where else None,
        where.line if where else None,
        record,
        message,
    )


@lru_cache(maxsize=1 << 14)
def _date(words: str) -> Time | None:
    """A source date read leniently: undated (`n.d.`) is None; unreadable raises."""
    if normalise(words) in ("n.d.", "n.d", "nd", "undated", "no date", ""):
        return None
    parsed = parse_time(words, reference=True)
    return parsed if isinstance(parsed, Time) else None


def _source_dates(corpus: Corpus) -> dict[str, Time]:
    dates = corpus.derived.get("source_dates")
    if dates is None:
        dates = {}
        for sid, source in corpus.sources.items():
            if source.date:
                try:
                    when = _date(source.date)
                except ValueParseError:
                    continue
                if when is not None:
                    dates[sid] = when
        corpus.derived["source_dates"] = dates
    return dates


_PLACEHOLDERS = {
    "#",
    "",
    "url",
    "link",
    "tbd",
    "n/a",
    "none",
    "about:blank",
    "http://",
    "https://",
    "[url](#)",
}
_WEB = re.compile(r"^(https?://[^\s/]+\.[^\s]+|doi:\S+|urn:\S+)$", re.I)


def _real_link(url: str | None) -> bool:
    return (
        bool(url)
        and url is not None
        and url.strip().lower() not in _PLACEHOLDERS
        and bool(_WEB.match(url.strip()))
    )


def _norm_url(url: str) -> str:
    url = url.strip().lower()
    url = re.sub(r"^https?://(www\.)?", "", url)
    return url.rstrip("/")


_STOP = {"the", "of", "for", "and", "in", "on", "a", "an", "de", "du", "la", "le", "des"}


def _norm_name(name: str) -> str:
    text = normalise(name)
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _name_keys(name: str) -> set[str]:
    """Keys under which two spellings of one publisher meet: the name itself, and both
    parts of `Acronym (Long Form)`."""
    keys = {_norm_name(name)}
    if m := re.fullmatch(r"\s*(.+?)\s*\((.+)\)\s*", name):
        keys |= {_norm_name(m.group(1)), _norm_name(m.group(2))}
    return {k for k in keys if k}


def _acronym(key: str) -> str | None:
    """`institute for the study of war` → `isw`; None for names of fewer than two words."""
    words = [w for w in key.split() if w not in _STOP]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# --------------------------------------------------------------------------- duplicates


def _duplicate_pairs(corpus: Corpus) -> list[tuple[str, str, str]]:
    """(first, later, why) for sources that describe the same work."""
    dates = _source_dates(corpus)
    pairs: list[tuple[str, str, str]] = []
    first_by: dict[tuple[str, str], str] = {}
    for sid, source in sorted(corpus.sources.items()):
        keys = []
        if _real_link(source.url) and source.url:
            keys.append(("url", _norm_url(source.url)))
        if source.identifier:
            keys.append(("identifier", normalise(source.identifier)))
        for kind, key in keys:
            if (kind, key) in first_by:
                pairs.append((first_by[(kind, key)], sid, f"same {kind}"))
                break
            first_by[(kind, key)] = sid
    by_title: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sid, source in sorted(corpus.sources.items()):
        if source.title:
            by_title[(_norm_name(source.title), _norm_name(source.publisher or ""))].append(sid)
    seen = {(a, b) for a, b, _ in pairs}
    for ids in by_title.values():
        for later in ids[1:]:
            first = ids[0]
            if (first, later) in seen or not _same_work(corpus, first, later, dates):
                continue
            pairs.append((first, later, "same title and publisher, dated within a year"))
    return pairs


def _same_work(corpus: Corpus, a: str, b: str, dates: dict[str, Time]) -> bool:
    sa, sb = corpus.sources[a], corpus.sources[b]
    if (
        _real_link(sa.url)
        and _real_link(sb.url)
        and _norm_url(sa.url or "") != _norm_url(sb.url or "")
    ):
        return False
    if sa.identifier and sb.identifier and normalise(sa.identifier) != normalise(sb.identifier):
        return False
    if sa.author and sb.author and not _authors(sa.author) & _authors(sb.author):
        return False  # two interviews with one title are two works: they share no author
    da, db = dates.get(a), dates.get(b)
    if da is None or db is None:
        return da is None and db is None
    return abs(da.low - db.low) <= 366


def _authors(names: str) -> set[str]:
    """Surnames (the longest word of each name) of an author list such as `Klain D.; X Y`."""
    people = re.split(r";|,(?=\s*\w+\s+\w)| and | et al\.?", names)
    return {max(_norm_name(p).split(), key=len) for p in people if _norm_name(p)}


def source_groups(corpus: Corpus) -> dict[str, str]:
    """Each source's group of mutually dependent sources: duplicates of one work, and a
    source together with the sources it relays (`reports`)."""
    groups = corpus.derived.get("source_groups")
    if groups is None:
        union = _Union()
        for sid in corpus.sources:
            union.find(sid)
        for first, later, _ in _duplicate_pairs(corpus):
            union.join(first, later)
        for sid, source in corpus.sources.items():
            for other in source.reports:
                if other in corpus.sources:
                    union.join(sid, other)
        groups = {sid: union.find(sid) for sid in corpus.sources}
        corpus.derived["source_groups"] = groups
    return groups


def independent_sources(corpus: Corpus, claim: Claim) -> int:
    """How many independent sources a claim rests on (footnotes citing one source count
    once; a source that relays another is not independent of it)."""
    groups = source_groups(corpus)
    return len({groups[s.id] for s in corpus.sources_of(claim) if s.id in groups})


def _is_self(corpus: Corpus, claim: Claim, source: Source) -> bool:
    """Whether a source is the claim's own document: the same address, or the same title
    and publisher in the same year (an earlier edition of a report is another work)."""
    doc = corpus.documents.get(claim.document)
    if doc is None:
        return False
    if _real_link(doc.url) and _real_link(source.url):
        return _norm_url(doc.url or "") == _norm_url(source.url or "")
    if not source.title or _norm_name(source.title) != _norm_name(doc.title):
        return False
    if _norm_name(source.publisher or "") != _norm_name(doc.publisher or ""):
        return False
    when, doc_when = _source_dates(corpus).get(source.id), corpus.document_dates.get(doc.id)
    if when is None or doc_when is None or when.start is None or doc_when.start is None:
        return when is None and doc_when is None
    return when.start.year == doc_when.start.year


# --------------------------------------------------------------------------- the checks


def _references(corpus: Corpus) -> Iterator[Finding]:
    codes = {"footnote": "FC101", "source": "FC102", "duplicate": "FC103", "document": "FC106"}
    for d in corpus.dangling:
        where = Location(d.problem.file or "", d.problem.line)
        yield _found(codes[d.kind], where, d.record, d.problem.message)


def _unused(corpus: Corpus) -> Iterator[Finding]:
    cited_notes = {(c.document, label) for c in corpus.claims.values() for label in c.footnotes}
    cited_sources = {s for c in corpus.claims.values() for s in c.sources}
    for (doc, label), note in corpus.footnotes.items():
        cited_sources |= {citation.source for citation in note.cites}
        if (doc, label) not in cited_notes and doc in corpus.documents:
            key = f"{doc}#{label}"
            yield _found(
                "FC104",
                corpus.where("footnotes", key),
                key,
                f"footnote {label} of '{doc}' is cited by no claim",
            )
    cited_sources |= {other for s in corpus.sources.values() for other in s.reports}
    for sid in corpus.sources:
        if sid not in cited_sources:
            yield _found(
                "FC105",
                corpus.where("sources", sid),
                sid,
                f"source '{sid}' is cited by no footnote or claim",
            )


def _duplicates(corpus: Corpus) -> Iterator[Finding]:
    for first, later, why in _duplicate_pairs(corpus):
        yield _found(
            "FC201",
            corpus.where("sources", later),
            later,
            f"'{later}' and '{first}' look like one work ({why})",
        )


def _publisher_names(corpus: Corpus) -> Iterator[Finding]:
    uses: dict[str, list[tuple[str, str]]] = defaultdict(list)  # name -> (section, id)
    for sid, source in sorted(corpus.sources.items()):
        if source.publisher:
            uses[source.publisher.strip()].append(("sources", sid))
    for did, doc in sorted(corpus.documents.items()):
        if doc.publisher:
            uses[doc.publisher.strip()].append(("documents", did))
    union = _Union()
    for name in uses:
        for key in _name_keys(name):
            union.join(f"name:{name}", f"key:{key}")
    # A long form meets a name written as its acronym ('ISW'), never another long form
    # with the same initials ('Ministry of Defence', 'Ministry of Development').
    written_short = {key for name in uses for key in _name_keys(name) if " " not in key}
    for name in uses:
        for key in _name_keys(name):
            short = _acronym(key)
            if short is not None and short in written_short:
                union.join(f"name:{name}", f"key:{short}")
    plain = sorted({_norm_name(n) for n in uses})
    by_plain: dict[str, list[str]] = defaultdict(list)
    for name in uses:
        by_plain[_norm_name(name)].append(name)
    for i, name in enumerate(plain):
        near = process.extract(name, plain, scorer=fuzz.ratio, score_cutoff=90, limit=None)
        for other, _, j in near:
            if j > i:
                for a in by_plain[name]:
                    for b in by_plain[other]:
                        union.join(f"name:{a}", f"name:{b}")
    groups: dict[str, list[str]] = defaultdict(list)
    for name in uses:
        groups[union.find(f"name:{name}")].append(name)
    for names in groups.values():
        if len({_norm_name(n) for n in names}) < 2:
            continue
        common = max(sorted(names), key=lambda n: len(uses[n]))
        for name in sorted(names):
            if name == common:
                continue
            section, rid = uses[name][0]
            others = ", ".join(f"'{n}'" for n in sorted(names) if n != name)
            yield _found(
                "FC202",
                corpus.where(section, rid),
                rid,
                f"publisher '{name}' is also written {others}",
            )


# Words that make up many country names but name no country on their own.
_GENERIC = {
    "republic",
    "islands",
    "island",
    "central",
    "south",
    "north",
    "east",
    "west",
    "united",
    "kingdom",
    "states",
    "federation",
    "federal",
    "democratic",
    "people",
    "peoples",
    "saint",
    "sint",
    "state",
    "plurinational",
    "bolivarian",
    "socialist",
    "arab",
    "popular",
    "great",
    "britain",
    "northern",
    "territory",
    "territories",
    "outlying",
    "minor",
    "holy",
    "see",
    "principality",
    "grand",
    "duchy",
    "sultanate",
    "commonwealth",
    "union",
    "emirates",
    "tome",
    "principe",
    "caicos",
    "turks",
}


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    """Distinctive words of ISO 3166 country names (`Denmark`, `Russian`, `Estonia`)."""
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names |= {
                    w for w in re.findall(r"[^\W\d_]{5,}", value) if w.casefold() not in _GENERIC
                }
    return tuple(sorted(names))


def _inflection(a: str, b: str) -> bool:
    """`Russia`/`Russian`, `Estonian`/`Estonia`: one word, one with a longer ending."""
    a, b = a.casefold(), b.casefold()
    return a.startswith(b) or b.startswith(a)


def _misspelt_names(corpus: Corpus) -> Iterator[Finding]:
    """Publisher names with a word one or two letters from a country name. Authors are left
    out: personal names (Ivan, Timur, Marina) sit that close to country names by chance."""
    countries = _country_names()
    known = {c.casefold() for c in countries}
    fields: list[tuple[str, str, str]] = []
    for sid, source in sorted(corpus.sources.items()):
        if source.publisher:
            fields.append(("sources", sid, source.publisher))
    for did, doc in sorted(corpus.documents.items()):
        if doc.publisher:
            fields.append(("documents", did, doc.publisher))
    for section, rid, value in fields:
        for word in re.findall(r"[^\W\d_]{5,}", value):
            if not word[0].isupper() or word.isupper() or word.casefold() in known:
                continue
            limit = 1 if len(word) < 7 else 2
            best = process.extractOne(
                word, countries, scorer=Levenshtein.distance, score_cutoff=limit
            )
            if best is not None and best[1] > 0 and not _inflection(word, best[0]):
                yield _found(
                    "FC203",
                    corpus.where(section, rid),
                    rid,
                    f"publisher '{value}': '{word}' looks like a misspelt '{best[0]}'",
                )


def _dates(corpus: Corpus, today: date) -> Iterator[Finding]:
    dates = _source_dates(corpus)
    now = float(today.toordinal())
    for sid, source in sorted(corpus.sources.items()):
        if not source.date:
            continue
        try:
            _date(source.date)
        except ValueParseError as exc:
            yield _found("FC301", corpus.where("sources", sid), sid, exc.problem.message)
            continue
        when = dates.get(sid)
        if when is not None and when.low > now:
            yield _found(
                "FC302",
                corpus.where("sources", sid),
                sid,
                f"dated {source.date}, after today ({today.isoformat()})",
            )
    for did, when in sorted(corpus.document_dates.items()):
        if when.low > now:
            yield _found(
                "FC302",
                corpus.where("documents", did),
                did,
                f"dated {corpus.documents[did].date}, after today ({today.isoformat()})",
            )
    seen: set[tuple[str, str]] = set()
    for (doc_id, label), note in sorted(corpus.footnotes.items()):
        doc_date = corpus.document_dates.get(doc_id)
        for citation in note.cites:
            when = dates.get(citation.source)
            if doc_date is None or when is None or (citation.source, doc_id) in seen:
                continue
            if when.low > doc_date.high:
                seen.add((citation.source, doc_id))
                source = corpus.sources[citation.source]
                yield _found(
                    "FC303",
                    corpus.where("sources", citation.source),
                    citation.source,
                    f"dated {source.date}, after '{doc_id}' "
                    f"({corpus.documents[doc_id].date}), which cites it in footnote {label}",
                )
    yield from _event_dates(corpus, dates)


def _event(corpus: Corpus, claim: Claim) -> Time | None:
    """The time a claim describes, when it has both ends: an open time ('since November
    2022') has no end to compare a source with."""
    when = corpus.time_of(claim.id)
    return when if when is not None and when.start and when.end else None


def _event_dates(corpus: Corpus, dates: dict[str, Time]) -> Iterator[Finding]:
    for cid, claim in sorted(corpus.claims.items()):
        event = _event(corpus, claim)
        if event is None or isinstance(corpus.values.get(cid), NoValue):
            continue
        sources = [s for s in corpus.sources_of(claim) if s.id in dates]
        flagged = False
        for source in sources:
            when = dates[source.id]
            if (
                when.precision == event.precision == "day"
                and when.start
                and event.start
                and (when.start.month, when.start.day) == (event.start.month, event.start.day)
                and when.start.year != event.start.year
            ):
                flagged = True
                yield _found(
                    "FC305",
                    corpus.where("claims", cid),
                    cid,
                    f"source '{source.id}' is dated {source.date}, the day of the "
                    f"event ({event.written}) but in {when.start.year}",
                )
            elif when.high < event.low:
                flagged = True
                yield _found(
                    "FC304",
                    corpus.where("claims", cid),
                    cid,
                    f"source '{source.id}' ({source.date}) appeared before the time "
                    f"the claim describes ({event.written})",
                )
        if flagged or not sources or independent_sources(corpus, claim) != 1:
            continue
        middle = (event.low + event.high) / 2
        # One work in several records (a relay, a duplicate): judge by its closest date.
        gap, closest = min(
            (abs((dates[s.id].low + dates[s.id].high) / 2 - middle), s.id) for s in sources
        )
        if gap > 2 * 365:
            yield _found(
                "FC306",
                corpus.where("claims", cid),
                cid,
                f"describes {event.written}; its only independent source '{closest}' is "
                f"dated {corpus.sources[closest].date}, {gap / 365.25:.1f} years apart",
            )


def _links(corpus: Corpus) -> Iterator[Finding]:
    for sid, source in sorted(corpus.sources.items()):
        if source.url is not None and not _real_link(source.url):
            yield _found(
                "FC402",
                corpus.where("sources", sid),
                sid,
                f"link '{source.url}' is a placeholder or not a web address",
            )
        elif source.url is None and not source.identifier and source.kind != "interview":
            yield _found("FC401", corpus.where("sources", sid), sid, "no url and no identifier")


def _corroboration(corpus: Corpus) -> Iterator[Finding]:
    groups = source_groups(corpus)
    self_only: dict[str, list[str]] = defaultdict(list)
    for cid, claim in sorted(corpus.claims.items()):
        sources = corpus.sources_of(claim)
        if not claim.footnotes and not claim.sources:
            yield _found("FC501", corpus.where("claims", cid), cid, "no footnote and no source")
            continue
        if sources and all(_is_self(corpus, claim, s) for s in sources):
            self_only[claim.document].append(cid)
            continue
        independent = {groups[s.id] for s in sources if s.id in groups}
        if len(independent) == 1:
            names = ", ".join(sorted(s.id for s in sources))
            yield _found(
                "FC502",
                corpus.where("claims", cid),
                cid,
                f"rests on one independent source ({names})",
            )
    for doc_id, ids in sorted(self_only.items()):
        shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        verb = "claim cites" if len(ids) == 1 else "claims cite"
        yield _found(
            "FC503",
            corpus.where("documents", doc_id),
            doc_id,
            f"{len(ids)} {verb} only the document itself: {shown}",
        )


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def _mixed_scripts(corpus: Corpus) -> Iterator[Finding]:
    def texts() -> Iterable[tuple[str, str, str, str]]:
        for cid, claim in sorted(corpus.claims.items()):
            yield "claims", cid, "text", claim.text
            if claim.claimant:
                yield "claims", cid, "claimant", claim.claimant
        for sid, source in sorted(corpus.sources.items()):
            for field_name in ("publisher", "author", "title"):
                value = getattr(source, field_name)
                if value:
                    yield "sources", sid, field_name, value

    for section, rid, field_name, value in texts():
        for word in re.findall(r"\w+", value):
            if _CYRILLIC.search(word) and _LATIN.search(word):
                odd = _minority(word)
                yield _found(
                    "FC601",
                    corpus.where(section, rid),
                    rid,
                    f"{field_name}: '{word}' mixes alphabets ({odd})",
                )


def _minority(word: str) -> str:
    """`Aпти` → `Latin 'A' among Cyrillic letters`."""
    cyrillic = [ch for ch in word if _CYRILLIC.match(ch)]
    latin = [ch for ch in word if _LATIN.match(ch)]
    few, script, other = (
        (cyrillic, "Cyrillic", "Latin")
        if len(cyrillic) <= len(latin)
        else (latin, "Latin", "Cyrillic")
    )
    shown = ", ".join(f"'{ch}'" for ch in dict.fromkeys(few))
    return f"{script} {shown} among {other} letters"


@paused_gc()
def run_checks(corpus: Corpus, *, today: date | None = None) -> list[Finding]:
    """Every citation check on a corpus loaded with `load_corpus(..., strict=False)`.

    Findings come sorted by file, line and code.
    """
    when = today or date.today()
    steps: list[Callable[[], Iterable[Finding]]] = [
        lambda: _references(corpus),
        lambda: _unused(corpus),
        lambda: _duplicates(corpus),
        lambda: _publisher_names(corpus),
        lambda: _misspelt_names(corpus),
        lambda: _dates(corpus, when),
        lambda: _links(corpus),
        lambda: _corroboration(corpus),
        lambda: _mixed_scripts(corpus),
    ]
    found: list[Finding] = []
    for done, step in enumerate(steps):
        progress.tell("checking citations", done, len(steps))
        found.extend(step())
    progress.tell("checking citations", len(steps), len(steps))
    return sorted(found, key=lambda f: (f.file or "", f.line or 0, f.code, f.record, f.message))


def select(
    findings: Iterable[Finding], *, codes: Iterable[str] = (), min_level: Level = Level.note
) -> list[Finding]:
    """Findings of the given codes (all when none) at or above a level."""
    wanted = {explain(c).code for c in codes}
    return [
        f for f in findings if (not wanted or f.code in wanted) and f.level.rank >= min_level.rank
    ]
