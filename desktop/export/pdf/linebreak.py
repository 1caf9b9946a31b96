"""Line-break opportunities as word processors have them, taught to reportlab.

reportlab breaks lines only at spaces. Word and LibreOffice also break after a hyphen-minus
that joins two words — the hyphen of every Vietnamese number-symbol: `127/QĐ-TTg`,
`83/KH-UBND`, `UBND-KT&HT`. Without that, a paragraph citing documents breaks its lines
differently from the DOCX and the pages drift apart. Only between letters: not in `12-15` or
`04-NQ/TU` (LibreOffice keeps those whole, and UAX #14 has HY × NU), and never at a slash.

reportlab has one hook for this: a paragraph style's `hyphenationLang` may be a callable that
offers (head, tail) splits of a word that does not fit. A head ending in "-" gets no extra
hyphen. reportlab only asks about words made of letters and hyphens, so `enable()` widens that
test (a module-level pattern in reportlab.platypus.paragraph) to the characters of number
symbols; if a future reportlab renames it, breaks simply stay at spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_AFTER_HYPHEN = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")
_SYMBOL_CHARACTERS = r"0-9/.&()_"
_enabled = False


def hyphen_breaks(word: str) -> Iterator[tuple[str, str]]:
    """(head, tail) splits after joining hyphens, longest head first."""
    positions = [m.start() for m in _AFTER_HYPHEN.finditer(word)]
    for position in reversed(positions):
        yield word[:position], word[position:]


def enable() -> bool:
    """Let reportlab consider words with digits and slashes for `hyphen_breaks`; True when the
    hook is in place."""
    global _enabled
    if _enabled:
        return True
    try:
        import reportlab.platypus.paragraph as paragraph

        letters = paragraph._hy_letters
        shy = paragraph._hy_shy
        _ = paragraph._hy_shy_letters_pat
    except (ImportError, AttributeError):
        return False
    paragraph._hy_shy_letters_pat = re.compile(f"^[{shy}{letters}{_SYMBOL_CHARACTERS}]+$")
    _enabled = True
    return True
