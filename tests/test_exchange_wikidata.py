"""factcheck export --format wikidata | quickstatements (factcheck/exchange/wikidata.py).

The Wikibase JSON is checked against the shape the Wikibase JSON documentation gives for
statements, snaks, data values, qualifiers and references (docs/topics/json.md of the
Wikibase extension), the checker first shown to accept a statement of that documented
shape. The QuickStatements text is read back by a strict parser of the version 1 command
grammar (as QuickStatements' own parser reads it: tab-separated columns, `"…"` strings,
`lang:"…"` texts, `+YYYY-MM-DDT00:00:00Z/precision` times, `amount`, `amount~error` and
`U<item>` quantities, qualifier `P…` and source `S…` pairs), which refuses anything else.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.exchange.wikidata import _UnwritableError, decimal, qs_string

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent

PLACEHOLDER = r"\{[a-z]+:[A-Za-z0-9._:-]+\}"
ITEM = re.compile(rf"^(Q[1-9]\d*|{PLACEHOLDER})$")
PROP = re.compile(rf"^(P[1-9]\d*|{PLACEHOLDER})$")
VALUE_TYPE = {
    "quantity": "quantity",
    "time": "time",
    "wikibase-item": "wikibase-entityid",
    "string": "string",
    "url": "string",
    "monolingualtext": "monolingualtext",
}


def export(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


# ------------------------------------------------------------- Wikibase JSON shape


def check_snak(snak: dict[str, Any], prop: str | None = None) -> None:
    assert set(snak) <= {"snaktype", "property", "datatype", "datavalue", "hash"}
    assert snak["snaktype"] in ("value", "somevalue", "novalue")
    assert PROP.match(snak["property"])
    if prop is not None:
        assert snak["property"] == prop
    if snak["snaktype"] != "value":
        assert "datavalue" not in snak
        return
    value, kind = snak["datavalue"]["value"], snak["datavalue"]["type"]
    assert set(snak["datavalue"]) == {"value", "type"}
    assert kind == VALUE_TYPE[snak["datatype"]]
    if kind == "quantity":
        number = re.compile(r"^[+-]\d+(\.\d+)?$")
        assert number.match(value["amount"])
        assert ("upperBound" in value) == ("lowerBound" in value)  # both or neither
        if "upperBound" in value:
            assert number.match(value["upperBound"]) and number.match(value["lowerBound"])
            low, high = Decimal(value["lowerBound"]), Decimal(value["upperBound"])
            assert low <= Decimal(value["amount"]) <= high
        unit = value["unit"]
        assert unit == "1" or re.match(
            rf"^(http://www\.wikidata\.org/entity/Q\d+|{PLACEHOLDER})$", unit
        )
    elif kind == "time":
        assert set(value) == {"time", "timezone", "before", "after", "precision", "calendarmodel"}
        m = re.match(r"^[+-](\d{4,})-(\d\d)-(\d\d)T00:00:00Z$", value["time"])
        assert m
        assert 0 <= value["precision"] <= 14
        if value["precision"] < 11:
            assert m[3] == "00"
        if value["precision"] < 10:
            assert m[2] == "00"
        assert value["calendarmodel"] == "http://www.wikidata.org/entity/Q1985727"
        assert value["timezone"] == value["before"] == value["after"] == 0
    elif kind == "wikibase-entityid":
        assert value["entity-type"] == "item"
        assert ITEM.match(value["id"])
        if "numeric-id" in value:
            assert value["id"] == f"Q{value['numeric-id']}"
    elif kind == "monolingualtext":
        assert set(value) == {"text", "language"}
        assert re.match(r"^[a-z]{2,3}(-[a-z0-9-]+)?$", value["language"])
    else:
        assert isinstance(value, str)


def check_grouped(snaks: dict[str, list[dict[str, Any]]], order: list[str]) -> None:
    assert order == list(snaks)
    for prop, group in snaks.items():
        for snak in group:
            check_snak(snak, prop)


def check_statement(statement: dict[str, Any], prop: str) -> None:
    allowed = {"id", "mainsnak", "type", "rank", "qualifiers", "qualifiers-order", "references"}
    assert set(statement) <= allowed
    assert statement["type"] == "statement"
    assert statement["rank"] in ("preferred", "normal", "deprecated")
    check_snak(statement["mainsnak"], prop)
    if "qualifiers" in statement:
        check_grouped(statement["qualifiers"], statement["qualifiers-order"])
    for ref in statement.get("references", []):
        assert set(ref) <= {"hash", "snaks", "snaks-order"}
        check_grouped(ref["snaks"], ref["snaks-order"])


def check_entities(doc: dict[str, Any]) -> int:
    count = 0
    for key, entity in doc["entities"].items():
        assert entity["id"] == key and entity["type"] == "item"
        assert ITEM.match(key)
        for prop, group in entity["claims"].items():
            for statement in group:
                check_statement(statement, prop)
                count += 1
    return count


#: A statement of the shape the Wikibase JSON documentation shows: a quantity with bounds,
#: a time qualifier, a reference with an item and a link.
DOCUMENTED = {
    "id": "Q60$6f832804-4c3f-6185-38bd-ca00b8517765",
    "mainsnak": {
        "snaktype": "value",
        "property": "P1082",
        "datatype": "quantity",
        "datavalue": {
            "value": {"amount": "+1000", "upperBound": "+1200", "lowerBound": "+800", "unit": "1"},
            "type": "quantity",
        },
    },
    "type": "statement",
    "qualifiers": {
        "P580": [
            {
                "hash": "sssde3541cc531fa54adcaffebde6bef28g6hgjd",
                "snaktype": "value",
                "property": "P580",
                "datatype": "time",
                "datavalue": {
                    "value": {
                        "time": "+1994-01-01T00:00:00Z",
                        "timezone": 0,
                        "before": 0,
                        "after": 0,
                        "precision": 11,
                        "calendarmodel": "http://www.wikidata.org/entity/Q1985727",
                    },
                    "type": "time",
                },
            }
        ]
    },
    "qualifiers-order": ["P580"],
    "rank": "normal",
    "references": [
        {
            "hash": "7eb64cf9621d34c54fd4bd040ed4b61a88c4a1a0",
            "snaks": {
                "P143": [
                    {
                        "snaktype": "value",
                        "property": "P143",
                        "datatype": "wikibase-item",
                        "datavalue": {
                            "value": {"entity-type": "item", "id": "Q328", "numeric-id": 328},
                            "type": "wikibase-entityid",
                        },
                    }
                ],
                "P854": [
                    {
                        "snaktype": "value",
                        "property": "P854",
                        "datatype": "url",
                        "datavalue": {"value": "http://www.example.org/a", "type": "string"},
                    }
                ],
            },
            "snaks-order": ["P143", "P854"],
        }
    ],
}


def test_the_shape_checker_accepts_the_documented_shape_and_refuses_breaches() -> None:
    check_statement(DOCUMENTED, "P1082")
    one_bound = json.loads(json.dumps(DOCUMENTED))
    del one_bound["mainsnak"]["datavalue"]["value"]["upperBound"]
    with pytest.raises(AssertionError):
        check_statement(one_bound, "P1082")
    bad_order = json.loads(json.dumps(DOCUMENTED))
    bad_order["references"][0]["snaks-order"] = ["P854"]
    with pytest.raises(AssertionError):
        check_statement(bad_order, "P1082")


def test_wikidata_json_of_the_bundled_data_has_the_wikibase_shape() -> None:
    code, out, err = export("-c", str(ROOT / "claims"), "-f", "wikidata")
    assert code == 0, err
    assert check_entities(json.loads(out)) > 50
    assert "left out of the wikidata export: a denial is not a statement of a value" in err


# ------------------------------------------------------------- a declared claim base

DECLARED = """
subjects:
  - {id: war, name: A war, wikidata: Q100}
  - {id: town, name: A town}
