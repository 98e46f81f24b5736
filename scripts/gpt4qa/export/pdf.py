"""Render each edition's whole-site PDF from its print view, with a text layer that copies as Chinese.

    python scripts/docs.py pdf site                      # writes site/gpt-4-qa.pdf, prints its figures
    python scripts/docs.py pdf site --edition zh-Hant    # site/zh-Hant/gpt-4-qa.pdf
    python scripts/docs.py pdf site --edition zh-Hans --edition zh-Hant   # both, one Chromium

Chromium prints an edition's print view (site/print_page/, site/zh-Hant/print_page/: cover,
contents, home, Q1 … Q10, about) to a tagged A4 PDF, set in the fonts the project installs for
that edition (gpt4qa/export/fonts.py: Noto Sans CJK SC, or TC for the Traditional edition). Its
text layer maps common ideographs that Noto CJK draws with the same glyph as a radical (一 人 大
文 方 首 页 长 …) to the radical (U+2E80–U+2FDF), and a few others to a twin (户 → 戶 in the SC
face), so copying and searching fail; the fix rewrites those ToUnicode entries to the character
the edition's text uses (gpt4qa/export/cjk_font.py), then sets the document's metadata (pypdf):
the article's title and the publication table, converted for a converted edition
(gpt4qa/export/wording.py), and the edition's language. The bookmarks (the print view's
headings, so a converted edition's are its converted headings), the artifacts, figure and link
descriptions and the PDF/UA claim follow (gpt4qa/export/pdf_accessibility.py, pikepdf).

Several editions are printed in one Chromium session, each finished in a thread while Chromium
prints the next (finishing is Python, printing is Chromium's processes), so two editions take
well under twice one's time (`docs.py bench pdf` measures it).

Exit 0 with the PDF written; 2 with one line naming what is missing (the print view, Chromium,
a font) and nothing written.
"""

from __future__ import annotations

import io
import logging
import os
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
from bs4 import BeautifulSoup
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from gpt4qa.core.editions import PDF, SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError
from gpt4qa.export import pdf_accessibility as a11y
from gpt4qa.export import wording
from gpt4qa.export.cjk_font import look_alike_readings
from gpt4qa.export.fonts import require_fonts
from gpt4qa.export.wording import Convert
from gpt4qa.render import print_view
from gpt4qa.render.print_view import Entry, heading_text
from gpt4qa.sources.bundle import Sources
from gpt4qa.sources.publication import Publication

# pypdf notes that Chromium's trailer undercounts its objects; the file reads correctly.
logging.getLogger("pypdf").setLevel(logging.ERROR)
_CMAP_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


@dataclass(frozen=True)
class PdfStats:
    path: Path
    pages: int
    size: int
    seconds: float  # from the start of the Chromium session until this PDF was written
    remapped: int
    artifacts: int
    edition: Edition = SIMPLIFIED


def _fix_destination(hex_text: bytes, equivalents: dict[int, int]) -> bytes:
    if len(hex_text) % 4:
        return hex_text
    text = bytes.fromhex(hex_text.decode()).decode("utf-16-be", errors="surrogatepass")
    fixed = "".join(chr(equivalents.get(ord(c), ord(c))) for c in text)
    return fixed.encode("utf-16-be", errors="surrogatepass").hex().upper().encode()


def fix_cmap(cmap: bytes, equivalents: dict[int, int]) -> tuple[bytes, int]:
    """Rewrite radical destinations in a ToUnicode CMap; return it and how many changed.

    bfchar and bfrange lines are `<src> <dst>` and `<lo> <hi> <dst>`: only the destination,
    the last code on a line of two or more, is text; the others are glyph ids.
    """
    changed = 0
    lines = []
    for line in cmap.split(b"\n"):
        codes = list(_CMAP_HEX.finditer(line))
        if len(codes) >= 2:
            last = codes[-1]
            fixed = _fix_destination(last.group(1), equivalents)
            if fixed != last.group(1):
                changed += 1
                line = line[: last.start(1)] + fixed + line[last.end(1):]
        lines.append(line)
    return b"\n".join(lines), changed


def fix_text_layer(writer: PdfWriter, equivalents: dict[int, int]) -> int:
    """Fix every font's ToUnicode map once; return how many entries were remapped."""
    seen: set[int] = set()
    changed = 0
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            stream_ref = font.get("/ToUnicode")
            if stream_ref is None or getattr(stream_ref, "idnum", None) in seen:
                continue
            seen.add(getattr(stream_ref, "idnum", id(stream_ref)))
            stream = stream_ref.get_object()
            data, count = fix_cmap(stream.get_data(), equivalents)
            if count:
                stream.set_data(data)
                changed += count
    return changed


