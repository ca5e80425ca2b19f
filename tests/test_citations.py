"""Citation checks on small corpora written in each test: for every code in `CHECKS`, a
corpus that triggers it (code, level, record, message and line) and the near misses real
users would hit that must not; `independent_sources`; `factcheck check` on the command
line; and a property test that the checks never fail on odd corpora."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.citations import (
    BY_CODE,
    CHECKS,
    Finding,
    Level,
    explain,
    independent_sources,
    run_checks,
    select,
)
from factcheck.cli import app
from factcheck.corpus import Corpus
from factcheck.errors import InputError, UsageError
from factcheck.loading import load_corpus

TODAY = date(2026, 1, 1)

VOCABULARY: dict[str, Any] = {
    "subjects": [{"id": "callup", "name": "The call-up"}],
    "properties": [
        {
            "id": "left.count",
            "name": "People who left",
            "definition": "People who left the country since the call-up",
            "kind": "count",
            "unit": "people",
        },
        {
            "id": "end.date",
            "name": "End of the call-up",
            "definition": "The date the call-up ended",
            "kind": "date",
        },
    ],
}
DOCUMENT: dict[str, Any] = {
    "id": "rep",
    "title": "Country report",
    "publisher": "Agency",
    "date": "March 2025",
}


def source(sid: str, **fields: Any) -> dict[str, Any]:
    """A source with a publisher, title, date and real link; `field=None` leaves one out."""
    record: dict[str, Any] = {
        "id": sid,
        "publisher": "Wire",
        "title": f"Story {sid}",
        "date": "1 October 2022",
        "url": f"https://example.org/{sid}",
        "kind": "media",
    }
    record.update(fields)
    return {k: v for k, v in record.items() if v is not None}


def note(label: str, *sources: str, document: str = "rep") -> dict[str, Any]:
    return {"document": document, "label": label, "cites": [{"source": s} for s in sources]}


def claim(cid: str, *footnotes: str, **fields: Any) -> dict[str, Any]:
    """A count claim of document `rep` resting on the given footnote labels."""
    record: dict[str, Any] = {
        "id": cid,
        "document": "rep",
        "text": f"The words of claim {cid}.",
        "subject": "callup",
        "property": "left.count",
        "value": "261,000",
        "footnotes": list(footnotes),
    }
    record.update(fields)
    return record


@dataclass
class Checked:
    """A corpus written to a file, loaded leniently, and its findings."""

    path: Path
    corpus: Corpus
    findings: list[Finding]

    def line(self, rid: str) -> int:
        """The line where the record with this id starts (`- id: rid`), read from the text."""
        lines = self.path.read_text("utf-8").splitlines()
        return next(n for n, text in enumerate(lines, 1) if text.strip() == f"- id: {rid}")

    def of(self, *codes: str) -> list[Finding]:
        return [f for f in self.findings if f.code in codes]

    def only(self, code: str) -> Finding:
        found = self.of(code)
        assert len(found) == 1, found
        return found[0]

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}


def write(
    folder: Path,
    *,
    documents: Sequence[dict[str, Any]] | None = None,
    sources: Sequence[dict[str, Any]] = (),
    footnotes: Sequence[dict[str, Any]] = (),
    claims: Sequence[dict[str, Any]] = (),
) -> Path:
    """The vocabulary and one claim file holding the given records; the claim file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocabulary.yaml").write_text(yaml.safe_dump(VOCABULARY, sort_keys=False), "utf-8")
    records = {
        "documents": [DOCUMENT] if documents is None else list(documents),
        "sources": list(sources),
        "footnotes": list(footnotes),
        "claims": list(claims),
    }
    path = folder / "corpus.yaml"
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def check(folder: Path, *, today: date = TODAY, **records: Any) -> Checked:
    path = write(folder, **records)
    corpus = load_corpus([folder], strict=False)
    return Checked(path, corpus, run_checks(corpus, today=today))


def cited(folder: Path, *sources: dict[str, Any], **records: Any) -> Checked:
    """Each source in its own footnote, each footnote cited by its own claim."""
    notes = [note(str(n), s["id"]) for n, s in enumerate(sources, 1)]
    claims = [claim(f"c{n}", str(n)) for n in range(1, len(sources) + 1)]
    return check(folder, sources=list(sources), footnotes=notes, claims=claims, **records)


def one_claim(
    folder: Path, *sources: dict[str, Any], document: dict[str, Any] | None = None, **fields: Any
) -> Checked:
    """One claim `c` citing every source, each through its own footnote."""
    notes = [note(str(n), s["id"]) for n, s in enumerate(sources, 1)]
    labels = [str(n) for n in range(1, len(sources) + 1)]
    return check(
        folder,
        documents=[document or DOCUMENT],
        sources=list(sources),
        footnotes=notes,
        claims=[claim("c", *labels, **fields)],
    )


def shape(f: Finding) -> tuple[str, Level, str, int | None, str]:
    return (f.code, f.level, f.record, f.line, f.message)


# --------------------------------------------------------------------------- FC10x references

# A valid corpus; each case below edits it into one with a single broken reference.
BASE = """\
documents:
  - id: rep
    title: Country report
    date: March 2025
sources:
  - id: wire
    title: Story
    publisher: Wire
    date: 1 October 2022
    url: https://example.org/wire
footnotes:
  - document: rep
    label: "1"
    cites: [{source: wire}]
claims:
  - id: c
    document: rep
    text: Many left.
    subject: callup
    property: left.count
    value: 261,000
    footnotes: ["1"]
"""
ANOTHER_SOURCE = "  - id: wire\n    title: Again\n"
ANOTHER_NOTE = '  - document: rpe\n    label: "2"\n    cites: [{source: wire}]\n'

