"""The whole-site print view (mkdocs-print-site-plugin's print_page/): what we add and mend.

The plugin gathers every page into one, with ids prefixed by the page (`q02-improvements-
context-window`) and links rewritten to land inside it. After its cover we add a table of
contents down to each answer's sections and a list of figures, written into the HTML (the
plugin's own contents are copied from the sidebar by script, pages only), so every public
anchor is a link target and so a named destination in the PDF. Links to the home page, which
some plugin versions write as `#.`, are mended to land on it, and the theme's base address,
which the plugin renders as the server root "/", is made relative so the print view's search
works when the site lives under a sub-path.
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from figure_table import Figure

PRINT_PAGE_SRC = "print_page.md"
PRINT_PAGE_FILE = Path("print_page") / "index.html"
HOME_ID = "index"


# What mkdocs-print-site-plugin adds to every page, though only its print view uses it.
PLUGIN_ASSETS = {"css": ("css/print-site.css", "css/print-site-material.css"), "js": ("js/print-site.js",)}


def keep_plugin_assets_to_print_view(extra_css: list, extra_javascript: list) -> dict[str, list[str]]:
    """Take the plugin's stylesheets and script off every page (in place); return them for the
    print view's template (overrides/main.html), which is the one page that needs them."""
    taken = {"css": [], "js": []}
    for kind, entries in (("css", extra_css), ("js", extra_javascript)):
        for entry in list(entries):
            if str(entry) in PLUGIN_ASSETS[kind]:
                entries.remove(entry)
                taken[kind].append(str(entry))
    return taken


def print_view_id(anchor: str) -> str:
    """The id a public anchor (`/page/#id`, `/page/`, `/#fig-3`) has in the print view."""
    url, _, ident = anchor.removeprefix("/").partition("#")
    page = url.strip("/").replace("/", "-") or HOME_ID
    if ident.startswith("fig-"):
        return ident  # figure ids are unique across the site and kept as they are
    return f"{page}-{ident}" if ident else page


def _heading_text(heading: Tag) -> str:
    copy = BeautifulSoup(str(heading), "html.parser")
    for link in copy.select(".headerlink"):
        link.decompose()
    return copy.get_text(" ", strip=True)


def _entry(soup: BeautifulSoup, href: str, text: str) -> Tag:
    item = soup.new_tag("li")
    link = soup.new_tag("a", href=href)
    link.string = text
    item.append(link)
    return item


def _section(soup: BeautifulSoup, ident: str, title: str, listing: Tag) -> Tag:
    section = soup.new_tag("section", attrs={"class": "print-page print-view-list", "id": ident})
    heading = soup.new_tag("h1")
    heading.string = title
    section.extend([heading, listing])
    return section


def contents(soup: BeautifulSoup) -> Tag:
    listing = soup.new_tag("ol", attrs={"class": "print-toc"})
    for page in soup.select("section.print-page[id]"):
        title = page.find("h1")
        if title is None or "print-view-list" in page.get("class", []):
            continue
        item = _entry(soup, f"#{page['id']}", _heading_text(title))
        # Only the page's own sections: a nav section ("十问十答") holds whole pages.
        sections = [h for h in page.select("h2[id]") if h.find_parent("section", class_="print-page") is page]
        if sections:
            nested = soup.new_tag("ol")
            nested.extend(_entry(soup, f"#{h['id']}", _heading_text(h)) for h in sections)
            item.append(nested)
        listing.append(item)
    return _section(soup, "print-toc", "目录", listing)


def figure_list(soup: BeautifulSoup, figures: tuple[Figure, ...]) -> Tag:
    listing = soup.new_tag("ol", attrs={"class": "print-figure-list"})
    listing.extend(_entry(soup, f"#fig-{f.number}", f"{f.label} {f.caption}") for f in figures)
    return _section(soup, "print-figures", "图目录", listing)


def mend(html: str, figures: tuple[Figure, ...]) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.select('a[href="#."]'):
        link["href"] = f"#{HOME_ID}"
    config = soup.select_one("script#__config")
    if config is not None and config.string:
        settings = json.loads(config.string)
        settings["base"] = ".."  # print_page/ is one folder below the site root
        config.string = json.dumps(settings, ensure_ascii=False)
    cover = soup.select_one("#print-site-cover-page")
    if cover is not None and soup.select_one("#print-toc") is None:
        cover.insert_after(contents(soup), figure_list(soup, figures))
    return str(soup)


def mend_file(site_dir: Path, figures: tuple[Figure, ...]) -> None:
    path = site_dir / PRINT_PAGE_FILE
    if path.is_file():
        path.write_text(mend(path.read_text(encoding="utf-8"), figures), encoding="utf-8")
