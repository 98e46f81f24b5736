"""The sources register (source/sources.yml): every source a note, a glossary entry or a figure
cites, once, with who published it, when, where, and whether it is the primary source.

    sources:
      - id: gpt4-report
        title: GPT-4 Technical Report
        publisher: OpenAI
        author: OpenAI                # optional
        date: 2023-03-15              # as published: YYYY, YYYY-MM or YYYY-MM-DD
        url: https://arxiv.org/abs/2303.08774
        kind: primary                 # or secondary, with `reason`: why no primary source is cited
        checked: 2026-12-01           # when the editor last checked it

Pages cite a source by id and part, `[§5、图 7](src:gpt4-report)`; the glossary and the figure
table by `{id: …, part: …}`. Each fault names the file and line: an unknown id, a source nothing
cites, a secondary source without its reason, an address that is not https.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import SOURCES_PATH
from gpt4qa.sources.tables import read_table_with_lines

KINDS = ("primary", "secondary")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|unknown)$")
_CHECKED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_REQUIRED = ("id", "title", "publisher", "date", "url", "kind", "checked")
# A citation in a page's Markdown: [part](src:id)
CITATION = re.compile(r"\[(?P<part>[^\]\n]+)\]\(src:(?P<id>[^)\s]*)\)")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str
    url: str
    kind: str
    checked: str
    line: int  # where its entry starts in the register
    author: str | None = None
    reason: str | None = None

    @property
    def shown_date(self) -> str:
        return "日期不详" if self.date == "unknown" else self.date


@dataclass(frozen=True)
class Citation:
    """One place that cites a source: which source, which part of it, and where it is cited."""

    id: str
    part: str
    where: str  # file:line of the citation, for messages
    line: int = 0  # the line it stands on in a page's Markdown (1-based), where it is a page's


@dataclass(frozen=True)
class Register:
    path: Path
    sources: dict[str, Source] = field(default_factory=dict)

    def get(self, citation: Citation) -> Source:
        """The source a citation names; an unknown id raises InputError at the citation's place."""
        source = self.sources.get(citation.id)
        if source is None:
            raise InputError(f"{citation.where}: cites unknown source '{citation.id}' "
                             f"(add it to {self.path}, or use one of its ids)")
        return source

    def check_cited(self, citations: list[Citation]) -> None:
        """Every citation names a known source, and every source is cited somewhere."""
        for citation in citations:
            self.get(citation)
        cited = {citation.id for citation in citations}
        for source in self.sources.values():
            if source.id not in cited:
                raise InputError(f"{self.path}:{source.line}: source '{source.id}' is cited by no note, glossary "
                                 "entry or figure (cite it, or remove it)")


def _text(entry: dict, key: str) -> str | None:
    value = entry.get(key)
    return None if value is None else str(value).strip()


def parse_register(data: object, lines: list[int], path: Path = SOURCES_PATH) -> Register:
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path}: expected a non-empty 'sources:' list")
    sources: dict[str, Source] = {}
    for number, entry in enumerate(entries):
        line = lines[number] if number < len(lines) else 0
        where = f"{path}:{line}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: a source is a mapping of {', '.join(_REQUIRED)}")
        values = {key: _text(entry, key) for key in (*_REQUIRED, "author", "reason")}
        if missing := [key for key in _REQUIRED if not values[key]]:
            raise InputError(f"{where}: source '{values['id'] or '?'}' needs {', '.join(missing)}")
        ident = values["id"]
        if not _ID.match(ident):
            raise InputError(f"{where}: source id '{ident}' must be lower-case ASCII words joined by '-'")
        if ident in sources:
            raise InputError(f"{where}: source '{ident}' is listed twice (first at line {sources[ident].line})")
        address = urlsplit(values["url"])
        if address.scheme != "https" or not address.netloc or " " in values["url"]:
            raise InputError(f"{where}: source '{ident}': address {values['url']!r} is not an https:// address")
        if values["kind"] not in KINDS:
            raise InputError(f"{where}: source '{ident}': kind must be primary or secondary, not {values['kind']!r}")
        if values["kind"] == "secondary" and not values["reason"]:
            raise InputError(f"{where}: source '{ident}' is secondary and gives no reason why no primary "
                             "source is cited (add `reason:`)")
        if not _DATE.match(values["date"]):
            raise InputError(f"{where}: source '{ident}': date {values['date']!r} is not YYYY, YYYY-MM, YYYY-MM-DD "
                             "or unknown")
        if not _CHECKED.match(values["checked"]):
            raise InputError(f"{where}: source '{ident}': checked {values['checked']!r} is not the day it was "
                             "checked (YYYY-MM-DD)")
        sources[ident] = Source(ident, values["title"], values["publisher"], values["date"], values["url"],
                                values["kind"], values["checked"], line, values["author"], values["reason"])
    return Register(path, sources)


def load_register(path: Path = SOURCES_PATH) -> Register:
    data, lines = read_table_with_lines(path, "sources register", "sources")
    return parse_register(data, lines, path)


def page_citations(markdown: str, page: str) -> list[Citation]:
    """Every `[part](src:id)` of a page's Markdown, with the page and line it stands on."""
    found = []
    for number, line in enumerate(markdown.split("\n"), start=1):
        for match in CITATION.finditer(line):
            found.append(Citation(match.group("id"), match.group("part").strip(), f"{page}:{number}", number))
    return found


def table_citation(raw: object, where: str) -> Citation:
    """A citation written in a table: {id: …, part: …}."""
    if not isinstance(raw, dict) or not str(raw.get("id") or "").strip() or not str(raw.get("part") or "").strip():
        raise InputError(f"{where}: a source is cited as {{id: …, part: …}} (the register's id, and the section, "
                         "figure, table or page)")
    return Citation(str(raw["id"]).strip(), str(raw["part"]).strip(), where)
