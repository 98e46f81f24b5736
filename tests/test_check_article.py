"""The article check against a fixture site: it passes when nothing is lost and says what is."""

import subprocess
import sys
from pathlib import Path

import pytest

from gpt4qa.checks.article import check_site
from gpt4qa.cli import main
from gpt4qa.sources.bundle import Sources
from helpers import CARD, FIGURE, SECOND_FIGURE

SECOND = FIGURE.format(src="../images/jueJin/bbb222.png", **SECOND_FIGURE)

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "docs.py"


def sources(project) -> Sources:
    return Sources(article_path=project.article, figures_path=project.table, parts_path=project.parts)


def problems(project):
    return check_site(project.site, sources(project)).problems


def test_complete_site_passes(project):
    report = check_site(project.site, sources(project))
    assert report.problems == []
    assert report.summary() == "figures 2/2, sentences 9/9, numbers 7/7, links 1/1, marked 3/3"


def test_removed_figure_is_reported_with_where_it_belongs(project):
    project.edit_page("q01/", SECOND, "")
    assert problems(project) == ["图 2 (bbb222) missing: belongs on /q01/ (article line 17); found on no page"]


def test_figure_on_the_wrong_page_is_reported(project):
    project.edit_page("q01/", SECOND, "")
    project.edit_page("q02/", "<h1>", SECOND + "<h1>")
    assert problems(project) == ["图 2 (bbb222) missing: belongs on /q01/ (article line 17); found on /q02/"]


def test_article_image_outside_a_figure_is_reported(project):
    project.edit_page("q01/", SECOND, '<p><img src="../images/jueJin/bbb222.png" alt="对比图"></p>')
    assert problems(project) == ["图 2 (bbb222) on /q01/: not inside a captioned <figure>"]


def test_card_for_a_missing_original_passes(project):
    (project.site / "images/jueJin/bbb222.png").unlink()
    project.edit_page("q01/", SECOND, CARD.format(**SECOND_FIGURE))
    assert problems(project) == []


def test_card_while_the_original_is_there_is_reported(project):
    project.edit_page("q01/", SECOND, CARD.format(**SECOND_FIGURE))
    assert problems(project) == [
        "图 2 (bbb222) on /q01/: shown as a missing original, but images/jueJin/bbb222.png is in the site"
    ]


@pytest.mark.parametrize("mark", ['role="img" aria-label="图片"', 'role="img"', 'aria-label="对比图"'])
def test_card_without_alternative_text_is_reported(project, mark):
    (project.site / "images/jueJin/bbb222.png").unlink()
    card = CARD.format(**SECOND_FIGURE).replace(f'role="img" aria-label="{SECOND_FIGURE["alt"]}"', mark)
    project.edit_page("q01/", SECOND, card)
    assert problems(project) == ["图 2 (bbb222) on /q01/: a card without alternative text"]


def test_figure_with_the_wrong_anchor_is_reported(project):
    project.edit_page("q01/", 'id="fig-2"', 'id="fig-9"')
    assert problems(project) == ["图 2 (bbb222) on /q01/: figure id is 'fig-9', not 'fig-2'"]


def test_uncaptioned_figure(project):
    project.edit_page("q01/", "<figcaption>图 2 两种上下文长度</figcaption>", "")
    assert problems(project) == ["图 2 (bbb222) on /q01/: not inside a captioned <figure>"]


def test_misnumbered_caption(project):
    project.edit_page("q01/", "图 2 两种", "图 3 两种")
    assert problems(project) == ["图 2 (bbb222) on /q01/: caption is not numbered 图 2"]


@pytest.mark.parametrize("alt", ["图片", "image.png", ""])
def test_placeholder_alt_text(project, alt):
    project.edit_page("q01/", 'alt="对比 8K 与 32K 两种上下文长度的图"', f'alt="{alt}"')
    assert problems(project) == [f"图 2 (bbb222) on /q01/: placeholder alt text {alt!r}"]


def test_image_file_missing_from_site(project):
    (project.site / "images/jueJin/bbb222.png").unlink()
    assert problems(project) == ["图 2 (bbb222) on /q01/: image file images/jueJin/bbb222.png is not in the site"]


