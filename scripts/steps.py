"""Run a sequence of commands as one (make build, make check): each in a process of its own, in
the project folder, stopping at the first that fails."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_steps(label: str, steps: list[tuple[str, list[str]]]) -> int:
    """Each (name, command) in turn; prints each one's time; returns the first failure's code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name, command in steps:
        started = time.perf_counter()
        code = subprocess.run(command, cwd=ROOT, env=env).returncode
        if code:
            print(f"error: {label}: the {name} step failed (exit {code})", file=sys.stderr)
            return code
        print(f"{label}: {name} done in {time.perf_counter() - started:.1f} s")
    return 0
