"""The claim file format: pydantic models, one per kind of record.

A claim file is a YAML (or JSON) mapping with any of the lists below. Field descriptions are
the documentation: `factcheck schema` publishes them as JSON Schema for editors.
Field names follow schema.org ClaimReview and CSL-JSON where those fit.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

from factcheck.limits import MAX_TEXT

# Words as written. The loader hands numbers over as the text they were written with, and
# `coerce_numbers_to_str` covers numbers from JSON files. At most `limits.MAX_TEXT`
# characters.
Text = Annotated[str, Field(max_length=MAX_TEXT)]
Id = Annotated[str, Field(min_length=1, pattern=r"^\S+$")]
#: Wikidata ids: an item (`Q42`) and a property (`P585`).
ItemId = Annotated[str, Field(pattern=r"^Q[1-9][0-9]{0,11}$")]
PropertyId = Annotated[str, Field(pattern=r"^P[1-9][0-9]{0,11}$")]


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, coerce_numbers_to_str=True
    )


#: What kind of value a property takes.
ValueKind = Literal["count", "amount", "percentage", "date", "status", "entity"]


class Stance(StrEnum):
    """How the document's claimant stands to the claim."""

    asserts = "asserts"
    reports = "reports"
    denies = "denies"


class Rank(StrEnum):
    """Wikidata's ranks: a deprecated claim stays visible but never counts as a conflict."""

    preferred = "preferred"
    normal = "normal"
    deprecated = "deprecated"


class SourceKind(StrEnum):
    media = "media"
    ngo = "ngo"
    government = "government"
    court = "court"
    interview = "interview"
    report = "report"
    academic = "academic"
    encyclopedia = "encyclopedia"
    other = "other"


class Entity(Record):
    """Someone or something a claim's value can name (an army, a minister, a town, a
    company), declared once with every name it goes by, in any alphabet."""

    id: Id = Field(description="Stable identifier, e.g. `government-forces`.")
    name: Text = Field(description="Human-readable name.")
    kind: Literal["actor", "person", "organisation", "place", "other"] = Field(
        "other", description="actor, person, organisation, place or other."
    )
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other names and spellings (`Kyiv`, `Kiev`, `Київ`): a claim's value may "
        "give any of them.",
    )
    wikidata: ItemId | None = Field(
        None, description="Its Wikidata item (`Q1899`), for `export --format wikidata`."
    )


class Subject(Record):
    """A thing claims are about, declared once."""

    id: Id = Field(description="Stable identifier used by claims, e.g. `ru-mobilisation-2022`.")
    name: Text = Field(description="Human-readable name.")
    description: Text | None = Field(None, description="One line saying what it is.")
    aliases: list[Text] = Field(default_factory=list, description="Other names for it.")
    wikidata: ItemId | None = Field(
        None,
        description="Its Wikidata item (`Q` and digits): the item `export --format wikidata` "
        "and `quickstatements` write its statements on.",
    )
    parties: list[Text] = Field(
        default_factory=list,
        description="Who is party to the matter (a government about its own mobilisation, "
        "a company about its own breach), as claimants are written or as ids of declared "
        "entities: what a party says of it is its own account, which `--assess` counts half.",
    )


class GrowthLimit(Record):
    """How fast a growing quantity can plausibly grow: by at most `per_day` units a day, or
    by at most a `factor` in `days` days (`factor: 2, days: 7`: it can double in a week)."""

    per_day: float | None = Field(None, gt=0, description="The most it can grow in one day.")
    factor: float | None = Field(
        None, gt=1, description="The most it can be multiplied by in `days` days."
    )
    days: float = Field(1, gt=0, description="The period of `factor`, in days.")

    @model_validator(mode="after")
    def _one_rule(self) -> GrowthLimit:
        if (self.per_day is None) == (self.factor is None):
            raise ValueError("give either per_day or factor (with days)")
        return self


