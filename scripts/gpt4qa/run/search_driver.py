"""Type queries into the site's search box in Chromium and read the results, as a reader would.

Shared by the search benchmark (gpt4qa/bench/search.py) and the browser tests, so both measure
the same thing: Material's own search UI and worker, on a built site served on localhost.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from gpt4qa.core.project import TESTS

QUERY_TABLE = TESTS / "search-queries.tsv"
# The query sets: keywords, whole questions, Traditional and regional wording.
QUERY_SETS = {
    "keywords": QUERY_TABLE,
    "whole questions": TESTS / "search-questions.tsv",
    "Traditional": TESTS / "search-traditional.tsv",
}


@dataclass(frozen=True)
class Query:
    text: str
    expected: str  # the page that must come first, as its q-number ("q03") or path ("about"); "|" between alternatives
    intent: str


def read_queries(path: Path = QUERY_TABLE) -> list[Query]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    return [Query(text, expected, intent) for text, expected, intent, *_ in rows]


def first_is_expected(pages: list[str], query: Query) -> bool:
    return bool(pages) and pages[0] in query.expected.split("|")


def page_key(href: str, base: str) -> str:
    """'q03' for any address on the q03-… page, 'about' for about/, '' for the home page."""
    path = urlsplit(href).path.removeprefix(urlsplit(base).path).strip("/")
    return path[:3] if path[:1] == "q" and path[1:3].isdigit() else path


# Count the search queries the page sends to Material's worker and the results it gets back
# (Material's worker protocol: QUERY = 2, RESULT = 3), so a reader's last keystroke can be
# known answered, rather than guessed from a quiet moment. Installed before any page script.
_COUNT_REPLIES = """(() => {
  const Native = window.Worker;
  const state = window.__search = { sent: 0, answered: 0, last: null, sentAt: 0, answeredAt: 0 };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) { state.answered += 1; state.answeredAt = performance.now(); }
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { state.sent += 1; state.last = message.data; state.sentAt = performance.now(); }
      return super.postMessage(message, ...rest);
    }
  };
})();"""

# The last query typed has been sent and answered, and the answer drawn (two frames later).
_ANSWERED = """() => {
  const state = window.__search, box = document.querySelector("input.md-search__input");
  if (!state || state.last !== box.value || state.answered < state.sent) return false;
  return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));
}"""


class SearchBox:
    """The search box of one open page; `results` returns the result links in order."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base
        page.add_init_script(_COUNT_REPLIES)
        page.goto(base)
        self.placeholder = page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent)"
            ".translations['search.result.placeholder']"
        )
        self.box = page.locator("input.md-search__input")
        self.box.click()
        # The worker has indexed the site once the placeholder replaces "initialising".
        page.wait_for_function(self._placeholder_shown())

    def clear(self) -> None:
        self.box.fill("")
        self.page.keyboard.press("End")
        self.page.wait_for_function(self._placeholder_shown())

    def _placeholder_shown(self) -> str:
        # A function, not an expression: Playwright polls an expression with eval in the page, which
        # the pages' content security policy refuses (no 'unsafe-eval'); a function it calls as such.
        return f"() => document.querySelector('.md-search-result__meta').textContent === {self.placeholder!r}"

    def type(self, query: str) -> None:
        self.clear()
        self.page.keyboard.type(query)
        # Chinese arrives by insertText and fires no keyup: press a key, as an IME commit would.
        self.page.keyboard.press("End")
        if self.page.evaluate("document.querySelector('input.md-search__input').value.trim()"):
            self.page.wait_for_function(_ANSWERED)
        # From the last keystroke's query to its answer, measured in the page (a frame more draws it).
        self.latency = self.page.evaluate("window.__search.answeredAt - window.__search.sentAt") / 1000

    def results(self, query: str) -> list[str]:
        """Hrefs of the top-level result of each page, best first."""
        self.type(query)
        return self.page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
        )

    def section_links(self) -> list[str]:
        return self.page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")

