"""A converted edition's pages: the text a reader sees or hears, converted; everything else as it is.

    convert_html(html, convert)       # a page, or a fragment of one
    convert_json(text, convert)       # the theme's JSON configuration (its interface strings)
    visible_text(html)                # what a reader sees or hears of a page: its text and labels

Converted: the text between tags, the attributes a reader sees or hears (alt, title, aria-label,
placeholder, the content of a <meta>), and the strings of an application/json script (the
theme's translations). Kept as they are: every id, href and class, so a section's address is
the same in both editions and a link switches edition by its prefix alone; the text of scripts
and styles; and the tags themselves. Text is converted one run at a time, between two tags:
OpenCC's phrases do not cross a tag (the article check holds the result to the converted
article's sentences).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

Convert = Callable[[str], str]

# The attributes whose values a reader sees (a tooltip, a placeholder) or hears (a label), and the
# content of a <meta> (a description, a link preview's title).
SHOWN_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "aria-description", "aria-roledescription",
                              "placeholder", "label", "content"})
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w:-]*)([^>]*)>|<![^>]*>", re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
# Elements whose text is not text: scripts and styles (an application/json script is data).
RAW = frozenset({"script", "style"})
_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)


def _tokens(html: str) -> Iterator[tuple[str, str, str, str]]:
    """(kind, text, name, attributes) for each piece: "text", "tag", "raw" (a script's or style's text)."""
    i, raw_until, raw_json = 0, None, False
    for match in _TAG.finditer(html):
        if match.start() > i:
            kind = ("json" if raw_json else "raw") if raw_until else "text"
            yield kind, html[i:match.start()], "", ""
        closing, name, attrs = match.group(1), (match.group(2) or "").lower(), match.group(3) or ""
        if raw_until and not (closing and name == raw_until):
            kind = "json" if raw_json else "raw"
            yield kind, match.group(0), "", ""  # a "<" inside a script is its text
        else:
            yield "tag", match.group(0), name, attrs
            if not closing and name in RAW and not attrs.rstrip().endswith("/"):
                raw_until, raw_json = name, bool(_TYPE.search(attrs))
            elif closing and name == raw_until:
                raw_until, raw_json = None, False
        i = match.end()
    if i < len(html):
        yield ("json" if raw_json else "raw") if raw_until else "text", html[i:], "", ""


def convert_json(text: str, convert: Convert) -> str:
    """Every string of a JSON document converted (keys and paths hold no Chinese)."""
    def walk(value: object) -> object:
        if isinstance(value, str):
            return convert(value) if _CJK.search(value) else value
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        return value

    if not _CJK.search(text) and "\\u" not in text:
        return text
    data = json.loads(text)
    dumped = json.dumps(walk(data), ensure_ascii=True, separators=(", ", ": "))
    # HTML-safe, as Jinja's tojson writes it: no "</script>" can end the script early.
    return dumped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


# Between the runs of one page converted in one call: a private-use character, which OpenCC leaves
# as it is and no phrase crosses.
_BETWEEN = "\ue000"


def convert_html(html: str, convert: Convert) -> str:
    """A page (or a fragment) with its shown text converted and everything else as it was. Its
    runs are converted together, in one call (each run on its own: no phrase crosses a tag)."""
    out: list[str] = []
    runs: list[int] = []  # where in `out` a run to convert stands
    for kind, text, _name, attrs in _tokens(html):
        if kind == "text" and _CJK.search(text):
            runs.append(len(out))
            out.append(text)
        elif kind == "tag" and _CJK.search(attrs):
            start = text.index(attrs)
            out.append(text[:start])
            for piece, shown in _attribute_pieces(attrs):
                if shown:
                    runs.append(len(out))
                out.append(piece)
            out.append(text[start + len(attrs):])
        elif kind == "json" and text.strip():
            lead = text[:len(text) - len(text.lstrip())]
            out.append(lead + convert_json(text.strip(), convert))
        else:
            out.append(text)
    if runs:
        converted = convert(_BETWEEN.join(out[i] for i in runs)).split(_BETWEEN)
        if len(converted) != len(runs):
            raise ValueError("the conversion changed the number of runs of a page")  # never: OpenCC keeps U+E000
        for i, text in zip(runs, converted):
            out[i] = text
    return "".join(out)


def _attribute_pieces(attrs: str) -> Iterator[tuple[str, bool]]:
    """A tag's attributes in pieces, each value a reader sees or hears marked to be converted."""
    i = 0
    for match in _ATTRIBUTE.finditer(attrs):
        name, value = match.group(1).lower(), match.group(3)
        if name in SHOWN_ATTRIBUTES and _CJK.search(value):
            yield attrs[i:match.start(3)], False
            yield value, True
            i = match.end(3)
    yield attrs[i:], False


def convert_text_asset(text: str, convert: Convert) -> str:
    """A script or stylesheet of the site's own (its interface strings, its print footer): its
    Chinese converted, its code (all ASCII) untouched."""
    return convert(text) if _CJK.search(text) else text


def visible_text(html: str) -> str:
    """What a reader sees or hears of a page: its text and its shown attributes, each run on a
    line of its own (no script, no style)."""
    runs = []
    for kind, text, _name, attrs in _tokens(html):
        if kind == "text" and text.strip():
            runs.append(text.strip())
        elif kind == "tag" and _CJK.search(attrs):
            for match in _ATTRIBUTE.finditer(attrs):
                if match.group(1).lower() in SHOWN_ATTRIBUTES:
                    runs.append(match.group(3).strip("\"'"))
        elif kind == "json":
            runs.append(_json_strings(text))
    return "\n".join(runs)


def _json_strings(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        return ""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(data)
    return "\n".join(found)
