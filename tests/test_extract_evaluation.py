"""The figures of `factcheck extract` in docs/evaluation.md (section extract), measured afresh,
do not fall below the page's; and the measure itself counts as the page says it does."""

from __future__ import annotations

import pytest

from tests.extract_evaluation import (
    CASES,
    DOC,
    FIELDS_HEADER,
    FOUND_HEADER,
    GROUPING_HEADER,
    NOT_MEASURED,
    SET,
    Case,
    Measured,
    fields_rows,
    found,
    found_rows,
    grouping,
    grouping_rows,
    measure_all,
    same,
    sources,
    words,
)

Rows = list[list[str]]


@pytest.fixture(scope="module")
def measured() -> list[Measured]:
    return measure_all()


def _documented(header: str) -> Rows:
    lines = DOC.read_text(encoding="utf-8").splitlines()
    assert header in lines, f"docs/evaluation.md has no table headed {header!r}"
    rows = []
    for line in lines[lines.index(header) + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def _share(cell: str) -> float:
    """`6 of 7 (86 %)` as 6/7; `none` (nothing to count) as 1."""
    if cell == "none":
        return 1.0
    part, _, rest = cell.partition(" of ")
    return int(part) / int(rest.split()[0])


def _by_case(rows: Rows) -> dict[str, list[str]]:
    return {row[0]: row for row in rows}


def _by_field(rows: Rows) -> dict[tuple[str, str], list[str]]:
    keyed, case = {}, ""
    for row in rows:
        case = row[0] or case
        keyed[(case, row[4])] = row
    return keyed


def test_every_document_measured_is_on_the_page(measured: list[Measured]) -> None:
    names = [c.name for c in CASES]
    for header in (FOUND_HEADER, GROUPING_HEADER):
        assert [row[0] for row in _documented(header)] == names
    assert [row[0] for row in _documented(FIELDS_HEADER) if row[0]] == names


def test_documents_not_measured_are_named_on_the_page_and_keep_no_text() -> None:
    page = DOC.read_text(encoding="utf-8")
    for name, why in NOT_MEASURED.items():
        folder = SET / name
        assert (folder / "claims.yaml").is_file(), f"{name}: no hand-made claims"
        assert not sorted(folder.glob("document*")), f"{name}: a document is kept but not measured"
        assert name not in [c.name for c in CASES]
        assert f"**{name}** is not measured by extract" in page, name
        assert why


def test_recall_and_precision_do_not_fall(measured: list[Measured]) -> None:
    shown = _by_case(_documented(FOUND_HEADER))
    for row in found_rows(measured):
        page = shown[row[0]]
        assert row[1] == page[1], f"{row[0]}: the hand-made claims changed"
        for column in range(4, 8):
            assert _share(row[column]) >= _share(page[column]), (row[0], FOUND_HEADER, column)


def test_sources_read_from_footnotes_do_not_get_worse(measured: list[Measured]) -> None:
    shown = _by_field(_documented(FIELDS_HEADER))
    for key, row in _by_field(fields_rows(measured)).items():
        page = shown[key]
        if row[5] == "–":
            continue  # no footnotes to compare
        assert int(row[5]) >= int(page[5]), f"{key}: fewer right ({row[5]} < {page[5]})"
        assert int(row[6]) <= int(page[6]), f"{key}: more wrong ({row[6]} > {page[6]})"


def test_proposed_properties_group_as_well(measured: list[Measured]) -> None:
    shown = _by_case(_documented(GROUPING_HEADER))
    for row in grouping_rows(measured):
        page = shown[row[0]]
        assert _share(row[5]) >= _share(page[5]), f"{row[0]}: grouping precision fell"
        assert _share(row[6]) >= _share(page[6]), f"{row[0]}: grouping recall fell"


# ---------------------------------------------------------------- the measure itself

_CASE = Case("small", list, DOC, ("doc",), partial=False)


def _claim(text: str, value: str, **more: str) -> dict[str, str]:
    return {"text": text, "value": value, "document": "doc", **more}


def test_quotes_match_whatever_their_quotation_marks_spacing_and_markers() -> None:
    assert words("“Some”  *words*[^3]  here ") == words('"some" words here')
    assert words("Text [M]_ and more") == words("Text and more")


def test_found_counts_sentences_and_overlapping_quotes_apart() -> None:
    gold = {
        "claims": [
            _claim("In 2020, 5 men left.", "5"),
            _claim("10 women stayed", "10"),  # a clause of a longer sentence
            _claim("Nothing drafted here: 7.", "7"),
        ]
    }
    content = {
        "claims": [
            _claim("In 2020, 5 men left.", "5"),
            _claim("In 2020, 5 men left.", "2020"),
            _claim("By then, 10 women stayed in town.", "10"),
        ]
    }
    f = found(_CASE, content, gold)
    assert (f.claims, f.drafts, f.found, f.found_overlapping) == (3, 3, 1, 2)
    assert (f.right, f.right_overlapping) == (1, 2)


def test_grouping_counts_each_pair_of_found_claims_once() -> None:
    gold = {
        "claims": [
            _claim("a", "1", subject="s", property="p"),
            _claim("b", "2", subject="s", property="p"),
            _claim("c", "3", subject="s", property="q"),
        ]
    }
    content = {
        "claims": [
            _claim("a", "1", property="x"),
            _claim("b", "2", property="y"),
            _claim("c", "3", property="y"),
        ]
    }
    g = grouping(content, gold)
    # pairs: (a,b) same topic only; (a,c) neither; (b,c) same proposed property only
    assert (g.claims, g.same_draft, g.same_gold, g.both) == (3, 1, 1, 0)


def test_source_fields_are_right_wrong_missing_or_extra() -> None:
    gold = {
        "claims": [_claim("t", "1", footnotes=["1"]), _claim("u", "2", footnotes=["2"])],
        "sources": [
            {"id": "a", "publisher": "Daily Ledger", "author": "Ruiz, Ana", "date": "4 June 2021"},
        ],
        "footnotes": [
            {"document": "doc", "label": "1", "cites": [{"source": "a", "pages": "p. 4"}]},
            {"document": "doc", "label": "2", "cites": [{"source": "a"}]},
        ],
    }
    content = {
        "documents": [{"id": "draft-doc"}],
        "sources": [
            {"id": "x", "publisher": "daily  ledger", "author": "Ana Ruiz", "date": "June 4, 2021"},
            {"id": "y", "publisher": "Ledger", "title": "Floods"},
        ],
        "footnotes": [
            {"document": "draft-doc", "label": "1", "cites": [{"source": "x", "pages": "4"}]},
            {"document": "draft-doc", "label": "2", "cites": [{"source": "y"}]},
        ],
    }
    s = sources(_CASE, content, gold)
    tally = {name: (t.right, t.wrong, t.missing, t.extra) for name, t in s.fields.items()}
    assert tally["publisher"] == (1, 1, 0, 0)
    assert tally["author"] == (1, 0, 1, 0)
    assert tally["date"] == (1, 0, 1, 0)
    assert tally["title"] == (0, 0, 0, 1)
    assert tally["pages"] == (1, 0, 0, 0)
    # one work cited by two footnotes, drafted as two sources
    assert (s.one_work.right, s.one_work.missing) == (0, 1)
    assert not same("title", "Floods", "Flood")
