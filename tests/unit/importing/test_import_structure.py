"""Structure recognition on realistic sources: header, body outline, footnotes, closing."""

from __future__ import annotations

import datetime as dt

from desktop.importing.report import Certainty
from desktop.importing.service import ImportResult, import_text
from desktop.model.document import (
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    SignerPrefix,
    Table,
)
from desktop.model.kinds import DocumentKind
from tests.unit.importing import documents as sources


def _outline(result: ImportResult) -> list[tuple[str, str]]:
    out = []
    for block in result.document.body:
        if isinstance(block, Heading):
            out.append((block.level.value, block.text))
        elif isinstance(block, ListItem):
            out.append((block.marker.value, block.text))
        elif isinstance(block, Paragraph):
            out.append(("p", block.text))
        elif isinstance(block, Table):
            out.append(("table", str(len(block.rows))))
    return out


def _messages(result: ImportResult, certainty: Certainty) -> str:
    return "\n".join(e.message for e in result.report.by_certainty(certainty))


def _notes(block: object) -> list[str]:
    content = getattr(block, "content", ())
    return [item.plain_text for item in content if isinstance(item, FootnoteRef)]


class TestReportCopiedFromSignedPdf:
    result = import_text(sources.BAO_CAO_FROM_PDF)
    doc = result.document

    def test_header_read_line_by_line(self) -> None:
        assert self.doc.kind is DocumentKind.BAO_CAO
        assert (self.doc.parent_agency, self.doc.issuing_agency) == (
            "UBND TỈNH BÌNH PHƯỚC",
            "SỞ NỘI VỤ",
        )
        assert (self.doc.number, self.doc.agency_abbr, self.doc.unit_abbr) == (169, "SNV", "")
        assert (self.doc.place, self.doc.date) == ("Bình Phước", dt.date(2024, 2, 5))
        assert self.doc.title == "Kết quả thực hiện công tác cải cách hành chính năm 2023"
        assert self.doc.recipients == ("Ủy ban nhân dân tỉnh Bình Phước",)

    def test_signing_tool_text_is_source_metadata_not_body(self) -> None:
        assert self.doc.source["signature.1.signer"] == "Ủy ban nhân dân tỉnh Bình Phước"
        assert self.doc.source["signature.1.time"] == "19.01.2024 08:56:24 +07:00"
        assert self.doc.source["signature.1.email"] == "ubnd@binhphuoc.gov.vn"
        assert not any("Ký bởi" in t or "Thời gian ký" in t for _, t in _outline(self.result))

    def test_outline_page_join_and_page_numbers(self) -> None:
        outline = _outline(self.result)
        assert outline[1:] == [
            ("roman", "KẾT QUẢ ĐẠT ĐƯỢC"),
            ("arabic", "Công tác chỉ đạo, điều hành"),
            ("-", "Sở đã tham mưu ban hành Kế hoạch cải cách hành chính năm 2023 và tổ chức "
                  "triển khai đến các cơ quan, đơn vị; định kỳ hằng quý kiểm tra việc thực hiện "
                  "tại các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố."),
            ("-", "Chỉ số cải cách hành chính năm 2023 của tỉnh tăng 5 bậc so với năm 2022."),
            ("arabic", "Cải cách thủ tục hành chính"),
            ("letter", "Rà soát, đơn giản hóa 45 thủ tục hành chính."),
            ("letter", "Công bố công khai 100% thủ tục hành chính trên Cổng dịch vụ công của tỉnh."),
            ("roman", "NHIỆM VỤ NĂM 2024"),
            ("p", "Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân."),
        ]  # fmt: skip
        assert "2 dòng số trang" in _messages(self.result, Certainty.ADJUSTED)

    def test_footnotes_go_back_to_their_marks(self) -> None:
        body = self.doc.body
        assert _notes(body[0]) == [
            "Kế hoạch số 12/KH-UBND ngày 10/01/2023 về cải cách hành chính năm 2023."
        ]
        assert body[0].text.startswith("Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2023")
        assert _notes(body[3]) == [
            "Quyết định số 45/QĐ-UBND ngày 15/01/2023 của Chủ tịch Ủy ban nhân dân tỉnh về việc "
            "giao chỉ tiêu cải cách hành chính."
        ]
        assert _notes(body[6]) == [
            "Quyết định số 321/QĐ-UBND ngày 20/3/2023 của Ủy ban nhân dân tỉnh."
        ]
        assert all("¹" not in t and "²" not in t and "³" not in t for _, t in _outline(self.result))
        assert self.result.report.counts["footnotes"] == 3

    def test_closing_distribution_and_signer_from_joined_columns(self) -> None:
        assert (
            self.doc.closing
            == "Trên đây là báo cáo kết quả cải cách hành chính năm 2023 của Sở Nội vụ"
        )
        assert self.doc.distribution == ("UBND tỉnh (b/c)", "Giám đốc Sở")
        assert self.doc.archive_note == "CCHC"
        assert [(a.prefix, a.text) for a in self.doc.signer.lines] == [
            (SignerPrefix.KT, "GIÁM ĐỐC"),
            (None, "PHÓ GIÁM ĐỐC"),
        ]
        assert self.doc.signer.name == "Nguyễn Văn An"


