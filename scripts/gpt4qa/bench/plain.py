"""The plain Material configuration the benchmarks compare against, and a quiet build.

Same docs/, Material's defaults: no hook, no overrides, no extra CSS or JavaScript, default
search; the Markdown extensions the pages need to render at all.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gpt4qa.core.project import ROOT
from gpt4qa.run import mkdocs

PLAIN_CONFIG = """\
site_name: GPT-4 十问十答 (plain)
docs_dir: {docs}
theme:
  name: material
  language: zh
  features: [search.suggest, search.highlight, search.share]
plugins:
  - search
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: true
"""


def plain_config(folder: Path) -> Path:
    path = folder / "plain.yml"
    path.write_text(PLAIN_CONFIG.format(docs=ROOT / "docs"), encoding="utf-8")
    return path


def build(config: Path, site: Path, tree: Path = ROOT) -> None:
    """A quiet, non-strict build of `config` (a plain one, or a tree's own mkdocs.yml)."""
    result = mkdocs.build(site, config=config, strict=False, quiet=True, env={"PYTHONPATH": str(tree / "scripts")})
    result.check_returncode()


def build_tree(tree: Path, site: Path) -> None:
    """The pages of a tree (this one, or an older revision's worktree) as its own mkdocs.yml makes them."""
    build(tree / "mkdocs.yml", site, tree)


def pdf_command(tree: Path, site: Path) -> list[str]:
    """How a tree (this one or an older revision's) renders its PDF: the CLI, or the script it had before."""
    if (tree / "scripts" / "docs.py").is_file():
        return [sys.executable, str(tree / "scripts" / "docs.py"), "pdf", str(site)]
    return [sys.executable, str(tree / "scripts" / "pdf_export.py"), str(site)]


@contextmanager
def worktree(rev: str, folder: Path) -> Iterator[Path]:
    """REV checked out in `folder` (a detached git worktree) for a before/after benchmark;
    removed again on leaving."""
    subprocess.run(["git", "worktree", "add", "--detach", str(folder), rev], cwd=ROOT, check=True, capture_output=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT, capture_output=True)
