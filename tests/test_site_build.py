"""The real build: strict, checked by the hook, and complete on the real site."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gpt4qa.checks.article import check_site
from gpt4qa.sources.article import squash
from gpt4qa.sources.register import load_register
from helpers import ROOT, mkdocs_build

# Builds the real site (or a changed copy of it) itself.
pytestmark = pytest.mark.build

QUESTION_PAGES = sorted(p.stem for p in (ROOT / "docs").glob("q[0-9][0-9]*.md"))


@pytest.fixture(scope="module")
def site(pages_built) -> Path:
    folder, log = pages_built
    for edition in ("zh-Hans", "zh-Hant"):
        assert f"article check ({edition}): figures 25/25, sentences 179/179" in log
    assert "Building prefix dict" not in log  # jieba's chatter is silenced
    return folder


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_check_passes_on_the_real_site(site):
    report = check_site(site)
    assert report.problems == []
    assert report.summary().startswith("figures 25/25, sentences 179/179")


def reading_order(site: Path) -> list[tuple[str, BeautifulSoup]]:
    """(url, page) from the home page on, following each page's "next" link."""
    pages, url = [], ""
    while url is not None:
        page = soup(site, url)
        pages.append((url, page))
        following = page.select_one("a.md-footer__link--next")
        url = posixpath.normpath(posixpath.join(url, following["href"])).removeprefix(".") + "/" if following else None
        url = url.lstrip("/") if url is not None else None
    return pages


def article_headings() -> list[str]:
    """The article's ten question headings (setext headings "NN、…"), in article order."""
    lines = (ROOT / "source" / "article.md").read_text(encoding="utf-8").splitlines()
    return [line for line, rule in zip(lines, lines[1:]) if re.match(r"\d\d、", line) and re.fullmatch(r"-{3,}", rule)]


def test_ten_question_pages_in_article_order(site):
    headings = [page.h1.get_text().replace("¶", "") for url, page in reading_order(site) if url.startswith("q")]
    assert [squash(h) for h in headings] == [squash(h) for h in article_headings()]
    assert len(headings) == 10


def test_home_page_lists_every_question_with_a_link(site):
    page = soup(site, "")
    hrefs = [a["href"] for a in page.select("article a[href^=q]")]
    assert [h[:3] for h in hrefs] == [f"q{n:02d}" for n in range(1, 11)]
    assert page.html["lang"] == "zh-Hans"


def test_pages_are_titled_and_linked_in_navigation_order(site):
    order = reading_order(site)
    assert [url for url, _ in order] == ["", *(f"{name}/" for name in QUESTION_PAGES), "about/", "glossary/", "notes/", "sources/"]
    for number, (_url, page) in enumerate(order[1:11], start=1):
        assert page.title.get_text().startswith(f"Q{number}：")
        assert page.h1.get_text().startswith(f"{number:02d}、")
    # "Previous" walks the same way back.
    for (before, _), (url, page) in zip(order, order[1:]):
        previous = page.select_one("a.md-footer__link--prev")["href"]
        assert posixpath.normpath(posixpath.join(url, previous)).removeprefix(".").strip("/") == before.strip("/")


def test_answer_pages_carry_titled_caveats(site):
    kinds = {"speculation", "opinion", "unverified", "limitation", "dated", "erratum"}
    counts = {}
    for name in QUESTION_PAGES:
        found = [a for a in soup(site, name).select(".admonition") if kinds & set(a["class"])]
        assert all(a.select_one(".admonition-title").get_text().startswith("编者注 · ") for a in found)
        counts[name[:3]] = len(found)
    assert sum(counts.values()) >= 8
    assert all(counts[q] >= 1 for q in ("q03", "q05", "q06", "q10")), counts


def test_heading_ids_are_readable(site):
    for html in site.rglob("*.html"):
        ids = [h.get("id", "") for h in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("article :is(h2, h3)")]
        assert not [i for i in ids if re.fullmatch(r"_\d+|\d*", i)], html


def test_no_third_party_fonts_and_relative_images(site):
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text
        assert 'src="/images' not in text  # images stay relative, so a sub-path works


def copy_project(target: Path) -> Path:
    """What a page build reads: pages, templates, hooks, tables, config and the anchor contract."""
    from gpt4qa.run.mutants import copy_project as copy_sources

    copy_sources(target)
    return target


def test_build_fails_when_a_page_loses_a_sentence(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "q05-reasoning.md"
    page.write_text(page.read_text(encoding="utf-8").replace("需要注意的是，", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "article check failed" in result.stderr
    assert "sentence missing from /q05-reasoning/ (article line 166, Q5): 需要注意的是，GPT-4基础模型" in result.stderr


def test_build_fails_when_a_page_drops_a_figure(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "q06-safety.md"
    page.write_text(page.read_text(encoding="utf-8").replace("![](images/jueJin/04eb873e90ae482.png)", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "图 23 (04eb873e90ae482) missing: belongs on /q06-safety/" in result.stderr


def test_every_note_that_must_cite_a_source_links_it_and_its_register_entry(site):
    from gpt4qa.render.caveats import NEEDS_SOURCE

    register = load_register()
    checked = 0
    for page in sorted(site.glob("q*/index.html")) + [site / "index.html", site / "about" / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert "src:" not in html, f"{page}: a citation left unrendered"
        for note in BeautifulSoup(html, "html.parser").select(".editor-note"):
            kind = note["id"].split("-")[1]
            hrefs = [a["href"] for a in note.find_all("a", href=True)]
            entries = [h.split("#", 1)[1] for h in hrefs if "sources/#" in h]
            assert all(entry in register.sources for entry in entries)
            if kind in NEEDS_SOURCE:
                checked += 1
                # A note whose source is the article itself links the page it quotes instead.
                on_site = [h for h in hrefs if not h.startswith(("http", "#")) and "sources/" not in h]
                assert entries or on_site, f"{page.parent.name}: note {note['id']} links no source of the register"
                assert {register.sources[e].url for e in entries} <= set(hrefs)
    assert checked >= 20


def test_the_sources_page_lists_every_source_and_search_finds_it_by_its_name_only(site):
    register = load_register()
    page = soup(site, "sources")
    ids = {h["id"] for h in page.select("article h3[id]")}
    assert ids == set(register.sources)
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    held = [doc for doc in docs if doc["location"].startswith("sources/")]
    # Its title and description, not its entries (which would outrank the answers citing them).
    assert [(doc["location"], doc["title"].replace("\u200b", "")) for doc in held] == [("sources/", "参考来源")]
    assert held[0]["text"].replace("\u200b", "") == page.select_one("meta[name=description]")["content"]
