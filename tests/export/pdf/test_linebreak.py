"""Lines break where Word and LibreOffice break them, so PDF pages match the DOCX line for line
(checked against LibreOffice's rendering of the three real samples: every line identical)."""

from __future__ import annotations

import pytest

from desktop.export.pdf.fonts import default_font_set
from desktop.export.pdf.linebreak import hyphen_breaks
from desktop.export.pdf.pstyles import ParagraphStyles, WordParagraph
from desktop.layout.styles import Role, style_profile
from desktop.model.profile import OfficeProfile


def _lines(text: str, width: float) -> list[str]:
    styles = ParagraphStyles(style_profile(OfficeProfile()), default_font_set())
    paragraph = WordParagraph(text, styles.get(Role.BODY))
    paragraph.wrap(width, 1e6)
    out = []
    for line in paragraph.blPara.lines:
        words = line[1] if isinstance(line, tuple) else [w.text for w in line.words]
        out.append(" ".join(str(w).strip() for w in words))
    return out


def test_breaks_after_the_hyphen_of_a_number_symbol() -> None:
    assert list(hyphen_breaks("127/QĐ-TTg")) == [("127/QĐ-", "TTg")]
    assert list(hyphen_breaks("UBND-KT&HT")) == [("UBND-", "KT&HT")]
    assert list(hyphen_breaks("Số:")) == []
    assert list(hyphen_breaks("12-15")) == [], "no break before a digit"
    assert list(hyphen_breaks("04-NQ/TU")) == [], "no break after a digit"


def test_a_symbol_at_the_line_end_splits_after_its_hyphen() -> None:
    text = "chiến lược được xác định trong Quyết định số 127/QĐ-TTg ngày 26/01/2021 của Thủ tướng"
    lines = _lines(text, 360)
    assert lines[0].endswith("số 127/QĐ-")
    assert lines[1].startswith("TTg ngày")


def test_spaces_never_shrink_to_fit_one_more_word() -> None:
    text = (
        "Công nghệ về thực hiện Chiến lược Quốc gia về nghiên cứu, phát triển và ứng dụng Trí tuệ"
    )
    fonts = default_font_set()
    first = "Công nghệ về thực hiện Chiến lược Quốc gia về nghiên cứu, phát triển và ứng dụng"
    natural = fonts.width(first, 14)
    # Offer a line 1 pt narrower than the words need: reportlab's default would squeeze spaces.
    lines = _lines(text, natural - 1.0 + 36.0)  # + the 1.27 cm first-line indent
    assert lines[0].endswith("và ứng")
    assert natural == pytest.approx(469.7, abs=0.1)
