"""The search index the project writes: every searchable page cut into its sections, each section's
fields (the page's question, the heading, the author's text, the editor's text) already segmented,
and the tables the worker reads queries with, in one small versioned file.

    python scripts/docs.py search index SITE    # rewrite SITE/search/search_index.json from its pages

The build hook writes it after every build, from the built pages' content (every page without
`search: exclude` in its front matter; the theme's navigation and furniture are not part of it),
before Material's offline plugin inlines it for file://.
The file keeps the two keys Material's search UI reads and hands to the worker, `config` and
`docs` (Material's page highlighter reads `config.separator`); what only the project's worker reads
sits in `config.engine`:

    config.engine.format / version   the worker refuses an index of another format or version
    config.engine.edition / lang     the edition's language tag ("zh-Hans")
    config.engine.convert            a query's Traditional / regional form → the edition's word
    config.engine.synonyms           a reader's word → the article's (source/search-vocabulary.yml)
    config.engine.question_words     what a question holds besides its subject
    config.engine.variants           the glossary's names of one term, each group a list
    config.engine.common             the site's words common in Chinese at large, by the weight
                                     they get in a query ({"0.2": "已经 可以 …", …})
    config.engine.weights            the ranking's field weights (the worker's documented knobs)
    docs[i]                          {location, title, text, notes}: title, author's text and
                                     editor's text, Chinese runs segmented by jieba with U+200B

A section's page question is its page's doc (the one without "#"); a page's own doc holds the
text above its first section heading. Text a reader does not see (tooltips, permalinks, the
reading time) and anything marked `data-search-exclude` stays out.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from backrefs import bre
from lxml import html as lxml_html

from gpt4qa.core.errors import InputError
from gpt4qa.core.markup import EDITORIAL, HIDDEN, PERMALINKS, SEARCH_EXCLUDE, UNREAD, Marks, article_html

FORMAT = "gpt4qa-search"
VERSION = 1
INDEX_FILE = Path("search/search_index.json")
SEGMENT = "\u200b"  # between two words of a Chinese run, as Material's own index marks them
# Field weights of the ranking (the worker reads them from the index): how much a piece of the
# query found in each field says that the section answers it. The page's question and the
# section's heading say what the section is about; the author's text answers; the editor's notes,
# captions and labels mention words in passing (their weight is of a score saturated apart: at
# most 0.3 of what one mention in the text is worth, however often they name it).
WEIGHTS = {"question": 3.0, "heading": 2.0, "text": 1.0, "notes": 0.15}
# A run of Han characters, as Material's search plugin finds what to segment.
HAN_RUN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)
_SPACE = re.compile(r"\s+")
_BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th", "tr", "div", "figcaption", "blockquote", "pre", "br",
                     "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "section", "summary"})
_HEADINGS = ("h2", "h3")
_SKIPPED = HIDDEN | UNREAD | PERMALINKS | Marks(attributes=((SEARCH_EXCLUDE, None),))


@dataclass(frozen=True)
class SearchPage:
    """A page to index: its URL as the build links it, its title, and its content as built (the
    page's HTML without the theme around it, as MkDocs hands it to the templates)."""

    url: str
    title: str
    content: str
    summary: bool = False  # a page written from a table: indexed by its name and description only


def summary_page(url: str, title: str, description: str) -> SearchPage:
    """A page the hook writes from a table (术语表, 参考来源 …), as search holds it: its name and
    what it is, not the entries it lists (which would only outrank the answers they quote)."""
    return SearchPage(url, title, f"<h1>{html.escape(title)}</h1><p>{html.escape(description)}</p>", summary=True)


@dataclass
class Section:
    location: str
    title: str
    text: list[str]
    notes: list[str]


class _Element:
    """An lxml element as the markup contract's `Marks` reads a tag: a name and attributes."""

    __slots__ = ("attrs", "name")

    def __init__(self, element) -> None:
        self.name = element.tag if isinstance(element.tag, str) else ""
        attrs = dict(element.attrib)
        if "class" in attrs:
            attrs["class"] = attrs["class"].split()
        self.attrs = attrs


def _article(page: SearchPage):
    return lxml_html.fragment_fromstring(page.content or "<p></p>", create_parent="article")


def _texts(element, editorial: bool, into: Section) -> None:
    """The strings of an element a reader sees, into the author's or the editor's field."""
    tag = _Element(element)
    if _SKIPPED(tag):
        return
    editorial = editorial or EDITORIAL(tag)
    field = into.notes if editorial else into.text
    block = tag.name in _BLOCKS
    if block:
        field.append(" ")
    if element.text:
        field.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            _texts(child, editorial, into)
        if child.tail:
            field.append(child.tail)
    if block:
        field.append(" ")


def _heading_text(element) -> str:
    section = Section("", "", [], [])
    _texts(element, False, section)
    return clean(section.text + section.notes)


def sections(page: SearchPage) -> list[Section]:
    """The page's own doc (the text above its first section) and one doc per section heading."""
    article = _article(page)
    current = Section(page.url, page.title, [], [])
    found = [current]
    for child in article:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "h1":
            current.title = _heading_text(child) or page.title  # the page's question
            continue
        if child.tag in _HEADINGS and child.get("id") and not _SKIPPED(_Element(child)):
            current = Section(f"{page.url}#{child.get('id')}", _heading_text(child), [], [])
            found.append(current)
        else:
            _texts(child, False, current)
        if child.tail:
            current.text.append(child.tail)
    return found




_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def built_pages(site_dir: Path, entries: Iterable[tuple[str, bool]]) -> list[SearchPage]:
    """The pages at the URLs given ("" the home page, "q02-x/" or "q02-x.html") as a built site
    holds them: each page's article without the theme's furniture, or, for a summary page, its
    title and description."""
    pages = []
    for url, summary in entries:
        path = site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)
        try:
            markup = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"{path}: the built page is missing; build the site first") from None
        article = article_html(markup)
        if article is None:
            raise InputError(f"{path}: no article in the built page")
        inner = article[article.index(">") + 1:article.rindex("</article>")]
        if summary:
            title = _TITLE.search(inner)
            description = _DESCRIPTION.search(markup)
            heading = _heading_text(lxml_html.fragment_fromstring(title.group(1), create_parent="h1")) if title else ""
            pages.append(summary_page(url, heading, html.unescape(description.group(1)) if description else ""))
        else:
            pages.append(SearchPage(url, "", inner))
    return pages