BROKEN = {
    # code, id: (old, new, record, line, message); {path} stands for the claim file.
    "FC101": (
        'footnotes: ["1"]',
        'footnotes: ["1", "7"]',
        "c",
        22,
        "footnote '7' is not defined in document 'rep'",
    ),
    "FC102-footnote": (
        "cites: [{source: wire}]",
        "cites: [{source: wire}, {source: wyre}]",
        "rep#1",
        14,
        "unknown source 'wyre'; did you mean 'wire'?",
    ),
    "FC102-claim": (
        'footnotes: ["1"]',
        'footnotes: ["1"]\n    sources: [wirre]',
        "c",
        23,
        "unknown source 'wirre'; did you mean 'wire'?",
    ),
    "FC102-reports": (
        "url: https://example.org/wire",
        "url: https://example.org/wire\n    reports: [wirre]",
        "wire",
        11,
        "unknown source 'wirre'; did you mean 'wire'?",
    ),
    "FC103-source": (
        "footnotes:\n",
        ANOTHER_SOURCE + "footnotes:\n",
        "wire",
        11,
        "duplicate id 'wire'; first defined at {path}:6",
    ),
    "FC103-claim": (
        BASE,
        BASE + BASE[BASE.index("  - id: c") :],
        "c",
        23,
        "duplicate id 'c'; first defined at {path}:16",
    ),
    "FC106": (
        "claims:\n",
        ANOTHER_NOTE + "claims:\n",
        "rpe#2",
        15,
        "unknown document 'rpe'",
    ),
}


def write_text_corpus(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocabulary.yaml").write_text(yaml.safe_dump(VOCABULARY), "utf-8")
    path = folder / "corpus.yaml"
    path.write_text(text, "utf-8")
    return path


def test_the_base_corpus_has_only_its_single_source_note(tmp_path: Path) -> None:
    write_text_corpus(tmp_path, BASE)
    found = run_checks(load_corpus([tmp_path]), today=TODAY)
    assert [(f.code, f.record, f.line) for f in found] == [("FC502", "c", 16)]


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_reference_is_a_finding_when_loading_leniently(tmp_path: Path, case: str) -> None:
    old, new, record, line, message = BROKEN[case]
    assert old in BASE
    path = write_text_corpus(tmp_path, BASE.replace(old, new, 1))
    code = case.split("-")[0]
    found = run_checks(load_corpus([tmp_path], strict=False), today=TODAY)
    errors = [f for f in found if f.level is Level.error]
    assert [shape(f) for f in errors] == [
        (code, Level.error, record, line, message.format(path=path))
    ]
    assert errors[0].file == str(path)


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_reference_fails_a_strict_load(tmp_path: Path, case: str) -> None:
    old, new, _, line, message = BROKEN[case]
    path = write_text_corpus(tmp_path, BASE.replace(old, new, 1))
    with pytest.raises(InputError) as raised:
        load_corpus([tmp_path], strict=True)
    assert [(p.file, p.line, p.message) for p in raised.value.problems] == [
        (str(path), line, message.format(path=path))
    ]


def test_footnote_defined_twice_is_fc103(tmp_path: Path) -> None:
    text = BASE.replace("claims:\n", '  - document: rep\n    label: "1"\n    cites: []\nclaims:\n')
    path = write_text_corpus(tmp_path, text)
    found = run_checks(load_corpus([tmp_path], strict=False), today=TODAY)
    assert [shape(f) for f in found if f.code == "FC103"] == [
        (
            "FC103",
            Level.error,
            "rep#1",
            15,
            f"duplicate id 'rep#1'; first defined at {path}:12",
        )
    ]


def test_footnote_cited_by_no_claim_is_fc104(tmp_path: Path) -> None:
    text = BASE.replace("claims:\n", '  - document: rep\n    label: "2"\n    cites: []\nclaims:\n')
    write_text_corpus(tmp_path, text)
    found = run_checks(load_corpus([tmp_path]), today=TODAY)
    assert [shape(f) for f in found if f.code == "FC104"] == [
        ("FC104", Level.warning, "rep#2", 15, "footnote 2 of 'rep' is cited by no claim")
    ]


def test_source_cited_by_nothing_is_fc105(tmp_path: Path) -> None:
    text = BASE.replace(
        "footnotes:\n", "  - id: spare\n    url: https://example.org/s\nfootnotes:\n"
    )
    write_text_corpus(tmp_path, text)
    found = run_checks(load_corpus([tmp_path]), today=TODAY)
    assert [shape(f) for f in found if f.code == "FC105"] == [
        ("FC105", Level.warning, "spare", 11, "source 'spare' is cited by no footnote or claim")
    ]


def test_a_source_cited_inline_or_relayed_is_used(tmp_path: Path) -> None:
    # 'inline' is cited by a claim without a footnote; 'original' only through a relay.
    checked = check(
        tmp_path,
        sources=[source("inline"), source("original"), source("relay", reports=["original"])],
        footnotes=[note("1", "relay")],
        claims=[claim("a", "1"), claim("b", sources=["inline"])],
    )
    assert checked.of("FC104", "FC105") == []


def test_references_that_resolve_are_not_findings(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a"), source("b")],
        footnotes=[note("1", "a", "b")],
        claims=[claim("c", "1", sources=["a"])],
    )
    assert checked.of("FC101", "FC102", "FC103", "FC104", "FC105", "FC106") == []


# --------------------------------------------------------------------------- FC201 duplicates


@pytest.mark.parametrize(
    ("first", "later", "why"),
    [
        pytest.param(
            {"url": "https://www.example.org/story/"},
            {"url": "http://example.org/story"},
            "same url",
            id="url-with-and-without-www-and-slash",
        ),
        pytest.param(
            {"url": None, "identifier": "10.1000/182", "title": "A study"},
            {"url": None, "identifier": "10.1000/182", "title": "A study, reprinted"},
            "same identifier",
            id="doi",
        ),
        pytest.param(
            {"url": None, "title": "Annual report", "date": "1 October 2022"},
            {"url": None, "title": "Annual report", "date": "3 October 2022"},
            "same title and publisher, dated within a year",
            id="title-and-publisher",
        ),
        pytest.param(
            {"url": None, "title": "Interview", "author": "Ivanov I.", "kind": "interview"},
            {"url": None, "title": "Interview", "author": "I. Ivanov", "kind": "interview"},
            "same title and publisher, dated within a year",
            id="one-interview-with-one-person",
        ),
    ],
)
def test_duplicate_source(
    tmp_path: Path, first: dict[str, Any], later: dict[str, Any], why: str
) -> None:
    checked = cited(tmp_path, source("a", **first), source("b", **later))
    found = checked.only("FC201")
    assert shape(found) == (
        "FC201",
        Level.warning,
        "b",
        checked.line("b"),
        f"'b' and 'a' look like one work ({why})",
    )


@pytest.mark.parametrize(
    ("first", "later"),
    [
        pytest.param(
            {"url": None, "title": "Online interview with X", "author": "Ivanov I."},
            {"url": None, "title": "Online interview with X", "author": "Petrov P."},
            id="interviews-with-different-people",
        ),
        pytest.param(
            {"url": None, "title": "Annual report", "publisher": "Agency", "date": "2022"},
            {"url": None, "title": "Annual report", "publisher": "Agency", "date": "2024"},
            id="same-report-two-years-apart",
        ),
        pytest.param(
            {"title": "Many leave", "url": "https://example.org/one"},
            {"title": "Many leave", "url": "https://example.org/two"},
            id="same-title-different-links",
        ),
        pytest.param(
            {"url": None, "title": "Many leave", "publisher": "Wire"},
            {"url": None, "title": "Many leave", "publisher": "Paper"},
            id="same-title-other-publisher",
        ),
        pytest.param(
            {"url": None, "identifier": "10.1000/182", "title": "A study"},
            {"url": None, "identifier": "10.1000/183", "title": "A study"},
            id="same-title-other-doi",
        ),
    ],
)
def test_not_a_duplicate_source(
    tmp_path: Path, first: dict[str, Any], later: dict[str, Any]
) -> None:
    checked = cited(tmp_path, source("a", **first), source("b", **later))
    assert checked.of("FC201") == []


# --------------------------------------------------------------------------- FC202 publishers


@pytest.mark.parametrize(
    ("usual", "other"),
    [
        ("ISW", "ISW (Institute for the Study of War)"),
        ("ISW", "Institute for the Study of War"),
        ("Institute for the Study of War", "ISW"),
        ("European Union Agency for Asylum", "EUAA"),
    ],
)
def test_one_publisher_under_several_names(tmp_path: Path, usual: str, other: str) -> None:
    # The name written most often is the reference; the other is reported where it is used.
    checked = cited(
        tmp_path,
        source("a", publisher=usual),
        source("b", publisher=usual),
        source("odd", publisher=other),
    )
    assert shape(checked.only("FC202")) == (
        "FC202",
        Level.warning,
        "odd",
        checked.line("odd"),
        f"publisher '{other}' is also written '{usual}'",
    )


def test_a_document_publisher_is_compared_too(tmp_path: Path) -> None:
    document = {**DOCUMENT, "publisher": "European Union Agency for Asylum"}
    checked = cited(
        tmp_path,
        source("a", publisher="EUAA"),
        source("b", publisher="EUAA"),
        documents=[document],
    )
    assert shape(checked.only("FC202")) == (
        "FC202",
        Level.warning,
        "rep",
        checked.line("rep"),
        "publisher 'European Union Agency for Asylum' is also written 'EUAA'",
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param("Novaya Gazeta", "Novaya Gazeta Europe", id="two-outlets"),
        pytest.param("Meduza", "Meduza", id="identical"),
        pytest.param("BBC Russian", "BBC Ukrainian", id="two-services"),
        # Two long forms that share only their initials are two publishers.
        pytest.param("Ministry of Defence", "Ministry of Development", id="same-initials"),
        pytest.param("Novaya Gazeta", "National Guard", id="same-initials-2"),
    ],
)
def test_different_publishers_are_not_one(tmp_path: Path, one: str, other: str) -> None:
    checked = cited(tmp_path, source("a", publisher=one), source("b", publisher=other))
    assert checked.of("FC202") == []


