"""Quyết định and nghị quyết (Mẫu 1.1–1.3): the authority line, the căn cứ block up to
`QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:`, and the decision line itself, which the renderer prints again."""

from __future__ import annotations

from desktop.importing.report import Certainty
from desktop.importing.service import ImportResult, import_text
from desktop.layout.build import build, iter_lines
from desktop.layout.styles import Role
from desktop.model.document import Heading, HeadingLevel
from desktop.model.kinds import DocumentKind
from desktop.model.profile import OfficeProfile
from tests.export.kinds_fixtures import TODAY

HEADER = """\
ỦY BAN NHÂN DÂN
XÃ TIÊN ĐIỀN
Số: 312/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tiên Điền, ngày 12 tháng 9 năm 2025

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác triển khai Đề án 06
"""
CLOSING = """\
Nơi nhận:
- Như Điều 3;
- Lưu: VT, VP.
CHỦ TỊCH
Nguyễn Văn Hùng
"""
ARTICLES = """\
Điều 1. Thành lập Tổ công tác triển khai Đề án 06 trên địa bàn xã.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Văn phòng HĐND và UBND xã và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
"""


def _import(opening: str) -> ImportResult:
    return import_text(HEADER + "\n" + opening + ARTICLES + CLOSING)


def _messages(result: ImportResult, certainty: Certainty) -> str:
    return "\n".join(e.message for e in result.report.by_certainty(certainty))


def test_authority_bases_and_decision_line_become_fields() -> None:
    result = _import(
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "Theo đề nghị của Trưởng Công an xã.\n"
        "QUYẾT ĐỊNH:\n"
    )
    doc = result.document
    assert doc.kind is DocumentKind.QUYET_DINH
    assert doc.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN"
    assert doc.legal_bases == (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
        "Theo đề nghị của Trưởng Công an xã",
    )
    assert [b.level for b in doc.body if isinstance(b, Heading)] == [HeadingLevel.ARTICLE] * 3
    assert "Thẩm quyền ban hành" in _messages(result, Certainty.RECOGNIZED)
    # Exported, the opening reads exactly as the source did.
    lines = [(x.role, x.text) for x in iter_lines(build(doc, OfficeProfile(), TODAY))]
    start = next(i for i, (role, _) in enumerate(lines) if role is Role.DECISION_AUTHORITY)
    assert [text for _, text in lines[start : start + 4]] == [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Theo đề nghị của Trưởng Công an xã.",
        "QUYẾT ĐỊNH:",
    ]


def test_decision_line_without_colon_or_letter_spaced_is_printed_as_the_template() -> None:
    for written in ("QUYẾT ĐỊNH", "Q U Y Ế T  Đ Ị N H :"):
        result = _import(
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN\nCăn cứ Luật Tổ chức chính quyền địa "
            f"phương;\n{written}\n"
        )
        assert result.document.legal_bases == ("Căn cứ Luật Tổ chức chính quyền địa phương",)
        assert "được in theo mẫu là “QUYẾT ĐỊNH:”" in _messages(result, Certainty.ADJUSTED)
        assert not any(
            b.text.replace(" ", "").startswith("QUY") for b in result.document.body
            if not isinstance(b, Heading)
        )  # fmt: skip


def test_missing_decision_line_is_reported_and_bases_still_read() -> None:
    result = _import(
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    assert result.document.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN"
    assert result.document.legal_bases == ("Căn cứ Luật Tổ chức chính quyền địa phương",)
    assert "không có dòng “QUYẾT ĐỊNH:”" in _messages(result, Certainty.ADJUSTED)


def test_decision_without_authority_keeps_its_bases() -> None:
    result = _import("Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n")
    assert result.document.authority == ""
    assert result.document.legal_bases == ("Căn cứ Luật Tổ chức chính quyền địa phương",)


def test_resolution_with_two_authority_lines_and_xet_lines() -> None:
    text = """\
HỘI ĐỒNG NHÂN DÂN
XÃ TIÊN ĐIỀN
Số: 15/NQ-HĐND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tiên Điền, ngày 12 tháng 9 năm 2025

NGHỊ QUYẾT
Về việc thông qua kế hoạch đầu tư công năm 2026

HỘI ĐỒNG NHÂN DÂN XÃ TIÊN ĐIỀN
KHÓA I, KỲ HỌP THỨ BA
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Xét Tờ trình số 41/TTr-UBND ngày 05/9/2025 của UBND xã; ý kiến thảo luận của đại biểu.
QUYẾT NGHỊ:
Điều 1. Thông qua kế hoạch đầu tư công năm 2026 của xã.
Điều 2. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này./.
Nơi nhận:
- TT HĐND, UBND tỉnh;
- Lưu: VT.
CHỦ TỊCH
Võ Thị Hòa
"""
    doc = import_text(text).document
    assert doc.kind is DocumentKind.NGHI_QUYET
    assert doc.authority == "HỘI ĐỒNG NHÂN DÂN XÃ TIÊN ĐIỀN KHÓA I, KỲ HỌP THỨ BA"
    assert doc.legal_bases[-1].startswith("Xét Tờ trình số 41/TTr-UBND")
    assert [b.text[:9] for b in doc.body if isinstance(b, Heading)] == ["Thông qua", "Giao Ủy b"]


def test_a_report_keeps_an_upper_case_line_before_its_bases_as_text() -> None:
    """Only decisions have an authority line; elsewhere the line stays where it was."""
    text = HEADER.replace("QUYẾT ĐỊNH\nVề việc", "BÁO CÁO\nVề việc").replace("QĐ", "BC")
    result = import_text(
        text + "\nỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
        "Nội dung báo cáo.\n" + CLOSING
    )
    assert result.document.kind is DocumentKind.BAO_CAO
    assert result.document.authority == ""
    assert result.document.body[0].text == "ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN"
