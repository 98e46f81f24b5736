"""Benchmark: Lighthouse scores and page weight, the project next to a plain Material build.

Builds both configurations of the same docs/, serves each with gzip on localhost as a static
host would, and runs Lighthouse 12.2.3 (npm; 13.x needs a newer Node) in Debian's Chromium on
the home page and two answer pages. Prints the four category scores, the page weight, and the
weight with the figures and the search worker set aside: the figures are the same files in both
builds, and Lighthouse leaves a worker's own script out of its count but counts what the worker
imports (Material's worker, imported by this project's query wrapper), so both builds' search
worker scripts are left out to compare like with like.

    python scripts/docs.py bench lighthouse [--preset desktop|mobile]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from gpt4qa.bench.plain import ROOT, build, plain_config
from gpt4qa.run.server import start

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ["", "q02-improvements/", "q06-safety/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
WORKER_PATHS = ("/assets/javascripts/workers/", "/assets/javascripts/lunr/")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def lighthouse(url: str, preset: str, out: Path) -> dict:
    command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    requests = report["audits"]["network-requests"]["details"]["items"]
    aside = sum(
        r.get("transferSize", 0) for r in requests
        if r.get("resourceType") == "Image" or any(part in r["url"] for part in WORKER_PATHS)
    )
    total = report["audits"]["total-byte-weight"]["numericValue"]
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    third_party = [r["url"] for r in requests if not r["url"].startswith(("http://127.0.0.1", "data:"))]
    return {"scores": scores, "total": total, "aside": total - aside, "third_party": third_party}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench lighthouse", description=__doc__.split("\n")[0])
    parser.add_argument("--preset", choices=["desktop", "mobile"], default="desktop")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], check=True, cwd=ROOT)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, config in {"project": ROOT / "mkdocs.yml", "plain Material": plain_config(Path(tmp))}.items():
            site = Path(tmp) / name.replace(" ", "-")
            build(config, site)
            server = start(site, "/", compress=True)
            try:
                for page in PAGES:
                    url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
                    rows.append((name, page or "(home)", lighthouse(url, args.preset, Path(tmp) / "report.json")))
            finally:
                server.shutdown()
    print(f"Lighthouse 12.2.3, {args.preset} preset, gzip on localhost, Debian Chromium")
    print(f"{'configuration':<15} {'page':<18} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'weight':>9} "
          f"{'w/o figures+worker':>19} third-party requests (blocked here)")
    for name, page, result in rows:
        s = result["scores"]
        print(f"{name:<15} {page:<18} {s['performance']:5.2f} {s['accessibility']:5.2f} {s['best-practices']:5.2f} "
              f"{s['seo']:5.2f} {result['total'] / 1024:7.0f}KB {result['aside'] / 1024:17.0f}KB "
              f"{len(result['third_party'])}")
    return 0

