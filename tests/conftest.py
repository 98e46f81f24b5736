"""Fixtures: the small fixture project, the real site built once per session (pages only, and
complete with the PDF and the offline copy), served under a sub-path, and Chromium.

Tests are marked by what they need (`pytest -m "not browser and not build"` is the quick run):
`build` for the real site's build, `browser` for Chromium, `slow` for the complete build (the PDF
and the offline copy) and the mutants; the marks follow from the fixtures a test uses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gpt4qa.core.editions import PDF
from gpt4qa.core.project import CHROMIUM, CHROMIUM_ARGS
from helpers import ARTICLE, EPOCH, HOSTED_URL, PAGES, PARTS, PREFIX, TABLE, Project, checked_page, docs_command

BUILD_FIXTURES = {"built", "pages_built", "real_site", "pages_site", "pdf", "served", "served_pages"}
COMPLETE_FIXTURES = {"built", "real_site", "pdf", "served"}


def pytest_collection_modifyitems(items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if names & COMPLETE_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if {"browser", "page"} & names:
            item.add_marker(pytest.mark.browser)


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

# Built as the deploy workflow builds it: for a project site under a sub-path (never fetched).
REAL_ENV = {"SITE_URL": HOSTED_URL, "SOURCE_DATE_EPOCH": EPOCH}


def _real_build(tmp_path_factory, command: str) -> tuple[Path, str]:
    """`docs.py COMMAND SITE` once for the whole run: the first of pytest-xdist's workers to ask
    builds it, under a lock, in the folder the workers share; the others wait and read it (each
    worker has session fixtures of its own, and two complete builds at once cost half a minute)."""
    import fcntl
    import os

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # every worker's base folder is below it
    folder = shared / f"real-{command}"
    with open(shared / f"real-{command}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        log = folder / "build.log"
        if not log.is_file():
            result = docs_command(command, str(folder / "site"), **REAL_ENV)
            assert result.returncode == 0, result.stderr
            log.write_text(result.stderr, encoding="utf-8")
    return folder / "site", log.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pages_built(tmp_path_factory):
    """The pages as make build's first step writes them (no PDF, no offline copy): folder and log."""
    return _real_build(tmp_path_factory, "pages")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The complete site as make build writes it (pages, PDF, e-book, offline copy): its folder and log."""
    return _real_build(tmp_path_factory, "build")


@pytest.fixture(scope="session")
def pdf(built) -> Path:
    return built[0] / PDF.file


@pytest.fixture(scope="session")
def real_site(built) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def pages_site(pages_built) -> Path:
    return pages_built[0]


def _serve(site: Path):
    from gpt4qa.run.server import start

    server = start(site, PREFIX)
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@pytest.fixture(scope="session")
def offline(real_site, tmp_path_factory) -> Path:
    """The offline copy's zip the real build wrote, unzipped as a reader would: its folder."""
    import zipfile

    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(real_site / "gpt-4-qa-offline.zip") as archive:
        archive.extractall(folder)
    return folder / "gpt-4-qa-offline"


@pytest.fixture(scope="session")
def served(real_site) -> str:
    """The complete site served on localhost under a sub-path, as GitHub Pages would host it."""
    yield from _serve(real_site)


@pytest.fixture(scope="session")
def served_pages(pages_site) -> str:
    """The pages served on localhost under a sub-path: for tests that need no download."""
    yield from _serve(pages_site)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run make test (it installs chromium) or apt-get install chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    with checked_page(browser) as tab:
        yield tab
