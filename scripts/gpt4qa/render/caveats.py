"""Caveat admonitions: the editor's kinds of caveat, their Chinese titles, and where each sits.

Pages write `!!! speculation qualifies="首先，模型参数量"` (or `??? dated …` to collapse): the kind,
and the opening words of the sentence the caveat qualifies, which must stand in the block right
before it (a paragraph, a list or a heading; figures and other caveats in between are passed
over), so a note cannot drift from its claim. Kinds that correct or date a claim (勘误, 未经证实,
时效) must cite their source from the register, `[part](src:id)` (source/sources.yml), and no note
links an address directly. The build gives each caveat its title, so every caveat of
a kind reads the same and is marked as the editor's. Colours and icons live beside the classes in
docs/stylesheets/caveats.css.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from gpt4qa.core.errors import InputError
from gpt4qa.sources.article import plain_text, squash

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
_SENTENCE_END = re.compile(r"[。！？!?]")
# A note's source is cited from the register (`[part](src:id)`), or is a page of this site.
_SOURCE_LINK = re.compile(r"\]\((?:src:[\w-]+|[\w./-]+\.md)[^)\s]*\)")
_ADDRESS = re.compile(r"\]\((https?://[^)\s]+)\)")


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


@dataclass(frozen=True)
class Caveat:
    """One caveat of a page: where it opens, its kind, and the sentence it qualifies."""

    line: int  # 0-based line of its opening `!!!`/`???`
    end: int  # 0-based line after its body
    kind: str
    words: str  # the opening words it names
    sentence: str  # the whole sentence those words open, as a reader sees it
    number: int  # its place among the page's caveats, from 1
    anchor: str  # note-<kind>-<digest of the words it qualifies>: stays when other notes come and go


def _sentence(block: str, words: str) -> str:
    """The sentence of `block` that `words` open, up to its end mark (or the block's end)."""
    text = " ".join(plain_text(line) for line in block.split("\n"))
    text = re.sub(r"^#+\s*|\s*\{[^}]*\}\s*$", "", text)
    plain = plain_text(words)
    at = text.find(plain)
    if at < 0:
        return plain
    rest = text[at:]
    end = _SENTENCE_END.search(rest, len(plain) - 1 if plain else 0)
    return rest[: end.end()] if end else rest


def find_caveats(markdown: str, page: str) -> list[Caveat]:
    """Every caveat of a page, checked: a known kind, at the sentence it names, with the source its
    kind needs. The first fault raises InputError naming page, line and caveat."""
    lines = markdown.split("\n")
    found = []
    for number, line in enumerate(lines):
        match = _ADMONITION.match(line)
        if not match:
            continue
        kind, rest = match.group("kind"), match.group("rest").strip()
        where = f"{page}:{number + 1}: caveat '{kind}'"
        if kind not in KINDS:
            raise InputError(f"{page}: unknown caveat kind '{kind}' (known: {', '.join(KINDS)})")
        qualifies = _QUALIFIES.match(rest)
        if qualifies is None:
            detail = f"sets its own title {rest}; titles come from its kind" if rest.startswith('"') else \
                'names no sentence it qualifies (qualifies="its opening words")'
            raise InputError(f"{where} {detail}")
        indent = _width(line)
        words = qualifies.group("words")
        block = block_before(lines, number, indent)
        if squash(plain_text(words)) not in squash(" ".join(plain_text(part) for part in block.split("\n"))):
            raise InputError(f"{where} qualifies “{words}”, which is not in the block right before it")
        body = _body(lines, number, indent)
        if address := _ADDRESS.search(body):
            raise InputError(f"{where} links {address.group(1)} directly: cite it from source/sources.yml as "
                             "[part](src:id)")
        if kind in NEEDS_SOURCE and not _SOURCE_LINK.search(body):
            raise InputError(f"{where} gives no source: a {KINDS[kind]} note cites what it rests on")
        end = number + 1 + len(body.split("\n")) if body else number + 1
        while end > number + 1 and not lines[end - 1].strip():
            end -= 1
        anchor = f"note-{kind}-{hashlib.sha1(squash(words).encode()).hexdigest()[:6]}"
        if any(caveat.anchor == anchor for caveat in found):
            raise InputError(f"{where} qualifies “{words}” as an earlier {KINDS[kind]} note does: say it in one note")
        found.append(Caveat(number, end, kind, words, _sentence(block, words), len(found) + 1, anchor))
    return found


def add_titles(markdown: str, page: str) -> str:
    """Give every caveat its kind's title and an anchor a link can land on (on a wrapper the
    notes index links to); reject unknown kinds, caveats that do not
    sit at the sentence they name, and corrections without a source."""
    lines = markdown.split("\n")
    for caveat in reversed(find_caveats(markdown, page)):
        match = _ADMONITION.match(lines[caveat.line])
        indent = match.group("indent")
        lines[caveat.end:caveat.end] = ["", f"{indent}</div>"]
        lines[caveat.line] = f'{match.group("lead")}{caveat.kind} "{title(caveat.kind)}"'
        lines[caveat.line:caveat.line] = [f'{indent}<div class="editor-note" id="{caveat.anchor}" markdown>', ""]
    return "\n".join(lines)
