"""A small corpus for the results-cache tests, and what they compare."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

import factcheck.loading
import factcheck.store
from factcheck import results
from factcheck.cli import app
from factcheck.files import cache_dir
from factcheck.records import ConflictView
from factcheck.results import Query

runner = CliRunner()

# --------------------------------------------------------------------------- a small corpus

#: Topics s00..s23 hold two claims each: high (timed, ×10), medium (untimed, ×10) or low
#: (untimed, ×1.5) in turn; s24 (in big.json) holds 15 claims a side; `quiet` agrees.
SUBJECTS = [f"s{i:02d}" for i in range(25)] + ["quiet"]
BASE_CONFLICTS = 24 + 1 + 3  # the size topics, big.json, a date, a status and a denial


def claim(cid: str, subject: str, prop: str, value: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "document": "rep",
        "text": f"Claim {cid} says {value}.",
        "subject": subject,
        "property": prop,
        "value": value,
        "claimant": f"Claimant {cid}",
        "footnotes": ["1"],
        **extra,
    }


def dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    dump(
        folder / "vocabulary.json",
        {
            "subjects": [{"id": s, "name": f"Topic {s}"} for s in SUBJECTS],
            "properties": [
                {
                    "id": "size",
                    "name": "Size",
                    "definition": "How many",
                    "kind": "count",
                    "unit": "people",
                    "tolerance": 0.05,
                },
                {"id": "day", "name": "Day", "definition": "When", "kind": "date", "tolerance": 1},
                {
                    "id": "state",
                    "name": "State",
                    "definition": "Whether it goes on",
                    "kind": "status",
                    "statuses": {"ended": ["completed"], "in-force": ["ongoing"]},
                },
                {"id": "unused", "name": "Unused", "definition": "Never claimed", "kind": "count"},
            ],
        },
    )
    claims = []
    for i in range(24):
        s = f"s{i:02d}"
        timed = {"as_of": "1 May 2024"} if i % 3 == 0 else {}
        other = "150" if i % 3 == 2 else "1000"
        claims += [
            claim(f"{s}a", s, "size", "100", **timed),
            claim(f"{s}b", s, "size", other, **timed),
        ]
    claims += [
        claim("day-a", "s00", "day", "1 May 2024"),
        claim("day-b", "s00", "day", "20 June 2024"),
        claim("state-a", "s01", "state", "ongoing", as_of="1 May 2024"),
        claim("state-b", "s01", "state", "completed", as_of="1 May 2024"),
        claim("denied", "s02", "size", "100", stance="denies"),
        claim("scoped", "s03", "size", "5000", scope={"region": "North"}),
        claim("old", "s04", "size", "99999", rank="deprecated", rank_reason="superseded"),
        claim("quiet-a", "quiet", "size", "100"),
        claim("quiet-b", "quiet", "size", "101"),
    ]
    header = {
        "documents": [{"id": "rep", "title": "A report", "publisher": "Agency", "date": "2025"}],
        "sources": [{"id": "src", "publisher": "Wire", "title": "News", "date": "1 May 2024"}],
        "footnotes": [{"document": "rep", "label": "1", "cites": [{"source": "src"}]}],
    }
    dump(folder / "report.json", {**header, "claims": claims})
    big = [claim(f"big-a{j}", "s24", "size", "100", as_of="1 May 2024") for j in range(15)]
    big += [claim(f"big-b{j}", "s24", "size", "1000", as_of="1 May 2024") for j in range(15)]
    dump(folder / "big.json", {"claims": big})
    return folder


# --------------------------------------------------------------------------- helpers


def fields(view: ConflictView) -> dict[str, Any]:
    return {
        "conflicts": view.conflicts,
        "total": view.total,
        "severities": view.severities,
        "compared": view.compared,
        "notes": view.notes,
        "consistent": view.consistent,
    }


def fresh(paths: list[Path] | None, query: Query = Query()) -> dict[str, Any]:
    return fields(results.conflict_view(paths, query, use_cache=False))


def cached(paths: list[Path] | None, query: Query = Query()) -> dict[str, Any]:
    return fields(results.conflict_view(paths, query))


def entries() -> list[Path]:
    folder = cache_dir()
    return sorted(folder.glob("conflicts-*.sqlite")) if folder.is_dir() else []


def subjects_of(view: dict[str, Any]) -> list[str]:
    return [c["subject"] for c in view["conflicts"]]


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the claims were loaded")


@contextmanager
def no_loading() -> Iterator[None]:
    """Any claim loaded inside fails the test: what runs there must be a cache hit."""
    original = factcheck.loading.load_corpus
    factcheck.loading.load_corpus = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        factcheck.loading.load_corpus = original


def queries(subjects: list[str], properties: list[str]) -> list[Query]:
    found = [
        Query(min_severity=sev, per_side=per_side, limit=limit)
        for sev in ("low", "medium", "high")
        for per_side in (None, 12)
        for limit in (None, 1, 3)
    ]
    found += [Query(subject=s) for s in subjects]
    found += [Query(property=p, limit=3, per_side=12) for p in properties]
    found += [Query(subject=s, property=p) for s in subjects[:4] for p in properties[:4]]
    found += [Query(subject=s, min_severity="high", limit=1) for s in subjects[:6]]
    return found


def assert_cache_agrees(
    paths: list[Path] | None, subjects: list[str], properties: list[str]
) -> None:
    asked = queries(subjects, properties)
    expected = [fresh(paths, q) for q in asked]
    for per_side in (None, 12):  # fill both entries, then show every query from them
        results.conflict_view(paths, Query(per_side=per_side))
    with no_loading():
        for query, want in zip(asked, expected, strict=True):
            assert cached(paths, query) == want, query


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def replace_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
