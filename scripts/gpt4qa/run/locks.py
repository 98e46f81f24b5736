"""Install a hash-locked tool into the project's .venv, and regenerate the locks with pip-compile.

pip-compile (pip-tools, pinned with its hashes in requirements-pip-tools.txt) is installed only
when the locks are regenerated; each lock is made from its top-level list with the options in
`gpt4qa.core.locks.COMPILE_OPTIONS`, keeping the versions the lock already pins (pip-compile
changes a pin only when the list asks for another version or a new package needs one).

    python scripts/docs.py lock --write    # exit 0 written, 2 pip-tools not installable or a list not lockable (one line: why)
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from gpt4qa.core.errors import InputError, MissingTool
from gpt4qa.core.locks import COMPILE_OPTIONS, LOCKS, PIP_TOOLS, Lock
from gpt4qa.core.project import ROOT, shown

Runner = Callable[..., subprocess.CompletedProcess]


def last_line(result: subprocess.CompletedProcess) -> str:
    """The last line a finished process printed (pip's and pip-compile's error comes last)."""
    lines = [line.strip() for line in f"{result.stdout or ''}\n{result.stderr or ''}".splitlines() if line.strip()]
    lines = [line for line in lines if "is ignored: it is neither a file nor a directory" not in line]
    return lines[-1] if lines else f"exit {result.returncode}"


def install_command(lock: Path) -> list[str]:
    """Exactly the files the lock names, checked against its hashes, and nothing it does not name."""
    return [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "--require-hashes", "--no-deps", "-r", str(lock)]


def install(lock: Path, run: Runner = subprocess.run) -> subprocess.CompletedProcess:
    """Install a lock into this Python's environment; the finished pip (the caller reads a failure)."""
    return run(install_command(lock), cwd=ROOT, capture_output=True, text=True)


def compile_command(lock: Lock) -> list[str]:
    """pip-compile of one list into its lock, with paths relative to the project (the lock's header
    and its "# via" lines name the files as a fresh clone has them)."""
    return [sys.executable, "-m", "piptools", "compile", "--quiet", *COMPILE_OPTIONS,
            f"--output-file={lock.lock.relative_to(ROOT).as_posix()}", lock.source.relative_to(ROOT).as_posix()]


def write_locks(locks: tuple[Lock, ...] = LOCKS, run: Runner = subprocess.run) -> list[Path]:
    """Install pip-tools from its own lock, then regenerate every lock in order. Raises
    `MissingTool` when pip-tools cannot be installed, `InputError` naming the list pip-compile
    could not lock, and why."""
    installed = install(PIP_TOOLS.lock, run)
    if installed.returncode:
        raise MissingTool(f"{shown(PIP_TOOLS.lock)}: pip could not install pip-tools ({last_line(installed)}); "
                          "the package index must be reachable to regenerate the locks")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("CUSTOM_COMPILE_COMMAND", None)  # the header names pip-compile's own command and options
    written = []
    for lock in locks:
        result = run(compile_command(lock), cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode:
            raise InputError(f"{shown(lock.source)}: pip-compile could not lock it ({last_line(result)})")
        written.append(lock.lock)
    return written
