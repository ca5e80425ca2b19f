"""factcheck export in exchange formats (factcheck/exchange/): CSL-JSON validated against
the CSL data schema, Web Annotations checked against the W3C model's MUSTs and expanded by
a JSON-LD processor, ClaimReview expanded against schema.org's own term definitions. The
schemas and contexts are vendored in tests/data/schemas/ (README.md there) and served to
the processor offline: no test reaches the network."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pyld import jsonld
from typer.testing import CliRunner

from factcheck import Workspace
from factcheck.cli import app
from factcheck.errors import UsageError
from factcheck.exchange.claimreview import RATINGS
from factcheck.exchange.csl import csl_date, names
from factcheck.options import ExportFormat

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = Path(__file__).parent / "data" / "schemas"
BUNDLED = ROOT / "claims"
EXCHANGE = [f for f in ExportFormat if f.report_format is None]
#: The exchange formats written as JSON (QuickStatements is tab-separated text, tested in
#: tests/test_exchange_wikidata.py).
JSON_FORMATS = [f for f in EXCHANGE if f is not ExportFormat.quickstatements]
HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m | <script>alert(1)</script>\tnext\n=1+2"

CSL_SCHEMA = json.loads((SCHEMAS / "csl-data.json").read_text(encoding="utf-8"))
CONTEXTS = {
    "http://www.w3.org/ns/anno.jsonld": SCHEMAS / "anno.jsonld",
    "https://schema.org": SCHEMAS / "schemaorg-terms.jsonld",
}
ANNO = "http://www.w3.org/ns/oa#"
SCHEMA = "http://schema.org/"


def _offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serves the vendored contexts; any other address fails the test."""
    path = CONTEXTS.get(url.rstrip("/") if url.endswith(".org/") else url)
    if path is None:
        raise AssertionError(f"the JSON-LD processor asked for {url}, which is not vendored")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(path.read_text(encoding="utf-8")),
    }


def expand(doc: Any) -> list[dict[str, Any]]:
    expanded: list[dict[str, Any]] = jsonld.expand(doc, {"documentLoader": _offline_loader})
    return expanded


