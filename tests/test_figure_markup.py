"""Figure references in page Markdown become numbered, captioned figures from the table."""

from pathlib import Path

import pytest
from PIL import Image

from gpt4qa.core.errors import InputError
from gpt4qa.render.figures import figure_id, render_figures
from gpt4qa.sources.figures import Figure
from gpt4qa.sources.register import Citation, Register, Source

FIGURES = {"abc123": Figure(7, "abc123", "q02.md", "一张图的图注", "一张图的替代文字")}
REGISTER = Register(Path("sources.yml"), {"report": Source("report", "某报告", "某机构", "2023-03", "https://example.org/report?a=1&b=2",
                                                              "primary", "2026-12-01", 3)})
SOURCE = Citation("report", "Figure 3", "figures.yml:9")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "images" / "jueJin"
    folder.mkdir(parents=True)
    Image.new("RGB", (64, 36)).save(folder / "abc123.png")  # an original image
    return tmp_path


def test_figure_line_becomes_a_captioned_figure(docs):
    before = "正文。\n\n![](images/jueJin/abc123.png)\n\n后文。\n"
    after = render_figures(before, page_src="q02.md", figures=FIGURES, docs_dir=docs, register=REGISTER)
    assert after == (
        "正文。\n\n"
        '<figure markdown="span" id="fig-7" data-figure-id="abc123" class="article-figure">\n'
        '  ![一张图的替代文字](images/jueJin/abc123.png){ width="64" height="36" loading="lazy" }\n'
        '  <figcaption><span class="figure-number">图 7</span> 一张图的图注 '
        '<span class="editor-mark">（编者图注）</span></figcaption>\n'
        "</figure>\n\n后文。\n"
    )


def test_missing_original_becomes_a_card_with_the_caption_once(docs):
    (docs / "images/jueJin/abc123.png").unlink()
    after = render_figures("![](images/jueJin/abc123.png)", page_src="q02.md", figures=FIGURES, docs_dir=docs, register=REGISTER)
    assert after == (
        '<figure markdown="span" id="fig-7" data-figure-id="abc123" class="article-figure figure-card">\n'
        '  <span class="figure-card__missing" role="img" aria-label="一张图的替代文字">原图未收录</span>'
        '<figcaption><span class="figure-number">图 7</span> 一张图的图注 '
        '<span class="editor-mark">（编者图注）</span> <span class="figure-source">原图内容无法核实</span></figcaption>\n'
        "</figure>"
    )
    assert after.count("一张图的图注") == 1


def test_card_links_the_known_source(docs):
    (docs / "images/jueJin/abc123.png").unlink()
    figures = {"abc123": Figure(7, "abc123", "q02.md", "图注", "替代文字", SOURCE)}
    after = render_figures("![](images/jueJin/abc123.png)", page_src="q02.md", figures=figures, docs_dir=docs, register=REGISTER)
    assert ('<span class="figure-source">原图出处：某机构《<a href="https://example.org/report?a=1&amp;b=2">'
            "某报告</a>》（2023-03；Figure 3）</span>") in after
    assert "无法核实" not in after


def test_other_images_are_left_alone(docs):
    text = "![logo](assets/logo.png)\n"
    assert render_figures(text, page_src="q02.md", figures=FIGURES, docs_dir=docs, register=REGISTER) == text


def test_uncited_figure_is_an_error(docs):
    with pytest.raises(InputError, match="docs/q02.md: shows figure 'zzz' that the article does not cite"):
        render_figures("![](images/jueJin/zzz.png)", page_src="q02.md", figures=FIGURES, docs_dir=docs, register=REGISTER)


def test_figure_on_another_page_than_the_table_says(docs):
    with pytest.raises(InputError, match=r"docs/q03.md: shows 图 7 \(abc123\), which the table puts on q02.md"):
        render_figures("![](images/jueJin/abc123.png)", page_src="q03.md", figures=FIGURES, docs_dir=docs, register=REGISTER)


def test_figure_id_resolves_relative_to_the_page():
    assert figure_id("../images/jueJin/abc123.png", "sub/page.md") == "abc123"
    assert figure_id("images/jueJin/abc123.png", "sub/page.md") is None
