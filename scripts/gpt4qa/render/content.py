"""A page's rendered content, finished in one pass: the page is parsed once and each step below
changes or reads the same tree in turn, then it is written out once.

Each step decides for itself whether it applies to the page (pydantic's docs hook does the same
with `str -> str` steps; here they share one parse, which a profile showed was most of a build's
page time). A page no step changes is returned as it came, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from gpt4qa.render.glossary import tooltips_in
from gpt4qa.render.page_meta import first_sentence
from gpt4qa.render.reading_time import reading_time_in
from gpt4qa.sources.glossary import Glossary


@dataclass
class PageWork:
    """What the steps know of the page, and what they leave for the template."""

    key: str  # the page's key (tooltip ids are prefixed with it)
    describe: bool  # the page has no description of its own
    glossary: Glossary | None  # the glossary, where the page gets tooltips
    reading_time: bool  # the page shows its reading time
    description: str | None = None
    tooltips: list[str] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return self.glossary is not None or self.reading_time


def describe(soup: BeautifulSoup, work: PageWork) -> None:
    # The meta description (and link previews) say what the answer's first sentence says.
    if work.describe:
        work.description = first_sentence(soup)


def tooltips(soup: BeautifulSoup, work: PageWork) -> None:
    # Each glossary term's first occurrence in the author's text becomes a tooltip.
    if work.glossary is not None:
        work.tooltips = tooltips_in(soup, work.glossary, work.key)


def reading_time(soup: BeautifulSoup, work: PageWork) -> None:
    # The answer's reading time, under its title (counted after the tooltips, which it skips).
    if work.reading_time:
        reading_time_in(soup)


STEPS: tuple[Callable[[BeautifulSoup, PageWork], None], ...] = (describe, tooltips, reading_time)


def finish(html: str, work: PageWork) -> str:
    """The page's content after every step that applies; unchanged when none changes it."""
    if not work.describe and not work.changes:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for step in STEPS:
        step(soup, work)
    return str(soup) if work.changes else html
