"""The search index the project writes: its sections and fields, its tables (the reader vocabulary,
the Traditional / regional conversions, the glossary's names) and its version."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import ARTICLE_PATH
from gpt4qa.search import index
from gpt4qa.search.data import conversions, convert_table, term_names
from gpt4qa.sources.glossary import Glossary, Term
from gpt4qa.sources.vocabulary import Vocabulary, check_targets, load_vocabulary


def test_every_reader_word_leads_to_a_word_of_the_article():
    check_targets(load_vocabulary(), ARTICLE_PATH.read_text(encoding="utf-8"))


def test_a_target_the_article_never_uses_is_named(tmp_path):
    bad = Vocabulary({"图片": "图像", "飞船": "宇宙飞船"}, ("吗",))
    with pytest.raises(InputError, match="synonym 飞船 → 宇宙飞船: the article never uses '宇宙飞船'"):
        check_targets(bad, ARTICLE_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, message", [
    ("synonyms: {}\nquestion_words: [吗]\n", "expected a 'synonyms:' mapping"),
    ("synonyms: {图片: 图片}\nquestion_words: [吗]\n", "needs two different words"),
    ("synonyms: {图片: 图像}\n", "expected a 'synonyms:' mapping and a 'question_words:' list"),
    ("synonyms: [\n", "not valid YAML"),
])
def test_bad_vocabulary_files(tmp_path, text, message):
    path = tmp_path / "vocabulary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_vocabulary(path)


@pytest.fixture
def opencc(tmp_path: Path) -> Path:
    """A few lines of OpenCC's dictionaries, in its file format."""
    files = {
        "TWPhrasesRev.txt": "視窗\t窗口\n資料\t數據\n建立\t創建\n",
        "TWVariantsRevPhrases.txt": "", "TWVariantsRev.txt": "", "HKVariantsRevPhrases.txt": "", "HKVariantsRev.txt": "",
        "TSPhrases.txt": "",
        "TSCharacters.txt": "數\t数\n據\t据\n創\t创\n圖\t图\n像\t像\n對\t对\n齊\t齐\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text("# OpenCC\n" + text, encoding="utf-8")
    return tmp_path


def test_conversions_follow_openccs_chain_and_keep_to_the_site(opencc):
    site = "上下文窗口 训练数据 建立标准 图像"
    table = conversions(site, opencc)
    assert table["視窗"] == "窗口" and table["資料"] == "数据" and table["圖"] == "图"
    assert "建立" not in table  # a Simplified word the site uses stays as typed
    assert "對" not in table  # 对 is not in this site's text: not shipped
    assert convert_table("上下文視窗", table, 2) == "上下文窗口"


PAGE = """<h1 id="title">02、问题？<a class="headerlink" href="#title">¶</a></h1>
<p>作者的开头。<span class="gloss"><span role="tooltip" hidden>术语的解释</span></span></p>
<div class="admonition note"><p class="admonition-title">编者注</p><p>编者的话<a href="../sources/#x" data-search-exclude="">参考来源</a>。</p></div>
<h2 id="first">1）第一节</h2>
<p>第一节的正文</p><figure><figcaption>图 1 图注</figcaption></figure>
<p data-search-exclude>不进索引</p>
<p class="reading-time editorial">约 1 分钟</p>
<h2 id="second">2）第二节</h2><ul><li>甲</li><li>乙</li></ul>
"""


def test_a_page_becomes_its_own_doc_and_one_per_section_with_author_and_editor_apart():
    found = index.sections(index.SearchPage("q02/", "导航标题", PAGE))
    assert [(s.location, s.title) for s in found] == [("q02/", "02、问题？"), ("q02/#first", "1）第一节"),
                                                      ("q02/#second", "2）第二节")]
    assert index.clean(found[0].text) == "作者的开头。"  # the tooltip is hidden: not the page's text
    assert index.clean(found[0].notes) == "编者注 编者的话。"  # the link to 参考来源 is left out
    assert index.clean(found[1].text) == "第一节的正文"
    assert index.clean(found[1].notes) == "图 1 图注"  # the caption is the editor's; the reading time is not read
    assert index.clean(found[2].text) == "甲 乙"  # list items stay apart


def test_a_page_without_a_title_takes_its_navigation_title():
    found = index.sections(index.SearchPage("about/", "关于", "<p>正文</p>"))
    assert found[0].title == "关于"


def test_chinese_runs_are_segmented_and_the_rest_kept():
    segment = index.segmenter(lambda run: [run[:2], run[2:]])
    assert segment("GPT-4 图像理解能力") == "GPT-4 图像\u200b理解能力"


def test_the_index_keeps_materials_two_keys_and_its_own_version():
    engine = index.engine_tables(edition="zh-Hans", convert={"圖": "图"}, synonyms={"图片": "图像"},
                                 question_words=["吗"], variants=[["LLM", "大模型"]])
    data = json.loads(index.index_json("[\\s]+", engine, [{"location": "", "title": "首页", "text": "正文"}]))
    assert set(data) == {"config", "docs"}
    assert data["config"]["separator"] == "[\\s]+"  # Material's page highlighter reads it
    assert data["config"]["engine"]["format"] == "gpt4qa-search" and data["config"]["engine"]["version"] == index.VERSION


@pytest.mark.parametrize("engine, message", [
    ({"format": "gpt4qa-search", "version": 0}, "index version 0, this project reads version 1"),
    ({"format": "lunr"}, "not a gpt4qa-search index (Material's own, or another tool's)"),
    (None, "not a gpt4qa-search index"),
])
def test_an_index_of_another_format_or_version_is_refused(tmp_path, engine, message):
    (tmp_path / "search").mkdir()
    config = {"separator": " "} | ({"engine": engine} if engine else {})
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": config, "docs": []}), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"search_index.json: {message}")):
        index.read_index(tmp_path)


def test_a_missing_or_broken_index_is_named(tmp_path):
    with pytest.raises(InputError, match="search_index.json: no search index; build the site first"):
        index.read_index(tmp_path)
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text("{\n  oops", encoding="utf-8")
    with pytest.raises(InputError, match="search_index.json: line 2: not JSON"):
        index.read_index(tmp_path)


def test_a_terms_names_are_its_variants_its_title_and_the_name_in_brackets():
    term = Term("llm", "LLM（大语言模型）", "basics", ("LLM", "大模型"), "…", ())
    single = Term("x", "多模态", "basics", ("多模态",), "…", ())
    assert term_names(Glossary((), (term, single))) == [["LLM", "大模型", "大语言模型"]]


def test_a_page_written_from_a_table_is_held_by_its_name_and_description_only(tmp_path):
    page = index.summary_page("glossary/", "术语表", "文中 43 个术语的简明解释 <b>")
    docs = index.docs([page], lambda text: text)
    assert docs == [{"location": "glossary/", "title": "术语表", "text": "文中 43 个术语的简明解释 <b>", "summary": True}]
    # Read back from the built page as docs.py search index does: the same doc.
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "index.html").write_text(
        '<head><meta name="description" content="文中 43 个术语的简明解释 &lt;b&gt;"></head>'
        '<article class="md-content__inner md-typeset"><h1 id="t">术语表<a class="headerlink" href="#t">¶</a></h1>'
        "<dl><dt>RLHF</dt><dd>不进索引</dd></dl></article>", encoding="utf-8")
    assert index.docs(index.built_pages(tmp_path, index.page_urls({"docs": docs})), lambda text: text) == docs
