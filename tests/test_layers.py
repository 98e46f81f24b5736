"""The package's import rules: every layer imports only what its rules allow."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpt4qa.checks.layers import MAY_IMPORT, violations
from gpt4qa.core.errors import InputError
from helpers import ROOT

PACKAGE = ROOT / "scripts" / "gpt4qa"


def test_the_package_keeps_its_import_rules():
    assert violations(PACKAGE) == []


def test_every_folder_of_the_package_is_a_layer_with_rules():
    folders = {path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").is_file()}
    assert folders <= set(MAY_IMPORT)
    assert len(folders) == 9


def package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "gpt4qa"
    for name in ["__init__.py", *files]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files.get(name, ""), encoding="utf-8")
    return root


def test_a_pure_layer_that_starts_a_process_is_named_with_its_line(tmp_path):
    root = package(tmp_path, {"render/__init__.py": "", "render/figures.py": "import re\n\n\ndef f():\n    import subprocess\n"})
    assert violations(root, "pkg") == [
        "pkg/render/figures.py:5: render imports subprocess (a pure layer imports neither MkDocs, nor subprocess, "
        "nor Playwright)"
    ]


def test_a_layer_that_imports_one_above_it_and_mkdocs_outside_the_plugin_are_named(tmp_path):
    root = package(tmp_path, {
        "sources/__init__.py": "", "sources/a.py": "from gpt4qa.render.figures import x\n",
        "run/__init__.py": "", "run/b.py": "from mkdocs.config import load_config\n",
        "plugin/__init__.py": "", "plugin/c.py": "import mkdocs.plugins\nfrom gpt4qa.run import mkdocs\n",
    })
    assert violations(root, "pkg") == [
        "pkg/plugin/c.py:2: plugin imports gpt4qa.run (plugin may import checks, core, render, search, sources)",
        "pkg/run/b.py:1: run imports mkdocs.config (only the plugin layer imports MkDocs)",
        "pkg/sources/a.py:1: sources imports gpt4qa.render.figures (sources may import core)",
    ]


def test_a_folder_without_rules_is_named(tmp_path):
    root = package(tmp_path, {"extra/__init__.py": ""})
    assert violations(root, "pkg") == [
        "pkg/extra/__init__.py: layer 'extra' is not in the rules (add it to gpt4qa/checks/layers.py MAY_IMPORT)"
    ]


def test_not_a_package_is_bad_input(tmp_path):
    with pytest.raises(InputError, match=r": not a package \(no __init__.py\)$"):
        violations(tmp_path)
