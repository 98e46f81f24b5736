"""The plain Material configuration the benchmarks compare against, and a quiet build.

Same docs/, Material's defaults: no hook, no overrides, no extra CSS or JavaScript, default
search; the Markdown extensions the pages need to render at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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


def build(config: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True)


@contextmanager
def worktree(rev: str, folder: Path) -> Iterator[Path]:
    """REV checked out in `folder` (a detached git worktree) for a before/after benchmark;
    removed again on leaving."""
    subprocess.run(["git", "worktree", "add", "--detach", str(folder), rev], cwd=ROOT, check=True, capture_output=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT, capture_output=True)
