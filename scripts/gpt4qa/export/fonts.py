"""The fonts the project prints with, which Debian package installs each, and where they are.

The PDF (and any page printed from a browser that has them) is set in these faces only, named
in docs/stylesheets/print.css: Noto Sans CJK SC for Chinese and Latin text alike (its Latin
glyphs are Source Sans), its monospaced sibling for code, Noto Color Emoji for the article's
emoji. Naming them, rather than a stack that fontconfig resolves to whatever a machine has
(DejaVu, Liberation, WenQuanYi …), is what makes the PDF the same on every machine.

    python scripts/docs.py fonts                  # where each face is; exit 2 naming what to install
    python scripts/docs.py fonts --fontconfig DIR
                                                 # write DIR/fonts.conf that sees only these faces
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gpt4qa.core.errors import MissingTool

# family -> the Debian package that installs it (scripts/system_deps.sh installs these).
FAMILIES = {
    "Noto Sans CJK SC": "fonts-noto-cjk",
    "Noto Sans Mono CJK SC": "fonts-noto-cjk",
    "Noto Color Emoji": "fonts-noto-color-emoji",
}
TEXT_FAMILY = "Noto Sans CJK SC"
SYSTEM_RULES = "/etc/fonts/conf.d"


@dataclass(frozen=True)
class Face:
    family: str
    path: Path
    index: int  # the face's index inside a .ttc collection


def _fc(*args: str) -> str:
    try:
        return subprocess.run(["fc-list", *args], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise MissingTool(f"fc-list failed ({error}); install fontconfig") from None


def faces(family: str) -> list[Face]:
    """Every installed face of exactly this family (regular, bold …), sorted by file."""
    found = []
    for line in _fc(f"{family}", "--format", "%{file}\t%{index}\t%{family}\n").splitlines():
        path, index, names = line.split("\t")
        if family in names.split(","):
            found.append(Face(family, Path(path), int(index)))
    return sorted(found, key=lambda face: (str(face.path), face.index))


@cache
def regular_face(family: str = TEXT_FAMILY) -> Face:
    """The regular face of a family; stops with the package to install when it is missing."""
    installed = faces(family)
    if not installed:
        raise MissingTool(f"font '{family}' is not installed; install the Debian package {FAMILIES[family]}")
    styles = _fc(f"{family}:style=Regular", "--format", "%{file}\t%{index}\n").splitlines()
    for line in styles:
        path, index = line.split("\t")
        match = Face(family, Path(path), int(index))
        if match in installed:
            return match
    return installed[0]


def missing_families() -> list[str]:
    return [family for family in FAMILIES if not faces(family)]


def require_fonts() -> None:
    if missing := missing_families():
        packages = sorted({FAMILIES[family] for family in missing})
        raise MissingTool(f"fonts missing: {', '.join(missing)}; install the Debian packages {' '.join(packages)}")


def write_fontconfig(folder: Path) -> Path:
    """A fonts.conf that sees the project's faces and no other font (for proving the PDF does not
    depend on what else a machine has): their files linked into one folder, a cache of its own,
    and the system's rendering rules (hinting, antialiasing), which are not fonts."""
    require_fonts()
    fonts = folder / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for family in FAMILIES:
        for face in faces(family):
            link = fonts / face.path.name
            if not link.exists():
                link.symlink_to(face.path)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n"
        f'  <include ignore_missing="yes">{SYSTEM_RULES}</include>\n</fontconfig>\n',
        encoding="utf-8",
    )
    return config
