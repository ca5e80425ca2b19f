"""Building the corpus from read claim files: records by id, references and values resolved.

`Builder` adds each file's records (an id defined twice is a problem, or with
`strict=False` a dangling record), then checks every reference and parses every value and
date, each problem naming the file, line and field. `parse_value` reads a claim's value
as its property's kind calls for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from factcheck.corpus import Corpus, Dangling, DanglingKind, Location
from factcheck.entities import name_index, parse_entity
from factcheck.errors import Problem, ValueParseError, did_you_mean
from factcheck.model import ClaimFile, ClaimRow, FootnoteRow, Property
from factcheck.reading import File
from factcheck.statuses import parse_status
from factcheck.times import parse_time
from factcheck.units import parse_amount
from factcheck.values import NoValue, Time, Value


def _registry_key(section: str, record: Any, key: str) -> Any:
    return (record.document, record.label) if section == "footnotes" else key


_KEYS: dict[str, Callable[[Any], str]] = {
    "subjects": lambda r: r.id,
    "properties": lambda r: r.id,
    "entities": lambda r: r.id,
    "documents": lambda r: r.id,
    "sources": lambda r: r.id,
    "footnotes": lambda r: f"{r.document}#{r.label}",
    "claims": lambda r: r.id,
}


#: Sections whose records are declarations that many files may share (one vocabulary, a
#: list of sources): the same declaration in two files is one; a different one is an error.
SHARED = ("subjects", "properties", "entities", "documents", "sources")


def _differing(first: Any, second: Any) -> list[str]:
    """The fields two declarations of one id give differently, in the model's order."""
    a, b = first.model_dump(), second.model_dump()
    return [name for name in a if a[name] != b.get(name)] or ["id"]


def _both(first: Any, second: Any, field: str) -> str:
    """`tolerance (1 there, 3 here)`: a differing field with both values, each cut short."""

    def shown(value: Any) -> str:
        text = repr(getattr(value, "value", value))
        return text if len(text) <= 40 else text[:39] + "…"

    return f"{field} ({shown(getattr(first, field))} there, {shown(getattr(second, field))} here)"


_NO_RECORDS = ClaimFile()


