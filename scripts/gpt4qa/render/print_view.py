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
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from gpt4qa.core.editions import HOME_KEY, Edition
from gpt4qa.core.markup import PERMALINKS, is_alias, is_note_or_term
from gpt4qa.render import figure_list as site_figure_list
from gpt4qa.sources.figures import Figure

_PAGE_FIGURE = re.compile(r"^#[\w-]+?-(?P<figure>(?:fig-\d+|table-[a-z0-9-]+))$")
FIGURE_LIST_ID, FIGURE_LIST_TITLE = "print-figures", "图目录"


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


@dataclass(frozen=True)
class Entry:
    """One line of the print view's contents and one bookmark of the PDF."""

    depth: int  # 0 for a page or nav section, one more for each nav level and for a page's sections
    title: str  # the heading's text, exactly as the page shows it
    ident: str  # the id a link to it (and the PDF's named destination) uses


def heading_text(heading: Tag) -> str:
    copy = BeautifulSoup(str(heading), "html.parser")
    for link in copy.find_all(PERMALINKS):
        link.decompose()
    return copy.get_text(" ", strip=True)


def outline(soup: BeautifulSoup) -> list[Entry]:
    """Every page (nested as the navigation nests them) and each page's own sections, in reading
    order; the list of figures first, as it is printed first. One source for the printed
    contents and the PDF's bookmarks. The list of figures is titled as printed once it is there
    (a converted edition's print view holds its heading converted)."""
    printed = soup.select_one(f"section#{FIGURE_LIST_ID} > h1")
    entries = [Entry(0, heading_text(printed) if printed is not None else FIGURE_LIST_TITLE, FIGURE_LIST_ID)]
    for page in soup.find_all("section", class_="print-page", id=True):
        title = page.find("h1")
        if title is None or "print-view-list" in page.get("class", []):
            continue
        depth = len(page.find_parents("section", class_="print-page"))
        entries.append(Entry(depth, heading_text(title), page["id"]))
        # Only the page's own sections: a nav section ("十问十答") holds whole pages.
        entries += [
            Entry(depth + 1, heading_text(h), h["id"])
            for h in page.find_all("h2", id=True)
            if h.find_parent("section", class_="print-page") is page
        ]
    return entries


def _nested_list(soup: BeautifulSoup, entries: list[Entry]) -> Tag:
    root = soup.new_tag("ol", attrs={"class": "print-toc"})
    open_lists = [root]
    for entry in entries:
        while len(open_lists) > entry.depth + 1:
            open_lists.pop()
        while len(open_lists) < entry.depth + 1:
            nested = soup.new_tag("ol")
            open_lists[-1].contents[-1].append(nested)
            open_lists.append(nested)
        open_lists[-1].append(_entry(soup, f"#{entry.ident}", entry.title))
    return root


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
    return _section(soup, "print-toc", "目录", _nested_list(soup, outline(soup)))


def figure_list(soup: BeautifulSoup, figures: tuple[Figure, ...]) -> Tag:
    listing = soup.new_tag("ol", attrs={"class": "print-figure-list"})
    listing.extend(_entry(soup, f"#fig-{f.number}", f"{f.label} {f.caption}") for f in figures)
    return _section(soup, FIGURE_LIST_ID, FIGURE_LIST_TITLE, listing)


# Ids mkdocs-print-site-plugin leaves as they are (it prefixes only headings, list items and
# footnote marks with their page) although links to them are rewritten to the prefixed form:
# the editor's notes, the glossary's terms, and the alias anchors left where an id moved.
def unprefixed(tag: Tag) -> bool:
    return is_note_or_term(tag) or is_alias(tag)


def prefix_ids(soup: BeautifulSoup) -> None:
    """Give the editor's notes and glossary terms their page's prefix, as the plugin does headings."""
    for page in soup.find_all("section", class_="print-page", id=True):
        for element in page.find_all(unprefixed):
            if element.find_parent("section", class_="print-page") is page:
                element["id"] = f"{page['id']}-{element['id']}"


def mend(html: str, figures: tuple[Figure, ...], edition: Edition) -> str:
    soup = BeautifulSoup(html, "lxml")
    if soup.find(id="print-toc") is None:  # not mended yet
        prefix_ids(soup)
    for link in soup.find_all("a", href="#."):
        link["href"] = f"#{HOME_KEY}"
    # Figure ids stay unprefixed in the print view (they are unique across the site), but the
    # plugin prefixes links to them with their page: land them on the figure.
    links = soup.find_all("a", href=_PAGE_FIGURE)
    ids = {element["id"] for element in soup.find_all(id=True)} if links else set()
    for link in links:
        if link["href"][1:] not in ids:
            link["href"] = "#" + _PAGE_FIGURE.match(link["href"]).group("figure")
    # The site's list of figures is not printed; the print view has its own.
    site_list = edition.print_id("/" + edition.url(site_figure_list.PAGE_SRC))
    for link in soup.find_all("a", href=f"#{site_list}"):
        link["href"] = f"#{FIGURE_LIST_ID}"
    config = soup.find("script", id="__config")
    if config is not None and config.string:
        settings = json.loads(config.string)
        settings["base"] = ".."  # print_page/ is one folder below the site root
        config.string = json.dumps(settings, ensure_ascii=False)
    cover = soup.find(id="print-site-cover-page")
    if cover is not None and soup.find(id="print-toc") is None:
        cover.insert_after(contents(soup), figure_list(soup, figures))
    return str(soup)


def mend_file(site_dir: Path, figures: tuple[Figure, ...], edition: Edition) -> None:
    path = site_dir / edition.print_view / "index.html"
    if path.is_file():
        path.write_text(mend(path.read_text(encoding="utf-8"), figures, edition), encoding="utf-8")