def test_dropped_sentence(project):
    project.edit_page("", "这是导读的第一句。", "")
    assert problems(project) == ["sentence missing from / (article line 10, 导读): 这是导读的第一句。"]


def test_changed_number(project):
    project.edit_page("q01/", "高 40%", "高 41%")
    assert problems(project) == [
        "sentence missing from /q01/ (article line 15, Q1): 上下文分别是8K和32K，比GPT-3.5高40%。",
        "number 40% missing from /q01/ (article line 15, Q1)",
        "/q01/: text neither the article's nor marked as the editor's: 上下文分别是8K和32K，比GPT-3.5高41%。",
    ]


def test_sentence_only_inside_an_editorial_admonition_counts_as_lost(project):
    project.edit_page(
        "", "<p>这是导读的第一句。", '<div class="admonition note"><p>这是导读的第一句。</p></div><p>'
    )
    assert problems(project) == ["sentence missing from / (article line 10, 导读): 这是导读的第一句。"]


def test_whitespace_and_markup_do_not_matter(project):
    project.edit_page("", "这是导读的第一句。", "这是 <em>导读</em> 的\n第一句。")
    assert problems(project) == []


def test_link_left_in_the_redirector_is_reported(project):
    project.edit_page("q02/", 'href="https://example.com/a"', 'href="https://link.juejin.cn?target=https%3A%2F%2Fexample.com%2Fa"')
    assert problems(project) == [
        "link missing from /q02/ (article line 24): https://example.com/a",
        "/q02/: link still wrapped in the link.juejin.cn redirector: "
        "https://link.juejin.cn?target=https%3A%2F%2Fexample.com%2Fa",
    ]


def run_cli(*args):
    return subprocess.run([sys.executable, str(SCRIPT), "check", "article", *map(str, args)], capture_output=True,
                          text=True)


def cli_args(project):
    return (project.site, "--article", project.article, "--figures", project.table, "--parts", project.parts)


def test_cli_exit_codes(project):
    passed = run_cli(*cli_args(project))
    assert (passed.returncode, passed.stdout.strip()) == (0, "article check (zh-Hans): figures 2/2, sentences 9/9, numbers 7/7, links 1/1, marked 3/3")
    project.edit_page("q01/", "高 40%", "高 41%")
    failed = run_cli(*cli_args(project))
    assert failed.returncode == 1
    assert "number 40% missing from /q01/ (article line 15, Q1)" in failed.stdout


def bad_input(project, capsys):
    code = main(["check", "article", *(str(a) for a in cli_args(project))])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_missing_site_folder(project, capsys, tmp_path):
    project.site.rename(tmp_path / "elsewhere")
    assert "site folder does not exist" in bad_input(project, capsys)


def test_article_without_images(project, capsys):
    project.article.write_text("只有文字。\n", encoding="utf-8")
    assert "cites no images" in bad_input(project, capsys)


def test_malformed_image(project, capsys):
    project.edit(project.article, "![image.png](/images/jueJin/bbb222.png)", "![image.png](/images/jueJin/bbb222.png")
    assert "article.md:17: malformed image" in bad_input(project, capsys)


def test_two_figures_with_one_id(project, capsys):
    project.edit(project.article, "/images/jueJin/bbb222.png", "/images/jueJin/aaa111.png")
    assert "two figures with one id 'aaa111'" in bad_input(project, capsys)


def test_two_table_entries_with_one_id(project, capsys):
    project.edit(project.table, "id: bbb222", "id: aaa111")
    assert "figures.yml: two figures with one id 'aaa111'" in bad_input(project, capsys)


def test_page_showing_a_figure_the_article_does_not_cite(project, capsys):
    project.edit_page("q02/", "<h1>", '<img src="../images/jueJin/zzz999.png" alt="x"><h1>')
    err = bad_input(project, capsys)
    assert "q02/index.html: shows figure 'zzz999' that" in err and "does not cite" in err