def export(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    data = {
        "subjects": [{"id": "s", "name": HOSTILE}],
        "properties": [{"id": "p", "name": HOSTILE, "definition": "d", "kind": "count"}],
        "documents": [{"id": "d", "title": HOSTILE, "url": "https://example.org/page?a=1&b=2"}],
        "sources": [
            {
                "id": "src",
                "title": HOSTILE,
                "author": '=HYPERLINK("x"); Doe, Jane',
                "publisher": HOSTILE,
                "url": "javascript:alert(1)",
                "archive_url": 'https://web.archive.org/web/2024/https://example.org/"><x',
                "date": "31 February 2022",
                "accessed": "yesterday-ish",
                "pages": HOSTILE,
                "kind": "media",
            }
        ],
        "claims": [
            {
                "id": "c1",
                "document": "d",
                "text": HOSTILE,
                "subject": "s",
                "property": "p",
                "value": "12",
                "claimant": HOSTILE,
                "scope": {"where": HOSTILE},
                "sources": ["src"],
            },
            {
                "id": "c2",
                "document": "d",
                "text": "</script><script>alert(2)</script>",
                "subject": "s",
                "property": "p",
                "value": "99",
                "sources": ["src"],
            },
        ],
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ CSL-JSON


@pytest.mark.parametrize("claims", [BUNDLED, Path(__file__).parent / "data" / "mini"])
def test_csl_json_of_the_data_is_valid_against_the_csl_schema(claims: Path) -> None:
    code, out, err = export("-c", str(claims), "-f", "csl-json")
    assert code == 0, err
    items = json.loads(out)
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(items)
    assert [i["id"] for i in items] == sorted(Workspace([claims]).corpus().sources)


def test_the_csl_schema_refuses_what_it_should() -> None:
    """The vendored schema is strict enough to catch a mistake of ours."""
    validator = jsonschema.Draft7Validator(CSL_SCHEMA)
    assert not validator.is_valid([{"id": "a", "type": "news-article"}])
    assert not validator.is_valid([{"id": "a", "type": "report", "url": "x"}])
    assert not validator.is_valid([{"id": "a", "type": "report", "author": [{"first": "A"}]}])


def test_csl_json_maps_every_field_of_a_source(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        """
sources:
  - id: book
    title: Conscription in Russia
    author: Petrova, Anna; Ivanov, Ilya; Human Rights Watch
    publisher: Academic Press
    date: March 2023
    url: https://example.org/book
    identifier: ISBN 978-3-16-148410-0
    pages: pp. 30-33
    language: en
    accessed: accessed 3 May 2024
    archive_url: https://web.archive.org/web/2024/https://example.org/book
    kind: academic
  - id: paper
    title: A paper
    identifier: doi:10.1000/XYZ123
    date: n.d.
  - id: memo
    title: A memo
    identifier: Report No 11 2025
    publisher: Ministry
    date: spring 2023
    kind: government
""",
        encoding="utf-8",
    )
    items = {i["id"]: i for i in json.loads(export("-c", str(tmp_path), "-f", "csl-json")[1])}
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(list(items.values()))
    assert items["book"] == {
        "id": "book",
        "type": "article-journal",
        "title": "Conscription in Russia",
        "author": [
            {"family": "Petrova", "given": "Anna"},
            {"family": "Ivanov", "given": "Ilya"},
            {"literal": "Human Rights Watch"},
        ],
        "container-title": "Academic Press",
        "issued": {"date-parts": [[2023, 3]]},
        "URL": "https://example.org/book",
        "ISBN": "9783161484100",
        "page": "30-33",
        "language": "en",
        "accessed": {"date-parts": [[2024, 5, 3]]},
        "note": "Archived copy: https://web.archive.org/web/2024/https://example.org/book",
    }
    # No kind, no link: a document; a DOI in its field; undated: no date at all.
    assert items["paper"] == {
        "id": "paper",
        "type": "document",
        "title": "A paper",
        "DOI": "10.1000/xyz123",
    }
    assert items["memo"] == {
        "id": "memo",
        "type": "report",
        "title": "A memo",
        "publisher": "Ministry",
        "issued": {"literal": "spring 2023"},
        "number": "Report No 11 2025",
    }


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Anna Petrova", [{"literal": "Anna Petrova"}]),
        ("Petrova, Anna", [{"family": "Petrova", "given": "Anna"}]),
        ("Mao Zedong", [{"literal": "Mao Zedong"}]),
        ("Report, 2021", [{"literal": "Report, 2021"}]),
        ("Smith, J., Doe, A.", [{"literal": "Smith, J., Doe, A."}]),
        ("Smith, J.; ; Doe", [{"family": "Smith", "given": "J."}, {"literal": "Doe"}]),
        ("Петрова, Анна", [{"family": "Петрова", "given": "Анна"}]),
    ],
)
def test_names_are_split_only_where_the_text_says_which_is_the_family_name(
    written: str, expected: list[dict[str, str]]
) -> None:
    assert names(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("21 September 2022", {"date-parts": [[2022, 9, 21]]}),
        ("2022-09-21", {"date-parts": [[2022, 9, 21]]}),
        ("September 2022", {"date-parts": [[2022, 9]]}),
        ("2022", {"date-parts": [[2022]]}),
        ("21–23 September 2022", {"literal": "21–23 September 2022"}),
        ("31 February 2022", {"literal": "31 February 2022"}),
        ("n.d.", None),
    ],
)
def test_dates_keep_the_precision_they_were_written_with(
    written: str, expected: dict[str, Any] | None
) -> None:
    assert csl_date(written) == expected


