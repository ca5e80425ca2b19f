"""The table of citation checks, and the findings they make.

Each check has a stable code, a level and a documentation entry in `CHECKS`, the one place
codes are described (`factcheck check --explain CODE` and docs/checks.md come from it).
A `Finding` is one problem a check found; `select` keeps the findings of some codes at or
above a level.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from rapidfuzz import process

from factcheck.errors import UsageError

if TYPE_CHECKING:
    from factcheck.corpus import Location


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
        "FC107",
        Level.error,
        "input of a derivation not defined",
        "A claim says it was worked out from a claim (`derived_from`) that is not defined, so "
        "its reasoning cannot be followed.",
        "Correct the claim id, or record the claim it was worked out from.",
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
        "(unless it is a forecast). Unless both give a time of day, a day either way is "
        "allowed: a date without a time zone may be a day off, as with a wire story dated in "
        "New York on the eve of an event in a country hours ahead. References that support a "
        "whole paragraph (`for_paragraph`) are judged together: only when none of them can "
        "report the event.",
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
        "time runs on long after its only source",
        "The claim describes a time that ends more than two years after the date of the one "
        "source it rests on, so the source cannot speak for the later part of it. A source "
        "later than the time it describes is not flagged: histories and retrospective reports "
        "look back.",
        "Check that the source covers the whole time the claim gives, or add a later source.",
    ),
    Check(
        "FC307",
        Level.warning,
        "source dated otherwise than its link",
        "The source's link holds a day (`/2021/03/17/`, `2021-03-17`, `20210317`) more than a "
        "day from the date given for the source. A month folder (`/2021/03/`) only shows the "
        "item was online by the end of that month, so only a later date disagrees with it.",
        "Check the source's date against the page; an updated page may show two dates.",
    ),
    Check(
        "FC308",
        Level.warning,
        "claim dates the work it cites otherwise",
        "The claim gives the date of the very work it cites (its property has "
        "`dates_cited_work`: 'we publish our first estimate on 14 March', linked to that "
        "estimate), and the work's date, or the date its link holds, is more than a day "
        "away. When it cites several works, one that agrees or gives no date is enough.",
        "Check which is right: the claim's date, the work's date or the link.",
    ),
    Check(
        "FC401",
        Level.warning,
        "source without a link",
        "A published source gives neither a link nor an identifier, nor a full reference "
        "(title, date, and author or publisher) by which a library finds a book or a print "
        "article, so a reader cannot find it. Interviews are exempt.",
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
        "FC403",
        Level.warning,
        "identifier with a wrong check digit or form",
        "The source's ISBN or ISSN fails its check digit or length, or its DOI is not of the "
        "form 10.<registrant>/<suffix>, so it leads nowhere or to another work. Identifiers "
        "are checked when they say what they are (`ISBN …`, `ISSN …`, `doi:…`, a doi.org "
        "link, `10.…`) or are thirteen digits starting 978 or 979.",
        "Copy the identifier again from the work itself.",
    ),
    Check(
        "FC404",
        Level.note,
        "web page without an access date or an archived copy",
        "The source is a web page cited by its address alone. Pages move, die and change; "
        "without the date it was read (`accessed`) or an archived copy (`archive_url`), a "
        "reader of an old footnote cannot tell what it said. Links that are snapshots or "
        "persistent identifiers (an archive, a DOI, a handle), stable catalogue entries of "
        "printed works (JSTOR, Google Books, HathiTrust, PubMed, arXiv) and sources with an "
        "identifier are exempt.",
        "Add `accessed`, and an `archive_url` (the Wayback Machine, archive.today, Perma.cc).",
    ),
    Check(
        "FC405",
        Level.warning,
        "wiki or encyclopedia page without a permanent link",
        "A wiki page or online encyclopedia entry is cited by its address, whose content is "
        "rewritten from day to day: what the claim rests on may no longer be there. A link to "
        "one revision (`oldid=`, `Special:PermanentLink`) or an archived copy keeps it.",
        "Link the revision that was read, or add an `archive_url`.",
    ),
    Check(
        "FC406",
        Level.warning,
        "archived link that pins no copy",
        "The link to a web archive lists every capture of a page (the Wayback Machine's "
        "`/web/*/…`, archive.today's `archive.today/<address>`) instead of naming one (a "
        "timestamp, a short id): which copy the citation read is lost, and the newest capture "
        "may say something else.",
        "Link the capture that was read: open the list and copy that capture's address.",
    ),
    Check(
        "FC407",
        Level.note,
        "bare link",
        "The source gives a link and nothing else a reader can recognise it by: neither title "
        "nor date. When the link dies, nothing is left to find the work by.",
        "Add the title and date of the page or document the link leads to.",
    ),
    Check(
        "FC501",
        Level.warning,
        "claim cites nothing",
        "The claim has no footnote and no source, or only footnotes that name no source (an "
        "empty marker, a note that explains without citing), so it cannot be traced.",
        "Cite the footnote or source the claim comes from; if it is the document's own "
        "derivation or opinion, say so with `own` (then it is FC504, a note).",
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
        "FC504",
        Level.note,
        "claim is the document's own reasoning",
        "The claim is the document's own derivation or opinion (`own`), so it cites nothing "
        "of its own: a derivation is as good as the claims it was worked out from, which the "
        "message names with the independent sources they rest on.",
        "Name the inputs of a derivation in `derived_from`; nothing to fix otherwise.",
    ),
    Check(
        "FC505",
        Level.note,
        "claim cited elsewhere in its document",
        "The claim cites nothing where it stands, but another claim of its document gives an "
        "agreeing value for the same subject, property and scope, and cites a source: a lead, "
        "an infobox or a summary restating what the body cites.",
        "Nothing, if the restatement is meant; otherwise repeat the citation.",
    ),
    Check(
        "FC601",
        Level.warning,
        "word mixes alphabets",
        "A word mixes Cyrillic and Latin letters that look alike; search and matching "
        "miss it, and it is usually a transcription slip.",
        "Retype the word in one alphabet.",
    ),
    Check(
        "FC701",
        Level.error,
        "source retracted or withdrawn",
        "The source is on the list of retracted or withdrawn works given with `--retracted` "
        "(matched by DOI, link or a title of at least four words). Its findings no longer "
        "stand, and whatever rests on it needs another source.",
        "Remove the citation or replace it; if the retraction is itself the point, say so in "
        "the text.",
    ),
    Check(
        "FC702",
        Level.warning,
        "claim rests on a retracted work",
        "The claim cites a retracted or withdrawn work, or a source that relays it or records "
        "it again. The message says how many independent sources the claim has left.",
        "Find a source that does not rest on the retracted work, or drop the claim.",
    ),
    Check(
        "FC801",
        Level.warning,
        "claim rests only on unreliable or deprecated publishers",
        "Every source of the claim comes from a publisher that the list given with "
        "`--reliability` rates generally unreliable or deprecated.",
        "Find a source from a publisher rated better, or attribute the claim in the text.",
    ),
)
BY_CODE = {check.code: check for check in CHECKS}


@dataclass(frozen=True, slots=True)
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


def found(code: str, where: Location | None, record: str, message: str) -> Finding:
    check = BY_CODE[code]
    return Finding(
        code,
        check.level,
        where.file if where else None,
        where.line if where else None,
        record,
        message,
    )


def select(
    findings: Iterable[Finding], *, codes: Iterable[str] = (), min_level: Level = Level.note
) -> list[Finding]:
    """Findings of the given codes (all when none) at or above a level."""
    wanted = {explain(c).code for c in codes}
    return [
        f for f in findings if (not wanted or f.code in wanted) and f.level.rank >= min_level.rank
    ]
