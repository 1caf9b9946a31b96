"""Bundled fonts: Vietnamese must render even on a machine (or CI) with no system fonts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication

FONT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
DOCUMENT_FAMILY = "Liberation Serif"  # metric-compatible with Times New Roman

_loaded: list[str] = []


def load_bundled_fonts() -> list[str]:
    """Register resources/fonts/*.ttf with Qt once; return the families they provide."""
    if _loaded:
        return _loaded
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _loaded:
                    _loaded.append(family)
    return _loaded


def document_font(point_size: float = 13.0) -> QFont:
    """The font the editor shows body text in (what the printed page uses)."""
    font = QFont(DOCUMENT_FAMILY)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def ensure_ui_font(app: QApplication) -> None:
    """Keep the platform's UI font when it has Vietnamese glyphs; otherwise use the bundled one.

    An offscreen or minimal system can resolve the default family to a font without ắ, ệ, ữ …,
    which Qt then draws as empty boxes.
    """
    current = app.font()
    if _has_vietnamese(current):
        return
    size = max(current.pointSizeF(), 10.0)
    # A sans-serif UI font when the system has one that covers Vietnamese, else the bundled serif.
    for family in (
        "Segoe UI",
        "Noto Sans",
        "DejaVu Sans",
        "Liberation Sans",
        "Arial",
        DOCUMENT_FAMILY,
    ):
        candidate = QFont(family)
        candidate.setPointSizeF(size)
        if QFontInfo(candidate).family() == family and _has_vietnamese(candidate):
            app.setFont(candidate)
            return


def _has_vietnamese(font: QFont) -> bool:
    metrics = QFontMetrics(font)
    return all(metrics.inFont(ch) for ch in "ắệữĐđơư")
