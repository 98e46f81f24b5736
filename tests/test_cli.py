"""The command line: one entry, a subcommand per task, the same exit codes and one-line errors."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from gpt4qa import cli
from gpt4qa.core.errors import ExitCode
from helpers import ROOT

SCRIPT = ROOT / "scripts" / "docs.py"
COMMANDS = ["build", "pages", "pdf", "epub", "offline", "serve", "check", "anchors", "search", "lock", "audit", "fonts",
            "mutants", "static", "crawl", "bench"]


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          env={**os.environ, **env})


def test_the_help_lists_every_command():
    done = run("--help")
    assert done.returncode == 0
    listed = re.findall(r"^    (\S+)\s{2,}\S", done.stdout, flags=re.M)
    assert listed == COMMANDS


@pytest.mark.parametrize("command", [*COMMANDS, "check article", "check epub", "check layers", "check headings",
                                     "search index", "search dictionary"])
def test_every_command_explains_itself(command):
    with pytest.raises(SystemExit) as done:
        cli.main([*command.split(), "--help"])
    assert done.value.code == 0


def test_the_exit_codes_are_the_table_every_command_uses():
    assert [(code.name, int(code)) for code in ExitCode] == [("OK", 0), ("PROBLEMS", 1), ("BAD_INPUT", 2)]


def test_bad_input_is_one_line_naming_the_folder_and_exit_2(tmp_path):
    done = run("check", "article", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert done.stderr == f"error: {tmp_path / 'nowhere'}: site folder does not exist; run make build first\n"


def test_a_missing_tool_is_one_line_saying_what_to_install_and_exit_2(tmp_path):
    empty = tmp_path / "fonts.conf"
    empty.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    done = run("fonts", FONTCONFIG_FILE=str(empty))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: fonts missing: Noto Sans CJK SC, Noto Sans Mono CJK SC, Noto Color Emoji; "
                                  "install the Debian packages fonts-noto-cjk fonts-noto-color-emoji")


def test_an_unknown_command_is_refused_with_the_usage():
    done = run("publish")
    assert done.returncode == 2
    assert "invalid choice: 'publish'" in done.stderr


def test_only_the_command_line_ends_the_process():
    """Library code raises InputError or MissingTool; SystemExit and sys.exit belong to the CLI."""
    offenders = []
    for module in sorted((ROOT / "scripts" / "gpt4qa").rglob("*.py")):
        if module.name == "cli.py":
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
            if name in ("SystemExit", "exit"):
                offenders.append(f"{module.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
