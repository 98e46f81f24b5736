"""Turn each figure reference in a page's Markdown into a numbered, captioned <figure>.

Pages place a figure with a bare image line, `![](images/jueJin/<id>.png)`, where the article
puts it; number, caption and alt text come from the figure table only.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from PIL import Image

from figure_table import IMAGE_DIR, Figure
from standins import standin_digest

_IMAGE_LINE = re.compile(r"^(?P<indent>[ \t]*)!\[[^\]\n]*\]\((?P<src>[^)\s]+)\)[ \t]*$", re.M)


class FigureError(ValueError):
    """A page places a figure the table does not allow there."""


def figure_id(src: str, page_src: str) -> str | None:
    """The figure id an image link points at, or None when it is not an article figure."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), src))
    folder, _, name = target.rpartition("/")
    return name.rsplit(".", 1)[0] if folder == IMAGE_DIR else None


def figure_html(figure: Figure, src: str, image_file: Path, indent: str = "") -> str:
    with Image.open(image_file) as image:
        width, height = image.size
    note = "编者图注"
    if standin_digest(image_file) is not None:
        note += "；原图未收录，此为占位图"
    alt = figure.alt.replace("[", "【").replace("]", "】")
    lines = (
        f'<figure markdown="span" id="fig-{figure.number}" class="article-figure">',
        f'  ![{alt}]({src}){{ width="{width}" height="{height}" loading="lazy" }}',
        f'  <figcaption><span class="figure-number">{figure.label}</span> '
        f'{html.escape(figure.caption)} <span class="editor-mark">（{note}）</span></figcaption>',
        "</figure>",
    )
    return "\n".join(indent + line for line in lines)


def render_figures(markdown: str, *, page_src: str, figures: dict[str, Figure], docs_dir: Path) -> str:
    """Replace the page's figure lines; raise FigureError for figures the table puts elsewhere."""

    def replace(match: re.Match[str]) -> str:
        src = match.group("src")
        ident = figure_id(src, page_src)
        if ident is None:
            return match.group(0)
        figure = figures.get(ident)
        if figure is None:
            raise FigureError(f"docs/{page_src}: shows figure '{ident}' that the article does not cite")
        if figure.page != page_src:
            raise FigureError(f"docs/{page_src}: shows {figure.label} ({ident}), which the table puts on {figure.page}")
        image_file = docs_dir / figure.image_path
        if not image_file.exists():
            raise FigureError(f"docs/{page_src}: {figure.label} file {image_file} is missing")
        return figure_html(figure, src, image_file, match.group("indent"))

    return _IMAGE_LINE.sub(replace, markdown)
