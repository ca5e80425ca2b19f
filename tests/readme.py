"""The README's console examples, run for real.

Each example in a ```console block starts with `$ factcheck …` and is followed by its
output; `$ echo $?` shows the exit code of the command before it. An output that starts
with `…` shows only its end; one that ends with `…`, only its beginning. `python tests/readme.py` runs every example again (and the library
example) and writes the output into the README (and writes docs/checks.md from the check codes);
`tests/test_readme.py` checks that nothing has changed.
"""

from __future__ import annotations

import atexit
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

# A cache of this run's own: one kept from an earlier run may hold what older code found.
_CACHE = tempfile.mkdtemp(prefix="factcheck-readme-cache-")
atexit.register(shutil.rmtree, _CACHE, True)
ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WIDTH = "100"
_BLOCK = re.compile(r"```console\n(.*?)```", re.S)


@dataclass
class Example:
    command: str
    shown: str
    exit_shown: str | None


def examples(text: str) -> list[Example]:
    found = []
    for block in _BLOCK.findall(text):
        for chunk in re.split(r"^(?=\$ factcheck )", block, flags=re.M):
            if not chunk.startswith("$ factcheck "):
                continue
            first, _, rest = chunk.partition("\n")
            shown, _, exit_part = rest.partition("$ echo $?\n")
            found.append(Example(first[2:], shown, exit_part.strip() or None))
    return found


def run(command: str) -> tuple[str, int]:
    """The text a user sees for a command (stdout, then stderr), and its exit code.

    Searches are shown as repeated, with their index already built (a first search also
    says on stderr that it is building the index).
    """
    old = {
        k: os.environ.get(k) for k in ("COLUMNS", "NO_COLOR", "FACTCHECK_CLAIMS", "FACTCHECK_CACHE")
    }
    os.environ["COLUMNS"] = WIDTH
    os.environ.pop("FACTCHECK_CLAIMS", None)
    os.environ["FACTCHECK_CACHE"] = _CACHE
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        if command.startswith("factcheck search "):
            CliRunner().invoke(app, ["search", "warm the index"])
        result = CliRunner().invoke(app, shlex.split(command)[1:])
    finally:
        os.chdir(cwd)
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return result.stdout + result.stderr, result.exit_code


def expected_matches(shown: str, actual: str) -> bool:
    if shown.startswith("…\n"):
        return actual.rstrip("\n").endswith(shown[2:].rstrip("\n"))
    if shown.rstrip("\n").endswith("\n…"):
        return actual.startswith(shown.rstrip("\n")[:-1])
    return actual.rstrip("\n") == shown.rstrip("\n")


def refresh(text: str) -> str:
    """The README with every example's output replaced by what the command prints now."""

    def redo(match: re.Match[str]) -> str:
        block = match.group(1)
        out = []
        for chunk in re.split(r"^(?=\$ factcheck )", block, flags=re.M):
            if not chunk.startswith("$ factcheck "):
                out.append(chunk)
                continue
            example = examples(f"```console\n{chunk}```")[0]
            actual, code = run(example.command)
            if example.shown.startswith("…\n"):
                keep = len(example.shown[2:].rstrip("\n").splitlines())
                actual = "…\n" + "\n".join(actual.rstrip("\n").splitlines()[-keep:])
            elif example.shown.rstrip("\n").endswith("\n…"):
                keep = len(example.shown.rstrip("\n").splitlines()) - 1
                actual = "\n".join(actual.splitlines()[:keep]) + "\n…"
            out.append(f"$ {example.command}\n{actual.rstrip()}\n")
            if example.exit_shown is not None:
                out.append(f"$ echo $?\n{code}\n")
        return "```console\n" + "".join(out) + "```"

    return _BLOCK.sub(redo, text)


def refresh_library_example(text: str) -> str:
    """The README with the library example's printed text replaced by what it prints now."""
    head, section = text.split("## As a library", 1)
    code = re.search(r"```python\n(.*?)```", section, re.S)
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    if not (code and shown):
        return text
    with tempfile.TemporaryDirectory() as folder:
        printed = subprocess.run(
            [sys.executable, "-c", code.group(1)],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "FACTCHECK_CACHE": _CACHE},
        ).stdout
    section = section[: shown.start(1)] + printed + section[shown.end(1) :]
    return head + "## As a library" + section


CHECKS_DOC = ROOT / "docs" / "checks.md"


if __name__ == "__main__":
    from factcheck.checks import CHECKS
    from factcheck.render.markdown_format import check_codes

    text = refresh_library_example(refresh(README.read_text(encoding="utf-8")))
    README.write_text(text, encoding="utf-8")
    CHECKS_DOC.write_text(check_codes(CHECKS), encoding="utf-8")
    sys.stdout.write("README examples and docs/checks.md refreshed\n")
