"""Turn each figure reference in a page's Markdown into a numbered, captioned <figure>.

Pages place a figure with a bare image line, `![](images/jueJin/<id>.png)`, where the article
puts it; number, caption, alt text and source come from the figure table only. When the original
image is in docs/images/jueJin/ it is shown at its natural size (the lightbox plugin opens it
larger); when it is not, the figure is a compact card: number, caption once, a "原图未收录" mark
that carries the alt text for screen readers, and the published source where the table knows it.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from PIL import Image

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import IMAGE_DIR
from gpt4qa.render.citations import cite_html
from gpt4qa.render.data_figures import drawn_note, table_html
from gpt4qa.sources.figure_data import DataTable
from gpt4qa.sources.figures import Figure
from gpt4qa.sources.register import Register

_IMAGE_LINE = re.compile(r"^(?P<indent>[ \t]*)!\[[^\]\n]*\]\((?P<src>[^)\s]+)\)[ \t]*$", re.M)
MISSING_MARK = "原图未收录"
UNVERIFIABLE = "原图内容无法核实"


def figure_id(src: str, page_src: str) -> str | None:
    """The figure id an image link points at, or None when it is not an article figure."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), src))
    folder, _, name = target.rpartition("/")
    return name.rsplit(".", 1)[0] if folder == IMAGE_DIR else None


def _caption(figure: Figure, missing: bool, register: Register, drawn: str | None = None) -> str:
    parts = [
        f'<span class="figure-number">{figure.label}</span> {html.escape(figure.caption)}',
        '<span class="editor-mark">（编者图注）</span>',
    ]
    if drawn is not None:
        parts.append(drawn)
    elif figure.source is not None:
        parts.append(f'<span class="figure-source">原图出处：{cite_html(figure.source, register)}</span>')
    elif missing:
        parts.append(f'<span class="figure-source">{UNVERIFIABLE}</span>')
    return f"<figcaption>{' '.join(parts)}</figcaption>"


def figure_html(figure: Figure, src: str, image_file: Path, register: Register, indent: str = "",
                table: DataTable | None = None) -> str:
    anchor = f"fig-{figure.number}"
    opening = f'<figure markdown="span" id="{anchor}" data-figure-id="{figure.id}"'
    if table is not None and not image_file.is_file():
        # Drawn from its published numbers while the original is missing: raw HTML, no Markdown inside.
        lines = (
            f'<figure id="{anchor}" data-figure-id="{figure.id}" data-table-id="{table.id}" '
            'class="article-figure figure-drawn">',
            table_html(table),
            f"{_caption(figure, missing=False, register=register, drawn=drawn_note(table, register))}",
            "</figure>",
        )
    elif image_file.is_file():
        with Image.open(image_file) as image:
            width, height = image.size
        alt = figure.alt.replace("[", "【").replace("]", "】")
        lines = (
            f'{opening} class="article-figure">',
            f'  ![{alt}]({src}){{ width="{width}" height="{height}" loading="lazy" }}',
            f"  {_caption(figure, missing=False, register=register)}",
            "</figure>",
        )
    else:
        lines = (
            f'{opening} class="article-figure figure-card">',
            # One line: the mark and the caption are one run of text (a line break would be a <br>).
            f'  <span class="figure-card__missing" role="img" aria-label="{html.escape(figure.alt)}">'
            f"{MISSING_MARK}</span>{_caption(figure, missing=True, register=register)}",
            "</figure>",
        )
    return "\n".join(indent + line for line in lines)


def shows_an_original(rendered_markdown: str) -> bool:
    """Whether a page, its figures rendered, shows an original image."""
    return 'class="article-figure">' in rendered_markdown


def render_figures(markdown: str, *, page_src: str, figures: dict[str, Figure], docs_dir: Path,
                   register: Register, drawn: dict[str, DataTable] | None = None) -> str:
    """Replace the page's figure lines; raise InputError for figures the table puts elsewhere.
    `drawn` maps a figure id to the data table it is drawn from while its original is missing."""
    drawn = drawn or {}

    def replace(match: re.Match[str]) -> str:
        src = match.group("src")
        ident = figure_id(src, page_src)
        if ident is None:
            return match.group(0)
        figure = figures.get(ident)
        if figure is None:
            raise InputError(f"docs/{page_src}: shows figure '{ident}' that the article does not cite")
        if figure.page != page_src:
            raise InputError(f"docs/{page_src}: shows {figure.label} ({ident}), which the table puts on {figure.page}")
        return figure_html(figure, src, docs_dir / figure.image_path, register, match.group("indent"),
                           drawn.get(ident))

    return _IMAGE_LINE.sub(replace, markdown)
