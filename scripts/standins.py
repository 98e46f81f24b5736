"""Draw the figure stand-ins from the figure table, or check that they have not drifted.

The original images are not available. Each stand-in carries the original's file name, so
dropping the original into docs/images/jueJin/ later needs no other change; the stand-in
records a digest of its table entry, which is how `--check` sees a stale one (and how the
build hook tells a stand-in from an original).

    python scripts/standins.py           # (re)draw every stand-in
    python scripts/standins.py --check   # exit 1 when a stand-in no longer matches the table
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from article_source import ArticleError
from figure_table import Figure, load_table
from project_fonts import regular_face

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
SIZE = (720, 405)
DIGEST_KEY = "standin-digest"
_INK, _MUTED, _PAPER, _FRAME = (33, 37, 41), (96, 103, 112), (246, 247, 249), (190, 196, 204)


def digest(figure: Figure) -> str:
    entry = f"{figure.number}\n{figure.id}\n{figure.caption}"
    return hashlib.sha256(entry.encode("utf-8")).hexdigest()[:16]


def standin_digest(path: Path) -> str | None:
    """The table digest a stand-in was drawn from; None for an original image."""
    with Image.open(path) as image:
        return getattr(image, "text", {}).get(DIGEST_KEY)


def _font(size: int) -> ImageFont.FreeTypeFont:
    face = regular_face()
    return ImageFont.truetype(str(face.path), size, index=face.index)


def draw(figure: Figure) -> Image.Image:
    image = Image.new("RGB", SIZE, _PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((8, 8, SIZE[0] - 9, SIZE[1] - 9), outline=_FRAME, width=3)
    pen.text((40, 36), figure.label, font=_font(44), fill=_INK)
    y = 112
    for line in textwrap.wrap(figure.caption, width=26)[:4]:
        pen.text((40, y), line, font=_font(24), fill=_INK)
        y += 38
    notice = "原图未收录：此为编者制作的占位图"
    pen.text((40, SIZE[1] - 96), notice, font=_font(22), fill=_MUTED)
    pen.text((40, SIZE[1] - 60), f"{figure.id}.png", font=_font(18), fill=_MUTED)
    # A small palette keeps each file at a few KB.
    return image.quantize(colors=8, dither=Image.Dither.NONE)


def write(figure: Figure, docs_dir: Path = DOCS_DIR) -> Path:
    path = docs_dir / figure.image_path
    path.parent.mkdir(parents=True, exist_ok=True)
    info = PngImagePlugin.PngInfo()
    info.add_text(DIGEST_KEY, digest(figure))
    draw(figure).save(path, optimize=True, pnginfo=info)
    return path


def drifted(figures: tuple[Figure, ...], docs_dir: Path = DOCS_DIR) -> list[str]:
    """Problems, one line each: missing files and stand-ins drawn from an older table."""
    problems = []
    for figure in figures:
        path = docs_dir / figure.image_path
        if not path.exists():
            problems.append(f"{path}: missing ({figure.label}); run python scripts/standins.py")
            continue
        recorded = standin_digest(path)
        if recorded is not None and recorded != digest(figure):
            problems.append(f"{path}: stand-in is stale for {figure.label}; run python scripts/standins.py")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when a stand-in drifted from the table")
    parser.add_argument("--docs", type=Path, default=DOCS_DIR, help="the docs folder (default: docs/)")
    args = parser.parse_args(argv)
    try:
        figures = load_table()
        if args.check:
            problems = drifted(figures, args.docs)
            for problem in problems:
                print(problem, file=sys.stderr)
            print(f"stand-ins: {len(figures) - len(problems)}/{len(figures)} match the figure table")
            return 1 if problems else 0
        for figure in figures:
            path = args.docs / figure.image_path
            if path.exists() and standin_digest(path) is None:
                continue  # an original image was dropped in: never overwrite it
            write(figure, args.docs)
        print(f"stand-ins: drew {len(figures)} into {args.docs / 'images/jueJin'}")
        return 0
    except ArticleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