entities:
  - {id: army, name: The army, kind: organisation, wikidata: Q200}
properties:
  - {id: deaths, name: Deaths, definition: People killed, kind: count, wikidata: P1120}
  - {id: start, name: Start, definition: When it began, kind: date, wikidata: P580}
  - {id: share, name: Share, definition: Share destroyed, kind: percentage, wikidata: P1107}
  - {id: by, name: By, definition: Who, kind: entity, wikidata: P710}
  - {id: cost, name: Cost, definition: Spent, kind: amount, unit: rubles, wikidata: P2130}
documents:
  - {id: doc, title: A report, url: "https://example.org/report", date: 3 March 2024, language: en}
sources:
  - id: wire
    title: Wire story
    url: https://example.org/wire
    date: May 2023
    accessed: accessed 4 May 2024
    language: fr
claims:
  - {id: exact, document: doc, text: 120 died, subject: war, property: deaths, value: "120", as_of: 2 May 2023, sources: [wire]}
  - {id: about, document: doc, text: About 900 died, subject: war, property: deaths, value: around 900, as_of: June 2023, scope: {region: north}}
  - {id: range, document: doc, text: 300 to 400 died, subject: war, property: deaths, value: 300–400, as_of: 2023}
  - {id: least, document: doc, text: More than 200 died, subject: war, property: deaths, value: more than 200, as_of: 2024}
  - {id: day, document: doc, text: It began on 21 September 2022, subject: war, property: start, value: 21 September 2022}
  - {id: month, document: doc, text: It began in September 2022, subject: war, property: start, value: September 2022}
  - {id: year, document: doc, text: It began in 2022, subject: war, property: start, value: "2022"}
  - {id: season, document: doc, text: It began in spring 2022, subject: war, property: start, value: spring 2022}
  - {id: pct, document: doc, text: 30% was destroyed, subject: town, property: share, value: 30%}
  - {id: who, document: doc, text: The army fought, subject: war, property: by, value: The army}
  - {id: money, document: doc, text: It cost 5 million rubles, subject: war, property: cost, value: 5 million}
  - {id: denied, document: doc, text: They deny 120 died, subject: war, property: deaths, value: "120", as_of: 2 May 2023, stance: denies}
  - {id: tabbed, document: doc, text: "A\\ttabbed quote of 50", subject: war, property: deaths, value: "50", as_of: 1 May 2023}
  - {id: old, document: doc, text: 10 died, subject: war, property: deaths, value: "10", as_of: 1 January 2023, rank: deprecated, rank_reason: superseded}
