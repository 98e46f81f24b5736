"""The whole-site PDF of each edition and printing: outline, text layer, links, fonts, metadata,
print CSS. The Traditional edition's PDF (site/zh-Hant/gpt-4-qa.pdf) is held to the Simplified
one's structure, set in its own face and language."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from pypdf import PdfReader

from gpt4qa.checks.anchors import read_contract
from gpt4qa.checks.built_site import load_site
from gpt4qa.core.editions import EDITIONS, PDF, SIMPLIFIED, TRADITIONAL, Edition
from gpt4qa.export.cjk_font import look_alike_readings, preferred_reading
from gpt4qa.export.pdf import fix_cmap
from gpt4qa.render.print_view import mend
from gpt4qa.sources.article import load_article, squash
from gpt4qa.sources.figures import Figure
from helpers import HOSTED_URL

# The print CSS follows each external link with its address; that is print furniture, not text.
PRINTED_URL = re.compile(r"（https?://[^）]*）")
LOOK_ALIKE_RANGE = re.compile(r"[\u2e80-\u2fdf]")
# Code points a text layer should never hold for this text: presentation forms (ligatures such
# as U+FB01 "fi"), radicals and compatibility ideographs.
NOT_TEXT = re.compile(r"[\ufb00-\ufb4f\u2e80-\u2fdf\uf900-\ufaff]")


@pytest.fixture(scope="module")
def reader(pdf) -> PdfReader:
    return PdfReader(pdf)


@pytest.fixture(scope="module")
def text(reader) -> str:
    return "".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture(scope="module")
def traditional_pdf(real_site) -> Path:
    return real_site / TRADITIONAL.download(PDF)


@pytest.fixture(scope="module")
def traditional_reader(traditional_pdf) -> PdfReader:
    return PdfReader(traditional_pdf)


@pytest.fixture(scope="module")
def convert():
    from gpt4qa.sources.conversion import Converter

    return Converter.load(TRADITIONAL)


def outline_titles(items, depth=0):
    for item in items:
        if isinstance(item, list):
            yield from outline_titles(item, depth + 1)
        else:
            yield depth, item.title


def test_a4_and_metadata(reader):
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    meta = reader.metadata
    assert meta.title == load_article().front_matter["title"]
    assert meta.author == "冉昱"
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_outline_names_the_ten_questions_in_order(reader):
    titles = [title for _, title in outline_titles(reader.outline)]
    questions = [t for t in titles if re.match(r"\d\d、", t)]
    assert [q[:3] for q in questions] == [f"{n:02d}、" for n in range(1, 11)]


def heading(tag) -> str:
    for link in tag.select(".headerlink"):
        link.decompose()
    return tag.get_text(" ", strip=True)


def reading_order(site) -> list[BeautifulSoup]:
    """The site's pages in the order a reader follows "next" from the home page."""
    pages, url = [], "index.html"
    while url:
        page = BeautifulSoup((site / url).read_text(encoding="utf-8"), "lxml")
        pages.append(page)
        following = page.select_one("a.md-footer__link--next")
        url = (Path(url).parent / following["href"] / "index.html").as_posix() if following else None
    return pages


def test_bookmarks_are_the_site_headings_once_each_in_reading_order(reader, real_site):
    bookmarks = list(outline_titles(reader.outline))
    expected = []
    for page in reading_order(real_site):
        article = page.select_one("article.md-content__inner")
        expected.append(heading(article.h1))
        expected += [heading(h) for h in article.select("h2")]
    questions = [title for depth, title in bookmarks if depth == 1 and re.match(r"\d\d、", title)]
    assert bookmarks[0] == (0, "图目录")
    assert (0, "十问十答") in bookmarks and (0, "附录") in bookmarks  # nav sections, as in the navigation
    assert len(questions) == 10  # the ten answers sit under 十问十答, as in the navigation
    assert [title for _, title in bookmarks if title not in ("图目录", "十问十答", "附录")] == expected


