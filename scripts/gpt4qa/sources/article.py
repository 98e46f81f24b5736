"""Parse the article (source/article.md): front matter, figures, sentences, numbers and links.

Everything here is pure: it takes text and returns data, so the build hook, the CLI and the
tests all read the article the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import ARTICLE_PATH

# Sentence ends in Chinese and Western punctuation; English full stops are left alone because
# the article writes decimals (1.83) and runs English sentences together ("models.Some").
_SENTENCE_END = re.compile(r"(?<=[。！？；!?])")
_IMAGE = re.compile(r'!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]+)(?:\s+"[^"\n]*")?\)')
_LINK = re.compile(r'\[(?P<text>[^\]\n]*)\]\((?P<href>[^)\s]+)(?:\s+"[^"\n]*")?\)')
_SETEXT_RULE = re.compile(r"^\s*[-=]{3,}\s*$")
_HEADING_NUMBER = re.compile(r"^(\d{2})、")
_LIST_MARKER = re.compile(r"^\s*(?:[*+-]|\d+\\?\.)\s+")
_EMPHASIS = re.compile(r"\*+|(?<![0-9A-Za-z])_+|_+(?![0-9A-Za-z])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_WHITESPACE = re.compile(r"\s+")
# A number with its unit, as readers quote it: 8K, 45TB, 1.3B, 40%, 1/1000.
NUMBER = re.compile(r"(?<![\d.])\d+(?:[./]\d+)*(?:%|TB|[KMB](?![A-Za-z]))?(?![\d])")
_FIGURE_ID = re.compile(r"^[0-9A-Za-z_-]+$")
REDIRECTOR_HOST = "link.juejin.cn"


@dataclass(frozen=True)
class ArticleFigure:
    id: str
    alt: str
    src: str
    line: int
    section: str


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    section: str


@dataclass(frozen=True)
class Article:
    path: Path
    front_matter: dict[str, str]
    figures: tuple[ArticleFigure, ...]
    sentences: tuple[Sentence, ...]
    placed_links: tuple[tuple[str, int], ...]  # (address, article line)
    text: str = ""  # the file as read, for the tables that are held against it

    @property
    def links(self) -> tuple[str, ...]:
        return tuple(href for href, _ in self.placed_links)

    def converted(self, convert: Callable[[str], str]) -> Article:
        """The article as a converted edition prints it: its sentences and figures' alternative texts
        converted (addresses, lines and sections as they are)."""
        return replace(self, sentences=tuple(replace(s, text=convert(s.text)) for s in self.sentences),
                       figures=tuple(replace(f, alt=convert(f.alt)) for f in self.figures))

    @property
    def numbers(self) -> dict[str, Sentence]:
        """Each numeric token of the article, with the first sentence that states it."""
        found: dict[str, Sentence] = {}
        for sentence in self.sentences:
            for token in NUMBER.findall(sentence.text):
                found.setdefault(token, sentence)
        return found


def squash(text: str) -> str:
    """Drop all whitespace: rendering moves spaces around Chinese and Latin text freely."""
    return _WHITESPACE.sub("", text)


def unwrap_link(href: str) -> str:
    """Return the real target of a juejin redirector link; other links unchanged."""
    parts = urlsplit(href)
    if parts.netloc == REDIRECTOR_HOST:
        targets = parse_qs(parts.query).get("target")
        if targets:
            return targets[0]
    return href


def split_front_matter(text: str, path: Path) -> tuple[dict[str, str], str, int]:
    """Split `---` front matter from the body; tolerate the source's `key:"value"` lines."""
    if not text.startswith("---\n"):
        return {}, text, 0
    end = text.find("\n---\n", 4)
    if end < 0:
        raise InputError(f"{path}: front matter opened with '---' is never closed")
    meta: dict[str, str] = {}
    for raw in text[4:end].splitlines():
        key, sep, value = raw.partition(":")
        if sep and re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            meta[key.strip()] = value.strip().strip('"')
    body_start_line = text[: end + 5].count("\n")
    return meta, text[end + 5 :], body_start_line


def plain_text(line: str) -> str:
    """One Markdown line as a reader sees it: no images, link targets, emphasis or list markers."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group("text"), line)
    line = _EMPHASIS.sub("", line)
    line = _LIST_MARKER.sub("", line)
    return _ESCAPE.sub(r"\1", line).strip()


def split_sentences(text: str) -> list[str]:
    pieces = (squash(piece) for piece in _SENTENCE_END.split(text))
    return [piece for piece in pieces if re.search(r"[\w\u4e00-\u9fff]", piece)]


def _figure(match: re.Match[str], line: int, section: str, path: Path) -> ArticleFigure:
    src = match.group("src")
    name = src.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or ext.lower() not in {"png", "jpg", "jpeg", "gif", "webp", "svg"}:
        raise InputError(f"{path}:{line}: malformed image: '{src}' is not an image file path")
    if not _FIGURE_ID.match(stem):
        raise InputError(f"{path}:{line}: malformed image: '{src}' has no usable figure id")
    return ArticleFigure(id=stem, alt=match.group("alt"), src=src, line=line, section=section)


def parse_article(text: str, path: Path = ARTICLE_PATH) -> Article:
    """Parse the article text; raise InputError on input no check could trust."""
    meta, body, offset = split_front_matter(text, path)
    figures: list[ArticleFigure] = []
    sentences: list[Sentence] = []
    links: list[tuple[str, int]] = []
    section = "导读"
    if meta.get("title"):
        sentences += [Sentence(s, 1, "标题") for s in split_sentences(meta["title"])]
    lines = body.splitlines()
    for index, line in enumerate(lines):
        number = offset + index + 1
        heading = _HEADING_NUMBER.match(line)
        if heading and index + 1 < len(lines) and _SETEXT_RULE.match(lines[index + 1]):
            section = f"Q{int(heading.group(1))}"
        if _SETEXT_RULE.match(line):
            continue
        matches = list(_IMAGE.finditer(line))
        if line.count("![") != len(matches):
            raise InputError(f"{path}:{number}: malformed image: {line.strip()[:60]!r}")
        figures += [_figure(m, number, section, path) for m in matches]
        links += [(unwrap_link(m.group("href")), number) for m in _LINK.finditer(_IMAGE.sub("", line))]
        sentences += [Sentence(s, number, section) for s in split_sentences(plain_text(line))]
    _reject_duplicate_ids(figures, path)
    if not figures:
        raise InputError(f"{path}: the article cites no images; nothing to check figures against")
    return Article(path, meta, tuple(figures), tuple(sentences), tuple(links), text)


def _reject_duplicate_ids(figures: list[ArticleFigure], path: Path) -> None:
    seen: dict[str, int] = {}
    for figure in figures:
        if figure.id in seen:
            raise InputError(
                f"{path}:{figure.line}: two figures with one id '{figure.id}' "
                f"(first at line {seen[figure.id]})"
            )
        seen[figure.id] = figure.line


def load_article(path: Path = ARTICLE_PATH) -> Article:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: article not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read article: {error}") from None
    return parse_article(text, path)
