from __future__ import annotations

import datetime as dt

import pytest

from desktop.model.document import AuthorityLine, SignerBlock, SignerPrefix
from desktop.model.grammar import (
    archive_line,
    date_phrase,
    distribution_lines,
    ensure_end_mark,
    format_document_number,
    kinh_gui_lines,
    legal_basis_lines,
    number_line,
    place_date_line,
    signer_lines,
    signer_problems,
    symbol,
    title_line_for_cong_van,
)
from desktop.model.kinds import ALL_TYPE_ABBREVIATIONS, DocumentKind

K = DocumentKind


@pytest.mark.parametrize(
    ("kind", "number", "agency", "unit", "expected"),
    [
        (K.BAO_CAO, 5, "UBND", "", "Số: 05/BC-UBND"),
        (K.BAO_CAO, 169, "SNV", "", "Số: 169/BC-SNV"),
        (K.KE_HOACH, 10, "UBND", "VP", "Số: 10/KH-UBND"),
        (K.TO_TRINH, 1, "SNV", "", "Số: 01/TTr-SNV"),
        (K.QUYET_DINH, 15, "BNV", "", "Số: 15/QĐ-BNV"),
        (K.CONG_VAN, 1944, "UBND", "KTHT", "Số: 1944/UBND-KTHT"),
        (K.CONG_VAN, 5, "BNV", "VP", "Số: 05/BNV-VP"),
        (K.KE_HOACH, None, "UBND", "", "Số:      /KH-UBND"),
        (K.CONG_VAN, None, "UBND", "VX", "Số:      /UBND-VX"),
    ],
)
def test_number_line(kind, number, agency, unit, expected):
    assert number_line(kind, number, agency, unit) == expected


def test_cong_van_never_gets_a_type_abbreviation():
    sym = symbol(K.CONG_VAN, "UBND", "VP")
    assert sym == "UBND-VP"
    assert "CV" not in sym.split("-")
    assert not set(sym.split("-")) & ALL_TYPE_ABBREVIATIONS
    # A missing unit shows a placeholder instead of inventing one.
    assert symbol(K.CONG_VAN, "UBND", "") == "UBND-…"


def test_document_number_padding():
    assert [format_document_number(n) for n in (1, 9, 10, 15, 169)] == [
        "01", "09", "10", "15", "169"
    ]  # fmt: skip
    with pytest.raises(ValueError):
        format_document_number(0)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2024, 2, 5), "ngày 05 tháng 02 năm 2024"),
        (dt.date(2024, 1, 9), "ngày 09 tháng 01 năm 2024"),
        (dt.date(2024, 3, 1), "ngày 01 tháng 3 năm 2024"),
        (dt.date(2024, 9, 10), "ngày 10 tháng 9 năm 2024"),
        (dt.date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
        (dt.date(2024, 10, 15), "ngày 15 tháng 10 năm 2024"),
    ],
)
def test_date_leading_zeros_for_days_1_to_9_and_months_1_2_only(date, expected):
    assert date_phrase(date) == expected


def test_place_date_line_and_draft_blanks():
    assert place_date_line("Đắk Glei", dt.date(2024, 2, 5)) == "Đắk Glei, ngày 05 tháng 02 năm 2024"
    assert place_date_line("Hà Nội", None, 2025) == "Hà Nội, ngày    tháng    năm 2025"
    assert place_date_line("", None) == "…, ngày    tháng    năm     "


def test_cong_van_title_gets_vv_once():
    assert title_line_for_cong_van("nâng bậc lương năm 2019") == "V/v nâng bậc lương năm 2019"
    assert title_line_for_cong_van("V/v nâng bậc lương") == "V/v nâng bậc lương"


def signer(*lines: tuple[str | None, str], name: str = "Nguyễn Văn A") -> SignerBlock:
    return SignerBlock(
        tuple(AuthorityLine(text, SignerPrefix(p) if p else None) for p, text in lines), name
    )


def test_signer_lines_upper_case_with_prefixes():
    block = signer(("TM.", "Ủy ban nhân dân"), ("KT.", "chủ tịch"), (None, "phó chủ tịch"))
    assert signer_lines(block) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signer_problems(block) == []


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        (signer(("KT.", "GIÁM ĐỐC")), "dòng cuối của khối chữ ký phải là chức vụ"),
        (signer((None, "X"), ("TM.", "ỦY BAN"), (None, "CHỦ TỊCH")), "TM. chỉ đứng ở dòng đầu"),
        (signer(("TUQ.", "GIÁM ĐỐC"), ("KT.", "TRƯỞNG PHÒNG"), (None, "PHÓ")), "TUQ."),
        (signer(("KT.", "A"), ("KT.", "B"), (None, "C")), "KT. chỉ được dùng một lần"),
        (signer((None, "GIÁM ĐỐC"), name=""), "thiếu họ tên người ký"),
        (signer((None, "GIÁM ĐỐC"), name="TS. Nguyễn Văn A"), "không ghi học hàm, học vị"),
        (SignerBlock(), "thiếu chức vụ người ký"),
    ],
)
def test_signer_problems(block, problem):
    assert any(p.startswith(problem) for p in signer_problems(block)), signer_problems(block)


def test_distribution_punctuation_and_luu_line():
    lines = distribution_lines(("Như trên", "Sở Nội vụ;", "- UBND tỉnh."), "VP", "nva", 5)
    assert lines == ["- Như trên;", "- Sở Nội vụ;", "- UBND tỉnh;", "- Lưu: VT, VP. NVA.(5)"]
    assert distribution_lines((), "") == ["- Lưu: VT."]
    assert archive_line("TCCB.") == "- Lưu: VT, TCCB."
    assert archive_line("HC (2)") == "- Lưu: VT, HC (2)."


def test_kinh_gui_one_and_several_recipients():
    assert kinh_gui_lines(("Bộ Nội vụ",)) == ["Kính gửi: Bộ Nội vụ"]
    assert kinh_gui_lines(("Bộ Nội vụ;", "Sở Tài chính", " ")) == [
        "Kính gửi:", "- Bộ Nội vụ;", "- Sở Tài chính."
    ]  # fmt: skip
    assert kinh_gui_lines(()) == []


def test_legal_bases_and_end_mark():
    assert legal_basis_lines(("Căn cứ A;", "Căn cứ B")) == ["Căn cứ A;", "Căn cứ B."]
    assert ensure_end_mark("kính báo cáo.") == "kính báo cáo./."
    assert ensure_end_mark("kính báo cáo./.") == "kính báo cáo./."
    assert ensure_end_mark("kính báo cáo") == "kính báo cáo./."
