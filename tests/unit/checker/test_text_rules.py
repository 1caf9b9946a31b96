"""The text grammar shared by both front ends (spec §3.1, §4, §5)."""

from __future__ import annotations

import pytest

from desktop.checker import text_rules as tr
from desktop.model.kinds import DocumentKind


def rules(problems: list[tr.Problem]) -> list[str]:
    return [p.rule for p in problems]


@pytest.mark.parametrize(
    ("line", "kind", "cong_van", "expected"),
    [
        ("Số: 05/BC-UBND", DocumentKind.BAO_CAO, False, []),
        ("Số: 169/BC-SNV", DocumentKind.BAO_CAO, False, []),
        ("Số:      /KH-UBND", DocumentKind.KE_HOACH, False, []),  # a draft's blank
        ("Số: …/TTr-UBND", DocumentKind.TO_TRINH, False, []),
        ("Số: 1944/UBND-KTHT", None, True, []),
        ("Số: 5/BC-UBND", DocumentKind.BAO_CAO, False, ["number.leading-zero"]),
        ("Số: 005/BC-UBND", DocumentKind.BAO_CAO, False, ["number.padding"]),
        ("Số: 015/BC-UBND", DocumentKind.BAO_CAO, False, ["number.padding"]),
        ("Số: 05/QĐ - UBND", DocumentKind.QUYET_DINH, False, ["number.hyphen-spaces"]),
        ("Số: 05/CV-UBND", None, True, ["number.cv"]),
        ("Số: 05/TTR-UBND", DocumentKind.TO_TRINH, False, ["number.abbreviation-case"]),
        ("Số: 05/QD-UBND", DocumentKind.QUYET_DINH, False, ["number.abbreviation-case"]),
        ("Số: 05/QYĐ-UBND", None, False, ["number.abbreviation-case"]),
        ("Số: 05/BC-UBND", DocumentKind.TO_TRINH, False, ["number.kind-mismatch"]),
        ("Số: 05/BC-UBND", None, True, ["number.kind-mismatch"]),
        ("Số: 05/UBND-BC", DocumentKind.BAO_CAO, False, ["number.kind-mismatch"]),
        ("Số: 05/BC-UBND.", DocumentKind.BAO_CAO, False, ["number.grammar"]),
        ("Số 05/BC-UBND", DocumentKind.BAO_CAO, False, ["number.grammar"]),
        ("Số: 169 /BC-SNV", DocumentKind.BAO_CAO, False, ["number.grammar"]),
        ("Số: 05 BC-UBND", DocumentKind.BAO_CAO, False, ["number.grammar"]),
    ],
)
def test_number_and_symbol(
    line: str, kind: DocumentKind | None, cong_van: bool, expected: list[str]
) -> None:
    assert rules(tr.number_problems(line, kind, cong_van)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hà Nội, ngày 05 tháng 01 năm 2020", []),
        ("Bình Sơn, ngày 25 tháng 12 năm 2023", []),
        ("Bình Phước, ngày    tháng    năm 2024", []),
        ("Hà Nội, ngày … tháng … năm …", []),
        ("Hà Nội, ngày 5 tháng 01 năm 2020", ["date.leading-zero"]),
        ("Hà Nội, ngày 05 tháng 1 năm 2020", ["date.leading-zero"]),
        ("Hà Nội, ngày 05 tháng 03 năm 2020", ["date.month-zero"]),
        ("Hà Nội ngày 05 tháng 3 năm 2020", ["date.grammar"]),
        ("Hà Nội, 05/01/2020", ["date.grammar"]),
        ("Hà Nội, ngày 32 tháng 3 năm 2020", ["date.grammar"]),
        ("Hà Nội, ngày 05 tháng 13 năm 2020", ["date.grammar"]),
        ("Hà Nội, ngày 05 tháng 3 năm 20", ["date.grammar"]),
    ],
)
def test_place_and_date(line: str, expected: list[str]) -> None:
    assert rules(tr.date_problems(line)) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Độc lập – Tự do – Hạnh phúc", "gạch dài"),
        ("Độc lập-Tự do-Hạnh phúc", "dấu cách"),
        ("Độc Lập - Tự Do - Hạnh Phúc", "viết hoa sai"),
        ("Độc lập - Tự do và Hạnh phúc", "không đúng chữ"),
    ],
)
def test_motto_mistakes_are_named(text: str, fragment: str) -> None:
    (problem,) = tr.motto_problems(text)
    assert problem.rule == "motto.text" and fragment in problem.message
    assert tr.motto_problems("Độc lập - Tự do - Hạnh phúc") == []
    assert tr.looks_like_motto(text)


