"""What the tests share: a small fixture project (a two-question article, its figure table, its
parts and a site built by hand), the real build's settings, and a browser page that fails on any
console error. Fixtures that use these are in conftest.py.

The pages carry a content security policy (no inline script or style but the theme's, no eval), so
a test changes an open page by CSSOM (`add_style`) or `evaluate`, never by add_script_tag or
add_style_tag, and waits with a function (`"() => …"`): Playwright polls an expression with eval."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ARTICLE = textwrap.dedent(
    """\
    ---
    title: "测试文章：GPT-4 十问。"
    author: "测试作者"
    selfDefined:"likes:1,"
    ---
    ![图片](/images/jueJin/aaa111.png)

    **👉导读**

    这是导读的第一句。这是**第二句**！

    01、第一个问题
    -----------

    上下文分别是 8K 和 32K，比 GPT-3.5 高 40%。

    ![image.png](/images/jueJin/bbb222.png)

    02、第二个问题
    -----------

    *   列表中的一句话。

    _1\\. 参考 [example.com/a…](https://link.juejin.cn?target=https%3A%2F%2Fexample.com%2Fa "https://example.com/a")_
    """
)

TABLE = textwrap.dedent(
    """\
    figures:
      - id: aaa111
        page: index.md
        caption: 开篇配图
        alt: 文章开篇的配图
      - id: bbb222
        page: q01.md
        caption: 两种上下文长度
        alt: 对比 8K 与 32K 两种上下文长度的图
    """
)

PARTS = textwrap.dedent(
    """\
    parts:
      - page: index.md
      - page: q01.md
        begins: "01、"
      - page: q02.md
        begins: "02、"
    """
)

FIGURE = (
    '<figure class="article-figure" id="fig-{number}" data-figure-id="{ident}">'
    '<img src="{src}" alt="{alt}" width="10" height="10"><figcaption>{label} {caption}</figcaption></figure>'
)
CARD = (
    '<figure class="article-figure figure-card" id="fig-{number}" data-figure-id="{ident}">'
    '<span class="figure-card__missing" role="img" aria-label="{alt}">原图未收录</span>'
    "<figcaption>{label} {caption}</figcaption></figure>"
)
SECOND_FIGURE = dict(number=2, ident="bbb222", alt="对比 8K 与 32K 两种上下文长度的图", label="图 2", caption="两种上下文长度")

PAGES = {
    "": (
        "<h1>测试文章：GPT-4 十问。</h1>"
        + FIGURE.format(src="images/jueJin/aaa111.png", number=1, ident="aaa111", alt="文章开篇的配图", label="图 1",
                        caption="开篇配图")
        + "<h2>👉导读</h2><p>这是导读的第一句。这是<strong>第二句</strong>！</p>"
    ),
    "q01/": (
        "<h1>01、第一个问题</h1><p>上下文分别是 8K 和 32K，比 GPT-3.5 高 40%。</p>"
        + FIGURE.format(src="../images/jueJin/bbb222.png", **SECOND_FIGURE)
    ),
    "q02/": (
        "<h1>02、第二个问题</h1><ul><li>列表中的一句话。</li></ul>"
        '<ol><li>参考 <a href="https://example.com/a">example.com/a…</a></li></ol>'
    ),
}


@dataclass
class Project:
    """A fixture project: article, figure table and a built site whose pages tests may break."""

    root: Path

    @property
    def article(self) -> Path:
        return self.root / "article.md"

    @property
    def table(self) -> Path:
        return self.root / "figures.yml"

    @property
    def parts(self) -> Path:
        return self.root / "parts.yml"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, url: str) -> Path:
        return self.site / url / "index.html"

    def write_page(self, url: str, content: str) -> None:
        path = self.page(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'<html><body><nav>导航</nav><article class="md-content__inner">{content}</article></body></html>',
            encoding="utf-8",
        )

    def edit_page(self, url: str, old: str, new: str) -> None:
        path = self.page(url)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture page /{url} has no {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{path.name} has no {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")


# --- The real site: how the tests build it and where they serve it ------------------------------

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/gpt-4-qa/"
HOSTED_URL = "https://reader.github.io/gpt-4-qa/"
# The real build's dates (make sets the last commit's time; a bare pytest run, a fixed one), so a
# PDF rendered again in a test can be compared with the build's byte for byte.
EPOCH = os.environ.get("SOURCE_DATE_EPOCH") or "1700000000"


def mkdocs_build(root: Path, site: Path, **env: str):
    """A strict page build of a project tree (the real one, or a copy a test changed)."""
    from gpt4qa.run import mkdocs

    return mkdocs.build(site, config=root / "mkdocs.yml", env=env)


def docs_command(*args: str, **env: str):
    """`python scripts/docs.py ARGS…` as make runs it; the finished process, output captured."""
    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), *args], capture_output=True,
                          text=True, env=environment, cwd=ROOT)


def add_style(tab, css: str) -> None:
    """Add a stylesheet to the open page as a constructed one: the pages' content security policy
    refuses the inline <style> element Playwright's add_style_tag writes, but not CSSOM."""
    tab.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
                 " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }", css)


@contextmanager
def checked_page(browser, **options):
    """A page in a fresh context; on leaving, fails on any console error, uncaught exception
    or dialog (an injected alert) that happened while it was open."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN", **options})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield tab
    context.close()
    assert errors == [], f"console errors or dialogs: {errors}"
