"""Reading time of a page, counted the way Chinese is read: by characters, not words.

Each Chinese character counts one, and so does each run of Latin letters or digits (a word or a
number such as GPT-4 or 175B is read at a glance). The rate is an editor's choice, stated on the
page: 300 characters a minute, slower than light reading, as this is technical text.
"""

from __future__ import annotations

import math
import re

from bs4 import BeautifulSoup

from gpt4qa.core.markup import UNREAD
from gpt4qa.core.text import text_outside

CHARACTERS_PER_MINUTE = 300
_UNIT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*")


def count_units(text: str) -> int:
    return len(_UNIT.findall(text))


def minutes(units: int) -> int:
    return max(1, math.ceil(units / CHARACTERS_PER_MINUTE))


def reading_time_in(soup: BeautifulSoup) -> int:
    """Put the page's reading time under its title, in place; return the count it rests on."""
    units = count_units(text_outside(soup, UNREAD, " "))
    title = soup.find("h1")
    if title is None:
        return units
    note = soup.new_tag("p", attrs={"class": "reading-time editorial", "data-search-exclude": ""})
    note.string = f"阅读约 {minutes(units)} 分钟（约 {units} 字，按每分钟 {CHARACTERS_PER_MINUTE} 字计）"
    title.insert_after(note)
    return units
