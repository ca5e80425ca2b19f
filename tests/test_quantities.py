"""The quantity reader: every form it reads pinned to its exact interval, and what it refuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import FactcheckError, ValueParseError
from factcheck.quantities import parse_quantity
from factcheck.units import parse_amount
from factcheck.values import INF
from tests.values_helpers import EN_DASH, NARROW, NBSP, THIN

# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("300 000", 300_000),
        (f"300{THIN}000", 300_000),
        (f"300{NARROW}000", 300_000),
        (f"300{NBSP}000", 300_000),
        (f"1{THIN}000{THIN}000", 1_000_000),
        ("1 000 000", 1_000_000),
        ("261,000", 261_000),
        ("5,937", 5_937),
        ("1,234,567", 1_234_567),
        ("1.000.000", 1_000_000),
        ("5937", 5_937),
        ("1.2", 1.2),
        ("1,5", 1.5),
        (f"1{THIN}000,5", 1_000.5),
        ("1.2 million", 1_200_000),
        ("1.25 million", 1_250_000),
        ("0.5 million", 500_000),
        ("1,5 million", 1_500_000),
        ("one million", 1_000_000),
        ("twenty-five thousand", 25_000),
        ("nine hundred thousand", 900_000),
        ("thirty-five", 35),
        ("a hundred", 100),
        ("ten thousand", 10_000),
        ("5 million 300 thousand", 5_300_000),
        ("zero", 0),
    ],
)
def test_exact_numbers_are_one_point(written: str, number: float) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high, q.point) == (number, number, number)
    assert q.qualifier == "exact"
    assert q.percent is False
    assert q.written == written


def test_yaml_numbers_are_read_as_their_text() -> None:
    assert parse_quantity(261000).low == 261_000
    assert parse_quantity(1.5).low == 1.5


@pytest.mark.parametrize(
    ("written", "number"),
    [
        # A leading zero group is never thousands grouping: 0.125 is an eighth, not 125.
        ("0.125", 0.125),
        # Before a scale word a point is a decimal point: 1.234 million is 1 234 000, not
        # 1 234 000 000.
        ("1.234 million", 1_234_000),
    ],
)
def test_decimal_point_before_three_digits(written: str, number: float) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high) == (pytest.approx(number), pytest.approx(number))


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("tens of thousands", 20_000, 99_999),
        ("Tens of thousands", 20_000, 99_999),
        ("hundreds of thousands", 200_000, 999_999),
        ("thousands", 2_000, 9_999),
        ("several hundred thousand", 300_000, 999_999),
        ("millions", 2_000_000, 9_999_999),
    ],
)
def test_vague_amounts_are_orders_of_magnitude(written: str, low: float, high: float) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high, q.point, q.qualifier) == (low, high, None, "vague")


@pytest.mark.parametrize(
    ("written", "low", "high", "point", "qualifier"),
    [
        ("around 900 000", 810_000, 990_000, 900_000, "around"),
        (f"around 900{THIN}000", 810_000, 990_000, 900_000, "around"),
        ("Around 900 000", 810_000, 990_000, 900_000, "around"),
        ("about 900 000", 810_000, 990_000, 900_000, "around"),
        ("approximately 900,000", 810_000, 990_000, 900_000, "around"),
        ("some 300", 270, 330, 300, "around"),
        ("approx. 300", 270, 330, 300, "around"),
        ("c. 300", 270, 330, 300, "around"),
        ("more than 200,000", 200_000, INF, 200_000, "at least"),
        ("more than 1.2 million", 1_200_000, INF, 1_200_000, "at least"),
        ("at least 6,476", 6_476, INF, 6_476, "at least"),
        ("over 100", 100, INF, 100, "at least"),
        ("10,000+", 10_000, INF, 10_000, "at least"),
        ("10,000 +", 10_000, INF, 10_000, "at least"),
        ("1.2 million+", 1_200_000, INF, 1_200_000, "at least"),
        ("up to one million", 0, 1_000_000, 1_000_000, "at most"),
        ("up to 300 000", 0, 300_000, 300_000, "at most"),
        ("fewer than 5", 0, 5, 5, "at most"),
        ("nearly 1,000", 900, 1_000, 1_000, "nearly"),
        ("almost 1,000", 900, 1_000, 1_000, "nearly"),
    ],
)
def test_qualifiers(written: str, low: float, high: float, point: float, qualifier: str) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert (q.point, q.qualifier) == (point, qualifier)


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        # One unit of the last significant digit either side...
        ("about 2.45 billion", 2_440_000_000, 2_460_000_000),
        ("about 25,000", 24_000, 26_000),
        ("about twenty-five thousand", 24_000, 26_000),
        ("around 1,234", 1_233, 1_235),
        ("about 12.5%", 12.4, 12.6),
        ("about 1,5 million", 1_400_000, 1_600_000),
        ("nearly 2.45 billion", 2_440_000_000, 2_450_000_000),
        ("around 20,500 – 25,000", 20_400, 26_000),
        # ... and never more than 10 % of the number.
        ("about 2 billion", 1_800_000_000, 2_200_000_000),
        ("around 0.5", 0.45, 0.55),
        ("about 1.000.000", 900_000, 1_100_000),
    ],
)
def test_approximate_numbers_reach_as_far_as_their_digits_say(
    written: str, low: float, high: float
) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        (f"350{THIN}000{THIN}{EN_DASH}{THIN}400{THIN}000", 350_000, 400_000),
        (f"350 000 {EN_DASH} 400 000", 350_000, 400_000),
        (f"350{NARROW}000{EN_DASH}400{NARROW}000", 350_000, 400_000),
        ("350 000 \u2014 400 000", 350_000, 400_000),
        ("350 000 \u2212 400 000", 350_000, 400_000),
        ("500 000 to 1 000 000", 500_000, 1_000_000),
        ("40,000 to 50,000", 40_000, 50_000),
        ("between 40,000 and 50,000", 40_000, 50_000),
        ("from 40,000 to 50,000", 40_000, 50_000),
        ("between 1.2 and 1.5 million", 1_200_000, 1_500_000),
        (f"1.2{EN_DASH}1.5 million", 1_200_000, 1_500_000),
        ("2 to 3 million", 2_000_000, 3_000_000),
        (f"300{EN_DASH}400 thousand", 300_000, 400_000),
        # `around` before a range widens both ends by the usual ±10 %.
        ("about 350 000 – 400 000", 340_000, 440_000),
    ],
)
def test_ranges(written: str, low: float, high: float) -> None:
    q = parse_quantity(written)
    assert (round(q.low), round(q.high), q.point, q.qualifier) == (low, high, None, "range")


@pytest.mark.parametrize(
    ("written", "low", "high", "percent"),
    [
        # Keyboards type ranges with a hyphen-minus; only the en dash is read today.
        ("350,000-400,000", 350_000, 400_000, False),
        ("350 000 - 400 000", 350_000, 400_000, False),
        ("40-60%", 40, 60, True),
    ],
)
def test_ranges_typed_with_a_hyphen(written: str, low: float, high: float, percent: bool) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high, q.qualifier, q.percent) == (low, high, "range", percent)


@pytest.mark.parametrize(
    ("written", "low", "high", "point", "qualifier"),
    [
        ("47%", 47, 47, 47, "exact"),
        ("47 %", 47, 47, 47, "exact"),
        ("47.5%", 47.5, 47.5, 47.5, "exact"),
        ("12.2 per cent", 12.2, 12.2, 12.2, "exact"),
        ("12.2 percent", 12.2, 12.2, 12.2, "exact"),
        (f"40{EN_DASH}60%", 40, 60, None, "range"),
        ("40 – 60 per cent", 40, 60, None, "range"),
        ("about 40%", 36, 44, 40, "around"),
        ("nearly 40%", 36, 40, 40, "nearly"),
        ("up to 40%", 0, 40, 40, "at most"),
        # An open-ended share stops at the whole.
        ("more than 40%", 40, 100, 40, "at least"),
        ("150%", 150, 150, 150, "exact"),
    ],
)
def test_percentages(
    written: str, low: float, high: float, point: float | None, qualifier: str
) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert (q.point, q.qualifier, q.percent) == (point, qualifier, True)


def test_open_ended_percentage_above_the_whole_keeps_its_lower_bound() -> None:
    # Growth rates exceed 100 %: capping the upper bound at 100 inverts the interval.
    q = parse_quantity("more than 150%")
    assert q.low == 150
    assert q.low <= q.high


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("about nine hundred thousand-ish", "is not a number factcheck can read"),
        ("nine hundred thousand-ish", "is not a number factcheck can read"),
        ("lots", "is not a number factcheck can read"),
        ("million", "is not a number factcheck can read"),
        ("400 000 – 350 000", "inverted range '400 000 – 350 000'"),
        (f"400{THIN}000{THIN}{EN_DASH}{THIN}350{THIN}000", "400,000 is above 350,000"),
        ("400 000 – 350 000", "write the lower bound first"),
        ("", "empty value"),
        ("   ", "empty value"),
        (THIN, "empty value"),
        ("around 10+", "has two qualifiers"),
        ("up to 350 000 – 400 000", "a range cannot also be 'at most'"),
        ("about tens of thousands", "a qualifier before a vague amount is not read"),
        ("1 – 2 – 3", "has more than two ends"),
        ("between lots and more", "is not a number or a range of numbers"),
    ],
)
def test_quantity_refusals(written: str, message: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_quantity(written)
    assert message in str(caught.value)


def test_refusals_are_factcheck_errors_without_a_location() -> None:
    with pytest.raises(FactcheckError) as caught:
        parse_quantity("lots")
    assert caught.value.problem.file is None
    assert caught.value.problem.message.startswith("'lots' is not a number")


@pytest.mark.parametrize(
    ("written", "phrase"),
    [
        ("700.000", "ambiguous number"),
        ("261,000\u2077\u00b3\u00b2", "superscript"),
        ("20-25,000", "ambiguous range"),
        ("500\u20131 million", "ambiguous range"),
        ("1" * 30, "30 digits"),
    ],
)
def test_misreadings_are_refused(written: str, phrase: str) -> None:
    with pytest.raises(ValueParseError, match=phrase):
        parse_quantity(written)


# --------------------------------------------------------------------------- laws

QUALIFIERS = [
    "",
    "around ",
    "about ",
    "some ",
    "nearly ",
    "almost ",
    "more than ",
    "at least ",
    "over ",
    "up to ",
    "at most ",
    "fewer than ",
]


@st.composite
def quantities(draw: st.DrawFn) -> str:
    """A number with a qualifier, grouping and a unit drawn at random."""
    number = draw(st.integers(min_value=0, max_value=10**12))
    grouping = draw(st.sampled_from([",", " ", THIN, NARROW, ""]))
    digits = f"{number:,}".replace(",", grouping)
    qualifier = draw(st.sampled_from(QUALIFIERS))
    suffix = draw(st.sampled_from(["", "%", " per cent", "+", " million"]))
    if suffix == "+" and qualifier:
        suffix = ""
    return f"{qualifier}{digits}{suffix}"


@given(quantities())
def test_an_interval_contains_its_point(written: str) -> None:
    q = parse_quantity(written)
    assert q.point is not None
    assert q.low <= q.point <= q.high


@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from([",", THIN, NARROW, " ", NBSP]),
)
def test_grouped_integers_read_back(number: int, separator: str) -> None:
    written = f"{number:,}".replace(",", separator)
    q = parse_quantity(written)
    assert (q.low, q.high, q.point) == (number, number, number)


@pytest.mark.parametrize(
    ("written", "unit", "low", "high"),
    [
        ("within 15 km", "km", 0, 15),
        ("2,000 people", "people", 2_000, 2_000),
        ("about 2,000 people", "people", 1_800, 2_200),
        ("$500 million", "USD", 500_000_000, 500_000_000),
        ("US$500 million", "dollars", 500_000_000, 500_000_000),
        ("£1.7 billion", "GBP", 1_700_000_000, 1_700_000_000),
        ("more than €3 million", "EUR", 3_000_000, INF),
        ("1.2 billion roubles", "RUB", 1_200_000_000, 1_200_000_000),
        ("12 tonnes", "tonne", 12, 12),
        ("12.2 per cent", None, 12.2, 12.2),
    ],
)
def test_an_amount_may_carry_its_propertys_unit(
    written: str, unit: str | None, low: float, high: float
) -> None:
    q = parse_amount(written, unit)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert q.written == written


@pytest.mark.parametrize(
    ("written", "unit", "message"),
    [
        ("£1.7 billion", "USD", "'£1.7 billion' is an amount in '£'; the property's unit is 'USD'"),
        (
            "2,000 men",
            "people",
            "'2,000 men' ends in 'men', which is not a unit of this property (its unit is "
            "'people'); write the number alone",
        ),
        (
            "2,000 people",
            None,
            "'2,000 people' ends in 'people', which is not a unit of this property (it "
            "declares no unit); write the number alone",
        ),
    ],
)
def test_another_unit_is_refused_by_name(written: str, unit: str | None, message: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_amount(written, unit)
    assert caught.value.problem.message == message


@pytest.mark.parametrize(
    ("written", "low", "high", "point", "percent"),
    [
        ("3,100 (95% CI 1,200–5,400)", 1_200, 5_400, 3_100, False),
        ("3,100 (95 % confidence interval: 1,200 to 5,400)", 1_200, 5_400, 3_100, False),
        ("12% (95% CI 10–14%)", 10, 14, 12, True),
        ("600 (UI 400–800)", 400, 800, 600, False),
    ],
)
def test_an_estimate_with_its_interval_is_the_interval(
    written: str, low: float, high: float, point: float, percent: bool
) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high, q.point, q.percent) == (low, high, point, percent)


@pytest.mark.parametrize(
    "written", ["3,100 (95% CI 4,000–5,400)", "about 3,100 (95% CI 1,200–5,400)"]
)
def test_an_estimate_outside_or_vaguer_than_its_interval_is_refused(written: str) -> None:
    with pytest.raises(ValueParseError):
        parse_quantity(written)
