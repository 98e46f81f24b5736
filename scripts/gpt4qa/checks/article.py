"""Prove that the built site lost nothing of the article: figures, sentences, numbers, links.

    python scripts/docs.py check article site          # check a built site/
    python scripts/docs.py check article site --article source/article.md --figures source/figures.yml

Exit 0 when everything is found, 1 when something is missing (each listed with where it
belongs), 2 when the input cannot be checked (one line saying which file and why).
The check takes an edition: the pages it reads, and the article its text is held against.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import Tag

from gpt4qa.checks.built_site import SitePage, load_site
from gpt4qa.core.editions import SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError
from gpt4qa.core.project import IMAGE_DIR
from gpt4qa.sources.article import NUMBER, REDIRECTOR_HOST, Article
from gpt4qa.sources.bundle import Sources
from gpt4qa.sources.figures import Figure, is_generic_alt
from gpt4qa.sources.parts import Parts


@dataclass
class Tally:
    name: str
    total: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def found(self) -> int:
        return self.total - len(self.problems)

    def summary(self) -> str:
        return f"{self.name} {self.found}/{self.total}"


@dataclass
class Report:
    tallies: list[Tally]

    @property
    def problems(self) -> list[str]:
        return [problem for tally in self.tallies for problem in tally.problems]

    def summary(self) -> str:
        return ", ".join(tally.summary() for tally in self.tallies)


_WORDS = re.compile(r"[\w\u3400-\u9fff]")


def _figure_fault(page: SitePage, holder: Tag, figure: Figure, site_dir: Path, edition: Edition,
                  label: str) -> str | None:
    """What is wrong with a figure as shown: its number (`label`, as the edition writes it),
    caption, alternative text and image, or, for a card, that the original it stands for is
    really missing."""
    where = f"{figure.label} ({figure.id}) on /{page.url}"
    caption = holder.find("figcaption")
    if caption is None or not caption.get_text(strip=True):
        return f"{where}: not inside a captioned <figure>"
    if not caption.get_text(" ", strip=True).startswith(label + " "):
        return f"{where}: caption is not numbered {label}"
    if holder.get("id") != f"fig-{figure.number}":
        return f"{where}: figure id is {holder.get('id')!r}, not 'fig-{figure.number}'"
    original = site_dir / edition.prefix / figure.image_path
    img = holder.find("img", src=True)
    if img is None and holder.find("table") is not None:
        # Drawn from its published numbers: the table is what every reader gets, screen readers too.
        if original.is_file():
            return f"{where}: drawn from data, but its original {figure.image_path} is in the site"
        return None
    if img is None:
        mark = holder.find(attrs={"role": "img", "aria-label": True})
        if mark is None or is_generic_alt(mark["aria-label"]):
            return f"{where}: a card without alternative text"
        if original.is_file():
            return f"{where}: shown as a missing original, but {figure.image_path} is in the site"
        return None
    if is_generic_alt(img.get("alt", "")):
        return f"{where}: placeholder alt text {img.get('alt', '')!r}"
    if page.resolve(img["src"]) != edition.prefix + figure.image_path or not original.is_file():
        return f"{where}: image file {page.resolve(img['src'])} is not in the site"
    return None


def _shown_figures(article: Article, pages: list[SitePage], by_id: dict[str, Figure], edition: Edition) -> dict[str, list]:
    """Where each figure is shown: every <figure data-figure-id>, and every image of the
    article's image folder (which must sit in one)."""
    uses: dict[str, list[tuple[SitePage, Tag]]] = defaultdict(list)
    for page in pages:
        for holder in page.content.find_all("figure", attrs={"data-figure-id": True}):
            ident = holder["data-figure-id"]
            if ident not in by_id:
                raise InputError(f"{page.path}: shows figure '{ident}' that {article.path} does not cite")
            uses[ident].append((page, holder))
        for img in page.content.find_all("img", src=True):
            folder, _, name = page.resolve(img["src"]).rpartition("/")
            if folder == edition.prefix + IMAGE_DIR and img.find_parent("figure", attrs={"data-figure-id": True}) is None:
                ident = name.rsplit(".", 1)[0]
                if ident not in by_id:
                    raise InputError(f"{page.path}: shows figure '{ident}' that {article.path} does not cite")
                uses[ident].append((page, img))  # an image outside a figure: reported as uncaptioned
    return uses


def check_figures(article: Article, figures: tuple[Figure, ...], pages: list[SitePage], site_dir: Path,
                  edition: Edition, convert: Callable[[str], str] = str) -> Tally:
    by_id = {figure.id: figure for figure in figures}
    uses = _shown_figures(article, pages, by_id, edition)
    tally = Tally("figures", len(figures))
    lines = {f.id: f.line for f in article.figures}
    for figure in figures:
        home = edition.url(figure.page)
        placed = [(page, holder) for page, holder in uses[figure.id] if page.url == home]
        if not placed:
            elsewhere = ", ".join(sorted({"/" + page.url for page, _ in uses[figure.id]})) or "no page"
            tally.problems.append(
                f"{figure.label} ({figure.id}) missing: belongs on /{home} "
                f"(article line {lines[figure.id]}); found on {elsewhere}"
            )
            continue
        fault = next(filter(None, (
            _figure_fault(page, holder, figure, site_dir, edition, convert(figure.label)) if holder.name == "figure"
            else f"{figure.label} ({figure.id}) on /{page.url}: not inside a captioned <figure>"
            for page, holder in placed
        )), None)
        if fault:
            tally.problems.append(fault)
    return tally


