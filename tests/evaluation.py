"""The evaluation set: real documents, their claims written by hand, and what a careful
fact-checker expects, scored against what factcheck reports.

Each folder of `tests/data/evaluation/` holds a document's claims (`claims.yaml`) and, written
before factcheck was run on them, the conflicts a fact-checker names and the look-alikes
that are not conflicts (`expected.md`, and the same as data in `expected.yaml`). An expected
conflict is found when factcheck reports a conflict with claims of two of its groups on
different sides; a look-alike is a false alarm when factcheck does the same with its groups.
A reported conflict that matches no expected conflict is a false alarm too.

    python tests/evaluation.py        # the table in docs/evaluation.md, measured afresh
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "evaluation"
DOC = ROOT / "docs" / "evaluation.md"


@dataclass(frozen=True)
class Score:
    """How factcheck did on one document."""

    name: str
    claims: int
    expected: tuple[str, ...]  # ids of the expected conflicts
    found: tuple[str, ...]  # ids of the expected conflicts factcheck reported
    look_alikes: int
    flagged: tuple[str, ...]  # ids of the look-alikes factcheck reported as conflicts
    reported: int  # conflicts factcheck reported
    false_alarms: int  # reported conflicts that match no expected conflict

    @property
    def missed(self) -> tuple[str, ...]:
        return tuple(e for e in self.expected if e not in self.found)

    def row(self) -> str:
        recall = f"{len(self.found)}/{len(self.expected)}"
        return (
            f"| {self.name} | {self.claims} | {len(self.expected)} | {recall} | "
            f"{', '.join(self.missed) or 'none'} | {self.look_alikes} | "
            f"{', '.join(self.flagged) or 'none'} | {self.reported} | {self.false_alarms} |"
        )


HEADER = (
    "| document | claims | expected conflicts | found | missed | look-alikes | "
    "look-alikes reported | conflicts reported | false alarms |\n"
    "| --- | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: |"
)


def _sides(conflict: dict[str, Any]) -> list[set[str]]:
    return [{c["id"] for c in side["claims"]} for side in conflict["sides"]]


def _apart(groups: list[list[str]], sides: list[set[str]]) -> bool:
    """Whether claims of two different groups stand on two different sides."""
    for a, b in combinations(groups, 2):
        for i, j in combinations(range(len(sides)), 2):
            if (set(a) & sides[i] and set(b) & sides[j]) or (
                set(b) & sides[i] and set(a) & sides[j]
            ):
                return True
    return False


def score(folder: Path) -> Score:
    """Run factcheck on one document of the set (no cache) and score it."""
    from factcheck.workspace import Workspace

    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    ws = Workspace([folder], use_cache=False)
    view = ws.conflicts()
    reported = [_sides(c) for c in view.conflicts]
    conflicts = expected.get("conflicts") or []
    look_alikes = expected.get("look_alikes") or []
    found = [e["id"] for e in conflicts if any(_apart(e["sides"], s) for s in reported)]
    flagged = [e["id"] for e in look_alikes if any(_apart(e["sides"], s) for s in reported)]
    matching = sum(1 for s in reported if any(_apart(e["sides"], s) for e in conflicts))
    return Score(
        folder.name,
        len(ws.claims()),
        tuple(e["id"] for e in conflicts),
        tuple(found),
        len(look_alikes),
        tuple(flagged),
        len(reported),
        len(reported) - matching,
    )


def documents() -> list[Path]:
    return sorted(p for p in SET.iterdir() if (p / "expected.yaml").is_file())


def table() -> str:
    """The scores of every document, as the Markdown table docs/evaluation.md shows."""
    return "\n".join([HEADER, *(score(folder).row() for folder in documents())])


if __name__ == "__main__":
    sys.stdout.write(table() + "\n")
