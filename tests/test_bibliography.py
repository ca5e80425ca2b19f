"""`factcheck import`: sources from CSL-JSON, BibTeX and RIS files, as a claim file or merged
into one (factcheck/bibliography/)."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.bibliography import MAX_BIBLIOGRAPHY_BYTES, import_sources, read_bibliography
from factcheck.bibliography.claim_text import dump
from factcheck.bibliography.items import KIND_TABLES, kinds_table
from factcheck.cli import app
from factcheck.errors import FactcheckError
from factcheck.extract import claim_file
from factcheck.loading import load_corpus
from factcheck.model import Source, SourceKind

DATA = Path(__file__).parent / "data"
IMPORT = DATA / "import"
runner = CliRunner()


def _sources(*files: Path | str, **options: Any) -> list[dict[str, Any]]:
    return import_sources([str(f) for f in files], **options).added


def _problems(exc: pytest.ExceptionInfo[FactcheckError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the three formats


def test_a_zotero_csl_json_export_maps_every_field() -> None:
    found = import_sources([str(IMPORT / "zotero.json")])
    assert found.added == [
        {
            "id": "petrova-2022-russias",
            "author": "Anna Petrova",
            "title": "Russia's Mobilization Drive Is Over, Kremlin Says — But No Decree Ends It",
            "publisher": "The Moscow Times",
            "date": "31 October 2022",
            "url": "https://www.themoscowtimes.com/2022/10/31/mobilization-over-a79241",
            "accessed": "3 May 2024",
            "language": "en",
            "kind": "media",
        },
        {
            "id": "euaa-2025-russian",
            "author": "European Union Agency for Asylum",
            "title": "The Russian Federation – Military service",
            "publisher": "European Union Agency for Asylum",
            "date": "March 2025",
            "url": "https://euaa.europa.eu/publications/coi-report-russian-federation-military-service",
            "identifier": "BZ-02-25-123-EN-N",
            "language": "en-GB",
            "kind": "report",
        },
        {
            "id": "echr-2024-case",
            "title": "Case of K. v. Russia",
            "publisher": "European Court of Human Rights",
            "date": "13 February 2024",
            "url": "https://hudoc.echr.coe.int/eng?i=001-230001",
            "kind": "court",
        },
        {
            "id": "kuznetsov-2023-who",
            "author": "Ilya Kuznetsov; Claire de Beaumont",
            "title": "Who Left? Emigration from Russia after September 2022",
            "publisher": "Post-Soviet Affairs",
            "date": "1 July 2023",
            "pages": "pp. 311-329",
            "url": "https://doi.org/10.5555/PSA.2023.0142",
            "identifier": "10.5555/PSA.2023.0142",
            "kind": "academic",
        },
        {
            "id": "human-2023-interview",
            "author": "Human rights lawyer",
            "title": "Interview with a human rights lawyer, Tbilisi",
            "date": "8 November 2023",
            "kind": "interview",
        },
        {
            "id": "ovdinfo-2022-kak",
            "title": "Как проходит мобилизация: хроника",
            "publisher": "OVD-Info",
            "date": "23 September 2022",
            "url": "https://ovd.info/articles/2022/09/23/kak-prohodit-mobilizaciya",
            "accessed": "3 May 2024",
            "language": "ru",
            "kind": "other",
        },
    ]
    # Zotero's ids are links to its own records, not keys a person cites: said, with the id
    # used instead, at the item's line.
    assert found.notes[0] == (
        f"{IMPORT / 'zotero.json'}:2: key "
        "'http://zotero.org/users/local/Xk3pQ9aT/items/7ZP4M2KD' names a record of a library, "
        "not a work; cited as 'petrova-2022-russias' (from author, year and title)"
    )
    assert [n.split(":")[1] for n in found.notes] == ["2", "34", "58", "75", "106", "126"]


def test_a_better_bibtex_file_keeps_its_keys_and_decodes_latex() -> None:
    found = _sources(IMPORT / "bbt.bib")
    assert [s["id"] for s in found] == [
        "euaaRussianFederationMilitary2025",
        "kuznetsovWhoLeftEmigration2023",
        "lefevreRelocalisationEntreprisesFrancaises2022",
        "danishimmigrationserviceRussiaConscription2025",
        "galeottiPutinsWarsChechnya2022",
        "ivanovaMobilisationRegions2023",
    ]
    online, article, newspaper, report, book, chapter = found
    assert online == {
        "id": "euaaRussianFederationMilitary2025",
        "author": "European Union Agency for Asylum",
        "title": "The Russian Federation – Military Service",
        "publisher": "EUAA",
        "date": "March 2025",
        "url": "https://euaa.europa.eu/publications/coi-report-russian-federation-military-service",
        "accessed": "2 April 2025",
        "language": "en",
        "kind": "other",
    }
    # Braces protecting a name part are not part of it; the journal's ISSN names the journal.
    assert article["author"] == "Ilya Kuznetsov; Claire de Beaumont"
    assert article["identifier"] == "10.5555/PSA.2023.0142"
    assert article["pages"] == "pp. 311–329"
    assert article["kind"] == "academic"
    # Accents written as LaTeX are letters; a link's `%20` is not a LaTeX comment.
    assert newspaper["title"] == "La relocalisation des entreprises françaises après l'été 2022"
    assert newspaper["author"] == "Renée Lefèvre; Jörg Müller"
    assert newspaper["url"].endswith("?utm_source=rss%20feed")
    assert (newspaper["kind"], newspaper["language"]) == ("media", "fr")
    assert report["identifier"] == "DIS-COI-2025-02"
    assert report["publisher"] == "Danish Immigration Service (DIS)"
    assert report["kind"] == "report"
    assert book["identifier"] == "ISBN 978-1-4728-4753-1"
    assert book["date"] == "2022"
    # A chapter's ISBN is its book's: two chapters would look like one work.
    assert "identifier" not in chapter
    assert (chapter["publisher"], chapter["date"]) == ("Russia's War at Home", "September 2023")


def test_a_ris_database_export_with_crlf_and_a_byte_order_mark() -> None:
    found = import_sources([str(IMPORT / "scopus.ris")])
    article, news, report, chapter = found.added
    assert article == {
        "id": "kuznetsov-2023-who",
        "author": "Ilya Kuznetsov; Claire de Beaumont",
        "title": "Who Left? Emigration from Russia after September 2022",
        "publisher": "Post-Soviet Affairs",
        "date": "1 July 2023",
        "pages": "pp. 311–329",
        "url": "https://doi.org/10.5555/PSA.2023.0142",
        "identifier": "10.5555/PSA.2023.0142",
        "language": "en",
        "kind": "academic",
    }
    assert (news["kind"], news["accessed"], news["date"]) == (
        "media",
        "3 May 2024",
        "31 October 2022",
    )
    # The RIS ID is the record's key; a body as author is written whole.
    assert (report["id"], report["author"], report["date"]) == (
        "HRW-2023-03",
        "Human Rights Watch",
        "2023",
    )
    assert chapter["author"] == "Olga Ivanova"  # the editor (A2) is not an author
    assert found.notes == found.skipped == []


def test_csl_json_as_an_object_of_items_with_every_way_of_writing_a_date(tmp_path: Path) -> None:
    items = {
        "items": [
            {
                "id": "x",
                "citation-key": "vanDijk2021",
                "type": "chapter",
                "title": "On leaving",
                "author": [
                    {"family": "Dijk", "given": "Jan", "non-dropping-particle": "van"},
                    {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
                    "Someone Else",
                ],
                "container-title": "Collected",
                "ISBN": "978-1-4728-4753-1",
                "issued": {"date-parts": [["2021", "3", "5"], [2021, 3, 7]]},
            },
            {
                "id": "s",
                "type": "report",
                "title": "Seasonal",
                "issued": {"date-parts": [[2020, 13]]},
            },
            {
                "id": "c",
                "type": "report",
                "title": "Circa",
                "issued": {"raw": "2019", "circa": True},
            },
            {"id": "l", "type": "speech", "title": "Literal", "issued": {"literal": "early 2018"}},
            {
                "id": "i",
                "type": "book",
                "title": "Iso",
                "issued": "2017-06",
                "ISBN": "9781472847531",
            },
            {"id": "e", "type": "report", "title": "Editors", "editor": [{"literal": "UNHCR"}]},
        ]
    }
    path = _write(tmp_path, "pandoc.json", json.dumps(items))
    chapter, season, circa, literal, iso, edited = _sources(path)
    assert chapter["id"] == "vanDijk2021"  # CSL's citation-key before the id
    assert chapter["author"] == "Jan van Dijk; Martin Luther King Jr.; Someone Else"
    assert chapter["date"] == "5 March 2021 – 7 March 2021"
    assert "identifier" not in chapter  # the book's ISBN, not the chapter's
    assert season["date"] == "spring 2020"
    assert circa["date"] == "circa 2019"
    assert literal["date"] == "early 2018"
    assert (iso["date"], iso["identifier"]) == ("June 2017", "ISBN 9781472847531")
    assert edited["author"] == "UNHCR"


# --------------------------------------------------------------------------- kinds


def test_the_kind_table_names_each_type_once_per_format_and_only_known_kinds() -> None:
    for fmt, table in KIND_TABLES.items():
        assert set(table.values()) <= set(SourceKind), fmt
    for kind, csl, bibtex, ris in kinds_table():
        for column in (csl, bibtex, ris):
            assert len(column) == len(set(column)), (kind, column)
    assert KIND_TABLES["csl"]["article-journal"] == SourceKind.academic
    assert KIND_TABLES["csl"]["article-newspaper"] == SourceKind.media
    assert KIND_TABLES["csl"]["legal_case"] == SourceKind.court
    assert KIND_TABLES["bibtex"]["techreport"] == SourceKind.report
    assert KIND_TABLES["ris"]["GOVDOC"] == SourceKind.government


def test_the_documented_kind_table_is_the_code_table() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "claim-format.md").read_text("utf-8")
    for kind, csl, bibtex, ris in kinds_table():
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{kind.value}` |"))
        for name in (*csl, *bibtex, *ris):
            assert f"`{name}`" in row, f"docs/claim-format.md: {name} under {kind.value}"


def test_an_unknown_type_is_other_with_a_note_at_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "odd.bib", "% exported\n\n@thingamajig{odd1,\n  title = {Odd}\n}\n")
    found = import_sources([str(path)])
    assert found.added == [{"id": "odd1", "title": "Odd", "kind": "other"}]
    assert found.notes == [
        f"{path}:3: type '@thingamajig' is not a BibTeX type; imported as kind 'other'"
    ]
    ris = _write(tmp_path, "odd.ris", "TY  - WHAT\nTI  - Odd too\nER  - \n")
    assert import_sources([str(ris)]).notes == [
        f"{ris}:1: type 'WHAT' is not a RIS type; imported as kind 'other'"
    ]


# ------------------------------------------------------------------------------ ids


def test_keys_are_made_valid_ids_and_said(tmp_path: Path) -> None:
    items = [
        {"id": "Smith 2020\tdraft", "type": "report", "title": "A"},
        {"id": "  ", "type": "report", "title": "Bee keeping", "author": [{"family": "Żak"}]},
        {"type": "report", "title": "The state of things", "issued": {"date-parts": [[2001]]}},
        {"id": "12345/ABCD2345", "type": "report", "title": "Zotero's own key"},
    ]
    path = _write(tmp_path, "ids.json", json.dumps(items))
    found = import_sources([str(path)])
    assert [s["id"] for s in found.added] == [
        "Smith-2020-draft",
        "zak-bee",
        "2001-state",
        "zoteros",
    ]
    assert found.notes[0] == (
        f"{path}:1: key 'Smith 2020 draft' cited as 'Smith-2020-draft' "
        "(an id has no spaces or control characters)"
    )
    assert "has nothing an id can hold" in found.notes[1]
    assert "'12345/ABCD2345' names a record of a library" in found.notes[2]


def test_one_key_for_two_works_in_two_files_gives_the_second_a_new_id(tmp_path: Path) -> None:
    one = _write(tmp_path, "one.bib", "@report{smith2020, title = {First}, year = 2020}\n")
    two = _write(tmp_path, "two.bib", "@report{smith2020, title = {Second}, year = 2021}\n")
    found = import_sources([str(one), str(two)])
    assert [s["id"] for s in found.added] == ["smith2020", "smith2020-2"]
    assert found.notes == [
        f"{two}:1: id 'smith2020' is another source's; imported as 'smith2020-2'"
    ]


def test_made_ids_stay_unique_over_many_records(tmp_path: Path) -> None:
    items = [{"type": "report", "title": "Report", "issued": "2020"} for _ in range(3)]
    items += [{"type": "report", "title": "Report", "issued": str(2000 + n)} for n in range(3)]
    found = _sources(_write(tmp_path, "same.json", json.dumps(items)))
    # The first three are one work (same title and date); the others differ by year.
    assert [s["id"] for s in found] == ["2020-report", "2000-report", "2001-report", "2002-report"]


# ---------------------------------------------------------------------------- merge


CLAIMS = """\
# Sources of the EUAA report, checked by hand.
documents:
  - id: euaa-2026
    title: The Russian Federation – Military service
    date: 2026

