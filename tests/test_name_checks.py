"""The checks of names on small corpora written in each test: one publisher under several
names (FC202), misspelt names (FC203) and words that mix alphabets (FC601), with the near
misses real users would hit that must not be findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks import Level
from tests.citations_helpers import (
    DOCUMENT,
    check,
    cited,
    claim,
    note,
    shape,
    source,
)

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
