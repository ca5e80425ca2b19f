"""How words become search terms (`factcheck.terms`): every folding and spelling rule, the
words those rules must keep apart, and the terms a whole text is indexed under."""

from __future__ import annotations

import pytest

from factcheck.terms import fold, index_terms, term, transliterated, words

CYRILLIC_O = "\u043e"  # looks like the Latin o
THIN = "\u2009"
NBSP = "\u00a0"


def same_term(*spellings: str) -> set[str]:
    return {term(s) for s in spellings}


# --------------------------------------------------------------------------- one spelling


@pytest.mark.parametrize(
    ("spellings", "expected"),
    [
        # case
        (("mobilisation", "Mobilisation", "MOBILISATION", "mObIlIsAtIoN"), "mobilization"),
        # diacritics
        (("Mäulen", "Maulen", "MÄULEN"), "maulen"),
        (("Äşimbaev", "Asimbaev"), "asimbaev"),
        (("Médiazona", "Mediazona", "MÉDIAZONA"), "mediazona"),
        # Unicode compatibility forms (NFKC): full-width letters, ligatures
        (("ＴＡＳＳ", "TASS", "tass"), "tas"),
        (("ﬁnal", "final"), "final"),
        # curly and straight apostrophes, possessive 's
        (("Russia’s", "Russia's", "Russia", "RUSSIA’S"), "rusia"),
        (("Navalny’s", "Navalny's", "Navalny"), "navalni"),
        (("O’Brien", "O'Brien", "OBrien"), "obrien"),
    ],
)
def test_folding(spellings: tuple[str, ...], expected: str) -> None:
    assert same_term(*spellings) == {expected}


def test_fold_removes_case_diacritics_and_curly_apostrophes() -> None:
    assert fold("Mäulen Äşimbaev") == "maulen asimbaev"
    # A curly apostrophe is folded too, so an exact search for Navalny's finds Navalny’s.
    assert fold("Russia’s") == "russia's"


@pytest.mark.parametrize(
    "spellings",
    [
        # -isation / -ization
        ("mobilisation", "mobilization", "Mobilisation", "MOBILIZATION"),
        ("mobilisations", "mobilizations"),
        ("demobilisation", "demobilization"),
        # -ise / -ize and its forms, -yse / -yze
        ("organise", "organize"),
        ("organised", "organized"),
        ("organises", "organizes"),
        ("organising", "organizing"),
        ("recognise", "recognize"),
        ("analyse", "analyze"),
        ("analysed", "analyzed"),
        ("paralyses", "paralyzes"),
        # -our / -or
        ("colour", "color"),
        ("labour", "labor"),
        ("honoured", "honored"),
        ("behaviours", "behaviors"),
        ("favouring", "favoring"),
        # -tre / -ter
        ("centre", "center"),
        ("theatres", "theaters"),
        ("metre", "meter"),
        # -ence / -ense
        ("defence", "defense", "Defence"),
        ("licence", "license"),
        ("offence", "offense"),
        # -ogue / -og
        ("catalogue", "catalog"),
        ("dialogues", "dialogs"),
        # doubled l
        ("travelled", "traveled"),
        ("travelling", "traveling"),
        ("cancelled", "canceled"),
        ("traveller", "traveler"),
        ("modelling", "modeling"),
    ],
)
def test_british_and_american_spelling(spellings: tuple[str, ...]) -> None:
    assert len(same_term(*spellings)) == 1, {s: term(s) for s in spellings}


@pytest.mark.parametrize(
    ("spellings", "expected"),
    [
        (("Aleksei", "Alexei", "Alexey", "Aleksej", "Aleksey", "Alexej"), "aleksei"),
        (("Shoigu", "Shoygu", "SHOIGU"), "shoigu"),
        (("Dmitriy", "Dmitry", "Dmitri", "Dmitrii", "Dmitrij"), "dmitri"),
        (("Yevgeny", "Evgeny", "Evgenii", "Yevgeniy", "Evgenij"), "evgeni"),
        (("Zelenskyy", "Zelensky", "Zelenskiy", "Zelenskii"), "zelenski"),
        (("Sergei", "Sergey", "Sergej"), "sergei"),
        (("Philipp", "Filip", "Phillip"), "filip"),
        (("Navalny", "Navalnyy", "Navalniy"), "navalni"),
    ],
)
def test_transliterations_of_russian_names(spellings: tuple[str, ...], expected: str) -> None:
    assert same_term(*spellings) == {expected}