def test_bookmarks_point_at_their_headings(reader):
    """Each bookmark opens the page its heading is printed on."""
    pages_text = [squash(page.extract_text() or "") for page in reader.pages]

    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item

    for item in walk(reader.outline):
        number = reader.get_destination_page_number(item)
        assert squash(item.title)[:12] in pages_text[number], (item.title, number + 1)


def test_every_sentence_copies_as_the_article_chinese(text):
    layer = squash(PRINTED_URL.sub("", squash(text)))
    missing = [s.text for s in load_article().sentences if s.text not in layer]
    assert missing == []


def test_no_radical_look_alikes_in_the_text_layer(text):
    assert LOOK_ALIKE_RANGE.findall(text) == []


def test_no_presentation_forms_or_compatibility_code_points_in_the_text_layer(text):
    assert NOT_TEXT.findall(text) == []
    assert "fine-tuned" in text


def test_every_caption_is_printed_at_its_figure(text):
    """Each caption twice: in the list of figures and at the figure itself (a card, until the
    original is found), never only in the list; and each card says its original is missing."""
    from gpt4qa.sources.figures import load_table

    layer = squash(PRINTED_URL.sub("", squash(text)))
    figures = load_table()
    for figure in figures:
        assert layer.count(squash(f"{figure.label}{figure.caption}")) >= 2, figure.label
    assert layer.count("原图未收录") >= len(figures)


def test_internal_links_land(reader):
    destinations = set(reader.named_destinations)
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") == "/Link" and "/Dest" in link:
                targets.append(str(link["/Dest"]))
    assert len(targets) > 50
    assert [t for t in targets if t not in destinations] == []


def printed_anchors(site) -> list[str]:
    """The contract's anchors on the pages a reader reaches by "next" from the home page: the
    pages of the navigation, which the print view holds (the generated 图目录 is not one)."""
    pages = set()
    for page in reading_order(site):
        canonical = page.select_one('link[rel="canonical"]')["href"]
        pages.add("/" + canonical.removeprefix(HOSTED_URL))
    return [anchor for anchor in read_contract() if anchor.partition("#")[0] in pages]


def test_every_section_and_figure_is_a_named_destination(reader, real_site):
    """Each heading and figure of the printed pages can be linked into the PDF (alias ids kept for
    old links are in the print view, tested below, but are not sections)."""
    from urllib.parse import quote

    from gpt4qa.checks.anchors import is_section, public_anchors

    destinations = {name.lstrip("/") for name in reader.named_destinations}
    printed = {anchor.partition("#")[0] for anchor in printed_anchors(real_site)}
    sections = [a for a in public_anchors(load_site(real_site), is_section) if a.partition("#")[0] in printed]
    wanted = {quote(SIMPLIFIED.print_id(a), safe="-_.") for a in sections}
    assert len(wanted) > 60
    assert sorted(wanted - destinations) == []


def test_every_font_is_embedded(reader):
    fonts = {}
    for page in reader.pages:
        for ref in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = ref.get_object()
            fonts[ref.idnum] = font
    assert fonts
    for font in fonts.values():
        if font["/Subtype"] == "/Type3":
            assert font["/CharProcs"]  # glyphs drawn in the file itself
            continue
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")


