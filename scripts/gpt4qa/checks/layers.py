"""The package's import rules, checked by reading every module's imports (no module is run).

Each folder of gpt4qa is a layer and may import only the layers listed for it in `MAY_IMPORT`;
the pure layers import neither MkDocs, nor subprocess, nor Playwright; and only the plugin layer
imports MkDocs, so a move to another generator replaces that folder alone. Imports inside
functions count as much as those at the top.

    python scripts/docs.py check layers      # exit 1 listing each import that breaks a rule
"""

from __future__ import annotations

import ast
from pathlib import Path

from gpt4qa.core.errors import InputError

PACKAGE = "gpt4qa"
MAY_IMPORT: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "sources": frozenset({"core"}),
    "render": frozenset({"core", "sources"}),
    "checks": frozenset({"core", "sources"}),
    "search": frozenset({"core", "sources"}),
    "run": frozenset({"core"}),
    "export": frozenset({"core", "sources", "render", "run"}),
    "plugin": frozenset({"core", "sources", "render", "checks", "search"}),
    "bench": frozenset({"core", "sources", "render", "checks", "search", "run", "export"}),
    "cli": frozenset({"core", "sources", "render", "checks", "search", "run", "export", "bench"}),
    "": frozenset(),  # the package's own __init__
}
PURE = frozenset({"core", "sources", "render", "checks", "search"})
NOT_IN_PURE = ("mkdocs", "subprocess", "playwright")
ONLY_IN_PLUGIN = "mkdocs"


def layer_of(module: Path, package_dir: Path) -> str:
    """The layer a module of the package belongs to: its folder, or its name for a top-level module."""
    relative = module.relative_to(package_dir)
    if len(relative.parts) > 1:
        return relative.parts[0]
    return "" if relative.stem == "__init__" else relative.stem


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) for every import of a module, nested ones too."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


def violations(package_dir: Path, shown_as: str = "scripts/gpt4qa") -> list[str]:
    """Every import that breaks a rule, one line each: file, line, what, and the rule."""
    if not (package_dir / "__init__.py").is_file():
        raise InputError(f"{package_dir}: not a package (no __init__.py)")
    problems = []
    for module in sorted(package_dir.rglob("*.py")):
        layer = layer_of(module, package_dir)
        if layer not in MAY_IMPORT:
            problems.append(f"{shown_as}/{module.relative_to(package_dir)}: layer '{layer}' is not in the rules "
                            "(add it to gpt4qa/checks/layers.py MAY_IMPORT)")
            continue
        try:
            tree = ast.parse(module.read_text(encoding="utf-8"), str(module))
        except SyntaxError as error:
            raise InputError(f"{module}:{error.lineno}: not valid Python") from None
        where = f"{shown_as}/{module.relative_to(package_dir).as_posix()}"
        for line, name in imported(tree):
            top, _, rest = name.partition(".")
            if top == PACKAGE:
                target = rest.split(".")[0]
                if target and target != layer and target not in MAY_IMPORT[layer]:
                    allowed = ", ".join(sorted(MAY_IMPORT[layer])) or "no other layer"
                    problems.append(f"{where}:{line}: {layer or PACKAGE} imports {name} ({layer or PACKAGE} may import "
                                    f"{allowed})")
            elif layer in PURE and top in NOT_IN_PURE:
                problems.append(f"{where}:{line}: {layer} imports {name} (a pure layer imports neither MkDocs, "
                                "nor subprocess, nor Playwright)")
            elif top == ONLY_IN_PLUGIN and layer != "plugin":
                problems.append(f"{where}:{line}: {layer} imports {name} (only the plugin layer imports MkDocs)")
    return problems
