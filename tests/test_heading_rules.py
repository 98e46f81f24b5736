"""Headings that read well: each rule fails on a fixture page that breaks it."""

from __future__ import annotations

from gpt4qa.checks.built_site import load_site
from gpt4qa.checks.headings import check_headings, faults


def page_faults(project, html: str) -> list[str]:
    project.write_page("q03/", html)
    [page] = [p for p in load_site(project.site) if p.url == "q03/"]
    return faults(page)


def test_labels_with_text_under_them_pass(project):
    assert page_faults(project, "<h1>03、问题。</h1><h2>标签</h2><p>正文的第一句。</p>") == []


def test_a_heading_ending_in_a_stop_or_colon(project):
    assert page_faults(project, "<h2>一整句话。</h2><p>正文。</p><h2>如下图：</h2><p>图。</p>") == [
        "/q03/: heading “一整句话。” ends in “。”: a heading is a label, not a sentence",
        "/q03/: heading “如下图：” ends in “：”: a heading is a label, not a sentence",
    ]


def test_a_heading_with_nothing_under_it(project):
    assert page_faults(project, "<h2>第一项</h2><h2>第二项</h2><p>正文。</p>") == [
        "/q03/: heading “第一项” has nothing under it",
    ]
    assert page_faults(project, "<p>正文。</p><h2>最后一项</h2>") == ["/q03/: heading “最后一项” has nothing under it"]


def test_a_heading_that_repeats_the_sentence_under_it(project):
    html = '<h2>安全上收效显著</h2><p><strong>安全上收效显著。</strong>其余的话。</p>'
    assert page_faults(project, html) == ["/q03/: heading “安全上收效显著” repeats the sentence under it"]


def test_an_alias_anchor_is_not_the_block_under_a_heading(project):
    assert page_faults(project, '<h2>标签</h2><a id="old"></a><p>正文。</p>') == []


def test_the_page_title_keeps_the_article_s_stop(project):
    assert page_faults(project, "<h1>这波可以，说透了。</h1><p>正文。</p>") == []


def test_real_site_headings_read_well(pages_site):
    assert check_headings(pages_site) == []
