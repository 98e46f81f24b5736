from pathlib import Path

import pytest

from gpt4qa.core.errors import InputError
from gpt4qa.sources.article import parse_article, plain_text, split_sentences, unwrap_link
from helpers import ARTICLE


def test_parses_front_matter_figures_sections_and_links():
    article = parse_article(ARTICLE, Path("a.md"))
    assert article.front_matter["title"] == "测试文章：GPT-4 十问。"
    assert article.front_matter["selfDefined"] == "likes:1,"  # the source's `key:"value"` line
    assert [(f.id, f.alt, f.section) for f in article.figures] == [
        ("aaa111", "图片", "导读"),
        ("bbb222", "image.png", "Q1"),
    ]
    assert article.links == ("https://example.com/a",)


def test_sentences_are_plain_text_without_whitespace():
    article = parse_article(ARTICLE, Path("a.md"))
    texts = [s.text for s in article.sentences]
    assert "这是第二句！" in texts  # emphasis dropped
    assert "列表中的一句话。" in texts  # list marker dropped
    assert "参考example.com/a…" in texts  # escaped ordered-list marker and link target dropped
    assert "01、第一个问题" in texts
    assert not any("-----" in t for t in texts)
    sentence = next(s for s in article.sentences if "40%" in s.text)
    assert (sentence.section, sentence.line) == ("Q1", 15)


def test_numbers_keep_their_units():
    article = parse_article(ARTICLE, Path("a.md"))
    assert {"8K", "32K", "40%", "3.5"} <= set(article.numbers)
    assert article.numbers["8K"].section == "Q1"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("**1）闭源趋势**", "1）闭源趋势"),
        ("_Novel models.Some_ _(“powerseeking”),_", "Novel models.Some (“powerseeking”),"),
        ("\\-End-", "-End-"),
        ("**![图片](/images/jueJin/x.png)**", ""),
        ("llama.cpp 和 next_word 保留下划线", "llama.cpp 和 next_word 保留下划线"),
    ],
)
def test_plain_text(line, expected):
    assert plain_text(line) == expected


def test_split_sentences_keeps_decimals_and_drops_punctuation_only_pieces():
    assert split_sentences("增加约 1.83 倍。好！——") == ["增加约1.83倍。", "好！"]


def test_unwrap_link():
    wrapped = "https://link.juejin.cn?target=https%3A%2F%2Fopenai.com%2Fresearch%2Fgpt-4"
    assert unwrap_link(wrapped) == "https://openai.com/research/gpt-4"
    assert unwrap_link("https://example.com/x?target=y") == "https://example.com/x?target=y"


@pytest.mark.parametrize(
    "body, message",
    [
        ("没有图片的文章。\n", "cites no images"),
        ("![图片](/images/jueJin/a.png\n", "a.md:1: malformed image"),
        ("![图片](/images/jueJin/readme.txt)\n", "not an image file path"),
        ("![a](/i/x1.png)\n\n![b](/i/x1.png)\n", "a.md:3: two figures with one id 'x1' (first at line 1)"),
    ],
)
def test_bad_articles_are_rejected_with_file_and_line(body, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_article(body, Path("a.md"))


def test_unclosed_front_matter():
    with pytest.raises(InputError, match="never closed"):
        parse_article("---\ntitle: x\n", Path("a.md"))
