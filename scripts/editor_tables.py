"""Read one of the editor's YAML tables in source/ (figures, parts, search vocabulary): its data,
or one line naming the file and what is wrong with it."""

from __future__ import annotations

from pathlib import Path

import yaml

from article_source import ArticleError


def read_table(path: Path, what: str) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArticleError(f"{path}: {what} not found") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ArticleError(f"{path}{where}: not valid YAML") from None
