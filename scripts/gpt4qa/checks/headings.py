"""Headings that read well, checked on the built pages.

Three rules, each a fault a reader meets: a heading that repeats the sentence printed right
under it (the reader reads it twice); a heading with nothing under it (a list item dressed up as
a section); a heading that ends in "：" or "。" (a sentence, not a heading). Editor's headings
are short labels; where the article's own point is a whole sentence, the editor's label heads
it and the sentence stays, verbatim, in the text under it.

    python scripts/docs.py check headings site     # exit 1 listing each fault, 2 on bad input
"""

from __future__ import annotations

from pathlib import Path

from bs4 import Tag

from gpt4qa.checks.built_site import SitePage, load_site, visible_text
from gpt4qa.sources.article import squash

HEADINGS = ("h1", "h2", "h3", "h4")
SENTENCE_ENDS = ("：", "。", ":")
_FIRST_SENTENCE_END = "。！？；"


def heading_text(heading: Tag) -> str:
    return squash("".join(t for t in heading.find_all(string=True) if not t.find_parent(class_="headerlink")))


def _next_block(heading: Tag) -> Tag | None:
    for sibling in heading.find_next_siblings():
        if isinstance(sibling, Tag) and sibling.name != "a":  # an alias anchor is not a block
            return sibling
    return None


def _first_sentence(text: str) -> str:
    for i, char in enumerate(text):
        if char in _FIRST_SENTENCE_END:
            return text[: i + 1]
    return text


def faults(page: SitePage) -> list[str]:
    found = []
    for heading in page.content.find_all(HEADINGS):
        text = heading_text(heading)
        where = f"/{page.url}: heading “{text[:30]}”"
        # A page's title is the article's own heading, verbatim, stop and all.
        if heading.name != "h1" and text.endswith(SENTENCE_ENDS):
            found.append(f"{where} ends in “{text[-1]}”: a heading is a label, not a sentence")
        following = _next_block(heading)
        if heading.name != "h1" and (following is None or following.name in HEADINGS):
            found.append(f"{where} has nothing under it")
        elif following is not None and following.name not in HEADINGS:
            under = _first_sentence(squash(visible_text(following)))
            if len(text) >= 2 and text.rstrip("？?") in under:
                found.append(f"{where} repeats the sentence under it")
    return found


def check_headings(site_dir: Path, pages: list[SitePage] | None = None) -> list[str]:
    pages = pages if pages is not None else load_site(site_dir)
    return [fault for page in pages if page.is_page for fault in faults(page)]