class Property(Record):
    """What is measured or asserted about a subject, declared once with its constraints."""

    id: Id = Field(description="Stable identifier, e.g. `emigration.count`.")
    name: Text = Field(description="Human-readable name.")
    definition: Text = Field(description="One line saying exactly what is measured.")
    kind: ValueKind = Field(
        description="The kind of value: count, amount, percentage, date, status, entity "
        "(one of the declared entities: who did it, where)."
    )
    unit: Text | None = Field(None, description="Unit of counts and amounts (people, rubles).")
    wikidata: PropertyId | None = Field(
        None,
        description="The Wikidata property it is (`P1120`, number of deaths), for "
        "`export --format wikidata` and `quickstatements`.",
    )
    growing: bool = Field(
        False,
        description="True when the quantity only grows over time "
        "(people who have left since a date): an earlier "
        "count below a later one is expected.",
    )
    growth_limit: GrowthLimit | None = Field(
        None,
        description="For a growing quantity: how fast it can plausibly grow. A later value "
        "beyond that is a conflict.",
    )
    part_of: Id | None = Field(
        None,
        description="A broader property this one counts part of (dead, of dead and wounded): "
        "its value can be no more than the broader one's for the same subject, scope and time.",
    )
    headline: Text | None = Field(
        None,
        description="The headline figure this property is one definition of (`heatwave "
        "deaths` for certified and for excess deaths): properties that share a headline are "
        "rival definitions, compared only to find one figure given under two of them.",
    )
    several: bool = Field(
        False,
        description="True when the property holds several values at once (causes, "
        "participants, places, aims): different values never contradict each other; only a "
        "denial does.",
    )
    tolerance: float = Field(
        0.0,
        ge=0,
        description="How close two values must be to agree: "
        "a share of the value for quantities "
        "(0.05 = 5 %), days for dates.",
    )
    statuses: dict[str, list[Text]] = Field(
        default_factory=dict,
        description="For status properties: each category with the words that mean it.",
    )
    implies: dict[str, list[str]] = Field(
        default_factory=dict,
        description="For status properties: the categories each category implies (`collapsed` "
        "implies `ended`): claims of the two agree, even when the property holds one value.",
    )
    excludes: dict[str, list[str]] = Field(
        default_factory=dict,
        description="For status properties that hold several values: the categories each "
        "category rules out (`in office` excludes `in exile`): claims of the two conflict.",
    )
    not_happened: list[Text] = Field(
        default_factory=list,
        description="For date properties: words that mean the event has not happened yet, "
        "besides never / not yet / none (e.g. `still in force` for an end date).",
    )
    dates_cited_work: bool = Field(
        False,
        description="For date properties: true when a claim of it dates the very work it "
        "cites (a timeline's `14 March: we publish our first estimate`, linked to that "
        "estimate): the claim is checked against the work's date and its link's date.",
    )

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Property:
        if self.growing and self.kind not in ("count", "amount"):
            raise ValueError("only counts and amounts can be growing")
        if self.growth_limit is not None and not self.growing:
            raise ValueError("only a growing quantity has a growth_limit")
        if self.several and self.growing:
            raise ValueError("a property that holds several values at once is not growing")
        if self.kind != "date" and self.tolerance >= 1:
            raise ValueError("tolerance is a share of the value for this kind: write 0.05 for 5 %")
        if self.dates_cited_work and self.kind != "date":
            raise ValueError("only a date property can date the work its claims cite")
        if self.kind == "status" and not self.statuses:
            raise ValueError("a status property lists its statuses")
        for field, relation in (("implies", self.implies), ("excludes", self.excludes)):
            named = [c for c, others in relation.items() for c in (c, *others)]
            unknown = [c for c in named if c not in self.statuses]
            if unknown:
                raise ValueError(
                    f"{field} names '{unknown[0]}', which is not one of the statuses "
                    f"({', '.join(self.statuses) or 'none declared'})"
                )
        return self


class FiscalYear(Record):
    """How a document counts fiscal years: the month they start, and whether a fiscal year
    written with one year (`FY2023`) is named by the calendar year it ends in (as the US
    federal government and most companies do) or the one it starts in (as Japan does)."""

    starts: int = Field(ge=1, le=12, description="The month a fiscal year starts (4 = April).")
    named_by: Literal["end", "start"] = Field(
        "end", description="end or start: which calendar year names a fiscal year."
    )


class Document(Record):
    """The report or article that contains the claims."""

    id: Id = Field(description="Stable identifier used by claims and footnotes.")
    title: Text = Field(description="Title of the document.")
    section: Text | None = Field(
        None, description="The part of it the claims come from, e.g. `4.1.3 Mobilisation`."
    )
    publisher: Text | None = Field(None, description="Who published it.")
    author: Text | None = Field(None, description="Who wrote it, if named.")
    date: Text | None = Field(None, description="Publication date as written.")
    url: Text | None = Field(None, description="Where it can be read.")
    language: Text | None = Field(None, description="Language code, e.g. `en`.")
    fiscal_year: FiscalYear | None = Field(
        None,
        description="How the document counts fiscal years, so that its claims can give "
        "times as `FY2023` or `fiscal 2022–23`.",
    )


