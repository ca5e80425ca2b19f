"""Tiny corpora for the tests of the citation checks: records written in each test, loaded
leniently and checked, and `factcheck check` run on the command line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from factcheck.checks import Finding, Level
from factcheck.citations import run_checks
from factcheck.cli import app
from factcheck.corpus import Corpus
from factcheck.loading import load_corpus
from factcheck.reliability import Ratings
from factcheck.retractions import Retractions

TODAY = date(2026, 1, 1)

VOCABULARY: dict[str, Any] = {
    "subjects": [{"id": "callup", "name": "The call-up"}],
    "properties": [
        {
            "id": "left.count",
            "name": "People who left",
            "definition": "People who left the country since the call-up",
            "kind": "count",
            "unit": "people",
        },
        {
            "id": "end.date",
            "name": "End of the call-up",
            "definition": "The date the call-up ended",
            "kind": "date",
        },
        {
            "id": "published.date",
            "name": "Published",
            "definition": "The date the cited work was published",
            "kind": "date",
            "dates_cited_work": True,
        },
    ],
}
DOCUMENT: dict[str, Any] = {
    "id": "rep",
    "title": "Country report",
    "publisher": "Agency",
    "date": "March 2025",
}


def source(sid: str, **fields: Any) -> dict[str, Any]:
    """A source with a publisher, title, date, real link and access date; `field=None`
    leaves one out."""
    record: dict[str, Any] = {
        "id": sid,
        "publisher": "Wire",
        "title": f"Story {sid}",
        "date": "1 October 2022",
        "url": f"https://example.org/{sid}",
        "accessed": "2 October 2022",
        "kind": "media",
    }
    record.update(fields)
    return {k: v for k, v in record.items() if v is not None}


def note(label: str, *sources: str, document: str = "rep") -> dict[str, Any]:
    return {"document": document, "label": label, "cites": [{"source": s} for s in sources]}


def claim(cid: str, *footnotes: str, **fields: Any) -> dict[str, Any]:
    """A count claim of document `rep` resting on the given footnote labels."""
    record: dict[str, Any] = {
        "id": cid,
        "document": "rep",
        "text": f"The words of claim {cid}.",
        "subject": "callup",
        "property": "left.count",
        "value": "261,000",
        "footnotes": list(footnotes),
    }
    record.update(fields)
    return record


@dataclass
class Checked:
    """A corpus written to a file, loaded leniently, and its findings."""

    path: Path
    corpus: Corpus
    findings: list[Finding]

    def line(self, rid: str) -> int:
        """The line where the record with this id starts (`- id: rid`), read from the text."""
        lines = self.path.read_text("utf-8").splitlines()
        return next(n for n, text in enumerate(lines, 1) if text.strip() == f"- id: {rid}")

    def of(self, *codes: str) -> list[Finding]:
        return [f for f in self.findings if f.code in codes]

    def only(self, code: str) -> Finding:
        found = self.of(code)
        assert len(found) == 1, found
        return found[0]

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}


def write(
    folder: Path,
    *,
    documents: Sequence[dict[str, Any]] | None = None,
    sources: Sequence[dict[str, Any]] = (),
    footnotes: Sequence[dict[str, Any]] = (),
    claims: Sequence[dict[str, Any]] = (),
) -> Path:
    """The vocabulary and one claim file holding the given records; the claim file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocabulary.yaml").write_text(yaml.safe_dump(VOCABULARY, sort_keys=False), "utf-8")
    records = {
        "documents": [DOCUMENT] if documents is None else list(documents),
        "sources": list(sources),
        "footnotes": list(footnotes),
        "claims": list(claims),
    }
    path = folder / "corpus.yaml"
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def check(
    folder: Path,
    *,
    today: date = TODAY,
    retractions: Retractions | None = None,
    ratings: Ratings | None = None,
    **records: Any,
) -> Checked:
    path = write(folder, **records)
    corpus = load_corpus([folder], strict=False)
    found = run_checks(corpus, today=today, retractions=retractions, ratings=ratings)
    return Checked(path, corpus, found)


def cited(folder: Path, *sources: dict[str, Any], **records: Any) -> Checked:
    """Each source in its own footnote, each footnote cited by its own claim."""
    notes = [note(str(n), s["id"]) for n, s in enumerate(sources, 1)]
    claims = [claim(f"c{n}", str(n)) for n in range(1, len(sources) + 1)]
    return check(folder, sources=list(sources), footnotes=notes, claims=claims, **records)


def one_claim(
    folder: Path, *sources: dict[str, Any], document: dict[str, Any] | None = None, **fields: Any
) -> Checked:
    """One claim `c` citing every source, each through its own footnote."""
    notes = [note(str(n), s["id"]) for n, s in enumerate(sources, 1)]
    labels = [str(n) for n in range(1, len(sources) + 1)]
    return check(
        folder,
        documents=[document or DOCUMENT],
        sources=list(sources),
        footnotes=notes,
        claims=[claim("c", *labels, **fields)],
    )


def shape(f: Finding) -> tuple[str, Level, str, int | None, str]:
    return (f.code, f.level, f.record, f.line, f.message)


runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def findings_json(*args: str) -> list[dict[str, Any]]:
    code, out, err = run("check", "--today", "2026-01-01", "--format", "json", *args)
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    return data
