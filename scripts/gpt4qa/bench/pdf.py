"""Benchmark: the PDF step with every font of this machine next to the project's fonts only, and
the PDF step of both editions next to one edition's.

    python scripts/docs.py bench pdf SITE_DIR [--runs 3] [--only fonts|editions]

Fonts: renders SITE_DIR's print views (make build first) in both font setups, alternating, each
run printing both editions in one Chromium session, and prints pages, size, median wall time,
the pdfua result and whether each edition's two files are byte-identical.

Editions: alternating, `docs.py pdf` of the Simplified edition alone (the one-edition step, as
make build ran it before there were two), of the Traditional edition alone, and of both in one
Chromium session (`--edition zh-Hans --edition zh-Hant`, what make build runs); prints each
one's median and min, the two alone added (two sessions), and both-in-one against the one-edition
step (the goal: at most 2×).

Not a test: the tests assert the identities (tests/test_pdf.py); this reports the figures.
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

from gpt4qa.bench.plain import ROOT
from gpt4qa.core.editions import EDITIONS, PDF, SIMPLIFIED, TRADITIONAL, Edition
from gpt4qa.export.fonts import FAMILIES, write_fontconfig


def pdf_command(site: Path, editions: tuple[Edition, ...]) -> list[str]:
    """This tree's PDF step for some editions (one Chromium session)."""
    options = [part for edition in editions for part in ("--edition", edition.key)]
    return [sys.executable, str(ROOT / "scripts" / "docs.py"), "pdf", str(site), *options]


def render(site: Path, env: dict[str, str], editions: tuple[Edition, ...] = (SIMPLIFIED,)) -> float:
    started = time.perf_counter()
    subprocess.run(pdf_command(site, editions), check=True, env=env, capture_output=True)
    return time.perf_counter() - started


def pdfua_summary(path: Path) -> str:
    checker = Path(sys.executable).parent / "pdfua"
    done = subprocess.run([str(checker), "check", "--format", "json", str(path)], capture_output=True, text=True)
    summary = json.loads(done.stdout)["summary"]
    return f"{summary['errors']} errors, {summary['warnings']} warnings"


def families(env: dict[str, str]) -> int:
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, env=env).stdout
    return len({name for line in listing.splitlines() for name in line.split(",")})


def copy_site(site: Path, folder: Path) -> Path:
    shutil.copytree(site, folder, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
    return folder


def fonts(site: Path, tmp: Path, base: dict[str, str], runs: int) -> None:
    setups = {
        "every font installed": base,
        "project fonts only": {**base, "FONTCONFIG_FILE": str(write_fontconfig(tmp / "fontconfig"))},
    }
    sites = {name: copy_site(site, tmp / name.replace(" ", "-")) for name in setups}
    times: dict[str, list[float]] = {name: [] for name in setups}
    for _ in range(runs):
        for name, env in setups.items():
            times[name].append(render(sites[name], env, EDITIONS))
    print(f"PDF step of both editions (one session), {runs} runs each, alternating; the project names "
          f"{len(FAMILIES)} font families")
    print(f"{'fonts':<22} {'families':>8} {'median':>7} {'min':>6}  {'edition':<8} {'pages':>5} {'size':>8}  pdfua")
    for name, env in setups.items():
        for number, edition in enumerate(EDITIONS):
            pdf = sites[name] / edition.download(PDF)
            lead = (f"{name:<22} {families(env):>8} {statistics.median(times[name]):>6.1f}s "
                    f"{min(times[name]):>5.1f}s") if not number else " " * 45
            print(f"{lead}  {edition.key:<8} {len(PdfReader(pdf).pages):>5} {pdf.stat().st_size / 1024:>5.0f} KB  "
                  f"{pdfua_summary(pdf)}")
    for edition in EDITIONS:
        first, second = (sites[name] / edition.download(PDF) for name in setups)
        print(f"byte-identical, {edition.key}: {'yes' if first.read_bytes() == second.read_bytes() else 'no'}")


def editions(site: Path, tmp: Path, base: dict[str, str], runs: int) -> None:
    cases = {
        f"{SIMPLIFIED.key} alone": (SIMPLIFIED,),
        f"{TRADITIONAL.key} alone": (TRADITIONAL,),
        "both, one session": EDITIONS,
    }
    folder = copy_site(site, tmp / "editions")
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, chosen in cases.items():
            times[name].append(render(folder, base, chosen))
    median = {name: statistics.median(values) for name, values in times.items()}
    one = median[f"{SIMPLIFIED.key} alone"]
    print(f"\nPDF step per edition (every font installed), {runs} runs each, alternating")
    print(f"{'editions':<22} {'median':>7} {'min':>6} {'vs one edition':>15}")
    for name in cases:
        print(f"{name:<22} {median[name]:>6.1f}s {min(times[name]):>5.1f}s {median[name] / one:>14.2f}×")
    apart = median[f"{SIMPLIFIED.key} alone"] + median[f"{TRADITIONAL.key} alone"]
    print(f"{'both, two sessions':<22} {apart:>6.1f}s {'':>6} {apart / one:>14.2f}×  (the two alone, added)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench pdf", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("fonts", "editions"), help="one of the two comparisons")
    args = parser.parse_args(argv)
    for edition in EDITIONS:
        if not (args.site / edition.print_view / "index.html").is_file():
            print(f"error: {args.site}: no print view at {edition.print_view}; run make build first", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as tmp:
        base = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000")}
        if args.only in (None, "fonts"):
            fonts(args.site, Path(tmp), base, args.runs)
        if args.only in (None, "editions"):
            editions(args.site, Path(tmp), base, args.runs)
    return 0
