"""Text widths and glyph coverage from the bundled Liberation Serif fonts.

Liberation Serif is metric-compatible with Times New Roman: every glyph has the same advance
width, so a width measured here is the width Word and LibreOffice give the same text in TNR. Both
renderers use it to size the short rules under the agency name, the trích yếu and the tiêu ngữ
(spec §8 method b) and to prove the Quốc hiệu fits on one line; the checker uses it to compare rule
lengths with text widths and to find characters the printed font does not have.

The fonts are read with a small TrueType reader (the `cmap`, `head`, `hhea` and `hmtx` tables)
so that neither reportlab nor fontTools is needed outside the PDF renderer.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
MM_PER_PT = 25.4 / 72.0


class FontStyle(Enum):
    REGULAR = "Regular"
    BOLD = "Bold"
    ITALIC = "Italic"
    BOLD_ITALIC = "BoldItalic"

    @classmethod
    def of(cls, bold: bool, italic: bool) -> FontStyle:
        if bold and italic:
            return cls.BOLD_ITALIC
        if bold:
            return cls.BOLD
        return cls.ITALIC if italic else cls.REGULAR


def font_path(style: FontStyle) -> Path:
    return FONTS_DIR / f"LiberationSerif-{style.value}.ttf"


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths (font units) per code point, and the units per em."""

    units_per_em: int
    advances: dict[int, int]  # code point → advance width
    missing_advance: int  # width of .notdef, used for characters the font lacks

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.advances

    def width_pt(self, text: str, size_pt: float) -> float:
        adv = self.advances
        miss = self.missing_advance
        units = sum(adv.get(ord(c), miss) for c in text)
        return units * size_pt / self.units_per_em


def _tables(data: bytes) -> dict[str, tuple[int, int]]:
    (num_tables,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for i in range(num_tables):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode("latin-1")] = (offset, length)
    return tables


def _cmap(data: bytes, offset: int) -> dict[int, int]:
    """Code point → glyph id from the best Unicode subtable (format 12, else format 4)."""
    (count,) = struct.unpack_from(">H", data, offset + 2)
    candidates: dict[int, int] = {}
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6)):
            candidates.setdefault(12, offset + sub)
        elif (platform, encoding) in ((3, 1), (0, 3), (0, 1), (0, 0)):
            candidates.setdefault(4, offset + sub)
    for fmt in (12, 4):
        if fmt in candidates:
            start = candidates[fmt]
            (actual,) = struct.unpack_from(">H", data, start)
            if actual == 12:
                return _cmap12(data, start)
            if actual == 4:
                return _cmap4(data, start)
    raise ValueError("font has no Unicode cmap")


def _cmap4(data: bytes, start: int) -> dict[int, int]:
    (seg_x2,) = struct.unpack_from(">H", data, start + 6)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", data, start + 14)
    starts = struct.unpack_from(f">{segs}H", data, start + 16 + seg_x2)
    deltas = struct.unpack_from(f">{segs}h", data, start + 16 + 2 * seg_x2)
    range_base = start + 16 + 3 * seg_x2
    offsets = struct.unpack_from(f">{segs}H", data, range_base)
    out: dict[int, int] = {}
    for i in range(segs):
        for cp in range(starts[i], ends[i] + 1):
            if cp == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (cp + deltas[i]) & 0xFFFF
            else:
                addr = range_base + 2 * i + offsets[i] + 2 * (cp - starts[i])
                (glyph,) = struct.unpack_from(">H", data, addr)
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                out[cp] = glyph
    return out


def _cmap12(data: bytes, start: int) -> dict[int, int]:
    (groups,) = struct.unpack_from(">I", data, start + 12)
    out: dict[int, int] = {}
    for i in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * i)
        for cp in range(first, last + 1):
            out[cp] = glyph + cp - first
    return out


def read_metrics(path: Path) -> FontMetrics:
    data = path.read_bytes()
    tables = _tables(data)
    head = tables["head"][0]
    (units_per_em,) = struct.unpack_from(">H", data, head + 18)
    (num_metrics,) = struct.unpack_from(">H", data, tables["hhea"][0] + 34)
    hmtx = tables["hmtx"][0]
    widths = [struct.unpack_from(">H", data, hmtx + 4 * i)[0] for i in range(num_metrics)]
    cmap = _cmap(data, tables["cmap"][0])
    last = widths[-1]
    advances = {cp: widths[g] if g < num_metrics else last for cp, g in cmap.items()}
    return FontMetrics(units_per_em, advances, widths[0])


@lru_cache(maxsize=4)
def metrics(style: FontStyle = FontStyle.REGULAR) -> FontMetrics:
    return read_metrics(font_path(style))


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width of `text` set on one line in Times New Roman (no kerning, as Word sets it)."""
    return metrics(FontStyle.of(bold, italic)).width_pt(text, size_pt)


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    return text_width_pt(text, size_pt, bold=bold, italic=italic) * MM_PER_PT


def wrap(
    text: str, width_mm: float, size_pt: float, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Greedy word wrap as a word processor does it: break at spaces, never inside a word."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width_mm(candidate, size_pt, bold=bold, italic=italic) > width_mm:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def widest_line_mm(
    text: str, width_mm: float, size_pt: float, *, bold: bool = False, italic: bool = False
) -> float:
    """Width of the longest line `text` wraps into within `width_mm` (at most `width_mm` unless a
    single word is wider)."""
    lines = wrap(text, width_mm, size_pt, bold=bold, italic=italic)
    return max((text_width_mm(t, size_pt, bold=bold, italic=italic) for t in lines), default=0.0)


# Layout characters that are never drawn as glyphs and so need no coverage.
_INVISIBLE = frozenset("\t\n\r\u00ad\u200b\u200c\u200d\u2060\ufeff")


def missing_characters(text: str) -> list[str]:
    """Characters of `text` that Times New Roman (as bundled for the PDF) cannot print, in order
    of first appearance; Word would substitute another font and the PDF would show empty boxes."""
    font = metrics(FontStyle.REGULAR)
    seen: list[str] = []
    for ch in text:
        if ch in _INVISIBLE or ch in seen:
            continue
        if not font.covers(ch):
            seen.append(ch)
    return seen
