"""The glossary's place on the site: its page (术语表), a tooltip at each term's first occurrence
on an article page, and the related questions drawn from the terms two answers share.

A term's tooltip is its first occurrence in the author's text of a page, outside headings, links,
code and the editor's own blocks (`markup.NO_TOOLTIP`): a <button> the reader can hover, focus or
tap, described by a hidden tooltip that search skips (data-search-exclude) and the article check
counts as the editor's (.editorial).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from gpt4qa.core.markup import NO_TOOLTIP
from gpt4qa.core.text import ids_of
from gpt4qa.render.citations import cite_html
from gpt4qa.render.page_meta import generated_page_head
from gpt4qa.sources.glossary import Glossary, Term
from gpt4qa.sources.register import Register

PAGE_SRC = "glossary.md"
TITLE = "术语表"


# --- the 术语表 page ------------------------------------------------------------------------------

def glossary_markdown(glossary: Glossary, register: Register) -> str:
    """The glossary page: the groups in order, each term with its own anchor, definition and source."""
    lines = [
        *generated_page_head(TITLE, f"文中 {len(glossary.terms)} 个术语的简明解释，由编者撰写并注明核对来源。"),
        f'<p class="editorial">文中出现的 {len(glossary.terms)} 个术语，按主题分组。释义由编者撰写，'
        "每条注明核对所依据的来源；在各问答页中，术语第一次出现时可悬停、聚焦或轻点查看释义。</p>",
        "",
    ]
    for group_id, group_title in glossary.groups:
        members = [t for t in glossary.terms if t.group == group_id]
        if not members:
            continue
        lines += [f"## {group_title} {{ #{group_id} .editorial }}", "", '<dl class="glossary editorial">']
        for term in members:
            lines += [
                f'<dt id="{term.id}">{_escape(term.term)}</dt>',
                f"<dd><p>{_escape(term.definition)}</p>"
                f'<p class="glossary__source">来源：{"；".join(cite_html(c, register) for c in term.sources)}</p></dd>',
            ]
        lines += ["</dl>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# --- tooltips -------------------------------------------------------------------------------------



def _tooltip(soup: BeautifulSoup, term: Term, text: str, tip_id: str) -> Tag:
    wrapper = soup.new_tag("span", attrs={"class": "gloss"})
    button = soup.new_tag("button", attrs={"type": "button", "class": "gloss__term",
                                           "aria-describedby": tip_id, "data-term": term.id})
    button.string = text
    tip = soup.new_tag("span", attrs={"class": "gloss__tip editorial", "role": "tooltip", "id": tip_id,
                                      "data-search-exclude": ""})
    tip.string = f"{term.term}：{term.definition}"
    wrapper.extend([button, tip])
    return wrapper


def tooltips_in(soup: BeautifulSoup, glossary: Glossary, page_key: str) -> list[str]:
    """Make each term's first occurrence in the author's text a tooltip, in place; return the ids
    of the terms that got one, in page order."""
    pattern, term_of = glossary.matcher
    skipped = ids_of(soup, NO_TOOLTIP)  # found once, looked up per text
    done: list[str] = []
    for node in list(soup.find_all(string=True)):
        if type(node) is not NavigableString or any(id(parent) in skipped for parent in node.parents):
            continue
        text, pieces, at = str(node), [], 0
        for match in pattern.finditer(text):
            term = term_of[match.lastgroup]
            if term.id in done:
                continue
            done.append(term.id)
            pieces += [text[at:match.start()], _tooltip(soup, term, match.group(), f"gloss-{page_key}-{term.id}")]
            at = match.end()
        if not pieces:
            continue
        pieces.append(text[at:])
        for piece in pieces:
            if isinstance(piece, Tag):
                node.insert_before(piece)
            elif piece:
                node.insert_before(NavigableString(piece))
        node.extract()
    return done


# --- related questions ----------------------------------------------------------------------------

def related_pages(page_terms: dict[str, set[str]], limit: int = 3) -> dict[str, list[tuple[str, list[str]]]]:
    """For each page, up to `limit` other pages sharing its terms, the best first: a shared term
    weighs more the fewer pages hold it (inverse document frequency); ties keep reading order,
    and shared terms of equal weight are named in id order, so every build says the same."""
    pages = list(page_terms)
    holding: dict[str, int] = {}
    for terms in page_terms.values():
        for term in terms:
            holding[term] = holding.get(term, 0) + 1
    weight = {term: math.log(len(pages) / count) for term, count in holding.items()}
    related = {}
    for page in pages:
        scored = []
        for other in pages:
            shared = page_terms[page] & page_terms[other]
            score = sum(weight[t] for t in shared)
            if other != page and score > 0:
                scored.append((-score, pages.index(other), other, sorted(shared, key=lambda t: (-weight[t], t))))
        related[page] = [(other, shared) for _, _, other, shared in sorted(scored)[:limit]]
    return related


_QUESTION = re.compile(r"^\d+、")


@dataclass(frozen=True)
class Companions:
    """The glossary and what it gives each page: the terms of its part of the article (tooltips on
    every article page) and, for the answers, related questions."""

    glossary: Glossary
    page_terms: dict[str, set[str]]
    related: dict[str, list[tuple[str, list[str]]]]

    def related_links(self, page: str, titles: dict[str, str], url: Callable[[str], str]) -> list[dict[str, object]]:
        """The related questions of a page, as its template lists them; `titles` are the
        navigation's titles of the pages, `url` a page's address as the build gives it."""
        names = {term.id: term.term.split("（")[0] for term in self.glossary.terms}
        return [
            {"url": url(other), "title": titles.get(other, other),
             "terms": [names[t] for t in shared[:3]]}
            for other, shared in self.related.get(page, [])
        ]


def companions(article_text: str, parts, glossary: Glossary) -> Companions:
    """Each article page's terms (from its part of the article), and related questions among the
    answers: the parts that open with a question number."""
    lines = article_text.splitlines()
    bounds = list(parts.starts) + [len(lines) + 1]
    page_terms: dict[str, set[str]] = {}
    answers: dict[str, set[str]] = {}
    for index, page in enumerate(parts.pages):
        text = "\n".join(lines[bounds[index] - 1:bounds[index + 1] - 1])
        page_terms[page] = page_terms.get(page, set()) | glossary.terms_in(text)
        if _QUESTION.match(lines[bounds[index] - 1]):
            answers[page] = page_terms[page]
    return Companions(glossary, page_terms, related_pages(answers))
