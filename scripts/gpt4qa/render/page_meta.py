"""What a page tells search engines and link previews: its description, and the robots file."""

from __future__ import annotations

import copy
import re

from bs4 import BeautifulSoup, Tag

from gpt4qa.core.markup import NOT_DESCRIPTION
from gpt4qa.core.text import ids_of

_SENTENCE = re.compile(r"^.+?[。！？!?]")
MAX_DESCRIPTION = 160


def _described(paragraph: Tag, skipped: set[int]) -> str:
    """A paragraph's text without the parts that do not describe the answer ('' if it is one)."""
    if id(paragraph) in skipped or any(id(parent) in skipped for parent in paragraph.parents):
        return ""
    if any(id(element) in skipped for element in paragraph.descendants):
        paragraph = copy.copy(paragraph)
        for element in paragraph.find_all(NOT_DESCRIPTION):
            element.decompose()
    return " ".join(paragraph.get_text(" ", strip=True).split())


def first_sentence(soup: BeautifulSoup) -> str:
    """The first sentence of the page's first paragraph of text, as the description."""
    skipped = ids_of(soup, NOT_DESCRIPTION)
    for paragraph in soup.find_all("p"):
        text = _described(paragraph, skipped)
        if text:
            match = _SENTENCE.match(text)
            sentence = match.group(0) if match else text
            return sentence if len(sentence) <= MAX_DESCRIPTION else sentence[: MAX_DESCRIPTION - 1] + "…"
    return ""


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def generated_page_head(title: str, description: str) -> list[str]:
    """The opening lines of a page the hook writes from a table (图目录, 术语表, 编者注一览): its
    title, its description, and out of Material's search (the search index holds its title and
    description only: its entries would only outrank the answers they list)."""
    return ["---", f"title: {title}", f"description: {description}", "search:", "  exclude: true", "---", "",
            f"# {title}", ""]
