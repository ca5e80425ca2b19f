"""Claims as Wikidata statements, as Wikibase JSON (`wikidata`) and QuickStatements.

A claim becomes a statement on its subject's item, of its property, with the value factcheck
read from the claim's words: a quantity with its bounds (`around 900 000` is 900 000 within
810 000 and 990 000, a range its middle within its ends), a date to the precision it was
written with (day 11, month 10, year 9), `never` as Wikidata's *no value*, an entity as its
item. The time the value refers to becomes the qualifier *point in time* (P585), each scope
a qualifier; the document (with the claim's words as *quote*, P1683) and each source it cites
become references (*reference URL* P854, *title* P1476, *publication date* P577,
*retrieved* P813).

Items and properties factcheck cannot know come from the claim file (`wikidata:` on a
subject, property or entity); where it declares none they are written as placeholders,
`{subject:ru-mobilisation-2022}`, `{property:emigration.count}`, `{scope:destination}`,
`{unit:rubles}`, which no Wikibase accepts: the user replaces them before loading. What a
statement cannot say (a one-sided quantity such as `more than 200,000`, a season, a denial)
is left out and counted in the notes. docs/exchange.md has the whole mapping.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from factcheck.corpus import Corpus
from factcheck.errors import ValueParseError
from factcheck.exchange.common import read_on, web_link
from factcheck.model import ClaimRow, Rank, Source, Stance
from factcheck.sources import source_date
from factcheck.values import INF, NoValue, Quantity, Time

ENTITY = "http://www.wikidata.org/entity/"
GREGORIAN = ENTITY + "Q1985727"
PERCENT = ENTITY + "Q11229"
POINT_IN_TIME = "P585"
REFERENCE_URL = "P854"
TITLE = "P1476"
PUBLICATION_DATE = "P577"
RETRIEVED = "P813"
QUOTE = "P1683"
#: Wikidata's precision codes for the precisions factcheck reads.
PRECISION = {"day": 11, "month": 10, "year": 9, "decade": 8}
#: What may follow a placeholder's kind: an id that no QuickStatements column breaks on.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]+$")


@dataclass(frozen=True)
class Snak:
    """A property with a value (`kind` value) or with Wikidata's *no value*."""

    property: str
    datatype: Literal["quantity", "time", "wikibase-item", "string", "monolingualtext", "url"]
    value: Any = None
    kind: Literal["value", "novalue"] = "value"


@dataclass(frozen=True)
class Statement:
    """One claim as a statement on an item."""

    claim: str
    item: str
    main: Snak
    rank: Rank
    qualifiers: tuple[Snak, ...] = ()
    references: tuple[tuple[Snak, ...], ...] = ()


@dataclass
class Statements:
    """The statements made, and what was left out, counted by reason."""

    items: list[Statement] = field(default_factory=list)
    left_out: Counter[str] = field(default_factory=Counter)

    def notes(self, fmt: str) -> list[str]:
        return [
            f"{n} {'claim' if n == 1 else 'claims'} left out of the {fmt} export: {why}"
            for why, n in sorted(self.left_out.items())
        ]


class _LeftOutError(Exception):
    """A claim that cannot be a statement, and why."""


def placeholder(kind: str, ident: str) -> str:
    """A marked stand-in for an id factcheck cannot know, for the user to replace."""
    if not _SAFE_ID.match(ident):
        raise _LeftOutError(
            f"its {kind} id has characters a placeholder cannot hold; declare `wikidata:` on it"
        )
    return "{" + f"{kind}:{ident}" + "}"


def is_placeholder(text: str) -> bool:
    return text.startswith("{") and text.endswith("}")


def statements(corpus: Corpus, claims: list[ClaimRow]) -> Statements:
    """The claims as Wikidata statements, in the order given."""
    made = Statements()
    for claim in claims:
        try:
            made.items.append(statement(corpus, claim))
        except _LeftOutError as why:
            made.left_out[str(why)] += 1
    return made


