"""The two pre-Unicode Vietnamese encodings still found in old office files: TCVN3 and VNI.

Both were 8-bit "font encodings": the bytes are ordinary Windows-1252 code points and only the
font (`.VnTime`, `VNI-Times` …) draws them as Vietnamese letters. So whether the text reaches us
as bytes of a .txt file (decoded as cp1252) or as characters of a Word run in such a font, it is
the same string of Latin-1 look-alikes, and one str → str conversion serves both.

* TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts): one code per precomposed lower-case letter in
  0xA1–0xFF, plus the seven upper-case base letters Ă Â Ê Ô Ơ Ư Đ. Upper case letters with a tone
  have no code: typists switched to the all-caps twin font (`.VnTimeH`), which draws the
  lower-case codes as capitals — `decode_tcvn3(text, caps_font=True)` reproduces that. The few
  VN1 capitals that sit inside 0xA0–0xFF are decoded too (they never occur in VN3 text, so this
  costs nothing); the VN1 capitals in 0x01–0x17 and 0x80–0x9F are not, because TCVN3 documents
  use those cp1252 positions for “ ” ‘ ’ – — … like any Windows text.
* VNI (VNI-Windows, the VNI-Times fonts): an ASCII base letter followed by one Latin-1
  character carrying the diacritics (`a` + `ù` → á, `e` + `ä` → ệ), plus single characters for
  đ, ơ, ư and the i/ỵ letters.

Everything returned is NFC.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class LegacyEncoding(StrEnum):
    TCVN3 = "tcvn3"
    VNI = "vni"


ENCODING_LABELS: dict[LegacyEncoding, str] = {
    LegacyEncoding.TCVN3: "TCVN3 (ABC, phông .VnTime)",
    LegacyEncoding.VNI: "VNI (phông VNI-Times)",
}

# --------------------------------------------------------------------------------------------
# TCVN3

# Byte → letter for the VN3 repertoire (libiconv's TCVN-5712 table, 0xA1–0xFF, without the
# combining marks at 0xB0–0xB4 that VN3 fonts do not use: there cp1252's ° ± ² ³ ´ stay).
_TCVN3_LOWER: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VN1 capitals that happen to lie in 0xA0–0xFF (decoded only; see the module docstring).
_TCVN1_UPPER_IN_HIGH_HALF: dict[int, str] = {
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}  # fmt: skip

# Characters as they reach us: the cp1252 reading of each byte (0xA0–0xFF equal Latin-1).
_TCVN3_DECODE: dict[int, str] = {
    byte: letter for byte, letter in (_TCVN3_LOWER | _TCVN1_UPPER_IN_HIGH_HALF).items()
}
_TCVN3_TABLE = str.maketrans({chr(b): s for b, s in _TCVN3_DECODE.items()})
_TCVN3_ENCODE: dict[str, str] = {letter: chr(byte) for byte, letter in _TCVN3_LOWER.items()}

# The characters that only TCVN3 text contains in quantity (ư ơ đ à á ả ạ ê ô ộ ệ …).
TCVN3_MARKERS: frozenset[str] = frozenset(chr(b) for b in _TCVN3_LOWER)


def decode_tcvn3(text: str, *, caps_font: bool = False) -> str:
    """Turn TCVN3 text (cp1252 characters) into Unicode NFC.

    `caps_font`: the text was set in an all-caps TCVN3 font (`.VnTimeH`, `.VnArialH` …), which
    draws every code as a capital.
    """
    converted = text.translate(_TCVN3_TABLE)
    if caps_font:
        converted = converted.upper()
    return unicodedata.normalize("NFC", converted)


def encode_tcvn3(text: str) -> str:
    """Unicode → TCVN3 (as cp1252 characters); the inverse used by tests and by nobody else.

    Raises ValueError for a capital with a tone mark: VN3 has no code for it (typists used the
    `.VnTimeH` font with the lower-case codes, see `decode_tcvn3(caps_font=True)`).
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        elif ord(ch) < 0x80 or (ch not in _ALL_VIETNAMESE_LETTERS and ord(ch) not in _TCVN3_DECODE):
            out.append(ch)
        else:
            raise ValueError(f"TCVN3 (VN3) không có mã cho chữ {ch!r}")
    return "".join(out)


# --------------------------------------------------------------------------------------------
# VNI

# Diacritic carriers that follow a base vowel. Lower-case forms; the upper-case twin (Ù for ù …)
# is used after a capital, but we accept either case after either base.
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}

# Which carriers each base accepts, and the letter the carrier's shape mark makes of it.
_VNI_COMBINATIONS: dict[str, dict[str, str]] = {}
for _base in "aeouyAEOUY":
    table: dict[str, str] = {}
    for carrier, tone in _TONES.items():
        table[carrier] = _base + tone
    if _base in "aA":
        for carrier, tone in _CIRCUMFLEX.items():
            table[carrier] = _base + "\u0302" + tone
        for carrier, tone in _BREVE.items():
            table[carrier] = _base + "\u0306" + tone
    elif _base in "eEoO":
        for carrier, tone in _CIRCUMFLEX.items():
            table[carrier] = _base + "\u0302" + tone
    _VNI_COMBINATIONS[_base] = table
