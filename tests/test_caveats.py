"""Caveats: their titles, where they sit (at the sentence they qualify) and their sources."""

import pytest

from gpt4qa.core.errors import InputError
from gpt4qa.render.caveats import KINDS, add_titles

PAGE = "正文第一句。\n\n![](images/jueJin/abc.png)\n\n"


def test_every_kind_gets_its_editor_marked_chinese_title():
    before = (
        '正文。\n\n!!! speculation qualifies="正文"\n\n    作者的估计。\n\n'
        '??? dated qualifies="正文"\n\n    已过期，见[发布文章](src:gpt4-research)。\n'
    )
    after = add_titles(before, "docs/q03.md").split("\n")
    assert [line for line in after if line.startswith(("!!!", "???"))] == [
        '!!! speculation "编者注 · 推测"', '??? dated "编者注 · 时效"']
    assert "    作者的估计。" in after and "    已过期，见[发布文章](src:gpt4-research)。" in after


def test_kinds_cover_the_issue_caveats():
    assert {"推测", "个人观点", "未经证实", "局限", "时效", "勘误"} <= set(KINDS.values())


def test_unknown_kind_is_an_error():
    with pytest.raises(InputError, match="docs/q03.md: unknown caveat kind 'specualtion'"):
        add_titles('!!! specualtion qualifies="x"\n\n    x\n', "docs/q03.md")


def test_own_title_is_an_error():
    with pytest.raises(InputError, match="sets its own title"):
        add_titles('x\n\n!!! dated "自己的标题"\n\n    x\n', "docs/q03.md")


def test_a_caveat_names_what_it_qualifies():
    with pytest.raises(InputError, match=r"^docs/q03.md:3: caveat 'opinion' names no sentence it qualifies"):
        add_titles("正文。\n\n!!! opinion\n\n    x\n", "docs/q03.md")


def test_a_caveat_whose_sentence_is_elsewhere_fails_naming_page_and_caveat():
    text = "第一段的句子。\n\n第二段的句子。\n\n!!! speculation qualifies=\"第一段\"\n\n    推测。\n"
    with pytest.raises(InputError, match=r"^docs/q03.md:5: caveat 'speculation' qualifies “第一段”, which is not in the block right before it$"):
        add_titles(text, "docs/q03.md")


def test_figures_and_earlier_caveats_between_sentence_and_caveat_are_passed_over():
    text = (PAGE + '!!! limitation qualifies="正文第一句"\n\n    局限。\n\n'
            '!!! opinion qualifies="正文第一句"\n\n    观点。\n')
    assert add_titles(text, "docs/q03.md").count("编者注") == 2


def test_a_heading_can_be_what_a_caveat_qualifies():
    text = '# 06、标题的问题？\n\n!!! erratum qualifies="06、标题"\n\n    见[目录](index.md)。\n'
    assert '!!! erratum "编者注 · 勘误"' in add_titles(text, "docs/q06.md")


@pytest.mark.parametrize("kind", ["erratum", "unverified", "dated"])
def test_corrections_and_dates_need_a_source(kind):
    text = f'正文第一句。\n\n!!! {kind} qualifies="正文第一句"\n\n    没有出处的更正。\n'
    with pytest.raises(InputError, match=rf"^docs/q03.md:3: caveat '{kind}' gives no source"):
        add_titles(text, "docs/q03.md")


@pytest.mark.parametrize("kind", ["speculation", "opinion", "limitation"])
def test_other_kinds_need_no_link(kind):
    text = f'正文第一句。\n\n!!! {kind} qualifies="正文第一句"\n\n    说明。\n'
    assert "编者注" in add_titles(text, "docs/q03.md")
