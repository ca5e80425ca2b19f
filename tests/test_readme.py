"""The README shows real output: every console example is run and compared."""

from __future__ import annotations

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
