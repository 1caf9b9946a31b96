"""Text rules shared by every part of the model: NFC storage and refusal of control characters."""

from __future__ import annotations

import re
import unicodedata

# Tab, newline and carriage return are layout, not content: the model keeps one paragraph per
# block, so none of them belong inside a field either. Everything in Unicode category Cc/Cf that
# Word or a PDF extractor can leak (NUL, BEL, zero-width joiners used as garbage, BOM) is refused.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u200b\u2028\u2029]")


class InvalidTextError(ValueError):
    """A text value contains characters the document cannot hold."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC (dựng sẵn), the only form the store and renderers accept."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def find_control_character(text: str, *, allow_newlines: bool = False) -> str | None:
    """Return the first forbidden control character in `text`, or None."""
    for match in _CONTROL.finditer(text):
        return match.group(0)
    if not allow_newlines:
        for ch in ("\n", "\r", "\t"):
            if ch in text:
                return ch
    return None


def describe_character(ch: str) -> str:
    """A short human description of a character, for error messages (U+0007 …)."""
    return f"U+{ord(ch):04X}"


def fold_for_search(text: str) -> str:
    """Fold đ/Đ to d/D so FTS5's remove_diacritics can treat them like any accented letter.

    FTS5 decomposes letters such as ắ into a + marks, but đ is a letter of its own (U+0111) with
    no decomposition, so "dak glei" would never match "Đắk Glei" without this step.
    """
    return text.replace("đ", "d").replace("Đ", "D")
