"""Each search behaviour the README promises, on a small fixture site pages_built for it, so each test
fails when its behaviour goes: every piece of a query required first, pages holding the reader's
words verbatim ranked above pages holding them apart, and any piece enough when none has all."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from gpt4qa.run.search_driver import SearchBox, page_key
from gpt4qa.run.server import start
from gpt4qa.search.data import write_data
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
    "together.md": "# 丁\n\nneural editing 一次。\n",
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
    shutil.copy(ROOT / "overrides" / "partials" / "search-zh-config.html", theme / "partials")
    (theme / "main.html").write_text(
        '{% extends "base.html" %}{% block config %}{{ super() }}{% include "partials/search-zh-config.html" %}'
        "{% endblock %}", encoding="utf-8")
    separator = _project_separator()
    (root / "mkdocs.yml").write_text(CONFIG.format(separator=separator.replace("'", "''")), encoding="utf-8")
    assert yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"][0]["search"]["separator"] == separator
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr
    write_data(root / "site", Sources().vocabulary)  # what the project's build hook writes after every build
    server = start(root / "site", "/")
    with checked_page(browser) as page:
        yield SearchBox(page, f"http://127.0.0.1:{server.server_address[1]}/")
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


NOTICE = ".search-partial-notice"


def notice(search: SearchBox) -> str:
    shown = search.page.locator(NOTICE)
    return shown.inner_text() if shown.count() and shown.is_visible() else ""


def test_any_piece_is_enough_when_no_page_has_them_all_and_the_reader_is_told(fixture_search):
    # Both words are in the index, each on one page: no page has both.
    assert set(keys(fixture_search, "纠缠 一次")) == {"both", "together"}
    assert notice(fixture_search) == "没有完全匹配的结果，以下是相关内容"
    # A query some page answers whole says nothing of the kind.
    assert keys(fixture_search, "量子纠缠") == ["both"]
    assert notice(fixture_search) == ""