def renumber_structure_ids(writer: PdfWriter) -> None:
    """Give structure elements ids in reading order: Chromium names them after DOM node ids,
    which change from run to run. Table cells' /Headers, which point at header cells by id,
    and the id tree follow the new names."""
    root = writer.root_object.get("/StructTreeRoot")
    if root is None:
        return
    root = root.get_object()
    names: dict[str, str] = {}
    elements: list[tuple[str, object]] = []
    visited = []
    pending = [(None, root)]
    while pending:
        ref, node = pending.pop()
        visited.append(node)
        if node.get("/Type") == "/StructElem" and "/ID" in node:
            names[str(node["/ID"])] = new = f"id{len(names):06d}"
            node[NameObject("/ID")] = TextStringObject(new)
            elements.append((new, ref))
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids]
        for kid in reversed(kids):  # a stack: reversed, so children are numbered in order
            target = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(target, dict) and target.get("/Type") in (None, "/StructElem") and "/S" in target:
                pending.append((kid if hasattr(kid, "get_object") else None, target))
    for node in visited:
        attributes = node.get("/A")
        attributes = attributes.get_object() if hasattr(attributes, "get_object") else attributes
        for attribute in (attributes if isinstance(attributes, list) else [attributes]):
            attribute = attribute.get_object() if hasattr(attribute, "get_object") else attribute
            if isinstance(attribute, dict) and "/Headers" in attribute:
                attribute[NameObject("/Headers")] = ArrayObject(
                    TextStringObject(names.get(str(h), str(h))) for h in attribute["/Headers"]
                )
    pairs = ArrayObject()
    for new, ref in elements:
        if ref is not None:
            pairs.extend([TextStringObject(new), ref])
    # The old id tree's nodes would still be written, unreferenced, with the old names: empty them.
    old = [root.get("/IDTree")]
    while old:
        node = old.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            old.extend(node.get("/Kids", []))
            node.clear()
    root[NameObject("/IDTree")] = DictionaryObject({NameObject("/Names"): pairs})


@dataclass(frozen=True)
class PrintView:
    """What the PDF needs to know of the print view: its bookmarks and where each link lands."""

    title: str
    entries: list[Entry]
    targets: dict[str, str]  # named destination -> the text of the element it lands on

    @classmethod
    def read(cls, html: str, title: str) -> PrintView:
        soup = BeautifulSoup(html, "lxml")
        landing = {link["href"][1:] for link in soup.select('a[href^="#"]') if len(link["href"]) > 1}
        targets = {
            a11y.destination_name(element["id"]): heading_text(element)[:80]
            for element in soup.select("[id]") if element["id"] in landing
        }
        return cls(title, print_view.outline(soup), targets)


def _source_date() -> int | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return int(epoch) if epoch else None


def fix_text(raw_pdf: Path, title: str, publication: Publication, language: str,
             font: str = SIMPLIFIED.font) -> tuple[bytes, int]:
    """The text layer (as text in the CJK face `font` reads) and docinfo fixed (pypdf); return
    the PDF's bytes and remapped entries."""
    writer = PdfWriter(clone_from=PdfReader(raw_pdf))
    remapped = fix_text_layer(writer, look_alike_readings(font))
    renumber_structure_ids(writer)
    metadata = {"/Title": title, "/Author": publication.author, "/Subject": publication.subject,
                "/Creator": "MkDocs + Chromium"}
    if (epoch := _source_date()) is not None:
        # Reproducible builds: the commit's time, not the clock's, so two runs match byte for byte.
        stamp = datetime.fromtimestamp(epoch, tz=UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
        metadata |= {"/CreationDate": stamp, "/ModDate": stamp}
    writer.add_metadata(metadata)
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), remapped


def finish(raw_pdf: Path, out: Path, view: PrintView, publication: Publication,
           edition: Edition = SIMPLIFIED, convert: Convert = str) -> tuple[int, int, int]:
    """Text layer, bookmarks, tags and metadata, as the edition writes them (`convert`: its
    conversion of the link descriptions' words); return (pages, remapped entries, artifacts)."""
    data, remapped = fix_text(raw_pdf, view.title, publication, edition.language, edition.font)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        a11y.write_outline(pdf, view.entries)
        artifacts = a11y.mark_artifacts(pdf)
        a11y.retag_figure_groups(pdf)
        if missing := a11y.figures_without_alt(pdf):
            raise InputError(f"{missing} figure(s) in the PDF have no alternative text")
        a11y.describe_links(pdf, view.targets, convert)
        a11y.write_metadata(pdf, title=view.title, author=publication.author, language=edition.language,
                            epoch=_source_date())
        pdf.save(out, deterministic_id=True)
        return len(pdf.pages), remapped, artifacts


