"""An amount written with its unit: `2,000 people`, `15 km`, `$500 million`, `£1.7 billion`.

A number may carry its property's unit (singular or plural; for a currency, its code, sign
or name). Another currency's sign, or a word after the number that is not the unit, is an
error that names it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.errors import ValueParseError
from factcheck.quantities import parse_quantity
from factcheck.values import Quantity, normalise

#: Currencies by the names and signs people write them with; a property whose unit is any
#: of them takes amounts written with any other (`$500 million` for a unit of `USD`).
_CURRENCIES = [
    ("usd", "us$", "$", "dollar", "dollars", "us dollars"),
    ("gbp", "£", "pound", "pounds", "pounds sterling"),
    ("eur", "€", "euro", "euros"),
    ("rub", "₽", "rouble", "roubles", "ruble", "rubles"),
    ("jpy", "¥", "yen"),
    ("inr", "₹", "rupee", "rupees"),
    ("uah", "₴", "hryvnia", "hryvnias"),
]
_SIGNS = re.compile(r"(?<![\w$£€₽¥₹₴])(us\$|\$|£|€|₽|¥|₹|₴)\s?(?=\d)")


def _names_of(unit: str) -> tuple[str, ...]:
    """The ways of writing a unit: itself, singular and plural, and a currency's names."""
    unit = normalise(unit)
    for names in _CURRENCIES:
        if unit in names:
            return names
    return (unit, unit.removesuffix("s"), f"{unit}s")


def without_unit(written: str, unit: str | None) -> str:
    """An amount without the unit its property declares: `2,000 people` → `2,000`,
    `$500 million` → `500 million` (for a unit of `USD`, `$` or `dollars`). A currency
    sign of another currency is refused; other words are left for the parser to judge."""
    text = normalise(written)
    names = _names_of(unit) if unit else ()
    for sign in _SIGNS.findall(text):
        if sign not in names:
            wanted = f"; the property's unit is '{unit}'" if unit else ""
            raise ValueParseError(f"'{written}' is an amount in '{sign}'{wanted}")
    bare = _SIGNS.sub("", text)
    for name in sorted(names, key=len, reverse=True):
        if name and bare.endswith(f" {name}"):
            return bare[: -len(name) - 1].strip()
    return written if bare == text else bare


def parse_amount(written: str, unit: str | None) -> Quantity:
    """An amount of a property with this unit, written with or without it (`2,000 people`,
    `$500 million`); words after the number that are not the unit are named in the error."""
    try:
        return parse_quantity(written)  # most amounts carry no unit: read (and cached) as is
    except ValueParseError:
        bare = without_unit(written, unit)
    try:
        return replace(parse_quantity(bare), written=written)
    except ValueParseError:
        trailing = re.fullmatch(r".*\d\s+([^\d\s]+(?:\s+[^\d\s]+)*)", bare)
        if trailing is None:
            raise
        declared = f"its unit is '{unit}'" if unit else "it declares no unit"
        raise ValueParseError(
            f"'{written}' ends in '{trailing[1]}', which is not a unit of this property "
            f"({declared}); write the number alone"
        ) from None