def test_first_page_is_not_blank(pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        dark = sum(count for count, value in image.convert("L").getcolors(256) if value < 128)
    assert dark > 500


# --- The Traditional edition's PDF: the Simplified one's structure, its own face and language --

@dataclass(frozen=True)
class Landing:
    """A bookmark: its depth and title, and the print-view ids of the named destinations at the
    place it opens (the same in both editions: their print views share every id)."""

    depth: int
    title: str
    ids: frozenset[str]


def landings(reader: PdfReader) -> list[Landing]:
    from urllib.parse import unquote

    def place(destination) -> tuple:
        return reader.get_destination_page_number(destination), round(float(destination.top or 0), 2)

    at: dict[tuple, set[str]] = {}
    for name, destination in reader.named_destinations.items():
        at.setdefault(place(destination), set()).add(unquote(name.lstrip("/")))

    def walk(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield Landing(depth, item.title, frozenset(at.get(place(item), ())))

    return list(walk(reader.outline))


def outline_differences(first: list[Landing], second: list[Landing]) -> list[str]:
    """Where two PDFs' bookmarks differ in structure: their number, or a bookmark's depth or the
    ids at the place it opens."""
    if len(first) != len(second):
        return [f"{len(first)} bookmarks against {len(second)}"]
    return [f"bookmark {number + 1} ({a.title} / {b.title}): depth {a.depth} at {sorted(a.ids)} against "
            f"depth {b.depth} at {sorted(b.ids)}"
            for number, (a, b) in enumerate(zip(first, second)) if (a.depth, a.ids) != (b.depth, b.ids)]


def foreign_faces(reader: PdfReader, edition: Edition) -> list[str]:
    """The embedded faces (their descriptors' family) that are not the ones the edition prints in."""
    from gpt4qa.export.fonts import edition_families

    found = set()
    for page in reader.pages:
        for ref in (page.get("/Resources", {}).get("/Font") or {}).values():
            descriptor = ref.get_object().get("/FontDescriptor")
            if descriptor is not None:
                found.add(str(descriptor.get_object().get("/FontFamily")))
    return sorted(found - set(edition_families(edition)))


def test_the_traditional_pdf_is_linked_from_its_pages_in_its_language_with_converted_metadata(
        traditional_reader, real_site, convert):
    assert 'href="gpt-4-qa.pdf"' in (real_site / TRADITIONAL.prefix / "index.html").read_text(encoding="utf-8")
    assert 'href="../gpt-4-qa.pdf"' in (real_site / TRADITIONAL.prefix / "about" / "index.html").read_text(
        encoding="utf-8")
    box = traditional_reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    meta = traditional_reader.metadata
    title = convert(load_article().front_matter["title"])
    assert (meta.title, meta.author, meta.subject) == (title, "冉昱", "GPT-4 十問十答")
    assert title == "這波可以，終於有內行人把 GPT-4 說透了。"
    assert traditional_reader.trailer["/Root"]["/Lang"] == TRADITIONAL.language == "zh-TW"
    xmp = traditional_reader.xmp_metadata
    assert (xmp.dc_language, xmp.dc_title) == (["zh-TW"], {"x-default": title})


def test_both_pdfs_bookmarks_have_one_structure_and_open_at_the_same_headings(reader, traditional_reader, convert):
    simplified, traditional = landings(reader), landings(traditional_reader)
    assert len(simplified) > 60 and all(landing.ids for landing in simplified)
    assert outline_differences(simplified, traditional) == []
    # Each title is the converted heading: 圖目錄, 十問十答, the questions …
    assert [landing.title for landing in traditional] == [convert(landing.title) for landing in simplified]
    assert [landing.title for landing in traditional][:1] == ["圖目錄"]


def test_a_bookmark_moved_or_lost_is_named_by_the_outline_comparison(reader):
    simplified = landings(reader)
    moved = [*simplified[:5], replace(simplified[5], depth=simplified[5].depth + 1), *simplified[6:]]
    a = simplified[5]
    assert outline_differences(simplified, moved) == [
        f"bookmark 6 ({a.title} / {a.title}): depth {a.depth} at {sorted(a.ids)} against "
        f"depth {a.depth + 1} at {sorted(a.ids)}"]
    assert outline_differences(simplified, simplified[:-1]) == [f"{len(simplified)} bookmarks against {len(simplified) - 1}"]


def test_the_traditional_pdf_is_set_in_the_tc_faces_and_the_simplified_in_the_sc_faces(reader, traditional_reader):
    assert foreign_faces(traditional_reader, TRADITIONAL) == []
    assert foreign_faces(reader, SIMPLIFIED) == []
    # The check tells them apart: the Simplified PDF, held to the Traditional edition's faces, fails.
    assert foreign_faces(reader, TRADITIONAL) == ["Noto Sans CJK SC", "Noto Sans Mono CJK SC"]


def test_the_traditional_text_layer_copies_as_the_converted_article(traditional_pdf, convert):
    from gpt4qa.sources.conversion import simplified_characters, simplified_only

    # poppler's reading (a tenth of pypdf's time); -raw keeps the content stream's order.
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(traditional_pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    layer = squash(PRINTED_URL.sub("", squash(text)))
    assert [s.text for s in load_article().sentences if squash(convert(s.text)) not in layer] == []
    assert LOOK_ALIKE_RANGE.findall(text) == [] and NOT_TEXT.findall(text) == []
    assert simplified_characters(text, simplified_only()) == []  # page numbers too: 第 1 / 53 頁
    assert "第1/" in squash(text)


def test_print_view_has_every_public_anchor_and_its_links_land(page, served, real_site):
    page.goto(served + SIMPLIFIED.print_view)
    ids = set(page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)"))
    missing = [a for a in printed_anchors(real_site) if SIMPLIFIED.print_id(a) not in ids]
    assert missing == []
    internal = set(page.eval_on_selector_all('a[href^="#"]', "links => links.map(a => a.getAttribute('href').slice(1))"))
    assert sorted(internal - ids - {""}) == []


def test_browser_print_of_an_answer_keeps_caveats_and_drops_navigation(browser, served, tmp_path):
    page = browser.new_page()
    page.goto(served + "q06-safety/")
    # A collapsed block must print open too.
    page.evaluate("""() => {
      const block = document.createElement('details');
      block.className = 'note';
      block.innerHTML = '<summary>折叠的说明</summary><p>折叠块里的正文</p>';
      document.querySelector('article').appendChild(block);
    }""")
    page.emulate_media(media="print")
    path = tmp_path / "q06.pdf"
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True)
    page.close()
    # A plain browser print keeps Chromium's look-alike text layer; read it as the PDF fix would.
    readings = {code: chr(reading) for code, reading in look_alike_readings().items()}
    printed = squash("".join(p.extract_text() for p in PdfReader(path).pages)).translate(readings)
    assert "编者注·局限" in printed and "编者注·勘误" in printed
    assert "折叠块里的正文" in printed
    assert "第1/" in printed  # page numbers
    for chrome in ("Q1GPT-4是什么？", "下载PDF", "搜索", "上一页", "复制链接"):
        assert chrome not in printed


# --- Small fixtures for the helpers -----------------------------------------------------------

def test_fix_cmap_rewrites_destinations_only():
    cmap = b"beginbfchar\n<2F00> <2F00>\n<0003> <2EDA>\n<0004> <4E2D>\nendbfchar\n<0010> <0012> <2F08>\n"
    fixed, count = fix_cmap(cmap, {0x2F00: 0x4E00, 0x2EDA: 0x9875, 0x2F08: 0x4EBA})
    assert count == 3
    assert fixed == b"beginbfchar\n<2F00> <4E00>\n<0003> <9875>\n<0004> <4E2D>\nendbfchar\n<0010> <0012> <4EBA>\n"


def test_look_alike_readings_follow_simplified_chinese():
    readings = look_alike_readings()
    assert chr(readings[0x2F00]) == "一" and chr(readings[0x2EDA]) == "页" and chr(readings[0x2F3E]) == "户"
    assert 0x4E00 not in readings  # an ideograph is never rewritten to something else
    assert preferred_reading([0x2F00, 0x4E00]) == 0x4E00
    assert preferred_reading([0x4E00, 0x4E8C]) is None  # two simplified characters: keep Chromium's


def test_look_alike_readings_of_the_traditional_face_follow_big5():
    readings = look_alike_readings(TRADITIONAL.font)
    # The TC face draws 戶, 頁 and 長 as its radicals, and the two wave dashes alike.
    assert [chr(readings[code]) for code in (0x2F00, 0x2F3E, 0x2FB4, 0x2ED1, 0x301C)] == ["一", "戶", "頁", "長", "～"]
    assert preferred_reading([0x2F3E, 0x6236], "cp950") == 0x6236
    assert 0x2FB4 not in look_alike_readings()  # the SC face's readings would leave 頁 as the radical ⾴
    assert preferred_reading([0x2EDA, 0x9875], "cp950") is None  # 页 is not Big5: no reading to prefer


def test_mend_adds_a_figure_list_and_fixes_home_links():
    html = (
        '<section id="print-site-cover-page">封面</section>'
        '<section class="print-page md-section" id="section-2"><h1>十问</h1>'
        '<section class="print-page" id="q02"><h1 id="q02-t">第二问<a class="headerlink" href="#q02-t">¶</a></h1>'
        '<h2 id="q02-context">上下文</h2></section></section><a href="#.">首页</a><a href="#figures">图目录</a>'
    )
    out = mend(html, (Figure(1, "a", "index.md", "图注", "替代"),), SIMPLIFIED)
    assert '<a href="#index">首页</a>' in out
    assert '<a href="#print-figures">图目录</a>' in out
    assert (
        '<section id="print-site-cover-page">封面</section>'
        '<section class="print-page print-view-list" id="print-toc"><h1>目录</h1><ol class="print-toc">'
        '<li><a href="#print-figures">图目录</a></li>'
        '<li><a href="#section-2">十问</a><ol><li><a href="#q02">第二问</a>'
        '<ol><li><a href="#q02-context">上下文</a></li></ol></li></ol></li></ol></section>'
        '<section class="print-page print-view-list" id="print-figures"><h1>图目录</h1>'
        '<ol class="print-figure-list"><li><a href="#fig-1">图 1 图注</a></li></ol></section>'
    ) in out


@pytest.mark.parametrize(
    "anchor, expected",
    [("/", "index"), ("/#intro", "index-intro"), ("/q02-improvements/", "q02-improvements"),
     ("/q02-improvements/#context-window", "q02-improvements-context-window"), ("/about/#fig-25", "fig-25")],
)
def test_print_view_ids(anchor, expected):
    assert SIMPLIFIED.print_id(anchor) == expected


def render_pdf(real_site, folder: Path, editions: tuple[Edition, ...], **env: str) -> Path:
    """make build's PDF step (its editions in one Chromium session) run again on a copy of the
    real site, with extra environment; the copy's folder."""
    import os
    import shutil
    import sys

    from helpers import EPOCH, ROOT

    site = folder / "site"
    shutil.copytree(real_site, site, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **env}
    options = [part for edition in editions for part in ("--edition", edition.key)]
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "pdf", str(site), *options],
                          env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == [f"pdf {edition.key}" for edition in editions]
    return site


@pytest.fixture(scope="module")
def renders(pdf, real_site, tmp_path_factory) -> dict[str, dict[Edition, Path]]:
    """Each edition's PDF as the build wrote it (fontconfig seeing every font of this machine), and
    both rendered again, in another run, with only the project's fonts."""
    from gpt4qa.export.fonts import write_fontconfig

    folder = tmp_path_factory.mktemp("renders")
    only_ours = write_fontconfig(folder / "fontconfig")
    sites = {"first": real_site,
             "project fonts only": render_pdf(real_site, folder / "ours", EDITIONS, FONTCONFIG_FILE=str(only_ours))}
    return {name: {edition: site / edition.download(PDF) for edition in EDITIONS} for name, site in sites.items()}


def system_font_families() -> set[str]:
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    return {name for line in listing.splitlines() for name in line.split(",")}


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda edition: edition.key)
def test_two_pdf_runs_are_byte_identical_whatever_other_fonts_a_machine_has(renders, edition):
    """The build's PDF, with every font installed here (CI installs DejaVu, Liberation and
    WenQuanYi for this), and another run's with only ours: the same bytes, so one commit gives
    one file whichever run and whatever else a machine has. Should they differ, the outline and
    the text layer are compared first, to say which."""
    from gpt4qa.export.fonts import FAMILIES

    others = system_font_families() - set(FAMILIES)
    print(f"other font families on this machine: {len(others)} ({', '.join(sorted(others)[:6])} …)")
    first, ours = renders["first"][edition], renders["project fonts only"][edition]
    if first.read_bytes() != ours.read_bytes():
        everything, only_ours = PdfReader(first), PdfReader(ours)
        assert list(outline_titles(everything.outline)) == list(outline_titles(only_ours.outline))
        assert [p.extract_text() for p in everything.pages] == [p.extract_text() for p in only_ours.pages]
        pytest.fail(f"{edition.key}: the same outline and text layer, but other bytes differ")


