"""Benchmark: how long `make serve` takes to rebuild after an edit, this configuration beside plain
Material, on copies of the project (nothing in the working tree is touched).

Each server is started once; a page is edited `--edits` times, and each rebuild's time is read
from MkDocs' own "Documentation built in N seconds" line. Figures to read side by side.

    python scripts/docs.py bench serve [--edits 5]
"""

from __future__ import annotations

import argparse
import queue
import re
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

from gpt4qa.bench.plain import PLAIN_CONFIG
from gpt4qa.run import mkdocs
from gpt4qa.run.mutants import copy_project

_BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
PAGE = Path("docs") / "q05-reasoning.md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rebuild_times(config: Path, page: Path, edits: int, timeout: float = 30) -> list[float]:
    """MkDocs' own time for each rebuild after an edit of `page`, under `mkdocs serve`."""
    server = mkdocs.serving(f"127.0.0.1:{free_port()}", config, unset=("SITE_URL",))
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()

    def built() -> float:
        """The next build's time, once the server says it is done with it."""
        seconds = None
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise RuntimeError(f"{config}: no rebuild within {timeout:.0f} s") from None
            if match := _BUILT.search(line):
                seconds = float(match.group(1))
            elif seconds is not None and ("Serving on" in line or "Reloading browsers" in line):
                return seconds
            elif "Aborted" in line or "ERROR" in line:
                raise RuntimeError(f"{config}: {line.strip()}")

    try:
        built()  # the server's first build
        times = []
        for edit in range(1, edits + 1):
            time.sleep(3.0)  # the watcher is up, and past its debounce: each edit is one rebuild
            page.write_text(page.read_text(encoding="utf-8") + f"\n<!-- edit {edit} -->\n", encoding="utf-8")
            try:
                times.append(built())
            except RuntimeError:  # the watcher missed the write (it happens): write once more
                page.write_text(page.read_text(encoding="utf-8") + f"\n<!-- edit {edit}, again -->\n", encoding="utf-8")
                times.append(built())
    finally:
        server.terminate()
        server.wait()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench serve", description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        project, plain = Path(tmp) / "project", Path(tmp) / "plain"
        for tree in (project, plain):
            tree.mkdir()
            copy_project(tree)
        (plain / "plain.yml").write_text(PLAIN_CONFIG.format(docs=plain / "docs"), encoding="utf-8")
        results = {
            "project": rebuild_times(project / "mkdocs.yml", project / PAGE, args.edits),
            "plain Material": rebuild_times(plain / "plain.yml", plain / PAGE, args.edits),
        }
    print(f"make serve: rebuild after an edit of {PAGE}, {args.edits} edits each (seconds, MkDocs' own count)")
    print(f"{'configuration':<16} {'median':>7} {'min':>7} {'max':>7}")
    for name, values in results.items():
        print(f"{name:<16} {statistics.median(values):7.2f} {min(values):7.2f} {max(values):7.2f}")
    return 0
