"""Small corpora written in each test of conflict finding: a vocabulary of properties of
every kind, claim records with what a test does not care about filled in, and shortcuts to
the conflicts found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.conflict_report import Conflict, Report
from factcheck.conflicts import find_conflicts
from factcheck.corpus import Corpus
from factcheck.loading import load_corpus

MINI = Path(__file__).parent / "data" / "mini"


PROPERTIES: list[dict[str, Any]] = [
    {
        "id": "left.count",
        "name": "People who left",
        "definition": "People who left the country since the call-up was announced",
        "kind": "count",
        "unit": "people",
        "growing": True,
        "tolerance": 0.05,
    },
    {
        "id": "abroad.count",
        "name": "People abroad",
        "definition": "People staying abroad at a given time (rises and falls)",
        "kind": "count",
        "unit": "people",
        "tolerance": 0.05,
    },
    {
        "id": "target.count",
        "name": "Planned call-up size",
        "definition": "Number of people the call-up was planned to draft",
        "kind": "count",
        "unit": "people",
        "tolerance": 0.05,
    },
    {
        "id": "end.date",
        "name": "End of the call-up",
        "definition": "The date the call-up ended",
        "kind": "date",
        "tolerance": 1,
    },
    {
        "id": "callup.status",
        "name": "Status of the call-up",
        "definition": "Whether the call-up is in force",
        "kind": "status",
        "statuses": {"ended": ["completed", "over"], "in-force": ["still in force", "ongoing"]},
    },
    {
        "id": "share.pct",
        "name": "Share of men among those who left",
        "definition": "Percentage of men among the people who left",
        "kind": "percentage",
    },
]


SUBJECTS = [
    {"id": "exodus", "name": "Departures after the call-up"},
    {"id": "callup", "name": "The call-up"},
]


VOCABULARY = {
    "subjects": SUBJECTS,
    "properties": PROPERTIES,
    "documents": [{"id": "rep", "title": "A country report", "date": "March 2025"}],
}


SUBJECT_OF = {
    "left.count": "exodus",
    "abroad.count": "exodus",
    "share.pct": "exodus",
    "target.count": "callup",
    "end.date": "callup",
    "callup.status": "callup",
}


def claim(cid: str, prop: str, value: str, **fields: Any) -> dict[str, Any]:
    """A claim record with everything a test does not care about filled in."""
    record: dict[str, Any] = {
        "id": cid,
        "document": "rep",
        "text": f"The words of claim {cid}.",
        "subject": SUBJECT_OF[prop],
        "property": prop,
        "value": value,
    }
    record.update(fields)
    return record


def write_corpus(folder: Path, *claim_files: list[dict[str, Any]]) -> Corpus:
    """Write the vocabulary and one file per list of claims, in that order; load them."""
    folder.mkdir(parents=True, exist_ok=True)
    dump = {"allow_unicode": True, "sort_keys": False}
    (folder / "vocabulary.yaml").write_text(yaml.safe_dump(VOCABULARY, **dump), "utf-8")
    for n, claims in enumerate(claim_files):
        text = yaml.safe_dump({"claims": claims}, **dump)
        (folder / f"claims-{n:02d}.yaml").write_text(text, "utf-8")
    return load_corpus([folder])


def conflicts_of(tmp_path: Path, *claims: dict[str, Any], **options: Any) -> Report:
    return find_conflicts(write_corpus(tmp_path, list(claims)), **options)


def only(report: Report) -> Conflict:
    assert len(report.conflicts) == 1, report.conflicts
    return report.conflicts[0]


def reasons_for(report: Report, *claim_ids: str) -> list[str]:
    """The explanations that name every one of the claims."""
    return [c.reason for c in report.consistent if set(claim_ids) <= set(c.claims)]


def one_file_base(
    folder: Path,
    subject: str,
    properties: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    **document: Any,
) -> Corpus:
    """A claim base of one file: one subject, these properties, one document (with any
    `document` fields), and claims given as `{id, property, value, ...}` (the rest filled
    in), loaded."""
    folder.mkdir(parents=True)
    records = [
        {
            "document": "rep",
            "text": f"{c['id']} says {c['value']}.",
            "subject": subject,
            "claimant": c["id"],
            **c,
        }
        for c in claims
    ]
    data = {
        "subjects": [{"id": subject, "name": f"The {subject}"}],
        "properties": properties,
        "documents": [{"id": "rep", "title": "A report", **document}],
        "claims": records,
    }
    (folder / "claims.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_corpus([folder])
