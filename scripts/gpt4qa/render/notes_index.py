"""编者注一览: every editor's note on the site, generated from the pages' own caveats, grouped by
kind with counts; each entry names its page and the sentence it qualifies and links to the note
itself (the note-<n> anchors caveats.add_titles gives them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gpt4qa.render.caveats import KINDS, Caveat, find_caveats
from gpt4qa.render.page_meta import generated_page_head
from gpt4qa.sources.register import Citation, page_citations

PAGE_SRC = "notes.md"
TITLE = "编者注一览"


@dataclass(frozen=True)
class Note:
    page: str  # source path, e.g. q05-reasoning.md
    page_title: str
    caveat: Caveat
    citations: tuple[Citation, ...] = ()  # the sources it cites, from the register


def collect(docs_dir: Path, titles: dict[str, str]) -> list[Note]:
    """The notes of every page the navigation lists, in reading order."""
    notes = []
    for page, title in titles.items():
        path = docs_dir / page
        if path.is_file():
            markdown = path.read_text(encoding="utf-8")
            cited = page_citations(markdown, f"docs/{page}")
            for caveat in find_caveats(markdown, f"docs/{page}"):
                # Citation lines are 1-based; a caveat's lines run from its opening to its end (0-based).
                own = tuple(c for c in cited if caveat.line < c.line <= caveat.end)
                notes.append(Note(page, title, caveat, own))
    return notes


def _quote(text: str) -> str:
    return text.replace("[", "［").replace("]", "］").replace("*", "＊").replace("_", "\\_")


def notes_markdown(notes: list[Note]) -> str:
    by_kind = {kind: [n for n in notes if n.caveat.kind == kind] for kind in KINDS}
    lines = [
        *generated_page_head(TITLE, f"全站 {len(notes)} 条编者注，按类别列出所在页面和所针对的原文句子。"),
        f'<p class="editorial">全站共有 {len(notes)} 条编者注，分 {sum(1 for v in by_kind.values() if v)} 类。'
        "每条列出所在页面和它所针对的原文句子，点击即可跳到该条编者注。</p>",
        "",
        "| 类别 | 条数 |",
        "| --- | --- |",
    ]
    lines += [f"| [{label}](#{kind}) | {len(by_kind[kind])} |" for kind, label in KINDS.items() if by_kind[kind]]
    lines.append("")
    for kind, label in KINDS.items():
        if not by_kind[kind]:
            continue
        lines += [f"## {label}（{len(by_kind[kind])} 条） {{ #{kind} .editorial }}", ""]
        for note in by_kind[kind]:
            lines.append(f"1. [{note.page_title} · 第 {note.caveat.number} 条]({note.page}#{note.caveat.anchor})："
                         f"“{_quote(note.caveat.sentence)}”")
        lines.append("")
    return "\n".join(lines)