_PREPARE = """async () => {
  // Print everything: lazy images loaded, collapsed blocks open, fonts ready.
  document.querySelectorAll('img[loading="lazy"]').forEach(img => { img.loading = "eager"; });
  document.querySelectorAll("details").forEach(details => { details.open = true; });
  await Promise.all([...document.images].map(img => img.complete ? null : new Promise(done => {
    img.addEventListener("load", done); img.addEventListener("error", done);
  })));
  await document.fonts.ready;
  // What the page's scripts do before printing (Material opens collapsed blocks on beforeprint),
  // done now rather than racing Chromium's own beforeprint; then the layout left to settle: the
  // same height ten frames running, and every font face in use loaded (a machine under load is
  // slower, not different: a PDF of one page more was seen under two test workers).
  window.dispatchEvent(new Event("beforeprint"));
  let last = -1, still = 0;
  while (still < 10) {
    await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
    await document.fonts.ready;
    const height = document.documentElement.scrollHeight;
    still = height === last ? still + 1 : 0;
    last = height;
  }
}"""


@dataclass(frozen=True)
class _Job:
    """One edition's PDF: what it is printed from and finished with, and where it goes."""

    edition: Edition
    view: PrintView
    publication: Publication
    convert: Convert
    out: Path


def _print_view(site: Path, edition: Edition) -> Path:
    print_html = site / edition.print_view / "index.html"
    if not print_html.is_file():
        raise InputError(f"{site}: no print view at {edition.print_view}; run make build first")
    return print_html


def _job(site: Path, edition: Edition, sources: Sources, out: Path | None) -> _Job:
    print_html = _print_view(site, edition)
    require_fonts(edition)
    convert = wording.converter(edition, sources)
    title = convert(sources.article.front_matter.get("title", ""))
    view = PrintView.read(print_html.read_text(encoding="utf-8"), title)
    return _Job(edition, view, wording.publication(sources, convert), convert, out or site / edition.download(PDF))


def render(site: Path, out: Path | None = None, edition: Edition = SIMPLIFIED,
           sources: Sources | None = None) -> PdfStats:
    """Print an edition's print view to its PDF; raise InputError or MissingTool with what is wrong."""
    return render_editions(site, (edition,), sources, {edition: out} if out else None)[0]


def render_editions(site: Path, editions: tuple[Edition, ...], sources: Sources | None = None,
                    outs: dict[Edition, Path] | None = None) -> list[PdfStats]:
    """Print each edition's print view to its PDF (`outs`, or its download in `site`) in one
    Chromium session, each finished in a thread while Chromium prints the next; raise
    InputError or MissingTool with what is wrong, before anything is printed where it can be."""
    from playwright.sync_api import sync_playwright

    from gpt4qa.run.browser import launch, require_chromium
    from gpt4qa.run.server import start

    sources = sources or Sources()
    for edition in editions:
        _print_view(site, edition)
    require_chromium()
    jobs = [_job(site, edition, sources, (outs or {}).get(edition)) for edition in editions]
    started = time.perf_counter()

    def finished(job: _Job, raw: Path) -> PdfStats:
        pages, remapped, artifacts = finish(raw, job.out, job.view, job.publication, job.edition, job.convert)
        return PdfStats(job.out, pages, job.out.stat().st_size, time.perf_counter() - started, remapped,
                        artifacts, job.edition)

    server = start(site, "/")
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp, \
                ThreadPoolExecutor(max_workers=1) as finishing:
            browser = launch(playwright)
            pending = []
            for job in jobs:
                raw = Path(tmp) / f"{job.edition.key}.pdf"
                page = browser.new_page()
                page.emulate_media(media="print")
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{job.edition.print_view}",
                          wait_until="networkidle")
                page.evaluate(_PREPARE)
                # Bookmarks are ours (pdf_accessibility.write_outline), not Chromium's outline.
                page.pdf(path=str(raw), format="A4", print_background=True, tagged=True, prefer_css_page_size=True)
                page.close()
                pending.append(finishing.submit(finished, job, raw))
            browser.close()
            return [future.result() for future in pending]
    finally:
        server.shutdown()
