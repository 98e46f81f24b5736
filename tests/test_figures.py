"""Figures as readers meet them: compact cards for missing originals, the original in full the
moment it is dropped in (and larger on click), and a list of figures that lands on each one."""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw

from gpt4qa.run.server import start
from gpt4qa.sources.figure_data import load_figure_data
from gpt4qa.sources.figures import load_table
from helpers import EPOCH, checked_page
from test_site_build import copy_project

# Builds the real site (or a changed copy of it) itself.
pytestmark = pytest.mark.build

CARD_LIMIT = 160  # px: about two lines of text, at a desktop and at a phone width
WIDTHS = {"desktop": 1280, "phone": 390}
CARD_PAGES = ["", "q02-improvements/", "q04-applications/", "q06-safety/", "about/"]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_cards_are_compact_upright_and_named(browser, served_pages, width, scheme):
    with checked_page(browser, color_scheme=scheme, viewport={"width": width, "height": 900}) as page:
        for url in CARD_PAGES:
            page.goto(served_pages + url)
            cards = page.eval_on_selector_all("figure.figure-card", """cards => cards.map(card => ({
              height: card.getBoundingClientRect().height,
              captionStyle: getComputedStyle(card.querySelector('figcaption')).fontStyle,
              name: card.querySelector('[role="img"]')?.getAttribute('aria-label') || '',
              mark: card.querySelector('[role="img"]')?.textContent || '',
            }))""")
            assert cards, url
            for card in cards:
                assert card["height"] <= CARD_LIMIT, (url, card)
                assert card["captionStyle"] == "normal", (url, card)
                assert card["name"] and card["mark"] == "原图未收录", (url, card)


def test_every_caption_is_printed_once(pages_site):
    for figure in load_table():
        url = "" if figure.page == "index.md" else figure.page.removesuffix(".md") + "/"
        holder = soup(pages_site, url).select_one(f"#fig-{figure.number}")
        assert holder.get_text().count(figure.caption) == 1, figure.label


def test_cards_print_compactly_and_whole(browser, served_pages):
    with checked_page(browser) as page:
        page.emulate_media(media="print")
        page.goto(served_pages + "q02-improvements/")
        cards = page.eval_on_selector_all("figure.figure-card", """cards => cards.map(card => ({
          height: card.getBoundingClientRect().height,
          breakInside: getComputedStyle(card).breakInside,
          visible: card.querySelector('figcaption').getBoundingClientRect().height > 0,
        }))""")
    drawn = {table.figure for table in load_figure_data() if table.figure}
    assert len(cards) == sum(1 for f in load_table() if f.page == "q02-improvements.md" and f.id not in drawn) == 11
    assert all(card["height"] <= CARD_LIMIT and card["breakInside"] == "avoid" and card["visible"] for card in cards)


def test_figure_list_lands_on_every_figure(pages_site):
    page = soup(pages_site, "figures/")
    rows = page.select("article table tbody tr")
    figures = load_table()
    assert len(rows) == len(figures)
    for row, figure in zip(rows, figures):
        link = row.select_one("td a")
        assert link.get_text() == figure.label and figure.caption in row.get_text()
        target = posixpath.normpath(posixpath.join("figures", link["href"]))
        url, _, anchor = target.partition("#")
        assert soup(pages_site, url if url != "." else "").select_one(f"#{anchor}") is not None, link["href"]
    # Linked from the home page and the about page.
    for url in ("", "about/"):
        assert soup(pages_site, url).select_one('a[href$="figures/"]') is not None, url


# --- An original, dropped in under the same name, is shown in full and opens larger ----------

