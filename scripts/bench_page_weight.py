"""Benchmark: what a reader downloads to open a page, before and after a change, next to a plain
Material build of the same docs.

    python scripts/bench_page_weight.py [--before REV]    # REV defaults to HEAD

Builds REV (in a temporary git worktree), the working tree and plain Material, then sums, for
each page, the gzip size of its HTML and of the stylesheets and scripts it links from the site
itself. Images are left out (the same files in every build) and so is the search worker, which
loads only when a reader searches.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from plain_material import ROOT, plain_config, worktree
from plain_material import build as build_plain

PAGES = ["", "q02-improvements/", "q06-safety/", "q09-paper/"]


def build(tree: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tree / "scripts")}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=tree, env=env, check=True,
                   capture_output=True)


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def weight(site: Path, url: str) -> tuple[int, int]:
    """(HTML, HTML with its own stylesheets and scripts), gzip bytes."""
    page = site / url / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [tag.get("href") for tag in soup.select("link[rel~=stylesheet][href]")]
    links += [tag.get("src") for tag in soup.select("script[src]")]
    total = html = gzipped(page)
    for link in links:
        target = urlsplit(urljoin(f"http://site/{url}", link))
        if target.netloc == "site":
            file = site / target.path.lstrip("/")
            total += gzipped(file) if file.is_file() else 0
    return html, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="HEAD")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with worktree(args.before, Path(tmp) / "before") as before:
            sites = {f"before ({args.before})": Path(tmp) / "before-site", "after (working tree)": Path(tmp) / "after-site",
                     "plain Material": Path(tmp) / "plain-site"}
            build(before, sites[f"before ({args.before})"])
            build(ROOT, sites["after (working tree)"])
            build_plain(plain_config(Path(tmp)), sites["plain Material"])
            results = {name: [weight(site, url) for url in PAGES] for name, site in sites.items()}
    print("gzip KB: page HTML / HTML with its own CSS and JS (images and the search worker left out)")
    print(f"{'build':<24}" + "".join(f"{'/' + url:>24}" for url in PAGES))
    for name, cells in results.items():
        print(f"{name:<24}" + "".join(f"{f'{h / 1024:.1f} / {t / 1024:.1f}':>24}" for h, t in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
