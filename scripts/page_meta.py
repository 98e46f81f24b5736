"""What a page tells search engines and link previews: its description, and the robots file."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

# Editorial and furniture that do not describe the answer.
_SKIP = ".admonition, details, figure, .article-meta, .pdf-download, h1, h2, h3, h4, h5, h6"
_SENTENCE = re.compile(r"^.+?[。！？!?]")
MAX_DESCRIPTION = 160


def first_sentence(html: str) -> str:
    """The first sentence of the page's first paragraph of text, as the description."""
    soup = BeautifulSoup(html, "lxml")
    for element in soup.select(_SKIP):
        element.decompose()
    for paragraph in soup.find_all("p"):
        text = " ".join(paragraph.get_text(" ", strip=True).split())
        if text:
            match = _SENTENCE.match(text)
            sentence = match.group(0) if match else text
            return sentence if len(sentence) <= MAX_DESCRIPTION else sentence[: MAX_DESCRIPTION - 1] + "…"
    return ""


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def generated_page_head(title: str, description: str) -> list[str]:
    """The opening lines of a page the hook writes from a table (图目录, 术语表, 编者注一览): its
    title, its description, and out of search, where it would only outrank the answers it lists."""
    return ["---", f"title: {title}", f"description: {description}", "search:", "  exclude: true", "---", "",
            f"# {title}", ""]
