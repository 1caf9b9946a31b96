"""Letters a PDF gives back as look-alike characters of other alphabets.

Word-made PDFs often map ư/Ư to the glyphs of `ƣ`/`Ƣ` (U+01A3/U+01A2, "oi", an African letter),
so text copied from them reads `thƣởng`, `Lƣu: VT`; web pages and older PDFs write Đ as the
Icelandic `Ð` (U+00D0). The reader sees the same letter; the text does not, and neither do the
header and closing recognisers (`Lƣu` is not `Lưu`). Neither character occurs in Vietnamese, so
each is mapped back to the letter it was drawn for. This restores what the page showed; the
words are the source's.
"""

from __future__ import annotations

_LOOKALIKES = str.maketrans({"ƣ": "ư", "Ƣ": "Ư", "Ð": "Đ"})
_FOUND = frozenset("ƣƢÐ")


def repair_lookalikes(text: str) -> tuple[str, int]:
    """`text` with look-alike letters mapped back, and how many were replaced."""
    if _FOUND.isdisjoint(text):
        return text, 0
    count = sum(text.count(c) for c in _FOUND)
    return text.translate(_LOOKALIKES), count