def statement(corpus: Corpus, claim: ClaimRow) -> Statement:
    """One claim as a statement; `_LeftOutError` when a statement cannot say it."""
    if claim.stance is Stance.denies:
        raise _LeftOutError("a denial is not a statement of a value")
    subject = corpus.subjects.get(claim.subject)
    prop = corpus.properties.get(claim.property)
    value = corpus.values.get(claim.id)
    if subject is None or prop is None or value is None:
        raise _LeftOutError("its subject, property or value could not be read")
    item = subject.wikidata or placeholder("subject", subject.id)
    pid = prop.wikidata or placeholder("property", prop.id)
    main = _main_snak(corpus, pid, prop.kind, prop.unit, value)
    qualifiers: list[Snak] = []
    when = corpus.as_of.get(claim.id)
    if when is not None:
        qualifiers.append(Snak(POINT_IN_TIME, "time", _time(when, "its as-of time")))
    for key, text in sorted(claim.scope.items()):
        qualifiers.append(Snak(placeholder("scope", key), "string", text))
    return Statement(
        claim.id, item, main, claim.rank, tuple(qualifiers), _references(corpus, claim)
    )


def _main_snak(corpus: Corpus, pid: str, kind: str, unit: str | None, value: Any) -> Snak:
    if isinstance(value, NoValue):
        return Snak(pid, "time" if kind == "date" else "quantity", kind="novalue")
    if isinstance(value, Quantity):
        return Snak(pid, "quantity", _quantity(value, kind, unit))
    if isinstance(value, Time):
        return Snak(pid, "time", _time(value, "its date"))
    if kind == "entity":
        entity = corpus.entities.get(value.value)
        if entity is None:
            raise _LeftOutError("its value names no declared entity")
        return Snak(pid, "wikibase-item", entity.wikidata or placeholder("entity", entity.id))
    raise _LeftOutError("a status has no Wikidata value factcheck can name")


def _quantity(q: Quantity, kind: str, unit: str | None) -> dict[str, str]:
    """A quantity datavalue: the amount, and both bounds or neither (Wikibase takes no one
    bound alone, so `at least`, `at most` and vague words cannot be written)."""
    if q.qualifier in ("at least", "at most", "vague") or INF in (q.high, -q.low):
        raise _LeftOutError("a one-sided or vague quantity has no amount with two bounds")
    amount = q.point if q.point is not None else (q.low + q.high) / 2
    if q.percent or kind == "percentage":
        wd_unit = PERCENT
    elif kind == "amount" and unit:
        wd_unit = placeholder("unit", unit.replace(" ", "_"))
    else:
        wd_unit = "1"
    found = {"amount": decimal(amount), "unit": wd_unit}
    if q.low != q.high:
        found["upperBound"] = decimal(q.high)
        found["lowerBound"] = decimal(q.low)
    return found


def decimal(x: float) -> str:
    """A number as Wikibase writes amounts: a sign, digits, no exponent (six decimals at
    most, so that 0.9 × 261,000 is 234900, not 234900.00000000003)."""
    text = format(Decimal(repr(round(x, 6))).normalize(), "f")
    return text if text.startswith("-") else "+" + text


def _time(when: Time, what: str) -> dict[str, Any]:
    """A time datavalue at the precision the time was written with."""
    precision = PRECISION.get(when.precision)
    if when.minutes is not None and when.start == when.end:
        precision = PRECISION["day"]  # Wikidata keeps no time of day
    if precision is None or when.start is None:
        raise _LeftOutError(f"{what} is not one day, month, year or decade")
    start = when.start
    month = f"{start.month:02d}" if precision >= 10 else "00"
    day = f"{start.day:02d}" if precision >= 11 else "00"
    return {
        "time": f"+{start.year:04d}-{month}-{day}T00:00:00Z",
        "timezone": 0,
        "before": 0,
        "after": 0,
        "precision": precision,
        "calendarmodel": GREGORIAN,
    }


