"""参考来源: every source of the register, grouped by publisher, each with what it is, when it was
checked, and the notes, glossary terms and figures that cite it (each a link to the place)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from gpt4qa.render.citations import SOURCES_PAGE_SRC, SOURCES_TITLE, markdown_text
from gpt4qa.render.page_meta import generated_page_head
from gpt4qa.sources.figure_data import DataTable
from gpt4qa.sources.figures import Figure
from gpt4qa.sources.glossary import Glossary
from gpt4qa.sources.register import Register, Source

PAGE_SRC = SOURCES_PAGE_SRC
TITLE = SOURCES_TITLE
KIND_LABEL = {"primary": "一手来源", "secondary": "二手来源"}


@dataclass(frozen=True)
class CitedBy:
    """One place that cites a source, as the page lists it."""

    source: str  # the register's id
    label: str  # e.g. "Q2 效果层面的改进 · 第 3 条编者注"
    link: str  # docs-relative link to the place, e.g. "q02-improvements.md#note-erratum-1a2b3c"


def _escape(text: str) -> str:
    return html.escape(text)


def _details(source: Source) -> str:
    parts = [f"发布：{_escape(source.publisher)}，{source.shown_date}"]
    if source.author:
        parts.insert(0, f"作者：{_escape(source.author)}")
    kind = KIND_LABEL[source.kind]
    if source.reason:
        kind += f"（未引一手来源的原因：{_escape(source.reason)}）"
    parts += [kind, f"编者核对于 {source.checked}"]
    return "；".join(parts) + "。"


def sources_markdown(register: Register, cited_by: list[CitedBy]) -> str:
    publishers: dict[str, list[Source]] = {}
    for source in register.sources.values():
        publishers.setdefault(source.publisher, []).append(source)
    kinds = {kind: sum(1 for s in register.sources.values() if s.kind == kind) for kind in KIND_LABEL}
    lines = [
        *generated_page_head(TITLE, f"编者注、术语表和图注所引的 {len(register.sources)} 个来源，按发布者分组。"),
        f'<p class="editorial">编者注、术语表和图注所引用的 {len(register.sources)} 个来源，按发布者分组：'
        f"一手来源 {kinds['primary']} 个，二手来源 {kinds['secondary']} 个（各注明未引一手来源的原因）。"
        "每个来源列出发布者、日期、核对日期，以及引用它的编者注、术语和图。</p>",
        "",
    ]
    for publisher in sorted(publishers, key=lambda name: (-len(publishers[name]), name)):
        count = len(publishers[publisher])
        lines += [f"## {publisher} {{ .editorial }}", "", f"共 {count} 个来源。", "{ .editorial }", ""]
        for source in sorted(publishers[publisher], key=lambda s: (s.date, s.title)):
            places = [c for c in cited_by if c.source == source.id]
            lines += [
                f"### {source.title} {{ #{source.id} .editorial }}",
                "",
                f'<p class="editorial source-details">{_details(source)} <a href="{_escape(source.url)}">{_escape(source.url)}</a></p>',
                "",
                "引用于：",
                "{ .editorial }",
                "",
                *(f"- [{markdown_text(c.label)}]({c.link})" for c in places),
                "",
            ]
    return "\n".join(lines)


def cited_by(notes: list, glossary: Glossary, figures: tuple[Figure, ...],
             tables: tuple[DataTable, ...] = ()) -> list[CitedBy]:
    """Every place that cites a source, once a place a source: notes (`notes_index.Note`), terms, figures."""
    places: list[CitedBy] = []
    for note in notes:
        for source in dict.fromkeys(c.id for c in note.citations):
            places.append(CitedBy(source, f"{note.page_title} · 第 {note.caveat.number} 条编者注",
                                  f"{note.page}#{note.caveat.anchor}"))
    for term in glossary.terms:
        for source in dict.fromkeys(c.id for c in term.sources):
            places.append(CitedBy(source, f"术语表 · {term.term}", f"glossary.md#{term.id}"))
    for figure in figures:
        if figure.source is not None:
            places.append(CitedBy(figure.source.id, f"{figure.label} {figure.caption}",
                                  f"{figure.page}#fig-{figure.number}"))
    by_id = {figure.id: figure for figure in figures}
    for table in tables:
        if table.figure is not None:
            figure = by_id[table.figure]
            label, link = f"{figure.label}（编者据数据重制） {figure.caption}", f"{figure.page}#fig-{figure.number}"
        else:
            label, link = f"编者补充表 · {table.title}", f"{table.page}#{table.anchor}"
        places.append(CitedBy(table.source.id, label, link))
    return places
