"""The Traditional edition (繁體中文版): its conversion and override table, the check that nothing
of it is left in Simplified, and the built edition beside the Simplified one: the same pages and
section ids, a switch to the same page, hreflang alternates, the sitemap, and its own search."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gpt4qa.checks.characters import check_characters
from gpt4qa.core.editions import SIMPLIFIED, TRADITIONAL
from gpt4qa.core.errors import InputError
from gpt4qa.core.shown_text import convert_html, visible_text
from gpt4qa.search.data import edition_conversions
from gpt4qa.sources.conversion import Converter, load_overrides, simplified_only
from helpers import HOSTED_URL, ROOT
from test_publish import PAGES


@pytest.fixture(scope="module")
def convert() -> Converter:
    return Converter.load(TRADITIONAL)


def write_overrides(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "traditional.yml"
    path.write_text("# overrides\noverrides:\n" + rows, encoding="utf-8")
    return path


# --- the conversion ---------------------------------------------------------------------------------

def test_opencc_writes_taiwan_words_and_the_table_corrects_it(convert):
    assert convert.opencc("软件和信息、网络、程序、数据、视频") == "軟體和資訊、網路、程式、資料、影片"
    # s2twp alone gives 引數 (a function's argument); the table keeps a model's 參數.
    assert convert.opencc("参数量") == "引數量"
    assert convert("参数量很大") == "參數量很大"


def test_an_override_inside_a_longer_text_is_held_out_of_openccs_phrases(tmp_path):
    path = write_overrides(tmp_path, "  - simplified: 发布\n    traditional: 發布\n    why: a text is published.\n")
    converter = Converter("s2twp", load_overrides(path), path)
    assert converter.opencc("发布：腾讯云开发者") == "釋出：騰訊雲開發者"
    assert converter("发布：腾讯云开发者") == "發布：騰訊雲開發者"


def test_an_override_needs_all_three_fields(tmp_path):
    path = write_overrides(tmp_path, "  - simplified: 参数\n    traditional: 參數\n")
    with pytest.raises(InputError) as error:
        load_overrides(path)
    assert str(error.value) == f"{path}:3: an override needs 'simplified', 'traditional' and 'why'"


def test_an_override_listed_twice_is_refused(tmp_path):
    row = "  - simplified: 参数\n    traditional: 參數\n    why: x\n"
    path = write_overrides(tmp_path, row + row)
    with pytest.raises(InputError) as error:
        load_overrides(path)
    assert str(error.value) == f"{path}:6: override 参数 is already on line 3"


def test_an_override_that_opencc_already_gives_changes_nothing(tmp_path):
    path = write_overrides(tmp_path, "  - simplified: 网络\n    traditional: 網路\n    why: x\n")
    with pytest.raises(InputError) as error:
        Converter("s2twp", load_overrides(path), path).check_overrides("互联网络")
    assert str(error.value) == f"{path}:3: override 网络 → 網路 changes nothing: OpenCC s2twp already gives 網路"


def test_an_override_of_a_word_the_site_does_not_use_changes_nothing(tmp_path):
    path = write_overrides(tmp_path, "  - simplified: 参数\n    traditional: 參數\n    why: x\n")
    with pytest.raises(InputError) as error:
        Converter("s2twp", load_overrides(path), path).check_overrides("没有这个词")
    assert str(error.value) == f"{path}:3: override 参数 → 參數 changes nothing: 参数 is not in the site's text"


def test_the_projects_override_table_each_entry_changes_the_site(convert):
    from gpt4qa.sources.bundle import Sources

    convert.check_overrides(Sources().site_text(ROOT / "docs"))
    assert 5 <= len(convert.overrides) <= 25


# --- the page's text and nothing else ---------------------------------------------------------------

def test_a_page_is_converted_where_a_reader_sees_it_and_its_addresses_are_kept(convert):
    html = ('<h2 id="数据">数据</h2><a href="#数据" title="本节链接">链接</a><img alt="图像" src="图.png">'
            '<script>var s = "数据";</script><script id="__config" type="application/json">{"t": "\\u6570\\u636e"}</script>'
            '<meta name="description" content="网络">')
    converted = convert_html(html, convert)
    assert converted == ('<h2 id="数据">資料</h2><a href="#数据" title="本節連結">連結</a><img alt="影像" src="图.png">'
                         '<script>var s = "数据";</script><script id="__config" type="application/json">'
                         '{"t": "\\u8cc7\\u6599"}</script><meta name="description" content="網路">')


def test_simplified_only_characters_come_from_openccs_tables():
    characters = simplified_only("s2twp")
    assert {"发", "们", "这", "网"} <= characters
    # Written in Traditional text too: 台 (臺 檯 颱 台), 只; and 群, which Taiwan's forms keep.
    assert not {"台", "只", "群", "后"} & characters


def edition_site(tmp_path: Path, page: str, script: str = "") -> Path:
    root = tmp_path / "site"
    folder = root / TRADITIONAL.prefix / "q05-reasoning"
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(page, encoding="utf-8")
    if script:
        (root / TRADITIONAL.prefix / "javascripts").mkdir()
        (root / TRADITIONAL.prefix / "javascripts" / "copy-link.js").write_text(script, encoding="utf-8")
    return root


def test_a_page_left_in_simplified_is_named_with_its_characters(tmp_path):
    site = edition_site(tmp_path, '<p id="数据">邏輯性和發現问题</p><button aria-label="复制">x</button>')
    assert check_characters(site, TRADITIONAL) == [
        "zh-Hant/q05-reasoning/index.html: 3 Simplified-only characters a reader sees (问 题 复), "
        "first in «邏輯性和發現问题 复制 x»"]


def test_a_script_left_in_simplified_is_named_and_a_converted_edition_passes(tmp_path, convert):
    site = edition_site(tmp_path, convert_html("<p>逻辑性和准确性</p>", convert), 'label = "复制链接";')
    assert check_characters(site, TRADITIONAL) == [
        "zh-Hant/javascripts/copy-link.js: 2 Simplified-only characters a reader sees (复 链), "
        "first in «label = \"复制链接\";»"]
    (site / "zh-Hant/javascripts/copy-link.js").write_text(convert('label = "复制链接";'), encoding="utf-8")
    assert check_characters(site, TRADITIONAL) == []


def test_the_search_maps_a_simplified_query_word_to_the_editions_word(convert):
    table = edition_conversions(convert("软件的网络信息"), convert)
    assert (table["软件"], table["网络"], table["信息"]) == ("軟體", "網路", "資訊")
    assert "軟體" not in table  # the edition's own word is kept as typed


# --- the built edition -------------------------------------------------------------------------------

def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


EDITION_PAGES = [url for url in PAGES if url != "print_page/"] + ["figures/", "sources/"]


def resolve(url: str, href: str) -> str:
    from posixpath import join, normpath

    path = normpath(join("/" + url, href.split("#")[0]))
    return path.lstrip("/") + ("/" if href.split("#")[0].endswith("/") and path != "/" else "")


@pytest.mark.parametrize("url", EDITION_PAGES)
def test_both_editions_have_the_page_with_the_same_section_ids(pages_site, url):
    simplified, traditional = soup(pages_site, url), soup(pages_site, TRADITIONAL.prefix + url)
    ids = [tag["id"] for tag in simplified.select("article [id]")]
    assert ids and ids == [tag["id"] for tag in traditional.select("article [id]")]
    assert (simplified.html["lang"], traditional.html["lang"]) == ("zh-Hans", "zh-Hant")


@pytest.mark.parametrize("url", EDITION_PAGES)
def test_the_switch_opens_the_same_page_in_the_other_edition(pages_site, url):
    for prefix, other in (("", TRADITIONAL), (TRADITIONAL.prefix, SIMPLIFIED)):
        page = soup(pages_site, prefix + url)
        link = page.select_one(f'.md-select__link[hreflang="{other.key}"]')
        target = resolve(prefix + url, link["href"])
        assert target == other.prefix + url and (pages_site / target / "index.html").is_file()
        assert page.select_one(f'link[rel="alternate"][hreflang="{other.key}"]') is not None


@pytest.mark.parametrize("url", EDITION_PAGES)
def test_each_traditional_page_says_once_it_is_a_conversion_linking_its_simplified_page(pages_site, url):
    page = soup(pages_site, TRADITIONAL.prefix + url)
    notes = page.select("article .edition-note.editorial")
    assert len(notes) == 1
    assert notes[0].get_text(" ", strip=True).startswith("編者注：本頁由編者以 OpenCC（s2twp：繁體字、臺灣用語）從簡體中文版自動轉換")
    assert resolve(TRADITIONAL.prefix + url, notes[0].a["href"]) == url
    assert soup(pages_site, url).select(".edition-note") == []


def test_the_override_table_is_what_the_traditional_pages_print(pages_site, convert):
    text = "".join(soup(pages_site, TRADITIONAL.prefix + url).get_text() for url in EDITION_PAGES)
    simplified = "".join(soup(pages_site, url).get_text() for url in EDITION_PAGES)
    for override in convert.overrides:
        wrong = convert.opencc(override.simplified)
        if override.simplified in simplified:
            assert override.traditional in text, override.simplified
            assert wrong not in text or wrong in override.traditional, (override.simplified, wrong)


def test_the_sitemap_lists_both_editions_each_with_its_alternates(pages_site):
    sitemap = (pages_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = [loc.removeprefix(HOSTED_URL) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert "q05-reasoning/" in locations and "zh-Hant/q05-reasoning/" in locations
    assert len(locations) == 2 * len([loc for loc in locations if not loc.startswith("zh-Hant/")])
    assert sitemap.count(f'hreflang="zh-Hant" href="{HOSTED_URL}zh-Hant/q05-reasoning/"') == 2
    assert sitemap.count(f'hreflang="zh-Hans" href="{HOSTED_URL}q05-reasoning/"') == 2
    own = (pages_site / "zh-Hant" / "sitemap.xml").read_text(encoding="utf-8")
    assert all(loc.startswith(HOSTED_URL + "zh-Hant/") for loc in re.findall(r"<loc>([^<]+)</loc>", own))


def ask(site: Path, *queries: str) -> list[list[str]]:
    out = subprocess.run(["node", str(ROOT / "tests/js/search_harness.js"), str(site), *queries],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line)["pages"] for line in out.splitlines()]


def test_the_traditional_edition_has_its_own_index_in_its_script(pages_site):
    index = json.loads((pages_site / "zh-Hant/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["engine"]["edition"] == "zh-Hant"
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "邏輯性" in text and "逻辑性" not in text


def test_simplified_and_traditional_queries_find_the_answer_in_either_edition(pages_site):
    queries = {"逻辑性和准确性有什么改进": "q05-reasoning/", "邏輯性和準確性有什麼改進": "q05-reasoning/",
               "程序员会被取代吗": "q07-engineers/", "程式設計師會被取代嗎": "q07-engineers/"}
    for site in (pages_site, pages_site / "zh-Hant"):
        assert [pages[0] for pages in ask(site, *queries)] == list(queries.values()), site


def test_visible_text_is_text_and_labels_not_code():
    assert visible_text('<p title="标题">正文</p><script>var x = "代码";</script><style>a{}</style>') == "标题\n正文"
