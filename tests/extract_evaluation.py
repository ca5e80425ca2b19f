"""How `factcheck extract` measures against claims made by hand: the bundled claims of the two
seed documents, and the claim files of the evaluation set (tests/data/evaluation/) whose
document the folder keeps (`NOT_MEASURED` names the others, and why).

For each document: recall and precision of the drafts (a hand-made claim is found when a draft
quotes the same sentence with the same value), the sources the drafts read from the footnotes
the hand-made claims cite, field by field, and how the proposed properties group the claims
the drafts found, pair by pair.

    python tests/extract_evaluation.py    # the tables of docs/evaluation.md, measured afresh

`tests/test_extract_evaluation.py` keeps the figures from falling below the page's.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from factcheck.errors import FactcheckError
from factcheck.extract.claim_file import draft_file
from factcheck.extract.readers import read_document
from factcheck.extract.structure import ParsedDocument
from factcheck.times import parse_time
from tests.extract_helpers import ROOT, euaa_seed, wikipedia_seed

SET = ROOT / "tests" / "data" / "evaluation"
DOC = ROOT / "docs" / "evaluation.md"

#: The source fields compared, in the order of the table.
FIELDS = ("publisher", "author", "title", "date", "url", "pages", "kind")


# ---------------------------------------------------------------- the documents


@dataclass(frozen=True)
class Case:
    """A document (or a book of chapters) drafted together, and its hand-made claim file.

    `read` gives the parsed documents; `gold_ids` names, for each, the id of the document in
    the hand-made file (whose footnote labels its footnotes are compared with)."""

    name: str
    read: Callable[[], list[ParsedDocument]]
    gold: Path
    gold_ids: tuple[str, ...]
    #: True when the hand-made file records only some passages of the document: precision is
    #: then counted over the drafts quoting a sentence some hand-made claim quotes.
    partial: bool


def _rst_as_markdown(text: str) -> str:
    """reStructuredText citations as Markdown footnotes: `[M]_` markers become `[^M]` and
    `.. [M] text` (with its indented lines) `[^M]: text`. factcheck has no reStructuredText
    reader; these two rules are all its footnotes need, and the rest reads as Markdown."""
    text = re.sub(r"\[([A-Za-z0-9]+)\]_", r"[^\1]", text)
    text = re.sub(r"`([^`<]+)`_(?!_)", r"\1", text)
    text = re.sub(r"^\.\. \[([A-Za-z0-9]+)\] ", r"[^\1]: ", text, flags=re.MULTILINE)
    return re.sub(r"`([^`<]*)<([^>]+)>`__?", r"\1 \2", text)


def _equifax() -> list[ParsedDocument]:
    path = SET / "equifax-2017-breach" / "README.rst"
    markdown = _rst_as_markdown(path.read_text(encoding="utf-8"))
    return [read_document(markdown.encode(), "README.md")]


#: The chapters of the Getty book the hand-made claims come from, and their document ids.
_GETTY = {
    "introduction.md": "getty-2022-introduction",
    "07-harris.md": "getty-2022-ch07-harris",
    "08-singh.md": "getty-2022-ch08-singh",
    "09-stein.md": "getty-2022-ch09-stein",
    "16-adams.md": "getty-2022-ch16-adams",
    "29-beitler-dugan.md": "getty-2022-ch29-beitler-dugan",
    "32-eakin.md": "getty-2022-ch32-eakin",
    "conclusion.md": "getty-2022-conclusion",
}


def _getty() -> list[ParsedDocument]:
    folder = SET / "getty-2022-heritage-atrocities" / "document"
    return [read_document((folder / name).read_bytes(), name) for name in _GETTY]


def _html(folder: str) -> list[ParsedDocument]:
    """The folder's whole document, kept as the HTML file it was published as."""
    path = SET / folder / "document.html"
    return [read_document(path.read_bytes(), path.name)]


CASES = (
    Case(
        "EUAA, section 4.1.3 (footnoted)",
        lambda: [euaa_seed()],
        ROOT / "claims" / "euaa-2026-russia-military-service.yaml",
        ("euaa-2026-russia-military-service",),
        partial=False,
    ),
    Case(
        "Wikipedia, 2022 Russian mobilization (references stripped)",
        lambda: [wikipedia_seed()],
        ROOT / "claims" / "wikipedia-2022-russian-mobilization.yaml",
        ("wikipedia-2022-russian-mobilization",),
        partial=False,
    ),
    Case(
        "equifax-2017-breach",
        _equifax,
        SET / "equifax-2017-breach" / "claims.yaml",
        ("raul23-equifax-readme",),
        partial=True,
    ),
    Case(
        "getty-2022-heritage-atrocities",
        _getty,
        SET / "getty-2022-heritage-atrocities" / "claims.yaml",
        tuple(_GETTY.values()),
        partial=True,
    ),
    Case(
        "crs-2026-bahrain-us-policy",
        lambda: _html("crs-2026-bahrain-us-policy"),
        SET / "crs-2026-bahrain-us-policy" / "claims.yaml",
        ("crs-95-1013-bahrain",),
        partial=True,
    ),
    Case(
        "crs-2025-national-alerts",
        lambda: _html("crs-2025-national-alerts"),
        SET / "crs-2025-national-alerts" / "claims.yaml",
        ("crs-r48632-national-alerts",),
        partial=True,
    ),
)

