"""The e-book (gpt4qa/export/epub.py, gpt4qa/checks/epub.py): every sentence kept, epubcheck
clean, nested like the PDF's bookmarks, notes and terms linked both ways, byte-reproducible; the
Traditional edition's (site/zh-Hant/gpt-4-qa.epub) held to the converted article, in its language."""

from __future__ import annotations

import os
import re
import uuid
import zipfile
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from gpt4qa.checks.epub import check_book, read_book
from gpt4qa.core.editions import EPUB, OFFLINE, SIMPLIFIED, TRADITIONAL, Edition
from gpt4qa.core.errors import InputError
from gpt4qa.export import epub as export
from gpt4qa.sources.bundle import Sources
from helpers import EPOCH, docs_command

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
PHONE = {"width": 390, "height": 844}


@contextmanager
def source_date(epoch: str):
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def make_book(site: Path, out: Path, edition: Edition = SIMPLIFIED) -> export.EpubStats:
    with source_date(EPOCH):
        return export.make(site, out, edition)


@pytest.fixture(scope="module")
def pages_book(pages_site, tmp_path_factory) -> export.EpubStats:
    """The e-book made from the pages build, as make build's EPUB step makes it."""
    return make_book(pages_site, tmp_path_factory.mktemp("epub") / EPUB.file)


@pytest.fixture(scope="module")
def unpacked(pages_book, tmp_path_factory):
    return read_book(pages_book.path, tmp_path_factory.mktemp("unpacked"))


@pytest.fixture(scope="module")
def traditional_book(pages_site, tmp_path_factory) -> export.EpubStats:
    """The Traditional edition's e-book made from the pages build (site/zh-Hant/)."""
    return make_book(pages_site, tmp_path_factory.mktemp("epub-hant") / EPUB.file, TRADITIONAL)


@pytest.fixture(scope="module")
def convert():
    from gpt4qa.sources.conversion import Converter

    return Converter.load(TRADITIONAL)


def edited(book: Path, out: Path, name: str, old: str, new: str) -> Path:
    """A copy of a book with one text of one of its files replaced."""
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == name:
                text = data.decode("utf-8")
                assert text.count(old) == 1, f"{name} holds {text.count(old)} copies of {old!r}"
                data = text.replace(old, new).encode("utf-8")
            target.writestr(info, data)
    return out


def package_document(book: Path) -> etree._Element:
    with zipfile.ZipFile(book) as archive:
        return etree.fromstring(archive.read("EPUB/content.opf"))


# --- the article, whole, in the book -----------------------------------------------------------

def test_the_e_book_keeps_every_sentence_number_link_and_figure_of_the_article(pages_book):
    sources = Sources()
    report = check_book(pages_book.path, sources)
    assert report.problems == []
    found = {tally.name: (tally.found, tally.total) for tally in report.tallies}
    article = sources.article
    assert found["sentences"] == (len(article.sentences),) * 2
    assert found["numbers"] == (len(article.numbers),) * 2
    assert found["links"] == (len(article.placed_links),) * 2
    assert found["figures"] == (len(sources.figures),) * 2 == (25, 25)
    assert found["internal links"][1] > 400 and found["navigation"][1] > 60
    assert pages_book.seconds <= 5


def test_a_sentence_dropped_from_the_e_book_is_reported_with_its_page_and_article_line(pages_book, tmp_path):
    sentence = "需要注意的是，GPT-4 基础模型在这项任务上只比 GPT-3.5 略好一点。"
    broken = edited(pages_book.path, tmp_path / "broken.epub", "EPUB/q05-reasoning.xhtml", sentence, "")
    assert check_book(broken).problems == [
        "sentence missing from /q05-reasoning/ (article line 166, Q5): 需要注意的是，GPT-4基础模型在这项任务上只比GPT-3.5略好一点。",
    ]


def test_a_sentence_hidden_inside_an_editor_s_aside_counts_as_lost(pages_book, tmp_path):
    sentence = "可以看到，GPT-4 相比 GPT3.5 和 Anthropic 优势较明显。"
    broken = edited(pages_book.path, tmp_path / "broken.epub", "EPUB/q05-reasoning.xhtml", sentence,
                    f'<aside class="editor-note admonition opinion" role="note"><p>{sentence}</p></aside>')
    assert check_book(broken).problems == [
        "sentence missing from /q05-reasoning/ (article line 168, Q5): 可以看到，GPT-4相比GPT3.5和Anthropic优势较明显。",
    ]


