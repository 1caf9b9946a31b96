"""The PDF's fonts: Times New Roman from the system when all four styles exist, otherwise the
bundled Liberation Serif (metric-compatible with TNR, SIL OFL; licence in `resources/fonts/`).

Every style is registered with reportlab as a TrueType font, so reportlab embeds a subset of each
one in the PDF; `addMapping` ties the four together so `<b>`/`<i>` in paragraph markup pick the
right face. Nothing ever falls back to the standard (unembedded) Helvetica: the renderer passes
`initialFontName` to the canvas and sets a FONT in every table style.

`BAOCAO_PDF_FONT=liberation` forces the bundled font (reproducible output across machines, and a
way out if a system's Times New Roman is damaged); `BAOCAO_PDF_FONT=system` requires TNR.
"""

from __future__ import annotations

import os
import struct
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.errors import UserError

FONT_ENV = "BAOCAO_PDF_FONT"
TNR_FAMILY = "Times New Roman"
LIBERATION_FAMILY = "Liberation Serif"

# (bold, italic) → file name, per family.
_STYLES: tuple[tuple[bool, bool], ...] = (
    (False, False),
    (True, False),
    (False, True),
    (True, True),
)
_LIBERATION_FILES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}
# Windows and the msttcorefonts package use these names (case differs between installs).
_TNR_SHORT = {
    (False, False): "times.ttf",
    (True, False): "timesbd.ttf",
    (False, True): "timesi.ttf",
    (True, True): "timesbi.ttf",
}
_TNR_LONG = {
    (False, False): "Times_New_Roman.ttf",
    (True, False): "Times_New_Roman_Bold.ttf",
    (False, True): "Times_New_Roman_Italic.ttf",
    (True, True): "Times_New_Roman_Bold_Italic.ttf",
}
_TNR_MAC = {
    (False, False): "Times New Roman.ttf",
    (True, False): "Times New Roman Bold.ttf",
    (False, True): "Times New Roman Italic.ttf",
    (True, True): "Times New Roman Bold Italic.ttf",
}


@dataclass(frozen=True)
class FontFiles:
    family: str
    paths: Mapping[tuple[bool, bool], Path]  # (bold, italic) → TTF


@dataclass(frozen=True)
class FontSet:
    """The registered fonts of one family: reportlab names and faces per (bold, italic)."""

    family: str
    key: str  # internal prefix of the reportlab names, e.g. "BaoCaoLiberationSerif"
    names: Mapping[tuple[bool, bool], str]
    fonts: Mapping[tuple[bool, bool], TTFont]
    line_height_em: float  # single line spacing as Word sets it: (ascender − descender + gap)/em
    baseline_em: float  # from the top of a line box to its baseline: (line gap + ascender)/em

    def name(self, bold: bool = False, italic: bool = False) -> str:
        return self.names[(bold, italic)]

    @property
    def regular(self) -> str:
        return self.names[(False, False)]

    def covers(self, ch: str, bold: bool = False, italic: bool = False) -> bool:
        return ord(ch) in self.fonts[(bold, italic)].face.charToGlyph

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        return float(pdfmetrics.stringWidth(text, self.names[(bold, italic)], size))


def resources_fonts_dir() -> Path:
    """`resources/fonts` of the checkout or of the frozen bundle."""
    from desktop.appinfo import resources_dir

    return resources_dir() / "fonts"


def _system_font_dirs(environ: Mapping[str, str]) -> list[Path]:
    dirs: list[Path] = []
    if sys.platform == "win32" or environ.get("WINDIR"):
        windir = environ.get("WINDIR") or environ.get("SystemRoot") or r"C:\Windows"
        dirs.append(Path(windir) / "Fonts")
        local = environ.get("LOCALAPPDATA")
        if local:  # fonts installed "for this user only" (Windows 10 1809+)
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/msttcore"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/share/fonts/truetype/times"),
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        Path.home() / ".fonts",
        Path.home() / ".local" / "share" / "fonts",
    ]
    return dirs


def _find_in(
    directory: Path, names: Mapping[tuple[bool, bool], str]
) -> dict[tuple[bool, bool], Path]:
    found: dict[tuple[bool, bool], Path] = {}
    try:
        listing = {p.name.lower(): p for p in directory.iterdir()}
    except OSError:
        return found
    for style, name in names.items():
        path = listing.get(name.lower())
        if path is not None and path.is_file():
            found[style] = path
    return found