# --------------------------------------------------------------------------- FC203 misspelt


def test_misspelt_country_in_a_publisher(tmp_path: Path) -> None:
    publisher = "Demark, DIS and Sweden, Swedish Migration Agency"
    checked = cited(tmp_path, source("dis", publisher=publisher))
    assert shape(checked.only("FC203")) == (
        "FC203",
        Level.warning,
        "dis",
        checked.line("dis"),
        f"publisher '{publisher}': 'Demark' looks like a misspelt 'Denmark'",
    )


def test_misspelt_country_in_a_document_publisher_but_not_in_authors(tmp_path: Path) -> None:
    # Authors are personal names, which sit one or two letters from country names by
    # chance (Ivan/Iran, Timur/Timor), so only publishers are compared.
    document = {**DOCUMENT, "publisher": "Norwai Radio"}
    checked = cited(tmp_path, source("s", author="Radio Demark"), documents=[document])
    assert sorted((f.record, f.message) for f in checked.of("FC203")) == [
        ("rep", "publisher 'Norwai Radio': 'Norwai' looks like a misspelt 'Norway'"),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Denmark, DIS and Sweden, Swedish Migration Agency",
        "Danish Immigration Service",
        "Institute for the Study of War",
        "European Union Agency for Asylum",
        "UNHCR Kazakhstan",
        "SCEEUS",
        "ISW",
        "EUAA",
        "Republic of Kazakhstan",
        "United Kingdom",
        "Germany",
        "Migration Agency",
        # Real names that are not misspelt countries (each a separate kind of false alarm).
        pytest.param("Russia Today", id="country-name-Russia"),
        pytest.param("Home Office", id="ordinary-word-Home"),
        pytest.param("Levada Centre", id="ordinary-word-Centre"),
        pytest.param("Estonian Public Broadcasting", id="nationality-Estonian"),
    ],
)
def test_correct_names_are_not_misspelt(tmp_path: Path, name: str) -> None:
    checked = cited(tmp_path, source("s", publisher=name), source("t", author=name))
    assert checked.of("FC203") == []


def test_a_common_first_name_is_not_a_misspelt_country(tmp_path: Path) -> None:
    # 'Ivan' is one letter from 'Iran'; in reports on Russia it is a first name.
    checked = cited(tmp_path, source("s", author="Ivan Petrov"))
    assert checked.of("FC203") == []


# --------------------------------------------------------------------------- FC301 / FC302


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31 February 2022", "impossible date '31 February 2022': February 2022 has 28 days"),
        (
            "soon",
            "'soon' is not a date factcheck can read; write '21 September 2022', "
            "'September 2022', '2022', 'mid-June 2025' or '2022-09-21'",
        ),
    ],
)
def test_unreadable_source_date(tmp_path: Path, written: str, message: str) -> None:
    checked = cited(tmp_path, source("s", date=written))
    assert [shape(f) for f in checked.of("FC301", "FC302", "FC303", "FC304", "FC305")] == [
        ("FC301", Level.error, "s", checked.line("s"), message)
    ]


