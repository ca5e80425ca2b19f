"""The README shows real output: every console example is run and compared."""

from __future__ import annotations

import re

import pytest

from factcheck.checks import CHECKS
from factcheck.render.markdown_format import check_codes
from tests.readme import CHECKS_DOC, README, examples, expected_matches, run

EXAMPLES = examples(README.read_text(encoding="utf-8"))


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.command for e in EXAMPLES])
def test_readme_example_output_is_real(example: object) -> None:
    actual, code = run(example.command)  # type: ignore[attr-defined]
    assert expected_matches(example.shown, actual), (  # type: ignore[attr-defined]
        "README output is out of date; run `python tests/readme.py`"
    )
    if example.exit_shown is not None:  # type: ignore[attr-defined]
        assert str(code) == example.exit_shown  # type: ignore[attr-defined]


def test_checks_doc_lists_every_code_as_the_code_defines_it() -> None:
    assert CHECKS_DOC.read_text(encoding="utf-8") == check_codes(CHECKS), (
        "docs/checks.md is out of date; run `python tests/readme.py`"
    )


def test_every_module_is_placed_in_the_readme() -> None:
    """The README's table of where things live names every module of the package."""
    from pathlib import Path

    text = README.read_text(encoding="utf-8").split("### Where things live", 1)[1]
    table = text.split("\n\n###", 1)[0]
    named = set(re.findall(r"`([a-z_]+)`", table))
    package = Path(__file__).parent.parent / "factcheck"
    modules = {p.stem for p in package.glob("*.py") if not p.stem.startswith("__")}
    assert modules - named == set(), "add these modules to the README's table"
    assert "render/" in table