def find_system_tnr(dirs: Iterable[Path]) -> FontFiles | None:
    """All four Times New Roman styles from the first folder that has them all."""
    for directory in dirs:
        for names in (_TNR_SHORT, _TNR_LONG, _TNR_MAC):
            found = _find_in(directory, names)
            if len(found) == 4:
                return FontFiles(TNR_FAMILY, found)
    return None


def bundled_liberation(fonts_dir: Path | None = None) -> FontFiles:
    folder = fonts_dir or resources_fonts_dir()
    paths = {style: folder / name for style, name in _LIBERATION_FILES.items()}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise UserError(
            f"Thiếu tệp phông chữ đi kèm chương trình ({', '.join(missing)}) trong {folder}; "
            "hãy cài lại chương trình."
        )
    return FontFiles(LIBERATION_FAMILY, paths)


def choose_font_files(environ: Mapping[str, str] | None = None) -> FontFiles:
    """System Times New Roman if present (all four styles), else the bundled Liberation Serif."""
    environ = os.environ if environ is None else environ
    wanted = environ.get(FONT_ENV, "").strip().lower()
    if wanted in ("liberation", "bundled"):
        return bundled_liberation()
    system = find_system_tnr(_system_font_dirs(environ))
    if system is not None:
        return system
    if wanted == "system":
        raise UserError(
            "Không tìm thấy đủ bốn kiểu chữ Times New Roman (thường, đậm, nghiêng, đậm nghiêng) "
            f"trên máy; hãy cài phông Times New Roman hoặc bỏ biến môi trường {FONT_ENV}."
        )
    return bundled_liberation()


def _vertical_metrics(path: Path) -> tuple[float, float]:
    """(line height, baseline offset) in em from `hhea`, as word processors set a single-spaced
    line of TNR or Liberation Serif: the line is (1825 + 443 + 87) / 2048 ≈ 1.150 em high and its
    baseline sits (87 + 1825) / 2048 ≈ 0.934 em below its top (line gap above the ascender;
    measured against LibreOffice's rendering of the DOCX). Extra space of a multiple line
    spacing goes below the text."""
    data = path.read_bytes()
    (num_tables,) = struct.unpack_from(">H", data, 4)
    offsets: dict[bytes, int] = {}
    for i in range(num_tables):
        tag, _sum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        offsets[tag] = offset
    (units_per_em,) = struct.unpack_from(">H", data, offsets[b"head"] + 18)
    ascender, descender, gap = struct.unpack_from(">hhh", data, offsets[b"hhea"] + 4)
    return (ascender - descender + gap) / units_per_em, (gap + ascender) / units_per_em


_lock = threading.Lock()
_registered: dict[tuple[str, tuple[Path, ...]], FontSet] = {}


def register(files: FontFiles) -> FontSet:
    """Register the four styles with reportlab once per process and return their names."""
    ordered = tuple(files.paths[s] for s in _STYLES)
    cache_key = (files.family, ordered)
    with _lock:
        cached = _registered.get(cache_key)
        if cached is not None:
            return cached
        key = "BaoCao" + files.family.replace(" ", "") + str(len(_registered) or "")
        suffix = {
            (False, False): "",
            (True, False): "-Bold",
            (False, True): "-Italic",
            (True, True): "-BoldItalic",
        }
        names = {s: key + suffix[s] for s in _STYLES}
        fonts: dict[tuple[bool, bool], TTFont] = {}
        for style in _STYLES:
            try:
                font = TTFont(names[style], str(files.paths[style]))
            except Exception as exc:  # reportlab raises TTFError and plain errors alike
                raise UserError(
                    f"Không đọc được tệp phông chữ {files.paths[style]} ({exc}); "
                    f"hãy cài lại phông hoặc đặt {FONT_ENV}=liberation để dùng phông đi kèm."
                ) from None
            pdfmetrics.registerFont(font)
            fonts[style] = font
        for (bold, italic), name in names.items():
            addMapping(key, int(bold), int(italic), name)
        line_height, baseline = _vertical_metrics(files.paths[(False, False)])
        font_set = FontSet(files.family, key, names, fonts, line_height, baseline)
        _registered[cache_key] = font_set
        return font_set


def default_font_set() -> FontSet:
    """The font set exports use on this machine (see `choose_font_files`)."""
    return register(choose_font_files())
