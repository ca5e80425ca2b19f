"""The fixed corpus in tests/data/search, and the helpers the search tests share.

The corpus has 18 claims whose texts were written so that each case in the search tests has one
right answer; its claims.yaml lists the typographic characters it holds (thin and no-break
spaces, curly quotes, a Cyrillic letter in a Latin name and a Latin letter in a Cyrillic one)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.search import Results, search

CORPUS = Path(__file__).parent / "data" / "search"


CYRILLIC_O = "\u043e"


runner = CliRunner()


def find(query: str, paths: list[Path] | None = None, **options: Any) -> Results:
    return search(query, paths or [CORPUS], **options)


def ids(query: str, paths: list[Path] | None = None, **options: Any) -> list[str]:
    """The ids found by their words, in the order given (the claims that follow them through
    their topic are left to the tests about topics)."""
    return [h.id for h in find(query, paths, limit=100, **options).hits if h.via == "words"]


def found(query: str, **options: Any) -> list[str]:
    """The ids found, sorted (for tests about what matches, not in which order)."""
    return sorted(ids(query, **options))


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["search", *args])
    return result.exit_code, result.stdout, result.stderr


def cache() -> Path:
    return Path(os.environ["FACTCHECK_CACHE"])


def index_files() -> list[Path]:
    return sorted(cache().glob("search-*.sqlite"))


def write_claims(folder: Path, claims: list[dict[str, Any]]) -> Path:
    """The fixture's vocabulary and these claims in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(CORPUS / "vocabulary.yaml", folder / "vocabulary.yaml")
    text = yaml.safe_dump({"claims": claims}, allow_unicode=True, sort_keys=False)
    (folder / "claims.yaml").write_text(text, "utf-8")
    return folder


def claim(cid: str, text: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": cid,
        "document": "euaa",
        "footnotes": ["1"],
        "text": text,
        "subject": "draft",
        "property": "start.date",
        "value": "21 September 2022",
    }
    record.update(fields)
    return record


# Matches 11 of the claims, with times from 21 September to 28 October 2022 and without.
WIDE = "Russia OR Kremlin OR Prigozhin OR Navalny OR one OR partial OR exodus"