def test_a_link_inside_the_e_book_that_lands_nowhere_is_reported(pages_book, tmp_path):
    broken = edited(pages_book.path, tmp_path / "broken.epub", "EPUB/q02-improvements.xhtml",
                    'href="q04-applications.xhtml">Q4</a>', 'href="q04-applications.xhtml#nowhere">Q4</a>')
    assert check_book(broken).problems == [
        "q02-improvements.xhtml: q04-applications.xhtml#nowhere lands on no element "
        "(no id 'nowhere' in q04-applications.xhtml)",
    ]


def test_a_navigation_entry_titled_otherwise_than_its_heading_is_reported(pages_book, tmp_path):
    broken = edited(pages_book.path, tmp_path / "broken.epub", "EPUB/nav.xhtml",
                    '<a href="q01-what-is-gpt-4.xhtml#gpt-series">GPT 系列概览</a>',
                    '<a href="q01-what-is-gpt-4.xhtml#gpt-series">GPT 系列</a>')
    assert check_book(broken).problems == [
        "navigation entry “GPT 系列” (q01-what-is-gpt-4.xhtml#gpt-series) is titled “GPT 系列概览” in the book",
    ]


# --- structure: the navigation, the notes, the glossary, the cover -------------------------------

def test_the_navigation_nests_as_the_pdf_bookmarks_do_titled_exactly_by_the_headings(unpacked, pages_site):
    from gpt4qa.render.print_view import outline

    print_view = BeautifulSoup((pages_site / SIMPLIFIED.print_view / "index.html").read_text(encoding="utf-8"), "lxml")
    bookmarks = [(entry.depth, entry.title) for entry in outline(print_view)]
    assert [(entry.depth, entry.title) for entry in unpacked.nav] == bookmarks
    questions = [entry for entry in unpacked.nav if re.match(r"\d\d、", entry.title)]
    assert [entry.depth for entry in questions] == [1] * 10  # under 十问十答, as in the navigation
    assert (0, "十问十答", None) in [(e.depth, e.title, e.href) for e in unpacked.nav]  # a title, not a page
    # Each entry lands on its heading, and each page's title and sections are listed once.
    from gpt4qa.checks.epub import check_nav

    assert check_nav(unpacked, unpacked.pages(SIMPLIFIED)).problems == []


def test_documents_follow_the_navigation_after_the_cover_and_the_contents(unpacked):
    pages = [entry.href for entry in unpacked.nav if entry.href and "#" not in entry.href]
    assert unpacked.spine == ["cover.xhtml", "nav.xhtml", *pages]
    assert pages[:2] == ["figures.xhtml", "index.xhtml"] and pages[-3:] == ["glossary.xhtml", "notes.xhtml",
                                                                            "sources.xhtml"]


def test_editor_notes_are_asides_of_their_kind_at_their_sentence_linked_both_ways_with_the_notes_index(unpacked):
    notes = unpacked.documents["notes.xhtml"]
    asides = [(name, aside) for name, soup in unpacked.documents.items() for aside in soup.find_all("aside")]
    assert len(asides) == 37
    for name, aside in asides:
        kind = [c for c in aside["class"] if c not in ("editor-note", "admonition")]
        assert len(kind) == 1 and aside["role"] == "note", aside.get("id")
        title = aside.find("p", class_="admonition-title")
        assert title.get_text().startswith("编者注 · "), title
        back = title.find("a", class_="editor-note__index")
        entry = notes.find(id=back["href"].removeprefix("notes.xhtml#"))
        assert entry is not None and entry.find("a")["href"] == f"{name}#{aside['id']}"
    # Not a single note left as the site's admonition box.
    assert not [name for name, soup in unpacked.documents.items() if soup.select("div.admonition")]


