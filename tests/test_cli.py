"""The command line through Typer's CliRunner: output, exit codes, errors."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import __version__
from factcheck.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, f"factcheck {__version__}\n")


def test_conflicts_table_on_fixture(mini: Path) -> None:
    code, out, err = run("conflicts", "--claims", str(mini))
    assert code == 0, err
    assert "HIGH The call-up · End of the call-up" in out
    assert "700,000 is reported by Media reports; Government denies it" in out
    assert "×3.4" in out
    assert out.rstrip().endswith("3 conflicts (2 high, 1 medium) among 11 claims")


def test_conflicts_json_shape(mini: Path) -> None:
    code, out, _ = run("conflicts", "-c", str(mini), "--format", "json")
    assert code == 0
    data = json.loads(out)["conflicts"]
    assert [c["severity"] for c in data] == ["high", "high", "medium"]
    for conflict in data:
        assert {"subject", "property", "severity", "reason", "claims"} <= conflict.keys()
        for claim in conflict["claims"]:
            assert {
                "id",
                "text",
                "value",
                "claimant",
                "sources",
                "independent_sources",
            } <= claim.keys()
    exodus = next(c for c in data if c["kind"] == "values" and c["subject"] == "exodus")
    assert [cl["id"] for cl in exodus["claims"]] == ["early", "later", "undated"]
    assert exodus["distance"] == "×3.4"


def test_scope_and_time_are_not_conflicts_and_explain_says_why(mini: Path) -> None:
    code, out, _ = run("conflicts", "-c", str(mini), "-f", "json", "--explain")
    assert code == 0
    data = json.loads(out)
    ids = {cid for c in data["conflicts"] for cl in c["claims"] for cid in [cl["id"]]}
    assert "neighbour" not in ids
    reasons = {tuple(n["claims"]): n["reason"] for n in data["consistent"]}
    assert "growing quantity" in reasons[("early", "later")]
    assert "compared only with claims of the same scope" in reasons[("neighbour",)]
    assert reasons[("end-wrong",)] == "deprecated: the call-up began in 2022"


def test_filters_and_min_severity(mini: Path) -> None:
    _, out, _ = run("conflicts", "-c", str(mini), "-f", "json", "--subject", "callup")
    assert {c["subject"] for c in json.loads(out)["conflicts"]} == {"callup"}
    _, out, _ = run("conflicts", "-c", str(mini), "-f", "json", "--min-severity", "high")
    assert {c["severity"] for c in json.loads(out)["conflicts"]} == {"high"}
    code, _, err = run("conflicts", "-c", str(mini), "--min-severity", "urgent")
    assert code == 2
    # The choices are an enum: Typer refuses the value and lists them (in its own words).
    assert all(word in err for word in ("--min-severity", "'urgent'", "high", "medium", "low"))


def test_fail_on_conflict_exit_code(mini: Path) -> None:
    assert run("conflicts", "-c", str(mini), "--fail-on-conflict")[0] == 1
    assert run("conflicts", "-c", str(mini), "-p", "callup.target", "--fail-on-conflict")[0] == 0


def test_markdown_format(mini: Path) -> None:
    code, out, _ = run("conflicts", "-c", str(mini), "-f", "markdown")
    assert code == 0
    assert out.startswith("# Conflicts\n")
    assert "| Side | Claimant | Stance | Value | Parsed | As of | Quote | Sources |" in out


def test_claims_filters(mini: Path) -> None:
    _, out, _ = run("claims", "-c", str(mini), "-f", "json", "--claimant", "court")
    assert [c["id"] for c in json.loads(out)] == ["end-never"]
    _, out, _ = run("claims", "-c", str(mini), "-f", "json", "--subject", "exodus")
    assert len(json.loads(out)) == 5


def test_show_claim_relations(mini: Path) -> None:
    code, out, _ = run("show", "early", "-c", str(mini), "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["footnote_texts"] == {"1": None}
    assert [s["id"] for s in data["sources"]] == ["wire-1"]
    assert [c["distance"] for c in data["conflicts"]] == ["×3.4"]


def test_show_unknown_id_suggests(mini: Path) -> None:
    code, _, err = run("show", "erly", "-c", str(mini))
    assert code == 2
    assert "no claim with id 'erly'; did you mean 'early'?" in err


def test_output_file_is_atomic_and_needs_force(mini: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert run("conflicts", "-c", str(mini), "-f", "json", "-o", str(target))[0] == 0
    first = target.read_text(encoding="utf-8")
    assert json.loads(first)
    code, _, err = run("conflicts", "-c", str(mini), "-f", "markdown", "-o", str(target))
    assert code == 2
    assert "exists; add --force to replace it" in err
    assert target.read_text(encoding="utf-8") == first
    assert run("conflicts", "-c", str(mini), "-f", "markdown", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Conflicts")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_bad_input_leaves_output_untouched(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("claims: [", encoding="utf-8")
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    code, _, err = run("conflicts", "-c", str(tmp_path / "bad.yaml"), "-o", str(target), "--force")
    assert code == 2
    # The parser's explanation follows the column, in the parser's words (not pinned).
    assert "bad.yaml:2: YAML syntax error, column 1: " in err
    assert target.read_text(encoding="utf-8") == "old"


def test_env_var_points_elsewhere(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CLAIMS", str(mini))
    _, out, _ = run("claims", "-f", "json")
    assert len(json.loads(out)) == 11


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0
    assert set(schema["properties"]) == {
        "subjects",
        "properties",
        "entities",
        "documents",
        "sources",
        "footnotes",
        "claims",
    }
    assert schema["$defs"]["Claim"]["additionalProperties"] is False


def test_every_command_has_help_and_is_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        code, out, _ = run(name, "--help")
        assert code == 0 and "Usage:" in out, name
        assert f"factcheck {name}" in readme, f"README does not show 'factcheck {name}'"


def test_installed_command_and_module_run() -> None:
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_CLAIMS"}
    scripts = Path(sys.executable).parent
    for argv in (
        [str(scripts / "factcheck"), "--help"],
        [sys.executable, "-m", "factcheck", "--help"],
    ):
        done = subprocess.run(
            argv, capture_output=True, text=True, env=env, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "conflicts" in done.stdout


def test_unknown_filter_id_is_an_error_not_an_empty_result(mini: Path) -> None:
    code, out, err = run(
        "conflicts", "-c", str(mini), "--property", "left.cout", "--fail-on-conflict"
    )
    assert (code, out) == (2, "")
    assert "--property: no such id 'left.cout'; did you mean 'left.count'?" in err


def test_a_denial_agrees_with_no_statement_it_denies(mini: Path) -> None:
    _, out, _ = run("show", "denial", "-c", str(mini), "-f", "json")
    data = json.loads(out)
    assert data["agrees_with"] == []
    assert [c["kind"] for c in data["conflicts"]] == ["denial"]


def test_piped_tables_carry_no_padding(mini: Path) -> None:
    _, out, _ = run("conflicts", "-c", str(mini))
    assert all(line == line.rstrip() for line in out.splitlines())


def test_output_into_a_pipe_writes_into_it_and_leaves_it_a_pipe(mini: Path, tmp_path: Path) -> None:
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    code, _, err = run("conflicts", "-c", str(mini), "-f", "json", "-o", str(pipe))
    reader.join(timeout=30)
    assert code == 0, err
    assert json.loads(received[0])
    assert pipe.is_fifo()  # not replaced by a regular file


def test_output_through_a_symlink_keeps_the_link(mini: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run("conflicts", "-c", str(mini), "-f", "json", "-o", str(link), "--force")[0] == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))


def test_check_limit_shows_the_most_serious_findings() -> None:
    _, every, _ = run("check", "--today", "2026-11-21", "-f", "json")
    found = json.loads(every)
    assert len(found) > 3
    _, few, _ = run("check", "--today", "2026-11-21", "-f", "json", "--limit", "3")
    kept = json.loads(few)
    rank = {"note": 0, "warning": 1, "error": 2}
    assert len(kept) == 3
    assert min(rank[f["level"]] for f in kept) >= max(
        rank[f["level"]] for f in found if f not in kept
    )
    assert [f for f in found if f in kept] == kept  # still in file and line order
    _, table, _ = run("check", "--today", "2026-11-21", "--limit", "3")
    assert f"showing the 3 most serious findings, {len(found) - 3:,} more" in table
    _, whole, _ = run("check", "--today", "2026-11-21", "--limit", "0")
    assert "showing the" not in whole


def test_conflicts_limit_keeps_the_most_severe() -> None:
    _, every, _ = run("conflicts", "-f", "json")
    _, few, _ = run("conflicts", "-f", "json", "--limit", "2")
    every_conflict = json.loads(every)["conflicts"]
    assert json.loads(few)["conflicts"] == every_conflict[:2]
    _, table, _ = run("conflicts", "--limit", "2")
    assert f"showing the 2 most severe, {len(every_conflict) - 2:,} more" in table


class _Terminal:
    """Standard output on a terminal of some width (not a real one)."""

    def fileno(self) -> int:
        return 1

    def isatty(self) -> bool:
        return True


def test_tables_fit_the_terminal_when_columns_is_not_exported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os
    import sys

    from factcheck.cli_output import style

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((80, 24)))
    assert style().width == 80
    monkeypatch.setenv("COLUMNS", "200")
    assert style().width == 200


def test_output_piped_from_a_terminal_gets_the_terminals_width(tmp_path: Path) -> None:
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 90, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["FACTCHECK_CACHE"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "claims"],
        stdout=subprocess.PIPE,
        stderr=follower,
        stdin=subprocess.DEVNULL,
        env=env,
        check=True,
    )
    os.close(follower)
    os.close(leader)
    lines = done.stdout.decode().splitlines()
    assert 80 < max(len(line) for line in lines) <= 90


def _ids_shown(command: str) -> set[str]:
    from factcheck.workspace import Workspace

    ws = Workspace()
    if command == "claims":
        return {c["id"] for c in ws.claims()}
    if command == "check":
        return {f.record for f in ws.check() if f.record}
    if command == "search":
        return {h.id for h in ws.search("mobilisation", limit=None).hits}
    return {i for d in ws.conflicts(explain=True).consistent for i in d["claims"]}


@pytest.mark.parametrize("width", [60, 80, 100, 140, 200])
@pytest.mark.parametrize("command", ["claims", "check", "conflicts", "search"])
def test_no_id_is_broken_across_lines(
    width: int, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    options = {
        "claims": [],
        "check": ["--limit", "0"],
        "conflicts": ["--explain", "--limit", "0"],
        "search": ["mobilisation", "--limit", "0"],
    }
    lines = runner.invoke(app, [command, *options[command]]).stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    ids = _ids_shown(command)
    assert len(ids) > 5
    whole = {
        i for i in ids for line in lines if re.search(rf"(?<![\w.-]){re.escape(i)}(?![\w.-])", line)
    }
    assert sorted(ids - whole) == [], (width, command)


@pytest.mark.parametrize("width", [60, 80, 100, 200])
def test_a_parsed_date_in_a_conflict_table_is_never_broken(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = runner.invoke(app, ["conflicts", "--limit", "0"]).stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    from factcheck.workspace import Workspace

    dates = {
        c["parsed"]["interval"]
        for d in Workspace().conflicts().conflicts
        for side in d["sides"]
        for c in side["claims"]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["parsed"]["interval"] or "")
    }
    assert len(dates) >= 2
    shown = {d for d in dates for line in lines if re.search(rf"(?<![\d-]){d}(?![\d-])", line)}
    assert sorted(dates - shown) == [], width


def test_a_pipe_gets_120_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.cli_output import style

    monkeypatch.delenv("COLUMNS", raising=False)
    assert style().width == 120  # pytest's captured stdout is no terminal


@pytest.mark.parametrize(
    "args",
    [
        ["conflicts"],
        ["conflicts", "--explain"],
        ["conflicts", "--limit", "1", "--min-severity", "high"],
        ["claims"],
        ["claims", "--claimant", "peskov"],
        ["show", "wp-fsb-left-261k"],
        ["check"],
        ["check", "--level", "warning", "--limit", "3"],
        ["search", "Peskov"],
        ["search", "nothing-matches-this-word"],
        ["export"],
    ],
)
def test_every_json_output_follows_the_schema_its_command_publishes(args: list[str]) -> None:
    from factcheck.report_schema import OUTPUTS

    # The schema printed is made from the model that validates here (extra fields refused).
    model = OUTPUTS[args[0]]
    published = runner.invoke(app, ["schema", "--command", args[0]])
    printed, made = json.loads(published.stdout), model.model_json_schema()
    for key in ("$schema", "title"):
        printed.pop(key), made.pop(key, None)
    assert printed == made
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    model.model_validate_json(result.stdout)


def test_the_json_of_conflicts_has_one_shape_with_or_without_explain() -> None:
    plain = json.loads(runner.invoke(app, ["conflicts", "--format", "json"]).stdout)
    explained = json.loads(
        runner.invoke(app, ["conflicts", "--format", "json", "--explain"]).stdout
    )
    assert set(plain) == set(explained) == {"conflicts", "consistent"}
    assert plain["consistent"] is None
    assert explained["consistent"]
    assert plain["conflicts"] == explained["conflicts"]


BUNDLED = Path(__file__).parent.parent / "claims"


def test_claims_from_standard_input_are_read_as_the_file_would_be() -> None:
    report = BUNDLED / "wikipedia-2022-russian-mobilization.yaml"
    vocabulary = str(BUNDLED / "vocabulary.yaml")
    piped = runner.invoke(
        app,
        ["conflicts", "-c", "-", "-c", vocabulary, "-f", "json"],
        input=report.read_bytes(),
    )
    named = runner.invoke(app, ["conflicts", "-c", str(report), "-c", vocabulary, "-f", "json"])
    assert piped.exit_code == named.exit_code == 0, piped.stderr
    ids = [[c["id"] for c in x["claims"]] for x in json.loads(piped.stdout)["conflicts"]]
    assert ids == [[c["id"] for c in x["claims"]] for x in json.loads(named.stdout)["conflicts"]]
    assert len(ids) > 5


def test_a_json_claim_file_from_standard_input_is_read_as_json() -> None:
    data = json.dumps({"claims": [{"id": "c1", "document": "nowhere"}]})
    result = runner.invoke(app, ["claims", "-c", "-"], input=data)
    assert result.exit_code == 2
    assert "error: <stdin>:1: claims[0].text: required field is missing" in result.stderr
    assert "factcheck-piped" not in result.stderr


def test_claims_through_dev_stdin_and_process_substitution(tmp_path: Path) -> None:
    report = BUNDLED / "euaa-2026-russia-military-service.yaml"
    env = {
        **os.environ,
        "FACTCHECK_CACHE": str(tmp_path),
        "COLUMNS": "200",
        "TMPDIR": str(tmp_path),
    }
    command = [sys.executable, "-m", "factcheck", "claims", "-c", "/dev/stdin"]
    command += ["-c", str(BUNDLED / "vocabulary.yaml")]
    with report.open("rb") as stdin:
        done = subprocess.run(command, stdin=stdin, capture_output=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().rstrip().endswith("18 claims")
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env) as p:
        out, _ = p.communicate(report.read_bytes())
    assert out.decode().rstrip().endswith("18 claims")
    script = (
        f'{sys.executable} -m factcheck claims -c <(cat "{report}") -c "{BUNDLED}/vocabulary.yaml"'
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().rstrip().endswith("18 claims")
    assert not list(tmp_path.glob("factcheck-piped-*"))  # the copies are removed at exit


def test_bare_factcheck_lists_the_commands_and_exits_0() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    for command in ("conflicts", "claims", "show", "check", "search", "export", "schema"):
        assert f"  {command} " in result.stdout


def test_dash_capital_v_is_the_version() -> None:
    result = runner.invoke(app, ["-V"])
    assert (result.exit_code, result.stdout) == (0, f"factcheck {__version__}\n")


def test_shell_completion_completes_commands_options_and_values() -> None:
    def complete(words: str) -> list[str]:
        env = {
            **os.environ,
            "_FACTCHECK_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
        done = subprocess.run(
            [sys.executable, "-c", "from factcheck.cli import app; app(prog_name='factcheck')"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.split()

    assert complete("factcheck con") == ["conflicts"]
    assert complete("factcheck conflicts --min") == ["--min-severity"]
    assert complete("factcheck check --format ") == ["table", "json", "markdown", "csv", "html"]


def test_limit_0_shows_all_in_every_command_that_limits() -> None:
    every = json.loads(runner.invoke(app, ["claims", "-f", "json"]).stdout)
    assert json.loads(runner.invoke(app, ["claims", "-f", "json", "--limit", "0"]).stdout) == every
    assert (
        json.loads(runner.invoke(app, ["claims", "-f", "json", "--limit", "3"]).stdout) == every[:3]
    )
    table = runner.invoke(app, ["claims", "--limit", "3"]).stdout
    assert table.rstrip().endswith("3 claims")


def test_a_deprecated_claim_without_a_reason_is_refused(tmp_path: Path) -> None:
    mini = Path(__file__).parent / "data" / "mini"
    folder = tmp_path / "claims"
    shutil.copytree(mini, folder)
    report = folder / "report.yaml"
    report.write_text(
        report.read_text("utf-8").replace("    rank_reason: the call-up began in 2022\n", ""),
        "utf-8",
    )
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == 2
    assert "a deprecated claim says why: add `rank_reason`" in result.stderr


@pytest.mark.parametrize(
    "command",
    [["export"], ["claims"], ["check"], ["conflicts"], ["search", "Peskov"], ["show", "early"]],
)
def test_factchecks_own_json_saved_among_the_claims_is_skipped_with_one_note(
    tmp_path: Path, command: list[str]
) -> None:
    mini = Path(__file__).parent / "data" / "mini"
    folder = tmp_path / "claims"
    shutil.copytree(mini, folder)
    saved = runner.invoke(app, [*command, "-c", str(mini), "--format", "json"])
    assert saved.exit_code == 0, saved.stderr
    (folder / "saved.json").write_text(saved.stdout, "utf-8")
    result = runner.invoke(app, ["conflicts", "-c", str(folder)])
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "saved.json" in line]
    assert len(notes) == 1
    assert "factcheck's own" in notes[0]


def test_search_limit_0_shows_every_claim_found() -> None:
    every = json.loads(
        runner.invoke(app, ["search", "mobilisation", "-f", "json", "-n", "0"]).stdout
    )
    few = json.loads(runner.invoke(app, ["search", "mobilisation", "-f", "json"]).stdout)
    assert len(few["hits"]) == 20
    assert len(every["hits"]) == every["total"] + every["related"] > 20
    assert every["hits"][:20] == few["hits"]


def test_a_query_word_starting_with_a_dash_gets_told_where_it_goes() -> None:
    result = runner.invoke(app, ["search", "-Putin"])
    assert result.exit_code == 2
    assert "factcheck search -- '-Putin'" in result.output


def test_an_index_of_one_file_says_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    one = Path(__file__).parent / "data" / "mini" / "report.yaml"
    vocabulary = Path(__file__).parent / "data" / "mini"
    result = runner.invoke(app, ["search", "left", "-c", str(vocabulary)])
    assert "building the search index of 2 claim files…" in result.stderr
    result = runner.invoke(app, ["search", "left", "-c", str(one)])
    assert "building the search index of 1 claim file…" in result.stderr
