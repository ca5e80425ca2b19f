"""Who a sentence says said it, and how the document stands to it.

`according to X`, `X said/stated/noted … that`, `X's figures show`: X is the claimant. A
verb of denial makes the claim a denial; a claim put in someone else's mouth, or one the
document says was reported, alleged or speculated, is reported rather than asserted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SAYING = (
    r"said|says|stated|states|noted|notes|estimated|estimates|claimed|claims|reported|reports|"
    r"told|announced|announces|indicated|indicates|wrote|writes|maintained|maintain|argued|"
    r"asserted|added|confirmed|confirms|warned|suggested|declared|insisted|acknowledged|"
    r"admitted|alleged|has said|have said|has stated|has claimed|have claimed"
)
_DENYING = (
    r"denied|denies|refuted|refutes|rejected|rejects|dismissed|dismisses|has refuted|has denied"
)
# A name: up to ten words, capitalised or small (`the head of the Federal Security Service`).
_WHO = (
    r"((?:[A-Z][\w’'.-]*|the|of|and|for|de|von|[a-z]+(?:'s|’s)?)"
    r"(?: (?:[A-Z][\w’'.()-]*|the|of|and|for|de|von|on|[a-z]+(?:'s|’s)?)){0,9}?)"
)

_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording to|[Aa]s (?:noted|stated|reported|said|estimated|claimed) by) "
    r"(?:the )?([^,.;]+?)(?: in an? [^,.;]+)?(?:,|\.|;|$)"
)
_FIGURES = re.compile(
    r"\b(" + r"[A-Z][^,;]{1,80}?)(?:'s|’s) (?:figures|data|estimates?|count) show"
)
_VERB = re.compile(
    r"(?:^|, |; |\bthat |\bbut |\band )"
    + _WHO
    + r",? (?:has |have |had )?(?:also )?("
    + _SAYING
    + "|"
    + _DENYING
    + r")\b"
)
#: Every `_VERB` holds one of these words: a sentence without one is not searched for it.
_VERB_WORD = re.compile(_SAYING + "|" + _DENYING)
_REPORTED = re.compile(
    r"\b(?:reportedly|allegedly|were reported|was reported|is reported|are reported|"
    r"it has been (?:speculated|reported|claimed|suggested)|reports? (?:say|said|suggest))\b",
    re.IGNORECASE,
)
_DENIED = re.compile(
    r" ((?:media |press |news |earlier |the )?"
    r"(?:reports|claims|allegations|rumou?rs|suggestions)) that"
)
_DENIAL = re.compile(r"\b(?:" + _DENYING + r")\b")
# Words before a name that say what the person is, not who: `scholar Mark Galeotti`.
_LEADING = re.compile(
    r"^(?:the|a|an|however|then|also|and|but|later|scholar|researcher|analyst)\s+", re.IGNORECASE
)
# Words that begin a clause, not a name: `Even this number was reported`.
_NOT_A_NAME = re.compile(
    r"^(?:On|In|By|Since|As|During|After|Before|Even|This|That|These|Those|It|Its|He|She|They|"
    r"We|There|Here|Such|Some|Many|Most|All|No|Thus|However|Also|When|While|If)\b"
)


@dataclass(frozen=True)
class Attribution:
    """Who said it (None: the document itself), and the stance the document reports."""

    claimant: str | None
    stance: str
    how: str
    #: Who made what a denial denies, when the sentence names them (`denied reports that`).
    denied: str | None = None
    #: Where the verb of saying or denying stands, when a verb names the claimant.
    verb: tuple[int, int] | None = None


def attribute(sentence: str) -> Attribution:
    """Read the claimant and the stance from one sentence."""
    if found := _ACCORDING.search(sentence):
        who = _clean(found.group(1))
        if who:
            return Attribution(who, "reports", f"'{found.group(0).rstrip(',.;')}'")
    if " show" in sentence and (found := _FIGURES.search(sentence)):
        who = _clean(found.group(1))
        if who:
            return Attribution(who, "reports", f"'{who}'s figures'")
    verbs = _VERB.finditer(sentence) if _VERB_WORD.search(sentence) else ()
    for found in verbs:
        who = _clean(found.group(1))
        if not who or not _names_someone(who):
            continue
        verb = found.group(2)
        at = found.span(2)
        if _DENIAL.fullmatch(verb.split()[-1]):
            what = _DENIED.match(sentence, found.end())
            denied = what.group(1) if what else None
            return Attribution(who, "denies", f"'{who} {verb}'", denied, at)
        return Attribution(who, "reports", f"'{who} {verb}'", verb=at)
    if _REPORTED.search(sentence):
        return Attribution(None, "reports", "'reported' without a name")
    return Attribution(None, "asserts", "the document's own words")


def _clean(who: str) -> str:
    who = who.strip(" ,")
    while (shorter := _LEADING.sub("", who)) != who:
        who = shorter
    return who


def _names_someone(who: str) -> bool:
    """A claimant is named (`Officials`, `Russia's Federal Security Service`), not a clause."""
    if _NOT_A_NAME.match(who):
        return False
    words = who.split()
    if len(words) > 8:
        return False
    return who[0].isupper() or words[-1] in {"officials", "authorities", "analysts", "experts"}