def test_print_css_names_the_project_fonts():
    """The print stylesheet names the faces gpt4qa/export/fonts.py installs and nothing else."""
    from gpt4qa.export.fonts import FAMILIES
    from helpers import ROOT

    css = (ROOT / "docs" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    named = set(re.findall(r'"([^"]+)"', "".join(re.findall(r"(?:--[\w-]*font|font-family):([^;]+);", css))))
    assert named == set(FAMILIES)


# --- PDF/UA: the finished PDF passes pdfua; a raw Chromium PDF does not ----------------------

def pdfua(path: Path) -> dict:
    import json
    import sys

    checker = Path(sys.executable).parent / "pdfua"
    done = subprocess.run([str(checker), "check", "--format", "json", str(path)], capture_output=True, text=True)
    assert done.returncode in (0, 1, 2, 3), done.stderr
    return json.loads(done.stdout)


def test_pdf_passes_the_machine_checkable_part_of_pdf_ua(pdf, reader):
    report = pdfua(pdf)
    assert report["summary"]["errors"] == 0, report["findings"]
    assert report["summary"]["warnings"] == 0, report["findings"]
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])
    assert b"pdfuaid:part" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_the_traditional_pdf_passes_the_machine_checkable_part_of_pdf_ua(traditional_pdf, traditional_reader):
    report = pdfua(traditional_pdf)
    assert (report["summary"]["errors"], report["summary"]["warnings"]) == (0, 0), report["findings"]
    assert bool(traditional_reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])
    assert b"pdfuaid:part" in traditional_reader.trailer["/Root"]["/Metadata"].get_object().get_data()