def _text(text: str, language: str | None) -> dict[str, str]:
    # `und` (undetermined) where the claim file names no language.
    return {"text": text, "language": (language or "und").lower()}


def _references(corpus: Corpus, claim: ClaimRow) -> tuple[tuple[Snak, ...], ...]:
    """The document the claim is quoted from (with its words as the quote), then each
    source it cites."""
    found: list[tuple[Snak, ...]] = []
    document = corpus.documents.get(claim.document)
    page = web_link(document.url) if document is not None else None
    if document is not None:
        snaks = []
        if page:
            snaks.append(Snak(REFERENCE_URL, "url", page))
        snaks.append(Snak(TITLE, "monolingualtext", _text(document.title, document.language)))
        if (dated := corpus.document_dates.get(document.id)) is not None:
            snaks.extend(_dated(PUBLICATION_DATE, dated))
        snaks.append(Snak(QUOTE, "monolingualtext", _text(claim.text, document.language)))
        found.append(tuple(snaks))
    for source in corpus.sources_of(claim):
        if page and web_link(source.url) == page:
            continue  # the document itself, cited as a source: its reference is above
        if cited := _source_snaks(source):
            found.append(cited)
    return tuple(found)


def _source_snaks(source: Source) -> tuple[Snak, ...]:
    snaks = []
    if url := web_link(source.url):
        snaks.append(Snak(REFERENCE_URL, "url", url))
    if source.title:
        snaks.append(Snak(TITLE, "monolingualtext", _text(source.title, source.language)))
    if source.date:
        snaks.extend(_dated(PUBLICATION_DATE, _read_date(source.date)))
    if source.accessed:
        snaks.extend(_dated(RETRIEVED, _read_date(read_on(source.accessed))))
    return tuple(snaks)


def _read_date(written: str) -> Time | None:
    try:
        return source_date(written)
    except ValueParseError:
        return None  # a citation finding of its own; the reference keeps the rest


def _dated(pid: str, when: Time | None) -> list[Snak]:
    """A date snak, or none for a date that is not one day, month or year."""
    if when is None:
        return []
    try:
        return [Snak(pid, "time", _time(when, "a date"))]
    except _LeftOutError:
        return []


# ------------------------------------------------------------------ Wikibase JSON


def wikibase_json(made: Statements) -> dict[str, Any]:
    """The statements as Wikibase entity JSON: `{"entities": {item: {"claims": …}}}`, as
    the `Special:EntityData` JSON of an item has them (statements carry no `id`: Wikibase
    gives one when they are saved)."""
    entities: dict[str, Any] = {}
    for st in made.items:
        entity = entities.setdefault(st.item, {"type": "item", "id": st.item, "claims": {}})
        entity["claims"].setdefault(st.main.property, []).append(_statement_json(st))
    return {"entities": entities}


def _statement_json(st: Statement) -> dict[str, Any]:
    found: dict[str, Any] = {"mainsnak": snak_json(st.main), "type": "statement"}
    if st.qualifiers:
        found["qualifiers"], found["qualifiers-order"] = _grouped(st.qualifiers)
    found["rank"] = st.rank.value
    if st.references:
        found["references"] = []
        for ref in st.references:
            snaks, order = _grouped(ref)
            found["references"].append({"snaks": snaks, "snaks-order": order})
    return found


def _grouped(snaks: tuple[Snak, ...]) -> tuple[dict[str, list[Any]], list[str]]:
    grouped: dict[str, list[Any]] = {}
    for snak in snaks:
        grouped.setdefault(snak.property, []).append(snak_json(snak))
    return grouped, list(grouped)


_VALUE_TYPE = {
    "quantity": "quantity",
    "time": "time",
    "wikibase-item": "wikibase-entityid",
    "string": "string",
    "url": "string",
    "monolingualtext": "monolingualtext",
}