class Builder:
    def __init__(self, *, strict: bool = True) -> None:
        self.corpus = Corpus()
        self.strict = strict
        self.problems: list[Problem] = []
        self.files: dict[str, File] = {}
        #: Each file's records of each section, as the corpus holds them, in file order.
        self._held: dict[tuple[str, str], list[Any]] = {}
        self._positions: dict[tuple[str, str], dict[str, int]] = {}

    def problem(
        self, message: str, section: str, key: str, field: str, dangling: DanglingKind | None = None
    ) -> None:
        """A problem with a record, at the line of the field when the file shows it.

        A `dangling` reference is kept for the citation checks when loading leniently.
        """
        file, i = self._position(section, key)
        steps = [int(x) if x.isdigit() else x for x in re.split(r"[.\[\]]+", field) if x]
        line = self.files[file].line((section, i, *steps))
        found = Problem(message, file, line, f"{section}[{i}].{field}")
        if dangling is not None and not self.strict:
            self.corpus.dangling.append(Dangling(dangling, section, key, found))
        else:
            self.problems.append(found)

    def _position(self, section: str, key: str) -> tuple[str, int]:
        """The file and index of the record a key names (the first, if it is written
        twice), for messages: each file's keys are listed once, when first needed."""
        file = self.corpus.locations[section][key].file
        positions = self._positions.get((file, section))
        if positions is None:
            key_of = _KEYS[section]
            positions = {}
            for i, record in enumerate(self._held[(file, section)]):
                positions.setdefault(key_of(record), i)
            self._positions[(file, section)] = positions
        return file, positions[key]

    def add(self, read: File) -> None:
        c = self.corpus
        # The file's records are held in the corpus from here on (claims as `ClaimRow`):
        # the file keeps what messages need, its path and lines.
        self.files[read.path] = replace(read, content=_NO_RECORDS, claims=None)
        registries: dict[str, dict[Any, Any]] = {
            "subjects": c.subjects,
            "properties": c.properties,
            "entities": c.entities,
            "documents": c.documents,
            "sources": c.sources,
            "footnotes": c.footnotes,
            "claims": c.claims,
        }
        for section, key_of in _KEYS.items():
            registry = registries[section]
            located = c.locations.setdefault(section, {})
            records: list[Any] = getattr(read.content, section)
            if section == "claims":
                records = read.claims or [ClaimRow.of(claim) for claim in records]
            elif section == "footnotes":
                records = [FootnoteRow.of(note) for note in records]
            self._held[(read.path, section)] = records
            for i, record in enumerate(records):
                key = key_of(record)
                loc = Location(read.path, read.item_lines.get((section, i)))
                if key in located:
                    earlier = registry[_registry_key(section, record, key)]
                    if section in SHARED and earlier == record:
                        continue  # the same declaration, in a second file
                    first_file, first_i = self._position(section, key)
                    first = Location(first_file, self.files[first_file].line((section, first_i)))
                    if section in SHARED:
                        differ = _differing(earlier, record)
                        found = Problem(
                            f"'{key}' is declared differently at {first}; fields that differ: "
                            + ", ".join(_both(earlier, record, f) for f in differ),
                            read.path,
                            read.line((section, i, differ[0])) or read.line((section, i)),
                            f"{section}[{i}].{differ[0]}",
                        )
                    else:
                        found = Problem(
                            f"duplicate id '{key}'; first defined at {first}",
                            read.path,
                            read.line((section, i)),
                            f"{section}[{i}].{'label' if section == 'footnotes' else 'id'}",
                        )
                    if self.strict:
                        self.problems.append(found)
                    else:
                        c.dangling.append(Dangling("duplicate", section, key, found))
                    continue
                registry[_registry_key(section, record, key)] = record
                located[key] = loc

    def resolve(self, *, references: bool) -> None:
        """Parse every value and date; with `references`, also check every reference.

        References are left unchecked when a file could not be read, since what it failed
        to declare would show up as a flood of unknown ids.
        """
        c = self.corpus
        c.entity_names, clashes = name_index(c.entities.values())
        for name, entity, other in clashes:
            self.problem(
                f"the name '{name}' is also a name of '{other}'; a value giving it would be "
                "ambiguous",
                "entities",
                entity,
                "aliases",
            )
        for doc_id, doc in c.documents.items():
            if doc.date:
                try:
                    when = parse_time(doc.date, reference=True)
                except ValueParseError as exc:
                    self.problem(exc.problem.message, "documents", doc_id, "date")
                else:
                    if isinstance(when, Time):
                        c.document_dates[doc_id] = when
        if references:
            self._resolve_references()
        for claim in c.claims.values():
            self._resolve_claim(claim, references=references)

    def _resolve_references(self) -> None:
        c = self.corpus
        for (doc, label), note in c.footnotes.items():
            key = f"{doc}#{label}"
            if doc not in c.documents:
                self.problem(
                    f"unknown document '{doc}'{did_you_mean(doc, c.documents)}",
                    "footnotes",
                    key,
                    "document",
                    "document",
                )
            for j, citation in enumerate(note.cites):
                if citation.source not in c.sources:
                    self.problem(
                        f"unknown source '{citation.source}'"
                        + did_you_mean(citation.source, c.sources),
                        "footnotes",
                        key,
                        f"cites[{j}].source",
                        "source",
                    )
        for pid, prop in c.properties.items():
            if prop.part_of is None:
                continue
            broader = c.properties.get(prop.part_of)
            if broader is None or prop.part_of == pid:
                what = "itself" if prop.part_of == pid else "an undeclared property"
                hint = "" if broader else did_you_mean(prop.part_of, c.properties)
                self.problem(
                    f"part_of names {what} '{prop.part_of}'{hint}", "properties", pid, "part_of"
                )
            elif broader.kind != prop.kind or prop.kind not in ("count", "amount", "percentage"):
                self.problem(
                    f"part_of '{prop.part_of}' is a {broader.kind}; a part and its whole are "
                    "counts, amounts or percentages of one kind",
                    "properties",
                    pid,
                    "part_of",
                )
        for sid, source in c.sources.items():
            for other in source.reports:
                if other not in c.sources:
                    self.problem(
                        f"unknown source '{other}'{did_you_mean(other, c.sources)}",
                        "sources",
                        sid,
                        "reports",
                        "source",
                    )

    def _resolve_claim(self, claim: ClaimRow, *, references: bool) -> None:
        c = self.corpus
        if references:
            for field_name, registry, kind in (
                ("subject", c.subjects, "undeclared subject"),
                ("property", c.properties, "undeclared property"),
                ("document", c.documents, "unknown document"),
            ):
                ref = getattr(claim, field_name)
                if ref not in registry:
                    self.problem(
                        f"{kind} '{ref}'{did_you_mean(ref, registry)}",
                        "claims",
                        claim.id,
                        field_name,
                    )
            for label in claim.footnotes:
                if (claim.document, label) not in c.footnotes:
                    labels = [lab for (d, lab) in c.footnotes if d == claim.document]
                    self.problem(
                        f"footnote '{label}' is not defined in document "
                        f"'{claim.document}'{did_you_mean(label, labels)}",
                        "claims",
                        claim.id,
                        "footnotes",
                        "footnote",
                    )
            named: tuple[tuple[str, Mapping[str, object], DanglingKind], ...] = (
                ("sources", c.sources, "source"),
                ("derived_from", c.claims, "claim"),
            )
            for field_name, known, kind in named:
                for ref in getattr(claim, field_name):
                    if ref not in known:
                        self.problem(
                            f"unknown {kind} '{ref}'{did_you_mean(ref, known)}",
                            "claims",
                            claim.id,
                            field_name,
                            kind,
                        )
        prop = c.properties.get(claim.property)
        if prop is None:
            return
        fiscal = _fiscal_of(c, claim)
        try:
            c.values[claim.id] = parse_value(
                claim.value, prop, claim.assume_year, entities=c.entity_names, fiscal=fiscal
            )
        except ValueParseError as exc:
            self.problem(exc.problem.message, "claims", claim.id, "value")
        for name, times in (("as_of", c.as_of), ("stated", c.stated)):
            written = getattr(claim, name)
            if written is None:
                continue
            try:
                when = parse_time(written, year=claim.assume_year, reference=True, fiscal=fiscal)
            except ValueParseError as exc:
                self.problem(exc.problem.message, "claims", claim.id, name)
            else:
                if isinstance(when, NoValue):
                    self.problem(f"'{written}' is not a time", "claims", claim.id, name)
                else:
                    times[claim.id] = when