def test_glossary_terms_link_to_their_entry_and_each_entry_lists_its_uses(unpacked):
    glossary = unpacked.documents["glossary.xhtml"]
    links = [(name, link) for name, soup in unpacked.documents.items() for link in soup.select("a.gloss")]
    assert len(links) > 60
    for name, link in links:
        assert link["epub:type"] == "glossref" and link["href"].startswith("glossary.xhtml#")
        term = glossary.find(id=link["href"].removeprefix("glossary.xhtml#"))
        assert term is not None and term.name == "dt", link
        uses = term.find_next_sibling("dd").find("p", class_="glossary__uses")
        assert f"{name}#{link['id']}" in [a["href"] for a in uses.find_all("a")], link
    assert not [name for name, soup in unpacked.documents.items() if soup.select("button, [role=tooltip]")]


def test_the_cover_gives_title_author_publisher_and_date(unpacked):
    cover = unpacked.documents["cover.xhtml"]
    assert cover.find("h1").get_text() == "这波可以，终于有内行人把 GPT-4 说透了。"
    meta = [item.get_text() for item in cover.select("dl.cover__meta > *")]
    assert meta == ["作者", "冉昱", "发布", "腾讯云开发者", "日期", "2023-03-16"]


def test_no_document_ships_a_script_a_web_font_or_a_colour(pages_book):
    with zipfile.ZipFile(pages_book.path) as archive:
        names = archive.namelist()
        css = archive.read("EPUB/style/book.css").decode("utf-8")
        documents = [archive.read(name).decode("utf-8") for name in names if name.endswith(".xhtml")]
    assert not [name for name in names if name.endswith((".js", ".woff", ".woff2", ".ttf", ".otf"))]
    assert not [d for d in documents if "<script" in d or " style=" in d]
    assert "@font-face" not in css and "font-family: monospace" in css
    # No colour of its own: light, sepia and dark reader themes all apply.
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb|hsl|background", css)
    assert "line-break: strict" in css


# --- the package: metadata, reproducibility, the zip ---------------------------------------------

