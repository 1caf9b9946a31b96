"""Spans → reportlab paragraph markup: escaping, NFC, protected spaces, footnote marks."""

from __future__ import annotations

import unicodedata

from desktop.export.pdf.markup import (
    FOOTNOTE_CALLBACK,
    NBSP,
    footnote_mark,
    prepare_text,
    protect_spaces,
    spans_markup,
)
from desktop.layout.content import Span


def test_markup_characters_are_escaped() -> None:
    assert prepare_text("Sở KH&CN <b>") == "Sở KH&amp;CN &lt;b&gt;"


def test_decomposed_text_is_drawn_precomposed() -> None:
    nfd = unicodedata.normalize("NFD", "Hạnh phúc")
    assert nfd != "Hạnh phúc"
    assert prepare_text(nfd) == "Hạnh phúc"


def test_runs_of_spaces_survive_the_parser() -> None:
    # A draft's blank number: the clerk writes the number in the gap.
    assert protect_spaces("Số:      /KH-UBND") == "Số: " + NBSP * 5 + "/KH-UBND"
    assert protect_spaces("ngày    tháng") == "ngày " + NBSP * 3 + "tháng"
    assert protect_spaces(" a") == NBSP + "a"
    assert protect_spaces("một khoảng trắng") == "một khoảng trắng"


def test_span_formatting_nests_tags() -> None:
    assert spans_markup([Span("đậm", bold=True, italic=True, underline=True)], 14) == (
        "<b><i><u>đậm</u></i></b>"
    )


def test_footnote_reference_is_a_raised_number_that_reports_its_page() -> None:
    mark = footnote_mark(12, 14)
    assert mark.startswith('<super size="8.12" rise="5.6">12</super>')
    assert f'<onDraw name="{FOOTNOTE_CALLBACK}" label="12"/>' in mark
    assert "onDraw" not in footnote_mark(12, 10, reference=False)
    assert spans_markup([Span("văn bản"), Span("3", footnote=3)], 14).startswith("văn bản<super")
