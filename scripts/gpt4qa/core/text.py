"""Reading a parsed page's text in place: the strings get_text() would join, without the parts a
set of the markup contract holds, and without copying the tree (a copy of a page costs as much as
parsing it again)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bs4 import CData, NavigableString, Tag

# The strings get_text() joins: text and CDATA, not comments, scripts or style sheets.
_TEXT_TYPES = (NavigableString, CData)


def strings_outside(element: Tag, skipped: set[int]) -> Iterator[NavigableString]:
    """The strings of an element that get_text() joins, in document order, but those inside an
    element whose id() is in `skipped`."""
    for child in element.children:
        if isinstance(child, Tag):
            if id(child) not in skipped:
                yield from strings_outside(child, skipped)
        elif type(child) in _TEXT_TYPES:
            yield child


def ids_of(element: Tag, marks: Callable[[Tag], bool]) -> set[int]:
    """The id() of every element below `element` in a set of the markup contract."""
    return {id(found) for found in element.find_all(marks)}


def text_outside(element: Tag, marks: Callable[[Tag], bool], separator: str = "") -> str:
    """An element's text, as get_text() gives it, without the parts in `marks`."""
    return separator.join(strings_outside(element, ids_of(element, marks)))