def test_table_out_of_article_order(project, capsys):
    project.table.write_text(
        project.table.read_text(encoding="utf-8").replace("aaa111", "TMP").replace("bbb222", "aaa111").replace("TMP", "bbb222"),
        encoding="utf-8",
    )
    assert "figure 1 is out of article order (article has aaa111)" in bad_input(project, capsys)


# --- Where the author's words count: on their part's page, visible, outside the editor's marks --

def test_paragraph_moved_to_another_page_is_reported_on_both(project):
    project.edit_page("q01/", "<p>上下文分别是 8K 和 32K，比 GPT-3.5 高 40%。</p>", "")
    project.edit_page("q02/", "<h1>02、第二个问题</h1>", "<h1>02、第二个问题</h1><p>上下文分别是 8K 和 32K，比 GPT-3.5 高 40%。</p>")
    assert problems(project) == [
        "sentence missing from /q01/ (article line 15, Q1): 上下文分别是8K和32K，比GPT-3.5高40%。",
        "number 8K missing from /q01/ (article line 15, Q1)",
        "number 32K missing from /q01/ (article line 15, Q1)",
        "number 3.5 missing from /q01/ (article line 15, Q1)",
        "number 40% missing from /q01/ (article line 15, Q1)",
        "/q02/: text neither the article's nor marked as the editor's: 上下文分别是8K和32K，比GPT-3.5高40%。",
    ]


@pytest.mark.parametrize("hide", ['<div hidden>{}</div>', '<div style="display: none">{}</div>',
                                  '<div aria-hidden="true">{}</div>', "<noscript>{}</noscript>"])
def test_hidden_paragraph_counts_as_lost(project, hide):
    project.edit_page("", "<p>这是导读的第一句。", hide.format("<p>这是导读的第一句。</p>") + "<p>")
    assert problems(project) == ["sentence missing from / (article line 10, 导读): 这是导读的第一句。"]


@pytest.mark.parametrize("wrap", [
    '<figure><figcaption>{}</figcaption></figure>',
    '<figure><span role="img" aria-label="x">{}</span><figcaption>图 9 x</figcaption></figure>',
    "<details><summary>说明</summary><p>{}</p></details>",
    '<div class="admonition note"><p>{}</p></div>',
    '<p class="editorial">{}</p>',
    '<h2 class="editorial">{}</h2>',
])
def test_sentence_inside_an_editor_s_addition_counts_as_lost(project, wrap):
    project.edit_page("", "<p>这是导读的第一句。", wrap.format("这是导读的第一句。") + "<p>")
    assert problems(project) == ["sentence missing from / (article line 10, 导读): 这是导读的第一句。"]


def test_text_outside_the_article_wrapper_does_not_count(project):
    page = project.page("")
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('<article class="md-content__inner">', "<main>").replace("</article>", "</main>"),
                    encoding="utf-8")
    found = problems(project)
    assert "sentence missing from / (article line 10, 导读): 这是导读的第一句。" in found
    assert "图 1 (aaa111) missing: belongs on / (article line 6); found on no page" in found


def test_author_s_heading_renamed_is_reported(project):
    project.edit_page("", "<h2>👉导读</h2>", "<h2>👉前言</h2>")
    assert problems(project) == [
        "sentence missing from / (article line 8, 导读): 👉导读",
        "/: text neither the article's nor marked as the editor's: 👉前言",
    ]


def test_bold_sentence_deleted_under_the_editor_s_heading_that_repeats_it(project):
    project.edit_page("", "<h2>👉导读</h2>", '<h2>👉导读</h2><h2 class="editorial">这是导读的第一句。</h2>')
    assert problems(project) == []
    project.edit_page("", "<p>这是导读的第一句。", "<p>")
    assert problems(project) == ["sentence missing from / (article line 10, 导读): 这是导读的第一句。"]


def test_unmarked_editor_s_text_is_reported(project):
    project.edit_page("q02/", "<h1>", "<p>编者补充的一句话。</p><h1>")
    assert problems(project) == ["/q02/: text neither the article's nor marked as the editor's: 编者补充的一句话。"]
