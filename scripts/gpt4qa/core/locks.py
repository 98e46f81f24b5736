"""The project's Python locks: each top-level list (`*.in`) and the lock pip-compile makes of it.

A lock pins every package the list needs, directly or not, to one version with the hashes of its
files, so `pip install --require-hashes --no-deps -r LOCK` installs exactly those files or fails.
Every lock here installs into the one `.venv`; the tools' locks are made under the constraint of
the project's (`-c requirements.txt`), so a package two locks share has one version.

    python scripts/docs.py lock --check    # every lock agrees with its list (no network); exit 1 naming each fault
    python scripts/docs.py lock --write    # regenerate them all with pip-compile (needs the package index)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gpt4qa.core.project import ROOT

REGENERATE = "python scripts/docs.py lock --write"


@dataclass(frozen=True)
class Lock:
    source: Path  # the top-level list, written by hand: name==version lines
    lock: Path  # what pip-compile makes of it: every package, pinned, with its hashes
    purpose: str


PROJECT = Lock(ROOT / "requirements.in", ROOT / "requirements.txt", "the build, the checks and the tests (make)")
PIP_TOOLS = Lock(ROOT / "requirements-pip-tools.in", ROOT / "requirements-pip-tools.txt",
                 "pip-compile, which writes every lock (docs.py lock --write)")
AUDIT = Lock(ROOT / "requirements-audit.in", ROOT / "requirements-audit.txt", "pip-audit (make audit)")
BENCH = Lock(ROOT / "requirements-bench.in", ROOT / "requirements-bench.txt", "Pagefind (docs.py bench search)")

# In the order they are made: the project's first, since the others are constrained by it.
LOCKS = (PROJECT, PIP_TOOLS, AUDIT, BENCH)

# What pip-compile is told, for every lock (its header repeats them, so Dependabot makes the same).
COMPILE_OPTIONS = ("--generate-hashes", "--strip-extras", "--no-emit-index-url", "--no-emit-find-links")
