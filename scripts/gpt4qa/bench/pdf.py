"""Benchmark: the PDF step with every font of this machine next to the project's fonts only.

    python scripts/docs.py bench pdf SITE_DIR [--runs 3]

Renders SITE_DIR's print view (make build first) in both font setups, alternating, and prints
pages, size, median wall time, the pdfua result and whether the two files are byte-identical.
Not a test: the tests assert the identity (tests/test_pdf.py); this reports the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from gpt4qa.bench.plain import ROOT, pdf_command
from gpt4qa.core.editions import PDF, SIMPLIFIED
from gpt4qa.export.fonts import FAMILIES, write_fontconfig

PDF_NAME = PDF.file


def render(site: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(pdf_command(ROOT, site), check=True, env=env, capture_output=True)
    return time.perf_counter() - started


def pdfua_summary(path: Path) -> str:
    checker = Path(sys.executable).parent / "pdfua"
    done = subprocess.run([str(checker), "check", "--format", "json", str(path)], capture_output=True, text=True)
    summary = json.loads(done.stdout)["summary"]
    return f"{summary['errors']} errors, {summary['warnings']} warnings"


def families(env: dict[str, str]) -> int:
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, env=env).stdout
    return len({name for line in listing.splitlines() for name in line.split(",")})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench pdf", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not (args.site / SIMPLIFIED.print_view / "index.html").is_file():
        print(f"error: {args.site}: no print view; run make build first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        base = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000")}
        setups = {
            "every font installed": base,
            "project fonts only": {**base, "FONTCONFIG_FILE": str(write_fontconfig(Path(tmp) / "fontconfig"))},
        }
        sites, times = {}, {name: [] for name in setups}
        for name in setups:
            sites[name] = Path(tmp) / name.replace(" ", "-")
            shutil.copytree(args.site, sites[name], ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
        for _ in range(args.runs):
            for name, env in setups.items():
                times[name].append(render(sites[name], env))
        print(f"PDF step, {args.runs} runs each, alternating; the project names {len(FAMILIES)} font families")
        print(f"{'fonts':<22} {'families':>8} {'pages':>5} {'size':>8} {'median':>7} {'min':>6}  pdfua")
        for name, env in setups.items():
            pdf = sites[name] / PDF_NAME
            print(f"{name:<22} {families(env):>8} {len(PdfReader(pdf).pages):>5} {pdf.stat().st_size / 1024:>5.0f} KB "
                  f"{statistics.median(times[name]):>6.1f}s {min(times[name]):>5.1f}s  {pdfua_summary(pdf)}")
        same = (sites["every font installed"] / PDF_NAME).read_bytes() == (sites["project fonts only"] / PDF_NAME).read_bytes()
        print(f"byte-identical: {'yes' if same else 'no'}")
    return 0

