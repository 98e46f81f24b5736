"""A converted edition holds no Simplified-only character in what a reader sees or hears.

The characters are OpenCC's own (gpt4qa/sources/conversion.py `simplified_only`: those its tables
for the edition convert and never keep), not a hand list. What a reader sees is every HTML file of
the edition (its text and its shown attributes: gpt4qa/core/shown_text.py), the text of its search
index's sections, and its own scripts' and stylesheets' strings. A page the conversion missed, or
a template string added without it, is named with the characters found and where.
"""

from __future__ import annotations

import json
from pathlib import Path

from gpt4qa.core.editions import Edition
from gpt4qa.core.shown_text import visible_text
from gpt4qa.sources.conversion import simplified_characters, simplified_only

SEARCH_INDEX = "search/search_index.json"
TEXT_ASSETS = ("javascripts/*.js", "stylesheets/*.css")
SHOWN = 8  # characters named in a message


def _fault(where: str, text: str, characters: frozenset[str]) -> str | None:
    found = simplified_characters(text, characters)
    if not found:
        return None
    at = next(i for i, ch in enumerate(text) if ch == found[0])
    context = text[max(0, at - 12):at + 12].replace("\n", " ")
    more = f" (+{len(found) - SHOWN} more)" if len(found) > SHOWN else ""
    return (f"{where}: {len(found)} Simplified-only characters a reader sees ({' '.join(found[:SHOWN])}{more}), "
            f"first in «{context}»")


def check_characters(site_dir: Path, edition: Edition,
                     characters: frozenset[str] | None = None) -> list[str]:
    """One line for each file of a converted edition that shows a Simplified-only character."""
    assert edition.opencc is not None, f"edition {edition.key} is not converted"
    characters = characters if characters is not None else simplified_only(edition.opencc)
    root = site_dir / edition.prefix
    problems = []
    for path in sorted(root.rglob("*.html")):
        where = path.relative_to(site_dir).as_posix()
        if fault := _fault(where, visible_text(path.read_text(encoding="utf-8")), characters):
            problems.append(fault)
    index = root / SEARCH_INDEX
    if index.is_file():
        docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
        for doc in docs:
            text = "\n".join(str(doc.get(field, "")) for field in ("title", "text", "notes"))
            if fault := _fault(f"{edition.prefix}{SEARCH_INDEX} ({doc.get('location', '')})", text, characters):
                problems.append(fault)
    for pattern in TEXT_ASSETS:
        for path in sorted(root.glob(pattern)):
            if fault := _fault(path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8"), characters):
                problems.append(fault)
    return problems
