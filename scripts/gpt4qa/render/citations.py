"""Citations as a reader sees them: the register's title, publisher and date, the part cited, a
link to the source, and a link to its entry on 参考来源 (the sources page).

A page writes `[§5、图 7](src:gpt4-report)`; the reader sees
OpenAI《GPT-4 Technical Report》（2023-03-15；§5、图 7；参考来源）, the title linking to the source.
"""

from __future__ import annotations

import html

from gpt4qa.sources.register import CITATION, Citation, Register

SOURCES_PAGE_SRC = "sources.md"
SOURCES_TITLE = "参考来源"


def markdown_text(text: str) -> str:
    """Text that stays text inside a Markdown link or list: brackets and stars made full-width."""
    return text.replace("[", "［").replace("]", "］").replace("*", "＊")


def cite_markdown(citation: Citation, register: Register, page_src: str = "") -> str:
    """A citation in Markdown, for a page's notes."""
    source = register.get(citation)
    # The link to 参考来源 is the same words in every citation: not what a section is about, so
    # search leaves it out.
    entry = _relative(page_src) + f"{SOURCES_PAGE_SRC}#{source.id}"
    return (f"{markdown_text(source.publisher)}《[{markdown_text(source.title)}]({source.url})》"
            f"（{source.shown_date}；{markdown_text(citation.part)}；[{SOURCES_TITLE}]({entry}){{data-search-exclude}}）")


def cite_html(citation: Citation, register: Register) -> str:
    """A citation in HTML, for the glossary's entries and the figures' captions (raw HTML, where
    MkDocs resolves no page link: 参考来源 lists them and links back instead)."""
    source = register.get(citation)
    escape = html.escape
    return (f'{escape(source.publisher)}《<a href="{escape(source.url)}">{escape(source.title)}</a>》'
            f"（{escape(source.shown_date)}；{escape(citation.part)}）")


def _relative(page_src: str) -> str:
    """From a docs page to the docs root, where the sources page is."""
    return "../" * page_src.count("/")


def render_citations(markdown: str, register: Register, page_src: str) -> str:
    """Every `[part](src:id)` of a page made the reader's citation; an unknown id raises InputError
    naming the page and line."""
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if "](src:" in line:
            lines[number] = CITATION.sub(
                lambda match, n=number: cite_markdown(
                    Citation(match.group("id"), match.group("part").strip(), f"docs/{page_src}:{n + 1}"),
                    register, page_src),
                line)
    return "\n".join(lines)