@pytest.mark.parametrize(
    "written", ["n.d.", "undated", "21 September 2022", "2022-09-21", "mid-June 2024", None]
)
def test_readable_or_missing_source_date(tmp_path: Path, written: str | None) -> None:
    checked = cited(tmp_path, source("s", date=written))
    assert checked.of("FC301") == []


def test_source_dated_after_today(tmp_path: Path) -> None:
    document = {**DOCUMENT, "date": "2026"}
    checked = cited(tmp_path, source("s", date="2 January 2026"), documents=[document])
    assert [shape(f) for f in checked.of("FC302")] == [
        (
            "FC302",
            Level.error,
            "s",
            checked.line("s"),
            "dated 2 January 2026, after today (2026-01-01)",
        )
    ]


def test_document_dated_after_today(tmp_path: Path) -> None:
    document = {**DOCUMENT, "date": "February 2026"}
    checked = cited(tmp_path, source("s"), documents=[document])
    assert [shape(f) for f in checked.of("FC302")] == [
        (
            "FC302",
            Level.error,
            "rep",
            checked.line("rep"),
            "dated February 2026, after today (2026-01-01)",
        )
    ]


@pytest.mark.parametrize("written", ["1 January 2026", "January 2026", "2026", "31 December 2025"])
def test_today_itself_is_not_the_future(tmp_path: Path, written: str) -> None:
    document = {**DOCUMENT, "date": written}
    checked = cited(tmp_path, source("s", date=written), documents=[document])
    assert checked.of("FC302") == []


def test_the_future_depends_on_today(tmp_path: Path) -> None:
    document = {**DOCUMENT, "date": "2026"}
    path = write(tmp_path, documents=[document], sources=[source("s", date="2 January 2026")])
    corpus = load_corpus([path.parent], strict=False)
    assert [f.code for f in run_checks(corpus, today=date(2026, 1, 1)) if f.code == "FC302"] == [
        "FC302"
    ]
    assert [f for f in run_checks(corpus, today=date(2026, 1, 2)) if f.code == "FC302"] == []


# --------------------------------------------------------------------------- FC303


def test_source_dated_after_the_document(tmp_path: Path) -> None:
    # Cited from two footnotes of one document: one finding.
    checked = check(
        tmp_path,
        sources=[source("late", date="5 April 2025")],
        footnotes=[note("1", "late"), note("2", "late")],
        claims=[claim("c", "1", "2")],
    )
    assert [shape(f) for f in checked.of("FC303")] == [
        (
            "FC303",
            Level.error,
            "late",
            checked.line("late"),
            "dated 5 April 2025, after 'rep' (March 2025), which cites it in footnote 1",
        )
    ]


@pytest.mark.parametrize("written", ["1 March 2025", "31 March 2025", "March 2025", "2024"])
def test_source_within_the_document_date_is_not_after_it(tmp_path: Path, written: str) -> None:
    checked = cited(tmp_path, source("s", date=written))
    assert checked.of("FC303") == []


def test_undated_document_or_source_is_not_compared(tmp_path: Path) -> None:
    document = {k: v for k, v in DOCUMENT.items() if k != "date"}
    checked = cited(
        tmp_path, source("s", date="5 April 2025"), source("t", date="n.d."), documents=[document]
    )
    assert checked.of("FC303") == []


# --------------------------------------------------------------------------- FC304 / FC305


def test_source_before_the_event(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s", date="1 October 2022"), as_of="21 September 2023")
    assert [shape(f) for f in checked.of("FC304", "FC305", "FC306")] == [
        (
            "FC304",
            Level.warning,
            "c",
            checked.line("c"),
            "source 's' (1 October 2022) appeared before the time the claim describes "
            "(21 September 2023)",
        )
    ]


def test_source_before_an_event_date_given_as_the_value(tmp_path: Path) -> None:
    checked = one_claim(
        tmp_path, source("s", date="1 October 2022"), property="end.date", value="31 October 2022"
    )
    assert [f.code for f in checked.of("FC304", "FC305")] == ["FC304"]


def test_same_day_and_month_in_another_year(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s", date="21 September 2022"), as_of="21 September 2023")
    assert [shape(f) for f in checked.of("FC304", "FC305", "FC306")] == [
        (
            "FC305",
            Level.warning,
            "c",
            checked.line("c"),
            "source 's' is dated 21 September 2022, the day of the event (21 September 2023) "
            "but in 2022",
        )
    ]


def test_same_day_and_month_a_later_year_is_fc305_too(tmp_path: Path) -> None:
    # The decree of 21 September 2022 cited to a source dated 21 September 2025.
    checked = one_claim(
        tmp_path,
        source("s", date="21 September 2025"),
        document={**DOCUMENT, "date": "2026"},
        property="end.date",
        value="21 September 2022",
    )
    assert [f.code for f in checked.of("FC304", "FC305", "FC306")] == ["FC305"]
    assert checked.only("FC305").message == (
        "source 's' is dated 21 September 2025, the day of the event (21 September 2022) "
        "but in 2025"
    )


@pytest.mark.parametrize(
    ("written", "as_of"),
    [
        pytest.param("1 October 2022", "21 September 2022", id="after-the-event"),
        pytest.param("21 September 2022", "21 September 2022", id="the-day-itself"),
        pytest.param("1 October 2022", "since November 2022", id="open-as-of"),
        pytest.param("1 October 2022", "October 2022", id="within-the-month"),
        pytest.param("September 2023", "21 September 2022", id="month-precision-source"),
        pytest.param("n.d.", "21 September 2023", id="undated-source"),
    ],
)
def test_source_dated_consistently_with_the_event(tmp_path: Path, written: str, as_of: str) -> None:
    checked = one_claim(tmp_path, source("s", date=written), as_of=as_of)
    assert checked.of("FC304", "FC305") == []


def test_an_event_that_has_not_happened_has_no_date_to_compare(tmp_path: Path) -> None:
    checked = one_claim(
        tmp_path,
        source("s", date="2016"),
        property="end.date",
        value="not yet",
        as_of="21 September 2022",
    )
    assert checked.of("FC304", "FC305", "FC306") == []


# --------------------------------------------------------------------------- FC306


def test_event_far_from_its_only_source(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s", date="1 October 2022"), as_of="2019")
    assert [shape(f) for f in checked.of("FC304", "FC305", "FC306")] == [
        (
            "FC306",
            Level.note,
            "c",
            checked.line("c"),
            "describes 2019; its only independent source 's' is dated 1 October 2022, 3.2 years apart",
        )
    ]


def test_event_far_from_its_only_independent_source(tmp_path: Path) -> None:
    # Two records, one independent source (the second relays the first): still one source.
    checked = one_claim(tmp_path, source("s"), source("relay", reports=["s"]), as_of="2019")
    assert [f.code for f in checked.of("FC306")] == ["FC306"]


def test_event_far_from_two_independent_sources_is_no_note(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s"), source("t"), as_of="2019")
    assert checked.of("FC306") == []


def test_event_within_two_years_of_its_source_is_no_note(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("s", date="1 October 2022"), as_of="December 2020")
    assert checked.of("FC306") == []


# --------------------------------------------------------------------------- FC401 / FC402


def test_source_without_link(tmp_path: Path) -> None:
    checked = cited(tmp_path, source("s", url=None))
    assert shape(checked.only("FC401")) == (
        "FC401",
        Level.warning,
        "s",
        checked.line("s"),
        "no url and no identifier",
    )


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"url": None, "kind": "interview"}, id="interview"),
        pytest.param({"url": None, "identifier": "10.1000/182"}, id="identifier"),
        pytest.param({"url": None, "kind": "report", "identifier": "Report No 11"}, id="report"),
        pytest.param({}, id="link"),
    ],
)
def test_source_that_needs_no_link(tmp_path: Path, fields: dict[str, Any]) -> None:
    checked = cited(tmp_path, source("s", **fields))
    assert checked.of("FC401") == []