class TestCongVanWithColumnsOnOneLine:
    doc = import_text(sources.CONG_VAN_COLUMNS_ON_ONE_LINE).document

    def test_header(self) -> None:
        assert self.doc.kind is DocumentKind.CONG_VAN
        assert self.doc.issuing_agency == "ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN"
        assert self.doc.parent_agency == ""
        assert (self.doc.number, self.doc.agency_abbr, self.doc.unit_abbr) == (1944, "UBND", "KTHT")
        assert (self.doc.place, self.doc.date) == ("Bình Sơn", dt.date(2024, 3, 12))
        assert self.doc.title == "triển khai thực hiện chuyển đổi số trên địa bàn huyện năm 2024"
        assert self.doc.recipients == (
            "Các phòng, ban chuyên môn thuộc UBND huyện",
            "Ủy ban nhân dân các xã, thị trấn",
        )

    def test_closing(self) -> None:
        assert self.doc.distribution == ("Như trên", "CT, các PCT UBND huyện")
        assert self.doc.archive_note == "KTHT"
        assert [a.prefix for a in self.doc.signer.lines] == [SignerPrefix.TM, SignerPrefix.KT, None]
        assert self.doc.signer.name == "Ngô Văn Dũng"
        assert self.doc.closing == "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện"


class TestToTrinhLineByLine:
    result = import_text(sources.TO_TRINH_LINE_BY_LINE)
    doc = result.document

    def test_legal_bases_are_recognised_and_punctuation_stripped(self) -> None:
        assert self.doc.legal_bases == (
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
            "Căn cứ Quyết định số 127/QĐ-TTg ngày 26/01/2021 của Thủ tướng Chính phủ",
            "Căn cứ Kế hoạch số 124/KH-UBND ngày 25/11/2021 của Ủy ban nhân dân huyện Bình Sơn",
        )
        assert "3 dòng căn cứ" in _messages(self.result, Certainty.ADJUSTED)

    def test_full_subject_kept_for_a_typed_document(self) -> None:
        assert self.doc.kind is DocumentKind.TO_TRINH
        assert self.doc.title.startswith("Về việc đề nghị phê duyệt")
        assert self.doc.issuing_agency == "ỦY BAN NHÂN DÂN XÃ BÌNH TRỊ"

    def test_skipped_number_is_reported_structure_kept(self) -> None:
        outline = _outline(self.result)
        assert ("arabic", "Nội dung đề nghị") in outline
        unsure = _messages(self.result, Certainty.UNSURE)
        assert "“3.”" in unsure and "“2.”" in unsure
        assert "“a.”" in _messages(self.result, Certainty.ADJUSTED)

    def test_old_signer_forms_and_upper_case_name(self) -> None:
        assert [(a.prefix, a.text) for a in self.doc.signer.lines] == [
            (SignerPrefix.TM, "ỦY BAN NHÂN DÂN"),
            (None, "CHỦ TỊCH"),
        ]
        assert self.doc.signer.name == "LÊ VĂN BÌNH"
        assert self.doc.archive_note == ""


