"""The corpus: every record loaded from a set of claim files, resolved and parsed.

`Corpus` holds the records by id, their parsed values and times, and where each was
written (`Location`); `Dangling` is a reference that leads nowhere, kept when loading
leniently. `factcheck.loading.load_corpus` builds one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Literal

from factcheck.errors import Problem
from factcheck.model import (
    ClaimRow,
    Document,
    Entity,
    FootnoteRow,
    Property,
    Source,
    Subject,
)
from factcheck.values import Time, Value


@dataclass(frozen=True, slots=True)
class Location:
    """Where a record was written."""

    file: str
    line: int | None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def shown(self) -> str:
        """As a reader would type it: relative to the current folder when inside it."""
        # Rendered for every claim shown: a string test, not path objects.
        here = os.getcwd().rstrip(os.sep) + os.sep
        path = self.file[len(here) :] if self.file.startswith(here) else self.file
        return path if self.line is None else f"{path}:{self.line}"


DanglingKind = Literal["footnote", "source", "document", "duplicate", "claim"]


@dataclass(frozen=True)
class Dangling:
    """A reference that leads nowhere, or an id defined twice.

    A load error, unless the corpus is loaded with `strict=False` (as `factcheck check`
    does), which keeps the first record and reports these as citation findings.
    """

    kind: DanglingKind
    section: str
    record: str
    problem: Problem


@dataclass
class Corpus:
    """Everything loaded from a set of claim files, resolved and parsed."""

    subjects: dict[str, Subject] = field(default_factory=dict)
    properties: dict[str, Property] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    #: Every name and alias of an entity, folded (`names.fold`), to its id.
    entity_names: dict[str, str] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    footnotes: dict[tuple[str, str], FootnoteRow] = field(default_factory=dict)
    claims: dict[str, ClaimRow] = field(default_factory=dict)
    values: dict[str, Value] = field(default_factory=dict)
    as_of: dict[str, Time] = field(default_factory=dict)
    #: When each claim was made, where it says (`stated`).
    stated: dict[str, Time] = field(default_factory=dict)
    document_dates: dict[str, Time] = field(default_factory=dict)
    #: Where each record was written, by section and key (a footnote's key: `doc#label`).
    locations: dict[str, dict[str, Location]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dangling: list[Dangling] = field(default_factory=list)
    #: The SHA-256 of each claim file's content as read, by absolute path.
    digests: dict[str, str] = field(default_factory=dict, repr=False)
    #: Data derived from the corpus by analyses, computed once (see `sources`).
    derived: dict[str, Any] = field(default_factory=dict, repr=False)

    def where(self, section: str, key: str) -> Location | None:
        """The file and line of a record, e.g. `where("claims", "wp-fsb-261k")`."""
        return self.locations.get(section, {}).get(key)

    def footnotes_of(self, claim: ClaimRow) -> list[FootnoteRow]:
        """The footnotes a claim rests on, in the order it cites them."""
        found = (self.footnotes.get((claim.document, label)) for label in claim.footnotes)
        return [f for f in found if f is not None]

    def time_of(self, claim_id: str) -> Time | None:
        """The time a claim describes: its as-of time, else the date it gives as its value."""
        value = self.values.get(claim_id)
        return self.as_of.get(claim_id) or (value if isinstance(value, Time) else None)

    def sources_of(self, claim: ClaimRow) -> list[Source]:
        """Every source behind a claim, through its footnotes or cited inline, once each."""
        ids: dict[str, None] = {}
        for note in self.footnotes_of(claim):
            for citation in note.cites:
                ids[citation.source] = None
        for sid in claim.sources:
            ids[sid] = None
        return [self.sources[s] for s in ids if s in self.sources]