"""


@pytest.fixture
def declared(tmp_path: Path) -> Path:
    (tmp_path / "claims.yaml").write_text(DECLARED, encoding="utf-8")
    return tmp_path


def _statements(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Statements by the words of their document quote (each claim's text)."""
    found = {}
    for entity in doc["entities"].values():
        for group in entity["claims"].values():
            for st in group:
                quote = st["references"][0]["snaks"]["P1683"][0]
                found[quote["datavalue"]["value"]["text"]] = st
    return found


def test_values_qualifiers_and_references_map_as_documented(declared: Path) -> None:
    code, out, err = export("-c", str(declared), "-f", "wikidata")
    assert code == 0, err
    doc = json.loads(out)
    assert check_entities(doc) == 11
    st = _statements(doc)
    value = lambda text: st[text]["mainsnak"]["datavalue"]["value"]  # noqa: E731
    assert value("120 died") == {"amount": "+120", "unit": "1"}
    assert value("About 900 died") == {
        "amount": "+900",
        "unit": "1",
        "upperBound": "+990",
        "lowerBound": "+810",
    }
    assert value("300 to 400 died") == {
        "amount": "+350",
        "unit": "1",
        "upperBound": "+400",
        "lowerBound": "+300",
    }
    assert value("It began on 21 September 2022")["time"] == "+2022-09-21T00:00:00Z"
    assert value("It began on 21 September 2022")["precision"] == 11
    assert value("It began in September 2022")["time"] == "+2022-09-00T00:00:00Z"
    assert value("It began in September 2022")["precision"] == 10
    assert value("It began in 2022")["time"] == "+2022-00-00T00:00:00Z"
    assert value("It began in 2022")["precision"] == 9
    assert value("30% was destroyed")["unit"] == "http://www.wikidata.org/entity/Q11229"
    assert value("The army fought") == {"entity-type": "item", "id": "Q200", "numeric-id": 200}
    assert value("It cost 5 million rubles")["unit"] == "{unit:rubles}"
    assert st["10 died"]["rank"] == "deprecated"
    exact = st["120 died"]
    assert exact["qualifiers"]["P585"][0]["datavalue"]["value"]["time"] == "+2023-05-02T00:00:00Z"
    about = st["About 900 died"]
    assert about["qualifiers-order"] == ["P585", "{scope:region}"]
    assert about["qualifiers"]["{scope:region}"][0]["datavalue"]["value"] == "north"
    [document, wire] = exact["references"]
    assert document["snaks-order"] == ["P854", "P1476", "P577", "P1683"]
    assert document["snaks"]["P577"][0]["datavalue"]["value"]["precision"] == 11
    assert wire["snaks-order"] == ["P854", "P1476", "P577", "P813"]
    assert wire["snaks"]["P1476"][0]["datavalue"]["value"] == {
        "text": "Wire story",
        "language": "fr",
    }
    assert wire["snaks"]["P813"][0]["datavalue"]["value"]["time"] == "+2024-05-04T00:00:00Z"
    for line in (
        "1 claim left out of the wikidata export: a denial is not a statement of a value",
        "1 claim left out of the wikidata export: a one-sided or vague quantity has no amount with two bounds",
        "1 claim left out of the wikidata export: its date is not one day, month, year or decade",
    ):
        assert line in " ".join(err.split())
    assert "A\ttabbed quote of 50" in st  # JSON holds any text