class TestMarkdownConversion:
    result = import_text(sources.MARKDOWN_WITH_NOTES)
    doc = result.document

    def test_marks_become_structure(self) -> None:
        assert self.doc.kind is DocumentKind.KE_HOACH
        assert self.doc.title == "Tổ chức Ngày Chuyển đổi số năm 2024"
        assert len(self.doc.legal_bases) == 2
        outline = _outline(self.result)
        assert outline[0] == ("roman", "MỤC ĐÍCH, YÊU CẦU")
        assert ("table", "3") in outline
        assert ("-", "Tổ chức hội thảo chuyên đề;") in outline
        assert ("+", "Mời chuyên gia của Bộ Thông tin và Truyền thông.") in outline
        assert not any("*" in t or "#" in t for _, t in outline)

    def test_italic_and_footnote(self) -> None:
        paragraph = self.doc.body[1]
        assert isinstance(paragraph, Paragraph)
        italics = [r.text for r in paragraph.content if getattr(r, "italic", False)]
        assert italics == ["“Chuyển đổi số toàn dân”"]
        assert _notes(paragraph)[0].startswith("Theo Quyết định số 505/QĐ-TTg")

    def test_bold_signer_lines(self) -> None:
        assert [a.text for a in self.doc.signer.lines] == ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        assert self.doc.signer.name == "Trần Văn Lộc"
        table = next(b for b in self.doc.body if isinstance(b, Table))
        assert table.header_rows == 1
        bold = [r.text for r in table.rows[2][1].content if getattr(r, "bold", False)]
        assert bold == ["sản phẩm số"]


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    result = import_text(sources.HARD_WRAPPED)
    paragraphs = [b.text for b in result.document.body if isinstance(b, Paragraph)]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Năm 2021, Sở Khoa học và Công nghệ đã tham mưu")
    assert "ban hành nhiều văn bản" in paragraphs[0]
    assert paragraphs[0].endswith("phát triển tài sản trí tuệ.")
    assert result.document.closing.endswith("đã được phê duyệt, bảo đảm hiệu quả")
    assert result.document.signer.lines[0].text == "GIÁM ĐỐC"


def test_appendix_after_the_signer() -> None:
    doc = import_text(sources.WITH_APPENDIX).document
    assert doc.signer.name == "Phạm Minh Chính"
    (appendix,) = doc.appendices
    assert appendix.title == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"
    assert appendix.reference == "Kèm theo Báo cáo số 20/BC-SNV ngày 10/01/2024 của Sở Nội vụ"
    assert isinstance(appendix.body[0], Heading) and appendix.body[0].level is HeadingLevel.ARABIC
    assert isinstance(appendix.body[1], ListItem) and appendix.body[1].marker is ListMarker.DASH


def test_kind_option_overrides_and_disagreement_is_reported() -> None:
    result = import_text(sources.TO_TRINH_LINE_BY_LINE, DocumentKind.BAO_CAO)
    assert result.document.kind is DocumentKind.BAO_CAO
    assert "tờ trình" in _messages(result, Certainty.UNSURE)


def test_a_fragment_without_header_is_still_imported() -> None:
    result = import_text(
        "1. Mục đích\n\n- Nâng cao chất lượng báo cáo.\n\n2. Yêu cầu\n\nBảo đảm đúng thời hạn."
    )
    assert _outline(result) == [
        ("arabic", "Mục đích"), ("-", "Nâng cao chất lượng báo cáo."),
        ("arabic", "Yêu cầu"), ("p", "Bảo đảm đúng thời hạn."),
    ]  # fmt: skip
    assert "Không nhận ra loại văn bản" in _messages(result, Certainty.UNSURE)


def test_words_are_never_fixed() -> None:
    text = (
        "BÁO CÁO\n\nTình hình\n\nCác TT HỖND và Quyết định số 12/QĐ-UBND (sai số) vẫn giữ nguyên./."
    )
    result = import_text(text)
    assert (
        result.document.closing == "Các TT HỖND và Quyết định số 12/QĐ-UBND (sai số) vẫn giữ nguyên"
    )
