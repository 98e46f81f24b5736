"""What the glyphs of the project's CJK face (gpt4qa/export/fonts.py) share.

Noto CJK draws look-alike characters with one glyph: a radical and its ideograph (⻚ U+2EDA and
页 U+9875), a traditional and a simplified form (戶 and 户), two wave dashes (〜 and ～).
Chromium writes the PDF text layer from the glyph and names the lowest code point that shares
it, which is often not the character the text has. For Simplified Chinese text the character to
read is the one in GB2312, the simplified national character set.
"""

from __future__ import annotations

from functools import lru_cache

from gpt4qa.export.fonts import regular_face

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


def in_gb2312(code: int) -> bool:
    try:
        chr(code).encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def preferred_reading(codes: list[int]) -> int | None:
    """Of the code points sharing one glyph, the one Simplified Chinese text uses, if only one is."""
    chinese = [code for code in codes if is_cjk(code)]
    simplified = [code for code in chinese if in_gb2312(code)]
    return simplified[0] if len(simplified) == 1 and len(chinese) > 1 else None


@lru_cache(maxsize=1)
def look_alike_readings() -> dict[int, int]:
    """Code point -> the character to read instead, for every glyph the font shares."""
    from fontTools.ttLib import TTCollection

    face = regular_face()  # fontconfig says which file and which face of a collection
    with TTCollection(str(face.path), lazy=True) as collection:
        cmap = collection.fonts[face.index].getBestCmap()
    by_glyph: dict[str, list[int]] = {}
    for code, glyph in cmap.items():
        by_glyph.setdefault(glyph, []).append(code)
    readings = {}
    for codes in by_glyph.values():
        reading = preferred_reading(codes) if len(codes) > 1 else None
        if reading is not None:
            readings.update((code, reading) for code in codes if code != reading and is_cjk(code))
    return readings
