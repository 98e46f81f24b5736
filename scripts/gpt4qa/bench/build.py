"""Benchmark: build time of the project's configuration next to a plain Material build.

All build the same docs/ in the same run, alternating, several times: the project with every
edition (the Traditional one built by the Simplified build), the project with the Simplified
edition alone (mkdocs.yml with `extra.editions: [zh-Hans]`), plain Material, and, with --rev, the
project as an older revision built it (its own tree, from a git worktree). Prints the median,
minimum and maximum wall time of each and the size of each site. Not a test: machines here are
noisy, so read the figures side by side.

    python scripts/docs.py bench build [--runs 5] [--rev 544a402]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from gpt4qa.bench.plain import ROOT, build, plain_config, worktree
from gpt4qa.run import mkdocs


def timed_build(config: Path, site: Path, tree: Path = ROOT) -> float:
    start = time.perf_counter()
    build(config, site, tree)
    return time.perf_counter() - start


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench build", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rev", help="also build the project as this revision built it (e.g. the last one-edition commit)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        one = stack.enter_context(mkdocs.one_edition())
        configs = {"project, both editions": (ROOT / "mkdocs.yml", ROOT),
                   "project, Simplified only": (one, ROOT),
                   "plain Material": (plain_config(Path(tmp)), ROOT)}
        if args.rev:
            tree = stack.enter_context(worktree(args.rev, Path(tmp) / "rev"))
            configs[f"project at {args.rev}"] = (tree / "mkdocs.yml", tree)
        times: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(args.runs):
            for name, (config, tree) in configs.items():
                times[name].append(timed_build(config, Path(tmp) / name, tree))
        print(f"build time over {args.runs} runs each (seconds), same docs/, same machine, alternating")
        print(f"{'configuration':<26} {'median':>7} {'min':>7} {'max':>7} {'site size':>10}")
        for name, values in times.items():
            print(
                f"{name:<26} {statistics.median(values):7.2f} {min(values):7.2f} {max(values):7.2f} "
                f"{size(Path(tmp) / name) / 1024:8.0f} KB"
            )
    return 0

