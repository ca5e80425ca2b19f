"""Imports run one way: files → corpus → analysis → records → renderers → CLI.

Read from the source with `ast` (imports for type checking only are not followed at run time
and are left out), so an arrow that runs back up fails here before it tangles the layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "factcheck"

#: What a renderer may import at run time: other renderers, the records it shows, the
#: choices, and the value wording.
RENDER_MAY_IMPORT = (
    "factcheck.render",
    "factcheck.records",
    "factcheck.options",
    "factcheck.values",
)


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()

    def walk(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    walk(other)
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.add(child.module)
                found.update(f"{child.module}.{a.name}" for a in child.names)
            elif isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            walk(child)

    walk(tree)
    return {name for name in found if name.startswith("factcheck")}


IMPORTS = {
    _module(path): _runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
    for path in sorted(PACKAGE.rglob("*.py"))
}
KNOWN = set(IMPORTS)


def _modules(names: set[str]) -> set[str]:
    """Imported names that are modules of the package (`factcheck.render.data`, not
    `factcheck.render.data.shown`)."""
    return {n for n in names if n in KNOWN}


def test_the_package_was_read() -> None:
    assert {"factcheck.cli", "factcheck.store", "factcheck.render.table_format"} <= KNOWN
    assert {"factcheck.cli_options", "factcheck.cli_output"} <= CLI


#: The command line: the commands, the options they share, and what they show on stderr.
CLI = {m for m in KNOWN if m == "factcheck.cli" or m.startswith("factcheck.cli_")}


@pytest.mark.parametrize("module", sorted(KNOWN - CLI - {"factcheck.__main__"}))
def test_only_the_entry_points_import_the_cli(module: str) -> None:
    assert not _modules(IMPORTS[module]) & CLI, f"{module} imports the command line"


@pytest.mark.parametrize("module", sorted(m for m in KNOWN if not m.startswith("factcheck.render")))
def test_no_layer_below_the_renderers_imports_one(module: str) -> None:
    if module in CLI:
        return
    upward = {m for m in _modules(IMPORTS[module]) if m.startswith("factcheck.render")}
    assert not upward, f"{module} imports {sorted(upward)}"


@pytest.mark.parametrize("module", sorted(m for m in KNOWN if m.startswith("factcheck.render")))
def test_renderers_read_records_not_the_corpus_or_analyses(module: str) -> None:
    imported = _modules(IMPORTS[module]) - {"factcheck"}
    wrong = {m for m in imported if not m.startswith(RENDER_MAY_IMPORT)}
    assert not wrong, f"{module} imports {sorted(wrong)}"


def test_the_rule_can_fail() -> None:
    """The reader sees a run-time import, and leaves a type-checking one out."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from factcheck.corpus import Corpus\n"
        "def f():\n    from factcheck.cli import app\n"
    )
    assert _runtime_imports(ast.parse(source)) == {"factcheck.cli", "factcheck.cli.app"}
