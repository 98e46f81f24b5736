"""Finish the PDF for readers and assistive technology (PDF/UA-1, as far as a machine checks it).

Chromium's tagged PDF leaves four things to do, done here with pikepdf after the text layer fix:
- bookmarks written from the print view's own headings (gpt4qa/render/print_view.py `outline`), not
  from Chromium's outline heuristics, which double the titles of headings that start a page;
- page furniture drawn outside any tag (page numbers, icons, rules) marked as artifacts;
- a `<figure>` is tagged Figure around the image's own Figure (which carries the alt text) and
  its Caption: the outer one is a grouping, so it is tagged Div;
- link annotations described (the text of the element they land on, or the address), and the
  XMP metadata that declares PDF/UA-1, with dates from SOURCE_DATE_EPOCH for reproducibility.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import quote

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, String

from gpt4qa.core.errors import InputError
from gpt4qa.render.print_view import Entry

# Operators that put marks on the page, and those that build a path for the next painting one.
_TEXT = {"Tj", "TJ", "'", '"'}
_PAINT = _TEXT | {"Do", "sh", "BI", "INLINE IMAGE", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
_PATH = {"m", "l", "c", "v", "y", "h", "re"}
_PATH_END = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}


def destination_name(ident: str) -> str:
    """The named destination Chromium writes for an element id (percent-encoded, as in links)."""
    return "/" + quote(ident, safe="-_.")


def mark_artifacts(pdf: pikepdf.Pdf) -> int:
    """Wrap what is painted outside every marked-content sequence in /Artifact; return how many
    pieces were wrapped. A path is wrapped whole, from its first segment to its painting."""
    wrapped = 0
    for page in pdf.pages:
        instructions = pikepdf.parse_content_stream(page)
        out: list = []
        depth = 0
        path: list = []
        for operands, operator in instructions:
            name = str(operator)
            if depth == 0 and (name in _PATH or path):
                path.append((operands, operator))
                if name in _PATH_END:
                    painted = name != "n"
                    out += _artifact(path) if painted else path
                    wrapped += painted
                    path = []
                continue
            if name in ("BDC", "BMC"):
                depth += 1
            elif name == "EMC":
                depth -= 1
            if depth == 0 and name in _PAINT:
                out += _artifact([(operands, operator)])
                wrapped += 1
            else:
                out.append((operands, operator))
        out += path
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
    return wrapped


def _artifact(instructions: list) -> list:
    return [([Name.Artifact], Operator("BMC")), *instructions, ([], Operator("EMC"))]


def _structure_elements(pdf: pikepdf.Pdf):
    root = pdf.Root.get("/StructTreeRoot")
    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        if not isinstance(node, Dictionary):
            continue
        if node.get("/Type") == Name.StructElem or "/S" in node:
            yield node
        kids = node.get("/K")
        if isinstance(kids, Array):
            pending.extend(reversed(list(kids)))
        elif isinstance(kids, Dictionary):
            pending.append(kids)


def _holds_a_figure(element: Dictionary) -> bool:
    """Whether a structure element holds a Figure or a Table anywhere below it (an original image
    sits in the lightbox's link, Figure > Link > Figure; a drawn figure is a Table)."""
    pending = [element.get("/K")]
    while pending:
        kids = pending.pop()
        for kid in (list(kids) if isinstance(kids, Array) else [kids]):
            if isinstance(kid, Dictionary) and "/S" in kid:
                if kid.get("/S") in (Name.Figure, Name.Table):
                    return True
                pending.append(kid.get("/K"))
    return False


def retag_figure_groups(pdf: pikepdf.Pdf) -> int:
    """A Figure holding another Figure (the image, with its alt text, directly or inside the
    lightbox's link) or a Table (a figure drawn from data) and a Caption is the `<figure>`
    element: a grouping, not a picture. Tag it Div; return how many were."""
    retagged = 0
    for element in list(_structure_elements(pdf)):
        if element.get("/S") == Name.Figure and _holds_a_figure(element):
            element.S = Name.Div
            retagged += 1
    return retagged


def figure_alt_texts(pdf: pikepdf.Pdf) -> list[str]:
    """The alternative text of every Figure the PDF tags, in reading order."""
    return [str(element.get("/Alt", "")) for element in _structure_elements(pdf) if element.get("/S") == Name.Figure]


def figures_without_alt(pdf: pikepdf.Pdf) -> int:
    return sum(
        1 for element in _structure_elements(pdf)
        if element.get("/S") == Name.Figure and not str(element.get("/Alt", "")).strip()
    )


def describe_links(pdf: pikepdf.Pdf, targets: dict[str, str], convert: Callable[[str], str] = str) -> int:
    """Give each link annotation a /Contents: the text of where it lands, or its address, in the
    words `convert` gives (a converted edition's)."""
    external, internal, elsewhere = convert("外部链接："), convert("跳转到："), convert("本文档内的位置")
    described = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get("/Subtype") != Name.Link or "/Contents" in annotation:
                continue
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                text = f"{external}{action.URI}"
            else:
                destination = str(annotation.get("/Dest", ""))
                text = f"{internal}{targets.get(destination, elsewhere)}"
            annotation.Contents = String(text)
            described += 1
    return described


def write_outline(pdf: pikepdf.Pdf, entries: list[Entry]) -> None:
    """Bookmarks, nested by depth, each pointing at its named destination; a heading without one
    stops the export (the print view's contents link every entry, so Chromium names them all)."""
    destinations = pdf.Root.get("/Dests") or Dictionary()
    with pdf.open_outline() as outline:
        outline.root.clear()
        parents: list[pikepdf.OutlineItem] = []
        for entry in entries:
            name = destination_name(entry.ident)
            if name not in destinations:
                raise InputError(f"PDF has no destination for the heading '{entry.title}' (#{entry.ident})")
            item = pikepdf.OutlineItem(entry.title, destinations[name])
            del parents[entry.depth:]
            (parents[-1].children if parents else outline.root).append(item)
            parents.append(item)
    pdf.Root.PageMode = Name.UseOutlines


def write_metadata(pdf: pikepdf.Pdf, *, title: str, author: str, language: str, epoch: int | None) -> None:
    """The XMP packet: title, author, language and the PDF/UA-1 claim; docinfo stays as written."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        meta["dc:creator"] = [author]
        meta["dc:language"] = [language]
        meta["pdfuaid:part"] = "1"
        if epoch is not None:
            stamp = datetime.fromtimestamp(epoch, tz=UTC).isoformat()
            meta["xmp:CreateDate"] = meta["xmp:ModifyDate"] = meta["xmp:MetadataDate"] = stamp
    preferences = pdf.Root.get("/ViewerPreferences") or Dictionary()
    preferences.DisplayDocTitle = True
    pdf.Root.ViewerPreferences = preferences
