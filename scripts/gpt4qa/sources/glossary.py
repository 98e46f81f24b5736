"""The glossary (source/glossary.yml): each term, its variants as the article writes them, the
editor's definition and the source it was checked against; and where its variants occur in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import GLOSSARY_PATH
from gpt4qa.sources.register import Citation, table_citation
from gpt4qa.sources.tables import read_table_with_lines

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    group: str
    variants: tuple[str, ...]
    definition: str
    sources: tuple[Citation, ...]  # what the definition was checked against: the register's ids, with parts


@dataclass(frozen=True)
class Glossary:
    groups: tuple[tuple[str, str], ...]  # (id, title) in page order
    terms: tuple[Term, ...]

    @cached_property
    def matcher(self) -> tuple[re.Pattern, dict[str, Term]]:
        """One pattern for every variant (longest first, so a longer variant wins where two start
        at the same place), and the term each named group stands for."""
        by_variant = {variant: term for term in self.terms for variant in term.variants}
        ordered = sorted(by_variant, key=len, reverse=True)
        return re.compile("|".join(f"(?P<v{i}>{_pattern(v)})" for i, v in enumerate(ordered))), \
            {f"v{i}": by_variant[v] for i, v in enumerate(ordered)}

    def terms_in(self, text: str) -> set[str]:
        pattern, term_of = self.matcher
        return {term_of[m.lastgroup].id for m in pattern.finditer(text)} if self.terms else set()


def _pattern(variant: str) -> str:
    """A variant as a regex; a Latin end does not match inside a longer Latin word (ARC in ARCH)."""
    pattern = re.escape(variant)
    if _ASCII_WORD.match(variant[0]):
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if _ASCII_WORD.match(variant[-1]):
        pattern += r"(?![A-Za-z0-9])"
    return pattern


def _text(entry: dict, key: str, where: str, path: Path) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{path}: {where} needs `{key}`")
    return value.strip()


def parse_glossary(data: object, article_text: str, path: Path = GLOSSARY_PATH,
                   lines: list[int] | None = None) -> Glossary:
    """The table, checked: every field present, ids unique, each variant written in the article, each
    term citing what it was checked against."""
    lines = lines or []
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list) or not isinstance(data.get("terms"), list):
        raise InputError(f"{path}: expected `groups:` and `terms:` lists")
    groups = tuple((_text(g, "id", f"group {n}", path), _text(g, "title", f"group {n}", path))
                   for n, g in enumerate(data["groups"], start=1) if isinstance(g, dict))
    group_ids = {ident for ident, _ in groups}
    terms, seen = [], set()
    for number, entry in enumerate(data["terms"], start=1):
        if not isinstance(entry, dict):
            raise InputError(f"{path}: term {number} is not a mapping")
        ident = _text(entry, "id", f"term {number}", path)
        where = f"term '{ident}'"
        if not _ID.match(ident):
            raise InputError(f"{path}: {where}: id must be lower-case ASCII words joined by '-'")
        if ident in seen:
            raise InputError(f"{path}: {where} is listed twice")
        seen.add(ident)
        group = _text(entry, "group", where, path)
        if group not in group_ids:
            raise InputError(f"{path}: {where}: unknown group '{group}' (known: {', '.join(sorted(group_ids))})")
        variants = entry.get("variants")
        if not isinstance(variants, list) or not variants or not all(isinstance(v, str) and v.strip() for v in variants):
            raise InputError(f"{path}: {where} needs `variants`, the term as the article writes it")
        for variant in variants:
            if variant not in article_text:
                raise InputError(f"{path}: {where}: variant '{variant}' never occurs in the article")
        cited = entry.get("sources")
        line = lines[number - 1] if number <= len(lines) else None
        at = f"{path}:{line}: {where}" if line else f"{path}: {where}"
        if not isinstance(cited, list) or not cited:
            raise InputError(f"{at} needs `sources`, a list of {{id: …, part: …}} it was checked against")
        citations = tuple(table_citation(raw, at) for raw in cited)
        terms.append(Term(ident, _text(entry, "term", where, path), group, tuple(v.strip() for v in variants),
                          _text(entry, "definition", where, path), citations))
    return Glossary(groups, tuple(terms))


def load_glossary(article_text: str, path: Path = GLOSSARY_PATH) -> Glossary:
    data, lines = read_table_with_lines(path, "glossary", "terms")
    return parse_glossary(data, article_text, path, lines)