# ------------------------------------------------------------- QuickStatements

_TIME = re.compile(r"^[+-]\d+-\d\d-\d\dT\d\d:\d\d:\d\dZ/(\d+)$")
_QUANTITY = re.compile(
    r"^([+-]?\d+(?:\.\d+)?)(?:~([+-]?\d+(?:\.\d+)?))?(?:U(\d+|" + PLACEHOLDER + r"))?$"
)


def parse_value(text: str, *, placeholders: bool) -> Any:
    """One value of the version 1 grammar, or AssertionError."""
    if text in ("novalue", "somevalue"):
        return text
    if re.match(r"^Q[1-9]\d*$", text) or (placeholders and re.match(f"^{PLACEHOLDER}$", text)):
        return ("item", text)
    if m := re.match(r'^"(.*)"$', text):
        return ("string", m[1])
    if m := re.match(r'^([a-z_-]+):"(.*)"$', text):
        return ("text", m[1], m[2])
    if m := _TIME.match(text):
        assert int(m[1]) <= 14
        return ("time", text.split("/")[0], int(m[1]))
    if m := _QUANTITY.match(text):
        if m[3] and m[3].startswith("{"):
            assert placeholders, text
        return ("quantity", m[1], m[2], m[3])
    raise AssertionError(f"not a QuickStatements value: {text!r}")


def parse_quickstatements(text: str, *, placeholders: bool = False) -> list[dict[str, Any]]:
    """Every line a statement command: item, property, value, then (property or source,
    value) pairs. Refuses an empty line, an odd pair, a comment, anything else."""
    assert text.endswith("\n")
    commands = []
    for line in text[:-1].split("\n"):
        assert line and line == line.strip()
        assert not re.search(r"/\*.*\*/\s*$", line), "would be read as an edit summary"
        cols = line.split("\t")
        assert len(cols) >= 3 and len(cols) % 2 == 1, line
        key = re.compile(rf"^([PS][1-9]\d*|{PLACEHOLDER})$" if placeholders else r"^[PS][1-9]\d*$")
        assert parse_value(cols[0], placeholders=placeholders)[0] == "item"
        assert key.match(cols[1]) and not cols[1].startswith("S")
        pairs = [
            (cols[i], parse_value(cols[i + 1], placeholders=placeholders))
            for i in range(3, len(cols), 2)
        ]
        for k, _ in pairs:
            assert key.match(k), k
        commands.append(
            {
                "item": cols[0],
                "property": cols[1],
                "value": parse_value(cols[2], placeholders=placeholders),
                "pairs": pairs,
            }
        )
    return commands


def test_the_parser_refuses_what_quickstatements_would_misread() -> None:
    good = 'Q1\tP2\t+5~1U11573\tP585\t+2020-00-00T00:00:00Z/9\tS854\t"https://x.org"\n'
    assert parse_quickstatements(good)[0]["value"] == ("quantity", "+5", "1", "11573")
    for bad in (
        "Q1\tP2\t1000[900,1100]\n",  # bounds QuickStatements does not read
        'Q1\tP2\t"a"\tP3\n',  # a qualifier without its value
        "Q1\tP2\t+5 /* b */\n",  # an edit summary
        'Q1\tP2\t"a\tb"\n',  # a tab inside a string
        '{subject:a}\tP2\t"a"\n',  # a placeholder where none is allowed
        "Q1\tP2\t2022-09-21\n",  # a date not in its form
    ):
        with pytest.raises(AssertionError):
            parse_quickstatements(bad)


