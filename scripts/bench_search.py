"""Benchmark: search quality of the project's configuration next to a plain Material one.

Builds both configurations of the same docs/, serves each on localhost, types every query of
tests/search-queries.tsv into the search box in Chromium and prints recall@1, recall@3 and MRR
(mean reciprocal rank of the expected page), with the queries each configuration misses.

    python scripts/bench_search.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from plain_material import ROOT, build, plain_config
from search_driver import Query, SearchBox, launch, page_key, read_queries
from static_server import start

def ranked_pages(box: SearchBox, query: Query) -> list[str]:
    pages: list[str] = []
    for href in box.results(query.text):
        key = page_key(href, box.base)
        if key not in pages:
            pages.append(key)
    return pages


def measure(browser, site: Path, queries: list[Query]) -> tuple[dict[str, float], list[str]]:
    server = start(site, "/")
    try:
        page = browser.new_page()
        box = SearchBox(page, f"http://127.0.0.1:{server.server_address[1]}/")
        ranks = []
        misses = []
        for query in queries:
            pages = ranked_pages(box, query)
            rank = pages.index(query.expected) + 1 if query.expected in pages else 0
            ranks.append(rank)
            if rank != 1:
                misses.append(f"{query.text} → expected {query.expected}, got {pages[:3] or 'nothing'}")
        page.close()
    finally:
        server.shutdown()
    count = len(ranks)
    scores = {
        "recall@1": sum(r == 1 for r in ranks) / count,
        "recall@3": sum(1 <= r <= 3 for r in ranks) / count,
        "MRR": sum(1 / r for r in ranks if r) / count,
    }
    return scores, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=Path, default=None, help="query table (default: tests/search-queries.tsv)")
    args = parser.parse_args()
    queries = read_queries(args.queries) if args.queries else read_queries()
    with tempfile.TemporaryDirectory() as tmp:
        configs = {"project": ROOT / "mkdocs.yml", "plain Material": plain_config(Path(tmp))}
        results = {}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for name, config in configs.items():
                site = Path(tmp) / name.replace(" ", "-")
                build(config, site)
                results[name] = measure(browser, site, queries)
            browser.close()
    print(f"search quality over {len(queries)} queries typed in Chromium (first result's page)")
    print(f"{'configuration':<16} {'recall@1':>9} {'recall@3':>9} {'MRR':>7}")
    for name, (scores, _) in results.items():
        print(f"{name:<16} {scores['recall@1']:9.3f} {scores['recall@3']:9.3f} {scores['MRR']:7.3f}")
    for name, (_, misses) in results.items():
        print(f"\n{name}: {len(misses)} not first")
        for miss in misses:
            print(f"  {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
