"""Benchmark: how much of a page and of the PDF the figures take, before and after a change.

    python scripts/docs.py bench figures [--before REV]    # REV defaults to HEAD

Builds the pages and the PDF of REV (in a temporary git worktree) and of the working tree, in
one run, then measures in Chromium the height of the home page, Q2 and Q4 at a desktop
(1280 px) and a phone (390 px) width, the part of it that figures take, and the PDF's pages.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

from gpt4qa.bench.plain import ROOT, build_tree, pdf_command, worktree
from gpt4qa.run import mkdocs

PAGES = {"home": "", "Q2": "q02-improvements/", "Q4": "q04-applications/"}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
_MEASURE = """() => {
  const figures = [...document.querySelectorAll('article figure')];
  return [document.documentElement.scrollHeight,
          figures.reduce((sum, f) => sum + f.getBoundingClientRect().height, 0)];
}"""


def build(tree: Path, site: Path) -> None:
    build_tree(tree, site)
    env = mkdocs.environment(PYTHONPATH=str(tree / "scripts"))
    subprocess.run(pdf_command(tree, site), cwd=tree, env=env, check=True, capture_output=True)


def measure(site: Path) -> dict[tuple[str, str], tuple[int, int]]:
    from playwright.sync_api import sync_playwright

    from gpt4qa.run.browser import launch
    from gpt4qa.run.server import start

    server = start(site, "/")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    found = {}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for width_name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for page_name, url in PAGES.items():
                    page.goto(base + url, wait_until="networkidle")
                    total, figures = page.evaluate(_MEASURE)
                    found[(page_name, width_name)] = (round(total), round(figures))
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench figures", description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="HEAD")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, worktree(args.before, Path(tmp) / "before") as before:
        results = {}
        for name, tree in ((f"before ({args.before})", before), ("after (working tree)", ROOT)):
            site = Path(tmp) / f"site-{len(results)}"
            build(tree, site)
            results[name] = (measure(site), len(PdfReader(site / "gpt-4-qa.pdf").pages))
    print("page height in px (of it, figures), Chromium; PDF pages")
    header = "".join(f"{p + ' ' + w:>22}" for p in PAGES for w in WIDTHS)
    print(f"{'build':<22}{header}{'PDF pages':>11}")
    for name, (heights, pdf_pages) in results.items():
        cells = "".join(
            f"{f'{heights[(p, w)][0]} ({heights[(p, w)][1]}, {heights[(p, w)][1] / heights[(p, w)][0]:.0%})':>22}"
            for p in PAGES for w in WIDTHS
        )
        print(f"{name:<22}{cells}{pdf_pages:>11}")
    return 0

