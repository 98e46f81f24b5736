"""Benchmark: what a reader downloads to open a page, before and after a change, next to a plain
Material build of the same docs.

    python scripts/docs.py bench page-weight [--before REV]    # REV defaults to HEAD

Builds REV (in a temporary git worktree), the working tree and plain Material, then sums, for
each page, the gzip size of its HTML and of the stylesheets and scripts it links from the site
itself. Images are left out (the same files in every build) and so is the search worker, which
loads only when a reader searches.
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from gpt4qa.bench.plain import ROOT, build_tree, plain_config, worktree
from gpt4qa.bench.plain import build as build_plain

PAGES = ["", "q02-improvements/", "q06-safety/", "q09-paper/"]


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench page-weight", description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="HEAD")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, worktree(args.before, Path(tmp) / "before") as before:
        sites = {f"before ({args.before})": Path(tmp) / "before-site", "after (working tree)": Path(tmp) / "after-site",
                 "plain Material": Path(tmp) / "plain-site"}
        build_tree(before, sites[f"before ({args.before})"])
        build_tree(ROOT, sites["after (working tree)"])
        build_plain(plain_config(Path(tmp)), sites["plain Material"])
        results = {name: [weight(site, url) for url in PAGES] for name, site in sites.items()}
    print("gzip KB: page HTML / HTML with its own CSS and JS (images and the search worker left out)")
    print(f"{'build':<24}" + "".join(f"{'/' + url:>24}" for url in PAGES))
    for name, cells in results.items():
        print(f"{name:<24}" + "".join(f"{f'{h / 1024:.1f} / {t / 1024:.1f}':>24}" for h, t in cells))
    return 0