def test_metadata_names_the_article_and_what_is_true_of_its_accessibility(pages_book):
    opf = package_document(pages_book.path)
    metadata = opf.find(f"{OPF}metadata")
    dc = {element.tag.removeprefix(DC): element.text for element in metadata if element.tag.startswith(DC)}
    assert dc == {"identifier": dc["identifier"], "title": "这波可以，终于有内行人把 GPT-4 说透了。",
                  "language": "zh-Hans", "creator": "冉昱", "publisher": "腾讯云开发者", "date": "2023-03-16"}
    name = "gpt-4-qa|这波可以，终于有内行人把 GPT-4 说透了。|冉昱|2023-03-16|zh-Hans"
    assert dc["identifier"] == f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"
    properties: dict[str, list[str]] = {}
    for meta in metadata.iter(f"{OPF}meta"):
        if meta.get("property"):
            properties.setdefault(meta.get("property"), []).append(meta.text)
    modified = datetime.fromtimestamp(int(EPOCH), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert properties["dcterms:modified"] == [modified]
    assert properties["schema:accessMode"] == ["textual"]  # no original image is in the site
    assert properties["schema:accessModeSufficient"] == ["textual"]
    assert properties["schema:accessibilityHazard"] == ["none"]
    assert set(properties["schema:accessibilityFeature"]) == {
        "structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "ARIA"}
    assert "编者注" in properties["schema:accessibilitySummary"][0]


def test_two_builds_of_the_e_book_are_byte_identical_and_dated_by_the_commit(pages_site, pages_book, tmp_path):
    again = make_book(pages_site, tmp_path / "again.epub")
    assert again.path.read_bytes() == pages_book.path.read_bytes()
    with zipfile.ZipFile(again.path) as archive:
        entries = archive.infolist()
    first = entries[0]
    assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
    stamp = datetime.fromtimestamp(int(EPOCH), tz=UTC).timetuple()[:6]
    # A zip entry's time has two-second steps (MS-DOS time): an odd second is stored as the one before.
    assert {entry.date_time for entry in entries} == {stamp[:5] + (stamp[5] // 2 * 2,)}


def test_xml_ids_are_kept_or_made_valid():
    assert export.xml_id("context-window") == "context-window"
    assert export.xml_id("gloss-.-llm") == "gloss-.-llm"
    assert export.xml_id("这波可以终于有内行人把-gpt-4-说透了") == "这波可以终于有内行人把-gpt-4-说透了"
    assert export.xml_id("02相比其他gpt模型") == "id-02相比其他gpt模型"
    assert export.xml_id("a:b c") == "id-a-b-c"


# --- bad input: one line naming the file, nothing written ------------------------------------------

def test_a_site_without_its_print_view_stops_the_step_in_one_line(tmp_path):
    done = docs_command("epub", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr == f"error: {tmp_path}: no print view at print_page/; run make build first\n"
    assert not list(tmp_path.iterdir())


def test_an_article_without_its_date_stops_the_e_book_naming_file_and_line(tmp_path):
    from gpt4qa.core.project import ARTICLE_PATH

    article = tmp_path / "article.md"
    article.write_text(ARTICLE_PATH.read_text(encoding="utf-8").replace("date: 2023-03-16\n", "date: 2023年\n"),
                       encoding="utf-8")
    with pytest.raises(InputError) as error:
        export.front_matter(Sources(article_path=article))
    assert str(error.value) == (f"{article}:4: the front matter needs `date` as YYYY-MM-DD for the e-book's "
                                "metadata")


def test_a_link_the_book_cannot_hold_stops_it_naming_the_page_and_line(pages_site, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(pages_site, site)
    page = site / "q02-improvements" / "index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('<a href="../q04-applications/">Q4</a>', '<a href="../print_page/">Q4</a>', 1),
                    encoding="utf-8")
    line = text[:text.index('<a href="../q04-applications/">Q4</a>')].count("\n") + 1
    with pytest.raises(InputError) as error:
        make_book(site, tmp_path / "book.epub")
    assert str(error.value) == f"{page}:{line}: links /print_page/, which the e-book does not hold"
    assert not (tmp_path / "book.epub").exists()


# --- what make build writes ------------------------------------------------------------------------

@pytest.mark.parametrize("edition", [SIMPLIFIED, TRADITIONAL], ids=lambda edition: edition.key)
def test_make_build_writes_the_e_book_the_home_and_about_pages_link_and_the_offline_copy_holds(built, edition):
    from gpt4qa.export.offline import folder_name

    site, log = built
    book = site / edition.download(EPUB)
    assert book.is_file() and not list(site.rglob("*.part"))
    assert 'href="gpt-4-qa.epub"' in (site / edition.prefix / "index.html").read_text(encoding="utf-8")
    assert 'href="../gpt-4-qa.epub"' in (site / edition.prefix / "about" / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(site / edition.download(OFFLINE)) as archive:
        assert archive.read(f"{folder_name(edition)}/gpt-4-qa.epub") == book.read_bytes()
    assert book.stat().st_size <= 2 * 1024 * 1024


def test_epubcheck_finds_no_error_and_no_warning_in_either_edition_s_built_e_book(built):
    done = docs_command("check", "epub", str(built[0]), "--edition", SIMPLIFIED.key, "--edition", TRADITIONAL.key)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2, done.stdout
    for edition, line in zip((SIMPLIFIED, TRADITIONAL), lines):
        assert re.fullmatch(rf"epub {edition.key}: epubcheck \S+: 0 errors, 0 warnings; figures 25/25, "
                            r"sentences (\d+)/\1, numbers (\d+)/\2, links (\d+)/\3, marked (\d+)/\4, "
                            r"internal links (\d+)/\5, navigation (\d+)/\6", line), line


def test_the_built_e_book_is_the_one_the_pages_make(built, pages_book, traditional_book):
    """make build's EPUB step and the step run on the pages alone give the same bytes, in each edition."""
    assert (built[0] / EPUB.file).read_bytes() == pages_book.path.read_bytes()
    assert (built[0] / TRADITIONAL.download(EPUB)).read_bytes() == traditional_book.path.read_bytes()


# --- the Traditional edition's e-book ----------------------------------------------------------------

def test_the_traditional_e_book_keeps_every_converted_sentence_number_link_and_figure(traditional_book, convert):
    sources = Sources()
    report = check_book(traditional_book.path, sources, TRADITIONAL, convert)
    assert report.problems == []
    found = {tally.name: (tally.found, tally.total) for tally in report.tallies}
    assert found["sentences"] == (len(sources.article.sentences),) * 2
    assert found["figures"] == (25, 25) and found["navigation"][1] > 60


def test_an_unconverted_book_held_to_the_converted_article_loses_every_sentence_conversion_changes(pages_book, convert):
    """The Simplified book checked as the Traditional edition's: each sentence OpenCC changes is missing."""
    sources = Sources()
    report = check_book(pages_book.path, sources, TRADITIONAL, convert)
    sentences = next(tally for tally in report.tallies if tally.name == "sentences")
    expected = [f"sentence missing from /{TRADITIONAL.url(sources.parts.page_of(s.line))} "
                f"(article line {s.line}, {s.section}): {convert(s.text)}"
                for s in sources.article.sentences if convert(s.text) != s.text]
    assert len(expected) > 150
    assert sentences.problems == expected
    assert expected[0].startswith("sentence missing from /zh-Hant/ (article line ")


def test_the_traditional_e_book_is_in_its_language_with_converted_metadata_and_words(traditional_book, convert,
                                                                                     tmp_path):
    from gpt4qa.sources.conversion import simplified_characters, simplified_only

    opf = package_document(traditional_book.path)
    metadata = opf.find(f"{OPF}metadata")
    dc = {element.tag.removeprefix(DC): element.text for element in metadata if element.tag.startswith(DC)}
    title = "這波可以，終於有內行人把 GPT-4 說透了。"
    assert dc == {"identifier": dc["identifier"], "title": title, "language": "zh-Hant", "creator": "冉昱",
                  "publisher": "騰訊雲開發者", "date": "2023-03-16"}
    name = f"gpt-4-qa|{title}|冉昱|2023-03-16|zh-Hant"
    assert dc["identifier"] == f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"
    summary = next(meta.text for meta in metadata.iter(f"{OPF}meta")
                   if meta.get("property") == "schema:accessibilitySummary")
    book = read_book(traditional_book.path, tmp_path)
    cover = book.documents["cover.xhtml"]
    assert [item.get_text() for item in cover.select("dl.cover__meta > *")] == [
        "作者", "冉昱", "發布", "騰訊雲開發者", "日期", "2023-03-16"]
    assert "從簡體中文版自動轉換" in cover.select_one(".cover__note").get_text()
    assert book.documents["nav.xhtml"].find("title").get_text() == "目錄"
    assert {soup.find("html").get("lang") for soup in book.documents.values()} == {"zh-Hant"}
    # No page's note linking its Simplified page: the book says it once, on its cover.
    assert not [name for name, soup in book.documents.items() if soup.select(".edition-note")]
    words = summary + "".join(soup.get_text() for soup in book.documents.values())
    assert simplified_characters(words, simplified_only()) == []


# --- as a reader sees it: Chromium at a phone's width ------------------------------------------------

@pytest.mark.parametrize("document", ["cover.xhtml", "q02-improvements.xhtml", "glossary.xhtml", "notes.xhtml"])
def test_documents_fit_a_phone_screen_without_scrolling_sideways(browser, unpacked, document):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
    page.goto((unpacked.folder / document).as_uri())
    width = page.evaluate("document.documentElement.scrollWidth")
    widest = page.evaluate("Math.max(0, ...[...document.querySelectorAll('table, figure, aside')]"
                           ".map(e => e.getBoundingClientRect().right))")
    context.close()
    assert errors == [] and width <= PHONE["width"] and widest <= PHONE["width"], (width, widest)


@pytest.mark.parametrize("url, document", [("", "index.xhtml"), ("q02-improvements/", "q02-improvements.xhtml"),
                                           ("figures/", "figures.xhtml")])
def test_each_page_has_its_document_and_each_document_its_page(url, document):
    assert SIMPLIFIED.ebook_document(url) == document
    assert SIMPLIFIED.ebook_page(document) == url
    assert SIMPLIFIED.ebook_page("cover.xhtml") is None and SIMPLIFIED.ebook_page("nav.xhtml") is None
