"""The native YAML reader: used only where it reads a file exactly as PyYAML does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import native_yaml
from factcheck.errors import FactcheckError
from factcheck.parsing import _parse_yaml_unchecked, parse_yaml

ROOT = Path(__file__).resolve().parent.parent

#: Plain scalars where YAML 1.1 and 1.2 (or factcheck's rules and yaml-rs's) part ways,
#: and ordinary ones beside them.
TOKENS = [
    "700.000",
    "007",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "1e3",
    ".5",
    "1.",
    ".inf",
    "-.inf",
    ".NaN",
    "12",
    "-12",
    "+12",
    "0",
    "-0",
    "00",
    "123456789012345678",
    "1234567890123456789",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "true",
    "False",
    "TRUE",
    "null",
    "Null",
    "~",
    "=",
    "<<",
    "261,000",
    "2,034",
    "2022-09-21",
    "2001-12-14t21:59:43.10-05:00",
    "10:05",
    "1:20",
    "190:20:30.15",
    "3.5 million",
    "around 900,000.",
    "a, b",
    "Smith & Jones",
    "*Note",
    "&x",
    "!important",
    "!!str 12",
    "%done",
    "Decree No. 647",
    "1.5",
    "x: y",
    "- a",
    "#hash",
    "a #b",
    "'quoted'",
    '"dq"',
    "é",
    "\u0085",
    "\t",
    "",
]

words = st.text(alphabet="abc ,.:-#0123456789", min_size=1, max_size=8)
plain = st.one_of(st.sampled_from(TOKENS), words)
quoted = plain.map(lambda s: "'" + s.replace("'", "''") + "'") | plain.map(
    lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
)
scalar = plain | quoted
flow = st.lists(scalar, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
flow_over_lines = st.lists(scalar, min_size=2, max_size=3).map(
    lambda xs: "[" + ",\n    ".join(xs) + "]"
)
block_text = st.tuples(st.sampled_from(["|", ">", "|-", ">+"]), st.lists(words, max_size=3))


@st.composite
def value(draw: st.DrawFn, indent: int) -> str:
    kind = draw(st.sampled_from(["scalar", "scalar", "flow", "flow2", "list", "block", "anchor"]))
    pad = " " * indent
    if kind == "scalar":
        return " " + draw(scalar)
    if kind == "flow":
        return " " + draw(flow)
    if kind == "flow2":
        return " " + draw(flow_over_lines)
    if kind == "list":
        items = draw(st.lists(scalar, min_size=1, max_size=3))
        return "".join(f"\n{pad}- {item}" for item in items)
    if kind == "block":
        style, lines = draw(block_text)
        return f" {style}" + "".join(f"\n{pad}  {line}" for line in lines or ["x"])
    return " &a " + draw(scalar) if draw(st.booleans()) else " *a"


@st.composite
def record(draw: st.DrawFn, indent: int) -> str:
    pad = " " * indent
    keys = draw(
        st.lists(
            st.sampled_from(["id", "text", "value", "notes", "7", "on"]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    lines = [f"{key}:{draw(value(indent + 2))}" for key in keys]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), "# a comment")
    return ("\n" + pad + "  ").join(lines)


@st.composite
def document(draw: st.DrawFn) -> str:
    out = ["---"] if draw(st.booleans()) else []
    sections = draw(
        st.lists(
            st.sampled_from(["claims", "sources", "footnotes", "notes"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    for section in sections:
        style = draw(st.sampled_from(["block0", "block2", "bare", "flow", "empty", "scalar"]))
        if style == "flow":
            out.append(f"{section}: " + draw(flow))
        elif style == "empty":
            out.append(f"{section}: []")
        elif style == "scalar":
            out.append(f"{section}:{draw(value(2))}")
        else:
            indent = 2 if style == "block2" else 0
            out.append(f"{section}:")
            for _ in range(draw(st.integers(1, 3))):
                pad = " " * indent
                dash = f"{pad}-\n{pad}  " if style == "bare" else f"{pad}- "
                out.append(dash + draw(record(indent)))
    return "\n".join(out) + "\n"


def pyyaml(text: str) -> tuple[object, dict[tuple[str, int], int]] | None:
    try:
        parsed = _parse_yaml_unchecked(text, "f.yaml")
    except FactcheckError:
        return None
    return parsed.data, parsed.lines


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_the_native_reader_reads_as_pyyaml_or_steps_aside(text: str) -> None:
    native = native_yaml.read(text)
    if native is None:
        return
    expected = pyyaml(text)
    assert expected is not None, "read natively a file PyYAML refuses"
    assert native[0] == expected[0]
    assert native[1] == expected[1]


@pytest.mark.parametrize(
    "text",
    [
        "claims:\n- value: 700.000\n",  # a number kept as written
        "claims:\n- footnotes: [007]\n",  # an integer with a leading zero
        "claims:\n- value: 1_000\n",
        "claims:\n- value: 1e3\n",
        "claims:\n- several: yes\n",  # a YAML 1.1 boolean
        "claims:\n- value: 12345678901234567890\n",  # too long to be a number
        "claims:\n- &a {id: x}\n- *a\n",  # an anchor and alias
        "claims:\n- id: !!str 12\n",  # a tag
        "%YAML 1.1\n---\nclaims: []\n",  # a directive
        "claims:\n- id: a\n  id: b\n",  # a repeated key
        "claims:\n- id: a\x07\n",  # a control character
        "claims: [{id: a}, {id: b}]\n",  # records in flow style: no lines to scan
        "claims:\n-\n  id: a\n",  # a record beginning on the line after its dash
        "- a\n- b\n",  # not a mapping
        "claims:\n  [1,\n  007]\n",  # a flow list over lines, where commas separate
        "claims:\n- id: a\nnotes: [x, :]\n",  # an empty key
        'claims:\n- id: a\n  notes: ["0",\n    :05]\n',  # a flow scalar opening with ':'
        "claims:\n- id: a\nnotes: |\n     \n",  # a block scalar of blank lines at the end
        "claims:\n- id: a\n  text: line\u2028break\n",  # a YAML 1.1 line break
    ],
)
def test_the_native_reader_steps_aside(text: str) -> None:
    assert native_yaml.read(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "claims:\n- value: 261,000\n  text: about 900,000.\n",
        "claims:\n  - id: a\n    footnotes: [1, 2]\n    date: 2022-09-21\n",
        "sources:\n- publisher: Smith & Jones\n  title: a *starred* word\n",
        "claims:\n- time: 10:05\n  value: 3.5 million\n",
        "claims:\r\n- id: a\r\n  text: Windows line ends\r\n",
    ],
)
def test_the_native_reader_reads_common_files(text: str) -> None:
    native = native_yaml.read(text)
    assert native is not None
    assert (native[0], native[1]) == pyyaml(text)


def test_the_bundled_claim_files_are_read_natively_as_pyyaml_reads_them() -> None:
    """At least the larger bundled report is taken by the fast path; every bundled file
    read natively reads exactly as PyYAML reads it."""
    native_files = 0
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        text = path.read_text(encoding="utf-8-sig")
        native = native_yaml.read(text)
        if native is not None:
            native_files += 1
            assert (native[0], native[1]) == pyyaml(text), path.name
    assert native_files >= 1


@pytest.mark.parametrize("opener", ["- ", "? ", "- ? "])
def test_deep_compact_nesting_is_left_to_pyyaml_and_refused(opener: str) -> None:
    """yaml-rs recurses without a limit on `- - - …` (a hundred thousand levels crash the
    process): such text never reaches it, and factcheck's nesting check refuses it."""
    text = "claims:\n" + opener * 100_000 + "x\n"
    assert native_yaml.read(text) is None
    with pytest.raises(FactcheckError, match="nested more than 32 levels"):
        parse_yaml(text, "deep.yaml")
