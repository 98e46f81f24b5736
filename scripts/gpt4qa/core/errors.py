"""The two kinds of failure a command reports, and the exit codes every command uses.

Library code raises `InputError` (a source or a built file is wrong: the message names the file,
the line where there is one, and what to change) or `MissingTool` (a program, font or package the
step needs is not installed: the message says what to install). Only the command line
(`gpt4qa.cli`) turns them into a one-line `error: …` and an exit code; nothing else raises
SystemExit.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1  # a check ran and found problems (each listed)
    BAD_INPUT = 2  # bad input, or a tool the step needs is missing


class InputError(ValueError):
    """A source, a table or a built file cannot be used; the message names file, line and fault."""


class MissingTool(RuntimeError):
    """A program, font or package the step needs is not installed; the message says what to install."""
