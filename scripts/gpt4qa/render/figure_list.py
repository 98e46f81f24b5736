"""The site's list of figures (图目录), generated from the figure table: number, caption, the page
it is on and a link that lands on it, and whether the original is in the site."""

from __future__ import annotations

from pathlib import Path

from gpt4qa.render.data_figures import DRAWN_MARK
from gpt4qa.render.page_meta import generated_page_head
from gpt4qa.sources.figures import Figure
from gpt4qa.sources.register import Register

PAGE_SRC = "figures.md"
TITLE = "图目录"


def nav_titles(nav: list) -> dict[str, str]:
    """Source path -> title, from the `nav:` of mkdocs.yml (nested sections included)."""
    titles: dict[str, str] = {}
    for item in nav:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    titles[target] = title
                elif isinstance(target, list):
                    titles |= nav_titles(target)
    return titles


def _cell(text: str) -> str:
    return text.replace("|", "｜")


def figure_list_markdown(figures: tuple[Figure, ...], titles: dict[str, str], docs_dir: Path,
                         register: Register, drawn: dict | None = None) -> str:
    """The page's Markdown; `titles` maps each page's source path to its navigation title."""
    missing = sum(1 for figure in figures if not (docs_dir / figure.image_path).is_file())
    redrawn = sum(1 for figure in figures if figure.id in (drawn or {}) and not (docs_dir / figure.image_path).is_file())
    lines = [
        *generated_page_head(TITLE, f"原文 {len(figures)} 张配图的编号、图注与所在页面。"),
        f'<p class="editorial">原文共有 {len(figures)} 张配图，其中 {missing} 张的原图未能获得：'
        f"其中 {redrawn} 张由编者据出处公布的数据重制为表格（标明“{DRAWN_MARK}”），其余以卡片标明“原图未收录”。"
        "图注为编者所加；能确认出处的配图附有原图出处链接。</p>",
        "",
        "| 图 | 图注 | 所在页面 | 原图 |",
        "| --- | --- | --- | --- |",
    ]
    for figure in figures:
        shown = "已收录" if (docs_dir / figure.image_path).is_file() else "未收录"
        if shown == "未收录" and figure.id in (drawn or {}):
            shown = "未收录，[编者据出处数据重制](" + f"{figure.page}#fig-{figure.number})"
        if figure.source is not None:
            shown += f"，[出处]({register.get(figure.source).url})"
        lines.append(
            f"| [{figure.label}]({figure.page}#fig-{figure.number}) | {_cell(figure.caption)} "
            f"| [{_cell(titles.get(figure.page, figure.page))}]({figure.page}) | {shown} |"
        )
    return "\n".join(lines) + "\n"