def test_csl_json_with_a_filter_holds_the_sources_its_claims_cite(mini: Path) -> None:
    code, out, err = export("-c", str(mini), "-f", "csl-json", "--subject", "exodus")
    assert code == 0, err
    assert [i["id"] for i in json.loads(out)] == ["paper-2", "wire-1"]
    code, out, err = export("-c", str(mini), "-f", "csl-json", "--subject", "callup")
    assert [i["id"] for i in json.loads(out)] == ["paper-2", "wire-1"]


# ------------------------------------------------------------------------- Web Annotation


def _check_annotation_musts(note: dict[str, Any]) -> None:
    """The Web Annotation Data Model's MUSTs for what we write, one by one (sections 3.1,
    3.2.4, 4.2.4 of the W3C Recommendation of 23 February 2017)."""
    # 3.1: an annotation MUST have exactly one @context, the anno.jsonld one (first if many).
    context = note["@context"]
    assert context == "http://www.w3.org/ns/anno.jsonld" or (
        isinstance(context, list) and context[0] == "http://www.w3.org/ns/anno.jsonld"
    )
    # 3.1: exactly one IRI identifying it.
    assert isinstance(note["id"], str)
    assert ":" in note["id"] and " " not in note["id"]
    # 3.1: type MUST include Annotation.
    types = note["type"] if isinstance(note["type"], list) else [note["type"]]
    assert "Annotation" in types
    # 3.1: one or more targets MUST be associated.
    assert note.get("target")
    # 3.2.4: a SpecificResource MUST have exactly one source, an IRI.
    target = note["target"]
    assert isinstance(target["source"], str)
    assert target["source"].startswith(("http://", "https://"))
    # 4.2.4: a TextQuoteSelector MUST have type and exact; prefix and suffix are optional.
    selector = target["selector"]
    assert selector["type"] == "TextQuoteSelector"
    assert isinstance(selector["exact"], str)
    assert set(selector) <= {"type", "exact", "prefix", "suffix"}
    # 3.2.4 (TextualBody): value MUST be given, a string.
    body = note["body"]
    assert body["type"] == "TextualBody"
    assert isinstance(body["value"], str)
    assert "bodyValue" not in note  # MUST NOT be given with body


def test_web_annotations_of_the_bundled_data_meet_the_model_and_expand() -> None:
    code, out, err = export("-c", str(BUNDLED), "-f", "web-annotation")
    assert code == 0, err
    notes = json.loads(out)
    corpus = Workspace([BUNDLED]).corpus()
    placed = [c for c in corpus.claims.values() if corpus.documents[c.document].url]
    assert 0 < len(placed) < len(corpus.claims)  # the EUAA report gives no link
    assert len(notes) == len(placed)
    assert f"{len(corpus.claims) - len(placed)} claims left out" in err
    by_text = Counter(c.text for c in placed)
    assert Counter(n["target"]["selector"]["exact"] for n in notes) == by_text
    assert len({n["id"] for n in notes}) == len(notes)
    for note in notes:
        _check_annotation_musts(note)
    expanded = expand(notes)
    assert len(expanded) == len(notes)
    for node in expanded:
        assert node["@type"] == [ANNO + "Annotation"]
        [target] = node[ANNO + "hasTarget"]
        [selector] = target[ANNO + "hasSelector"]
        assert selector["@type"] == [ANNO + "TextQuoteSelector"]
        assert selector[ANNO + "exact"][0]["@value"]
        assert target[ANNO + "hasSource"][0]["@id"].startswith("https://")
        [body] = node[ANNO + "hasBody"]
        assert body["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"][0]["@value"]


def test_web_annotations_leave_out_claims_with_no_page_and_say_so(mini: Path) -> None:
    code, out, err = export("-c", str(mini), "-f", "web-annotation")
    assert code == 0
    assert json.loads(out) == []
    assert "11 claims left out of the web annotations" in err