@pytest.mark.parametrize("url", ["#", "url", "http://", "https://", "TBD", "example.org/a"])
def test_placeholder_link(tmp_path: Path, url: str) -> None:
    checked = cited(tmp_path, source("s", url=url))
    assert [shape(f) for f in checked.of("FC401", "FC402")] == [
        (
            "FC402",
            Level.warning,
            "s",
            checked.line("s"),
            f"link '{url}' is a placeholder or not a web address",
        )
    ]


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "http://www.example.org", "doi:10.1000/182"]
)
def test_real_link(tmp_path: Path, url: str) -> None:
    checked = cited(tmp_path, source("s", url=url))
    assert checked.of("FC401", "FC402") == []


# --------------------------------------------------------------------------- FC501 / FC502


def test_claim_citing_nothing(tmp_path: Path) -> None:
    checked = check(tmp_path, claims=[claim("c")])
    assert [shape(f) for f in checked.findings] == [
        ("FC501", Level.warning, "c", checked.line("c"), "no footnote and no source")
    ]


def test_claim_citing_a_source_inline_cites_something(tmp_path: Path) -> None:
    checked = check(tmp_path, sources=[source("a")], claims=[claim("c", sources=["a"])])
    assert checked.of("FC501") == []


def test_claim_citing_an_undefined_footnote_is_fc101_not_fc501(tmp_path: Path) -> None:
    checked = check(tmp_path, claims=[claim("c", "9")])
    assert [f.code for f in checked.findings] == ["FC101"]


def test_two_footnotes_citing_one_source_count_once(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a")],
        footnotes=[note("1", "a"), note("2", "a")],
        claims=[claim("c", "1", "2")],
    )
    assert [shape(f) for f in checked.findings] == [
        ("FC502", Level.note, "c", checked.line("c"), "rests on one independent source (a)")
    ]


def test_a_relay_is_not_independent_of_what_it_relays(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("a"), source("b", reports=["a"]))
    assert shape(checked.only("FC502")) == (
        "FC502",
        Level.note,
        "c",
        checked.line("c"),
        "rests on one independent source (a, b)",
    )


def test_duplicate_records_are_one_source(tmp_path: Path) -> None:
    checked = one_claim(
        tmp_path,
        source("a", url="https://example.org/x"),
        source("b", url="https://www.example.org/x/"),
    )
    assert checked.only("FC502").message == "rests on one independent source (a, b)"


def test_two_independent_sources(tmp_path: Path) -> None:
    checked = one_claim(tmp_path, source("a"), source("b"))
    assert checked.of("FC501", "FC502", "FC503") == []


# --------------------------------------------------------------------------- FC503

# The document itself, cited as a source (no link: same title, publisher and year).
ITSELF = source("itself", title="Country report", publisher="Agency", date="March 2025", url=None)


def test_claims_citing_only_their_document(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[ITSELF],
        footnotes=[note("1", "itself")],
        claims=[claim(f"c{n}", "1") for n in range(1, 6)],
    )
    assert [shape(f) for f in checked.of("FC501", "FC502", "FC503")] == [
        (
            "FC503",
            Level.note,
            "rep",
            checked.line("rep"),
            "5 claims cite only the document itself: c1, c2, c3 and 2 more",
        )
    ]


def test_claims_citing_only_their_document_one_finding_per_document(tmp_path: Path) -> None:
    other = {**DOCUMENT, "id": "rep2", "title": "Other report"}
    other_itself = {**ITSELF, "id": "itself2", "title": "Other report"}
    checked = check(
        tmp_path,
        documents=[DOCUMENT, other],
        sources=[ITSELF, other_itself],
        footnotes=[note("1", "itself"), note("1", "itself2", document="rep2")],
        claims=[
            claim("a", "1"),
            claim("b", "1"),
            claim("d", "1", document="rep2"),
            claim("e", "1", document="rep2"),
            claim("f", "1", document="rep2"),
        ],
    )
    assert [(f.record, f.line, f.message) for f in checked.of("FC503")] == [
        ("rep", checked.line("rep"), "2 claims cite only the document itself: a, b"),
        ("rep2", checked.line("rep2"), "3 claims cite only the document itself: d, e, f"),
    ]


def test_one_claim_citing_only_its_document_reads_in_the_singular(tmp_path: Path) -> None:
    checked = check(
        tmp_path, sources=[ITSELF], footnotes=[note("1", "itself")], claims=[claim("c", "1")]
    )
    assert checked.only("FC503").message == "1 claim cites only the document itself: c"