SMALL_PAGE = """<!doctype html><html lang="zh"><head><style>
@page { size: A4; margin: 20mm; @bottom-center { content: "第 " counter(page) " 页"; font-family: "Noto Sans CJK SC"; } }
body { font-family: "Noto Sans CJK SC"; }
</style></head><body>
<h1 id="title">小标题</h1>
<figure id="fig-1"><img alt="一张灰色的方块" width="40" height="40"
  src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='40'%3E%3Crect width='40' height='40' fill='gray'/%3E%3C/svg%3E">
<figcaption>图 1 方块</figcaption></figure>
<p>正文一句。<a href="#title">回到标题</a>，<a href="https://example.com/">外部链接</a>。</p>
</body></html>"""


def test_finishing_turns_a_raw_chromium_pdf_into_one_pdfua_passes(browser, tmp_path):
    import pikepdf

    from gpt4qa.export import pdf_accessibility as a11y
    from gpt4qa.render.print_view import Entry

    page = browser.new_page()
    page.set_content(SMALL_PAGE)
    raw = tmp_path / "raw.pdf"
    page.pdf(path=str(raw), format="A4", tagged=True, prefer_css_page_size=True)
    page.close()
    before = {finding["rule_id"] for finding in pdfua(raw)["findings"]}
    assert {"UA-01-003", "UA-13-004", "UA-18-005", "UA-28-004"} <= before

    finished = tmp_path / "finished.pdf"
    with pikepdf.open(raw) as pdf:
        a11y.write_outline(pdf, [Entry(0, "小标题", "title")])
        assert a11y.mark_artifacts(pdf) >= 1  # the page number
        assert a11y.retag_figure_groups(pdf) == 1
        assert a11y.figures_without_alt(pdf) == 0
        assert a11y.describe_links(pdf, {"/title": "小标题"}) == 2
        a11y.write_metadata(pdf, title="小文档", author="编者", language="zh-CN", epoch=1700000000)
        pdf.save(finished)
    report = pdfua(finished)
    assert (report["summary"]["errors"], report["summary"]["warnings"]) == (0, 0), report["findings"]
    reader = PdfReader(finished)
    assert [title for _, title in outline_titles(reader.outline)] == ["小标题"]
    contents = sorted(str(a.get_object()["/Contents"]) for a in reader.pages[0]["/Annots"])
    assert contents == ["外部链接：https://example.com/", "跳转到：小标题"]


