"""The glossary (source/glossary.yml): its page (术语表), its tooltips on the answer pages, and the
related questions drawn from the terms two answers share.

Pure helpers; the build hook (scripts/hooks.py) calls them. A term's tooltip is its first
occurrence in the author's text of a page, outside headings, links, code and the editor's own
blocks: a <button> the reader can hover, focus or tap, described by a hidden tooltip that search
skips (data-search-exclude) and the article check counts as the editor's (.editorial).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from article_source import ArticleError
from editor_tables import read_table
from page_meta import generated_page_head

GLOSSARY_PATH = Path(__file__).resolve().parent.parent / "source" / "glossary.yml"
PAGE_SRC = "glossary.md"
PAGE_URL = "glossary/"
TITLE = "术语表"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# No tooltip inside these: headings and links already mean something when clicked or read,
# code is verbatim, and the editor's blocks are not the author's text.
SKIP = "h1, h2, h3, h4, h5, h6, a, code, pre, kbd, button, script, style, figure, details, .admonition, .editorial, [data-search-exclude]"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    group: str
    variants: tuple[str, ...]
    definition: str
    source_title: str
    source_url: str


@dataclass(frozen=True)
class Glossary:
    groups: tuple[tuple[str, str], ...]  # (id, title) in page order
    terms: tuple[Term, ...]


def _text(entry: dict, key: str, where: str, path: Path) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ArticleError(f"{path}: {where} needs `{key}`")
    return value.strip()


def parse_glossary(data: object, article_text: str, path: Path = GLOSSARY_PATH) -> Glossary:
    """The table, checked: every field present, ids unique, each variant written in the article."""
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list) or not isinstance(data.get("terms"), list):
        raise ArticleError(f"{path}: expected `groups:` and `terms:` lists")
    groups = tuple((_text(g, "id", f"group {n}", path), _text(g, "title", f"group {n}", path))
                   for n, g in enumerate(data["groups"], start=1) if isinstance(g, dict))
    group_ids = {ident for ident, _ in groups}
    terms, seen = [], set()
    for number, entry in enumerate(data["terms"], start=1):
        if not isinstance(entry, dict):
            raise ArticleError(f"{path}: term {number} is not a mapping")
        ident = _text(entry, "id", f"term {number}", path)
        where = f"term '{ident}'"
        if not _ID.match(ident):
            raise ArticleError(f"{path}: {where}: id must be lower-case ASCII words joined by '-'")
        if ident in seen:
            raise ArticleError(f"{path}: {where} is listed twice")
        seen.add(ident)
        group = _text(entry, "group", where, path)
        if group not in group_ids:
            raise ArticleError(f"{path}: {where}: unknown group '{group}' (known: {', '.join(sorted(group_ids))})")
        variants = entry.get("variants")
        if not isinstance(variants, list) or not variants or not all(isinstance(v, str) and v.strip() for v in variants):
            raise ArticleError(f"{path}: {where} needs `variants`, the term as the article writes it")
        for variant in variants:
            if variant not in article_text:
                raise ArticleError(f"{path}: {where}: variant '{variant}' never occurs in the article")
        source = entry.get("source")
        if not isinstance(source, dict):
            raise ArticleError(f"{path}: {where} needs `source` (title and url it was checked against)")
        url = _text(source, "url", f"{where}'s source", path)
        if not url.startswith("https://"):
            raise ArticleError(f"{path}: {where}'s source url must be an https:// address")
        terms.append(Term(ident, _text(entry, "term", where, path), group, tuple(v.strip() for v in variants),
                          _text(entry, "definition", where, path), _text(source, "title", f"{where}'s source", path), url))
    return Glossary(groups, tuple(terms))


def load_glossary(article_text: str, path: Path = GLOSSARY_PATH) -> Glossary:
    return parse_glossary(read_table(path, "glossary"), article_text, path)


# --- the 术语表 page ------------------------------------------------------------------------------

def glossary_markdown(glossary: Glossary) -> str:
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
                f'<p class="glossary__source">来源：<a href="{_escape(term.source_url)}">{_escape(term.source_title)}</a></p></dd>',
            ]
        lines += ["</dl>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# --- tooltips -------------------------------------------------------------------------------------

def _pattern(variant: str) -> str:
    """A variant as a regex; a Latin end does not match inside a longer Latin word (ARC in ARCH)."""
    pattern = re.escape(variant)
    if _ASCII_WORD.match(variant[0]):
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if _ASCII_WORD.match(variant[-1]):
        pattern += r"(?![A-Za-z0-9])"
    return pattern


def _matcher(terms: tuple[Term, ...]) -> tuple[re.Pattern, dict[str, Term]]:
    by_variant = {variant: term for term in terms for variant in term.variants}
    # Longest first, so a longer variant wins where two start at the same place.
    ordered = sorted(by_variant, key=len, reverse=True)
    return re.compile("|".join(f"(?P<v{i}>{_pattern(v)})" for i, v in enumerate(ordered))), \
        {f"v{i}": by_variant[v] for i, v in enumerate(ordered)}


def _skipped(node: NavigableString) -> bool:
    return any(parent.name and parent.css.match(SKIP) for parent in node.parents if isinstance(parent, Tag)
               and parent.name not in ("[document]",))


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


def add_tooltips(html: str, glossary: Glossary, page_key: str) -> tuple[str, list[str]]:
    """The page with each term's first occurrence in the author's text made a tooltip, and the ids
    of the terms that got one, in page order."""
    soup = BeautifulSoup(html, "html.parser")
    pattern, term_of = _matcher(glossary.terms)
    done: list[str] = []
    for node in list(soup.find_all(string=True)):
        if not isinstance(node, NavigableString) or type(node) is not NavigableString or _skipped(node):
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
            node.insert_before(piece if isinstance(piece, Tag) else NavigableString(piece))
        node.extract()
    return str(soup), done


# --- related questions ----------------------------------------------------------------------------

def terms_in(text: str, glossary: Glossary) -> set[str]:
    pattern, term_of = _matcher(glossary.terms)
    return {term_of[m.lastgroup].id for m in pattern.finditer(text)}


def related_pages(page_terms: dict[str, set[str]], limit: int = 3) -> dict[str, list[tuple[str, list[str]]]]:
    """For each page, up to `limit` other pages sharing its terms, the best first: a shared term
    weighs more the fewer pages hold it (inverse document frequency); ties keep reading order,
    and shared terms of equal weight are named in id order, so every build says the same."""
    pages = list(page_terms)
    holding = {}
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


# --- what the hook keeps ---------------------------------------------------------------------------

_QUESTION = re.compile(r"^\d+、")


@dataclass
class Companions:
    """The glossary and what it gives each page: the terms of its part of the article (tooltips on
    every article page) and, for the answers, related questions."""

    glossary: Glossary
    page_terms: dict[str, set[str]]
    related: dict[str, list[tuple[str, list[str]]]]
    titles: dict[str, str]  # navigation titles, filled in when the files are known

    @classmethod
    def empty(cls) -> "Companions":
        return cls(Glossary((), ()), {}, {}, {})

    def related_links(self, page: str) -> list[dict[str, object]]:
        names = {term.id: term.term.split("（")[0] for term in self.glossary.terms}
        return [
            {"url": other.removesuffix(".md") + "/", "title": self.titles.get(other, other),
             "terms": [names[t] for t in shared[:3]]}
            for other, shared in self.related.get(page, [])
        ]


def companions(article_text: str, parts) -> Companions:
    """The glossary checked against the article, each article page's terms (from its part of the
    article), and related questions among the answers: the parts that open with a question number."""
    table = load_glossary(article_text)
    lines = article_text.splitlines()
    bounds = list(parts.starts) + [len(lines) + 1]
    page_terms: dict[str, set[str]] = {}
    answers: dict[str, set[str]] = {}
    for index, page in enumerate(parts.pages):
        text = "\n".join(lines[bounds[index] - 1:bounds[index + 1] - 1])
        page_terms[page] = page_terms.get(page, set()) | terms_in(text, table)
        if _QUESTION.match(lines[bounds[index] - 1]):
            answers[page] = page_terms[page]
    return Companions(table, page_terms, related_pages(answers), {})
