"""The layout of every command's JSON output (`--format json`), as models: `factcheck schema
--command NAME` publishes them as JSON Schema, and the tests validate real output against
them. One layout a command, whatever its options."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceOut(_Out):
    id: str
    publisher: str | None
    author: str | None
    title: str | None
    date: str | None = Field(description="As written in the claim files.")
    url: str | None
    kind: str | None
    accessed: str | None = Field(description="When the link was read, as written.")
    archive_url: str | None
    rating: str | None = Field(
        description="The publisher's rating in the reliability list given, if any."
    )


class ClaimOut(_Out):
    id: str
    text: str = Field(description="The words quoted from the document.")
    subject: str
    property: str
    value: str = Field(description="The value as written.")
    parsed: dict[str, Any] = Field(
        description="The value read into an interval: kind, "
        "bounds, qualifier or precision, and `interval` "
        "in words."
    )
    claimant: str | None
    stance: Literal["asserts", "reports", "denies"]
    as_of: str | None
    stated: str | None = Field(description="When the claim was made, as written.")
    scope: dict[str, str]
    method: str | None
    rank: Literal["preferred", "normal", "deprecated"]
    rank_reason: str | None
    draft: bool = Field(description="Drafted by `factcheck extract` and not yet reviewed.")
    review: str | None = Field(description="What the draft guessed, and how sure it is.")
    document: str
    document_title: str | None
    cited_in: str = Field(description="Where a reader finds it: publisher and footnotes.")
    footnotes: list[str]
    sources: list[SourceOut]
    independent_sources: int
    location: str | None = Field(
        description="File (named from the claim base) and line of the claim."
    )


class SideOut(_Out):
    summary: str
    claims: list[ClaimOut]


class FactorOut(_Out):
    factor: Literal["sources", "documents", "recency", "closeness", "party", "denials"]
    words: str = Field(description="What the factor counted, in words.")
    points: float = Field(description="What it adds to the side's score (negative: takes away).")


class SideAssessmentOut(_Out):
    value: str = Field(description="The side's value as its claims write it.")
    score: float = Field(description="The sum of the factors' points.")
    sentence: str = Field(description="The side's evidence in one sentence.")
    favoured: bool = Field(description="Whether the evidence leans to this side.")
    factors: list[FactorOut]


class AssessmentOut(_Out):
    """Which side the evidence favours: an assessment, not a verdict."""

    summary: str = Field(
        description="`the evidence leans to …` or `too close to call`; the conflict stays open."
    )
    favoured: int | None = Field(
        description="Index (from 0) of the side the evidence leans to; null when too close to call."
    )
    sides: list[SideAssessmentOut] = Field(description="One a side, in the order of `sides`.")


class ConflictOut(_Out):
    subject: str
    subject_name: str
    property: str
    property_name: str
    scope: dict[str, str]
    kind: Literal["values", "denial", "growth", "narrower", "definition"]
    severity: Literal["low", "medium", "high"]
    distance: str
    reason: str
    sides: list[SideOut] = Field(description="Groups of claims that agree with each other.")
    claims: list[ClaimOut] = Field(description="Every claim of every side, in side order.")
    assessment: AssessmentOut | None = Field(
        None,
        description="With `--assess`: which side the evidence favours and why "
        "(see `factcheck.assessment`); absent without it.",
    )


class FindingOut(_Out):
    code: str
    level: Literal["error", "warning", "note"]
    title: str
    file: str | None
    line: int | None
    where: str | None
    record: str
    message: str


class CitationOut(_Out):
    source: str
    pages: str | None


class FootnoteOut(_Out):
    document: str
    label: str
    text: str | None
    cites: list[CitationOut]


class ReportOut(_Out):
    """A factcheck report."""

    report: Literal["factcheck"]
    schema_version: Literal[1]
    factcheck_version: str
    fingerprint: str = Field(description="Hash of the claim files' contents.")
    summary: dict[str, int]
    conflicts: list[ConflictOut]
    claims: list[ClaimOut]
    findings: list[FindingOut]
    sources: list[SourceOut]
    footnotes: list[FootnoteOut]


class ConsistentOut(_Out):
    subject: str
    property: str
    claims: list[str]
    reason: str = Field(description="Why these claims were not found in conflict.")


class ConflictsOut(_Out):
    """`factcheck conflicts --format json`."""

    conflicts: list[ConflictOut]
    consistent: list[ConsistentOut] | None = Field(
        description="With `--explain`: every topic's claims that are in no conflict, and why; "
        "null without it."
    )


class ClaimShownOut(ClaimOut):
    """`factcheck show ID --format json`: the claim, its footnotes' texts, what agrees with
    it and its conflicts."""

    footnote_texts: dict[str, str | None]
    agrees_with: list[str]
    conflicts: list[ConflictOut]


class HitOut(_Out):
    id: str
    score: float = Field(
        description="Relevance relative to the best claim found (1.0). A claim found through "
        "its topic scores below every claim that holds the query's words."
    )
    document: str
    document_title: str | None
    footnotes: str = Field(description="The claim's footnotes, comma-separated.")
    claimant: str | None
    stance: Literal["asserts", "reports", "denies"]
    subject: str
    property: str
    value: str = Field(description="The value as written.")
    snippet: str = Field(
        description="The words around the first match (the claim's opening "
        "when its text holds none)."
    )
    highlights: list[list[int]] = Field(
        description="[start, end) offsets of the matched words in `snippet`."
    )
    matched_in: list[Literal["text", "claimant", "subject", "property", "sources"]] = Field(
        description="The fields that hold the query's words."
    )
    via: Literal["words", "topic"] = Field(
        description="`words`: the claim holds the query's words. `topic`: it shares its "
        "subject and property with such claims, or its property's name or definition holds "
        "them; these come after every `words` hit."
    )
    location: str | None = Field(description="File and line of the claim.")


class SearchOut(_Out):
    """`factcheck search QUERY --format json`: the claims a search found."""

    query: str
    total: int = Field(description="How many claims hold the query's words.")
    related: int = Field(
        description="How many other claims share a topic with them (or with a property whose "
        "name or definition holds the words), counted when the limit leaves room for them."
    )
    summary: str
    notes: list[str] = Field(description="Corrected words, ranking and suggestions, as lines.")
    corrected: dict[str, list[str]] = Field(
        description="Each query word found nowhere, with the nearest words searched instead."
    )
    suggestions: list[str] = Field(description="Nearest words, when nothing was found.")
    hits: list[HitOut]


class ClaimsOut(RootModel[list[ClaimOut]]):
    """`factcheck claims --format json`."""


class FindingsOut(RootModel[list[FindingOut]]):
    """`factcheck check --format json`."""


#: Each command's JSON output.
OUTPUTS: dict[str, type[BaseModel]] = {
    "conflicts": ConflictsOut,
    "claims": ClaimsOut,
    "show": ClaimShownOut,
    "check": FindingsOut,
    "search": SearchOut,
    "export": ReportOut,
}


def output_schema(command: str) -> dict[str, Any]:
    """JSON Schema of a command's JSON output."""
    schema = OUTPUTS[command].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "factcheck report" if command == "export" else f"factcheck {command} output"
    return schema
