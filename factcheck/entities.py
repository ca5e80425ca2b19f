"""Reading an entity as a claim names it: any declared name or alias of it, whatever its
case, accents or leading article (`the Militia`, `militia`; `Kyiv`, `Київ` when declared)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from factcheck.errors import ValueParseError, did_you_mean
from factcheck.model import Entity
from factcheck.values import Status, normalise


def fold_name(text: str) -> str:
    """A name as it is compared: case, accents, spacing and a leading `the` set aside."""
    plain = unicodedata.normalize("NFD", normalise(text))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = plain.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def name_index(entities: Iterable[Entity]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Every folded name and alias to its entity's id, and the names two entities share
    (name, entity, other entity), which would make a claim's value ambiguous."""
    index: dict[str, str] = {}
    clashes = []
    for entity in entities:
        for name in (entity.id, entity.name, *entity.aliases):
            key = fold_name(name)
            owner = index.setdefault(key, entity.id)
            if owner != entity.id:
                clashes.append((name, entity.id, owner))
    return index, clashes


def parse_entity(text: str, names: Mapping[str, str]) -> Status:
    """The entity a value names, as a category whose name is the entity's id."""
    written = str(text)
    found = names.get(fold_name(written))
    if found is None:
        hint = did_you_mean(fold_name(written), names)
        declared = "" if names else " (none is declared: add an `entities` list)"
        raise ValueParseError(f"'{written}' is not the name of a declared entity{declared}{hint}")
    return Status(written, found)
