"""Citation checks on small corpora written in each test: broken references (FC10x), links
(FC401, FC402), claims citing nothing (FC501) or only their own document (FC503), one
corpus with every code, the order of the findings, broken references on the command line,
and a property test that the checks never fail on odd corpora."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.checks import BY_CODE, Level
from factcheck.citations import run_checks
from factcheck.errors import InputError
from factcheck.loading import load_corpus
from factcheck.reliability import read_ratings
from factcheck.retractions import read_retractions
from tests.citations_helpers import (
    DOCUMENT,
    TODAY,
    VOCABULARY,
    check,
    cited,
    claim,
    findings_json,
    note,
    run,
    shape,
    source,
    write,
)

LISTS = Path(__file__).parent / "data" / "lists"

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
        "'wire' is declared differently at {path}:6; fields that differ: publisher ('Wire' "
        "there, None here), title ('Story' there, 'Again' here), date ('1 October 2022' there, "
        "None here), url ('https://example.org/wire' there, None here)",
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


def test_the_base_corpus_has_only_its_two_notes(tmp_path: Path) -> None:
    write_text_corpus(tmp_path, BASE)
    found = run_checks(load_corpus([tmp_path]), today=TODAY)
    assert [(f.code, f.record, f.line) for f in found] == [("FC404", "wire", 6), ("FC502", "c", 16)]


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


# --------------------------------------------------------------------------- FC401 / FC402


@pytest.mark.parametrize(
    "missing",
    [
        pytest.param({"date": None}, id="no-date"),
        pytest.param({"title": None}, id="no-title"),
        pytest.param({"publisher": None}, id="no-author-or-publisher"),
    ],
)
def test_source_without_link(tmp_path: Path, missing: dict[str, Any]) -> None:
    checked = cited(tmp_path, source("s", url=None, **missing))
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
        pytest.param({"url": None, "kind": "interview", "date": None}, id="interview"),
        pytest.param({"url": None}, id="full-reference"),
        pytest.param(
            {"url": None, "publisher": None, "author": "Ann Author"}, id="full-reference-by-author"
        ),
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


# --------------------------------------------------------------------------- FC404 / FC405


def test_web_page_without_access_date_or_archive(tmp_path: Path) -> None:
    checked = cited(tmp_path, source("s", url="https://example.org/news/story", accessed=None))
    assert shape(checked.only("FC404")) == (
        "FC404",
        Level.note,
        "s",
        checked.line("s"),
        "web page with neither an access date nor an archived copy",
    )


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"accessed": "3 May 2024"}, id="accessed"),
        pytest.param({"archive_url": "https://web.archive.org/web/2024/x"}, id="archived"),
        pytest.param({"url": "https://web.archive.org/web/20240503/x"}, id="link-is-a-snapshot"),
        pytest.param({"url": "https://archive.ph/abcde"}, id="archive-today"),
        pytest.param({"url": "https://doi.org/10.1000/182"}, id="doi-link"),
        pytest.param({"url": "https://hdl.handle.net/2027/x"}, id="handle"),
        pytest.param({"url": "http://www.jstor.org/stable/1857901"}, id="jstor"),
        pytest.param({"url": "https://books.google.co.uk/books?id=abc&pg=PA3"}, id="google-books"),
        pytest.param({"url": "doi:10.1000/182"}, id="doi-scheme"),
        pytest.param({"identifier": "ISBN 978-0-306-40615-7"}, id="identifier"),
        pytest.param({"url": None, "kind": "interview"}, id="no-link"),
        pytest.param({"url": "#"}, id="placeholder-is-fc402"),
    ],
)
def test_web_source_that_lasts(tmp_path: Path, fields: dict[str, Any]) -> None:
    assert cited(tmp_path, source("s", **{"accessed": None, **fields})).of("FC404", "FC405") == []


@pytest.mark.parametrize(
    ("fields", "what"),
    [
        pytest.param({"url": "https://en.wikipedia.org/wiki/Kursk"}, "wiki page", id="wikipedia"),
        pytest.param(
            {"url": "https://de.wikipedia.org/wiki/Kursk", "accessed": "3 May 2024"},
            "wiki page",
            id="access-date-is-not-enough",
        ),
        pytest.param(
            {"url": "https://history.fandom.com/wiki/Kursk"}, "wiki page", id="fandom-wiki"
        ),
        pytest.param(
            {"url": "https://wiki.example.net/w/index.php?title=Kursk"},
            "wiki page",
            id="any-mediawiki",
        ),
        pytest.param(
            {"url": "https://www.britannica.com/place/Kursk", "kind": "encyclopedia"},
            "encyclopedia entry",
            id="encyclopedia",
        ),
    ],
)
def test_wiki_or_encyclopedia_page_without_a_permanent_link(
    tmp_path: Path, fields: dict[str, Any], what: str
) -> None:
    checked = cited(tmp_path, source("s", **fields))
    assert [shape(f) for f in checked.of("FC404", "FC405")] == [
        (
            "FC405",
            Level.warning,
            "s",
            checked.line("s"),
            f"{what} cited by an address whose content changes: link the revision read (a "
            "permanent link) or an archived copy",
        )
    ]


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param(
            {"url": "https://en.wikipedia.org/w/index.php?title=Kursk&oldid=1187654321"},
            id="oldid",
        ),
        pytest.param(
            {"url": "https://en.wikipedia.org/wiki/Special:PermanentLink/1187654321"},
            id="permanent-link",
        ),
        pytest.param(
            {
                "url": "https://en.wikipedia.org/wiki/Kursk",
                "archive_url": "https://web.archive.org/web/20240503/https://en.wikipedia.org/wiki/Kursk",
            },
            id="archived",
        ),
        pytest.param({"url": "https://wikileaks.org/plusd/cables/x.html"}, id="not-a-wiki"),
        pytest.param(
            {"url": None, "kind": "encyclopedia", "identifier": "ISBN 0-85229-961-3"}, id="print"
        ),
    ],
)
def test_wiki_page_that_lasts(tmp_path: Path, fields: dict[str, Any]) -> None:
    assert cited(tmp_path, source("s", **fields)).of("FC405") == []


@pytest.mark.parametrize(
    ("fields", "what"),
    [
        pytest.param(
            {"archive_url": "https://web.archive.org/web/*/https://example.org/a"},
            "archived copy",
            id="wayback-list",
        ),
        pytest.param(
            {"archive_url": "https://archive.md/https://example.org/a"},
            "archived copy",
            id="archive-today-list",
        ),
        pytest.param(
            {"url": "https://archive.ph/newest/https://example.org/a"}, "link", id="newest"
        ),
    ],
)
def test_archived_link_that_pins_no_copy(tmp_path: Path, fields: dict[str, Any], what: str) -> None:
    checked = cited(tmp_path, source("s", **fields))
    link = fields.get("archive_url") or fields["url"]
    assert shape(checked.only("FC406")) == (
        "FC406",
        Level.warning,
        "s",
        checked.line("s"),
        f"{what} '{link}' lists a page's captures, not one copy",
    )


@pytest.mark.parametrize(
    "link",
    [
        "https://web.archive.org/web/20170915000000/https://example.org/a",
        "https://web.archive.org/web/20170915id_/https://example.org/a",
        "https://archive.md/tMyN3",
        "https://archive.ph/20170915123456/https://example.org/a",
        "https://perma.cc/ABCD-1234",
    ],
)
def test_archived_link_that_pins_a_copy(tmp_path: Path, link: str) -> None:
    assert cited(tmp_path, source("s", archive_url=link)).of("FC406") == []


def test_bare_link(tmp_path: Path) -> None:
    checked = cited(tmp_path, source("s", title=None, date=None))
    assert [(f.code, f.level, f.message) for f in checked.of("FC407")] == [
        ("FC407", Level.note, "a link with neither title nor date")
    ]
    assert cited(tmp_path / "b", source("s", title=None)).of("FC407") == []
    assert cited(tmp_path / "c", source("s", date=None)).of("FC407") == []


def test_archived_copy_that_is_a_placeholder(tmp_path: Path) -> None:
    checked = cited(tmp_path, source("s", archive_url="#", accessed=None))
    assert [f.message for f in checked.of("FC402")] == [
        "archived copy '#' is a placeholder or not a web address"
    ]
    assert [f.code for f in checked.of("FC404")] == ["FC404"]


@pytest.mark.parametrize(
    ("accessed", "code", "message"),
    [
        (
            "31 June 2024",
            "FC301",
            "accessed: impossible date '31 June 2024': June 2024 has 30 days",
        ),
        ("3 May 2027", "FC302", "accessed 3 May 2027, after today (2026-01-01)"),
    ],
)
def test_access_date_that_is_wrong(tmp_path: Path, accessed: str, code: str, message: str) -> None:
    checked = cited(tmp_path, source("s", accessed=accessed))
    assert [shape(f) for f in checked.of("FC301", "FC302")] == [
        (code, BY_CODE[code].level, "s", checked.line("s"), message)
    ]


# --------------------------------------------------------------------------- FC501


def test_claim_citing_nothing(tmp_path: Path) -> None:
    checked = check(tmp_path, claims=[claim("c")])
    assert [shape(f) for f in checked.findings] == [
        ("FC501", Level.warning, "c", checked.line("c"), "no footnote and no source")
    ]


def test_claim_resting_only_on_footnotes_that_cite_nothing(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a")],
        footnotes=[note("1"), note("2"), note("3", "a")],
        claims=[
            claim("empty", "1", value="1,000"),
            claim("both", "1", "2", value="2,000"),
            claim("one-cites", "1", "3"),
        ],
    )
    assert [(f.record, f.message) for f in checked.of("FC501")] == [
        ("empty", "its footnote (1) cites no source"),
        ("both", "its footnotes (1, 2) cite no source"),
    ]


def test_claim_citing_an_empty_and_an_undefined_footnote_is_fc101(tmp_path: Path) -> None:
    checked = check(tmp_path, footnotes=[note("1")], claims=[claim("c", "1", "9")])
    assert [f.code for f in checked.findings] == ["FC101"]


def test_claim_citing_a_source_inline_cites_something(tmp_path: Path) -> None:
    checked = check(tmp_path, sources=[source("a")], claims=[claim("c", sources=["a"])])
    assert checked.of("FC501") == []


def test_claim_citing_an_undefined_footnote_is_fc101_not_fc501(tmp_path: Path) -> None:
    checked = check(tmp_path, claims=[claim("c", "9")])
    assert [f.code for f in checked.findings] == ["FC101"]


# --------------------------------------------------------------------------- FC505


def test_a_restatement_of_a_cited_claim_is_a_note(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a")],
        footnotes=[note("1", "a")],
        claims=[
            claim("body", "1", value="about 6,800"),
            claim("infobox", value="6,824"),
            claim("other-figure", value="17,000"),
            claim("other-scope", value="6,824", scope={"where": "Canada"}),
            claim("open", "1", value="over 20,000"),
            claim("within-open", value="25,000"),
        ],
    )
    assert shape(checked.only("FC505")) == (
        "FC505",
        Level.note,
        "infobox",
        checked.line("infobox"),
        "no footnote and no source; its document gives the same and cites it at body",
    )
    # `over 20,000` agrees with 25,000 but does not pin a figure that 25,000 could restate.
    assert [f.record for f in checked.of("FC501")] == ["other-figure", "other-scope", "within-open"]


def test_a_restatement_in_another_document_is_not_cited(tmp_path: Path) -> None:
    other = {**DOCUMENT, "id": "other", "title": "Another report"}
    checked = check(
        tmp_path,
        documents=[DOCUMENT, other],
        sources=[source("a")],
        footnotes=[note("1", "a", document="other")],
        claims=[claim("cited", "1", document="other"), claim("bare")],
    )
    assert [f.record for f in checked.of("FC501")] == ["bare"]


# --------------------------------------------------------------------------- FC504, FC107


def test_the_documents_own_derivation_is_a_note_naming_its_inputs(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a"), source("b", publisher="Other")],
        footnotes=[note("1", "a"), note("2", "b")],
        claims=[
            claim("x", "1"),
            claim("y", "2"),
            claim("sum", own="derivation", derived_from=["x", "y"]),
        ],
    )
    assert checked.of("FC501") == []
    assert shape(checked.only("FC504")) == (
        "FC504",
        Level.note,
        "sum",
        checked.line("sum"),
        "the document's own derivation from x, y, which rest on 2 independent sources",
    )


def test_a_derivation_of_a_derivation_reaches_the_sources_beneath(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a")],
        footnotes=[note("1", "a")],
        claims=[
            claim("x", "1"),
            claim("half", own="derivation", derived_from=["x"]),
            claim("quarter", own="derivation", derived_from=["half"]),
        ],
    )
    messages = {f.record: f.message for f in checked.of("FC504")}
    assert messages["quarter"] == (
        "the document's own derivation from half, which rest on 1 independent source"
    )


def test_an_opinion_and_a_derivation_without_inputs_say_so(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        claims=[claim("view", own="opinion"), claim("sum", own="derivation")],
    )
    assert {f.record: f.message for f in checked.findings} == {
        "view": "the document's own opinion; it cites nothing",
        "sum": "the document's own derivation; its inputs are not named",
    }
    assert checked.codes() == {"FC504"}


def test_own_reasoning_that_cites_a_source_is_checked_like_any_claim(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a")],
        footnotes=[note("1", "a")],
        claims=[claim("sum", "1", own="derivation")],
    )
    assert checked.codes() == {"FC502"}


def test_an_input_that_is_not_defined(tmp_path: Path) -> None:
    checked = check(
        tmp_path,
        sources=[source("a")],
        footnotes=[note("1", "a")],
        claims=[claim("total", "1"), claim("sum", own="derivation", derived_from=["totl"])],
    )
    found = checked.only("FC107")
    assert (found.level, found.record) == (Level.error, "sum")
    assert "unknown claim 'totl'" in found.message and "total" in found.message
    lines = checked.path.read_text("utf-8").splitlines()
    assert found.line is not None and "totl" in lines[found.line - 1]


def test_inputs_belong_to_a_derivation(tmp_path: Path) -> None:
    write(tmp_path, claims=[claim("x"), claim("sum", derived_from=["x"])])
    with pytest.raises(InputError) as raised:
        load_corpus([tmp_path])
    [problem] = raised.value.problems
    assert "add `own: derivation`" in problem.message and problem.line is not None


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
        source("linked", date="2 May 2020", url="https://example.org/2020/05/12/x"),  # FC307
        source("post", date=None, url="https://example.org/2021/03/17/x", accessed=None),  # FC404
        source("wiki", url="https://en.wikipedia.org/wiki/X"),  # FC405
        source("listed", archive_url="https://archive.md/https://example.org/x"),  # FC406
        source("bare", title=None, date=None),  # FC407
        source("nolink", url=None, date=None),  # FC401
        source("hash", url="#"),  # FC402
        source("badisbn", url=None, identifier="ISBN 978-0-306-40615-8"),  # FC403
        source("itself", title="Country report", publisher="Agency", date="2025", url=None),
        source("mixed", title="Aпти"),  # FC601
        source("gone", identifier="10.1016/S0140-6736(97)11096-0"),  # FC701 (FC702: "gone")
        source("tabloid", publisher="Example Tabloid"),  # FC801 ("tabloid")
        source("unused"),  # FC105
        source("a"),  # FC103
    ]
    footnotes = [
        note("1", "a", "dup", "isw", "isw2", "isw-long", "demark", "bad-date", "late", "linked"),
        note("2", "nolink", "hash", "badisbn", "mixed", "wiki", "listed", "bare", "ghost"),  # FC102
        note("3", "year"),
        note("4", "early"),
        note("5", "far"),
        note("6", "itself"),
        note("8", "post"),
        note("9", "gone"),
        note("10", "tabloid"),
        note("7"),  # FC104
        note("1", "a", document="nowhere"),  # FC106
    ]
    claims = [
        claim("main", "1", "2", "99"),  # FC101
        claim("bare", value="5"),  # FC501
        claim("restated"),  # FC505: "main" gives the same and cites it
        claim("sum", own="derivation", derived_from=["main", "nothing"]),  # FC504, FC107
        claim("mistyped", "3", as_of="21 September 2022"),
        claim("before", "4", as_of="21 September 2022"),
        claim("distant", "5", as_of="2022–2026"),  # FC306, FC502
        claim("self", "6"),  # FC503
        claim("published", "8", property="published.date", value="14 March 2021"),  # FC308
        claim("gone", "9"),
        claim("tabloid", "10"),
    ]
    checked = check(
        tmp_path,
        today=TODAY,
        retractions=read_retractions(LISTS / "retracted.csv"),
        ratings=read_ratings(LISTS / "reliability.csv"),
        documents=documents,
        sources=sources,
        footnotes=footnotes,
        claims=claims,
    )
    assert checked.codes() == set(BY_CODE)
    assert all(f.level is BY_CODE[f.code].level for f in checked.findings)
    assert all(f.line is not None and f.file == str(checked.path) for f in checked.findings)


def test_findings_are_sorted_by_file_line_and_code(tmp_path: Path) -> None:
    checked = cited(tmp_path, source("s", url="#", date="5 April 2025"), source("t", url=None))
    keys = [(f.file or "", f.line or 0, f.code) for f in checked.findings]
    assert keys == sorted(keys)


# --------------------------------------------------------------------------- command line


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
