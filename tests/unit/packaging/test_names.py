"""Safe file names for Windows, exFAT, FAT32 and BagIt manifests."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.packaging.names import (
    MAX_STEM,
    ascii_name,
    ascii_slug,
    casefold_key,
    evidence_file_name,
    safe_file_name,
)

WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def assert_portable(name: str) -> None:
    assert name
    assert not (set(name) & WINDOWS_FORBIDDEN), name
    assert "%" not in name  # bagit-python does not decode %25
    assert not name.endswith((" ", ".")) and not name.startswith((" ", "."))
    assert unicodedata.is_normalized("NFC", name)
    assert len(name.encode("utf-16-le")) // 2 <= 255  # NTFS/exFAT/FAT32 LFN limit
    stem = name.split(".")[0].upper()
    assert stem not in {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)} | {
        f"LPT{i}" for i in range(10)
    }


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Biên bản: kiểm tra?.pdf", "Biên bản_ kiểm tra_.pdf"),
        ('a<b>c|d"e*f.txt', "a_b_c_d_e_f.txt"),
        ("báo cáo 100%.docx", "báo cáo 100_.docx"),
        ("  ..ẩn.pdf  ", "ẩn.pdf"),
        ("kết thúc bằng chấm....", "kết thúc bằng chấm"),
        ("CON.txt", "_CON.txt"),
        ("nul", "_nul"),
        ("com1.jpg", "_com1.jpg"),
        ("LPT9", "_LPT9"),
        ("dòng\nmới\t.txt", "dòng_mới_.txt"),
    ],
)
def test_safe_file_name_cases(raw, expected):
    assert safe_file_name(raw) == expected
    assert_portable(safe_file_name(raw))


def test_nfd_input_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Ảnh lớp tập huấn.jpg")
    out = safe_file_name(nfd)
    assert out == "Ảnh lớp tập huấn.jpg"
    assert unicodedata.is_normalized("NFC", out)


def test_long_names_are_cut_at_a_word_and_keep_their_extension():
    raw = "Biên bản kiểm tra công tác chuyển đổi số " * 10 + ".pdf"
    out = safe_file_name(raw, prefix="03-")
    assert out.endswith(".pdf")
    assert out.startswith("03-Biên bản")
    assert len(out) <= 3 + MAX_STEM + 4
    assert not out[:-4].endswith(" ")


def test_truncation_never_splits_a_letter_from_its_combining_mark():
    # A decomposed sequence the NFC form cannot precompose (e + combining dot below + acute
    # over a Latin letter that has no precomposed form with both).
    cluster = "q\u0323\u0301"
    out = safe_file_name(cluster * 200)
    assert not unicodedata.combining(out[0])
    assert len(out) % len(cluster) == 0


def test_evidence_names_are_numbered_and_typed_by_content():
    assert evidence_file_name(3, 2, "Ảnh.JPG", ("jpg", "jpeg")) == "03-Ảnh.jpg"
    assert evidence_file_name(3, 2, "scan", ("pdf",)) == "03-scan.pdf"
    assert evidence_file_name(12, 3, "bang.pdf", ("xlsx",)) == "012-bang.xlsx"
    assert evidence_file_name(1, 2, "x.tar.gz", ()) == "01-x.tar.gz"


def test_ascii_names_for_bags_and_folders():
    assert ascii_slug("Báo cáo 12/BC-UBND Đắk Glei") == "bao-cao-12-bc-ubnd-dak-glei"
    assert ascii_slug("12/BC-UBND", keep_case=True) == "12-BC-UBND"
    assert ascii_name("Gói của Sở Nội vụ_phần 1") == "Goi-cua-So-Noi-vu_phan-1"


def test_casefold_key_matches_names_windows_treats_as_one():
    assert casefold_key("Ảnh.JPG") == casefold_key(unicodedata.normalize("NFD", "ảnh.jpg"))


@given(st.text(min_size=0, max_size=400))
def test_any_text_gives_a_portable_name(text):
    assert_portable(safe_file_name(text, prefix="01-"))
