"""Statuses a sentence states: whether something is in force, allowed, required, open, likely,
or whether some people can do something.

A status is a value in words, one of two opposite categories of a property: `the decree
remains in force` and `the decree was lifted` say opposite things of one property (whether
the decree is in force); `is not in force` and `is no longer valid` say the second. Three
shapes are read, each on its own clause:

- a linking verb and a status word: `X is / was / remains / has been (not, no longer) W`;
- a verb that changes a status, with its object: `lifted the ban`, `banned the party`;
- what people may not do: `X cannot / may not / are not allowed to V` (and `can still V`,
  `are allowed to V`): a property of its own for the verb, `whether X can V`.

The thing the status is of is the head of the words before the verb (`only reserve
servicemen are subject to …` → servicemen); where that is a pronoun (`it is required`) the
sentence is not drafted, since its property could not be named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.words import one_spelling


@dataclass(frozen=True)
class StatusFamily:
    """Two opposite categories and the words that say each."""

    key: str
    #: How the property's name asks it: `whether the decree is {question}`.
    question: str
    yes: str
    no: str
    yes_words: tuple[str, ...]
    no_words: tuple[str, ...]
    #: Words of `no_words` and `yes_words` that are also verbs taking the thing as object.
    verbs: tuple[str, ...] = ()
    #: The words take an object that the status is about (`subject to conscription`): a
    #: property of its own for each object.
    takes_object: bool = False
    #: The first category is a state that lasts, read only where the words say it lasts and
    #: written so (`remain imprisoned`, `still in custody`): `were detained` tells of an
    #: arrest, an event reports count, not of a state.
    lasting: bool = False

    def statuses(self, obj: str = "") -> dict[str, list[str]]:
        """The property's categories: each with its words, and the other's words negated."""
        yes = tuple(f"{w} {obj}".strip() for w in self.yes_words)
        no = tuple(f"{w} {obj}".strip() for w in self.no_words)
        kept = [f"{k} {w}" for w in yes for k in LASTING] if self.lasting else []
        return {
            f"{self.yes} {obj}".strip(): [*_with_negations(yes, no), *kept],
            f"{self.no} {obj}".strip(): _with_negations(no, yes),
        }


#: How a state that lasts is written before its word (`remain imprisoned`).
LASTING = ("still", "remain", "remains", "remained", "stay", "stays", "stayed")


#: Words that turn a status into its opposite, as a value writes them (`not yet` and `never`
#: are written `not`, so that a category lists two negations of each word, not four).
NEGATIONS = ("not", "no longer")


def _with_negations(words: tuple[str, ...], opposite: tuple[str, ...]) -> list[str]:
    return [*words, *(f"{n} {w}" for w in opposite for n in NEGATIONS)]


STATUS_FAMILIES: tuple[StatusFamily, ...] = (
    StatusFamily(
        "in-force",
        "in force",
        "in force",
        "not in force",
        ("in force", "in effect", "valid", "in place"),
        (
            "lifted",
            "suspended",
            "paused",
            "replaced",
            "superseded",
            "repealed",
            "revoked",
            "rescinded",
            "annulled",
            "abolished",
            "cancelled",
            "canceled",
            "invalid",
            "expired",
        ),
        verbs=(
            "lifted",
            "repealed",
            "revoked",
            "rescinded",
            "annulled",
            "abolished",
            "cancelled",
            "suspended",
            "replaced",
            "superseded",
        ),
    ),
    StatusFamily(
        "allowed",
        "allowed",
        "allowed",
        "banned",
        ("allowed", "permitted", "legal", "lawful", "legalised", "legalized"),
        (
            "banned",
            "prohibited",
            "forbidden",
            "illegal",
            "outlawed",
            "criminalised",
            "criminalized",
            # A party, a society, a union: it may no longer act.
            "dissolved",
            "disbanded",
        ),
        verbs=(
            "banned",
            "prohibited",
            "outlawed",
            "legalised",
            "legalized",
            "criminalised",
            "dissolved",
            "disbanded",
        ),
    ),
    StatusFamily(
        "required",
        "required",
        "required",
        "not required",
        ("required", "mandatory", "compulsory", "obligatory", "needed"),
        ("optional", "voluntary", "unnecessary"),
    ),
    StatusFamily(
        "subject-to",
        "subject to",
        "subject to",
        "exempt from",
        ("subject to", "liable to", "liable for", "eligible for"),
        ("exempt from", "exempted from", "ineligible for"),
        takes_object=True,
    ),
    StatusFamily(
        "open",
        "open",
        "open",
        "closed",
        ("open", "reopened"),
        ("closed", "shut", "sealed"),
    ),
    StatusFamily(
        # A purchase, a merger, a review, a rule: not yet done, or done.
        "pending",
        "pending",
        "pending",
        "completed",
        ("pending",),
        ("completed", "finalised", "finalized"),
        verbs=("completed", "finalised", "finalized"),
    ),
    StatusFamily(
        # People held by an authority, or let go: `remain imprisoned`, `were freed`.
        "detained",
        "detained",
        "detained",
        "released",
        (
            "detained",
            "imprisoned",
            "jailed",
            "incarcerated",
            "in detention",
            "in custody",
            "in prison",
            "in jail",
            "behind bars",
        ),
        ("released", "freed"),
        lasting=True,
    ),
    StatusFamily(
        "likely",
        "likely",
        "likely",
        "unlikely",
        ("likely", "expected", "planned", "probable"),
        ("unlikely", "improbable", "ruled out"),
    ),
)

#: A verb that links the thing to its status (`is`, `remains`, `has been`, `will be`).
_LINK = (
    r"is|are|was|were|remains?|remained|stays?|stayed|be|been|becomes?|became|"
    r"isn[’']t|aren[’']t|wasn[’']t|weren[’']t"
)
_ADVERBS = (
    r"still|now|currently|already|officially|formally|legally|effectively|temporarily|"
    r"technically|also|generally|largely|thus|therefore|then|again|fully|partly|partially"
)
_NEGATION = r"not yet|not|no longer|never"


def _words_pattern(words: list[str]) -> str:
    # Longest first, so that a word is not cut short by another that begins it.
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_STATUS_WORDS = {w: f for f in STATUS_FAMILIES for w in (*f.yes_words, *f.no_words)}
_VERB_WORDS = {w: f for f in STATUS_FAMILIES for w in f.verbs}
_LINKED = re.compile(
    rf"\b(?P<link>{_LINK})(?:\s+(?:{_ADVERBS}))*(?:\s+(?P<neg>{_NEGATION}))?"
    rf"(?:\s+(?:{_ADVERBS}))*\s+[‘'\"“]?(?P<word>{_words_pattern(list(_STATUS_WORDS))})\b"
    # `expected to attend`, `planned to be mobilised`: a duty or an intention, not a prospect.
    r"(?!(?<=expected)\s+to\s)(?!(?<=planned)\s+to\s)"
    # `open to question`, `legal advice`, `valid passport`: not a status of the thing.
    r"(?!\s+(?:to\s+(?:question|debate|interpretation|doubt|discussion)|advice|aid|system|"
    r"status|framework|basis|grounds|age|proceedings|action|experts?)\b)"
    # `detained pending trial`, `pending the outcome`: a word of time before what it waits
    # for, not a status; `pending before the court`, `pending since May` are.
    r"(?!(?<=pending)\s+(?!(?:before|in|at|on|since|for|until|with|and|or|but)\b)[^\W\d_])"
    # `the report was released`, `funds were freed up`: what is let out is a person only
    # where it is let out of a place of detention, or on bail.
    r"(?!(?<=released)(?!\s+(?:from\s+(?:prison|jail|custody|detention|captivity)|"
    r"on\s+(?:bail|parole)|without\s+charge)\b))(?!(?<=freed)\s+up\b)"
    # `in place of`, `suspended from the ceiling`: no status.
    r"(?!(?<=in place)\s+of\b)(?!(?<=suspended)\s+(?:from|above|over|between)\b)"
    r"(?P<object>\s+(?!the\b|a\b|an\b)[^\W\d_][\w-]*)?",
    re.IGNORECASE,
)
_ACTIVE = re.compile(
    rf"\b(?P<word>{_words_pattern(list(_VERB_WORDS))})\s+"
    r"(?:the|a|an|its|their|his|her|this|that|these|those|all|several|various|numerous)\s+"
    r"(?P<object>[\w’'-]+(?:\s+[\w’'-]+){0,3})",
    re.IGNORECASE,
)
#: Verbs of what a law or an authority allows or bars people to do, with their forms after
#: `from` (`barred from leaving`). `cannot`, `can no longer`, `may not` say what is possible
#: as often as what is allowed (`cannot win`, `could not contain`): they are read only before
#: one of these.
_DEEDS = {
    "leave": "leaving",
    "travel": "travelling",
    "enter": "entering",
    "return": "returning",
    "exit": "exiting",
    "cross": "crossing",
    "work": "working",
    "vote": "voting",
    "study": "studying",
    "own": "owning",
    "marry": "marrying",
    "register": "registering",
    "apply": "applying",
    "appeal": "appealing",
    "obtain": "obtaining",
    "renew": "renewing",
    "access": "accessing",
    "reside": "residing",
    "stay": "staying",
    "settle": "settling",
    "visit": "visiting",
    "publish": "publishing",
    "protest": "protesting",
    "assemble": "assembling",
    "worship": "worshipping",
}
_GERUNDS = {g: v for v, g in _DEEDS.items()} | {"traveling": "travel", "worshiping": "worship"}
_PASSIVE_DEEDS = (
    r"be (?:called up|drafted|mobili[sz]ed|conscripted|deported|expelled|extradited|detained|"
    r"arrested|discharged|released|demobili[sz]ed)"
)
#: What some people may not, or may, do: `are not allowed to travel`, `are free to return`
#: (any verb: the words say it is a matter of permission), `are barred from leaving`.
_PERMISSION = re.compile(
    r"\b(?:are|is|were|was|be|been)\s+(?:now\s+|still\s+)?"
    r"(?:(?P<modal>(?:(?:not|no longer)\s+)?(?:allowed|permitted)\s+to|free\s+to)"
    r"\s+(?P<verb>[a-z]+)|"
    rf"(?P<from>banned|barred|prohibited)\s+from\s+(?P<gerund>{'|'.join(_GERUNDS)}))\b",
    re.IGNORECASE,
)
_CANNOT = re.compile(
    r"\b(?P<modal>cannot|can not|can no longer|may not|may no longer|can still|may still)"
    rf"\s+(?P<verb>{'|'.join(_DEEDS)}|{_PASSIVE_DEEDS})\b",
    re.IGNORECASE,
)
_PREPOSITIONS = {
    "of",
    "in",
    "on",
    "at",
    "from",
    "between",
    "for",
    "with",
    "by",
    "under",
    "during",
    "since",
    "after",
    "before",
    "to",
    "into",
    "across",
    "within",
    "who",
    "which",
    "whose",
}
_LEADING = {
    "the",
    "a",
    "an",
    "only",
    "all",
    "some",
    "most",
    "many",
    "these",
    "those",
    "this",
    "its",
    "their",
    "his",
    "her",
    "such",
    "both",
    "each",
    "every",
    "any",
    "no",
    "so",
    "then",
    "now",
    "however",
    "also",
    "even",
}
_PRONOUNS = {
    "it",
    "this",
    "that",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "which",
    "who",
    "there",
    "what",
    "one",
    "anyone",
    "everyone",
    "someone",
    "nobody",
    "none",
    "them",
    "something",
    "nothing",
    "everything",
    "anything",
}
#: Where the words of the thing a status is of begin: after these, and after `, ; : (`.
_CLAUSE = re.compile(
    r"(?:[,;:()\u2014]|\b(?:that|whether|if|because|while|when|although|though|but|since|as|"
    r"said|says|stated|noted|added|after|before|until|unless|where)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d+")


@dataclass(frozen=True)
class StatusFound:
    """A status a sentence states: its words as the value, where they start, of what."""

    written: str
    start: int
    family: StatusFamily | None
    #: The head of the thing the status is of, in one spelling (`decree`, `servicemen`).
    noun: str
    #: For what people can or cannot do: the verb (`leave`, `be called up`).
    verb: str = ""

    @property
    def key(self) -> str:
        """The second part of the property's id: the family's key (and its object), or
        `can-VERB`."""
        if self.family:
            return "-".join([self.family.key, *self.verb.casefold().split()])
        return "can-" + "-".join(self.verb.casefold().split())

    def statuses(self) -> dict[str, list[str]]:
        if self.family:
            return self.family.statuses(self.verb.casefold())
        v = self.verb.casefold()
        barred = [
            f"{w} from {_DEEDS[v]}" for w in ("banned", "barred", "prohibited") if v in _DEEDS
        ]
        return {
            f"can {v}": [f"{w} {v}" for w in _CAN],
            f"cannot {v}": [*(f"{w} {v}" for w in _CANNOT_WORDS), *barred],
        }

    def question(self) -> str:
        # The same words for the same property id, whichever document proposes it: a
        # property declared by two drafts loaded together must be declared alike.
        if self.family:
            be = "are" if _plural(self.noun) else "is"
            what = f"{self.family.question} {self.verb.casefold()}".strip()
            return f"whether {self.noun} {be} {what}"
        return f"whether {self.noun} can {self.verb.casefold()}"


#: How a permission, and its refusal, are written before the verb (the categories' words).
_CAN = ("can still", "may still", "allowed to", "permitted to", "free to")
_CANNOT_WORDS = (
    "cannot",
    "can not",
    "can no longer",
    "may not",
    "may no longer",
    "not allowed to",
    "no longer allowed to",
    "not permitted to",
    "no longer permitted to",
)


def _plural(noun: str) -> bool:
    irregular = {"men", "women", "people", "children", "police", "staff", "personnel"}
    return noun in irregular or (noun.endswith("s") and not noun.endswith(("ss", "us", "is")))


#: A cheap test every status passes: one of these words is in the sentence.
#: Written in small letters and searched on text in small letters: several times faster
#: than the same pattern searched in any case.
_ANY = re.compile(
    rf"\b(?:{_words_pattern([*_STATUS_WORDS, *_VERB_WORDS])}|can|cannot|may|allowed|"
    r"permitted|free|barred)\b".lower()
)


def statuses(text: str, small: str | None = None) -> list[StatusFound]:
    """Every status `text` states, left to right. `small` is the text with its letters made
    small (`str.lower`, or any folding that makes the ASCII letters small), if the caller has
    it already."""
    if not _ANY.search(small if small is not None else text.lower()):
        return []
    found: list[StatusFound] = []
    taken: set[int] = set()  # where a status found already stands: no second one there
    for m in sorted(
        [*_PERMISSION.finditer(text), *_CANNOT.finditer(text)], key=lambda m: m.start()
    ):
        if m.re is _PERMISSION and m.group("from"):
            verb = _GERUNDS[m.group("gerund").casefold()]
            modal = f"{m.group('from')} from"
            written = f"{modal} {m.group('gerund')}"
        else:
            verb = " ".join(m.group("verb").split())
            modal = " ".join(m.group("modal").split())
            written = f"{modal} {verb}"
        noun = _head_before(text, m.start())
        if not noun or verb.casefold() in _FUNCTION_VERBS:
            continue
        found.append(StatusFound(written, m.start(), None, noun, verb))
        taken.update(range(*m.span()))
    for m in _LINKED.finditer(text):
        if m.start("word") in taken or _NORM.search(text, max(0, m.start() - 20), m.start()):
            continue
        noun = _head_before(text, m.start())
        if not noun:
            continue
        word = m.group("word")
        family = _STATUS_WORDS[word.casefold()]
        lasts = ""
        if family.lasting and word.casefold() in family.yes_words:
            link = m.group("link").casefold()
            adverb = _LASTING_ADVERB.search(m.group(0), 0, m.start("word") - m.start())
            if not (adverb or _LASTING_LINK.match(link)):
                continue  # `were detained by 22:30`: an arrest, told as an event
            # The value says the state lasts as the sentence does: `remain`, `still`.
            lasts = "still" if adverb and adverb.group(0).casefold() == "still" else ""
            lasts = lasts or (link if link.startswith(("remain", "stay")) else "")
        obj = (m.group("object") or "").strip()
        if family.takes_object:
            if not obj:
                continue
            word = f"{word} {obj}"
        neg = m.group("neg")
        if re.search(r"n[’']t$", m.group("link")) or _NO.match(
            text, _clause_start(text, m.start())
        ):
            neg = neg or "not"  # `isn't legal`; `no new events were planned`
        if neg and neg.casefold() != "no longer":
            neg = "not"
        written = f"{neg} {word}" if neg else f"{lasts.casefold()} {word}".strip()
        obj = obj if family.takes_object else ""
        found.append(StatusFound(written, m.start("word"), family, noun, obj))
        taken.update(range(*m.span()))
    for m in _ACTIVE.finditer(text):
        if m.start() in taken:
            continue
        # `dissolved various societies that were legal`: the object ends where a clause of
        # its own begins.
        words = _WORD.findall(m.group("object"))
        cut = next((i for i, w in enumerate(words) if w.casefold() in _OBJECT_ENDS), len(words))
        noun = _head_of(words[:cut])
        if not noun:
            continue
        word = m.group("word")
        found.append(StatusFound(word, m.start(), _VERB_WORDS[word.casefold()], noun))
    return sorted(found, key=lambda s: s.start)


def _clause_start(text: str, at: int) -> int:
    """Where the clause that holds `at` begins: after the last `_CLAUSE` word or mark, and
    the white space after it. Looked for in the `_REACH` characters before `at` only, so
    that a sentence of many statuses is read in linear time: the words of a thing a status
    is of are few, and a clause longer than that names none (`_head_of`)."""
    cut = max(0, at - _REACH)
    for m in _CLAUSE.finditer(text, cut, at):
        cut = m.end()
    while cut < at and text[cut].isspace():
        cut += 1
    return cut


_REACH = 200

#: Links that say a state lasts (`remain imprisoned`, `are in custody`), and the adverbs
#: that say so after any link (`had still been detained`).
_LASTING_LINK = re.compile(r"(?:is|are|remains?|remained|stays?|stayed|isn[’']t|aren[’']t)$")
_LASTING_ADVERB = re.compile(r"\b(?:still|currently)\b", re.IGNORECASE)

#: `should be planned`, `must be required`: what ought to be, not what is.
_NORM = re.compile(r"\b(?:should|must|ought to|need to|needs to)\s+$", re.IGNORECASE)

#: A clause whose thing is `no …`: what it states is negated (`no new events were planned`).
_NO = re.compile(r"(?:no|none of the)\s", re.IGNORECASE)


def _head_before(text: str, at: int) -> str:
    """The head of the words that stand before `at` in their clause (see `_head_of`)."""
    return _head_of(_WORD.findall(text[_clause_start(text, at) : at]))


def _head_of(words: list[str]) -> str:
    """The head of a noun phrase, in small letters and one spelling; "" when the words are
    none, a pronoun or words of no meaning of their own."""
    while words and words[0].casefold() in _LEADING:
        words = words[1:]
    kept: list[str] = []
    for w in words:
        if w.casefold() in _PREPOSITIONS:
            break
        if not w.isdigit():
            kept.append(w)
    if not kept and words:
        # `By then the law …`: a phrase of time or place first; the thing is its last word.
        kept = [w for w in words if not w.isdigit() and w.casefold() not in _AUXILIARIES][-1:]
    # `persons drafted between …`: a participle after the noun is not its head; `has been`,
    # `will be`: the verbs before the status are not part of the thing.
    while kept and (
        kept[-1].casefold() in _AUXILIARIES or (len(kept) > 1 and kept[-1].endswith("ed"))
    ):
        kept.pop()
    if not kept or len(kept) > 6:
        return ""
    head = kept[-1].replace("’", "'").removesuffix("'s").casefold()
    if head in _PRONOUNS or head in _LEADING or len(head) < 2:
        return ""
    return one_spelling(head)


_OBJECT_ENDS = {"that", "which", "who", "whose", "and", "or", "but"}
_AUXILIARIES = {"has", "have", "had", "will", "would", "could", "should", "might", "must"}
_AUXILIARIES |= {"shall", "may", "can", "does", "do", "did", "not", "also", "still", "now"}
_AUXILIARIES |= {"is", "are", "was", "were", "be", "been", "being", "to", "continue", "continues"}
_AUXILIARIES |= {"alone", "itself", "themselves"}
#: Verbs that are no deed of their own after `allowed to` (`allowed to be`, `free to say`).
_FUNCTION_VERBS = {"be", "have", "do", "say", "speak", "comment", "choose", "decide"}
