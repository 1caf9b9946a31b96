"""Spans of the layout content → reportlab paragraph markup.

reportlab's Paragraph parses a small XML dialect, so text is escaped, normalised to NFC (NFD
text renders with loose accents) and its spaces protected: runs of spaces collapse in the
parser, yet a draft's blank number (`Số:      /KH-UBND`) must keep them, so every space after
the first of a run becomes a no-break space of the same width. A footnote reference is a
superscript number followed by an `onDraw` callback that tells the renderer where it landed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.layout.content import Span
from desktop.model.text import nfc

FOOTNOTE_CALLBACK = "baocao_fnref"  # canvas callback name; label = footnote number
# Superscript reference marks as word processors set them: 58 % of the text size, raised by 40 %
# of it (measured on LibreOffice's rendering of the DOCX). At most 8.1 pt for 14 pt text, so the
# marks are the only text under 9.5 pt in the PDF (the checker and the tests tell them from real
# text by size; the smallest real text is the 10 pt footnote text).
SUPERSCRIPT_SIZE = 0.58
SUPERSCRIPT_RISE = 0.40
NBSP = "\u00a0"

_SPACE_RUN = re.compile(r" {2,}")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def protect_spaces(text: str) -> str:
    """Keep runs of spaces (and leading spaces) that the paragraph parser would collapse."""
    text = _SPACE_RUN.sub(lambda m: " " + NBSP * (len(m.group(0)) - 1), text)
    if text.startswith(" "):
        text = NBSP + text[1:]
    return text


def prepare_text(text: str) -> str:
    """NFC, escaped, spaces protected: ready to go between markup tags."""
    return escape(protect_spaces(nfc(text)))


def footnote_mark(number: int, size_pt: float, *, reference: bool = True) -> str:
    """The raised number; a `reference` (in the text, not in the note) also reports its page."""
    size = round(size_pt * SUPERSCRIPT_SIZE, 2)
    rise = round(size_pt * SUPERSCRIPT_RISE, 2)
    mark = f'<super size="{size}" rise="{rise}">{number}</super>'
    if reference:
        mark += f'<onDraw name="{FOOTNOTE_CALLBACK}" label="{number}"/>'
    return mark


def span_markup(span: Span, size_pt: float) -> str:
    if span.footnote is not None:
        return footnote_mark(span.footnote, size_pt)
    text = prepare_text(span.text)
    if not text:
        return ""
    if span.underline:
        text = f"<u>{text}</u>"
    if span.italic:
        text = f"<i>{text}</i>"
    if span.bold:
        text = f"<b>{text}</b>"
    return text


def spans_markup(spans: Iterable[Span], size_pt: float) -> str:
    """Markup for a line's spans; `size_pt` is the line's text size (for reference marks)."""
    return "".join(span_markup(span, size_pt) for span in spans)


def footnote_numbers(spans: Iterable[Span]) -> tuple[int, ...]:
    return tuple(s.footnote for s in spans if s.footnote is not None)
