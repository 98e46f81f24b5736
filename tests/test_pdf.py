"""The whole-site PDF and printing: outline, text layer, links, fonts, metadata, print CSS."""

from __future__ import annotations

import re
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from anchors import read_contract
from article_source import load_article, squash
from built_site import load_site
from cjk_font import look_alike_readings, preferred_reading
from pdf_export import fix_cmap
from print_view import mend, print_view_id
from figure_table import Figure

# The print CSS follows each external link with its address; that is print furniture, not text.
PRINTED_URL = re.compile(r"（https?://[^）]*）")
LOOK_ALIKE_RANGE = re.compile(r"[\u2e80-\u2fdf]")


@pytest.fixture(scope="module")
def reader(pdf) -> PdfReader:
    return PdfReader(pdf)


@pytest.fixture(scope="module")
def text(reader) -> str:
    return "".join(page.extract_text() or "" for page in reader.pages)


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


def test_outline_has_every_section_once_in_reading_order(reader, real_site):
    titles = [title for _, title in outline_titles(reader.outline)]
    assert len(titles) == len(set(titles)), "duplicate bookmarks"
    by_url = {page.url: page for page in load_site(real_site)}
    reading_order = [""] + [f"q{n:02d}" for n in range(1, 11)] + ["about/"]
    sections = []
    for prefix in reading_order:
        page = by_url[prefix] if prefix in by_url else next(p for u, p in by_url.items() if u.startswith(prefix + "-"))
        sections += [h.get_text().replace("¶", "").strip() for h in page.content.select("h2")]
    missing = [heading for heading in sections if heading not in titles]
    assert missing == [], "no bookmark for these sections"
    positions = [titles.index(heading) for heading in sections]
    assert positions == sorted(positions), "bookmarks out of reading order"


def test_every_sentence_copies_as_the_article_chinese(text):
    layer = squash(PRINTED_URL.sub("", squash(text)))
    missing = [s.text for s in load_article().sentences if s.text not in layer]
    assert missing == []


def test_no_radical_look_alikes_in_the_text_layer(text):
    assert LOOK_ALIKE_RANGE.findall(text) == []


def test_figures_with_captions(text):
    layer = squash(text)
    for number in range(1, 26):
        assert f"图{number}" in layer


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


def test_every_public_anchor_is_a_named_destination(reader):
    destinations = {name.lstrip("/") for name in reader.named_destinations}
    from urllib.parse import quote

    wanted = {quote(print_view_id(a), safe="-_.") for a in read_contract()}
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


def test_print_view_has_every_public_anchor_and_its_links_land(page, served):
    page.goto(served + "print_page/")
    ids = set(page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)"))
    missing = [a for a in read_contract() if print_view_id(a) not in ids]
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


def test_mend_adds_a_figure_list_and_fixes_home_links():
    html = '<section class="print-page"><div id="print-page-toc"></div></section><a href="#.">首页</a>'
    html = (
        '<section id="print-site-cover-page">封面</section>'
        '<section class="print-page" id="q02"><h1 id="q02-t">第二问<a class="headerlink" href="#q02-t">¶</a></h1>'
        '<h2 id="q02-context">上下文</h2></section><a href="#.">首页</a>'
    )
    out = mend(html, (Figure(1, "a", "index.md", "图注", "替代"),))
    assert '<a href="#index">首页</a>' in out
    assert (
        '<section id="print-site-cover-page">封面</section>'
        '<section class="print-page print-view-list" id="print-toc"><h1>目录</h1><ol class="print-toc">'
        '<li><a href="#q02">第二问</a><ol><li><a href="#q02-context">上下文</a></li></ol></li></ol></section>'
        '<section class="print-page print-view-list" id="print-figures"><h1>图目录</h1>'
        '<ol class="print-figure-list"><li><a href="#fig-1">图 1 图注</a></li></ol></section>'
    ) in out


@pytest.mark.parametrize(
    "anchor, expected",
    [("/", "index"), ("/#intro", "index-intro"), ("/q02-improvements/", "q02-improvements"),
     ("/q02-improvements/#context-window", "q02-improvements-context-window"), ("/about/#fig-25", "fig-25")],
)
def test_print_view_ids(anchor, expected):
    assert print_view_id(anchor) == expected


def test_two_pdf_runs_are_byte_identical(real_site, tmp_path):
    import os
    import shutil
    import sys

    from conftest import ROOT

    outputs = []
    for name in ("one", "two"):
        site = tmp_path / name
        shutil.copytree(real_site, site, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
        subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf_export.py"), str(site)], check=True, env=env,
                       capture_output=True)
        outputs.append((site / "gpt-4-qa.pdf").read_bytes())
    assert outputs[0] == outputs[1]