@pytest.fixture(scope="module")
def with_an_original(tmp_path_factory):
    """A copy of the project with figure 5's original in place (figure 5 is otherwise drawn from
    its data), built completely (pages, PDF, offline copy; its Simplified edition) and served."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    figure = load_table()[4]
    original = Image.new("RGB", (600, 300), (250, 250, 245))
    pen = ImageDraw.Draw(original)
    for column, value in enumerate((120, 200, 90, 240)):
        pen.rectangle((60 + column * 130, 280 - value, 140 + column * 130, 280), fill=(60, 90, 160))
    (root / "docs" / figure.image_path).parent.mkdir(parents=True, exist_ok=True)
    original.save(root / "docs" / figure.image_path)
    # The Simplified edition alone: what is looked at here is the figure, and the Traditional
    # edition's formats are each held to the same figure table by their own tests.
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("editions: [zh-Hans, zh-Hant]", "editions: [zh-Hans]"),
                      encoding="utf-8")
    site = root / "site"
    # The complete build, as make build runs it in that copy: pages, PDF and offline copy.
    result = subprocess.run([sys.executable, str(root / "scripts" / "docs.py"), "build", str(site)], cwd=root,
                            capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    server = start(site, "/")
    yield site, f"http://127.0.0.1:{server.server_address[1]}/", figure
    server.shutdown()


def test_original_replaces_the_card_with_nothing_else_changed(with_an_original):
    site, _, figure = with_an_original
    holder = soup(site, "q02-improvements/").select_one(f"#fig-{figure.number}")
    img = holder.select_one("img")
    assert (img["width"], img["height"]) == ("600", "300") and img["alt"] == figure.alt
    assert "figure-card" not in holder["class"] and "原图未收录" not in holder.get_text()
    assert holder.select_one("figcaption").get_text().count(figure.caption) == 1
    assert holder.select_one("a.glightbox") is not None  # the lightbox's link around the image
    listing = soup(site, "figures/").select("article table tbody tr")[figure.number - 1]
    assert "已收录" in listing.get_text()
    # Pages without an original load no lightbox.
    assert "glightbox" not in (site / "q03-training" / "index.html").read_text(encoding="utf-8")


def test_original_is_shown_at_its_size_and_opens_larger_by_mouse_and_keyboard(browser, with_an_original):
    _, url, figure = with_an_original
    with checked_page(browser) as page:
        page.goto(url + "q02-improvements/")
        image = page.locator(f"#fig-{figure.number} img")
        image.scroll_into_view_if_needed()
        page.wait_for_function(f"() => document.querySelector('#fig-{figure.number} img').complete")
        assert image.bounding_box()["width"] == pytest.approx(600, abs=2)  # natural size, within the column
        image.click()
        opened = page.locator(".glightbox-container .gslide-image img")
        opened.wait_for(state="visible")
        page.keyboard.press("Escape")
        page.locator(".glightbox-container").wait_for(state="detached")
        page.locator(f"#fig-{figure.number} a.glightbox").focus()
        page.keyboard.press("Enter")
        opened.wait_for(state="visible")
        page.keyboard.press("Escape")
    with checked_page(browser, viewport={"width": 390, "height": 844}) as phone:
        phone.goto(url + "q02-improvements/")
        width = phone.evaluate(f"document.querySelector('#fig-{figure.number} img').getBoundingClientRect().width")
        column = phone.evaluate("document.querySelector('article').getBoundingClientRect().width")
        assert width <= column  # never wider than the content


def test_the_complete_build_carries_the_originals_alternative_text_into_the_pdf(with_an_original):
    import json

    import pikepdf

    from gpt4qa.core.editions import OFFLINE, PDF
    from gpt4qa.export.pdf_accessibility import figure_alt_texts

    site, _, figure = with_an_original
    assert (site / OFFLINE.file).is_file()
    with pikepdf.open(site / PDF.file) as pdf:
        alts = figure_alt_texts(pdf)
    assert figure.alt in alts and all(alt.strip() for alt in alts)
    checker = Path(sys.executable).parent / "pdfua"
    done = subprocess.run([str(checker), "check", "--format", "json", str(site / PDF.file)], capture_output=True, text=True)
    assert json.loads(done.stdout)["summary"]["errors"] == 0, done.stdout[-2000:]


def test_the_complete_build_ships_the_original_in_the_e_book_with_its_alternative_text(with_an_original):
    import zipfile

    from gpt4qa.checks.epub import check_book
    from gpt4qa.core.editions import EPUB
    from gpt4qa.export.epub import epubcheck

    site, _, figure = with_an_original
    book = site / EPUB.file
    with zipfile.ZipFile(book) as archive:
        assert f"EPUB/{figure.image_path}" in archive.namelist()
        document = BeautifulSoup(archive.read("EPUB/q02-improvements.xhtml"), "xml")
        package = archive.read("EPUB/content.opf").decode("utf-8")
    img = document.select_one(f"#fig-{figure.number} img")
    assert (img["src"], img["alt"]) == (figure.image_path, figure.alt)
    assert img.find_parent("a") is None  # the lightbox's link is the site's: a reader shows the image itself
    assert '<meta property="schema:accessMode">visual</meta>' in package
    assert '<meta property="schema:accessibilityFeature">alternativeText</meta>' in package
    assert check_book(book).problems == []
    result = epubcheck(book)
    assert (result.errors, result.warnings) == (0, 0), result.messages