def test_an_annotation_id_is_the_same_in_every_export() -> None:
    first = export("-c", str(BUNDLED), "-f", "web-annotation")[1]
    assert export("-c", str(BUNDLED), "-f", "web-annotation")[1] == first


# ---------------------------------------------------------------------------- ClaimReview


def _strings(node: Any) -> Counter[str]:
    """Every string value under a node, keys and @-keywords aside."""
    found: Counter[str] = Counter()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@value", "@graph") or not key.startswith("@"):
                found += _strings(value)
    elif isinstance(node, list):
        for value in node:
            found += _strings(value)
    elif isinstance(node, str):
        found[node] += 1
    return found


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return {k for k in node if not k.startswith("@")} | {
            k for v in node.values() for k in _keys(v)
        }
    if isinstance(node, list):
        return {k for v in node for k in _keys(v)}
    return set()


def test_claimreview_uses_only_schema_org_terms_and_loses_nothing_on_expansion() -> None:
    code, out, err = export("-c", str(BUNDLED), "-f", "claimreview")
    assert code == 0, err
    doc = json.loads(out)
    terms = json.loads((SCHEMAS / "schemaorg-terms.jsonld").read_text())["@context"]
    assert _keys(doc["@graph"]) <= set(terms)
    expanded = expand(doc)
    # Every string written is still there once expanded: nothing was dropped as unknown.
    # Links become node ids (`url` is declared `@id`), which `_strings` does not read.
    original = Counter({t: n for t, n in _strings(doc).items() if not t.startswith("http")})
    assert _strings(expanded) == original
    reviews = [n for n in expanded if n.get("@type") == [SCHEMA + "ClaimReview"]]
    assert len(reviews) == len(Workspace([BUNDLED]).corpus().claims)


def test_claimreview_ratings_say_how_sources_stand_never_true_or_false(mini: Path) -> None:
    doc = json.loads(export("-c", str(mini), "-f", "claimreview")[1])
    ratings = {r["identifier"]: r["reviewRating"] for r in doc["@graph"]}
    assert {r["alternateName"] for r in ratings.values()} <= set(RATINGS)
    for rating in ratings.values():
        assert "ratingValue" not in rating
        assert rating["@type"] == "Rating"
    assert ratings["denial"]["alternateName"] == "sources conflict"
    assert ratings["target-a"]["alternateName"] == "consistent"
    assert "target-b" in ratings["target-a"]["ratingExplanation"]
    assert ratings["neighbour"]["alternateName"] == "single source"
    words = json.dumps(doc).lower()
    for verdict in ('"true"', '"false"', '"mostly true"', '"misleading"'):
        assert verdict not in words


def test_claimreview_min_severity_keeps_claims_of_graver_conflicts(mini: Path) -> None:
    everything = json.loads(export("-c", str(mini), "-f", "claimreview")[1])["@graph"]
    high = json.loads(export("-c", str(mini), "-f", "claimreview", "--min-severity", "high")[1])
    kept = high["@graph"]
    assert 0 < len(kept) < len(everything)
    assert {r["reviewRating"]["alternateName"] for r in kept} == {"sources conflict"}


# ------------------------------------------------------------------------- every format


@pytest.mark.parametrize("fmt", JSON_FORMATS, ids=[f.value for f in JSON_FORMATS])
def test_hostile_text_stays_data_in_every_exchange_format(fmt: ExportFormat, hostile: Path) -> None:
    code, out, err = export("-c", str(hostile), "-f", fmt.value)
    assert code == 0, err
    data = json.loads(out)
    for danger in ("\x1b", "<script>", "</script>", "\t", "javascript:"):
        assert danger not in out
    # Read back, the text is the text written, with nothing dropped or run.
    assert HOSTILE in _strings(data) or fmt is ExportFormat.csl_json
    if fmt is ExportFormat.csl_json:
        [item] = data
        jsonschema.Draft7Validator(CSL_SCHEMA).validate(data)
        assert item["title"] == HOSTILE
        assert "URL" not in item  # a javascript: link is no link
        assert "note" not in item  # nor an archive link with a quote in it
        assert item["issued"] == {"literal": "31 February 2022"}
        assert item["author"] == [
            {"literal": '=HYPERLINK("x")'},
            {"family": "Doe", "given": "Jane"},
        ]
    else:
        expand(data)


