"""Each search behaviour the README promises, on a small fixture site built for it with the
project's worker and index writer, so each test fails when its behaviour goes: every piece of a
query required first, pages holding the reader's words verbatim ranked above pages holding them
apart, any piece enough when none has all, the editor's notes weighing less than the author's
text, and an index of another version refused where the reader sees it."""

from __future__ import annotations

import json
import shutil
import textwrap

import pytest

from gpt4qa.core.project import SEARCH_TERMS
from gpt4qa.run.search_driver import SearchBox, page_key
from gpt4qa.run.server import start
from gpt4qa.search import dictionary, index
from gpt4qa.search.data import write_index
from gpt4qa.sources.bundle import Sources
from helpers import ROOT, checked_page, mkdocs_build

# Builds the real site (or a changed copy of it) itself.
pytestmark = pytest.mark.build

PAGES = {
    "index.md": "# 首页\n\n测验站点。\n",
    # Many mentions of one piece, none of the other: the top page when pieces are optional.
    "many.md": "# 甲\n\n" + "量子 " * 12 + "。\n\n量子计算的一些背景。\n",
    # Both pieces, once each: the only page that has all of the query.
    "both.md": "# 乙\n\n量子 与 纠缠 的 关系。\n",
    # The reader's two words apart, several times: more hits than the page with the phrase.
    "apart.md": "# 丙\n\n" + "neural networks need editing. " * 4 + "\n",
    # The reader's two words together, once: the phrase the reader typed.
    "together.md": "# 丁\n\nneural editing 蒸馏。\n",
    # A page about a thing, and one whose editor's note names it more often than the answer does.
    "answer.md": "# 戊\n\n光刻机 的 原理 与 用途。\n",
    "noted.md": "# 己\n\n别的正文。\n\n!!! note \"编者注\"\n\n    " + "光刻机、" * 8 + "都 见 别处。\n",
    # Pages about something else, so each word above is held by few pages, as on the real site.
    **{f"other{n}.md": f"# 其他 {n}\n\n无关的文字，第 {n} 页。\n" for n in range(1, 5)},
}

CONFIG = textwrap.dedent(
    """\
    site_name: 搜索测验
    theme:
      name: material
      language: zh
      font: false
      custom_dir: theme
      features: [search.suggest, search.highlight]
    extra_javascript: [javascripts/search-notice.js]
    markdown_extensions: [admonition]
    plugins:
      - search:
          lang: zh
          separator: '{separator}'
    """
)


@pytest.fixture(scope="module")
def fixture_search(browser, tmp_path_factory):
    """The fixture site, pages_built with the project's search wrapper and separator, and a search box."""
    import yaml

    root = tmp_path_factory.mktemp("search-site")
    for name, text in PAGES.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    theme = root / "theme"
    shutil.copytree(ROOT / "overrides" / "assets", theme / "assets")
    (theme / "partials").mkdir(parents=True)
    shutil.copy(ROOT / "overrides" / "partials" / "config.html", theme / "partials")
    (theme / "main.html").write_text(
        '{% extends "base.html" %}{% block config %}{% include "partials/config.html" %}{% endblock %}', encoding="utf-8")
    (root / "docs" / "javascripts").mkdir()
    shutil.copy(ROOT / "docs" / "javascripts" / "search-notice.js", root / "docs" / "javascripts")
    separator = _project_separator()
    (root / "mkdocs.yml").write_text(CONFIG.format(separator=separator.replace("'", "''")), encoding="utf-8")
    assert yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"][0]["search"]["separator"] == separator
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr
    # What the project's build hook writes after every build: the index, from the built pages.
    urls = ["" if name == "index.md" else name.removesuffix(".md") + "/" for name in PAGES]
    sources = Sources()
    write_index(root / "site", index.built_pages(root / "site", [(url, False) for url in urls]), edition="zh-Hans",
                separator=separator,
                vocabulary=sources.vocabulary, glossary=sources.glossary,
                segmenter=dictionary.Segmenter(dictionary.DICTIONARY, SEARCH_TERMS))
    server = start(root / "site", "/")
    with checked_page(browser) as page:
        box = SearchBox(page, f"http://127.0.0.1:{server.server_address[1]}/")
        box.site_dir = root / "site"
        yield box
    server.shutdown()


def _project_separator() -> str:
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("separator:"):
            value = line.split(":", 1)[1].strip()
            return value[1:-1].replace("''", "'")
    raise AssertionError("mkdocs.yml has no search separator")


def keys(search: SearchBox, query: str) -> list[str]:
    return [page_key(href, search.base).rstrip("/") for href in search.results(query)]


def test_every_piece_is_required_first(fixture_search):
    assert keys(fixture_search, "量子纠缠") == ["both"]


def test_pages_with_the_words_verbatim_rank_first(fixture_search):
    found = keys(fixture_search, "neural editing")
    assert found[0] == "together" and "apart" in found


NOTICE = ".search-notice"


def notice(search: SearchBox) -> str:
    shown = search.page.locator(NOTICE)
    return shown.inner_text() if shown.count() and shown.is_visible() else ""


def test_any_piece_is_enough_when_no_page_has_them_all_and_the_reader_is_told(fixture_search):
    # Both words are in the index, each on one page: no page has both.
    assert set(keys(fixture_search, "纠缠 蒸馏")) == {"both", "together"}
    assert notice(fixture_search) == "没有完全匹配的结果，以下是相关内容"
    # A query some page answers whole says nothing of the kind.
    assert keys(fixture_search, "量子纠缠") == ["both"]
    assert notice(fixture_search) == ""


def test_an_editors_note_naming_a_word_often_does_not_outrank_the_answer(fixture_search):
    assert keys(fixture_search, "光刻机")[0] == "answer"


def test_an_index_of_another_version_is_told_to_the_reader(fixture_search):
    """A page served with an index of another version (a stale cache, a half-finished deploy):
    the reader is told, rather than shown wrong results."""
    path = fixture_search.site_dir / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["config"]["engine"]["version"] = index.VERSION + 1
    original = path.read_text(encoding="utf-8")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page = fixture_search.page.context.new_page()
    try:
        stale = SearchBox(page, fixture_search.base)
        assert stale.results("量子纠缠") == []
        assert notice(stale) == "搜索索引与本页不是同一版本，请刷新页面后再搜索"
    finally:
        page.close()
        path.write_text(original, encoding="utf-8")
