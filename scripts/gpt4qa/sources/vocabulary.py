"""The search vocabulary (source/search-vocabulary.yml): readers' words mapped to the article's,
and the question words a query drops."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import VOCABULARY_PATH
from gpt4qa.sources.article import squash
from gpt4qa.sources.tables import read_table


@dataclass(frozen=True)
class Vocabulary:
    synonyms: dict[str, str]
    question_words: tuple[str, ...]


def load_vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    data = read_table(path, "search vocabulary")
    synonyms = data.get("synonyms") if isinstance(data, dict) else None
    words = data.get("question_words") if isinstance(data, dict) else None
    if not isinstance(synonyms, dict) or not synonyms or not isinstance(words, list) or not words:
        raise InputError(f"{path}: expected a 'synonyms:' mapping and a 'question_words:' list")
    for reader, article in synonyms.items():
        if not str(reader).strip() or not str(article).strip() or str(reader) == str(article):
            raise InputError(f"{path}: synonym {reader!r} → {article!r} needs two different words")
    return Vocabulary({str(k): str(v) for k, v in synonyms.items()}, tuple(str(w) for w in words))


def check_targets(vocabulary: Vocabulary, article_text: str, path: Path = VOCABULARY_PATH) -> None:
    """Every synonym leads to a word the article uses."""
    text = squash(article_text).lower()
    for reader, article in vocabulary.synonyms.items():
        if squash(article).lower() not in text:
            raise InputError(f"{path}: synonym {reader} → {article}: the article never uses '{article}'")
