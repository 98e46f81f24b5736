"""The editor's-markup contract: which parts of a page are the editor's, which a reader does not
see, and which are not read (or described, or given a tooltip).

Every check and every page step reads these sets from here, so "what is the author's text" means
one thing across the article check, the tooltips, the reading time and the description. Each set
is data (tag names, classes, attributes) that BeautifulSoup matches natively: `soup.find_all(EDITORIAL)`.
Its `css` is the same set as a CSS selector list, for stylesheets, scripts and tests
(tests/test_markup.py holds each set to its selector on every built page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import Tag


@dataclass(frozen=True)
class Marks:
    """A set of elements: those with one of the tag names, one of the classes, one of the
    attributes (present, or with the value given), or an attribute containing a text."""

    tags: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str | None], ...] = ()  # (name, value); None: present with any value
    containing: tuple[tuple[str, str], ...] = ()  # (attribute, text its value contains)

    def __call__(self, tag: Tag) -> bool:
        """Whether an element is in the set (BeautifulSoup calls it as a filter)."""
        if tag.name in self.tags:
            return True
        attrs = tag.attrs
        if self.classes and not set(self.classes).isdisjoint(attrs.get("class") or ()):
            return True
        for name, value in self.attributes:
            if name in attrs and (value is None or attrs[name] == value):
                return True
        return any(text in attrs.get(name, "") for name, text in self.containing)

    def __or__(self, other: Marks) -> Marks:
        return Marks(self.tags + other.tags, self.classes + other.classes, self.attributes + other.attributes,
                     self.containing + other.containing)

    @property
    def css(self) -> str:
        """The same set as a CSS selector list."""
        parts = [f".{name}" for name in self.classes] + list(self.tags)
        parts += [f"[{name}]" if value is None else f"[{name}='{value}']" for name, value in self.attributes]
        parts += [f"[{name}*='{text}']" for name, text in self.containing]
        return ", ".join(parts)


# Editorial and theme parts of a page: the author's words must be found outside them. Every
# editor's addition is one of these (the article check's `marked` tally says where one is not):
# caveats (admonitions, collapsed ones too), figures with their captions, `.editorial` text.
EDITORIAL = Marks(
    tags=("details", "figure", "script", "style"),
    classes=("admonition", "headerlink", "md-source-file", "editorial"),
)
# The class that marks an editor's paragraph, heading or generated element as the editor's.
EDITORIAL_CLASS = "editorial"
# Text that stays hidden until a reader asks for it (the glossary's tooltips among it).
HIDDEN = Marks(
    tags=("template", "noscript"),
    attributes=(("hidden", None), ("aria-hidden", "true"), ("role", "tooltip")),
    containing=(("style", "display:none"), ("style", "display: none")),
)
# Not read (the reading time's count): hidden tooltips, permalinks and their buttons, the count itself.
UNREAD = Marks(
    tags=("script", "style"),
    classes=("gloss__tip", "headerlink", "copy-link", "reading-time"),
    attributes=(("hidden", None), ("aria-hidden", "true")),
)
# No tooltip inside these: headings and links already mean something when clicked or read,
# code is verbatim, and the editor's blocks are not the author's text.
NO_TOOLTIP = Marks(
    tags=("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "button", "script", "style", "figure",
          "details"),
    classes=("admonition", "editorial"),
    attributes=(("data-search-exclude", None),),
)
# Editorial and furniture that do not describe the answer (the page's meta description).
NOT_DESCRIPTION = Marks(
    tags=("details", "figure", "h1", "h2", "h3", "h4", "h5", "h6"),
    classes=("admonition", "article-meta", "pdf-download"),
)
# A heading's permalink and copy-link button: not part of the heading's text.
PERMALINKS = Marks(classes=("headerlink", "copy-link"))
# The attribute that keeps an element's text out of the search index.
SEARCH_EXCLUDE = "data-search-exclude"


def is_note_or_term(tag: Tag) -> bool:
    """An editor's note's anchor (`.editor-note[id]`) or a glossary term (`dl.glossary > dt[id]`):
    the anchors the editor adds for readers to link to."""
    if not tag.has_attr("id"):
        return False
    if "editor-note" in (tag.get("class") or ()):
        return True
    parent = tag.parent
    return tag.name == "dt" and parent is not None and parent.name == "dl" and "glossary" in (parent.get("class") or ())


def is_alias(tag: Tag) -> bool:
    """An alias anchor, `<a id="old-id"></a>`: left where an id moved, so old links still land."""
    return tag.name == "a" and tag.has_attr("id") and not tag.has_attr("href")


# A built page's content is the theme's article; the rest of a page is the theme's navigation.
CONTENT_CLASS = "md-content__inner"
_ARTICLE_OPEN = f'<article class="{CONTENT_CLASS}'
_ARTICLE_TAG = re.compile(r"<(/?)article\b")


def article_html(html: str) -> str | None:
    """The markup of a built page's article (nested articles included), or None when it has none;
    read from the text, without parsing the page (the checks, the e-book and the search index read it)."""
    start = html.find(_ARTICLE_OPEN)
    if start < 0:
        return None
    depth = 0
    for tag in _ARTICLE_TAG.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start:html.index(">", tag.end()) + 1]
    return None
