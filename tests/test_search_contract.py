"""The contract between Material's search UI and the project's search worker, pinned against the
theme's own source (the TypeScript in the installed bundle's source map), so a theme upgrade that
changes a message shape, a field the UI reads or the way an answer reaches the page fails here, in
a second, rather than in a reader's browser.

Each check reads one fact from Material's source and says which file of ours depends on it.
"""

from __future__ import annotations

import json
import re
import textwrap
from functools import cache
from pathlib import Path

import material
import pytest

from helpers import ROOT

THEME = Path(material.__file__).parent / "templates"
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "search-engine.js"
NOTICE = ROOT / "docs" / "javascripts" / "search-notice.js"
CONFIG_PARTIAL = ROOT / "overrides" / "partials" / "config.html"


@cache
def material_sources() -> dict[str, str]:
    """Material's TypeScript, from the source maps of the bundle and the worker its base.html
    names (the worker's holds the types of an answer, SearchResult and SearchItem)."""
    base = (THEME / "base.html").read_text(encoding="utf-8")
    scripts = re.findall(r"assets/javascripts/((?:workers/)?(?:bundle|search)\.[0-9a-f]+\.min\.js)", base)
    assert len(scripts) == 2, f"Material's base.html no longer names one bundle and one worker: {scripts}"
    found: dict[str, str] = {}
    for script in scripts:
        mapped = json.loads((THEME / "assets" / "javascripts" / f"{script}.map").read_text(encoding="utf-8"))
        found.update(zip(mapped["sources"], mapped["sourcesContent"], strict=True))
    return found


def source(suffix: str) -> str:
    found = [text for name, text in material_sources().items() if name.endswith(suffix)]
    assert len(found) == 1, f"Material's source has no single {suffix}"
    return found[0]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- what the worker and the UI exchange ----------------------------------------------------------

def test_message_numbers_are_materials_enum_order():
    enum = re.search(r"enum SearchMessageType \{(.*?)\}", source("search/worker/message/index.ts"), re.S)
    names = re.findall(r"^\s*([A-Z]+),?", enum.group(1), re.M)
    assert names == ["SETUP", "READY", "QUERY", "RESULT"]
    ours = re.search(r"var SETUP = (\d), READY = (\d), QUERY = (\d), RESULT = (\d);", WORKER.read_text(encoding="utf-8"))
    assert ours and [int(n) for n in ours.groups()] == [0, 1, 2, 3]


def test_the_ui_hands_the_worker_the_index_config_docs_and_the_suggest_option():
    setup = squeezed(source("search/worker/_/index.ts"))
    assert ".subscribe(({ config, docs }) => worker$.next({ type: SearchMessageType.SETUP, data: { config, docs, " \
           "options: { suggest: feature(\"search.suggest\") } } }))" in setup


def test_the_ui_fetches_the_index_the_project_writes():
    bundle = squeezed(source("javascripts/bundle.ts"))
    assert 'new URL("search/search_index.json", config.base)' in bundle
    assert 'new URL("search/search_index.js", config.base)' in bundle and "map(() => __index)" in bundle


def test_the_ui_sends_the_query_as_typed_and_reads_items_and_suggest():
    query = squeezed(source("components/search/query/index.ts"))
    assert "worker$.next({ type: SearchMessageType.QUERY, data: value })" in query
    result = squeezed(source("integrations/search/_/index.ts"))
    assert "export interface SearchResult { items: SearchItem[][] /* Search items */ suggest?: string[]" in result
    suggest = squeezed(source("components/search/suggest/index.ts"))
    assert "const last = suggest[suggest.length - 1] if (last.startsWith(words[words.length - 1]))" in suggest


def test_a_result_item_is_read_for_the_fields_the_worker_gives():
    """Material renders each item's title, text (HTML), score and terms, and takes the page's own
    entry (the one without "#") as the head of its group."""
    render = source("templates/search/index.tsx")
    read = set(re.findall(r"document\.(\w+)", render))
    assert read == {"terms", "location", "score", "title", "text", "tags"}
    assert "return !l.includes(\"#\")" in render
    item = squeezed(source("integrations/search/_/index.ts"))
    assert "export interface SearchItem extends SearchDocument { score: number /* Score (relevance) */ " \
           "terms: SearchQueryTerms" in item
    worker = WORKER.read_text(encoding="utf-8")
    assert "{ location: doc.location, title: highlight(doc.title, pattern), text: teaser(doc.text, pattern)," in worker


def test_an_answer_reaches_the_page_with_its_own_fields():
    """javascripts/search-notice.js reads `partial` and `error` off the result component, which
    Material emits as the answer's data spread beside the list's element."""
    result = squeezed(source("components/search/result/index.ts"))
    assert "map(({ data }) => data) )" in result and "map(state => ({ ref: el, ...state }))" in result
    assert "window.component$ = component$" in source("javascripts/bundle.ts")
    notice = NOTICE.read_text(encoding="utf-8")
    assert 'ref.matches("[data-md-component=search-result]")' in notice
    assert "component.partial" in notice and "component.error" in notice


def test_the_page_highlighter_reads_the_separator_from_the_index():
    highlight = squeezed(source("components/search/highlight/index.ts"))
    assert "setupSearchHighlighter(index.config)" in highlight
    assert "config.separator" in source("integrations/search/highlighter/index.ts")


# --- the page's configuration ----------------------------------------------------------------------

def _materials_config_block() -> str:
    base = (THEME / "base.html").read_text(encoding="utf-8")
    block = re.search(r"\{% block config %\}\n(.*?)\n\s*\{% endblock %\}", base, re.S)
    assert block, "Material's base.html has no config block"
    return textwrap.dedent(block.group(1))


OUR_CHANGES = (
    re.compile(r'^\s*"search\.(result\.partial|index\.stale)": .*\n', re.M),
    re.compile(r'"search": "assets/javascripts/workers/search-engine\.js" \| url'),
)


def ours_as_materials(partial: str) -> str:
    """Our config partial with its two changes undone: Material's block, if nothing else changed."""
    body = re.sub(r"\{#-.*?-#\}\n", "", partial, flags=re.S)
    body = OUR_CHANGES[0].sub("", body)
    body = body.replace('lang.t("select.version"),\n', 'lang.t("select.version")\n')
    return OUR_CHANGES[1].sub('"search": "assets/javascripts/workers/search.X.min.js" | url', body)


def materials_as_compared(block: str) -> str:
    return re.sub(r"workers/search\.[0-9a-f]+\.min\.js", "workers/search.X.min.js", block)


def test_the_config_partial_is_materials_block_but_the_worker_and_two_notices():
    assert squeezed(ours_as_materials(CONFIG_PARTIAL.read_text(encoding="utf-8"))) == \
        squeezed(materials_as_compared(_materials_config_block()))


def test_a_changed_config_block_upstream_is_told():
    upstream = _materials_config_block().replace('"tags": _.tags or none,', '"tags": _.tags or none,\n"palette": 1,')
    assert squeezed(ours_as_materials(CONFIG_PARTIAL.read_text(encoding="utf-8"))) != \
        squeezed(materials_as_compared(upstream))


@pytest.mark.parametrize("text", ["importScripts", "lunr", "search.a7633da7"])
def test_the_worker_loads_nothing_of_materials(text):
    assert text not in WORKER.read_text(encoding="utf-8")
