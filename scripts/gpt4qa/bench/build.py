"""Benchmark: build time of the project's configuration next to a plain Material build.

Both build the same docs/ in the same run, alternating, several times; prints the median,
minimum and maximum wall time of each and the size of each site. Not a test: machines here
are noisy, so read the figures side by side.

    python scripts/docs.py bench build [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from gpt4qa.bench.plain import ROOT, build, plain_config


def timed_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    build(config, site)
    return time.perf_counter() - start


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench build", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        configs = {"project": ROOT / "mkdocs.yml", "plain Material": plain_config(Path(tmp))}
        times: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(args.runs):
            for name, config in configs.items():
                times[name].append(timed_build(config, Path(tmp) / name))
        print(f"build time over {args.runs} runs each (seconds), same docs/, same machine, alternating")
        print(f"{'configuration':<16} {'median':>7} {'min':>7} {'max':>7} {'site size':>10}")
        for name, values in times.items():
            print(
                f"{name:<16} {statistics.median(values):7.2f} {min(values):7.2f} {max(values):7.2f} "
                f"{size(Path(tmp) / name) / 1024:8.0f} KB"
            )
    return 0