def snak_json(snak: Snak) -> dict[str, Any]:
    """One snak in Wikibase JSON."""
    found: dict[str, Any] = {
        "snaktype": snak.kind,
        "property": snak.property,
        "datatype": snak.datatype,
    }
    if snak.kind == "value":
        value = snak.value
        if snak.datatype == "wikibase-item":
            value = {"entity-type": "item", "id": value}
            if not is_placeholder(snak.value):
                value["numeric-id"] = int(snak.value[1:])
        found["datavalue"] = {"value": value, "type": _VALUE_TYPE[snak.datatype]}
    return found


# ------------------------------------------------------------------ QuickStatements


class _UnwritableError(Exception):
    """A value QuickStatements has no way to write."""


def quickstatements(made: Statements) -> tuple[str, Counter[str]]:
    """The statements as QuickStatements (version 1 commands: one tab-separated line per
    statement and reference), and the statements left out, counted by reason.

    One line states the value with its qualifiers and first reference; each further
    reference is a line of its own repeating the statement, which QuickStatements finds and
    adds the reference to. QuickStatements sets no rank, so deprecated claims are left out.
    """
    lines: list[str] = []
    left_out: Counter[str] = Counter()
    for st in made.items:
        if st.rank is Rank.deprecated:
            left_out["QuickStatements cannot mark a statement deprecated"] += 1
            continue
        try:
            head = [st.item, st.main.property, qs_value(st.main)]
            for q in st.qualifiers:
                head += [q.property, qs_value(q)]
            references = [_qs_reference(ref) for ref in st.references] or [[]]
        except _UnwritableError as why:
            left_out[str(why)] += 1
            continue
        lines.append("\t".join(head + references[0]))
        statement_only = [st.item, st.main.property, head[2]]
        lines += ["\t".join(statement_only + ref) for ref in references[1:] if ref]
    return "".join(line + "\n" for line in lines), left_out


def _qs_reference(ref: tuple[Snak, ...]) -> list[str]:
    cells: list[str] = []
    for snak in ref:
        cells += ["S" + snak.property.removeprefix("P"), qs_value(snak)]
    return cells


def qs_value(snak: Snak) -> str:
    """A snak's value as QuickStatements writes it."""
    if snak.kind == "novalue":
        return "novalue"
    value = snak.value
    match snak.datatype:
        case "wikibase-item":
            return str(value)
        case "time":
            return f"{value['time']}/{value['precision']}"
        case "quantity":
            return _qs_quantity(value)
        case "monolingualtext":
            return f"{value['language']}:{qs_string(value['text'])}"
        case "string" | "url":
            return qs_string(value)
    raise _UnwritableError(f"no QuickStatements form for {snak.datatype}")


def _qs_quantity(value: dict[str, str]) -> str:
    """`amount`, or `amount~error` for bounds at equal distance from the amount (the only
    bounds QuickStatements reads), then `U` and the unit's item number."""
    amount = value["amount"]
    text = amount
    if "upperBound" in value:
        above = Decimal(value["upperBound"]) - Decimal(amount)
        below = Decimal(amount) - Decimal(value["lowerBound"])
        if above != below:
            raise _UnwritableError(
                "QuickStatements writes only bounds at equal distance from the amount"
            )
        text += "~" + format(above.normalize(), "f")
    unit = value["unit"]
    if unit == "1":
        return text
    if is_placeholder(unit):
        return text + "U" + unit
    return text + "U" + unit.removeprefix(ENTITY + "Q")


def qs_string(text: str) -> str:
    """A string in double quotes. A tab or a line break would end the column or the
    command, and QuickStatements has no escape for either: such text cannot be written.
    Quotes inside need none (the string runs to the column's last quote), and a `/* … */`
    inside is no edit summary, which must end the line (a string ends with its quote)."""
    if any(ch in text for ch in "\t\n\r\x0b\x0c\x85\u2028\u2029"):
        raise _UnwritableError(
            "a text holds a tab or a line break, which QuickStatements cannot hold"
        )
    return f'"{text}"'
