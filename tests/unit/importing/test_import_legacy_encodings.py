"""TCVN3 and VNI ↔ Unicode, checked by round trip over a large Vietnamese sample."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.importing.legacy_encodings import (
    LegacyEncoding,
    decode,
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
    encoding_of_font,
)
from desktop.importing.vietnamese import is_syllable, text_score
from tests.unit.importing.corpus import ALL_CAPITALS, ALL_LETTERS, PROSE, large_sample

# Capitals with a tone mark have no TCVN3 (VN3) code: typists used the all-caps font instead.
_VN3_CAPITALS = set("ĂÂÊÔƠƯĐ")


def _tcvn3_representable(text: str) -> str:
    """`text` with every capital VN3 cannot hold replaced by its lower-case letter."""
    return "".join(
        c.lower() if c.isupper() and not c.isascii() and c not in _VN3_CAPITALS else c for c in text
    )


def test_vni_round_trip_is_exact_over_a_large_sample() -> None:
    text = large_sample()
    legacy = encode_vni(text)
    assert legacy != text
    assert all(ord(c) < 0x100 or c in "“”‘’–—…" for c in legacy)
    back = decode_vni(legacy)
    assert len(back) == len(text)
    for position, (got, expected) in enumerate(zip(back, text, strict=True)):
        assert got == expected, f"position {position}: {got!r} != {expected!r}"


def test_tcvn3_round_trip_is_exact_over_a_large_sample() -> None:
    text = _tcvn3_representable(large_sample())
    legacy = encode_tcvn3(text)
    assert all(ord(c) < 0x100 or c in "“”‘’–—…" for c in legacy)
    back = decode_tcvn3(legacy)
    for position, (got, expected) in enumerate(zip(back, text, strict=True)):
        assert got == expected, f"position {position}: {got!r} != {expected!r}"


def test_every_lower_case_letter_has_a_tcvn3_code_and_returns() -> None:
    encoded = encode_tcvn3(ALL_LETTERS)
    assert all(ord(c) < 0x100 for c in encoded)
    assert decode_tcvn3(encoded) == ALL_LETTERS


def test_tcvn3_capitals_come_from_the_all_caps_font() -> None:
    # `.VnTimeH` draws the lower-case codes as capitals.
    encoded = encode_tcvn3(ALL_LETTERS)
    assert decode_tcvn3(encoded, caps_font=True) == ALL_CAPITALS
    header = encode_tcvn3("céng hòa xã hội chủ nghĩa việt nam".replace("é", "ộ"))
    assert decode_tcvn3(header, caps_font=True) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_tcvn3_refuses_a_toned_capital() -> None:
    with pytest.raises(ValueError):
        encode_tcvn3("Ủy ban")


def test_known_tcvn3_and_vni_spellings() -> None:
    # Strings as they appear in old documents (cp1252 characters of the legacy bytes).
    assert decode_tcvn3("Ch\u00ad\u00acng tr×nh") == "Chương trình"
    assert decode_tcvn3("B¸t X¸t") == "Bát Xát"
    assert decode_vni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    )
    assert decode_vni("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
    assert decode_vni("ÑÖÔÏC") == "ĐƯỢC"
    assert decode_vni("ñöôïc") == "được"


def test_vni_capitals_round_trip() -> None:
    assert decode_vni(encode_vni(ALL_CAPITALS)) == ALL_CAPITALS


def test_output_is_nfc() -> None:
    for encoding in LegacyEncoding:
        legacy = (
            encode_vni(PROSE)
            if encoding is LegacyEncoding.VNI
            else encode_tcvn3(_tcvn3_representable(PROSE))
        )
        decoded = decode(legacy, encoding)
        assert unicodedata.is_normalized("NFC", decoded)


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", (LegacyEncoding.TCVN3, False)),
        (".VnTimeH", (LegacyEncoding.TCVN3, True)),
        (".VnArialH", (LegacyEncoding.TCVN3, True)),
        (".VnCentury Schoolbook", (LegacyEncoding.TCVN3, False)),
        ("VNI-Times", (LegacyEncoding.VNI, False)),
        ("VNI-Helve", (LegacyEncoding.VNI, False)),
        ("Times New Roman", (None, False)),
        (None, (None, False)),
    ],
)
def test_font_names_tell_the_encoding(font: str | None, expected: tuple[object, bool]) -> None:
    assert encoding_of_font(font) == expected


def test_syllable_score_separates_right_and_wrong_decodings() -> None:
    assert text_score(PROSE)[0] > 0.97
    vni = encode_vni(PROSE)
    tcvn3 = encode_tcvn3(_tcvn3_representable(PROSE))
    assert text_score(vni)[0] < 0.4
    assert text_score(tcvn3)[0] < 0.4
    assert text_score(decode_tcvn3(vni))[0] < 0.5  # the wrong table does not read as Vietnamese
    assert text_score(decode_vni(tcvn3))[0] < 0.5


@pytest.mark.parametrize("word", ["nghiêng", "quyết", "khuya", "giữ", "xoong", "thuở", "Đặng"])
def test_real_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["tr×nh", "Vieät", "hoøa", "chñ", "nghiệpp", "ắé"])
def test_non_syllables(word: str) -> None:
    assert not is_syllable(word)