def check_sentences(article: Article, parts: Parts, texts: dict[str, str], edition: Edition) -> Tally:
    """Each sentence on the page its part maps to, in the author's visible text there."""
    tally = Tally("sentences", len(article.sentences))
    for sentence in article.sentences:
        page = parts.page_of(sentence.line)
        if sentence.text not in texts.get(page, ""):
            tally.problems.append(
                f"sentence missing from /{edition.url(page)} "
                f"(article line {sentence.line}, {sentence.section}): {sentence.text}"
            )
    return tally


def check_numbers(article: Article, parts: Parts, texts: dict[str, str], edition: Edition) -> Tally:
    numbers = article.numbers
    tally = Tally("numbers", len(numbers))
    for token, sentence in numbers.items():
        page = parts.page_of(sentence.line)
        if token not in NUMBER.findall(texts.get(page, "")):
            tally.problems.append(
                f"number {token} missing from /{edition.url(page)} (article line {sentence.line}, {sentence.section})"
            )
    return tally


def check_links(article: Article, parts: Parts, pages: dict[str, SitePage], edition: Edition) -> Tally:
    tally = Tally("links", len(article.placed_links))
    for link, line in article.placed_links:
        page = parts.page_of(line)
        if page not in pages or link not in pages[page].hrefs():
            tally.problems.append(f"link missing from /{edition.url(page)} (article line {line}): {link}")
    for page in pages.values():
        for href in sorted(page.hrefs()):
            if REDIRECTOR_HOST in href:
                tally.problems.append(f"/{page.url}: link still wrapped in the {REDIRECTOR_HOST} redirector: {href}")
    return tally


def unmarked_text(text: str, sentences: list[str]) -> list[str]:
    """What is left of a page's author text once its part's sentences are taken out: text that is
    neither the article's nor marked as the editor's. Punctuation and symbols alone do not count."""
    covered = [False] * len(text)
    position = 0
    for sentence in sentences:
        found = text.find(sentence, position)
        if found < 0:
            found = text.find(sentence)
        if found < 0:
            continue
        covered[found:found + len(sentence)] = [True] * len(sentence)
        position = found + len(sentence)
    runs, current = [], []
    for char, done in zip(text, covered):
        if done:
            if current:
                runs.append("".join(current))
            current = []
        else:
            current.append(char)
    if current:
        runs.append("".join(current))
    return [run for run in runs if _WORDS.search(run)]


def check_unmarked(article: Article, parts: Parts, texts: dict[str, str], edition: Edition) -> Tally:
    """Every piece of text on a page is the article's own or inside an editor's mark (.editorial,
    a caveat, a figure): otherwise an editor's addition could stand in for a lost sentence."""
    tally = Tally("marked", len(texts))
    for page, text in texts.items():
        mine = [s.text for s in article.sentences if parts.page_of(s.line) == page]
        if runs := unmarked_text(text, mine):
            shown = " | ".join(run[:30] for run in runs[:3]) + (f" (+{len(runs) - 3} more)" if len(runs) > 3 else "")
            tally.problems.append(f"/{edition.url(page)}: text neither the article's nor marked as the editor's: {shown}")
    return tally


def check_site(site_dir: Path, sources: Sources | None = None, pages: list[SitePage] | None = None,
               edition: Edition = SIMPLIFIED, convert: Callable[[str], str] | None = None) -> Report:
    """Run every check on an edition of a built site (on `pages` when the caller has read it
    already); raise InputError when the input itself is unusable. A converted edition is held to
    the article as `convert` converts it: every sentence, converted, on its part's page."""
    sources = sources or Sources()
    article, figures, parts = sources.article, sources.figures, sources.parts
    if convert is not None:
        article = article.converted(convert)
    pages = pages if pages is not None else load_site(site_dir, edition)
    by_source = {edition.source(page.url): page for page in pages if page.is_page}
    missing = [page for page in dict.fromkeys(parts.pages) if page not in by_source]
    if missing:
        raise InputError(f"{site_dir}: no built page for {', '.join(missing)} ({sources.parts_path} places the article there)")
    texts = {source: by_source[source].author_text() for source in dict.fromkeys(parts.pages)}
    return Report([
        check_figures(article, figures, pages, site_dir, edition, convert or str),
        check_sentences(article, parts, texts, edition),
        check_numbers(article, parts, texts, edition),
        check_links(article, parts, by_source, edition),
        check_unmarked(article, parts, texts, edition),
    ])
