"""Mutation smoke test: realistic breaks, each applied to a copy of the project, must each fail.

    python scripts/docs.py mutants            # every mutant; exit 1 if any survives
    python scripts/docs.py mutants --list     # what each mutant breaks and which check must catch it

Each mutant edits one file of a temporary copy (a page, a table, a checker's own code). A content
mutant runs the page build, whose hook runs the article check and the anchor contract: it is
caught when the build fails with the expected message. A mutant of a checker's code that the real
site cannot show runs the tests named for it instead: it is caught when they fail. The breaks are the ones an audit found slipping
through, plus ones found since; add a mutant whenever a check is made to catch something new.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import ROOT
from gpt4qa.run import mkdocs

COPIED = ("docs", "overrides", "scripts", "source", "tests", "mkdocs.yml", "pyproject.toml")


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str  # file of the project to edit
    old: str
    new: str
    expect: str  # part of the failing build's message, or the tests that must fail (tests/…)
    slow: bool = False  # its tests render the PDF or drive Chromium: make mutants, not make test


MUTANTS = (
    Mutant("author's heading renamed (参考材料 → 参考文献)", "docs/about.md",
           "## 参考材料 { #references }", "## 参考文献 { #references }",
           "sentence missing from /about/ (article line 258"),
    Mutant("bold sentence deleted under the editor's heading that repeats it", "docs/q06-safety.md",
           "**GPT-4在安全问题上收效显著。** ", "",
           "sentence missing from /q06-safety/ (article line 175, Q6): GPT-4在安全问题上收效显著。"),
    # A move is a removal here plus an addition elsewhere; the addition shows as unmarked text on
    # the other page (tests/test_check_article.py moves one between pages of a fixture site).
    Mutant("sentence moved out of Q5", "docs/q05-reasoning.md",
           "需要注意的是，GPT-4 基础模型在这项任务上只比 GPT-3.5 略好一点。", "",
           "sentence missing from /q05-reasoning/ (article line 166"),
    Mutant("paragraph hidden from readers", "docs/q05-reasoning.md",
           "可以看到，GPT-4 相比 GPT3.5 和 Anthropic 优势较明显。",
           '<span hidden>可以看到，GPT-4 相比 GPT3.5 和 Anthropic 优势较明显。</span>',
           "sentence missing from /q05-reasoning/ (article line 168"),
    Mutant("second question of Q8's title dropped", "docs/q08-trends.md",
           "# 08、从GPT-4 可以看出未来 LLM 的哪些趋势？未来的研发方向和优化策略是什么？",
           "# 08、从GPT-4 可以看出未来 LLM 的哪些趋势？",
           "sentence missing from /q08-trends/ (article line 199, Q8): 未来的研发方向和优化策略是什么？"),
    Mutant("new section without updating the anchor contract", "docs/q05-reasoning.md",
           "# 05、GPT-4 在生成过程中的逻辑性和准确性上有何改进？\n",
           "# 05、GPT-4 在生成过程中的逻辑性和准确性上有何改进？\n\n## 编者补充 { #editor-added .editorial }\n",
           "/q05-reasoning/#editor-added: public anchor not in public-anchors.txt"),
    Mutant("editor's text left unmarked", "docs/about.md",
           "原文由腾讯云开发者发布，作者为腾讯算法工程师冉昱。原文的署名如下：\n{ .editorial }\n",
           "原文由腾讯云开发者发布，作者为腾讯算法工程师冉昱。原文的署名如下：\n",
           "/about/: text neither the article's nor marked as the editor's"),
    Mutant("figure captions no longer count as the editor's", "scripts/gpt4qa/core/markup.py",
           '    tags=("details", "figure", "script", "style"),\n    classes=("admonition", "headerlink"',
           '    tags=("details", "script", "style"),\n    classes=("admonition", "headerlink"',
           "text neither the article's nor marked as the editor's"),
    # The site has no collapsed (???) caveat today, so the fixture test is what shows this one.
    Mutant("collapsed blocks (??? caveats) no longer count as the editor's", "scripts/gpt4qa/core/markup.py",
           '    tags=("details", "figure", "script", "style"),\n    classes=("admonition", "headerlink"',
           '    tags=("figure", "script", "style"),\n    classes=("admonition", "headerlink"',
           "tests/test_check_article.py::test_sentence_inside_an_editor_s_addition_counts_as_lost"),
    Mutant(".editorial no longer counts as the editor's", "scripts/gpt4qa/core/markup.py",
           '    classes=("admonition", "headerlink", "md-source-file", "editorial"),',
           '    classes=("admonition", "headerlink", "md-source-file"),',
           "text neither the article's nor marked as the editor's"),
    Mutant("hidden content counts as present", "scripts/gpt4qa/checks/built_site.py",
           "text_outside(self.content, EDITORIAL | HIDDEN)", "text_outside(self.content, EDITORIAL)",
           "tests/test_check_article.py::test_hidden_paragraph_counts_as_lost"),
    Mutant("a sentence counts on any page", "scripts/gpt4qa/checks/article.py",
           'if sentence.text not in texts.get(page, ""):', "if not any(sentence.text in t for t in texts.values()):",
           "tests/test_check_article.py::test_paragraph_moved_to_another_page_is_reported_on_both"),
    Mutant("content selector falls back to the whole page", "scripts/gpt4qa/checks/built_site.py",
           '    fragment = article_html(html)\n    if fragment is None:\n        return None\n    return _parse(fragment).find("article", class_=CONTENT_CLASS)',
           '    return _parse(html).body',
           "text neither the article's nor marked as the editor's"),
    Mutant("search: every piece no longer required", "overrides/assets/javascripts/workers/search-engine.js",
           "return telling.every(function (p) { return result.holds[p.piece.text]; });",
           "return telling.some(function (p) { return result.holds[p.piece.text]; });",
           "tests/test_search_behaviour.py::test_every_piece_is_required_first", slow=True),
    Mutant("search: no preference for the reader's words verbatim", "overrides/assets/javascripts/workers/search-engine.js",
           "* like * phrased", "* like",
           "tests/test_search_behaviour.py::test_pages_with_the_words_verbatim_rank_first", slow=True),
    Mutant("search: nothing when no page has every piece", "overrides/assets/javascripts/workers/search-engine.js",
           "results: strict.length && keywords ? strict : scored", "results: strict",
           "tests/test_search_behaviour.py::test_any_piece_is_enough_when_no_page_has_them_all_and_the_reader_is_told",
           slow=True),
    Mutant("search: the editor's notes weigh as the author's text", "scripts/gpt4qa/search/index.py",
           '"notes": 0.15}', '"notes": 1.0}',
           "tests/test_search_behaviour.py::test_an_editors_note_naming_a_word_often_does_not_outrank_the_answer",
           slow=True),
    Mutant("search: an index of another version read anyway", "overrides/assets/javascripts/workers/search-engine.js",
           'this.error = tables.format === FORMAT && tables.version === VERSION ? null : "stale";',
           "this.error = null;",
           "tests/test_search_behaviour.py::test_an_index_of_another_version_is_told_to_the_reader", slow=True),
    Mutant("search: the worker's message numbers out of Material's order", "overrides/assets/javascripts/workers/search-engine.js",
           "var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;", "var SETUP = 0, READY = 1, QUERY = 3, RESULT = 2;",
           "tests/test_search_contract.py::test_message_numbers_are_materials_enum_order"),
    Mutant("print CSS hides every figure caption", "docs/stylesheets/print.css",
           "@media print {\n  :root {", "@media print {\n  .md-typeset figcaption { display: none; }\n\n  :root {",
           "tests/test_pdf.py::test_every_caption_is_printed_at_its_figure", slow=True),
    Mutant("a caveat drifts from its claim (a paragraph between them)", "docs/q05-reasoning.md",
           '也会是后续持续发展的方向。\n\n!!! limitation', '也会是后续持续发展的方向。\n\n编者插入的一段。\n{ .editorial }\n\n!!! limitation',
           "qualifies “可以看到，GPT-4 相比 GPT3.5 和 Anthropic 优势较明显”, which is not in the block right before it"),
    Mutant("caveat placement no longer checked", "scripts/gpt4qa/render/caveats.py",
           "        if squash(plain_text(words)) not in squash(", "        if False and squash(plain_text(words)) not in squash(",
           "tests/test_caveats.py::test_a_caveat_whose_sentence_is_elsewhere_fails_naming_page_and_caveat"),
    Mutant("a heading repeats the sentence under it", "docs/q06-safety.md",
           "## 安全上的成效 { #safety-results .editorial }", "## GPT-4在安全问题上收效显著 { #safety-results .editorial }",
           "/q06-safety/: heading “GPT-4在安全问题上收效显著” repeats the sentence under it"),
    Mutant("a list item made a heading again", "docs/q07-engineers.md",
           '<li id="neural-editing">如何更正错误：Neural Editing。</li>\n', '</ul>\n\n## 如何更正错误：Neural Editing。 { #neural-editing }\n\n<ul>\n',
           "ends in “。”: a heading is a label, not a sentence"),
    Mutant("a figure loses its anchor", "scripts/gpt4qa/render/figures.py",
           'anchor = f"fig-{figure.number}"', 'anchor = f"figure-{figure.number}"',
           "figure id is 'figure-5', not 'fig-5'"),
    Mutant("a figure placed on the wrong page", "source/figures.yml",
           "  - id: 61eebb13b49b497\n    page: q05-reasoning.md", "  - id: 61eebb13b49b497\n    page: q06-safety.md",
           "its article line 170 is in the part"),
    Mutant("a glossary variant the article never writes", "source/glossary.yml",
           "variants: [RBRM]", "variants: [RBRM, RBMR]",
           "term 'rbrm': variant 'RBMR' never occurs in the article"),
    Mutant("glossary tooltips inside headings", "scripts/gpt4qa/core/markup.py",
           '    tags=("h1", "h2", "h3", "h4", "h5", "h6", "a", "code",', '    tags=("a", "code",',
           "tests/test_glossary.py::test_only_the_first_occurrence_in_the_authors_text_becomes_a_tooltip"),
    Mutant("a note cites a source the register lacks", "docs/q02-improvements.md",
           "(src:chatgpt-whisper-apis)", "(src:chatgpt-whisper-api)",
           "cites unknown source 'chatgpt-whisper-api'"),
    Mutant("a source nothing cites", "source/sources.yml",
           "sources:\n", "sources:\n  - id: orphan\n    title: 无人引用\n    publisher: 某处\n    date: 2023\n"
           "    url: https://example.org/\n    kind: primary\n    checked: 2026-12-01\n",
           "source 'orphan' is cited by no note, glossary entry or figure"),
    Mutant("a secondary source without its reason", "source/sources.yml",
           "    reason: 中国信通院白皮书原文未能读到以核对", "    note: 中国信通院白皮书原文未能读到以核对",
           "source 'csis-aigc-excerpt' is secondary and gives no reason"),
    Mutant("a drawn figure without its source", "source/figure-data.yml",
           "    source: {id: gpt4-research, part: “Visual inputs”一节的视觉基准表}\n", "",
           "table 'visual-inputs' needs `source`"),
    Mutant("a drawn figure shows a number that is not in its data", "scripts/gpt4qa/render/data_figures.py",
           '"".join(f"<td>{escape(cell)}</td>" for cell in rest)',
           '"".join(f"<td>{escape(cell.replace(\'78.5%\', \'87.5%\'))}</td>" for cell in rest)',
           "row 3, column GPT-4 shows '87.5%'; its data says '78.5%'"),
    Mutant("a pure layer starts a process (render imports subprocess)", "scripts/gpt4qa/render/figures.py",
           "import html\n", "import html\nimport subprocess  # noqa: F401\n",
           "tests/test_layers.py::test_the_package_keeps_its_import_rules"),
    Mutant("the checks reach up into the hook (checks imports plugin)", "scripts/gpt4qa/checks/headings.py",
           "from gpt4qa.checks.built_site import", "from gpt4qa.plugin import hook  # noqa: F401\nfrom gpt4qa.checks.built_site import",
           "tests/test_layers.py::test_the_package_keeps_its_import_rules"),
    # The e-book is made after the pages: its breaks show in the tests that make it from a page build.
    Mutant("the e-book drops a sentence (bold text taken for page furniture)", "scripts/gpt4qa/export/epub.py",
           'DROPPED = PERMALINKS | Marks(tags=("script", "style", "noscript", "template"),',
           'DROPPED = PERMALINKS | Marks(tags=("script", "style", "noscript", "template", "strong"),',
           "tests/test_epub.py::test_the_e_book_keeps_every_sentence_number_link_and_figure_of_the_article"),
    Mutant("the e-book's navigation sends every section to its page's top", "scripts/gpt4qa/export/epub.py",
           'href = page.document + ("#" + page.ids[point.anchor] if point.anchor else "")',
           "href = page.document",
           "tests/test_epub.py::test_the_navigation_nests_as_the_pdf_bookmarks_do_titled_exactly_by_the_headings"),
    # The build hashes only the inline scripts of known templates (gpt4qa/render/policy.py): one added
    # to a template ships without a hash, and Chromium must refuse it on every page of both builds.
    Mutant("an inline script without its hash (added to a template)", "overrides/main.html",
           "{% block scripts %}\n  {{ super() }}\n",
           '{% block scripts %}\n  {{ super() }}\n  <script>document.documentElement.dataset.unhashed = "ran"</script>\n',
           "tests/test_policy_browser.py::"
           "test_every_page_of_the_hosted_site_and_of_the_offline_copy_runs_without_a_policy_violation", slow=True),
    Mutant("a hidden tooltip read as the text under a heading", "scripts/gpt4qa/core/markup.py",
           '    attributes=(("hidden", None), ("aria-hidden", "true"), ("role", "tooltip")),',
           '    attributes=(("hidden", None), ("aria-hidden", "true")),',
           "heading “对齐（Alignment）” repeats the sentence under it"),
    # The Traditional edition (gpt4qa/plugin/hook.py converts each page as the theme writes it): a
    # page the conversion misses, and the site's own scripts left in Simplified, which no article
    # check reads; the characters are OpenCC's own (gpt4qa/sources/conversion.py simplified_only).
    Mutant("one page of the Traditional edition left unconverted", "scripts/gpt4qa/plugin/hook.py",
           "        return self._shown_html(output)\n",
           '        return output if page.file.src_uri == "q05-reasoning.md" else self._shown_html(output)\n',
           "zh-Hant/q05-reasoning/index.html: "),
    Mutant("the Traditional edition's own scripts left in Simplified", "scripts/gpt4qa/plugin/hook.py",
           '        for pattern in TEXT_ASSETS:\n            files += sorted(site.glob(pattern))\n',
           "",
           "zh-Hant/javascripts/copy-link.js: "),
    Mutant("an override that changes nothing", "source/traditional.yml",
           "overrides:\n",
           "overrides:\n  - simplified: 网络\n    traditional: 網路\n    why: s2twp gives it already.\n",
           "source/traditional.yml:10: override 网络 → 網路 changes nothing: OpenCC s2twp already gives 網路"),
)
def copy_project(target: Path) -> None:
    # The npm tools (the offline copy's worker shim, axe-core) are installed, not copied.
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    for name in COPIED:
        source = ROOT / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)


def apply(root: Path, mutant: Mutant) -> None:
    path = root / mutant.path
    text = path.read_text(encoding="utf-8")
    if text.count(mutant.old) != 1:
        raise InputError(f"mutant '{mutant.name}': {mutant.path} holds {text.count(mutant.old)} copies of "
                         f"the text to break, not 1; update scripts/gpt4qa/run/mutants.py")
    path.write_text(text.replace(mutant.old, mutant.new), encoding="utf-8")


def run(mutant: Mutant) -> tuple[bool, str]:
    """(caught, the last lines of what ran) for one mutant, in a fresh copy of the project."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        copy_project(root)
        apply(root, mutant)
        if mutant.expect.startswith("tests/"):
            # One test, in this process (-n 0: no workers to start for it).
            command = [sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", "-p", "no:cacheprovider", mutant.expect]
            env = mkdocs.environment(("SITE_URL",), PYTHONDONTWRITEBYTECODE="1")
            result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
            summary = (result.stdout.strip().splitlines() or [""])[-1]
            # Caught when the named test fails; a test that errors (its fixture broke) proves nothing.
            failed = result.returncode == 1 and " failed" in f" {summary}" and "error" not in summary
            return failed, "\n".join(result.stdout.strip().splitlines()[-3:])
        result = mkdocs.build(root / "site", config=root / "mkdocs.yml", quiet=True, unset=("SITE_URL",),
                              env={"PYTHONDONTWRITEBYTECODE": "1"})
    caught = result.returncode != 0 and mutant.expect in result.stderr
    return caught, "\n".join(result.stderr.strip().splitlines()[-4:])


def run_all(fast: bool = False, report=print) -> int:
    """Every mutant (only those `make test` runs when `fast`); the number that survived."""
    survived = []
    chosen = [mutant for mutant in MUTANTS if not (fast and mutant.slow)]
    for mutant in chosen:
        caught, output = run(mutant)
        report(f"{'caught  ' if caught else 'SURVIVED'} {mutant.name}")
        if not caught:
            survived.append(mutant.name)
            report("  " + output.replace("\n", "\n  "))
    report(f"mutants: {len(chosen) - len(survived)}/{len(chosen)} caught")
    return len(survived)


def describe() -> list[str]:
    lines = []
    for mutant in MUTANTS:
        by = "the tests" if mutant.expect.startswith("tests/") else "the build"
        lines.append(f"{mutant.name}: {mutant.path} — caught by {by}: {mutant.expect}")
    return lines