def test_outline_entry_without_a_destination_stops_the_export(browser, tmp_path):
    import pikepdf

    from gpt4qa.core.errors import InputError
    from gpt4qa.export import pdf_accessibility as a11y
    from gpt4qa.render.print_view import Entry

    page = browser.new_page()
    page.set_content(SMALL_PAGE)
    raw = tmp_path / "raw.pdf"
    page.pdf(path=str(raw), format="A4", tagged=True)
    page.close()
    with pikepdf.open(raw) as pdf, pytest.raises(InputError, match="no destination for the heading '别处'"):
        a11y.write_outline(pdf, [Entry(0, "别处", "elsewhere")])


# --- What the PDF step needs, and what it says when something is missing ---------------------

def test_pdf_step_names_a_missing_font_in_one_line(real_site, tmp_path):
    import os
    import shutil
    import sys

    from helpers import ROOT

    site = tmp_path / "site"
    shutil.copytree(real_site / SIMPLIFIED.print_view, site / SIMPLIFIED.print_view)
    empty = tmp_path / "fonts.conf"
    empty.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "pdf", str(site)], capture_output=True,
                          text=True, env={**os.environ, "FONTCONFIG_FILE": str(empty)})
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "install the Debian packages fonts-noto-cjk fonts-noto-color-emoji" in done.stderr
    assert not (site / "gpt-4-qa.pdf").exists()


