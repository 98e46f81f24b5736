"""Prove that the built site lost nothing of the article: figures, sentences, numbers, links.

    python scripts/check_article.py site          # check a built site/
    python scripts/check_article.py site --article source/article.md --figures source/figures.yml

Exit 0 when everything is found, 1 when something is missing (each listed with where it
belongs), 2 when the input cannot be checked (one line saying which file and why).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import Tag

from article_source import ARTICLE_PATH, NUMBER, REDIRECTOR_HOST, Article, ArticleError, load_article
from built_site import SitePage, load_site
from figure_table import IMAGE_DIR, TABLE_PATH, Figure, is_generic_alt, load_table, match_article


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


# The print view gathers every page into one: the article's words count on the pages readers
# browse, and the PDF made from the print view is checked by the PDF tests.
COMPILATIONS = ("print_page/",)


def table_page_url(page_src: str) -> str:
    stem = page_src.removesuffix(".md")
    return "" if stem == "index" else stem + "/"


def _figure_fault(page: SitePage, holder: Tag, figure: Figure, site_dir: Path) -> str | None:
    """What is wrong with a figure as shown: its number, caption, alternative text and image,
    or, for a card, that the original it stands for is really missing."""
    where = f"{figure.label} ({figure.id}) on /{page.url}"
    caption = holder.find("figcaption")
    if caption is None or not caption.get_text(strip=True):
        return f"{where}: not inside a captioned <figure>"
    if not caption.get_text(" ", strip=True).startswith(figure.label + " "):
        return f"{where}: caption is not numbered {figure.label}"
    if holder.get("id") != f"fig-{figure.number}":
        return f"{where}: figure id is {holder.get('id')!r}, not 'fig-{figure.number}'"
    original = site_dir / figure.image_path
    img = holder.find("img", src=True)
    if img is None:
        mark = holder.select_one('[role="img"][aria-label]')
        if mark is None or is_generic_alt(mark["aria-label"]):
            return f"{where}: a card without alternative text"
        if original.is_file():
            return f"{where}: shown as a missing original, but {figure.image_path} is in the site"
        return None
    if is_generic_alt(img.get("alt", "")):
        return f"{where}: placeholder alt text {img.get('alt', '')!r}"
    if page.resolve(img["src"]) != figure.image_path or not original.is_file():
        return f"{where}: image file {page.resolve(img['src'])} is not in the site"
    return None


def _shown_figures(article: Article, pages: list[SitePage], by_id: dict[str, Figure]) -> dict[str, list]:
    """Where each figure is shown: every <figure data-figure-id>, and every image of the
    article's image folder (which must sit in one)."""
    uses: dict[str, list[tuple[SitePage, Tag]]] = defaultdict(list)
    for page in pages:
        for holder in page.content.select("figure[data-figure-id]"):
            ident = holder["data-figure-id"]
            if ident not in by_id:
                raise ArticleError(f"{page.path}: shows figure '{ident}' that {article.path} does not cite")
            uses[ident].append((page, holder))
        for img in page.content.find_all("img", src=True):
            folder, _, name = page.resolve(img["src"]).rpartition("/")
            if folder == IMAGE_DIR and img.find_parent("figure", attrs={"data-figure-id": True}) is None:
                ident = name.rsplit(".", 1)[0]
                if ident not in by_id:
                    raise ArticleError(f"{page.path}: shows figure '{ident}' that {article.path} does not cite")
                uses[ident].append((page, img))  # an image outside a figure: reported as uncaptioned
    return uses


def check_figures(article: Article, figures: tuple[Figure, ...], pages: list[SitePage], site_dir: Path) -> Tally:
    by_id = {figure.id: figure for figure in figures}
    uses = _shown_figures(article, pages, by_id)
    tally = Tally("figures", len(figures))
    lines = {f.id: f.line for f in article.figures}
    for figure in figures:
        home = table_page_url(figure.page)
        placed = [(page, holder) for page, holder in uses[figure.id] if page.url == home]
        if not placed:
            elsewhere = ", ".join(sorted({"/" + page.url for page, _ in uses[figure.id]})) or "no page"
            tally.problems.append(
                f"{figure.label} ({figure.id}) missing: belongs on /{home} "
                f"(article line {lines[figure.id]}); found on {elsewhere}"
            )
            continue
        fault = next(filter(None, (
            _figure_fault(page, holder, figure, site_dir) if holder.name == "figure"
            else f"{figure.label} ({figure.id}) on /{page.url}: not inside a captioned <figure>"
            for page, holder in placed
        )), None)
        if fault:
            tally.problems.append(fault)
    return tally


def check_sentences(article: Article, texts: list[str]) -> Tally:
    tally = Tally("sentences", len(article.sentences))
    for sentence in article.sentences:
        if not any(sentence.text in text for text in texts):
            tally.problems.append(f"sentence missing (article line {sentence.line}, {sentence.section}): {sentence.text}")
    return tally


def check_numbers(article: Article, texts: list[str]) -> Tally:
    on_site = {token for text in texts for token in NUMBER.findall(text)}
    numbers = article.numbers
    tally = Tally("numbers", len(numbers))
    for token, sentence in numbers.items():
        if token not in on_site:
            tally.problems.append(f"number {token} missing (article line {sentence.line}, {sentence.section})")
    return tally


def check_links(article: Article, pages: list[SitePage]) -> Tally:
    hrefs = {href for page in pages for href in page.hrefs()}
    tally = Tally("links", len(article.links))
    for link in article.links:
        if link not in hrefs:
            tally.problems.append(f"link missing: {link}")
    for page in pages:
        for href in sorted(page.hrefs()):
            if REDIRECTOR_HOST in href:
                tally.problems.append(f"/{page.url}: link still wrapped in the {REDIRECTOR_HOST} redirector: {href}")
    return tally


def check_site(site_dir: Path, article_path: Path = ARTICLE_PATH, table_path: Path = TABLE_PATH) -> Report:
    """Run every check; raise ArticleError when the input itself is unusable."""
    article = load_article(article_path)
    figures = load_table(table_path)
    match_article(figures, article, table_path)
    pages = load_site(site_dir, skip=COMPILATIONS)
    texts = [page.author_text() for page in pages]
    return Report([
        check_figures(article, figures, pages, site_dir),
        check_sentences(article, texts),
        check_numbers(article, texts),
        check_links(article, pages),
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--article", type=Path, default=ARTICLE_PATH)
    parser.add_argument("--figures", type=Path, default=TABLE_PATH)
    args = parser.parse_args(argv)
    try:
        report = check_site(args.site, args.article, args.figures)
    except ArticleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for problem in report.problems:
        print(problem)
    print(f"article check: {report.summary()}")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