def test_hostile_text_is_left_out_of_quickstatements_with_a_note(hostile: Path) -> None:
    code, out, err = export("-c", str(hostile), "-f", "quickstatements")
    assert code == 0, err
    assert out == ""  # every claim quotes text with a tab and a line break
    assert "2 claims left out of the quickstatements export" in " ".join(err.split())


@pytest.mark.parametrize("fmt", EXCHANGE, ids=[f.value for f in EXCHANGE])
def test_exchange_formats_honour_output_force_and_drafts(
    fmt: ExportFormat, mini: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    assert export("-c", str(mini), "-f", fmt.value, "-o", str(out))[0] == 0
    written = out.read_text(encoding="utf-8")
    assert written == export("-c", str(mini), "-f", fmt.value)[1]
    code, _, err = export("-c", str(mini), "-f", fmt.value, "-o", str(out))
    assert code == 2
    assert "exists; add --force" in err
    assert export("-c", str(mini), "-f", fmt.value, "-o", str(out), "--force")[0] == 0


def test_no_drafts_leaves_drafted_claims_out(mini: Path, tmp_path: Path) -> None:
    text = (mini / "report.yaml").read_text(encoding="utf-8")
    base = tmp_path / "base"
    base.mkdir()
    (base / "vocabulary.yaml").write_text(
        (mini / "vocabulary.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    drafted = text.replace("  - id: later\n", "  - id: later\n    draft: true\n")
    assert drafted != text
    (base / "report.yaml").write_text(drafted, encoding="utf-8")
    every = json.loads(export("-c", str(base), "-f", "claimreview")[1])["@graph"]
    reviewed = json.loads(export("-c", str(base), "-f", "claimreview", "--no-drafts")[1])
    assert {r["identifier"] for r in every} - {r["identifier"] for r in reviewed["@graph"]} == {
        "later"
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "csl-json", "--today", "2026-01-01"], "--today applies only to the report formats"),
        (["-f", "claimreview", "--assess"], "--assess applies only to the report formats"),
        (
            ["-f", "web-annotation", "--min-severity", "high"],
            "--min-severity applies to claimreview",
        ),
        (
            ["-f", "claimreview", "--subject", "exodos"],
            "no such id 'exodos'; did you mean 'exodus'?",
        ),
        (["-f", "bibtex"], "'bibtex' is not one of"),
    ],
)
def test_exchange_usage_errors(args: list[str], message: str, mini: Path) -> None:
    code, _, err = export("-c", str(mini), *args)
    assert code == 2
    assert message in " ".join(err.split())


def test_the_library_refuses_a_report_format(mini: Path) -> None:
    with pytest.raises(UsageError, match="is a report format"):
        Workspace([mini]).exchange("json")


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("doi:10.1000/XYZ123", {"DOI": "10.1000/xyz123"}),
        ("https://doi.org/10.1000/abc", {"DOI": "10.1000/abc"}),
        ("ISBN 0-306-40615-2", {"ISBN": "9780306406157"}),
        ("ISSN 03178471", {"ISSN": "0317-8471"}),
        ("ISBN 0-306-40615-3", {"number": "ISBN 0-306-40615-3"}),  # wrong check digit
        ("Report No 11 2025", {"number": "Report No 11 2025"}),
    ],
)
def test_identifiers_go_to_their_csl_field(identifier: str, expected: dict[str, str]) -> None:
    from factcheck.exchange.csl import csl_item
    from factcheck.model import Source

    item = csl_item(Source(id="s", identifier=identifier))
    assert {k: v for k, v in item.items() if k not in ("id", "type")} == expected
