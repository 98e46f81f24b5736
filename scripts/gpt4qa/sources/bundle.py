"""The editor's sources of one build, each file read and parsed once, on first use.

    sources = Sources()                      # the project's own files
    sources = Sources(article_path=tmp / "article.md", figures_path=tmp / "figures.yml", …)

The build hook, the article check and the exports all ask one `Sources` for the article and the
tables, so a build reads each file once, and a fixture project can name its own files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gpt4qa.core import project
from gpt4qa.core.errors import InputError
from gpt4qa.sources.article import Article, load_article
from gpt4qa.sources.figure_data import DataTable, load_figure_data
from gpt4qa.sources.figures import Figure, load_table, match_article
from gpt4qa.sources.glossary import Glossary, load_glossary
from gpt4qa.sources.parts import Parts, check_figure_pages, parse_parts
from gpt4qa.sources.publication import Publication, load_publication
from gpt4qa.sources.register import Citation, Register, load_register
from gpt4qa.sources.tables import read_table
from gpt4qa.sources.vocabulary import Vocabulary, check_targets, load_vocabulary


@dataclass(frozen=True)
class Sources:
    article_path: Path = project.ARTICLE_PATH
    parts_path: Path = project.PARTS_PATH
    figures_path: Path = project.FIGURES_PATH
    glossary_path: Path = project.GLOSSARY_PATH
    vocabulary_path: Path = project.VOCABULARY_PATH
    publication_path: Path = project.PUBLICATION_PATH
    register_path: Path = project.SOURCES_PATH
    figure_data_path: Path = project.FIGURE_DATA_PATH
    traditional_path: Path = project.TRADITIONAL_PATH

    @cached_property
    def article(self) -> Article:
        return load_article(self.article_path)

    @cached_property
    def parts(self) -> Parts:
        return parse_parts(read_table(self.parts_path, "parts table"), self.article.text, self.parts_path,
                           self.article_path)

    @cached_property
    def figures(self) -> tuple[Figure, ...]:
        """The figure table, held against the article: exactly its figures, in its order."""
        figures = load_table(self.figures_path)
        match_article(figures, self.article, self.figures_path)
        return figures

    @cached_property
    def glossary(self) -> Glossary:
        return load_glossary(self.article.text, self.glossary_path)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        vocabulary = load_vocabulary(self.vocabulary_path)
        check_targets(vocabulary, self.article.text, self.vocabulary_path)
        return vocabulary

    @cached_property
    def register(self) -> Register:
        return load_register(self.register_path)

    @cached_property
    def figure_data(self) -> tuple[DataTable, ...]:
        """The tables the editor draws figures from, each held to the figure table."""
        tables = load_figure_data(self.figure_data_path)
        ids = {figure.id for figure in self.figures}
        for table in tables:
            if table.figure is not None and table.figure not in ids:
                raise InputError(f"{self.figure_data_path}:{table.line}: table '{table.id}' draws figure "
                                 f"'{table.figure}', which {self.figures_path} does not list")
        return tables

    def drawn(self) -> dict[str, DataTable]:
        """Figure id -> the table it is drawn from."""
        return {table.figure: table for table in self.figure_data if table.figure is not None}

    def table_citations(self) -> list[Citation]:
        """What the glossary, the figure table and the figure data cite."""
        return [c for term in self.glossary.terms for c in term.sources] + \
            [figure.source for figure in self.figures if figure.source is not None] + \
            [table.source for table in self.figure_data]

    @cached_property
    def publication(self) -> Publication:
        return load_publication(self.publication_path)

    def site_text(self, docs_dir: Path) -> str:
        """Every text the pages are made from: the article, the docs and the editor's tables (what an
        override of a converted edition must find something of)."""
        paths = [self.article_path, self.glossary_path, self.figures_path, self.figure_data_path,
                 self.register_path, self.publication_path, self.parts_path]
        texts = [path.read_text(encoding="utf-8") for path in paths if path.is_file()]
        texts += [path.read_text(encoding="utf-8") for path in sorted(docs_dir.rglob("*.md"))]
        return "\n".join(texts)

    def check(self) -> None:
        """Read every table and hold them against each other: the first fault raises InputError."""
        check_figure_pages(self.figures, self.article, self.parts, self.figures_path, self.parts_path)
        self.vocabulary, self.publication  # noqa: B018 - each read validates its table
        for citation in self.table_citations():
            self.register.get(citation)  # an unknown id fails at its entry