def test_the_document_recognised_by_its_link(tmp_path: Path) -> None:
    document = {**DOCUMENT, "url": "https://example.org/report"}
    itself = source("itself", title="Something else", url="https://www.example.org/report/")
    checked = check(
        tmp_path,
        documents=[document],
        sources=[itself],
        footnotes=[note("1", "itself")],
        claims=[claim("c", "1")],
    )
    assert [f.code for f in checked.of("FC502", "FC503")] == ["FC503"]


def test_an_earlier_edition_is_not_the_document_itself(tmp_path: Path) -> None:
    edition = {**ITSELF, "id": "edition", "date": "December 2022"}
    checked = check(
        tmp_path,
        sources=[edition],
        footnotes=[note("1", "edition")],
        claims=[claim("a", "1"), claim("b", "1")],
    )
    assert checked.of("FC503") == []
    assert [f.record for f in checked.of("FC502")] == ["a", "b"]


def test_a_claim_citing_its_document_and_another_source_is_not_fc503(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[ITSELF, source("a")],
        footnotes=[note("1", "itself"), note("2", "a")],
        claims=[claim("c", "1", "2")],
    )
    assert checked.of("FC503") == []


# --------------------------------------------------------------------------- FC601


def test_word_mixing_alphabets(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a")],
        footnotes=[note("1", "a")],
        claims=[claim("c", "1", text="Генерал Aпти Алаудинов сказал")],
    )
    assert shape(checked.only("FC601")) == (
        "FC601",
        Level.warning,
        "c",
        checked.line("c"),
        "text: 'Aпти' mixes alphabets (Latin 'A' among Cyrillic letters)",
    )


def test_mixed_words_in_source_fields_and_claimant(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a", title="Moscоw", publisher="Meдуза")],
        footnotes=[note("1", "a")],
        claims=[claim("c", "1", claimant="Пeтров")],
    )
    assert sorted((f.record, f.message) for f in checked.of("FC601")) == [
        ("a", "publisher: 'Meдуза' mixes alphabets (Latin 'M', 'e' among Cyrillic letters)"),
        ("a", "title: 'Moscоw' mixes alphabets (Cyrillic 'о' among Latin letters)"),
        ("c", "claimant: 'Пeтров' mixes alphabets (Latin 'e' among Cyrillic letters)"),
    ]


@pytest.mark.parametrize(
    "text", ["Три года назад", "Three years ago", "Москва and Moscow", "Ёлка, Їжак", "COVID-19"]
)
def test_words_in_one_alphabet(tmp_path: Path, text: str) -> None:
    checked = check(
        tmp_path,
        sources=[source("a", title=text)],
        footnotes=[note("1", "a")],
        claims=[claim("c", "1", text=text, claimant=text)],
    )
    assert checked.of("FC601") == []


# --------------------------------------------------------------------------- every code


def test_one_corpus_with_every_defect_has_every_code(tmp_path: Path) -> None:
    documents = [{**DOCUMENT, "date": "March 2025"}, {**DOCUMENT, "id": "future", "date": "2027"}]
    sources = [
        source("a", url="https://www.example.org/a/"),
        source("dup", url="https://example.org/a"),  # FC201
        source("isw", publisher="ISW"),
        source("isw2", publisher="ISW"),
        source("isw-long", publisher="Institute for the Study of War"),  # FC202
        source("demark", publisher="Demark Radio"),  # FC203
        source("bad-date", date="31 February 2022"),  # FC301
        source("late", date="5 April 2025"),  # FC303
        source("year", date="21 September 2021"),  # FC305
        source("early", date="1 October 2020"),  # FC304
        source("far", date="1 October 2022"),  # FC306
        source("nolink", url=None),  # FC401
        source("hash", url="#"),  # FC402
        source("itself", title="Country report", publisher="Agency", date="2025", url=None),
        source("mixed", title="Aпти"),  # FC601
        source("unused"),  # FC105
        source("a"),  # FC103
    ]
    footnotes = [
        note("1", "a", "dup", "isw", "isw2", "isw-long", "demark", "bad-date", "late"),
        note("2", "nolink", "hash", "mixed", "ghost"),  # FC102
        note("3", "year"),
        note("4", "early"),
        note("5", "far"),
        note("6", "itself"),
        note("7"),  # FC104
        note("1", "a", document="nowhere"),  # FC106
    ]
    claims = [
        claim("main", "1", "2", "99"),  # FC101
        claim("bare"),  # FC501
        claim("mistyped", "3", as_of="21 September 2022"),
        claim("before", "4", as_of="21 September 2022"),
        claim("distant", "5", as_of="2019"),  # FC306, FC502
        claim("self", "6"),  # FC503
    ]
    checked = check(
        tmp_path,
        today=TODAY,
        documents=documents,
        sources=sources,
        footnotes=footnotes,
        claims=claims,
    )
    assert checked.codes() == set(BY_CODE)
    assert all(f.level is BY_CODE[f.code].level for f in checked.findings)
    assert all(f.line is not None and f.file == str(checked.path) for f in checked.findings)


def test_every_check_is_documented() -> None:
    assert [c.code for c in CHECKS] == sorted(BY_CODE)
    for entry in CHECKS:
        assert entry.title and entry.why.endswith(".") and entry.fix.endswith(".")
        assert explain(entry.code.lower()) is entry


# --------------------------------------------------------------------------- explain, select


def test_explain_unknown_code_suggests_the_nearest() -> None:
    with pytest.raises(UsageError, match=r"no check with code 'FC30'; did you mean FC30\d\?"):
        explain("FC30")


def test_select_by_code_and_level(tmp_path: Path) -> None:
    checked = cited(tmp_path, source("s", url="#", date="5 April 2025"))
    assert sorted(f.code for f in checked.findings) == ["FC303", "FC402", "FC502"]
    assert [f.code for f in select(checked.findings, codes=["fc402"])] == ["FC402"]
    assert [f.code for f in select(checked.findings, min_level=Level.warning)] == [
        "FC303",
        "FC402",
    ]
    assert [f.code for f in select(checked.findings, min_level=Level.error)] == ["FC303"]
    assert select(checked.findings, codes=["FC402"], min_level=Level.error) == []
    with pytest.raises(UsageError):
        select(checked.findings, codes=["FC999"])


def test_findings_are_sorted_by_file_line_and_code(tmp_path: Path) -> None:
    checked = cited(tmp_path, source("s", url="#", date="5 April 2025"), source("t", url=None))
    keys = [(f.file or "", f.line or 0, f.code) for f in checked.findings]
    assert keys == sorted(keys)