def page_urls(data: dict) -> list[tuple[str, bool]]:
    """The pages an index holds, in its order, each with whether it is held as a summary."""
    return [(doc["location"], bool(doc.get("summary"))) for doc in data["docs"] if "#" not in doc["location"]]


def clean(parts: Iterable[str]) -> str:
    return _SPACE.sub(" ", "".join(parts).replace(SEGMENT, "")).strip()


def segmenter(cut: Callable[[str], Iterable[str]]) -> Callable[[str], str]:
    """Chinese runs cut into words with U+200B between them; other text as it is."""
    def segment(text: str) -> str:
        return HAN_RUN.sub(lambda run: SEGMENT.join(word for word in cut(run.group()) if word), text)
    return segment


def docs(pages: Iterable[SearchPage], segment: Callable[[str], str]) -> list[dict]:
    found = []
    for page in pages:
        for section in sections(page):
            doc = {"location": section.location, "title": segment(clean([section.title])),
                   "text": segment(clean(section.text))}
            notes = clean(section.notes)
            if notes:
                doc["notes"] = segment(notes)
            if page.summary:
                doc["summary"] = True
            found.append(doc)
    return found


def engine_tables(*, edition: str, convert: dict[str, str], synonyms: dict[str, str],
                  question_words: Iterable[str], variants: Iterable[Iterable[str]],
                  common: dict[str, list[str]] | None = None) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "edition": edition,
        "convert": dict(sorted(convert.items())),
        "synonyms": dict(sorted(synonyms.items())),
        "question_words": sorted(set(question_words)),
        "variants": sorted(sorted(set(group)) for group in variants),
        "common": {weight: " ".join(words) for weight, words in (common or {}).items()},
        "weights": WEIGHTS,
    }


def index_json(separator: str, engine: dict, documents: list[dict]) -> str:
    data = {"config": {"lang": ["zh"], "separator": separator, "pipeline": [], "fields": {}, "engine": engine},
            "docs": documents}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def read_index(site_dir: Path) -> dict:
    path = site_dir / INDEX_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no search index; build the site first") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno}: not JSON ({error.msg})") from None
    engine = data.get("config", {}).get("engine") if isinstance(data, dict) else None
    if not isinstance(engine, dict) or engine.get("format") != FORMAT:
        raise InputError(f"{path}: not a {FORMAT} index (Material's own, or another tool's)")
    if engine.get("version") != VERSION:
        raise InputError(f"{path}: index version {engine.get('version')}, this project reads version {VERSION}")
    return data


def chinese_words(documents: list[dict]) -> set[str]:
    """The words of two Chinese characters or more the segmentation found."""
    found: set[str] = set()
    for doc in documents:
        for name in ("title", "text", "notes"):
            for run in HAN_RUN.findall(doc.get(name, "")):
                found.update(word for word in run.split(SEGMENT) if len(word) > 1)
    return found


def site_text(documents: list[dict]) -> str:
    """Every field's text, segmentation removed: what a query's words are looked up in."""
    return " ".join(doc.get(name, "") for doc in documents for name in ("title", "text", "notes")).replace(SEGMENT, "")