#: Documents of the evaluation set whose text the folder does not keep, so that extract is not
#: measured on them, and why. Their hand-made claims still serve `factcheck check`.
NOT_MEASURED = {
    "wp-2016-american-revolutionary-war": (
        "no permitted copy of the wikitext of revision 717770601: the one found lies inside a "
        "compressed dump, not as a text file that can be read and kept"
    ),
}


# ---------------------------------------------------------------- matching words


def words(text: object) -> str:
    """Text compared: NFKC, whitespace collapsed, case folded, curly quotes straight,
    Markdown emphasis marks and footnote markers taken out."""
    text = unicodedata.normalize("NFKC", str(text))
    text = re.sub(r"\s*\[\^?[\w ]{1,12}\]_?", "", text)
    text = text.translate(str.maketrans("‘’“”", "''\"\"", "*_"))
    return " ".join(text.split()).casefold()


def key(claim: dict[str, Any]) -> tuple[str, str]:
    """What makes a draft the same claim as a hand-made one: its sentence and its value."""
    return words(claim["text"]), words(claim["value"])


# ---------------------------------------------------------------- recall and precision


@dataclass(frozen=True)
class Found:
    """Recall and precision of the drafts of one case, matched two ways: the same sentence
    (a draft quotes the very words of the hand-made claim) and an overlapping quote (one
    quote holds the other: the hand-made claim quotes a clause of the draft's sentence, or
    two sentences of which the draft quotes one); both with the same value."""

    claims: int  # distinct (quote, value) pairs among the hand-made claims
    all_drafts: int  # distinct pairs among all drafts
    drafts: int  # distinct pairs among the drafts counted (see Case.partial)
    found: int  # hand-made pairs drafted with the same sentence
    found_overlapping: int  # hand-made pairs drafted with an overlapping quote
    right: int  # counted drafts that are a hand-made pair
    right_overlapping: (
        int  # counted drafts with the value of a hand-made claim of an overlapping quote
    )


def _overlap(a: str, b: str) -> bool:
    return a in b or b in a


def found(case: Case, content: dict[str, Any], gold: dict[str, Any]) -> Found:
    want = {key(c) for c in gold["claims"]}
    got = {key(c) for c in content.get("claims", [])}
    counted = got
    if case.partial:
        quoted = {q for q, _ in want}
        counted = {k for k in got if any(_overlap(q, k[0]) for q in quoted)}
    return Found(
        claims=len(want),
        all_drafts=len(got),
        drafts=len(counted),
        found=len(want & counted),
        found_overlapping=sum(any(v == w and _overlap(q, s) for s, w in counted) for q, v in want),
        right=len(want & counted),
        right_overlapping=sum(any(v == w and _overlap(q, s) for q, w in want) for s, v in counted),
    )


# ---------------------------------------------------------------- sources, field by field


@dataclass
class Tally:
    """How one field came out over the compared sources."""

    right: int = 0
    wrong: int = 0
    missing: int = 0
    extra: int = 0
    examples: list[str] = field(default_factory=list)


def _author_words(text: str) -> list[str]:
    return sorted(re.findall(r"\w+", words(text)))


def _pages(text: str) -> list[str]:
    return re.findall(r"[\divxlc]+", words(text).replace("pp.", "").replace("p.", ""))


def _same_date(a: str, b: str) -> bool:
    try:
        x, y = parse_time(a), parse_time(b)
    except FactcheckError:
        return False
    return (x.start, x.end) == (y.start, y.end)


def same(name: str, want: str, got: str) -> bool:
    """Whether a drafted field says what the hand-made one says (see docs/evaluation.md)."""
    if name == "author":
        return _author_words(want) == _author_words(got)
    if name == "pages":
        return _pages(want) == _pages(got)
    if name == "date":
        return _same_date(want, got) or words(want) == words(got)
    if name == "url":
        return want.strip().rstrip(".") == got.strip().rstrip(".")
    return words(want).strip(" .,;:'\"") == words(got).strip(" .,;:'\"")


