"""The hosted site: metadata for search engines and previews, no third-party requests,
and byte-identical builds."""

from __future__ import annotations

import filecmp
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from gpt4qa.render.page_meta import first_sentence, robots_txt
from helpers import HOSTED_URL, ROOT, mkdocs_build

# Builds the real site (or a changed copy of it) itself.
pytestmark = pytest.mark.build

PAGES = ["", "q01-what-is-gpt-4/", "q02-improvements/", "q03-training/", "q04-applications/", "q05-reasoning/",
         "q06-safety/", "q07-engineers/", "q08-trends/", "q09-paper/", "q10-agi/", "about/", "glossary/", "notes/",
         "print_page/"]


def head(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


# Every page of both editions: the Traditional one's below zh-Hant/.
EDITION_LANGS = {"": ("zh-Hans", "zh_CN"), "zh-Hant/": ("zh-Hant", "zh_TW")}


@pytest.mark.parametrize("url", [prefix + url for prefix in EDITION_LANGS for url in PAGES[:-1]])
def test_every_page_has_description_canonical_and_previews(pages_site, url):
    page = head(pages_site, url)
    lang, locale = EDITION_LANGS["zh-Hant/" if url.startswith("zh-Hant/") else ""]
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description and description[-1] in "。！？：", description
    assert page.find("link", rel="canonical")["href"].endswith("/" + url)
    title = page.find("meta", property="og:title")["content"]
    assert title and page.find("meta", property="og:description")["content"] == description
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    assert page.html["lang"] == lang
    assert page.find("meta", property="og:locale")["content"] == locale


def test_answer_description_is_its_first_sentence(pages_site):
    page = head(pages_site, "q01-what-is-gpt-4/")
    assert page.find("meta", attrs={"name": "description"})["content"] == (
        "GPT-4（Generative Pre-trained Transformer 4）是 OpenAI 发布的最新 GPT 系列模型。"
    )


def test_sitemap_robots_and_chinese_404(pages_site):
    sitemap = (pages_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") >= 12
    assert "Sitemap: " in (pages_site / "robots.txt").read_text(encoding="utf-8")
    missing = BeautifulSoup((pages_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert "页面不存在" in missing.get_text() and "返回首页" in missing.get_text()
    converted = BeautifulSoup((pages_site / "zh-Hant" / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert "頁面不存在" in converted.get_text() and "返回首頁" in converted.get_text()


def test_first_sentence_skips_editorial_parts():
    html = '<h1>标题</h1><div class="admonition"><p>编者注。</p></div><figure><figcaption>图。</figcaption></figure><p>第一句。第二句。</p>'
    assert first_sentence(BeautifulSoup(html, "html.parser")) == "第一句。"
    assert first_sentence(BeautifulSoup("<p>" + "长" * 300 + "</p>", "html.parser")).endswith("…")


def test_robots_names_the_sitemap():
    assert robots_txt("https://u.github.io/repo/").endswith("Sitemap: https://u.github.io/repo/sitemap.xml\n")


def record_foreign_requests(browser, served_pages: str, visit, **options) -> list[str]:
    """Run `visit(page)` and return every request for another host than the site's.
    Such requests are aborted, so the test itself never sends traffic off this machine."""
    host = urlsplit(served_pages).netloc
    context = browser.new_context(**options)
    foreign: list[str] = []

    def guard(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route(lambda url: urlsplit(url).scheme in ("http", "https", "ws", "wss"), guard)
    try:
        visit(context.new_page())
    finally:
        context.close()
    return foreign


def test_no_request_leaves_the_site(browser, served_pages):
    """Every page, opened in Chromium, asks only the site's own host for anything."""

    def visit(page):
        # Each page until it has loaded (its scripts have run and asked for what they load at once),
        # the last until the network is quiet too: a page's late requests are the same on every page.
        for url in PAGES:
            page.goto(served_pages + url, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.goto(served_pages)
        page.locator("input.md-search__input").click()  # the search worker and its index
        page.keyboard.type("参数量")
        page.keyboard.press("End")  # Chinese arrives by insertText: commit it as an IME would
        page.wait_for_selector(".md-search-result__item")

    assert record_foreign_requests(browser, served_pages, visit) == []


def test_a_third_party_request_is_caught(browser, served_pages):
    def visit(page):
        page.goto(served_pages)
        # Aborted by the guard: the request has failed once the guard has recorded it.
        with page.expect_event("requestfailed", lambda request: request.url == "https://fonts.example.invalid/f.png"):
            page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"https://fonts.example.invalid/f.png\">')")

    # Without the pages' content security policy, which refuses the image before any request is
    # made (tests/test_policy_browser.py): the guard is proved on its own.
    assert record_foreign_requests(browser, served_pages, visit, bypass_csp=True) == ["https://fonts.example.invalid/f.png"]


def test_two_builds_are_byte_identical(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": HOSTED_URL}
    for name in ("one", "two"):
        result = mkdocs_build(ROOT, tmp_path / name, **env)
        assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(tmp_path / "one", tmp_path / "two")

    def differences(cmp: filecmp.dircmp) -> list[str]:
        found = cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    # dircmp compares shallowly by stat: compare contents of every file instead.
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    changed = [str(f) for f in files if (tmp_path / "one" / f).read_bytes() != (tmp_path / "two" / f).read_bytes()]
    assert differences(comparison) == [] and changed == []
    assert "<lastmod>2023-11-14</lastmod>" in (tmp_path / "one" / "sitemap.xml").read_text(encoding="utf-8")