@pytest.mark.parametrize(
    "spellings",
    [
        ("Galeotti", "Galleoti", "Galeoti", "Galleotti"),
        ("Russia", "Rusia"),
        ("Kremmlin", "Kremlin"),
        ("Prigozhin", "Prigozhinn"),
        ("Belgorod", "Bellgorod"),
    ],
)
def test_doubled_consonants(spellings: tuple[str, ...]) -> None:
    assert len(same_term(*spellings)) == 1, {s: term(s) for s in spellings}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("four", "for"),
        ("year", "ear"),
        ("years", "ears"),
        ("hour", "hor"),
        ("tour", "tor"),
        ("fence", "fense"),
        ("Novaya", "Novy"),
        ("Novaya", "Nova"),
        ("sea", "see"),
        ("Russia", "Russian"),
        ("Russians", "Russia"),
        ("mobilisation", "mobilised"),
        ("Kyiv", "Kiel"),
        ("Maria", "Mario"),
        ("Dmitri", "Dmitrov"),
        ("Aleksei", "Aleksandr"),
        ("Shoigu", "Shogun"),
        ("Zelenskyy", "Zelenograd"),
        ("call", "cell"),
        ("Апти", "Ахмат"),
        ("мобилизация", "демобилизация"),
    ],
)
def test_different_words_stay_different(first: str, second: str) -> None:
    assert term(first) != term(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # 'ye' + four letters is read as a transliteration of 'е' (Yevgeny → Evgeny).
        ("yearly", "early"),
        # 'j' is read as a transliteration of 'й' (Aleksej → Aleksey).
        ("major", "mayor"),
        ("jet", "yet"),
        ("jury", "Yuri"),
    ],
)
def test_english_words_are_not_taken_for_transliterations(first: str, second: str) -> None:
    """Found while writing these tests: the transliteration rules, applied to every Latin
    word, merge common English words; searching `early` finds `yearly`, `jet` finds every
    `yet`, `major` (a military rank) finds `mayor`, `jury` finds the name Yuri."""
    assert term(first) != term(second)


# --------------------------------------------------------------------------- alphabets


def test_cyrillic_words_keep_their_alphabet_and_gain_a_transliteration() -> None:
    assert term("Шойгу") == "шоигу"
    assert term("МОБИЛИЗАЦИЯ") == term("мобилизация") == "мобилизация"
    assert transliterated("Шойгу") == term("Shoigu") == term("Shoygu")
    assert transliterated("Алексей") == term("Alexei")
    assert transliterated("Дмитрий") == term("Dmitry")
    assert transliterated("Евгений") == term("Yevgeny")
    assert transliterated("Зеленский") == term("Zelensky")
    assert transliterated("Апти") == term("Apti") == "apti"


def test_the_ending_of_adjective_names_matches_its_usual_spelling() -> None:
    """-ый is transliterated `yi` (Навальный → navalnyi), while the usual English spellings
    Navalny, Grozny, Novy end in `y`: a Latin query for them misses the Cyrillic text."""
    assert term("Navalnyi") == term("Navalny")
    assert transliterated("Навальный") == term("Navalny")
    assert transliterated("Грозный") == term("Grozny")
    assert transliterated("Новый") == term("Novy")


def test_latin_words_have_no_transliteration() -> None:
    assert transliterated("Shoigu") is None
    assert transliterated("300") is None


def test_a_latin_letter_in_a_cyrillic_word() -> None:
    mixed = "Aпти"  # Latin A, then Cyrillic п т и (as in the EUAA report)
    assert term(mixed) == term("Апти") == "апти"
    assert transliterated(mixed) == "apti"


def test_a_cyrillic_letter_in_a_latin_word() -> None:
    mixed = f"Gerasim{CYRILLIC_O}v"
    assert term(mixed) == term("Gerasimov") == "gerasimov"
    assert transliterated(mixed) is None


def test_a_mixed_word_with_an_even_count_is_read_as_cyrillic() -> None:
    assert term("Мoсква") == term("Москва")  # Latin o among Cyrillic letters


# --------------------------------------------------------------------------- whole texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Шойгу заявил, что будет призвано 300{NBSP}000 резервистов.",
            "шоигу shoigu заявил zaiavil что chto будет budet призвано prizvano 300 000 "
            "резервистов rezervistov",
        ),
        ("Russia’s “partial” call-up", "rusia partial cal up"),
        ("Chechen commander Aпти Alaudinov", "chechen comander апти apti alaudinov"),
        (f"General Gerasim{CYRILLIC_O}v", "general gerasimov"),
        ("ＴＡＳＳ ﬁnal", "tas final"),
        (f"350{THIN}000 – 400{THIN}000 via Upper{NBSP}Lars", "350 000 400 000 via uper lars"),
        ("Mäulen Äşimbaev", "maulen asimbaev"),
        ("Alexei Navalny's team", "aleksei navalni team"),
        ("Zelenskyy and Dmitriy Peskov", "zelenski and dmitri peskov"),
        ("Yevgeny Prigozhin", "evgeni prigozhin"),
        ("Citizen.Army.Law e-mail", "citizen armi law e mail"),
        ("", ""),
        ("— … ·", ""),
    ],
)
def test_index_terms(text: str, expected: str) -> None:
    assert index_terms(text) == expected


def test_a_text_and_a_query_written_differently_index_alike() -> None:
    assert index_terms("Defence minister Shoygu on the partial mobilisation") == index_terms(
        "DEFENSE MINISTER SHOIGU ON THE PARTIAL MOBILIZATION"
    )


def test_words_and_their_positions() -> None:
    found = [(m.group(), m.start(), m.end()) for m in words(f"Russia’s 300{THIN}000 Aпти")]
    assert found == [("Russia’s", 0, 8), ("300", 9, 12), ("000", 13, 16), ("Aпти", 17, 21)]