@dataclass
class Sources:
    """The sources of the footnotes the hand-made claims cite, compared with the drafts'."""

    footnotes: int = 0
    #: footnotes of the draft found for them (see `_counterpart`)
    located: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    #: footnotes with as many sources as the hand-made one
    counted_right: int = 0
    #: pairs of citations of one hand-made source: drafted as one source (right) or not
    one_work: Tally = field(default_factory=Tally)


def _cited(gold: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (c["document"], str(label)) for c in gold["claims"] for label in c.get("footnotes") or []
    }


def _counterpart(note: dict[str, Any], drafted: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The drafted footnote that is the hand-made `note`: by its words where the hand-made
    file records them (the best match, if its words are at least 70 % alike: a reader may
    number notes otherwise than the page a person read), else by its label."""
    same_label = next((d for d in drafted if str(d["label"]) == str(note["label"])), None)
    if not note.get("text"):
        return same_label
    want = words(note["text"])
    if same_label and fuzz.token_sort_ratio(want, words(same_label.get("text", ""))) >= 70:
        return same_label
    scored = [(fuzz.token_sort_ratio(want, words(d.get("text", ""))), d) for d in drafted]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best and best[0] >= 70 else None


def sources(case: Case, content: dict[str, Any], gold: dict[str, Any]) -> Sources:
    result = Sources()
    gold_sources = {s["id"]: s for s in gold.get("sources", [])}
    gold_notes = {(f["document"], str(f["label"])): f for f in gold.get("footnotes", [])}
    drafted = {s["id"]: s for s in content.get("sources", [])}
    doc_ids = [d["id"] for d in content["documents"]]
    to_gold = dict(zip(doc_ids, case.gold_ids, strict=True))
    draft_notes: dict[str, list[dict[str, Any]]] = {}
    for note in content.get("footnotes", []):
        draft_notes.setdefault(to_gold[note["document"]], []).append(note)
    pairs: list[tuple[str, str]] = []  # (hand-made source id, drafted source id)
    for place in sorted(_cited(gold)):
        note = gold_notes.get(place)
        if note is None:
            continue
        result.footnotes += 1
        drafted_note = _counterpart(note, draft_notes.get(place[0], []))
        result.located += drafted_note is not None
        want = note.get("cites") or []
        got = (drafted_note or {}).get("cites") or []
        result.counted_right += len(want) == len(got)
        for i in range(max(len(want), len(got))):
            w = (
                {**gold_sources[want[i]["source"]], "pages": want[i].get("pages")}
                if i < len(want)
                else {}
            )
            g = {**drafted[got[i]["source"]], "pages": got[i].get("pages")} if i < len(got) else {}
            if w and g:
                pairs.append((want[i]["source"], got[i]["source"]))
            for name in FIELDS:
                tally = result.fields[name]
                a, b = w.get(name), g.get(name)
                if a and b:
                    if same(name, str(a), str(b)):
                        tally.right += 1
                    else:
                        tally.wrong += 1
                        tally.examples.append(f"{place[1]}: {a!r} drafted as {b!r}")
                elif a:
                    tally.missing += 1
                    tally.examples.append(f"{place[1]}: {a!r} not drafted")
                elif b:
                    tally.extra += 1
                    tally.examples.append(f"{place[1]}: {b!r} drafted, not in the hand-made source")
    for (w1, g1), (w2, g2) in combinations(pairs, 2):
        if w1 == w2:
            if g1 == g2:
                result.one_work.right += 1
            else:
                result.one_work.missing += 1
                result.one_work.examples.append(f"{w1} drafted as {g1} and {g2}")
        elif g1 == g2:
            result.one_work.wrong += 1
            result.one_work.examples.append(f"{w1} and {w2} drafted as one, {g1}")
    return result


# ---------------------------------------------------------------- grouping


@dataclass(frozen=True)
class Grouping:
    """Pairs of found claims (distinct sentence-value pairs, each pair of them once) with the
    same proposed property, against pairs with the same hand-made subject and property."""

    claims: int
    same_draft: int
    same_gold: int
    both: int

    @property
    def precision(self) -> float:
        return self.both / self.same_draft if self.same_draft else 0.0

    @property
    def recall(self) -> float:
        return self.both / self.same_gold if self.same_gold else 0.0


def grouping(content: dict[str, Any], gold: dict[str, Any]) -> Grouping:
    # Where several claims share a sentence and value (a denial and the report it denies),
    # the first of each file stands for the pair.
    proposed: dict[tuple[str, str], str] = {}
    for c in content.get("claims", []):
        proposed.setdefault(key(c), c["property"])
    topic: dict[tuple[str, str], tuple[str, str]] = {}
    for c in gold["claims"]:
        topic.setdefault(key(c), (c["subject"], c["property"]))
    both_found = sorted(proposed.keys() & topic.keys())
    same_draft = same_gold = both = 0
    for a, b in combinations(both_found, 2):
        d, g = proposed[a] == proposed[b], topic[a] == topic[b]
        same_draft += d
        same_gold += g
        both += d and g
    return Grouping(len(both_found), same_draft, same_gold, both)


# ---------------------------------------------------------------- one measurement


@dataclass(frozen=True)
class Measured:
    case: Case
    found: Found
    sources: Sources
    grouping: Grouping


@cache
def measure(name: str) -> Measured:
    """The case named `name`, drafted and measured afresh."""
    case = next(c for c in CASES if c.name == name)
    content = draft_file(case.read())
    gold = yaml.safe_load(case.gold.read_text(encoding="utf-8"))
    return Measured(
        case, found(case, content, gold), sources(case, content, gold), grouping(content, gold)
    )


def measure_all() -> list[Measured]:
    return [measure(c.name) for c in CASES]


# ---------------------------------------------------------------- tables

#: The first line of each table in docs/evaluation.md.
FOUND_HEADER = (
    "| document | hand-made claims | drafts | drafts counted | found: same sentence "
    "| found: overlapping quote | right: same sentence | right: overlapping quote |"
)
FIELDS_HEADER = (
    "| document | footnotes cited | found in the draft | as many sources | field "
    "| right | wrong | missing | extra |"
)
GROUPING_HEADER = (
    "| document | found claims | pairs, same proposed property | pairs, same hand-made topic "
    "| in both | precision | recall |"
)


def _pct(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f} %)" if whole else "none"


def found_rows(results: Sequence[Measured]) -> list[list[str]]:
    rows = []
    for m in results:
        f = m.found
        rows.append(
            [
                m.case.name,
                str(f.claims),
                str(f.all_drafts),
                str(f.drafts),
                _pct(f.found, f.claims),
                _pct(f.found_overlapping, f.claims),
                _pct(f.right, f.drafts),
                _pct(f.right_overlapping, f.drafts),
            ]
        )
    return rows


def fields_rows(results: Sequence[Measured]) -> list[list[str]]:
    rows = []
    for m in results:
        s = m.sources
        if not s.footnotes:
            rows.append([m.case.name, "0", "–", "–", "–", "–", "–", "–", "–"])
            continue
        first = [m.case.name, str(s.footnotes), str(s.located), str(s.counted_right)]
        for name in FIELDS:
            t = s.fields[name]
            rows.append([*first, name, str(t.right), str(t.wrong), str(t.missing), str(t.extra)])
            first = [""] * 4
        t = s.one_work
        rows.append(
            [*first, "one source per work", str(t.right), str(t.wrong), str(t.missing), "–"]
        )
    return rows


def grouping_rows(results: Sequence[Measured]) -> list[list[str]]:
    rows = []
    for m in results:
        g = m.grouping
        rows.append(
            [
                m.case.name,
                str(g.claims),
                str(g.same_draft),
                str(g.same_gold),
                str(g.both),
                _pct(g.both, g.same_draft),
                _pct(g.both, g.same_gold),
            ]
        )
    return rows


def _markdown(header: str, rows: list[list[str]]) -> str:
    columns = header.count("|") - 1
    rule = "| --- | " + " | ".join(["---:"] * (columns - 1)) + " |"
    if header == FIELDS_HEADER:
        rule = "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
    lines = [header, rule, *("| " + " | ".join(cells) + " |" for cells in rows)]
    return "\n".join(line.replace("|  |", "| |").replace("|  |", "| |") for line in lines)


def tables(results: Sequence[Measured] | None = None) -> list[str]:
    """The three tables of docs/evaluation.md's section extract, measured now."""
    results = results if results is not None else measure_all()
    return [
        _markdown(FOUND_HEADER, found_rows(results)),
        _markdown(FIELDS_HEADER, fields_rows(results)),
        _markdown(GROUPING_HEADER, grouping_rows(results)),
    ]


def _errors(results: Iterable[Measured]) -> str:
    lines = []
    for m in results:
        for name, tally in [*m.sources.fields.items(), ("one source per work", m.sources.one_work)]:
            for example in tally.examples:
                lines.append(f"{m.case.name} {name} {example}")
    return "\n".join(lines)


if __name__ == "__main__":
    measured = measure_all()
    print("\n\n".join(tables(measured)))
    print()
    for name, why in NOT_MEASURED.items():
        print(f"not measured: {name} ({why})")
    if "--errors" in sys.argv:
        print()
        print(_errors(measured))
