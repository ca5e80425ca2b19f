"""Source identity: which source records describe one work, and which sources depend on
each other.

Links, names and dates of sources are read and normalised here; duplicates (one work in
several records) and relays (`reports`) make groups of mutually dependent sources, by which
a claim's independent sources are counted. What is derived is kept in `corpus.derived`,
computed once per corpus.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit

from factcheck.corpus import Corpus
from factcheck.errors import ValueParseError
from factcheck.identifiers import canonical, is_doi_link
from factcheck.links import host
from factcheck.model import ClaimRow, Source
from factcheck.times import parse_time
from factcheck.values import Time, normalise


@lru_cache(maxsize=1 << 14)
def source_date(words: str) -> Time | None:
    """A source date read leniently: undated (`n.d.`) is None; unreadable raises."""
    if normalise(words) in ("n.d.", "n.d", "nd", "undated", "no date", ""):
        return None
    parsed = parse_time(words, reference=True)
    return parsed if isinstance(parsed, Time) else None


def source_dates(corpus: Corpus) -> dict[str, Time]:
    dates = corpus.derived.get("source_dates")
    if dates is None:
        dates = {}
        for sid, source in corpus.sources.items():
            if source.date:
                try:
                    when = source_date(source.date)
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


def real_link(url: str | None) -> bool:
    return (
        bool(url)
        and url is not None
        and url.strip().lower() not in _PLACEHOLDERS
        and bool(_WEB.match(url.strip()))
    )


# Hosts whose links do not rot as a page's address does: snapshots (web archives),
# persistent identifiers (DOI, handle, PURL), and stable catalogue entries of printed or
# deposited works (JSTOR's stable links, Google Books, HathiTrust, PubMed, arXiv), whose
# work outlives the link.
_LASTING_HOSTS = re.compile(
    r"(^|\.)(web\.archive\.org|archive\.(org|today|ph|is|li|md|vn)|webcitation\.org|perma\.cc"
    r"|arquivo\.pt|ghostarchive\.org|webarchive\.org\.uk|archive-it\.org|doi\.org"
    r"|hdl\.handle\.net|n2t\.net|purl\.org|w3id\.org|jstor\.org|books\.google\.[a-z.]+"
    r"|hathitrust\.org|pubmed\.ncbi\.nlm\.nih\.gov|arxiv\.org)$"
)
# A permanent link to one revision of a wiki page (MediaWiki's `oldid`, `diff`,
# `Special:PermanentLink`).
_REVISION = re.compile(r"[?&](oldid|diff)=\d+|special:permanentlink/\d+", re.I)


def lasting_link(url: str) -> bool:
    """Whether a link is itself an archived snapshot or a persistent identifier (a DOI, a
    handle), rather than a page's address, which may die or change."""
    return url.strip().lower().startswith(("doi:", "urn:", "hdl:")) or bool(
        _LASTING_HOSTS.search(host(url))
    )


_WIKI_HOSTS = re.compile(
    r"(^|\.)(wikipedia|wikimedia|wikisource|wikinews|wikivoyage|wiktionary|wikiquote|wikibooks"
    r"|wikiversity|wikidata|wikispecies|wikitravel|fandom|wikia|miraheze)\.(org|com)$"
)


# An archive's address for one capture: the Wayback Machine's `/web/<timestamp>/…`,
# archive.today's short id or `/<timestamp>/…`. Without it, the address lists every capture
# of a page (`/web/*/…`, `archive.today/<url>`, `/newest/…`): which copy was read is lost.
_WAYBACK = re.compile(r"(^|\.)web\.archive\.org$")
_ARCHIVE_TODAY = re.compile(r"(^|\.)archive\.(today|ph|is|li|md|vn)$")
_WAYBACK_CAPTURE = re.compile(r"^/web/\d{4,14}[a-z_]*/")
_TODAY_CAPTURE = re.compile(r"^/([A-Za-z0-9]{4,6}|\d{14}/.+)$")


def pins_no_copy(url: str) -> bool:
    """Whether a web archive's link lists a page's captures instead of naming one."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if _WAYBACK.search(host):
        return not _WAYBACK_CAPTURE.match(parts.path)
    if _ARCHIVE_TODAY.search(host):
        return not _TODAY_CAPTURE.match(parts.path)
    return False


def is_wiki_link(url: str) -> bool:
    """Whether a link is to a page of a wiki (Wikipedia, a fandom wiki, any MediaWiki)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    return bool(_WIKI_HOSTS.search(host)) or parts.path.startswith(("/wiki/", "/w/index.php"))


def names_a_revision(url: str) -> bool:
    """Whether a wiki link names one revision of its page, which never changes."""
    return bool(_REVISION.search(url))


# Query parameters that say how a reader came to a page, not which page it is.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl"
    r"|ref_src|ref_url|cmpid|ocid|smid|__twitter_impression)$"
)


