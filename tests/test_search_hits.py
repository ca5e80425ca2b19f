"""The claims a search found (`factcheck.search_hits`) on the fixed corpus in
tests/data/search: snippets with the matched words marked, cut around the first match, and
the fields the words were found in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factcheck.search import search
from tests.search_helpers import CYRILLIC_O, claim, find, write_claims


def marked(query: str, claim_id: str, **options: Any) -> list[str]:
    hit = next(h for h in find(query, **options).matches if h.id == claim_id)
    return [text for text, is_match in hit.snippet if is_match]


def test_snippet_marks_the_matched_words() -> None:
    (hit,) = find("partial Putin").matches
    assert hit.snippet == (
        ("Putin", True),
        (" ", False),
        ("signed", False),
        (" ", False),
        ("the", False),
        (" ", False),
        ("decree", False),
        (" ", False),
        ("on", False),
        (" ", False),
        ("partial", True),
        (" ", False),
        ("mobilisation", False),
        (" ", False),
        ("on", False),
        (" ", False),
        ("21", False),
        (" ", False),
        ("September", False),
        (" ", False),
        ("2022", False),
        (".", False),
    )
    assert "".join(text for text, _ in hit.snippet) == hit.text


@pytest.mark.parametrize(
    ("query", "claim_id", "expected"),
    [
        ("mobilization", "decree-uk", ["mobilisation"]),
        ("mobilis*", "decree-us", ["mobilization"]),
        ("Navalny's", "aleksei", ["Navalny’s"]),
        ("Alexey", "aleksei", ["Aleksei"]),
        ("Gerasimov", "gerasimov", [f"Gerasim{CYRILLIC_O}v"]),
        ("Апти", "alaudinov", ["Aпти"]),
        ('"300 000"', "shoygu", ["300", "000"]),
        ('"300 000"', "kremlin-both", ["300", "000"]),
        ("Upper Lars", "upper-lars", ["Upper", "Lars"]),
        ("Prigozin", "prigozhin", ["Prigozhin"]),
        ("partial", "defence-ministry", ["partial"]),
        ("Kremlin", "peskov", []),  # found in a source's title only
        ("mobilisation", "decree-uk", ["mobilisation"]),
    ],
)
def test_snippet_marks_what_was_found_however_written(
    query: str, claim_id: str, expected: list[str]
) -> None:
    assert marked(query, claim_id) == expected


def test_exact_snippet_marks_the_word_as_written() -> None:
    assert marked("mobilisation", "decree-uk", exact=True) == ["mobilisation"]


def test_long_text_is_cut_around_the_first_match() -> None:
    (hit,) = find("exodus").matches
    text = "".join(t for t, _ in hit.snippet)
    assert text == (
        "…flats and bought tickets at any price, while officials insisted that the exodus was "
        "exaggerated and that most of those who had gone abroad would…"
    )
    assert [t for t, m in hit.snippet if m] == ["exodus"]
    assert hit.snippet[0] == ("…", False)
    assert hit.snippet[-1] == ("…", False)
    assert hit.text.startswith("In the weeks after the announcement")


def test_long_text_matched_at_its_start_is_cut_at_its_end_only() -> None:
    (hit,) = find("announcement weeks").matches
    text = "".join(t for t, _ in hit.snippet)
    assert text.startswith("In the weeks after the announcement men")
    assert text.endswith("…")
    assert [t for t, m in hit.snippet if m] == ["weeks", "announcement"]


def test_text_matched_nowhere_shows_its_opening() -> None:
    (hit,) = find("Kremlin", fields=["sources"]).matches
    assert "".join(t for t, _ in hit.snippet) == hit.text
    assert not any(m for _, m in hit.snippet)
    assert hit.matched_in == ("sources",)


def test_matched_in() -> None:
    by_id = {h.id: h.matched_in for h in find("Meduza OR Navalny OR Kremlin").matches}
    assert by_id == {
        "upper-lars": ("text", "claimant", "sources"),
        "aleksei": ("text", "claimant"),
        "kremlin-both": ("text", "claimant"),
        "kremlin-text": ("text", "sources"),
        "zelenskyy": ("sources",),
        "exodus-long": ("sources",),
        "peskov": ("sources",),
    }


def test_snippet_of_a_text_with_an_ellipsis(tmp_path: Path) -> None:
    """Claim texts quote documents, and quotes elide with `…`; NFKC turns it into three
    characters, which must not shift the snippet off the text."""
    text = "The decree … was drafted in the Kremlin on 21 September."
    folder = write_claims(tmp_path / "claims", [claim("elided", text)])
    (hit,) = search("Kremlin", [folder]).matches
    assert "".join(t for t, _ in hit.snippet) == text
    assert [t for t, m in hit.snippet if m] == ["Kremlin"]


def test_snippet_of_a_text_with_a_ligature(tmp_path: Path) -> None:
    text = "The ﬁrst Kremlin decree."
    folder = write_claims(tmp_path / "claims", [claim("ligature", text)])
    (hit,) = search("first Kremlin", [folder]).matches
    assert "".join(t for t, _ in hit.snippet) == text
    assert [t for t, m in hit.snippet if m] == ["ﬁrst", "Kremlin"]
