"""How words become search terms (`factcheck.terms`): every folding and spelling rule, word
families, other alphabets, the words those rules must keep apart, and the terms a whole text
is indexed under."""

from __future__ import annotations

import pytest

from factcheck.terms import fold, index_terms, library_stamp, spelling, term, words

CYRILLIC_O = "\u043e"  # looks like the Latin o
THIN = "\u2009"
NBSP = "\u00a0"


def same_term(*spellings: str) -> set[str]:
    return {term(s) for s in spellings}


def same_spelling(*spellings: str) -> set[str]:
    return {spelling(s) for s in spellings}


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
    assert same_spelling(*spellings) == {expected}


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
    assert same_spelling(*spellings) == {expected}
    assert same_term(*spellings) == {term(expected)}


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
        ("mobilisation", "demobilisation"),
        ("emigration", "immigration"),
        ("deny", "den"),
        ("organization", "organ"),
        ("general", "generic"),
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


# --------------------------------------------------------------------------- word families


@pytest.mark.parametrize(
    "family",
    [
        ("emigrants", "emigration", "emigrate", "emigrated", "Emigrants"),
        ("deny", "denied", "denies", "denying"),
        ("mobilisation", "mobilised", "mobilization", "mobilize", "mobilizing", "Mobilisations"),
        ("killed", "kill", "kills", "killing"),
        ("conscripts", "conscript", "conscription"),
        ("reservist", "reservists"),
        ("announced", "announcement", "announces"),
        ("detained", "detains", "detaining"),
    ],
)
def test_word_families_share_a_term(family: tuple[str, ...]) -> None:
    """A query for one form of a word finds the others (Snowball's English stemmer, applied
    after the spelling rules: British and American forms fall in one family)."""
    assert len(same_term(*family)) == 1, {w: term(w) for w in family}


def test_a_family_keeps_its_spelling_for_prefixes() -> None:
    """The stem is for matching whole words; a prefix is matched against the spelling."""
    assert term("mobilisation") == term("mobilized")
    assert spelling("mobilisation") == "mobilization"
    assert spelling("mobilised") == "mobilized"


# --------------------------------------------------------------------------- alphabets


@pytest.mark.parametrize(
    ("native", "latin"),
    [
        # Cyrillic: Russian names as the bundled claims spell them in English
        ("Путин", "Putin"),
        ("Песков", "Peskov"),
        ("Шойгу", "Shoigu"),
        ("Шойгу", "Shoygu"),
        ("ШОЙГУ", "shoigu"),
        ("Алексей", "Alexei"),
        ("Дмитрий", "Dmitry"),
        ("Евгений", "Yevgeny"),
        ("Зеленский", "Zelensky"),
        ("Навальный", "Navalny"),
        ("Грозный", "Grozny"),
        ("Новый", "Novy"),
        ("Апти", "Apti"),
        # Ukrainian letters
        ("Харків", "Kharkiv"),
        # Greek, Georgian, Armenian, Arabic, Chinese
        ("Ελλάδα", "Ellada"),
        ("Τσίπρας", "Tsipras"),
        ("საქართველო", "Sakartvelo"),
        ("თბილისი", "Tbilisi"),
        ("Հայաստան", "Hayastan"),
        ("Փաշինյան", "Pashinyan"),
        ("北京", "Beijing"),
    ],
)
def test_words_in_other_alphabets_are_found_under_their_latin_spelling(
    native: str, latin: str
) -> None:
    """`search Путин` finds Putin and `search Putin` finds Путин: both sides of the index
    write every word in Latin letters."""
    assert term(native) == term(latin)


def test_a_possessive_in_cyrillic_text() -> None:
    assert term("Шойгу’s") == term("Shoigu")


def test_a_latin_letter_in_a_cyrillic_word() -> None:
    mixed = "Aпти"  # Latin A, then Cyrillic п т и (as in the EUAA report)
    assert term(mixed) == term("Апти") == term("Apti") == "apti"


def test_a_cyrillic_letter_in_a_latin_word() -> None:
    mixed = f"Gerasim{CYRILLIC_O}v"
    assert term(mixed) == term("Gerasimov") == "gerasimov"


def test_a_cyrillic_look_alike_that_transliterates_otherwise_is_read_as_latin() -> None:
    """Cyrillic х looks like x but is written kh: in a Latin word it is the letter x."""
    assert term("e\u0445it") == term("exit")


def test_a_mixed_word_with_an_even_count_is_read_as_cyrillic() -> None:
    assert term("Мoсква") == term("Москва") == term("Moskva")  # Latin o among Cyrillic


# --------------------------------------------------------------------------- whole texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Шойгу заявил, что будет призвано 300{NBSP}000 резервистов.",
            "shoigu zaiavil chto budet prizvano 300 000 rezervistov",
        ),
        ("Russia’s “partial” call-up", "rusia partial cal up"),
        ("Chechen commander Aпти Alaudinov", "chechen comand apti alaudinov"),
        (f"General Gerasim{CYRILLIC_O}v", "general gerasimov"),
        ("ＴＡＳＳ ﬁnal", "tas final"),
        (f"350{THIN}000 – 400{THIN}000 via Upper{NBSP}Lars", "350 000 400 000 via uper lar"),
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


def test_the_library_stamp_names_both_versions() -> None:
    from importlib.metadata import version

    assert library_stamp() == (
        f"anyascii {version('anyascii')} snowballstemmer-{version('snowballstemmer')}"
    )
