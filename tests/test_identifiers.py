"""Identifiers of sources (`factcheck.identifiers`, FC403): ISBN and ISSN check digits and a
DOI's form, and the report numbers and other text that are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks import Level
from factcheck.identifiers import canonical, problem
from tests.citations_helpers import cited, shape, source


@pytest.mark.parametrize(
    "identifier",
    [
        "ISBN 978-0-306-40615-7",
        "isbn: 0-306-40615-2",
        "ISBN-10 0-8044-2957-X",
        "9780306406157",
        "979-10-90636-07-1",
        "ISSN 0378-5955",
        "eISSN 2049-3630",
        "doi:10.1000/182",
        "https://doi.org/10.1038/nature12373",
        "10.1000/182",
        "10.1000.10/123",
        "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O",
        # Not one of the kinds checked: report numbers and other references.
        "A/HRC/51/42",
        "Report 2021-0045",
        "0378-5954",
        "1234567890",
    ],
)
def test_a_good_identifier_or_another_kind_is_left_alone(identifier: str) -> None:
    assert problem(identifier) is None


@pytest.mark.parametrize(
    ("identifier", "message"),
    [
        ("ISBN 978-0-306-40615-8", "'ISBN 978-0-306-40615-8' is not a valid ISBN"),
        ("ISBN 0-306-40615-3", "'ISBN 0-306-40615-3' is not a valid ISBN"),
        ("ISBN 978-0-306-4061", "'ISBN 978-0-306-4061' is not a valid ISBN"),
        ("9780306406158", "'9780306406158' is not a valid ISBN"),
        ("ISSN 0378-5954", "'ISSN 0378-5954' is not a valid ISSN"),
        ("10.1000", "'10.1000' is not of a DOI's form"),
        ("doi:10.10/abc", "'doi:10.10/abc' is not of a DOI's form"),
        ("https://doi.org/10.1000/ 182", "'https://doi.org/10.1000/ 182' is not of a DOI's form"),
    ],
)
def test_a_wrong_identifier_is_named(identifier: str, message: str) -> None:
    found = problem(identifier)
    assert found is not None and found.startswith(message)


def test_fc403_names_the_source_and_its_identifier(tmp_path: Path) -> None:
    checked = cited(
        tmp_path,
        source("book", url=None, identifier="ISBN 978-0-306-40615-8"),
        source("paper", identifier="doi:10.1000/182"),
    )
    assert [shape(f) for f in checked.of("FC403")] == [
        (
            "FC403",
            Level.warning,
            "book",
            checked.line("book"),
            "'ISBN 978-0-306-40615-8' is not a valid ISBN (wrong length or check digit)",
        )
    ]
    assert checked.of("FC401") == []  # it has an identifier, if a wrong one


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        (["ISBN 0-306-40615-2", "978-0-306-40615-7", "isbn 9780306406157"], "isbn:9780306406157"),
        (["ISSN 0378-5955", "issn: 03785955"], "issn:03785955"),
        (["doi:10.1000/ABC", "https://dx.doi.org/10.1000/abc", "10.1000/Abc"], "doi:10.1000/abc"),
    ],
)
def test_one_work_written_several_ways_has_one_key(forms: list[str], key: str) -> None:
    assert {canonical(f) for f in forms} == {key}


def test_what_is_not_checked_or_not_valid_is_keyed_as_written() -> None:
    assert canonical("ISBN 978-0-306-40615-8") != canonical("ISBN 978-0-306-40615-7")
    assert canonical("Report No 11 2025") == canonical("report no 11 2025")
