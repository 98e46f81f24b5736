"""Caveat admonitions: the editor's kinds of caveat, their Chinese titles, and where each sits.

Pages write `!!! speculation qualifies="首先，模型参数量"` (or `??? dated …` to collapse): the kind,
and the opening words of the sentence the caveat qualifies, which must stand in the block right
before it (a paragraph, a list or a heading; figures and other caveats in between are passed
over), so a note cannot drift from its claim. Kinds that correct or date a claim (勘误, 未经证实,
时效) must give their source as a link. The build gives each caveat its title, so every caveat of
a kind reads the same and is marked as the editor's. Colours and icons live beside the classes in
docs/stylesheets/caveats.css.
"""

from __future__ import annotations

import re

from article_source import plain_text, squash

KINDS = {
    "speculation": "推测",
    "opinion": "个人观点",
    "unverified": "未经证实",
    "limitation": "局限",
    "dated": "时效",
    "erratum": "勘误",
}
NEEDS_SOURCE = ("erratum", "unverified", "dated")
EDITOR_MARK = "编者注"
_ADMONITION = re.compile(r'^(?P<lead>(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+)(?P<kind>[\w-]+)(?P<rest>.*)$')
_QUALIFIES = re.compile(r'^qualifies="(?P<words>[^"]+)"$')
_FIGURE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_SOURCE_LINK = re.compile(r"\]\((?:https?://|[\w./-]+\.md)[^)\s]*\)")


class CaveatError(ValueError):
    """A caveat of an unknown kind, out of place or without the source its kind needs."""


def title(kind: str) -> str:
    return f"{EDITOR_MARK} · {KINDS[kind]}"


def _width(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _body(lines: list[str], at: int, indent: int) -> str:
    """The caveat's own lines: blank or indented deeper than its opening line."""
    body = []
    for line in lines[at + 1:]:
        if line.strip() and _width(line) <= indent:
            break
        body.append(line)
    return "\n".join(body)


def block_before(lines: list[str], at: int, indent: int) -> str:
    """The text block right before line `at`: other caveats and figure lines are passed over."""
    i = at - 1
    while i >= 0:
        line = lines[i]
        if not line.strip() or _FIGURE_LINE.match(line):
            i -= 1
            continue
        if _width(line) > indent:  # an earlier caveat's body: go to its opening line and past it
            while i >= 0 and (not lines[i].strip() or _width(lines[i]) > indent):
                i -= 1
            if i >= 0 and _ADMONITION.match(lines[i]):
                i -= 1
            continue
        if _ADMONITION.match(line):
            i -= 1
            continue
        block = []
        while i >= 0 and lines[i].strip() and not _ADMONITION.match(lines[i]):
            block.insert(0, lines[i])
            i -= 1
        return "\n".join(block)
    return ""


def add_titles(markdown: str, page: str) -> str:
    """Give every caveat its kind's title; reject unknown kinds, caveats that do not sit at the
    sentence they name, and corrections without a source."""
    lines = markdown.split("\n")
    out = []
    for number, line in enumerate(lines):
        match = _ADMONITION.match(line)
        if not match:
            out.append(line)
            continue
        kind, rest = match.group("kind"), match.group("rest").strip()
        where = f"{page}:{number + 1}: caveat '{kind}'"
        if kind not in KINDS:
            raise CaveatError(f"{page}: unknown caveat kind '{kind}' (known: {', '.join(KINDS)})")
        qualifies = _QUALIFIES.match(rest)
        if qualifies is None:
            detail = f"sets its own title {rest}; titles come from its kind" if rest.startswith('"') else \
                'names no sentence it qualifies (qualifies="its opening words")'
            raise CaveatError(f"{where} {detail}")
        indent = _width(line)
        words = qualifies.group("words")
        if squash(plain_text(words)) not in squash(" ".join(plain_text(l) for l in block_before(lines, number, indent).split("\n"))):
            raise CaveatError(f"{where} qualifies “{words}”, which is not in the block right before it")
        if kind in NEEDS_SOURCE and not _SOURCE_LINK.search(_body(lines, number, indent)):
            raise CaveatError(f"{where} gives no source: a {KINDS[kind]} note links what it rests on")
        out.append(f'{match.group("lead")}{kind} "{title(kind)}"')
    return "\n".join(out)
