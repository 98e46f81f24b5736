import pytest

from caveats import KINDS, CaveatError, add_titles


def test_every_kind_gets_its_editor_marked_chinese_title():
    before = "正文。\n\n!!! speculation\n\n    作者的估计。\n\n??? dated\n\n    已过期。\n"
    assert add_titles(before, "docs/q03.md") == (
        '正文。\n\n!!! speculation "编者注 · 推测"\n\n    作者的估计。\n\n??? dated "编者注 · 时效"\n\n    已过期。\n'
    )


def test_kinds_cover_the_issue_caveats():
    assert {"推测", "个人观点", "未经证实", "局限", "时效"} <= set(KINDS.values())


def test_unknown_kind_is_an_error():
    with pytest.raises(CaveatError, match="docs/q03.md: unknown caveat kind 'specualtion'"):
        add_titles("!!! specualtion\n\n    x\n", "docs/q03.md")


def test_own_title_is_an_error():
    with pytest.raises(CaveatError, match="sets its own title"):
        add_titles('!!! dated "自己的标题"\n\n    x\n', "docs/q03.md")
