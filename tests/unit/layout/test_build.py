"""The build step decides every printed string; these tests pin the rules of spec §3–§5."""

from __future__ import annotations

import datetime as dt

from desktop.layout.build import appendix_label, build, iter_lines
from desktop.layout.content import HeaderBlock, Line, Recipients, SignatureBlock, TitleBlock
from desktop.layout.styles import Role
from desktop.model.document import (
    Appendix,
    AuthorityLine,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    Run,
    SignerBlock,
    SignerPrefix,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import OfficeProfile, SizeProfile

TODAY = dt.date(2024, 3, 1)


def _doc(**changes: object) -> Document:
    base = Document(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả thực hiện Chiến lược",
        parent_agency="UBND tỉnh Hà Tĩnh",
        issuing_agency="Ủy ban nhân dân huyện Nghi Xuân",
        agency_abbr="UBND",
        unit_abbr="KT&HT",
        place="Nghi Xuân",
        recipients=("Sở Khoa học và Công nghệ",),
        body=(
            Heading(HeadingLevel.ROMAN, runs("Kết quả đạt được")),
            Heading(HeadingLevel.ARABIC, runs("Công tác tham mưu")),
            Paragraph((Run("Đã tham mưu"), FootnoteRef((Run("Văn bản số 1327"),)), Run(" kịp thời."))),
            ListItem(ListMarker.DASH, runs("Tuyên truyền")),
            ListItem(ListMarker.PLUS, runs("Trên cổng thông tin")),
        ),
        closing="UBND huyện kính báo cáo",
        signer=SignerBlock(
            (
                AuthorityLine("Ủy ban nhân dân", SignerPrefix.TM),
                AuthorityLine("Chủ tịch", SignerPrefix.KT),
                AuthorityLine("Phó Chủ tịch"),
            ),
            "Bùi Việt Hùng",
        ),
        distribution=("Như trên", "Chủ tịch, các PCT UBND huyện"),
        archive_note="KT&HT",
    )
    return base.with_changes(**changes)


def _texts(doc: Document) -> list[tuple[Role, str]]:
    return [(line.role, line.text) for line in iter_lines(build(doc, OfficeProfile(), TODAY))]


def test_header_lines_are_upper_case_and_the_draft_keeps_blanks() -> None:
    texts = _texts(_doc())
    assert (Role.PARENT_AGENCY, "UBND TỈNH HÀ TĨNH") in texts
    assert (Role.ISSUING_AGENCY, "ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN") in texts
    assert (Role.NATIONAL_TITLE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") in texts
    assert (Role.MOTTO, "Độc lập - Tự do - Hạnh phúc") in texts
    assert (Role.NUMBER, "Số:      /BC-UBND") in texts
    assert (Role.PLACE_DATE, "Nghi Xuân, ngày    tháng    năm 2024") in texts


def test_issued_document_prints_number_and_date_with_leading_zeros() -> None:
    texts = _texts(_doc(number=5, date=dt.date(2024, 2, 5)))
    assert (Role.NUMBER, "Số: 05/BC-UBND") in texts
    assert (Role.PLACE_DATE, "Nghi Xuân, ngày 05 tháng 02 năm 2024") in texts


def test_headings_are_numbered_from_structure_and_upper_cased_at_roman_level() -> None:
    texts = _texts(_doc())
    assert (Role.HEADING_ROMAN, "I. KẾT QUẢ ĐẠT ĐƯỢC") in texts
    assert (Role.HEADING_ARABIC, "1. Công tác tham mưu") in texts
    assert (Role.ITEM, "- Tuyên truyền") in texts
    assert (Role.SUBITEM, "+ Trên cổng thông tin") in texts


def test_closing_gets_the_end_mark_and_signature_block_follows() -> None:
    content = build(_doc(), OfficeProfile(), TODAY)
    elements = content.sections[0].elements
    closing = [e for e in elements if isinstance(e, Line) and e.role is Role.CLOSING]
    assert closing[0].text == "UBND huyện kính báo cáo./."
    signature = elements[-1]
    assert isinstance(signature, SignatureBlock)
    assert [line.text for line in signature.distribution] == [
        "- Như trên;",
        "- Chủ tịch, các PCT UBND huyện;",
        "- Lưu: VT, KT&HT.",
    ]
    assert [line.text for line in signature.authority] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    assert signature.name.text == "Bùi Việt Hùng"


def test_without_closing_the_last_body_paragraph_takes_the_end_mark() -> None:
    doc = _doc(closing="", body=(Paragraph(runs("Nội dung cuối;")),))
    texts = _texts(doc)
    assert (Role.BODY, "Nội dung cuối./.") in texts


def test_footnotes_are_numbered_in_reading_order_and_kept_out_of_line_text() -> None:
    doc = _doc(
        body=(
            Paragraph((Run("A"), FootnoteRef((Run("một"),)))),
            Paragraph((Run("B"), FootnoteRef((Run("hai"),)))),
        )
    )
    content = build(doc, OfficeProfile(), TODAY)
    assert [(f.number, f.text) for f in content.footnotes] == [(1, "một"), (2, "hai")]
    lines = [e for e in content.sections[0].elements if isinstance(e, Line) and e.role is Role.BODY]
    assert lines[0].text == "A"
    assert lines[0].spans[-1].footnote == 1


def test_kinh_gui_single_and_several() -> None:
    single = build(_doc(), OfficeProfile(), TODAY).sections[0].elements
    rec = next(e for e in single if isinstance(e, Recipients))
    assert rec.single and rec.items == ("Sở Khoa học và Công nghệ",)
    several = build(_doc(recipients=("Bộ Nội vụ", "Sở Nội vụ")), OfficeProfile(), TODAY)
    rec = next(e for e in several.sections[0].elements if isinstance(e, Recipients))
    assert not rec.single and rec.items == ("- Bộ Nội vụ;", "- Sở Nội vụ.")


def test_cong_van_has_no_title_block_and_prints_vv_under_the_number() -> None:
    doc = _doc(kind=DocumentKind.CONG_VAN, title="triển khai Kế hoạch", number=1944, unit_abbr="KTHT")
    content = build(doc, OfficeProfile(), TODAY)
    elements = content.sections[0].elements
    assert not any(isinstance(e, TitleBlock) for e in elements)
    header = elements[0]
    assert isinstance(header, HeaderBlock)
    assert header.number.text == "Số: 1944/UBND-KTHT"
    assert [line.text for line in header.subject_cong_van] == ["V/v triển khai Kế hoạch"]


def test_appendices_are_sections_of_their_own_with_labels_and_reference() -> None:
    doc = _doc(
        number=5,
        date=dt.date(2024, 2, 5),
        appendices=(Appendix("Số liệu", (Paragraph(runs("x")),)), Appendix("Danh sách")),
    )
    content = build(doc, OfficeProfile(), TODAY)
    assert len(content.sections) == 3
    first = content.sections[1].elements
    assert isinstance(first[0], Line) and first[0].text == "Phụ lục I"
    assert isinstance(first[1], Line) and first[1].text == "SỐ LIỆU"
    assert isinstance(first[2], Line)
    assert first[2].text == (
        "(Kèm theo Báo cáo số 05/BC-UBND ngày 05 tháng 02 năm 2024 "
        "của Ủy ban nhân dân huyện Nghi Xuân)"
    )
    assert appendix_label(0, 1) == "Phụ lục"


def test_size_profile_b_uses_the_decree_sample_sizes() -> None:
    a = build(_doc(), OfficeProfile(), TODAY).styles
    b = build(_doc(), OfficeProfile(size_profile=SizeProfile.B), TODAY).styles
    assert a.style(Role.NATIONAL_TITLE).size_pt == 13
    assert b.style(Role.NATIONAL_TITLE).size_pt == 12
    assert b.style(Role.MOTTO).size_pt == 13
    assert a.style(Role.DISTRIBUTION_LABEL).bold and a.style(Role.DISTRIBUTION_LABEL).italic
    assert a.style(Role.DISTRIBUTION).size_pt == 11


def test_build_never_reads_the_clock() -> None:
    one = build(_doc(), OfficeProfile(), dt.date(2030, 1, 1))
    header = one.sections[0].elements[0]
    assert isinstance(header, HeaderBlock)
    assert header.place_date.text.endswith("năm 2030")


def test_a_numbered_sentence_without_title_prints_in_body_style() -> None:
    doc = _doc(
        body=(
            Heading(HeadingLevel.ROMAN, runs("Mục tiêu")),
            Heading(HeadingLevel.ARABIC, runs("TTNT được ứng dụng rộng rãi."), titled=False),
            Heading(HeadingLevel.ARABIC, runs("Nâng cao hiệu quả."), titled=False),
        )
    )
    content = build(doc, OfficeProfile(), TODAY)
    lines = [e for e in content.sections[0].elements if isinstance(e, Line)]
    numbered = [line for line in lines if line.text.startswith(("1. ", "2. "))]
    assert [(line.role, line.text, line.keep_with_next) for line in numbered] == [
        (Role.BODY, "1. TTNT được ứng dụng rộng rãi.", False),
        (Role.BODY, "2. Nâng cao hiệu quả.", False),
    ]
