"""Run a sequence of steps as one (the build, the checks): each in turn, stopping at the first
that fails, with each one's time printed."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

Step = tuple[str, Callable[[], int]]


def run_steps(label: str, steps: list[Step]) -> int:
    """Each (name, step) in turn; a step returns an exit code. Returns the first failure's code."""
    for name, step in steps:
        started = time.perf_counter()
        code = step()
        if code:
            print(f"error: {label}: the {name} step failed (exit {code})", file=sys.stderr)
            return code
        print(f"{label}: {name} done in {time.perf_counter() - started:.1f} s")
    return 0
