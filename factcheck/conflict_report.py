"""What a search for conflicts reports: the conflicts, each with its sides, distance,
severity and reason, and (on request) the claims judged consistent, with the reason."""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """How much a conflict matters: how far apart the sides are, and how sure the tool is."""

    low = 1
    medium = 2
    high = 3

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Side:
    """Claims that agree with each other, on one side of a conflict."""

    claims: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class Conflict:
    """Claims about one topic that cannot all be true, and why."""

    subject: str
    property: str
    scope: tuple[tuple[str, str], ...]
    kind: str
    sides: tuple[Side, ...]
    distance: str
    severity: Severity
    reason: str

    @builtins.property  # the field `property` hides the builtin in this class body
    def claim_ids(self) -> list[str]:
        return [cid for side in self.sides for cid in side.claims]


@dataclass(frozen=True)
class Consistency:
    """Claims that look alike but were judged not to conflict, with the reason."""

    subject: str
    property: str
    claims: tuple[str, ...]
    reason: str


@dataclass
class Report:
    """What `find_conflicts` found: conflicts, and (on request) the silences explained."""

    conflicts: list[Conflict] = field(default_factory=list)
    consistent: list[Consistency] = field(default_factory=list)
    compared: int = 0
