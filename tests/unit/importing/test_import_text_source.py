"""Bytes of a text file → Unicode NFC, and the refusals of what is not a readable text."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pytest

from desktop.importing.errors import (
    EmptyFileError,
    FileTooLargeError,
    NotTextError,
    UnknownEncodingError,
)
from desktop.importing.legacy_encodings import LegacyEncoding, encode_tcvn3, encode_vni
from desktop.importing.text_source import (
    MAX_TEXT_BYTES,
    decode_bytes,
    normalize_pasted,
    read_text_file,
)
from tests.unit.importing.corpus import PROSE

LOWER = PROSE.lower()


def test_utf8_is_taken_as_it_is() -> None:
    decoded = decode_bytes(PROSE.encode("utf-8"), "a.txt")
    assert decoded.text == PROSE
    assert decoded.encoding_label == "UTF-8"
    assert decoded.legacy is None


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (codecs.BOM_UTF8 + PROSE.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + PROSE.encode("utf-16-be"), "UTF-16"),
        (PROSE.encode("utf-16-le"), "UTF-16"),
    ],
)
def test_byte_order_marks_and_utf16(data: bytes, label: str) -> None:
    decoded = decode_bytes(data, "a.txt")
    assert decoded.text == PROSE
    assert decoded.encoding_label == label


def test_tcvn3_file_is_detected_and_converted() -> None:
    decoded = decode_bytes(encode_tcvn3(LOWER).encode("cp1252"), "cu.txt")
    assert decoded.legacy is LegacyEncoding.TCVN3
    assert decoded.text == LOWER


def test_vni_file_is_detected_and_converted() -> None:
    decoded = decode_bytes(encode_vni(PROSE).encode("cp1252"), "cu.txt")
    assert decoded.legacy is LegacyEncoding.VNI
    assert decoded.text == PROSE


def _cp1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ơ ư ă đ precomposed and writes the tones as combining marks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tone = next(m for m in decomposed if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_windows_1258_file() -> None:
    decoded = decode_bytes(_cp1258(PROSE), "a.txt")
    assert decoded.encoding_label == "Windows-1258"
    assert decoded.text == PROSE


def test_decomposed_unicode_is_composed() -> None:
    nfd = unicodedata.normalize("NFD", PROSE)
    decoded = decode_bytes(nfd.encode("utf-8"), "a.txt")
    assert decoded.composed
    assert decoded.text == PROSE


def test_legacy_text_pasted_into_unicode() -> None:
    whole = normalize_pasted(encode_vni(PROSE))
    assert whole.legacy is LegacyEncoding.VNI
    assert whole.text == PROSE
    line = encode_tcvn3("tổ chức kiểm tra cải cách hành chính tại mười hai đơn vị")
    mixed = normalize_pasted(PROSE + "\n" + line + "\n")
    assert mixed.legacy_lines == 1
    assert "tổ chức kiểm tra cải cách hành chính tại mười hai đơn vị" in mixed.text


def test_crlf_and_form_feeds() -> None:
    decoded = decode_bytes("Dòng một\r\nDòng hai\x0cTrang sau".encode(), "a.txt")
    assert decoded.text == "Dòng một\nDòng hai\n\nTrang sau"
    assert decoded.control_characters_removed == 1


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t ", codecs.BOM_UTF8])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyFileError) as info:
        decode_bytes(data, "trong.txt")
    assert "trống" in info.value.message


def test_binary_file_is_refused() -> None:
    data = bytes(range(256)) * 40
    with pytest.raises(NotTextError) as info:
        decode_bytes(data, "anh.txt")
    assert "không phải văn bản" in info.value.message


@pytest.mark.parametrize(
    ("head", "hint"),
    [(b"%PDF-1.7\n", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"PK\x03\x04", "Word")],
)
def test_other_formats_under_a_txt_name(head: bytes, hint: str) -> None:
    with pytest.raises(NotTextError) as info:
        decode_bytes(head + b"\x00" * 64, "x.txt")
    assert hint in info.value.message


def test_unknown_encoding_is_refused() -> None:
    russian = "Отчёт о выполнении плана работы за первое полугодие текущего года"
    with pytest.raises(UnknownEncodingError) as info:
        decode_bytes((russian * 5).encode("cp1251"), "la.txt")
    assert "bảng mã" in info.value.message
    assert "UTF-8" in info.value.message


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "rat-lon.txt"
    with open(path, "wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(FileTooLargeError) as info:
        read_text_file(path)
    assert "50,0 MB" in info.value.message
    assert f"{MAX_TEXT_BYTES // (1024 * 1024)},0 MB" in info.value.message


def test_reading_a_real_file(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(encode_vni(PROSE).encode("cp1252"))
    assert read_text_file(path).text == PROSE
    os.chmod(path, 0o644)
