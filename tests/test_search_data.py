"""The search worker's words: the reader vocabulary and the Traditional / regional conversions."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import ARTICLE_PATH
from gpt4qa.search.data import conversions, convert, data_script
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
    assert convert("上下文視窗", table, 2) == "上下文窗口"


def test_data_script_is_one_assignment():
    script = data_script(Vocabulary({"图片": "图像"}, ("吗",)), {"圖": "图"})
    assert script.splitlines()[1] == 'self.searchZhData={"convert":{"圖":"图"},"questionWords":["吗"],"synonyms":{"图片":"图像"}};'
