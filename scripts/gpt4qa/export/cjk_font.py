"""What the glyphs of the project's CJK faces (gpt4qa/export/fonts.py) share.

Noto CJK draws look-alike characters with one glyph: a radical and its ideograph (⻚ U+2EDA and
页 U+9875), a traditional and a simplified form (戶 and 户, in the SC face), two wave dashes
(〜 and ～). Chromium writes the PDF text layer from the glyph and names the lowest code point
that shares it, which is often not the character the text has. The character to read is the one
in the national character set of the text the face is made for (`CHARSETS`): GB2312 for the
Simplified edition's face, Big5 as Windows code page 950 has it (with the full-width tilde) for
the Traditional edition's (Taiwan's) face.
"""

from __future__ import annotations

from functools import cache

from gpt4qa.export.fonts import TEXT_FAMILY, regular_face

# A CJK face -> the character set of the text it sets (a Python codec).
CHARSETS = {"Noto Sans CJK SC": "gb2312", "Noto Sans CJK TC": "cp950"}

# Only Chinese characters and punctuation are read anew: radicals, CJK symbols, ideographs,
# compatibility ideographs and full-width forms. A Latin middle dot stays a Latin middle dot.
CJK_BLOCKS = (
    range(0x2E80, 0x2FE0),
    range(0x3000, 0x3040),
    range(0x3400, 0x4DC0),
    range(0x4E00, 0xA000),
    range(0xF900, 0xFB00),
    range(0xFF00, 0xFFF0),
)


def is_cjk(code: int) -> bool:
    return any(code in block for block in CJK_BLOCKS)


def in_charset(code: int, charset: str = "gb2312") -> bool:
    try:
        chr(code).encode(charset)
    except UnicodeEncodeError:
        return False
    return True


def preferred_reading(codes: list[int], charset: str = "gb2312") -> int | None:
    """Of the code points sharing one glyph, the one text in `charset` uses (GB2312: Simplified
    Chinese), if only one is."""
    chinese = [code for code in codes if is_cjk(code)]
    written = [code for code in chinese if in_charset(code, charset)]
    return written[0] if len(written) == 1 and len(chinese) > 1 else None


@cache
def look_alike_readings(family: str = TEXT_FAMILY) -> dict[int, int]:
    """Code point -> the character to read instead, for every glyph the face shares."""
    from fontTools.ttLib import TTCollection

    charset = CHARSETS[family]
    face = regular_face(family)  # fontconfig says which file and which face of a collection
    with TTCollection(str(face.path), lazy=True) as collection:
        cmap = collection.fonts[face.index].getBestCmap()
    by_glyph: dict[str, list[int]] = {}
    for code, glyph in cmap.items():
        by_glyph.setdefault(glyph, []).append(code)
    readings = {}
    for codes in by_glyph.values():
        reading = preferred_reading(codes, charset) if len(codes) > 1 else None
        if reading is not None:
            readings.update((code, reading) for code in codes if code != reading and is_cjk(code))
    return readings
