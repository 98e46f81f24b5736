"""The real build: strict, checked by the hook, and complete on the real site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from check_article import check_site
from conftest import ROOT, mkdocs_build

QUESTION_PAGES = sorted(p.stem for p in (ROOT / "docs").glob("q[0-9][0-9]*.md"))


@pytest.fixture(scope="module")
def site(built) -> Path:
    folder, log = built
    assert "article check: figures 25/25" in log
    assert "Building prefix dict" not in log  # jieba's chatter is silenced
    return folder


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_check_passes_on_the_real_site(site):
    report = check_site(site)
    assert report.problems == []
    assert report.summary().startswith("figures 25/25, sentences 179/179")


def test_ten_question_pages_in_article_order():
    assert [name[:3] for name in QUESTION_PAGES] == [f"q{n:02d}" for n in range(1, 11)]


def test_home_page_lists_every_question_with_a_link(site):
    page = soup(site, "")
    hrefs = [a["href"] for a in page.select("article a[href^=q]")]
    assert [h[:3] for h in hrefs] == [f"q{n:02d}" for n in range(1, 11)]
    assert page.html["lang"] == "zh"


@pytest.mark.parametrize("name", QUESTION_PAGES)
def test_question_pages_are_titled_and_linked_in_order(site, name):
    page = soup(site, name)
    number = int(name[1:3])
    assert page.title.get_text().startswith(f"Q{number}：")
    assert page.h1.get_text().startswith(f"{number:02d}、")
    footer = page.select(".md-footer__link")
    assert len(footer) == 2  # previous and next


def test_caveats_next_to_their_claims(site):
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
    for name in ("docs", "overrides", "scripts", "source"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_build_fails_when_a_page_loses_a_sentence(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "q05-reasoning.md"
    page.write_text(page.read_text(encoding="utf-8").replace("需要注意的是，", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "article check failed" in result.stderr
    assert "sentence missing (article line 166, Q5): 需要注意的是，GPT-4基础模型" in result.stderr


def test_build_fails_when_a_page_drops_a_figure(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "q06-safety.md"
    page.write_text(page.read_text(encoding="utf-8").replace("![](images/jueJin/04eb873e90ae482.png)", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "图 23 (04eb873e90ae482) missing: belongs on /q06-safety/" in result.stderr