def test_quickstatements_of_a_declared_base_parse_strictly(declared: Path) -> None:
    code, out, err = export("-c", str(declared), "-f", "quickstatements")
    assert code == 0, err
    # The scope has no declared property: its placeholder must be filled in first.
    assert "{scope:region}" in out
    filled = (
        out.replace("{scope:region}", "P276")
        .replace("U{unit:rubles}", "U41044")
        .replace("{subject:town}", "Q300")
    )
    commands = parse_quickstatements(filled)
    values = {(c["item"], c["property"], c["value"]) for c in commands}
    assert ("Q100", "P1120", ("quantity", "+120", None, None)) in values
    assert ("Q100", "P1120", ("quantity", "+900", "90", None)) in values
    assert ("Q100", "P1120", ("quantity", "+350", "50", None)) in values
    assert ("Q100", "P580", ("time", "+2022-09-00T00:00:00Z", 10)) in values
    assert ("Q300", "P1107", ("quantity", "+30", None, "11229")) in values
    assert ("Q100", "P710", ("item", "Q200")) in values
    first = next(c for c in commands if c["value"] == ("quantity", "+120", None, None))
    assert first["pairs"][0] == ("P585", ("time", "+2023-05-02T00:00:00Z", 11))
    assert ("S1683", ("text", "en", "120 died")) in first["pairs"]
    # The second reference on a line of its own, repeating the statement.
    wire = [c for c in commands if c["value"] == first["value"] and c is not first]
    assert wire and wire[0]["pairs"][0] == ("S854", ("string", "https://example.org/wire"))
    said = " ".join(err.split())
    assert (
        "1 claim left out of the quickstatements export: QuickStatements cannot mark a statement deprecated"
        in said
    )
    assert (
        "1 claim left out of the quickstatements export: a text holds a tab or a line break" in said
    )
    assert "tabbed" not in out


def test_quickstatements_of_the_bundled_data_parse_with_placeholders() -> None:
    code, out, err = export("-c", str(ROOT / "claims"), "-f", "quickstatements")
    assert code == 0, err
    assert len(parse_quickstatements(out, placeholders=True)) > 50
    with pytest.raises(AssertionError):
        parse_quickstatements(out)  # nothing declared: the placeholders are still there


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("two\nlines", False),
        ("tab\there", False),
        ("line\u2028separator", False),
        ('a "quoted" /* not a summary */', True),
        ("=HYPERLINK(1) | <script>", True),
    ],
)
def test_hostile_text_in_quickstatements_is_refused_or_kept_whole(
    tmp_path: Path, text: str, written: bool
) -> None:
    data = {
        "subjects": [{"id": "s", "name": "S", "wikidata": "Q1"}],
        "properties": [
            {"id": "p", "name": "P", "definition": "d", "kind": "count", "wikidata": "P2"}
        ],
        "documents": [{"id": "d", "title": text, "url": "https://example.org/d"}],
        "claims": [
            {
                "id": "c",
                "document": "d",
                "text": "5 of them",
                "subject": "s",
                "property": "p",
                "value": "5",
            }
        ],
    }
    (tmp_path / "c.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, err = export("-c", str(tmp_path), "-f", "quickstatements")
    assert code == 0
    if written:
        [command] = parse_quickstatements(out)
        assert ("S1476", ("text", "und", text)) in command["pairs"]
    else:
        assert out == ""
        assert "a text holds a tab or a line break" in " ".join(err.split())
    doc = json.loads(export("-c", str(tmp_path), "-f", "wikidata")[1])
    check_entities(doc)
    [ref] = doc["entities"]["Q1"]["claims"]["P2"][0]["references"]
    assert ref["snaks"]["P1476"][0]["datavalue"]["value"]["text"] == text


@pytest.mark.parametrize(
    ("section", "record", "bad"),
    [
        ("subjects", {"id": "s", "name": "S"}, "Q05"),
        ("subjects", {"id": "s", "name": "S"}, "P5"),
        ("properties", {"id": "p", "name": "P", "definition": "d", "kind": "count"}, "Q5"),
        ("entities", {"id": "e", "name": "E"}, "q5"),
    ],
)
def test_a_wikidata_id_of_the_wrong_form_is_an_error_naming_its_place(
    tmp_path: Path, section: str, record: dict[str, str], bad: str
) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps({section: [{**record, "wikidata": bad}]}), encoding="utf-8")
    code, _, err = export("-c", str(path), "-f", "wikidata")
    assert code == 2
    assert f"{section}[0].wikidata" in err


# ------------------------------------------------------------- properties


@given(strategies.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_every_amount_is_written_as_wikibase_reads_amounts(x: float) -> None:
    text = decimal(x)
    assert re.match(r"^[+-]\d+(\.\d{1,6})?$", text), text
    assert abs(Decimal(text) - Decimal(repr(x))) <= Decimal("0.0000005")
    assert _QUANTITY.match(text)


@given(strategies.text())
def test_a_string_is_written_whole_for_quickstatements_or_refused(text: str) -> None:
    try:
        cell = qs_string(text)
    except _UnwritableError:
        assert any(ch in text for ch in "\t\n\r\x0b\x0c\x85\u2028\u2029")
        return
    assert parse_value(cell, placeholders=False) == ("string", text)
    assert "\t" not in cell and "\n" not in cell
