"""Caveat admonitions: the editor's kinds of caveat and their Chinese titles.

Pages write `!!! speculation` (or `??? dated` to collapse); the build gives each caveat its
title, so every caveat of a kind reads the same and is marked as the editor's. Colours and
icons live beside the classes in docs/stylesheets/caveats.css.
"""

from __future__ import annotations

import re

KINDS = {
    "speculation": "推测",
    "opinion": "个人观点",
    "unverified": "未经证实",
    "limitation": "局限",
    "dated": "时效",
    "erratum": "勘误",
}
EDITOR_MARK = "编者注"
_ADMONITION = re.compile(r'^(?P<lead>[ \t]*(?:!!!|\?\?\?\+?)[ \t]+)(?P<kind>[\w-]+)(?P<rest>.*)$', re.M)


class CaveatError(ValueError):
    """A page uses a caveat kind that has no title or style."""


def title(kind: str) -> str:
    return f"{EDITOR_MARK} · {KINDS[kind]}"


def add_titles(markdown: str, page: str) -> str:
    """Give every caveat its kind's title; reject kinds the stylesheet does not know."""

    def retitle(match: re.Match[str]) -> str:
        kind, rest = match.group("kind"), match.group("rest").strip()
        if kind not in KINDS:
            raise CaveatError(f"{page}: unknown caveat kind '{kind}' (known: {', '.join(KINDS)})")
        if rest:
            raise CaveatError(f"{page}: caveat '{kind}' sets its own title {rest}; titles come from its kind")
        return f'{match.group("lead")}{kind} "{title(kind)}"'

    return _ADMONITION.sub(retitle, markdown)
