"""A throwaway plain-text reader for the drafting tests, and how drafts are scored against
the bundled claims (same sentence, same value)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from factcheck.extract.structure import Note, Paragraph, ParsedDocument, Sentence

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARKER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[(\d+)\]\(#\)")
_NOTE = re.compile(r"^- (?:\[(\d+)\]\(#\)|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))\n\n(.+)$", re.MULTILINE)
_SPLIT = re.compile(r"(?<=[.!?’”\"⁰¹²³⁴⁵⁶⁷⁸⁹)])\s+(?=[A-Z])")


def sentence(text: str, markers: tuple[str, ...] = (), start: int = 0) -> Sentence:
    return Sentence(text, start, start + len(text), markers)


def paragraph(*sentences: Sentence) -> Paragraph:
    return Paragraph(" ".join(s.text for s in sentences), sentences)


def marked_sentences(doc: ParsedDocument) -> list[tuple[str, tuple[str, ...]]]:
    """Every sentence a reader gave, with its markers, after checking that its offsets give
    its text."""
    found = []
    for para in doc.paragraphs:
        for each in para.sentences:
            assert para.text[each.start : each.end] == each.text
            found.append((each.text, each.markers))
    return found


def read_plain(text: str, name: str, title: str | None, date: str | None) -> ParsedDocument:
    """Paragraphs split on blank lines, sentences after a full stop (and its markers),
    superscript or `[726](#)` markers, and `- [label](#)` notes."""
    notes = tuple(
        Note(m.group(1) or m.group(2).translate(_SUPERSCRIPT), m.group(3).strip())
        for m in _NOTE.finditer(text)
    )
    body = text[: m.start()] if (m := _NOTE.search(text)) else text
    paragraphs = []
    # A list item (`- Date: …`) is a paragraph of its own, as the readers give it.
    blocks = [b for chunk in body.split("\n\n") for b in re.split(r"\n(?=- )", chunk)]
    for block in blocks:
        block = " ".join(block.split()).removeprefix("- ")
        if not block:
            continue
        sentences, at = [], 0
        for part in _SPLIT.split(block):
            labels = tuple(
                (g.group(1) or g.group(0)).translate(_SUPERSCRIPT) for g in _MARKER.finditer(part)
            )
            words = _MARKER.sub("", part).strip()
            sentences.append(sentence(words, labels, at))
            at += len(words) + 1
        paragraphs.append(Paragraph(" ".join(s.text for s in sentences), tuple(sentences)))
    return ParsedDocument(name, "text", title, date, tuple(paragraphs), notes)


def euaa_seed() -> ParsedDocument:
    path = SEEDS / "euaa-russia-military-service-4.1.3-mobilisation.txt"
    return read_plain(path.read_text(encoding="utf-8"), path.name, "4.1.3. Mobilisation", "2026")


def wikipedia_seed() -> ParsedDocument:
    path = SEEDS / "wikipedia-2022-russian-mobilization.txt"
    text = path.read_text(encoding="utf-8")
    return read_plain(text, path.name, "2022 Russian mobilization", None)


def gold(name: str) -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = yaml.safe_load((ROOT / "claims" / name).read_text())["claims"]
    return claims


def _key(claim: dict[str, Any]) -> tuple[str, str]:
    return " ".join(str(claim["text"]).split()), " ".join(str(claim["value"]).split()).casefold()


def score(drafted: list[dict[str, Any]], expected: list[dict[str, Any]]) -> tuple[float, float]:
    """Recall of the expected claims and precision of the drafted ones: a claim is found
    when a draft quotes the same sentence with the same value."""
    want = {_key(c) for c in expected}
    got = {_key(c) for c in drafted}
    recall = len(want & got) / len(want) if want else 0.0
    precision = len(want & got) / len(got) if got else 0.0
    return recall, precision