def test_pdf_step_of_an_edition_whose_print_view_is_missing_stops_in_one_line(tmp_path):
    from helpers import docs_command

    (tmp_path / SIMPLIFIED.print_view).mkdir()
    (tmp_path / SIMPLIFIED.print_view / "index.html").write_text("<html></html>", encoding="utf-8")
    done = docs_command("pdf", str(tmp_path), "--edition", TRADITIONAL.key)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"error: {tmp_path}: no print view at zh-Hant/print_page/; run make build first\n"


def test_pdf_step_names_a_missing_chromium_in_one_line(real_site, tmp_path, monkeypatch, capsys):
    import shutil

    from gpt4qa.cli import main
    from gpt4qa.run import browser

    site = tmp_path / "site"
    shutil.copytree(real_site / SIMPLIFIED.print_view, site / SIMPLIFIED.print_view)
    monkeypatch.setattr(browser, "CHROMIUM", str(tmp_path / "no-chromium"))
    assert main(["pdf", str(site)]) == 2
    error = capsys.readouterr().err
    assert error == f"error: {tmp_path / 'no-chromium'} is missing; install the Debian package chromium\n"


def test_project_fontconfig_sees_only_the_project_fonts(tmp_path):
    import os

    from gpt4qa.export.fonts import FAMILIES, write_fontconfig

    config = write_fontconfig(tmp_path)
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True,
                             env={**os.environ, "FONTCONFIG_FILE": str(config)}).stdout
    families = {name for line in listing.splitlines() for name in line.split(",")}
    assert set(FAMILIES) <= families
    # The Noto CJK collections hold their Japanese, Korean and Traditional faces too; nothing else.
    assert all(name.startswith("Noto ") for name in families), families


def test_missing_family_names_its_package(monkeypatch):
    from gpt4qa.core.errors import MissingTool
    from gpt4qa.export import fonts as project_fonts

    monkeypatch.setattr(project_fonts, "faces", lambda family: [] if family == "Noto Color Emoji" else ["x"])
    with pytest.raises(MissingTool, match=r"^fonts missing: Noto Color Emoji; install the Debian packages fonts-noto-color-emoji$"):
        project_fonts.require_fonts()