# --------------------------------------------------------------------------- independent sources


def test_independent_sources(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[
            source("a"),
            source("b"),
            source("relay", reports=["a"]),
            source("relay2", reports=["relay"]),
            source("copy", url="https://www.example.org/a/"),
        ],
        footnotes=[
            note("1", "a"),
            note("2", "a"),
            note("3", "b"),
            note("4", "relay", "relay2"),
            note("5", "copy"),
            note("6", "ghost"),
        ],
        claims=[
            claim("twice", "1", "2"),
            claim("two", "1", "3"),
            claim("relayed", "1", "4"),
            claim("chain-and-other", "4", "3"),
            claim("copied", "5", sources=["a"]),
            claim("inline", sources=["a", "b"]),
            claim("dangling", "6"),
            claim("nothing"),
        ],
    )
    corpus = checked.corpus
    counts = {cid: independent_sources(corpus, c) for cid, c in corpus.claims.items()}
    assert counts == {
        "twice": 1,
        "two": 2,
        "relayed": 1,
        "chain-and-other": 2,
        "copied": 1,
        "inline": 2,
        "dangling": 0,
        "nothing": 0,
    }
    # FC502 says the same thing for exactly the claims that rest on one source.
    assert sorted(f.record for f in checked.of("FC502")) == ["copied", "relayed", "twice"]


# --------------------------------------------------------------------------- command line

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def defects(tmp_path: Path) -> Path:
    """An error (FC303), warnings (FC402, FC401) and a note (FC502 on `c`; `d` cites two)."""
    write(
        tmp_path / "defects",
        sources=[source("late", date="5 April 2025", url="#"), source("nolink", url=None)],
        footnotes=[note("1", "late"), note("2", "nolink")],
        claims=[claim("c", "1"), claim("d", "2", sources=["late"])],
    )
    return tmp_path / "defects"


@pytest.fixture
def no_errors(tmp_path: Path) -> Path:
    """A folder with only warnings and notes."""
    write(
        tmp_path / "no-errors",
        sources=[source("a", url="#")],
        footnotes=[note("1", "a")],
        claims=[claim("c", "1")],
    )
    return tmp_path / "no-errors"


def findings_json(*args: str) -> list[dict[str, Any]]:
    code, out, err = run("check", "--today", "2026-01-01", "--format", "json", *args)
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    return data


def test_cli_explain_prints_the_entry() -> None:
    code, out, _ = run("check", "--explain", "FC305")
    entry = BY_CODE["FC305"]
    assert code == 0
    assert out == (f"FC305 (warning): {entry.title}\n\n{entry.why}\n\nTo fix: {entry.fix}\n")


def test_cli_explain_ignores_case() -> None:
    code, out, _ = run("check", "--explain", "fc402")
    assert code == 0
    assert out.startswith("FC402 (warning): placeholder link")


def test_cli_explain_unknown_code_suggests_one() -> None:
    code, out, err = run("check", "--explain", "FC999")
    assert code == 2
    assert out == ""
    assert "no check with code 'FC999'" in err
    assert "did you mean FC" in err


def test_cli_json_has_every_field(defects: Path) -> None:
    data = findings_json("--claims", str(defects))
    assert sorted(d["code"] for d in data) == ["FC303", "FC401", "FC402", "FC502"]
    for item in data:
        assert {"code", "level", "title", "file", "line", "record", "message"} <= set(item)
        assert item["level"] == BY_CODE[item["code"]].level.value
        assert item["title"] == BY_CODE[item["code"]].title
        assert Path(item["file"]).name == "corpus.yaml"
        assert isinstance(item["line"], int)
    late = next(d for d in data if d["code"] == "FC303")
    assert late["record"] == "late"
    assert late["message"] == (
        "dated 5 April 2025, after 'rep' (March 2025), which cites it in footnote 1"
    )


def test_cli_code_filter(defects: Path) -> None:
    data = findings_json("--claims", str(defects), "--code", "FC402")
    assert [(d["code"], d["record"]) for d in data] == [("FC402", "late")]
    both = findings_json("--claims", str(defects), "--code", "FC402", "--code", "fc401")
    assert sorted(d["code"] for d in both) == ["FC401", "FC402"]


def test_cli_unknown_code_filter_is_a_usage_error(defects: Path) -> None:
    code, _, err = run("check", "--claims", str(defects), "--code", "FC999")
    assert code == 2
    assert "no check with code 'FC999'" in err


def test_cli_level_filter(defects: Path) -> None:
    assert [d["code"] for d in findings_json("--claims", str(defects), "--level", "error")] == [
        "FC303"
    ]
    warnings = findings_json("--claims", str(defects), "--level", "warning")
    assert sorted(d["code"] for d in warnings) == ["FC303", "FC401", "FC402"]
    code, _, err = run("check", "--claims", str(defects), "--level", "fatal")
    assert code == 2
    assert all(word in err for word in ("--level", "'fatal'", "note", "warning", "error"))


def test_cli_strict_fails_only_on_errors(defects: Path, no_errors: Path) -> None:
    code, out, _ = run("check", "--claims", str(defects), "--today", "2026-01-01", "--strict")
    assert code == 1
    assert "FC303" in out
    code, out, _ = run("check", "--claims", str(no_errors), "--today", "2026-01-01", "--strict")
    assert code == 0
    assert "FC402" in out
    # Without --strict, errors are reported but do not fail.
    code, _, _ = run("check", "--claims", str(defects), "--today", "2026-01-01")
    assert code == 0


def test_cli_strict_counts_only_the_findings_shown(defects: Path) -> None:
    code, _, _ = run(
        "check", "--claims", str(defects), "--today", "2026-01-01", "--strict", "--code", "FC402"
    )
    assert code == 0


def test_cli_today_decides_the_future(tmp_path: Path) -> None:
    write(
        tmp_path,
        documents=[{**DOCUMENT, "date": "2026"}],
        sources=[source("s", date="2 January 2026")],
        footnotes=[note("1", "s")],
        claims=[claim("c", "1")],
    )
    before = findings_json("--claims", str(tmp_path), "--code", "FC302")
    assert [(d["record"], d["message"]) for d in before] == [
        ("s", "dated 2 January 2026, after today (2026-01-01)")
    ]
    code, out, err = run(
        "check", "--claims", str(tmp_path), "--today", "2026-01-02", "-f", "json", "--code", "FC302"
    )
    assert (code, json.loads(out)) == (0, []), err


