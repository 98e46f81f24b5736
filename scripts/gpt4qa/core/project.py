"""Where the project's files are, and the names of the files the site offers for download."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "source"
DOCS = ROOT / "docs"
TESTS = ROOT / "tests"
CONFIG = ROOT / "mkdocs.yml"

# The editor's sources: the article verbatim and the editor's tables beside it.
ARTICLE_PATH = SOURCE / "article.md"
PARTS_PATH = SOURCE / "parts.yml"
FIGURES_PATH = SOURCE / "figures.yml"
GLOSSARY_PATH = SOURCE / "glossary.yml"
VOCABULARY_PATH = SOURCE / "search-vocabulary.yml"
PUBLICATION_PATH = SOURCE / "publication.yml"
SOURCES_PATH = SOURCE / "sources.yml"
FIGURE_DATA_PATH = SOURCE / "figure-data.yml"
TRADITIONAL_PATH = SOURCE / "traditional.yml"  # the Traditional edition's overrides of OpenCC
SEARCH_DICTIONARY = SOURCE / "search-dictionary.txt"
SEARCH_TERMS = SOURCE / "search-terms.txt"  # the article's terms, kept whole when the index is segmented
ANCHOR_CONTRACT = TESTS / "public-anchors.txt"

# The article's images, relative to docs/ and to the built site.
IMAGE_DIR = "images/jueJin"

# What the offline copy ships instead of loading from unpkg.com: Material's file:// worker shim.
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
SHIM_SOURCE = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"

# Chromium, as Debian installs it (scripts/system_deps.sh); never a downloaded build.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking")
# W3C's EPUBCheck, as Debian's package epubcheck installs it (scripts/system_deps.sh): run with java.
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")


def shown(path: Path) -> str:
    """A path as messages show it: relative to the project when inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
