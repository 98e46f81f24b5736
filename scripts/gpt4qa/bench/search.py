"""Benchmark: search quality, payload and speed of this site next to plain Material and Pagefind.

Builds this configuration and a plain Material one from the same docs/, indexes the plain build's
pages with Pagefind 1.5.2 (extended, for Chinese; installed from requirements-bench.txt), serves
each on localhost and asks every query of three sets in Chromium: keywords
(tests/search-queries.tsv), whole questions (tests/search-questions.tsv) and Traditional /
Taiwan / Hong Kong wording (tests/search-traditional.tsv), and of any set named with --set (sets
kept out of the repository, so the ranking is measured on queries it was not tuned on). Material's
sites are asked by typing into the search box; Pagefind by its JavaScript API, as its UI asks.
Every other edition of this site (the Traditional one, at zh-Hant/) is asked the same sets with its
own index. Prints recall@1, recall@3, MRR and empty results per set, the search payload (gzip: index,
worker, notice script, dictionaries, Pagefind's chunks and wasm), the median and 95th-percentile
time from the last keystroke to results, and the time this site's index takes to write.

    python scripts/docs.py bench search [--misses] [--set NAME=FILE.tsv ...]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from gpt4qa.bench.plain import ROOT, build, plain_config
from gpt4qa.core.editions import EDITIONS
from gpt4qa.run.browser import launch
from gpt4qa.run.search_driver import QUERY_SETS, Query, SearchBox, page_key, read_queries
from gpt4qa.run.server import start

SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/workers/", "/assets/javascripts/lunr/", "/pagefind/",
                "/javascripts/search-notice.js")
_PAGEFIND = """async query => {
  window.__pagefind = window.__pagefind || await import("./pagefind/pagefind.js");
  const started = performance.now();
  const found = await window.__pagefind.search(query);
  const data = await Promise.all((found ? found.results : []).slice(0, 10).map(result => result.data()));
  return { ms: performance.now() - started, urls: data.map(item => item.url) };
}"""


def pages_in_order(hrefs: list[str], base: str) -> list[str]:
    pages: list[str] = []
    for href in hrefs:
        key = page_key(href, base)
        if key not in pages:
            pages.append(key)
    return pages


class Session:
    """One configuration in one browser page: asks queries, records what search downloaded."""

    def __init__(self, browser, site: Path, engine: str) -> None:
        self.server = start(site, "/")
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.engine = engine
        self.page = browser.new_page()
        self.payload: dict[str, int] = {}
        self.page.on("response", self._record)
        if engine == "pagefind":
            self.page.goto(self.base)
        else:
            self.box = SearchBox(self.page, self.base)

    def _record(self, response) -> None:
        path = response.url.removeprefix(self.base.rstrip("/"))
        if response.ok and any(part in path for part in SEARCH_FILES) and path not in self.payload:
            try:
                self.payload[path] = len(gzip.compress(response.body(), 9))
            except Exception:  # a response whose body is gone (a redirect): nothing downloaded
                pass

    def ask(self, query: str) -> tuple[list[str], float]:
        if self.engine == "pagefind":
            answer = self.page.evaluate(_PAGEFIND, query)
            return pages_in_order([self.base + url.lstrip("/") for url in answer["urls"]], self.base), answer["ms"] / 1000
        hrefs = self.box.results(query)
        return pages_in_order(hrefs, self.base), self.box.latency

    def close(self) -> None:
        self.page.close()
        self.server.shutdown()


def score(ranks: list[int]) -> dict[str, float]:
    count = len(ranks) or 1
    return {
        "recall@1": sum(r == 1 for r in ranks) / count,
        "recall@3": sum(1 <= r <= 3 for r in ranks) / count,
        "MRR": sum(1 / r for r in ranks if r > 0) / count,
        "empty": sum(r == -1 for r in ranks),
    }


def measure(session: Session, queries: list[Query]) -> tuple[dict[str, float], list[str], list[float]]:
    ranks, misses, times = [], [], []
    for query in queries:
        pages, seconds = session.ask(query.text)
        times.append(seconds)
        wanted = query.expected.split("|")
        rank = min((pages.index(w) + 1 for w in wanted if w in pages), default=0) if pages else -1
        ranks.append(rank)
        if rank != 1:
            misses.append(f"{query.text} → {query.expected}, got {pages[:3] or 'nothing'}")
    return score(ranks), misses, times


def pagefind_site(plain: Path, target: Path) -> Path:
    subprocess.run(["cp", "-r", str(plain), str(target)], check=True)
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(target), "--root-selector", "article",
                    "--force-language", "zh"], check=True, capture_output=True)
    return target


def index_time(site: Path, rounds: int = 5) -> float:
    """The median time to write the site's search index from its built pages (the build hook's step)."""
    from gpt4qa.core.project import SEARCH_TERMS
    from gpt4qa.search import dictionary, index
    from gpt4qa.search.data import rewrite_index
    from gpt4qa.sources.bundle import Sources

    before = (site / index.INDEX_FILE).read_bytes()
    sources, segmenter = Sources(), dictionary.Segmenter(dictionary.DICTIONARY, SEARCH_TERMS)
    times = [rewrite_index(site, vocabulary=sources.vocabulary, glossary=sources.glossary, segmenter=segmenter)[1]
             for _ in range(rounds)]
    assert (site / index.INDEX_FILE).read_bytes() == before, "the index written again differs from the build's"
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py bench search", description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the queries each configuration misses")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=FILE",
                        help="one more query set (same columns as tests/search-queries.tsv)")
    args = parser.parse_args(argv)
    try:
        import pagefind  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", str(ROOT / "requirements-bench.txt")], check=True)
    sets = {name: read_queries(path) for name, path in QUERY_SETS.items()}
    for extra in args.set:
        name, _, path = extra.partition("=")
        sets[name] = read_queries(Path(path))
    with tempfile.TemporaryDirectory() as tmp:
        sites = {"this site": Path(tmp) / "project", "plain Material": Path(tmp) / "plain"}
        build(ROOT / "mkdocs.yml", sites["this site"])
        build(plain_config(Path(tmp)), sites["plain Material"])
        sites["Pagefind 1.5.2"] = pagefind_site(sites["plain Material"], Path(tmp) / "pagefind")
        # Every other edition with its own index (its pages' addresses are the Simplified ones'
        # below its prefix, so the sets' expected pages hold for it as they are).
        for edition in EDITIONS[1:]:
            sites[f"this site, {edition.key} edition"] = sites["this site"] / edition.prefix
        written = index_time(sites["this site"])
        results = {}
        # The configurations in the order printed: this site's editions first.
        sites = dict(sorted(sites.items(), key=lambda item: not item[0].startswith("this site")))
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for name, site in sites.items():
                session = Session(browser, site, "pagefind" if name.startswith("Pagefind") else "material")
                results[name] = {label: measure(session, queries) for label, queries in sets.items()}
                results[name]["payload"] = sum(session.payload.values())
                session.close()
            browser.close()
    print("search benchmark, one run, same docs/, Chromium on this machine")
    header = "".join(f" | {label} r@1 / r@3 / MRR / empty" for label in sets)
    print(f"configuration{header} | payload (gzip) | latency median / p95")
    for name, result in results.items():
        cells = "".join(
            f" | {s['recall@1']:.2f} / {s['recall@3']:.2f} / {s['MRR']:.2f} / {s['empty']:.0f} of {len(sets[label])}"
            for label in sets for s in [result[label][0]]
        )
        times = sorted(t for label in sets for t in result[label][2])
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{name}{cells} | {result['payload'] / 1024:.1f} KB | {statistics.median(times) * 1000:.0f} / {p95 * 1000:.0f} ms")
    plain = results["plain Material"]["payload"]
    print(f"payload, this site / plain Material: {results['this site']['payload'] / plain:.2f}×; "
          f"this site's index written in {written:.3f} s (median of 5)")
    if args.misses:
        for name, result in results.items():
            for label in sets:
                for miss in result[label][1]:
                    print(f"{name} · {label}: {miss}")
    return 0