@pytest.mark.parametrize("today", ["2026-13-01", "tomorrow", "2026-02-30"])
def test_cli_bad_today(defects: Path, today: str) -> None:
    code, out, err = run("check", "--claims", str(defects), "--today", today)
    assert code == 2
    assert out == ""
    assert f"--today must be a date like 2026-11-21, not '{today}'" in err
    assert "Traceback" not in err


def test_cli_bad_claim_file_exits_2_with_its_location(tmp_path: Path) -> None:
    path = write_text_corpus(tmp_path, BASE.replace("    value: 261,000\n", ""))
    code, out, err = run("check", "--claims", str(tmp_path))
    assert code == 2
    assert out == ""
    assert f"error: {path}:16: claims[0].value: required field is missing" in err


def test_cli_broken_references_are_findings_not_load_errors(tmp_path: Path) -> None:
    old, new, _, line, message = BROKEN["FC102-footnote"]
    write_text_corpus(tmp_path, BASE.replace(old, new))
    data = findings_json("--claims", str(tmp_path), "--level", "error")
    assert [(d["code"], d["line"], d["message"]) for d in data] == [("FC102", line, message)]
    # Other commands still refuse the corpus.
    code, _, err = run("conflicts", "--claims", str(tmp_path))
    assert code == 2
    assert message in err


def test_cli_table_ends_with_a_summary(defects: Path) -> None:
    code, out, _ = run("check", "--claims", str(defects), "--today", "2026-01-01")
    assert code == 0
    assert out.rstrip().endswith("4 findings: 1 error, 2 warnings, 1 note")


# --------------------------------------------------------------------------- property

TITLES = ["Annual report", "Country report", "Many leave", "Online interview with X", "Три", ""]
PUBLISHERS = [
    None,
    "",
    "ISW",
    "ISW (Institute for the Study of War)",
    "Institute for the Study of War",
    "Novaya Gazeta",
    "Novaya Gazeta Europe",
    "Demark Radio",
    "Agency",
    "(",
    "—",
    "The",
    "Meдуза",
]
AUTHORS = [None, "", "Klain D.", "Ivanov I.; Petrov P.", "Gorenburg D. et al", "—", "Aпти"]
DATES = [
    None,
    "n.d.",
    "1 October 2022",
    "21 September 2022",
    "21 September 2025",
    "September 2022",
    "2022",
    "2024",
    "2030",
    "mid-June 2025",
    "2022-09-21",
    "31 February 2022",
    "soon",
]
URLS = [
    None,
    "",
    "#",
    "url",
    "http://",
    "https://example.org/a",
    "https://www.example.org/a/",
    "https://example.org/b",
    "doi:10.1/x",
    "not a link",
]
DOC_DATES = [None, "March 2025", "2026", "2022", "2030"]
AS_OF = [
    None,
    "21 September 2022",
    "21 September 2023",
    "since November 2022",
    "2019",
    "September 2022",
]
SOURCE_IDS = ["a", "b", "c", "d"]
LABELS = ["1", "2", "3"]


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, Any]:
    documents = [
        {
            "id": did,
            "title": draw(st.sampled_from(TITLES)) or "Untitled",
            "publisher": draw(st.sampled_from(PUBLISHERS)),
            "date": draw(st.sampled_from(DOC_DATES)),
            "url": draw(st.sampled_from(URLS)),
        }
        for did in draw(st.sampled_from([["rep"], ["rep", "rep2"]]))
    ]
    doc_ids = [d["id"] for d in documents] + ["ghost"]
    sources = []
    for _ in range(draw(st.integers(0, 5))):
        sources.append(
            {
                "id": draw(st.sampled_from(SOURCE_IDS)),  # may repeat: an id defined twice
                "title": draw(st.sampled_from(TITLES)),
                "publisher": draw(st.sampled_from(PUBLISHERS)),
                "author": draw(st.sampled_from(AUTHORS)),
                "date": draw(st.sampled_from(DATES)),
                "url": draw(st.sampled_from(URLS)),
                "identifier": draw(st.sampled_from([None, "10.1000/182", "Report No 11"])),
                "kind": draw(st.sampled_from([None, "interview", "media", "report"])),
                "reports": draw(st.lists(st.sampled_from([*SOURCE_IDS, "nope"]), max_size=2)),
            }
        )
    cite = st.sampled_from([*SOURCE_IDS, "nope"])
    footnotes = [
        {
            "document": draw(st.sampled_from(doc_ids)),
            "label": draw(st.sampled_from(LABELS)),
            "cites": [{"source": s} for s in draw(st.lists(cite, max_size=3))],
        }
        for _ in range(draw(st.integers(0, 5)))
    ]
    claims = []
    for n in range(draw(st.integers(0, 5))):
        is_date = draw(st.booleans())
        values = ["21 September 2022", "31 October 2022", "not yet"] if is_date else ["261,000"]
        claims.append(
            {
                "id": f"c{n}",
                "document": draw(st.sampled_from(doc_ids[:-1])),
                "text": draw(st.sampled_from(["Many left.", "Генерал Aпти", "Три"])),
                "subject": "callup",
                "property": "end.date" if is_date else "left.count",
                "value": draw(st.sampled_from(values)),
                "as_of": draw(st.sampled_from(AS_OF)),
                "footnotes": draw(st.lists(st.sampled_from([*LABELS, "9"]), max_size=3)),
                "sources": draw(st.lists(cite, max_size=2)),
            }
        )

    def clean(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if v is not None} for r in records]

    return {
        "documents": clean(documents),
        "sources": clean(sources),
        "footnotes": footnotes,
        "claims": clean(claims),
    }


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31)))
def test_checks_never_fail_on_random_corpora(records: dict[str, Any], today: date) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), **records)
        corpus = load_corpus([folder], strict=False)
        found = run_checks(corpus, today=today)
        again = run_checks(corpus, today=today)
    assert found == again
    for f in found:
        assert f.code in BY_CODE
        assert f.level is BY_CODE[f.code].level
        assert f.record and f.message
        assert f.file in (str(path), str(Path(folder) / "vocabulary.yaml"))
        assert f.line is not None
    keys = [(f.file or "", f.line or 0, f.code) for f in found]
    assert keys == sorted(keys)
