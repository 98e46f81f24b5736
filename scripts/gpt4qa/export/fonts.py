"""The fonts the project prints with, which Debian package installs each, and where they are.

The PDF (and any page printed from a browser that has them) is set in these faces only, named
in docs/stylesheets/print.css: each edition's CJK face (`Edition.font`: Noto Sans CJK SC for the
Simplified edition, Noto Sans CJK TC for the Traditional one, the same collection of one Debian
package) for Chinese and Latin text alike (its Latin glyphs are Source Sans), that face's
monospaced sibling for code, Noto Color Emoji for the article's emoji. Naming them, rather than a
stack that fontconfig resolves to whatever a machine has (DejaVu, Liberation, WenQuanYi …), is
what makes the PDF the same on every machine.

    python scripts/docs.py fonts                  # where each face is; exit 2 naming what to install
    python scripts/docs.py fonts --fontconfig DIR
                                                 # write DIR/fonts.conf that sees only these faces
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gpt4qa.core.editions import EDITIONS, SIMPLIFIED, Edition
from gpt4qa.core.errors import MissingTool

EMOJI = "Noto Color Emoji"
# Each edition's CJK face -> its monospaced sibling, for code.
MONOSPACED = {
    "Noto Sans CJK SC": "Noto Sans Mono CJK SC",
    "Noto Sans CJK TC": "Noto Sans Mono CJK TC",
}


def edition_families(edition: Edition) -> tuple[str, ...]:
    """The faces an edition's PDF is set in: its CJK face, that face's monospaced sibling, the emoji."""
    return edition.font, MONOSPACED[edition.font], EMOJI


# family -> the Debian package that installs it (scripts/system_deps.sh installs these): every
# edition's faces, the Simplified edition's first.
FAMILIES = {
    family: "fonts-noto-color-emoji" if family == EMOJI else "fonts-noto-cjk"
    for edition in EDITIONS for family in edition_families(edition)
}
TEXT_FAMILY = SIMPLIFIED.font
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


def missing_families(families: tuple[str, ...] = tuple(FAMILIES)) -> list[str]:
    return [family for family in families if not faces(family)]


def require_fonts(edition: Edition = SIMPLIFIED) -> None:
    """The faces an edition's PDF is set in are installed, or MissingTool names the packages."""
    if missing := missing_families(edition_families(edition)):
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
