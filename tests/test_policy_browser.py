"""The content security policy in Chromium: every page of the hosted build (served under a
sub-path) and of the offline copy (opened from disk) runs, searched, with a glossary tooltip
open, the print view printed and the lightbox zoomed in and out, without one refusal: no
`securitypolicyviolation` event and no console error.

The pages' policies are the build's (gpt4qa/render/policy.py); nothing here bypasses them. The
mutant "an inline script without its hash" (gpt4qa/run/mutants.py) must fail the first test.
"""

from __future__ import annotations

import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image

from gpt4qa.core.editions import EDITIONS, OFFLINE, SIMPLIFIED, Edition
from gpt4qa.export.offline import folder_name
from gpt4qa.run.search_driver import SearchBox
from gpt4qa.run.server import start
from gpt4qa.sources.figures import load_table
from helpers import HOSTED_URL, PREFIX, checked_page, mkdocs_build
from test_site_build import copy_project

# Every refusal, reported to the test as it happens (on every page the tab opens, before its scripts).
RECORD = """document.addEventListener('securitypolicyviolation', event => window.__policyViolation(
  `${location.pathname.split('/').slice(-2).join('/')}: ${event.effectiveDirective} refused ` +
  `${event.blockedURI || 'inline'} at ${event.sourceFile.split('/').pop() || 'the page'}:${event.lineNumber}: ` +
  event.sample));"""


@contextmanager
def recording(browser, **options):
    """A tab (console errors fail the test, as in every browser test) and the policy's refusals in it."""
    with checked_page(browser, **options) as tab:
        refused: list[str] = []
        tab.expose_binding("__policyViolation", lambda source, text: refused.append(text))
        tab.add_init_script(RECORD)
        yield tab, refused


def settled(tab, refused: list[str]) -> list[str]:
    """The refusals, once the last ones have arrived (each is reported as a task of its own)."""
    tab.wait_for_timeout(100)
    return refused


def page_urls(site: Path, html_files: list[Path]) -> list[str]:
    """Each page's address below the site's root, as a link names it (index.html as its folder)."""
    return [p.relative_to(site).as_posix().removesuffix("index.html") for p in sorted(html_files)]


def offline_copies(real_site: Path, offline: Path, folder: Path) -> dict[Edition, Path]:
    """Each edition's offline copy, unzipped: the Simplified one is the `offline` fixture's."""
    copies = {SIMPLIFIED: offline}
    for edition in EDITIONS[1:]:
        with zipfile.ZipFile(real_site / edition.download(OFFLINE)) as archive:
            archive.extractall(folder)
        copies[edition] = folder / folder_name(edition)
    return copies


def test_every_page_of_the_hosted_site_and_of_the_offline_copy_runs_without_a_policy_violation(
        browser, served, real_site, offline, tmp_path):
    hosted = page_urls(real_site, list(real_site.rglob("*.html")))
    # Two files of the offline copy no reader opens, both broken from disk whatever the policy:
    # the 404 page is the server's (GitHub Pages answers it for any missing address, so its
    # addresses start at the site's root), and nothing in the copy links its print view, whose
    # theme base is the hosted path (/gpt-4-qa/), so its search index is looked for at file:///gpt-4-qa/.
    unopened = {"404.html", "print_page.html"}
    from_disk = []
    for edition, folder in offline_copies(real_site, offline, tmp_path).items():
        own = [url for url in page_urls(folder, list(folder.glob("*.html"))) if url not in unopened]
        pages = [url for url in hosted if url.startswith(edition.prefix)
                 and not any(other.prefix and url.startswith(other.prefix) for other in EDITIONS if other != edition)]
        assert edition.prefix + "print_page/" in pages and len(own) == len(pages) - len(unopened) >= 16, edition.key
        from_disk += [folder / url for url in own]
    with recording(browser) as (tab, refused):
        # Search (the worker, its index), its share link (a javascript: href the theme's script takes
        # over), and Enter in the search form (which the theme turns into following the first result).
        search = SearchBox(tab, served)
        assert search.results("参数量")
        tab.click("[data-md-component=search-share]")  # copies the link and closes the search
        assert search.results("参数量")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert "?h=" in tab.url  # on the best section found, its words to highlight
        tab.goto(served + "q06-safety/")
        term = tab.locator(".gloss__term[data-term='rlhf']")
        term.hover()
        tab.locator(f"#{term.get_attribute('aria-describedby')}").wait_for(state="visible")
        for url in hosted:
            tab.goto(served + url)
        tab.emulate_media(media="print")  # the print view, as the PDF step prints it
        tab.goto(served + "print_page/")
        tab.emulate_media(media="screen")
        for path in from_disk:
            tab.goto(path.as_uri())
        # The offline search: the worker runs in the iframe-worker shim's iframe (its own script hashed).
        tab.locator("input.md-search__input").click()
        tab.keyboard.type("GPT-4 的參數有多少")
        tab.keyboard.press("End")
        tab.wait_for_selector(".md-search-result__item")
        assert settled(tab, refused) == []  # the refusals first; console errors when the tab closes


@pytest.fixture(scope="module")
def lightbox_site(tmp_path_factory):
    """A copy of the project with figure 5's original in place, larger than the window (so the
    lightbox zooms), built as pages only (about 2 s) for the hosted address and served under it."""
    root = copy_project(tmp_path_factory.mktemp("lightbox"))
    figure = load_table()[4]
    (root / "docs" / figure.image_path).parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (2400, 1200), (250, 250, 245)).save(root / "docs" / figure.image_path)
    result = mkdocs_build(root, root / "site", SITE_URL=HOSTED_URL)
    assert result.returncode == 0, result.stderr
    server = start(root / "site", PREFIX)
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}", figure
    server.shutdown()


def test_the_lightbox_opens_zooms_in_and_out_and_closes_without_a_policy_violation(browser, lightbox_site):
    url, figure = lightbox_site
    with recording(browser) as (tab, refused):
        tab.goto(url + "q02-improvements/")
        tab.locator(f"#fig-{figure.number} img").click()
        opened = tab.locator(".glightbox-container .gslide-image img")
        opened.wait_for(state="visible")
        slide = tab.locator(".glightbox-container .gslide.current")
        slide.locator("img").click()  # larger than the window: the first click zooms in …
        tab.wait_for_function("() => document.querySelector('.gslide.current').classList.contains('zoomed')")
        slide.locator("img").click()  # … the second out, restoring the image's style attribute
        tab.wait_for_function("() => !document.querySelector('.gslide.current').classList.contains('zoomed')")
        tab.keyboard.press("Escape")
        tab.locator(".glightbox-container").wait_for(state="detached")
        assert settled(tab, refused) == []
