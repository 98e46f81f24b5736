"""The one place that runs MkDocs: `mkdocs build` (and `mkdocs serve`) with the project's settings.

Each build is a process of its own, so the hook's state and jieba's dictionary start fresh, and an
offline or full-dictionary build cannot leak into the next one. Every caller (the build, the
checks, the offline copy, the search dictionary, the mutants, the tests and the benchmarks) goes
through `build`, so the command and its environment are written once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gpt4qa.core.project import CONFIG

# Material's end-of-life banner is not about this project; real warnings still fail the build.
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def environment(unset: tuple[str, ...] = (), **extra: str) -> dict[str, str]:
    env = {**os.environ, **QUIET_ENV, **extra}
    for name in unset:
        env.pop(name, None)
    return env


def build(site: Path, *, config: Path = CONFIG, strict: bool = True, clean: bool = False, quiet: bool = False,
          offline: bool = False, env: dict[str, str] | None = None, unset: tuple[str, ...] = (),
          capture: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build` of `config` into `site`; the finished process (its output captured unless
    `capture` is off, when it goes to the terminal). `offline` makes the offline copy's build."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    command += ["--strict"] * strict + ["--clean"] * clean + ["-q"] * quiet
    extra = {**(env or {}), **({"OFFLINE": "true"} if offline else {})}
    return subprocess.run(command, cwd=config.parent,
                          env=environment(unset, **extra), capture_output=capture, text=True)


# The project's configuration with the Simplified edition alone (the search dictionary's build, the
# build benchmark): beside mkdocs.yml, so its paths resolve as its own.
ONE_EDITION = "INHERIT: {name}\nextra:\n  editions: [zh-Hans]\n"


@contextmanager
def one_edition(config: Path = CONFIG) -> Iterator[Path]:
    """A configuration file that builds `config` with the Simplified edition only; removed after."""
    path = config.with_name(f".one-edition-{os.getpid()}.yml")  # one a process: builds may run side by side
    path.write_text(ONE_EDITION.format(name=config.name), encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def serve_command(address: str, config: Path, livereload: bool = True) -> list[str]:
    reload = "--livereload" if livereload else "--no-livereload"
    return [sys.executable, "-m", "mkdocs", "serve", reload, "-f", str(config), "--dev-addr", address]


def serve(address: str = "127.0.0.1:8000", config: Path = CONFIG, livereload: bool = True) -> int:
    """`mkdocs serve` (with live reload unless asked not to) until interrupted; its exit code."""
    try:
        return subprocess.run(serve_command(address, config, livereload), cwd=config.parent,
                              env=environment()).returncode
    except KeyboardInterrupt:
        return 0


def serving(address: str, config: Path = CONFIG, unset: tuple[str, ...] = ()) -> subprocess.Popen:
    """`mkdocs serve` started in the background, watching its files, its log on a pipe (for benchmarks)."""
    return subprocess.Popen(serve_command(address, config, livereload=True), cwd=config.parent,
                            env=environment(unset), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def last_line(result: subprocess.CompletedProcess) -> str:
    """The last line a failed build wrote, for a one-line error."""
    return ((result.stderr or "").strip().splitlines() or ["no output"])[-1]
