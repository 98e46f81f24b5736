"""The publication the site reproduces (source/publication.yml): who wrote it, who published it,
and what the site calls it. The title and date are the article's own front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import PUBLICATION_PATH
from gpt4qa.sources.tables import read_table

_FIELDS = ("author", "publisher", "subject")


@dataclass(frozen=True)
class Publication:
    author: str  # the article's author, as a document's metadata names them
    publisher: str
    subject: str  # what the site is, in a few words (the PDF's subject)


def load_publication(path: Path = PUBLICATION_PATH) -> Publication:
    data = read_table(path, "publication table")
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping with {', '.join(_FIELDS)}")
    for field in _FIELDS:
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise InputError(f"{path}: needs `{field}`, a non-empty text")
    return Publication(*(data[field].strip() for field in _FIELDS))
