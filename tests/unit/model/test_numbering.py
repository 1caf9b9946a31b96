from __future__ import annotations

import pytest

from desktop.model.document import Heading, HeadingLevel, Paragraph, runs
from desktop.model.numbering import (
    VIETNAMESE_LETTERS,
    from_roman,
    number_headings,
    roman,
    vietnamese_letter,
)


def test_letters_put_dd_after_d_and_skip_f_j_w_z():
    sequence = [vietnamese_letter(n) for n in range(1, 24)]
    assert sequence[:7] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert sequence[-3:] == ["v", "x", "y"]
    assert not {"f", "j", "w", "z"} & set(VIETNAMESE_LETTERS)
    assert len(VIETNAMESE_LETTERS) == 23


def test_letters_continue_past_y_like_word():
    assert vietnamese_letter(24) == "aa"
    assert vietnamese_letter(28) == "ađ"


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (90, "XC"), (1994, "MCMXCIV")],
)
def test_roman(n, text):
    assert roman(n) == text
    assert from_roman(text) == n


def test_roman_round_trip_and_non_canonical_forms():
    assert all(from_roman(roman(n)) == n for n in range(1, 4000))
    assert from_roman("IIII") is None
    assert from_roman("IC") is None
    assert from_roman("") is None
    assert from_roman("ABC") is None
    with pytest.raises(ValueError):
        roman(0)


def h(level: str, text: str = "x", numbered: bool = True) -> Heading:
    return Heading(HeadingLevel(level), runs(text), numbered)


def test_number_headings_resets_lower_levels_and_skips_unnumbered():
    blocks = [
        h("roman"), h("arabic"), h("letter"), h("letter"), h("letter"), h("letter"), h("letter"),
        Paragraph(runs("text")), h("arabic", numbered=False), h("arabic"), h("decimal"),
        h("decimal"), h("roman"), h("arabic"), h("letter"),
    ]  # fmt: skip
    labels = number_headings(blocks)
    ordered = [labels.get(b.id) for b in blocks if isinstance(b, Heading)]
    assert ordered == [
        "I.", "1.", "a)", "b)", "c)", "d)", "đ)", None, "2.", "2.1.", "2.2.", "II.", "1.", "a)",
    ]  # fmt: skip


def test_articles_run_through_chapters():
    blocks = [h("chapter"), h("article"), h("article"), h("chapter"), h("article")]
    labels = number_headings(blocks)
    assert [labels[b.id] for b in blocks] == [
        "Chương I", "Điều 1.", "Điều 2.", "Chương II", "Điều 3."
    ]  # fmt: skip