sources:
  - id: kuznetsovWhoLeftEmigration2023
    title: Who left? Emigration from Russia after September 2022   # case fixed by hand
    date: 2023-07-01
    identifier: 10.5555/PSA.2023.0142
    kind: academic
  # more to come

# The footnotes
footnotes:
  - {document: euaa-2026, label: "1", cites: [{source: kuznetsovWhoLeftEmigration2023}]}
"""


def test_merging_keeps_the_file_and_a_persons_edit_and_adds_each_work_once(tmp_path: Path) -> None:
    target = _write(tmp_path, "claims.yaml", CLAIMS)
    files = [str(IMPORT / "bbt.bib"), str(IMPORT / "scopus.ris"), str(IMPORT / "zotero.json")]
    first = import_sources(files, into=target)
    text = first.text
    # Everything that was there is there, byte for byte, comments and the edit included.
    head, tail = CLAIMS.split("  # more to come\n")
    assert text.startswith(head.rstrip("\n"))
    assert text.endswith("  # more to come\n" + tail)
    merged = yaml.safe_load(text)
    assert merged["sources"][0]["title"] == "Who left? Emigration from Russia after September 2022"
    # One work in three files is one source: the DOI, the link, or the title and a date
    # that meet ("2023" and "September 2023") find it.
    ids = [s["id"] for s in merged["sources"]]
    assert len(ids) == len(set(ids)) == 11
    assert first.merged[0] == (
        f"{IMPORT / 'bbt.bib'}:11: record 'kuznetsovWhoLeftEmigration2023' is already there "
        "(same DOI or identifier)"
    )
    assert any(
        "'Mobilisation in the Regions' is already there as 'ivanovaMobilisation" in m
        for m in first.merged
    )
    target.write_text(text, encoding="utf-8")
    again = import_sources(files, into=target)
    assert again.added == []
    assert again.text == text
    assert len(again.merged) == 16


def test_merging_into_a_file_without_sources_with_an_empty_list_or_json(tmp_path: Path) -> None:
    bib = str(IMPORT / "bbt.bib")
    plain = _write(tmp_path, "a.yaml", "documents:\n- id: d\n  title: T\n")
    text = import_sources([bib], into=plain).text
    assert text.startswith("documents:\n- id: d\n  title: T\nsources:\n- id: euaaRussian")
    empty = _write(tmp_path, "b.yaml", "sources: []   # none yet\nclaims: []\n")
    text = import_sources([bib], into=empty).text
    assert len(yaml.safe_load(text)["sources"]) == 6 and text.endswith("claims: []\n")
    as_json = _write(tmp_path, "c.json", json.dumps({"sources": [], "claims": []}))
    data = json.loads(import_sources([bib], into=as_json).text)
    assert list(data) == ["sources", "claims"] and len(data["sources"]) == 6
    missing = tmp_path / "new.yaml"
    assert yaml.safe_load(import_sources([bib], into=missing).text)["sources"][0]["kind"] == "other"


def test_a_title_shared_by_two_works_of_different_years_or_authors_is_two_sources(
    tmp_path: Path,
) -> None:
    there = _write(
        tmp_path,
        "c.yaml",
        "sources:\n  - {id: ar2020, title: Annual report, date: '2020', author: Amnesty}\n",
    )
    bib = _write(
        tmp_path,
        "r.bib",
        "@report{ar2021, title = {Annual Report}, year = 2021, author = {Amnesty}}\n"
        "@report{hrw2020, title = {Annual report}, year = 2020, author = {{Human Rights Watch}}}\n"
        "@report{ar2020b, title = {Annual report}, date = {2020-05}, author = {Amnesty}}\n",
    )
    found = import_sources([str(bib)], into=there)
    assert [s["id"] for s in found.added] == ["ar2021", "hrw2020"]
    assert found.merged == [
        f"{bib}:3: record 'ar2020b' is already there as 'ar2020' (same title and date)"
    ]


def test_a_file_whose_text_cannot_take_the_sources_is_refused_not_rewritten(tmp_path: Path) -> None:
    # A `sources` key written twice is not a claim file the text can be added to.
    target = _write(tmp_path, "c.yaml", "sources:\n  - id: a\nsources:\n  - id: b\n")
    with pytest.raises(FactcheckError):
        import_sources([str(IMPORT / "bbt.bib")], into=target)
    bad = _write(tmp_path, "d.yaml", "sources: {id: a}\n")
    with pytest.raises(FactcheckError) as exc:
        import_sources([str(IMPORT / "bbt.bib")], into=bad)
    assert _problems(exc) == [f"{bad}: sources: 'sources' is not a list"]


# ------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "broken.bib",
            "@article{ok, title = {Fine}}\n\n@article{broken,\n  title = {Oops,\n  year = 2020\n}\n\n"
            "@misc{after, title = {After}}\n",
            [
                "broken.bib:3: BibTeX syntax error in `@article{broken,`: Unexpected block start: "
                "`@misc`. Was still looking for field-value closing `,` or `}`"
            ],
        ),
        (
            "dup.bib",
            "@article{a, title = {One}}\n@article{a, title = {Two}}\n@book{b, title={X}, title={Y}}\n",
            [
                "dup.bib:2: key 'a' is used by two entries (first at line 1); give each its own key",
                "dup.bib:3: entry 'b' gives title twice; keep one",
            ],
        ),
        (
            "no-end.ris",
            "TY  - JOUR\nTI  - One\nER  - \n\nTY  - JOUR\nTI  - Two\nTY  - BOOK\nTI  - Three\n",
            [
                "no-end.ris:5: this record has no end (`ER  - `) before the record at line 7 begins",
                "no-end.ris:7: this record has no end (`ER  - `) before the file ends",
            ],
        ),
        (
            "dup.ris",
            "TY  - JOUR\nID  - k\nTI  - One\nER  - \nTY  - JOUR\nID  - k\nTI  - Two\nER  - \n",
            ["dup.ris:5: key 'k' is used by two records (first at line 1); give each its own key"],
        ),
        (
            "dup.json",
            '[{"id": "k", "title": "One"},\n {"id": "k", "title": "Two"}]',
            ["dup.json:2: key 'k' is used by two records (first at line 1); give each its own key"],
        ),
        ("empty.bib", "  \n\n", ["empty.bib: empty file; there is nothing to import"]),
        (
            "text.bib",
            "just words\n",
            ["text.bib:1: no BibTeX entries (`@article{key, …}`) in this file"],
        ),
        (
            "none.ris",
            "Provider: x\n",
            ["none.ris: no RIS records (`TY  - …` to `ER  - `) in this file"],
        ),
        (
            "claims.json",
            '{"sources": [{"id": "a"}]}',
            [
                'claims.json:1: not CSL-JSON: expected a list of items, or an object with "items" (a list)'
            ],
        ),
        (
            "strings.json",
            '["a", "b"]',
            [
                "strings.json:1: not CSL-JSON: no item has an id, type, title, author, issued, URL or DOI"
            ],
        ),
        (
            "mixed.json",
            '[{"id": "a", "title": "T"},\n 3]',
            ["mixed.json:2: not CSL-JSON: item 2 is int, not an object"],
        ),
        (
            "syntax.json",
            '[{"id": "a",\n  "title": }]',
            [
                'syntax.json:2: JSON syntax error, column 12: unexpected character\n    2 |   "title": }]'
            ],
        ),
        (
            "twice.json",
            '[{"id": "a",\n  "title": "x", "title": "y"}]',
            ["twice.json:2: key 'title' appears twice in one object"],
        ),
        (
            "notes.txt",
            "Some notes about sources.\n",
            [
                "notes.txt: not a bibliography factcheck reads: CSL-JSON (.json), BibTeX (.bib) or RIS (.ris)"
            ],
        ),
    ],
)
def test_bad_input_is_refused_naming_file_and_line(
    tmp_path: Path, name: str, text: str, expected: list[str]
) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(FactcheckError) as exc:
        import_sources([str(path)])
    got = [p.replace(f"{tmp_path}/", "") for p in _problems(exc)]
    if name == "syntax.json":  # orjson's wording of the error is its own
        assert got[0].startswith("syntax.json:2: JSON syntax error")
    else:
        assert got == expected


def test_a_broken_file_writes_nothing_and_exits_2(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.ris", "TY  - JOUR\nTI  - never ends\n")
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["import", str(IMPORT / "bbt.bib"), str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "bad.ris:1: this record has no end" in result.stderr
    assert not out.exists()
    target = _write(tmp_path, "claims.yaml", CLAIMS)
    result = runner.invoke(app, ["import", str(bad), "--into", str(target)])
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == CLAIMS


def test_a_record_without_title_author_or_link_is_named_and_the_rest_imported(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path,
        "part.bib",
        "@article{good, title = {Good}}\n\n@misc{bare,\n  year = {2020},\n  note = {nothing}\n}\n",
    )
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 0
    assert f"warning: {path}:3: record 'bare' not imported: it has no title, author or link" in (
        result.stderr
    )
    assert [s["id"] for s in yaml.safe_load(result.stdout)["sources"]] == ["good"]


def test_a_field_longer_than_a_claim_file_holds_is_a_record_not_imported(tmp_path: Path) -> None:
    items = [{"id": "long", "type": "report", "title": "x" * 100_001}, {"id": "ok", "title": "Ok"}]
    found = import_sources([str(_write(tmp_path, "long.json", json.dumps(items)))])
    assert [s["id"] for s in found.added] == ["ok"]
    assert found.skipped == [
        f"{tmp_path}/long.json:1: record 'long' not imported: "
        "title: String should have at most 100000 characters"
    ]


def test_encodings_are_read_or_refused_never_guessed(tmp_path: Path) -> None:
    latin = tmp_path / "latin.bib"
    latin.write_bytes("@book{a,\n  title = {Caf\u00e9}\n}\n".encode("latin-1"))
    with pytest.raises(FactcheckError) as exc:
        import_sources([str(latin)])
    assert _problems(exc) == [f"{latin}:2: not UTF-8 (byte 0xe9); export the bibliography as UTF-8"]
    utf16 = tmp_path / "wide.ris"
    utf16.write_bytes("TY  - BOOK\r\nTI  - Café\r\nER  - \r\n".encode("utf-16"))
    assert _sources(utf16)[0]["title"] == "Café"
    nul = tmp_path / "nul.bib"
    nul.write_bytes(b"@book{a, title={x\x00}}")
    with pytest.raises(FactcheckError, match="binary file"):
        import_sources([str(nul)])


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.bib"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BIBLIOGRAPHY_BYTES + 1)
    with pytest.raises(FactcheckError) as exc:
        import_sources([str(huge)])
    assert _problems(exc) == [
        f"{huge}: over 64 MiB, more than a bibliography holds; split it into several files"
    ]
    with pytest.raises(FactcheckError, match="over 64 MiB"):
        import_sources(["-"], stdin=lambda: b" " * (MAX_BIBLIOGRAPHY_BYTES + 1))


def test_a_large_library_imports_in_bounded_time(tmp_path: Path) -> None:
    import time

    entries = "".join(
        f"@article{{k{n},\n  title = {{Study number {n}}},\n  author = {{Smith, Jane}},\n"
        f"  journal = {{Journal}},\n  year = {{2020}},\n  doi = {{10.5555/x.{n}}}\n}}\n\n"
        for n in range(2000)
    )
    path = _write(tmp_path, "big.bib", entries)
    started = time.perf_counter()
    found = import_sources([str(path)])
    assert len(found.added) == 2000
    assert time.perf_counter() - started < 20


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    bib = _write(
        tmp_path,
        "hostile.bib",
        "@article{evil,\n"
        '  title = {=HYPERLINK("https://evil.example","x") <script>alert(1)</script>},\n'
        "  author = {\\input{/etc/passwd} and {[bold]Rich[/]}},\n"
        "  journal = {@SUM(A1)},\n"
        "  year = {2020}\n}\n",
    )
    (source,) = _sources(bib)
    assert source["title"] == '=HYPERLINK("https://evil.example","x") <script>alert(1)</script>'
    assert "root:" not in source["author"]  # no file is read
    assert source["publisher"] == "@SUM(A1)"


def test_a_missing_parser_is_named_with_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "rispy", None)
    with pytest.raises(FactcheckError) as exc:
        import_sources([str(IMPORT / "scopus.ris")])
    assert _problems(exc) == [
        f"{IMPORT / 'scopus.ris'}: reading RIS needs the package rispy: "
        "pip install 'factcheck[import]'"
    ]


def test_random_text_gives_records_or_a_factcheck_error() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "@article{",
            "}",
            "{",
            "title = ",
            "TY  - JOUR\n",
            "ER  - \n",
            "AU  - ",
            "\\'e",
            '"',
            ",",
            "\n",
            "[",
            "]",
            '{"id": 1}',
            "%",
            "@string{x = ",
            "=",
            "and",
            " ",
        ]
    )

    @settings(max_examples=150, deadline=None)
    @given(st.lists(pieces, max_size=30), st.sampled_from(["x.bib", "x.ris", "x.json", "x"]))
    def read(parts: list[str], name: str) -> None:
        try:
            items = read_bibliography("".join(parts).encode(), name)
        except FactcheckError:
            return
        for item in items:
            assert isinstance(item.fields, dict)

    read()


# --------------------------------------------------------------- command and end to end


def test_the_dump_is_the_text_extract_writes() -> None:
    sources = _sources(IMPORT / "bbt.bib", IMPORT / "zotero.json")
    assert dump({"sources": sources}) == claim_file.dump({"sources": sources})


def test_the_command_writes_yaml_or_json_and_replaces_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "sources.json"
    result = runner.invoke(
        app, ["import", str(IMPORT / "scopus.ris"), "-f", "json", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "imported 4 sources\n"
    assert [s["id"] for s in json.loads(out.read_text())["sources"]][2] == "HRW-2023-03"
    again = runner.invoke(app, ["import", str(IMPORT / "scopus.ris"), "-o", str(out)])
    assert again.exit_code == 2 and "exists; add --force" in again.stderr
    both = runner.invoke(
        app, ["import", str(IMPORT / "scopus.ris"), "--into", str(out), "-f", "json"]
    )
    assert both.exit_code == 2
    assert "--into keeps the claim file's own format; leave out --format" in both.stderr


def test_standard_input_is_read_and_its_format_told_by_its_text() -> None:
    text = (IMPORT / "bbt.bib").read_text(encoding="utf-8")
    result = runner.invoke(app, ["import", "-"], input=text)
    assert result.exit_code == 0, result.stderr
    assert len(yaml.safe_load(result.stdout)["sources"]) == 6


def test_imported_sources_are_cited_and_every_command_loads_them(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    folder.mkdir()
    for name in ("report.yaml", "vocabulary.yaml"):
        (folder / name).write_text((DATA / "mini" / name).read_text("utf-8"), "utf-8")
    report = folder / "report.yaml"
    hostile = _write(
        tmp_path,
        "h.bib",
        "@online{evil2022,\n"
        '  title = {=HYPERLINK("https://evil.example","x") <script>alert(1)</script>'
        " \x1b[31mred\x1b[0m},\n"
        "  organization = {+cmd},\n  date = {2022-09-27},\n"
        "  url = {https://example.org/evil}\n}\n",
    )
    result = runner.invoke(
        app, ["import", str(IMPORT / "bbt.bib"), str(hostile), "--into", str(report)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("imported 7 sources\n")
    text = report.read_text("utf-8").replace(
        "cites: [{source: wire-1}]",
        "cites: [{source: evil2022}, {source: kuznetsovWhoLeftEmigration2023}]",
    )
    report.write_text(text, "utf-8")
    corpus = load_corpus([folder], use_cache=False)
    assert corpus.sources["evil2022"].title.startswith("=HYPERLINK")
    assert all(Source.model_validate(s.model_dump()) for s in corpus.sources.values())
    check = runner.invoke(app, ["check", "-c", str(folder), "--today", "2026-01-01", "-f", "json"])
    assert check.exit_code == 0, check.stderr
    assert "unknown source" not in check.stdout
    conflicts = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert conflicts.exit_code == 0, conflicts.stderr
    shown = runner.invoke(app, ["show", "early", "-c", str(folder), "-f", "csv"])
    assert shown.exit_code == 0, shown.stderr
    cells = [c for row in csv.reader(io.StringIO(shown.stdout)) for c in row]
    assert any("HYPERLINK" in c for c in cells)
    assert not any(re.match(r"[=+@-]", c) for c in cells if "HYPERLINK" in c or "cmd" in c)
    for fmt in ("table", "markdown", "csv", "html", "json"):
        out = runner.invoke(app, ["show", "early", "-c", str(folder), "-f", fmt])
        assert out.exit_code == 0, out.stderr
        assert "HYPERLINK" in out.stdout and "\x1b" not in out.stdout, fmt
        if fmt in ("markdown", "html"):
            assert "<script>" not in out.stdout, fmt
    html = runner.invoke(app, ["export", "-c", str(folder), "-f", "html", "--today", "2026-01-01"])
    assert html.exit_code == 0, html.stderr
    assert "<script>alert(1)" not in html.stdout and "&lt;script&gt;alert(1)" in html.stdout


def test_a_source_whose_title_a_person_rewrote_is_found_by_its_id(tmp_path: Path) -> None:
    there = _write(
        tmp_path,
        "c.yaml",
        "sources:\n"
        "  - id: galeottiPutinsWarsChechnya2022\n"
        "    title: Putin's wars, from Chechnya to Ukraine (checked against the print)\n"
        "    author: Mark Galeotti\n"
        "    date: '2022'\n",
    )
    found = import_sources([str(IMPORT / "bbt.bib")], into=there)
    assert "galeottiPutinsWarsChechnya2022" not in [s["id"] for s in found.added]
    assert (
        f"{IMPORT / 'bbt.bib'}:45: record 'galeottiPutinsWarsChechnya2022' is already there "
        "(same id)"
    ) in found.merged
    # The same key for another work of the same author is a new source under a new id.
    other = _write(
        tmp_path,
        "o.bib",
        "@book{galeottiPutinsWarsChechnya2022, title = {We Need to "
        "Talk About Putin}, author = {Galeotti, Mark}, year = 2019}\n",
    )
    again = import_sources([str(other)], into=there)
    assert [s["id"] for s in again.added] == ["galeottiPutinsWarsChechnya2022-2"]


def test_numbers_that_are_no_date_stay_numbers_for_check_to_name(tmp_path: Path) -> None:
    items = [
        {"id": "a", "type": "report", "title": "A", "issued": {"date-parts": [[2020, 17, 3]]}},
        {"id": "b", "type": "report", "title": "B", "issued": {"date-parts": [[99999, 1]]}},
        {"id": "c", "type": "report", "title": "C", "issued": {"date-parts": [[2020, 2, 45]]}},
    ]
    found = _sources(_write(tmp_path, "odd.json", json.dumps(items)))
    assert [s["date"] for s in found] == ["2020-17-3", "99999-1", "2020-2-45"]
    ris = _write(tmp_path, "odd.ris", "TY  - RPRT\nTI  - R\nPY  - 2020/13//\nER  - \n")
    assert _sources(ris)[0]["date"] == "2020-13"


def test_keys_too_long_to_cite_and_latex_nested_too_deep_are_still_text(tmp_path: Path) -> None:
    key = "k" * 201
    found = import_sources(
        [str(_write(tmp_path, "k.json", json.dumps([{"id": key, "title": "Long"}])))]
    )
    assert found.added[0]["id"] == "long"
    assert "key of 201 characters is too long to cite" in found.notes[0]
    deep = "@article{a, title = {" + "\\emph{" * 3000 + "x" + "}" * 3000 + "}}\n"
    (source,) = _sources(_write(tmp_path, "deep.bib", deep))
    assert source["title"].startswith("\\emph\\emph") and source["title"].endswith("x")


# --------------------------------------------------------------------------- round trip


def test_the_bundled_sources_survive_export_to_csl_json_and_import_back(tmp_path: Path) -> None:
    """`export --format csl-json`, then `import`: every bundled source comes back under its
    id with the same fields, but for what CSL cannot hold: a placeholder link (`#`, which
    the export leaves out) and the kinds CSL has no type for (an NGO's or a government's
    work is a CSL `report`, which reads back as a report)."""
    from factcheck.exchange.csl import CSL_TYPE
    from factcheck.workspace import Workspace

    claims = Path(__file__).parent.parent / "claims"
    bundled = load_corpus([claims], use_cache=False)
    exported = tmp_path / "bibliography.json"
    exported.write_text(
        Workspace([claims], use_cache=False).exchange("csl-json").text, encoding="utf-8"
    )
    back = {s["id"]: s for s in _sources(exported)}
    assert set(back) == set(bundled.sources)
    reported_as = {kind for kind, csl in CSL_TYPE.items() if csl == "report"}
    for sid, source in bundled.sources.items():
        expected = source.model_dump(exclude_none=True, exclude_defaults=True)
        if expected.get("url") == "#":
            del expected["url"]
        if expected.get("kind") in reported_as:
            expected["kind"] = SourceKind.report
        got = Source.model_validate(back[sid]).model_dump(exclude_none=True, exclude_defaults=True)
        assert got == expected, sid
