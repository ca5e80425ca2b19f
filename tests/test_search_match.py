"""Forgiving and exact matching (`factcheck.search_match`) on the fixed corpus in
tests/data/search: case, diacritics, apostrophes, spelling variants, word families,
transliterations both ways, mixed alphabets and typos, and exact matching, which forgives none
of them but case and accents."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.search_helpers import CYRILLIC_O, claim, find, found, ids, write_claims


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # case and diacritics
        ("KREMLIN", ["kremlin-both", "kremlin-text", "peskov"]),
        ("Maulen", ["kazakhstan"]),
        ("ÄŞIMBAEV", ["kazakhstan"]),
        # curly and straight apostrophes, possessives
        ("Navalny's", ["aleksei"]),
        ("Navalny", ["aleksei"]),
        ("Russia's", ["defence-ministry", "kremlin-text", "upper-lars", "zelenskyy"]),
        # British and American spelling
        ("mobilization", ["decree-uk", "decree-us"]),
        ("mobilisation", ["decree-uk", "decree-us"]),
        ("defense", ["defence-ministry", "shoygu"]),
        # transliterations
        ("Alexei", ["aleksei"]),
        ("Alexey", ["aleksei"]),
        ("Aleksej", ["aleksei"]),
        ("Dmitry", ["peskov"]),
        ("Dmitri", ["peskov"]),
        ("Evgeny", ["prigozhin"]),
        ("Evgenii", ["prigozhin"]),
        ("Zelensky", ["zelenskyy"]),
        # typos: one letter, two letters
        ("Prigozin", ["prigozhin"]),
        ("Kazakstan", ["kazakhstan"]),
        ("Kremlim", ["kremlin-both", "kremlin-text", "peskov"]),
        ("Gerasinow", ["gerasimov"]),
        ("Alawdinof", ["alaudinov"]),
        ("Lers", ["exodus-long", "kremlin-text", "upper-lars", "zelenskyy"]),
        # three letters off is too far
        ("Prgzin", []),
        # both ways: a Cyrillic query finds the Latin spellings, a Latin one the Cyrillic
        ("Шойгу", ["shoigu-ru", "shoygu"]),
        ("резервистов", ["shoigu-ru"]),
        ("Shoigu", ["shoigu-ru", "shoygu"]),
        ("Shoygu", ["shoigu-ru", "shoygu"]),
        ("rezervistov", ["shoigu-ru"]),
        # a word mixing alphabets is found by either spelling, and by its own
        ("Апти", ["alaudinov"]),
        ("Apti", ["alaudinov"]),
        ("Aпти", ["alaudinov"]),
        ("Gerasimov", ["gerasimov"]),
        (f"Gerasim{CYRILLIC_O}v", ["gerasimov"]),
        # numbers written with thin and no-break spaces, or a comma
        ('"300 000"', ["kremlin-both", "shoigu-ru", "shoygu"]),
        ('"350 000"', ["upper-lars"]),
        ("Upper Lars", ["exodus-long", "kremlin-text", "upper-lars", "zelenskyy"]),
        # words that only look alike stay apart
        ("four", ["upper-lars"]),
        ("for", ["alaudinov", "exodus-long", "prigozhin"]),
        ("year", ["defence-ministry"]),
    ],
)
def test_forgiving_matching(query: str, expected: list[str]) -> None:
    assert found(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # spelling variants, transliterations, typos and alphabets are not forgiven...
        ("mobilization", ["decree-us"]),
        ("mobilisation", ["decree-uk"]),
        ("defense", []),
        ("Alexei", []),
        ("Dmitry", []),
        ("Evgeny", []),
        ("Zelensky", []),
        ("Shoigu", []),
        ("Prigozin", []),
        ("Kazakstan", []),
        ("Apti", []),
        ("Апти", []),
        ("Gerasimov", []),
        ("rezervistov", []),
        ('"partial mobilization"', ["decree-us"]),
        ("mobilis*", ["decree-uk"]),
        ("Shoy*", ["shoygu"]),
        # ...but the spelling as written is found, whatever its case
        ("Aleksei", ["aleksei"]),
        ("ALEKSEI", ["aleksei"]),
        ("Dmitriy", ["peskov"]),
        ("Yevgeny", ["prigozhin"]),
        ("zelenskyy", ["zelenskyy"]),
        ("Shoygu", ["shoygu"]),
        ("Шойгу", ["shoigu-ru"]),
        ("шОЙГУ", ["shoigu-ru"]),
        ("Aпти", ["alaudinov"]),
        (f"Gerasim{CYRILLIC_O}v", ["gerasimov"]),
        ("defence", ["defence-ministry", "shoygu"]),
        ("Navalny’s", ["aleksei"]),
        ("Kremlin -Forbes", ["kremlin-both", "peskov"]),
    ],
)
def test_exact_matching(query: str, expected: list[str]) -> None:
    assert found(query, exact=True) == expected


def test_exact_matching_ignores_the_kind_of_apostrophe() -> None:
    """The text has a curly apostrophe (Navalny’s); a keyboard types a straight one. Which of
    the two a document used is typography, not spelling."""
    assert found("Navalny's", exact=True) == ["aleksei"]


def test_exact_matching_leaves_out_only_what_is_written() -> None:
    """The text says `Aleksei`; with exact matching `-Alexei` leaves out claims that say
    Alexei, and this one does not."""
    assert found("Navalny -Alexei", exact=True) == ["aleksei"]
    assert found("Navalny -Aleksei", exact=True) == []


def test_corrected_words_are_reported() -> None:
    results = find("Prigozin Wagner")
    assert [h.id for h in results.matches] == ["prigozhin"]
    assert results.typos == {"Prigozin": ["prigozhin"]}
    assert find("Prigozhin").typos == {}


def test_a_latin_query_for_a_cyrillic_word_is_no_typo() -> None:
    """`Apti` is found (as the transliteration of Aпти), so it is not 'not in the claims', and
    the Cyrillic word it found is the one marked."""
    results = find("Apti")
    assert results.typos == {}
    (hit,) = results.matches
    assert [text for text, marked in hit.snippet if marked] == ["Aпти"]
    assert hit.matched_in == ("text",)


def test_a_latin_query_marks_the_cyrillic_word_it_found() -> None:
    hit = next(h for h in find("Shoigu").matches if h.id == "shoigu-ru")
    assert [text for text, marked in hit.snippet if marked] == ["Шойгу"]
    assert hit.matched_in == ("text", "claimant")


def test_a_british_prefix_finds_the_american_spelling_alone(tmp_path: Path) -> None:
    """With only `mobilization` in the claims, `mobilis*` must still find it, as
    `mobilisation` does."""
    folder = write_claims(tmp_path / "claims", [claim("us", "The mobilization began.")])
    assert ids("mobilisation", [folder]) == ["us"]
    assert ids("mobiliz*", [folder]) == ["us"]
    assert ids("mobilis*", [folder]) == ["us"]


def test_an_american_prefix_finds_the_british_spelling_alone(tmp_path: Path) -> None:
    folder = write_claims(tmp_path / "claims", [claim("uk", "Organised crowds gathered.")])
    assert ids("organiz*", [folder]) == ["uk"]
    assert ids("organis*", [folder]) == ["uk"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # the claims write these names in Latin letters
        ("Путин", ["decree-uk"]),
        ("Песков", ["peskov"]),
        ("Навальный", ["aleksei"]),
        ("Алексей", ["aleksei"]),
        ("Пригожин", ["prigozhin"]),
        # and a name written in Cyrillic is found in Latin letters
        ("Apti", ["alaudinov"]),
        ("Shoigu", ["shoigu-ru", "shoygu"]),
    ],
)
def test_names_in_their_own_alphabet_find_their_latin_spelling(
    query: str, expected: list[str]
) -> None:
    assert found(query) == expected


def test_a_name_in_cyrillic_is_no_typo_and_its_latin_word_is_marked() -> None:
    results = find("Путин")
    assert results.typos == {}
    (hit,) = results.matches
    assert [text for text, marked in hit.snippet if marked] == ["Putin"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # denied
        ("deny", ["peskov"]),
        ("denies", ["peskov"]),
        # announced, announcement
        ("announce", ["decree-us", "exodus-long"]),
        # detentions
        ("detained", ["aleksei"]),
        # enlisted, entered, ordered
        ("enlist", ["prigozhin"]),
        ("entering", ["kazakhstan"]),
        ("orders", ["gerasimov"]),
        # the family within a phrase
        ('"calling up"', ["defence-ministry", "peskov", "zelenskyy"]),
    ],
)
def test_a_word_finds_its_family(query: str, expected: list[str]) -> None:
    assert found(query) == expected


def test_a_word_family_is_not_forgiven_in_exact_matching() -> None:
    assert found("deny", exact=True) == []
    assert found("denied", exact=True) == ["peskov"]


@pytest.mark.parametrize(
    ("query", "near", "expected"),
    [
        # two letters swapped: one edit, where a word of five letters is allowed one
        ("Ptuin", ["putin"], ["decree-uk"]),
        ("fornt", ["front"], ["alaudinov", "tie-a", "tie-b"]),
    ],
)
def test_swapped_letters_are_one_typo(query: str, near: list[str], expected: list[str]) -> None:
    results = find(query, limit=100)
    assert results.typos == {query: near}
    assert sorted(h.id for h in results.matches) == expected


def test_a_corrected_word_is_shown_as_the_claims_spell_it_nearest_to_the_typed_one() -> None:
    """The index keeps stems (mobil); the user is told a word of the claims."""
    assert find("mobilzation").typos == {"mobilzation": ["mobilization"]}
    assert find("mobilsation").typos == {"mobilsation": ["mobilisation"]}


def test_a_word_is_not_corrected_to_a_number_nor_to_a_code(tmp_path: Path) -> None:
    folder = write_claims(
        tmp_path / "claims", [claim("figure", "About 2400 men left."), claim("code", "Unit B2.")]
    )
    # a word of letters one edit from `b2`: no typo of it
    assert find("bz", [folder]).typos == {"bz": []}
    # a query with digits is corrected as before
    assert find("b3", [folder]).typos == {"b3": ["b2"]}
    assert find("2401", [folder]).typos == {"2401": ["2400"]}