class Source(Record):
    """A work a footnote cites (CSL-JSON calls this an item)."""

    id: Id = Field(description="Stable identifier used by footnotes.")
    publisher: Text | None = Field(
        None, description="Publisher or outlet as written in the footnote, defects included."
    )
    author: Text | None = Field(None, description="Author(s) as written.")
    title: Text | None = Field(None, description="Title as written.")
    date: Text | None = Field(None, description="Date as written (`21 September 2025`).")
    url: Text | None = Field(None, description="Link as given; `#` or empty is a placeholder.")
    pages: Text | None = Field(None, description="Pages, e.g. `pp. 30-33`.")
    kind: SourceKind | None = Field(
        None,
        description="media, ngo, government, court, "
        "interview, report, academic, "
        "encyclopedia or other.",
    )
    language: Text | None = Field(None, description="Language code, e.g. `en`, `ru`.")
    reports: list[Id] = Field(
        default_factory=list, description="Ids of sources this one relays (not independent)."
    )
    identifier: Text | None = Field(None, description="DOI, ISBN or report number.")
    accessed: Text | None = Field(
        None, description="When the link was read, as written (`accessed 3 May 2024`)."
    )
    archive_url: Text | None = Field(
        None,
        description="An archived copy of the page as it was read (Wayback Machine, "
        "archive.today, Perma.cc), in case the link dies or the page changes.",
    )


class Citation(Record):
    """One source cited by a footnote, with the pages cited."""

    source: Id = Field(description="Id of the cited source.")
    pages: Text | None = Field(None, description="Pages cited, e.g. `p. 12`.")


class Footnote(Record):
    """A numbered or labelled note in a document that cites one or more sources."""

    document: Id = Field(description="Id of the document the footnote belongs to.")
    label: Id = Field(description="The footnote's number or label as printed, e.g. `732`.")
    text: Text | None = Field(None, description="The footnote as printed.")
    cites: list[Citation] = Field(default_factory=list, description="The sources it cites.")
    for_paragraph: bool = Field(
        False,
        description="True when the footnote closes a paragraph and supports the paragraph as "
        "a whole, as encyclopedias place references: each claim of the paragraph needs only "
        "some of its sources to fit it.",
    )


class Claim(Record):
    """One statement of a value about a subject and property, quoted from a document."""

    id: Id = Field(description="Stable identifier of the claim.")
    document: Id = Field(description="Id of the document that contains the claim.")
    text: Text = Field(min_length=1, description="The words quoted exactly from the document.")
    subject: Id = Field(description="Id of a declared subject.")
    property: Id = Field(description="Id of a declared property.")
    value: Text = Field(
        min_length=1,
        description="The value as written: `around 900 000`, `31 October 2022`, `ended`.",
    )
    assume_year: int | None = Field(
        None, ge=1, le=9999, description="Year for dates written without one."
    )
    claimant: Text | None = Field(None, description="Who said it (not where it was published).")
    stance: Stance = Field(
        Stance.asserts, description="asserts, reports (relays what someone else said) or denies."
    )
    as_of: Text | None = Field(None, description="The time the value refers to, as written.")
    stated: Text | None = Field(
        None,
        description="When the claim was made (said, published), as written. A value without "
        "`as_of` describes that time; a denial is judged at the time of the claims it denies.",
    )
    scope: dict[str, Text] = Field(
        default_factory=dict,
        description="Qualifiers that narrow the claim (destination: Kazakhstan).",
    )
    method: Text | None = Field(
        None,
        description="How the value was determined (official figure, estimate, confirmed by name).",
    )
    rank: Rank = Field(Rank.normal, description="preferred, normal or deprecated.")
    rank_reason: Text | None = Field(None, description="Why the claim is deprecated or preferred.")
    footnotes: list[Id] = Field(
        default_factory=list, description="Labels of the document's footnotes it rests on."
    )
    sources: list[Id] = Field(
        default_factory=list, description="Sources cited inline, without a footnote."
    )
    for_paragraph: bool = Field(
        False,
        description="True when the claim's footnotes and sources are the references of its "
        "whole paragraph, not of this sentence alone: some of them need not fit it.",
    )
    own: Literal["derivation", "opinion"] | None = Field(
        None,
        description="`derivation` when the claim is the document's own arithmetic or "
        "inference (`that works out to about 40 a week`), `opinion` when it is the document's "
        "own judgement: such a claim needs no citation.",
    )
    derived_from: list[Id] = Field(
        default_factory=list,
        description="For a derivation: the ids of the claims it was worked out from.",
    )
    draft: bool = Field(
        False,
        description="True for a claim drafted by `factcheck extract` that nobody has reviewed "
        "yet; a reviewer removes it.",
    )
    review: Text | None = Field(
        None, description="What a draft guessed (property, claimant, year) and how sure it is."
    )

    @model_validator(mode="after")
    def _inputs_of_a_derivation(self) -> Claim:
        if self.derived_from and self.own != "derivation":
            raise ValueError("derived_from names the inputs of a derivation: add `own: derivation`")
        if self.id in self.derived_from:
            raise ValueError("a claim cannot be derived from itself")
        if self.rank == "deprecated" and not self.rank_reason:
            raise ValueError(
                "a deprecated claim says why: add `rank_reason` (a reader must see why it "
                "is set aside)"
            )
        return self


