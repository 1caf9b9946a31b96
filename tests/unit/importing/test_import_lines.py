"""Line classification, markdown emphasis and footnote-safe editing of inline content."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.importing.inline import cut, drop_prefix, drop_suffix, join, split_lines, text_of
from desktop.importing.lines import LineKind, classify, looks_like_name, looks_like_upper_name
from desktop.importing.markup import heading_depth, parse_emphasis
from desktop.model.document import FootnoteRef, HeadingLevel, ListMarker, Run
from desktop.model.kinds import DocumentKind


@pytest.mark.parametrize(
    ("text", "kind", "level", "numbers"),
    [
        ("I. Kết quả đạt được trong năm 2021:", LineKind.HEADING, HeadingLevel.ROMAN, (1,)),
        ("XII. KIẾN NGHỊ", LineKind.HEADING, HeadingLevel.ROMAN, (12,)),
        ("3. Phát triển hệ sinh thái TTNT", LineKind.HEADING, HeadingLevel.ARABIC, (3,)),
        ("3.1. Mục tiêu chung", LineKind.HEADING, HeadingLevel.DECIMAL, (3, 1)),
        ("đ) Điểm thứ năm", LineKind.HEADING, HeadingLevel.LETTER, (5,)),
        ("Phần I. TÌNH HÌNH CHUNG", LineKind.HEADING, HeadingLevel.PART, (1,)),
        ("PHẦN THỨ HAI", LineKind.HEADING, HeadingLevel.PART, (2,)),
        ("Điều 3. Hiệu lực thi hành", LineKind.HEADING, HeadingLevel.ARTICLE, (3,)),
        ("1.2.3. Quá sâu", LineKind.DEEP_NUMBER, None, (1, 2, 3)),
        ("2030 trên địa bàn tỉnh", LineKind.TEXT, None, ()),
        ("1.000 người tham gia", LineKind.TEXT, None, ()),
        ("Mục tiêu của kế hoạch", LineKind.TEXT, None, ()),
        ("C. Phần chữ cái hoa", LineKind.TEXT, None, ()),
    ],
)
def test_outline_numbers(
    text: str, kind: LineKind, level: HeadingLevel | None, numbers: tuple[int, ...]
) -> None:
    c = classify(text)
    assert (c.kind, c.heading_level, c.numbers) == (kind, level, numbers)


@pytest.mark.parametrize(
    ("text", "marker", "rest"),
    [("- Nội dung", ListMarker.DASH, "Nội dung"), ("+ Ý nhỏ", ListMarker.PLUS, "Ý nhỏ"),
     ("- + Ý nhỏ", ListMarker.PLUS, "Ý nhỏ"), ("• Chấm tròn", ListMarker.DASH, "Chấm tròn")],
)  # fmt: skip
def test_list_marks(text: str, marker: ListMarker, rest: str) -> None:
    c = classify(text)
    assert c.kind is LineKind.ITEM and c.marker is marker and text[c.prefix_length :] == rest


def test_number_lines_with_stray_spaces_and_blanks() -> None:
    c = classify("Số: 169 /BC-SNV")
    assert (c.kind, c.document_number, c.symbol) == (LineKind.NUMBER, 169, "BC-SNV")
    c = classify("Số:      /KH-UBND")
    assert (c.document_number, c.symbol) == (None, "KH-UBND")
    c = classify("Số: 45/QĐ - UBND")
    assert c.symbol == "QĐ-UBND"


def test_place_date_lines() -> None:
    c = classify("Bình Phước, ngày 05 tháng 02 năm 2024")
    assert (c.kind, c.place, c.date) == (LineKind.PLACE_DATE, "Bình Phước", dt.date(2024, 2, 5))
    c = classify("Bình Phước, ngày    tháng    năm 2024")
    assert (c.place, c.date, c.date_year) == ("Bình Phước", None, 2024)
    c = classify("TP. Hồ Chí Minh, ngày 31 tháng 2 năm 2024")
    assert c.date is None and c.date_invalid


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", LineKind.NATIONAL_TITLE),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", LineKind.NATIONAL_TITLE),
        ("Độc lập - Tự do - Hạnh phúc", LineKind.MOTTO),
        ("Độc lập – Tự do – Hạnh phúc", LineKind.MOTTO),
        ("________________", LineKind.RULE),
        ("Nơi nhận:", LineKind.DISTRIBUTION_LABEL),
        ("- Lưu: VT, KT&HT.", LineKind.ARCHIVE),
        ("Lưu ý: nộp trước ngày 15", LineKind.TEXT),
        ("(Đã ký)", LineKind.SIGNATURE_PLACEHOLDER),
        ("Thời gian ký: 19.01.2015 08:56:24 +07:00", LineKind.SIGNING_META),
        ("- 2 -", LineKind.PAGE_NUMBER),
        ("HỎA TỐC", LineKind.URGENCY),
        ("DỰ THẢO", LineKind.DRAFT_MARK),
        ("V/v triển khai", LineKind.SUBJECT_VV),
        ("Kính gửi: Sở Nội vụ", LineKind.KINH_GUI),
    ],
)
def test_fixed_forms(text: str, kind: LineKind) -> None:
    assert classify(text).kind is kind


def test_kind_titles_also_letter_spaced() -> None:
    assert classify("TỜ TRÌNH").document_kind is DocumentKind.TO_TRINH
    assert classify("K Ế  H O Ạ C H").document_kind is DocumentKind.KE_HOACH


def test_names() -> None:
    assert looks_like_name("Ngô Văn Dũng") and not looks_like_name("Phòng Kinh tế")
    assert looks_like_upper_name("LÊ VĂN BÌNH")
    assert not looks_like_upper_name("PHÓ CHỦ TỊCH") and not looks_like_upper_name(
        "ỦY BAN NHÂN DÂN"
    )


def test_markdown_emphasis() -> None:
    assert heading_depth("### **Kết quả**") == (3, "**Kết quả**")
    runs = parse_emphasis("khoảng **2,1 tỷ đồng**, có (*04 giải Nhất*) và (*) ghi chú")
    assert [(r.text, r.bold, r.italic) for r in runs if isinstance(r, Run)] == [
        ("khoảng ", False, False), ("2,1 tỷ đồng", True, False), (", có (", False, False),
        ("04 giải Nhất", False, True), (") và (*) ghi chú", False, False),
    ]  # fmt: skip
    assert text_of(parse_emphasis(r"1\. Số \*không\* nghiêng")) == "1. Số *không* nghiêng"


def test_footnotes_survive_cutting_and_joining() -> None:
    note = FootnoteRef((Run("Chú thích."),))
    content = (Run("1. Nội dung", bold=True), note, Run(" tiếp./."))
    assert drop_prefix(content, 3) == (Run("Nội dung", bold=True), note, Run(" tiếp./."))
    assert drop_suffix(content, 3)[-1] == Run(" tiếp")
    assert note in cut(content, 5, 6)  # a note outside the slice is kept, not lost
    joined = join((Run("đến năm"),), (Run("2030 trên địa bàn"),))
    assert text_of(joined) == "đến năm 2030 trên địa bàn"
    lines = split_lines((Run("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", bold=True),))
    assert lines == [(Run("KT. CHỦ TỊCH", bold=True),), (Run("PHÓ CHỦ TỊCH", bold=True),)]
