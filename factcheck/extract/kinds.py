"""The kind of a cited work (media, government, court, interview, report, academic,
encyclopedia, NGO), read from the shape of its citation and the type words of the names in
it, never from a list of particular outlets or organisations: a new user's documents cite
others.

A kind is drafted only where the evidence says it; a wrong kind misleads the citation checks
and the weighing of sources more than a missing one, which the user fills in. The evidence,
strongest first (the first that speaks decides):

1. **interview**: the note says the words were spoken to or written for the author
   (`interview with`, `interviewed by`, `personal communication`, `in conversation with`),
   and cites no quoted title beside them;
2. **encyclopedia**: `encyclopedia` in the publisher or the words of the note outside a
   quoted title (`in Encyclopaedia of Rivers`), or a link to Wikipedia;
3. **court**: the note opens with a case name (`Smith v. Jones`), gives a case or
   application number, ECLI or `judgment of`, or a `Court` or `Tribunal` published it;
4. **report**: the work says it is one: a report number (`Report No 11`, `Working Paper
   No. 3`) or a title that names its genre (`Annual Report 2023`, `Report of the …`,
   `Country of Origin Information`, `Policy Brief`). A ministry's or an NGO's report is a
   report: the publisher's kind shows in its name already;
5. **government**: a state body's type word in the publisher or author (`Ministry`,
   `Department of`, `Government`, `Parliament`, `Embassy`, `Office of the`, `Agency for`)
   or an official host (`.gov`, `.gov.uk`, `.gouv.fr`, `.mil`, `.gc.ca`, `europa.eu`;
   not `.int`, which international courts share with other bodies): a statement, press
   release, law or web page of the state;
6. **academic**: `University`, `Journal of`, `Proceedings of`, a thesis, or a university's
   host (`.edu`, `.ac.uk`);
7. **media**: a newspaper's or broadcaster's type word in the publisher (`Times`, `News`,
   `Post`, `Herald`, `Gazette`, `Tribune`, `Daily`, `Radio`, `Television`, `Magazine`);
8. **ngo**: `Human Rights` or `non-governmental` in the name of a body none of the above;
9. **media** again, by the shape of a newspaper article: `[Author,] “Title,” Outlet, 7 May
   2019` (Chicago) or `Author. “Title.” Outlet, 7 May 2019` (MLA): a quoted title, then the
   outlet, then a date to the day; not when the outlet's name says it is an organisation of
   another sort (`Institute`, `Foundation`, `Inc.` …) or stands in the title (a body's
   news of itself), nor for a press release, a blog or a publication page (told by the
   link's path or query, or the title).

A work that matches none stays without a kind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from factcheck.extract.words import MONTH
from factcheck.links import host as link_host

_WORDS = re.IGNORECASE

#: Words that say the author was spoken to, not read.
_SPOKEN = re.compile(
    r"\binterview(?:s|ed)?\s+(?:with|by)\b|\bpersonal communications?\b"
    r"|\bin conversation with\b|\b(?:telephone|phone|online|video) interview\b"
    r"|\bcorrespondence with the authors?\b",
    _WORDS,
)
_ENCYCLOPEDIA = re.compile(r"enc[iy]cl[oa]p(?:a?e|æ|é)di[ae]|enzyklop[äa]die", _WORDS)
_ENCYCLOPEDIA_HOST = re.compile(r"(?:^|\.)wikipedia\.org$")
#: A case name opening the citation: `Smith v. Jones`, `R v Smith`, `Case of A and B v. C`.
_CASE_NAME = re.compile(
    r"^(?:(?:The )?Case of )?[A-Z][\w.'’&-]*(?:,? (?:[A-Z][\w.'’&()-]*|of|the|and|de|du|la|for))*"
    r" v\.? (?:[A-Z]|the )"
)
_CASE_WORDS = re.compile(
    r"\bcase no\.|\bcase nos?\.? \d|\bapplication nos?\.|\bECLI:|\bjudgment of\b"
    r"|\bcase [CT]-\d",
    _WORDS,
)
#: A court or tribunal as publisher (capitalised: `Court` is also a surname, in an author).
_COURT = re.compile(r"\b(?:Court|Tribunal)s?\b")
_REPORT_NUMBER = re.compile(
    r"^(?:Report|Working Paper|Research Paper|Discussion Paper|Policy Brief|Briefing Paper"
    r"|Briefing|Paper)\s+No\b",
    _WORDS,
)
_GENRE_WORDS = (
    r"Annual|Country|Final|Special|Interim|Progress|Thematic|Situation|Mission|Fact[- ]Finding"
    r"|Technical|Research|Status|Global|World|Monitoring|Periodic|Investigative"
)
#: A title naming its genre. `Report` itself only as a genre (`Annual Report`, `Report of
#: the …`, a title ending in it), never `Report:` opening a headline.
_REPORT_TITLE = re.compile(
    rf"\b(?:{_GENRE_WORDS}) Reports?\b|^(?:the |\d{{4}} )?Report (?:of|on|to|by|for|from)\b"
    r"|\bReport(?: \d{4}(?:\s*[-–/]\s*\d{2,4})?)?[.,]?$"
    r"|\bCountry of Origin Information\b|\bCOI (?:Report|Focus|Query|Note|Update)\b"
    r"|\b(?:Working|Research|Discussion|Background|White|Briefing|Policy) Paper\b"
    r"|\b(?:Policy|Issue) Brief\b|\bBriefing Note\b|\bFact-Finding Mission\b",
)
#: Type words of a state body. `Office of` only where no law firm is meant; `Agency for`
#: (an agency of the state) but not a news or press agency, which `News` or `Press` names.
_GOVERNMENT = re.compile(
    r"\bMinist(?:ry|er|ère|erio|erium|ero|erstvo)\b|\bDepartment (?:of|for)\b|\bGovernment\b"
    r"|\bParliament(?:ary)?\b|\bSenate\b|\bCongressional\b|\bHouse of (?:Commons|Lords"
    r"|Representatives)\b|\bEmbass(?:y|ies)\b|\bConsulate\b|\bPrime Minister\b"
    r"|(?<!Law )(?<!Law Offices )\bOffice (?:of|for) the\b|\bOffice for\b"
    r"|\b(?<!News )(?<!Press )Agency for\b|\bFederal (?:Office|Agency|Ministry|Service|Bureau)\b"
    r"|\b(?:Migration|Immigration) (?:Agency|Board|Service|Office)\b|\bGeneral Staff\b"
    r"|\bArmed Forces\b|\bOfficial (?:Gazette|Journal)\b",
)
_GOVERNMENT_HOST = re.compile(
    r"(?:^|\.)(?:gov|mil)(?:\.[a-z]{2})?$|(?:^|\.)(?:gouv|gob|govt|go|gv)\.[a-z]{2}$"
    r"|(?:^|\.)gc\.ca$|(?:^|\.)europa\.eu$"
)
_ACADEMIC = re.compile(
    r"\bUniversit(?:y|ies|ät|é|à|ad|eit|et)\b|\bU\.\s?P\.|\bJournal (?:of|for)\b"
    r"|\bProceedings of\b|\bAnnals of\b",
)
_THESIS = re.compile(r"\b(?:master[’']?s|doctoral|PhD|Ph\.D\.) (?:thesis|dissertation)\b", _WORDS)
_ACADEMIC_HOST = re.compile(r"(?:^|\.)edu(?:\.[a-z]{2})?$|\.ac\.[a-z]{2}$")
#: Type words of newspapers and broadcasters, in several languages. `Post` not before a
#: hyphen (`Post-Soviet Affairs` is a journal).
_MEDIA = re.compile(
    r"\b(?:Times|News|Herald|Gazette|Gazeta|Gazzetta|Tribune|Daily|Radio|Television|TV"
    r"|Broadcasting|Broadcaster|Magazine|Newspaper|Chronicle|Telegraph|Zeitung|Dziennik"
    r"|Novosti|Noticias|Notizie)\b|\bPost\b(?!-)|\b(?:News|Press) Agency\b|\w+news\b",
)
_NGO = re.compile(r"\bHuman Rights\b|\bnon-?governmental\b|\bNGOs?\b", _WORDS)
#: Words of a state body that may also carry `Human Rights` (a commission, an ombudsman).
_OFFICIAL = re.compile(
    r"\b(?:Council|Commission|Commissioner|Committee|Ombuds(?:man|person)|Office|Rapporteur"
    r"|Institution|Mission|United Nations|UN)\b",
)
#: Names of organisations that are not news outlets: an article-shaped citation of one is
#: a statement, commentary or blog post of that body, whose kind the shape does not tell.
_NOT_AN_OUTLET = re.compile(
    r"\b(?:International|Institute|Institution|Foundation|Cent(?:re|er)|Council|Committee"
    r"|Commission|Association|Society|Federation|Project|Watch|Coalition|Alliance"
    r"|Organi[sz]ation|Forum|Fund|Trust|Initiative|Union|League|Group|Inc|Ltd|LLC|LLP"
    r"|GmbH|Corporation|Corp|Company|Law|Bank|Party|Church|Agency|Endowment|Program(?:me)?"
    r"|Partners|Consulting|Solutions|Blog|Journal|Quarterly|Bulletin|Studies|Proceedings)\b",
)
#: Parts of a link's path that say the page is not an article of the press: a press release,
#: a blog, an organisation's publications or research, a user's page (`/@name`, `/~name`).
_NOT_AN_ARTICLE_PATH = re.compile(
    r"/(?:press|press-?releases?|news-?releases?|releases?|blogs?|publications?|research"
    r"|reports?|commentary|analysis|policy|briefings?|statements?)(?:/|$)|/[@~]|blog",
    _WORDS,
)
_NOT_AN_ARTICLE_TITLE = re.compile(
    r"^(?:press release|news release|media release|statement|joint statement|open letter"
    r"|joint open letter)\b",
    _WORDS,
)
#: A date to the day, as newspapers are dated.
_DAY = re.compile(rf"^(?:\d{{1,2}} {MONTH} \d{{4}}|{MONTH} \d{{1,2}}, \d{{4}}|\d{{4}}-\d\d-\d\d)$")
_QUOTE = '“"”'


def kind_of(text: str, fields: Mapping[str, str]) -> str | None:
    """The kind of the work `fields` describe, read from the citation `text` (its links
    taken out) and the fields; None where the citation does not show it."""
    publisher = fields.get("publisher", "")
    author = fields.get("author", "")
    title = fields.get("title", "")
    names = f"{publisher} | {author}"
    url = fields.get("url", "")
    where = link_host(url) if url and "." in url else ""
    outside = _outside_quotes(text)
    if outside == text and _SPOKEN.search(text):
        # Not beside a quoted title: there `interview by` may name a broadcast interview
        # of another work the note cites without a `;` between them.
        return "interview"
    # The words outside a quoted title name the container (`in Encyclopaedia of …`).
    container = f"{publisher} {outside if text else title}"
    if _ENCYCLOPEDIA.search(container) or _ENCYCLOPEDIA_HOST.search(where):
        return "encyclopedia"
    if _CASE_NAME.match(text.strip()) or _CASE_WORDS.search(outside) or _COURT.search(publisher):
        return "court"
    if _REPORT_NUMBER.match(fields.get("identifier", "")):
        return "report"
    # A title naming a report is a report, the state's too; but not a newspaper's article
    # about one (`Senate Releases Torture Report,” Daily Ledger, 4 May 2015`).
    article = _article_shaped(text, fields)
    # `Department of History, University of …` is a university's, not the state's.
    official = bool(
        (_GOVERNMENT.search(names) and not _ACADEMIC.search(names))
        or _GOVERNMENT_HOST.search(where)
    )
    news = _MEDIA.search(publisher) or (article and not official)
    if _REPORT_TITLE.search(title.strip(" .,")) and not news:
        return "report"
    if official:
        return "government"
    if _ACADEMIC.search(names) or _THESIS.search(text) or _ACADEMIC_HOST.search(where):
        return "academic"
    if _MEDIA.search(publisher):
        return "media"
    if _NGO.search(names) and not _OFFICIAL.search(names):
        return "ngo"
    return "media" if article else None


def kind_of_template(named: Mapping[str, str], fields: Mapping[str, str]) -> str | None:
    """The kind of a work cited by a template whose name does not say it (`cite web`):
    by the field that names its container (`newspaper=`, `journal=`), else by the type
    words and link of its fields."""
    if named.get("newspaper") or named.get("magazine"):
        return "media"
    if named.get("journal"):
        return "academic"
    if named.get("encyclopedia"):
        return "encyclopedia"
    return kind_of("", fields)


def _outside_quotes(text: str) -> str:
    """The citation without its quoted title: words of a title say what the work is about,
    not what it is (`“An Interview with the Minister,” Daily Ledger`)."""
    return re.sub(rf"[{_QUOTE}][^{_QUOTE}]*[{_QUOTE}]", " ", text)


def _has_word(text: str, words: str) -> bool:
    """Whether `words` stand in `text` between word boundaries, as `\\bwords\\b` finds them."""
    at = text.find(words)
    while at >= 0 and words:
        end = at + len(words)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if _wordy(before) != _wordy(words[0]) and _wordy(after) != _wordy(words[-1]):
            return True
        at = text.find(words, at + 1)
    return False


def _wordy(char: str) -> bool:
    return char.isalnum() or char == "_"


def _article_shaped(text: str, fields: Mapping[str, str]) -> bool:
    """`[Author,] “Title,” Outlet, 7 May 2019`: a quoted title that the citation opens with
    (or its author does), then the outlet, then a date to the day; no report number, no
    `(Place: Publisher, Year)`. An organisation citing itself (`Body, “Title,” Body, date`)
    or a body of another sort as the outlet is not read as the press."""
    title, publisher, date = fields.get("title"), fields.get("publisher"), fields.get("date")
    if not (title and publisher and date and _DAY.match(date)) or "identifier" in fields:
        return False
    if re.search(r"\([^()]*:[^()]*\)", text):
        return False  # `(Place: Publisher, Year)`: a book's or a report's imprint
    # Plain string searches, not patterns made of the note's words: a pattern for each
    # note would be compiled anew each time (thousands of notes overflow re's cache).
    found = [at for q in _QUOTE if (at := text.find(q + title[:40])) >= 0]
    outlet = publisher.split(",")[0].strip()
    if not found or text.find(outlet) < min(found) + 1 + len(title[:40]):
        return False  # the outlet is named before the title: a body's own publication
    if _NOT_AN_OUTLET.search(f"{publisher} | {fields.get('author', '')}"):
        return False
    if _NOT_AN_ARTICLE_TITLE.search(title) or _has_word(title, outlet):
        return False  # a press release, or a body's news of itself (`… Welcomes at Body`)
    url = fields.get("url", "")
    try:
        parts = urlsplit(url.strip() if "//" in url else f"//{url.strip()}")
    except ValueError:
        return True
    # `?p=123` is how a WordPress blog addresses a post.
    blog = re.search(r"(?:^|&)p=\d+(?:&|$)", parts.query)
    return not (blog or _NOT_AN_ARTICLE_PATH.search(f"{link_host(url)}{parts.path}"))