def _fiscal_of(corpus: Corpus, claim: ClaimRow) -> tuple[int, str] | None:
    """How the claim's document counts fiscal years, if it says."""
    doc = corpus.documents.get(claim.document)
    if doc is None or doc.fiscal_year is None:
        return None
    return doc.fiscal_year.starts, doc.fiscal_year.named_by


def parse_value(
    words: str,
    prop: Property,
    year: int | None = None,
    *,
    entities: Mapping[str, str] | None = None,
    fiscal: tuple[int, str] | None = None,
) -> Value:
    """Read a claim's value with the parser its property's kind calls for (`entities`: the
    declared entities' folded names, for entity properties)."""
    if prop.kind == "entity":
        return parse_entity(words, entities or {})
    if prop.kind == "date":
        return parse_time(words, year=year, not_happened=tuple(prop.not_happened), fiscal=fiscal)
    if prop.kind == "status":
        return parse_status(words, prop.statuses)
    quantity = parse_amount(words, prop.unit)
    if prop.kind == "percentage" and not quantity.percent:
        return replace(quantity, percent=True)
    if quantity.percent and prop.kind != "percentage":
        raise ValueParseError(
            f"'{words}' is a percentage, but '{prop.id}' is a {prop.kind}; declare a "
            "percentage property for shares"
        )
    return quantity