#: The scope of every claim that gives none: one shared mapping, never changed.
NO_SCOPE: Mapping[str, str] = MappingProxyType({})


class ClaimRow(NamedTuple):
    """A claim as a loaded corpus holds it: the fields of `Claim`, in its order, as a tuple.

    `Claim` validates what a file says; a corpus may then hold a million claims, and a
    pydantic instance costs several times the memory of a tuple of the same fields. The
    lists become tuples and an empty scope the shared `NO_SCOPE`.
    """

    id: str
    document: str
    text: str
    subject: str
    property: str
    value: str
    assume_year: int | None
    claimant: str | None
    stance: Stance
    as_of: str | None
    stated: str | None
    scope: Mapping[str, str]
    method: str | None
    rank: Rank
    rank_reason: str | None
    footnotes: tuple[str, ...]
    sources: tuple[str, ...]
    for_paragraph: bool
    own: str | None
    derived_from: tuple[str, ...]
    draft: bool
    review: str | None

    def __reduce__(self) -> tuple[Any, ...]:
        # A row crosses to another process (from a worker that parsed its file) with its
        # scope as a plain dict: NO_SCOPE, a read-only view, does not pickle.
        fields = list(self)
        fields[_SCOPE] = dict(self.scope)
        return (_unpickled, (fields,))

    @classmethod
    def of(cls, claim: Claim) -> ClaimRow:
        f = claim.__dict__
        return cls(
            f["id"],
            f["document"],
            f["text"],
            f["subject"],
            f["property"],
            f["value"],
            f["assume_year"],
            f["claimant"],
            f["stance"],
            f["as_of"],
            f["stated"],
            f["scope"] or NO_SCOPE,
            f["method"],
            f["rank"],
            f["rank_reason"],
            tuple(f["footnotes"]),
            tuple(f["sources"]),
            f["for_paragraph"],
            f["own"],
            tuple(f["derived_from"]),
            f["draft"],
            f["review"],
        )


_SCOPE = ClaimRow._fields.index("scope")


class CitationRow(NamedTuple):
    """A citation as a loaded corpus holds it: `Citation`'s fields, as a tuple."""

    source: str
    pages: str | None


class FootnoteRow(NamedTuple):
    """A footnote as a loaded corpus holds it: `Footnote`'s fields, as a tuple (a claim base
    has a footnote for every few claims; see `ClaimRow` for why tuples)."""

    document: str
    label: str
    text: str | None
    cites: tuple[CitationRow, ...]
    for_paragraph: bool

    @classmethod
    def of(cls, note: Footnote) -> FootnoteRow:
        cites = tuple(CitationRow(c.source, c.pages) for c in note.cites)
        return cls(note.document, note.label, note.text, cites, note.for_paragraph)


def _unpickled(fields: list[Any]) -> ClaimRow:
    fields[_SCOPE] = fields[_SCOPE] or NO_SCOPE
    return ClaimRow._make(fields)


class ClaimFile(Record):
    """A claim file: any of the lists below; files are merged into one corpus."""

    subjects: list[Subject] = Field(default_factory=list)
    properties: list[Property] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


SECTIONS = tuple(ClaimFile.model_fields)


def claim_file_schema() -> dict[str, Any]:
    """JSON Schema of a claim file, for editors and for `factcheck schema`."""
    schema = ClaimFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "factcheck claim file"
    return schema