def test_national_title_accepts_both_tone_placements() -> None:
    assert tr.national_title_problems("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == []
    assert tr.national_title_problems("CỘNG HOÀ  XÃ HỘI CHỦ NGHĨA VIỆT NAM") == []
    assert rules(tr.national_title_problems("Cộng hòa xã hội chủ nghĩa Việt Nam")) == [
        "national-title.format"
    ]


def test_heading_labels_and_the_vietnamese_letter_order() -> None:
    lines = ["Điều 1: Phạm vi", "a) một", "b) hai", "c) ba", "d) bốn", "e) năm", "a. sai", "f) sáu"]
    found = [
        (p.rule, where) for p, where in tr.heading_problems((t, i) for i, t in enumerate(lines))
    ]
    assert ("heading.article-colon", 0) in found
    assert ("heading.letter-sequence", 5) in found  # đ skipped after d
    assert ("heading.letter-dot", 6) in found
    assert ("heading.letter-sequence", 7) in found  # f is not a Vietnamese letter
    messages = [p.message for p, _ in tr.heading_problems([("e) năm", 0)])]
    assert messages == []  # no run of letters started: nothing to compare with


def test_roman_and_arabic_sequences() -> None:
    lines = ["I. MỘT", "1. a", "2. b", "4. d", "III. BA"]
    found = [(p.rule, i) for p, i in tr.heading_problems((t, i) for i, t in enumerate(lines))]
    assert found == [("heading.sequence", 3), ("heading.sequence", 4)]


def test_distribution_list() -> None:
    good = ["- Như trên;", "- Sở Nội vụ;", "- Lưu: VT, TCCB."]
    assert tr.distribution_problems(good, has_kinh_gui=True) == []
    assert tr.distribution_problems(["- Lưu: VT, HC. PL.(300)"], has_kinh_gui=False) == []
    assert tr.distribution_problems(["- Lưu: VT, PVX_(Nga.376/24)."], has_kinh_gui=False) == []
    wrapped = ["- Các bộ, cơ quan ngang bộ,", "cơ quan thuộc Chính phủ;", "- Lưu: VT."]
    assert tr.distribution_problems(wrapped, has_kinh_gui=False) == []
    assert rules(tr.distribution_problems(["- Sở Nội vụ", "- Lưu: VT."], has_kinh_gui=False)) == [
        "distribution.grammar"
    ]
    assert rules(tr.distribution_problems(["- Sở Nội vụ;", "- Lưu VT"], has_kinh_gui=False)) == [
        "distribution.last-line"
    ]
    assert rules(tr.distribution_problems(["- Sở Nội vụ;", "- Lưu: VT."], has_kinh_gui=True)) == [
        "distribution.nhu-tren"
    ]


def test_signer_lines_reuse_the_model_grammar() -> None:
    assert (
        tr.signer_problems(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Ngô Văn Dũng")
        == []
    )
    assert rules(tr.signer_problems(["KT CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê A")) == ["signer.grammar"]
    assert rules(tr.signer_problems(["Kt. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê A")) == ["signer.grammar"]
    messages = [
        p.message for p in tr.signer_problems(["KT. GIÁM ĐỐC", "TM. ỦY BAN", "CHỦ TỊCH"], "A")
    ]
    assert any("TM. chỉ đứng ở dòng đầu" in m for m in messages)
    assert all(not m.endswith("..") for m in messages)
    assert "học hàm" in tr.signer_problems(["GIÁM ĐỐC"], "TS. Lê Văn A")[0].message
    assert "thiếu họ tên" in tr.signer_problems(["GIÁM ĐỐC"], "")[0].message


def test_fonts_text_form_and_coverage() -> None:
    assert tr.is_legacy_font(".VnTime") and tr.is_legacy_font("VNI-Times")
    assert not tr.is_legacy_font("Times New Roman")
    assert tr.is_times_new_roman("times new roman") and not tr.is_times_new_roman(
        "Times New Roman Bold"
    )
    assert tr.nfc_problem("Việt Nam") is None
    assert tr.nfc_problem("Vie\u0302\u0323t Nam") is not None
    problem = tr.coverage_problem("Đạt ✓ và 😀")
    assert problem is not None and "U+2713" in problem.message and "U+1F600" in problem.message
    assert tr.coverage_problem("Tiếng Việt – “đủ” … ₫") is None


def test_typed_labels_in_numbered_headings() -> None:
    assert tr.typed_label("1.2. Hạ tầng") == "1.2."
    assert tr.typed_label("a) Về hạ tầng") == "a)"
    assert tr.typed_label("Điều 3. Hiệu lực") == "Điều 3."
    assert tr.typed_label("Hạ tầng số") is None
