"""The bundled data set's citation findings, against a list a person reviewed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck.citations import run_checks
from factcheck.loading import load_corpus

EXPECTED = Path(__file__).parent / "data" / "expected-check.txt"


def test_bundled_findings_are_the_reviewed_list() -> None:
    found = run_checks(load_corpus(strict=False), today=date(2026, 11, 21))
    actual = [f"{f.code} {f.level} {f.record}: {f.message}" for f in found]
    expected = [
        line
        for line in EXPECTED.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert actual == expected


def test_bundled_data_has_no_citation_errors() -> None:
    found = run_checks(load_corpus(strict=False), today=date(2026, 11, 21))
    assert [f for f in found if f.level == "error"] == []