def norm_url(url: str) -> str:
    """A link as it names a work: without scheme, `www.`, port for the scheme, fragment
    (but a `#!` route), trailing slash and tracking parameters, its other parameters in
    order, in lower case
    (`https://www.example.org/a/?utm_source=x&b=2&a=1#top` → `example.org/a?a=1&b=2`)."""
    url = url.strip().lower()
    try:
        parts = urlsplit(url)
    except ValueError:  # `https://[x.y`: not a link the library can split
        parts = None
    if parts is None or not parts.netloc:  # that, or doi:…, urn:…: as written
        return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    host = parts.netloc.removeprefix("www.")
    host = host.removesuffix(":443" if parts.scheme == "https" else ":80")
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(key)
    )
    address = host + parts.path.rstrip("/")
    if query:
        address += "?" + urlencode(query)
    if parts.fragment.startswith("!"):  # `#!/page`: a route that names the page
        address += "#" + parts.fragment
    return address


# A date in a link's path, as news sites, blogs and preprint servers write them: a day
# (`/2021/03/17/`, `2021-03-17`, `20210317`) or a month folder (`/2021/03/`). Digits run on
# either side (a 14-digit archive timestamp, an id) are not a date.
_LINK_DAYS = (
    re.compile(r"/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?=/|$)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"),
    re.compile(r"(?<![\d.])((?:19|20)\d\d)(\d\d)(\d\d)(?![\d.])"),
)
_LINK_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d\d?)(?=/)")


def link_date(url: str | None) -> tuple[date, str] | None:
    """The first date a link's path holds, with its precision (`day` or `month`), or None.

    A day is taken only where it is a real date; a month folder only where no day is."""
    if not real_link(url) or url is None:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:  # `https://[x.y`: not a link the library can split
        return None
    for pattern in _LINK_DAYS:
        for m in pattern.finditer(path):
            try:
                return date(int(m[1]), int(m[2]), int(m[3])), "day"
            except ValueError:
                continue
    for m in _LINK_MONTH.finditer(path):
        if 1 <= int(m[2]) <= 12:
            return date(int(m[1]), int(m[2]), 1), "month"
    return None


@lru_cache(maxsize=1 << 16)
def norm_name(name: str) -> str:
    text = normalise(name)
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class Union:
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


def duplicate_pairs(corpus: Corpus) -> list[tuple[str, str, str]]:
    """(first, later, why) for sources that describe the same work."""
    dates = source_dates(corpus)
    pairs: list[tuple[str, str, str]] = []
    first_by: dict[tuple[str, str], str] = {}
    for sid, source in sorted(corpus.sources.items()):
        keys = []
        if real_link(source.url) and source.url:
            keys.append(("url", norm_url(source.url)))
            if is_doi_link(source.url):  # a DOI given as its link
                keys.append(("identifier", canonical(source.url)))
        if source.identifier:
            keys.append(("identifier", canonical(source.identifier)))
        for kind, key in keys:
            if (kind, key) in first_by:
                pairs.append((first_by[(kind, key)], sid, f"same {kind}"))
                break
            first_by[(kind, key)] = sid
    by_title: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sid, source in sorted(corpus.sources.items()):
        if source.title:
            by_title[(norm_name(source.title), norm_name(source.publisher or ""))].append(sid)
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
    if real_link(sa.url) and real_link(sb.url) and norm_url(sa.url or "") != norm_url(sb.url or ""):
        return False
    if sa.identifier and sb.identifier and canonical(sa.identifier) != canonical(sb.identifier):
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
    return {max(norm_name(p).split(), key=len) for p in people if norm_name(p)}


def source_groups(corpus: Corpus) -> dict[str, str]:
    """Each source's group of mutually dependent sources: duplicates of one work, and a
    source together with the sources it relays (`reports`)."""
    groups = corpus.derived.get("source_groups")
    if groups is None:
        union = Union()
        for sid in corpus.sources:
            union.find(sid)
        for first, later, _ in duplicate_pairs(corpus):
            union.join(first, later)
        for sid, source in corpus.sources.items():
            for other in source.reports:
                if other in corpus.sources:
                    union.join(sid, other)
        groups = {sid: union.find(sid) for sid in corpus.sources}
        corpus.derived["source_groups"] = groups
    return groups


def independent_sources(
    corpus: Corpus, claim: ClaimRow, sources: Sequence[Source] | None = None
) -> int:
    """How many independent sources a claim rests on (footnotes citing one source count
    once; a source that relays another is not independent of it). `sources`: the claim's
    sources, when the caller has them already."""
    groups = source_groups(corpus)
    found = corpus.sources_of(claim) if sources is None else sources
    return len({groups[s.id] for s in found if s.id in groups})


def is_self(corpus: Corpus, claim: ClaimRow, source: Source) -> bool:
    """Whether a source is the claim's own document: the same address, or the same title
    and publisher in the same year (an earlier edition of a report is another work)."""
    doc = corpus.documents.get(claim.document)
    if doc is None:
        return False
    if real_link(doc.url) and real_link(source.url):
        return norm_url(doc.url or "") == norm_url(source.url or "")
    if not source.title or norm_name(source.title) != norm_name(doc.title):
        return False
    if norm_name(source.publisher or "") != norm_name(doc.publisher or ""):
        return False
    when, doc_when = source_dates(corpus).get(source.id), corpus.document_dates.get(doc.id)
    if when is None or doc_when is None or when.start is None or doc_when.start is None:
        return when is None and doc_when is None
    return when.start.year == doc_when.start.year