# ô/Ô is ơ/Ơ and ö/Ö is ư/Ư in VNI; they take a tone carrier like any vowel.
for _single, _letter in (("ô", "ơ"), ("Ô", "Ơ"), ("ö", "ư"), ("Ö", "Ư")):
    _VNI_COMBINATIONS[_single] = {carrier: _letter + tone for carrier, tone in _TONES.items()}

_VNI_SINGLE: dict[str, str] = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
    "í": "í", "Í": "Í", "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ",
    "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip

# Every carrier in both cases, mapped to its lower-case key.
_CARRIER_KEY: dict[str, str] = {}
for _carrier in [*_TONES, *_CIRCUMFLEX, *_BREVE]:
    _CARRIER_KEY[_carrier] = _carrier
    _CARRIER_KEY[_carrier.upper()] = _carrier

VNI_MARKERS: frozenset[str] = frozenset(_CARRIER_KEY) | frozenset(_VNI_SINGLE)


def decode_vni(text: str) -> str:
    """Turn VNI text (cp1252 characters) into Unicode NFC."""
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        combos = _VNI_COMBINATIONS.get(ch)
        if combos is not None and i + 1 < n:
            key = _CARRIER_KEY.get(text[i + 1])
            if key is not None and key in combos:
                out.append(combos[key])
                i += 2
                continue
        out.append(_VNI_SINGLE.get(ch, ch))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


# The inverse (tests only): base letter + carrier.
_TONE_CARRIER = {tone: carrier for carrier, tone in _TONES.items()}
_CIRC_CARRIER = {tone: carrier for carrier, tone in _CIRCUMFLEX.items()}
_BREVE_CARRIER = {tone: carrier for carrier, tone in _BREVE.items()}
_SINGLE_ENCODE = {letter: vni for vni, letter in _VNI_SINGLE.items()}


def encode_vni(text: str) -> str:
    """Unicode → VNI (as cp1252 characters); the inverse used by tests."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _SINGLE_ENCODE:
            out.append(_SINGLE_ENCODE[ch])
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        if not marks or base not in "aeiouyAEIOUY":
            if ch in _ALL_VIETNAMESE_LETTERS and ch not in "aeiouyAEIOUYdD":
                raise ValueError(f"VNI không có mã cho chữ {ch!r}")
            out.append(ch)
            continue
        upper = base.isupper()
        shape = "\u0302" if "\u0302" in marks else "\u0306" if "\u0306" in marks else ""
        horn = "\u031b" in marks
        tone = next((m for m in marks if m in _TONE_CARRIER), "")
        if horn:
            letter = {"o": "ơ", "u": "ư", "O": "Ơ", "U": "Ư"}[base]
            prefix = _SINGLE_ENCODE[letter]
            carrier = _TONE_CARRIER.get(tone, "")
        elif base in "iI" or (base in "yY" and tone == "\u0323"):
            out.append(_SINGLE_ENCODE[ch])
            continue
        else:
            prefix = base
            if shape == "\u0302":
                carrier = _CIRC_CARRIER[tone]
            elif shape == "\u0306":
                carrier = _BREVE_CARRIER[tone]
            else:
                carrier = _TONE_CARRIER[tone]
        out.append(prefix + (carrier.upper() if upper else carrier))
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Fonts


def encoding_of_font(font_name: str | None) -> tuple[LegacyEncoding | None, bool]:
    """Which legacy encoding a font name implies, and whether it is an all-caps TCVN3 font.

    TCVN3 fonts are named `.VnTime`, `.VnArial`, `.VnCentury Schoolbook` … (the leading dot sorts
    them apart in old font menus); their all-caps twins end in `H` (`.VnTimeH`, `.VnArialH`).
    VNI fonts are `VNI-Times`, `VNI-Helve`, `VNI-Top` ….
    """
    if not font_name:
        return None, False
    name = font_name.strip()
    lowered = name.lower()
    if lowered.startswith(".vn") or lowered.startswith("vn3-"):
        core = name.split()[0]
        return LegacyEncoding.TCVN3, core.endswith("H") and len(core) > 4
    if lowered.startswith("vni-") or lowered.startswith("vni "):
        return LegacyEncoding.VNI, False
    return None, False


def decode(text: str, encoding: LegacyEncoding, *, caps_font: bool = False) -> str:
    if encoding is LegacyEncoding.TCVN3:
        return decode_tcvn3(text, caps_font=caps_font)
    return decode_vni(text)


# The diacritics each vowel takes in Vietnamese: â ă, ê, ô ơ, ư.
_SHAPES = {"a": ("", "\u0302", "\u0306"), "e": ("", "\u0302"), "i": ("",),
           "o": ("", "\u0302", "\u031b"), "u": ("", "\u031b"), "y": ("",)}  # fmt: skip


def _vietnamese_letters() -> frozenset[str]:
    letters: set[str] = set()
    for base, shapes in _SHAPES.items():
        for shape in shapes:
            for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
                composed = unicodedata.normalize("NFC", base + shape + tone)
                if len(composed) == 1 and composed != base:
                    letters.add(composed)
                    letters.add(composed.upper())
    letters.update("đĐ")
    return frozenset(letters)


_ALL_VIETNAMESE_LETTERS = _vietnamese_letters()
VIETNAMESE_LETTERS: frozenset[str] = _ALL_VIETNAMESE_LETTERS
