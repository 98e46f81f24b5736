"""Small before/after fixtures: a two-question article, its figure table and a site built by hand."""

from __future__ import annotations

import textwrap
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

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


@pytest.fixture
def project(tmp_path: Path) -> Project:
    fixture = Project(tmp_path)
    fixture.article.write_text(ARTICLE, encoding="utf-8")
    fixture.table.write_text(TABLE, encoding="utf-8")
    fixture.parts.write_text(PARTS, encoding="utf-8")
    for url, content in PAGES.items():
        fixture.write_page(url, content)
    images = fixture.site / "images" / "jueJin"
    images.mkdir(parents=True)
    for ident in ("aaa111", "bbb222"):
        (images / f"{ident}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return fixture


# --- The real site, built once per session, served under a sub-path, opened in Chromium -------

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/gpt-4-qa/"
HOSTED_URL = "https://reader.github.io/gpt-4-qa/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The real build's dates (make sets the last commit's time; a bare pytest run, a fixed one), so a
# PDF rendered again in a test can be compared with the build's byte for byte.
EPOCH = __import__("os").environ.get("SOURCE_DATE_EPOCH") or "1700000000"


def mkdocs_build(root: Path, site: Path, **env: str):
    import os
    import subprocess
    import sys

    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=root)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The complete site as make build writes it (pages, PDF, offline copy): its folder and log."""
    import os
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("build") / "site"
    # Built as the deploy workflow builds it: for a project site under a sub-path (never fetched).
    env = {**os.environ, "SITE_URL": HOSTED_URL, "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), str(site)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


@pytest.fixture(scope="session")
def pdf(built) -> Path:
    from pdf_export import PDF_NAME

    return built[0] / PDF_NAME


@pytest.fixture(scope="session")
def real_site(built) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def served(real_site) -> str:
    """The real site served on localhost under a sub-path, as GitHub Pages would host it."""
    from static_server import start

    server = start(real_site, PREFIX)
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run make test (it installs chromium) or apt-get install chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


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


@pytest.fixture
def page(browser):
    with checked_page(browser) as tab:
        yield tab
