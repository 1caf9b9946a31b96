"""What each kind prints beyond the common parts: the quyết định / nghị quyết opening (Mẫu 1.1–1.3),
the biên bản header (Mẫu 1.9), article labels, table columns and agency-name line breaks."""

from __future__ import annotations

from desktop.layout import geometry, measure
from desktop.layout.build import build, iter_lines
from desktop.layout.content import HeaderBlock, Line, TableContent, TitleBlock
from desktop.layout.styles import Role
from desktop.model.document import Heading, HeadingLevel, Table, TableCell, runs
from desktop.model.kinds import DocumentKind
from tests.export.kinds_fixtures import (
    KIND_DOCUMENTS,
    TODAY,
    bao_cao,
    bien_ban,
    nghi_quyet,
    profile,
    quyet_dinh,
)


def _main_lines(doc) -> list[Line]:  # type: ignore[no-untyped-def]
    content = build(doc, profile(), TODAY)
    return [e for e in content.sections[0].elements if isinstance(e, Line)]


def test_decision_prints_authority_bases_and_decision_line_in_template_order() -> None:
    lines = _main_lines(quyet_dinh())
    opening = [(line.role, line.text) for line in lines[:5]]
    assert opening == [
        (Role.DECISION_AUTHORITY, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN"),
        (Role.LEGAL_BASIS, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
        (
            Role.LEGAL_BASIS,
            "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ;",
        ),
        (
            Role.LEGAL_BASIS,
            "Theo đề nghị của Trưởng Công an xã tại Tờ trình số 25/TTr-CAX ngày 08/9/2025.",
        ),
        (Role.DECISION_LINE, "QUYẾT ĐỊNH:"),
    ]
    # The authority and the decision line stay with what follows them.
    assert lines[0].keep_with_next and lines[4].keep_with_next
    assert lines[5].text.startswith("Điều 1. Thành lập Tổ công tác")


def test_decision_lines_are_set_as_the_templates_set_them() -> None:
    styles = build(quyet_dinh(), profile(), TODAY).styles
    for role in (Role.DECISION_AUTHORITY, Role.DECISION_LINE):
        style = styles.style(role)
        assert (style.size_pt, style.bold, style.upper, style.align.value) == (
            14, True, True, "center"
        )  # fmt: skip
        assert style.space_before_pt >= 12  # a blank line above, as in Mẫu 1.2


def test_empty_authority_prints_nothing_but_the_decision_line_stays() -> None:
    lines = _main_lines(quyet_dinh().with_changes(authority="   "))
    assert Role.DECISION_AUTHORITY not in {line.role for line in lines}
    assert [line.text for line in lines if line.role is Role.DECISION_LINE] == ["QUYẾT ĐỊNH:"]


def test_resolution_says_quyet_nghi() -> None:
    lines = _main_lines(nghi_quyet())
    assert lines[0].text == "HỘI ĐỒNG NHÂN DÂN XÃ TIÊN ĐIỀN KHÓA I, KỲ HỌP THỨ BA"
    assert [line.text for line in lines if line.role is Role.DECISION_LINE] == ["QUYẾT NGHỊ:"]


def test_other_kinds_never_print_the_authority() -> None:
    for kind, make in KIND_DOCUMENTS.items():
        if kind in (DocumentKind.QUYET_DINH, DocumentKind.NGHI_QUYET):
            continue
        doc = make().with_changes(authority="CHỦ TỊCH ỦY BAN NHÂN DÂN")
        roles = {line.role for line in iter_lines(build(doc, profile(), TODAY))}
        assert not roles & {Role.DECISION_AUTHORITY, Role.DECISION_LINE}, kind


def test_untitled_article_label_is_bold_and_titled_article_is_all_bold() -> None:
    lines = _main_lines(quyet_dinh())
    first = next(line for line in lines if line.text.startswith("Điều 1."))
    assert first.role is Role.BODY
    assert [(s.text, s.bold) for s in first.spans[:1]] == [("Điều 1. ", True)]
    assert not any(s.bold for s in first.spans[1:])
    second = next(line for line in lines if line.text.startswith("Điều 2."))
    assert second.role is Role.HEADING_ARTICLE
    numbered = _main_lines(
        bao_cao().with_changes(body=(Heading(HeadingLevel.ARABIC, runs("Câu."), titled=False),))
    )
    khoan = next(line for line in numbered if line.text.startswith("1."))
    assert not khoan.spans[0].bold  # only "Điều" labels are bold in a sentence


def test_bien_ban_has_no_place_and_date_line() -> None:
    content = build(bien_ban(), profile(), TODAY)
    header = content.sections[0].elements[0]
    assert isinstance(header, HeaderBlock)
    assert header.place_date.text == ""
    assert header.number.text == "Số: 12/BB-UBND"


def test_a_column_is_never_narrower_than_its_longest_word() -> None:
    table = Table(
        (
            (TableCell(runs("STT")), TableCell(runs("Nội dung")), TableCell(runs("Ghi chú"))),
            (TableCell(runs("1")), TableCell(runs("Rà soát dữ liệu")), TableCell(runs("—"))),
        ),
        column_widths=(1, 14, 3),
    )
    content = build(bao_cao().with_changes(body=(table,)), profile(), TODAY)
    built = next(e for e in content.sections[0].elements if isinstance(e, TableContent))
    stt = measure.text_width_mm("STT", 12, bold=True) + 2 * geometry.CELL_PADDING_MM
    assert built.column_widths_mm[0] >= stt
    assert abs(sum(built.column_widths_mm) - content.styles.page.text_width_mm) < 0.05
    # The widening comes out of the other columns in proportion (14 : 3).
    rest = built.column_widths_mm[1:]
    assert abs(rest[0] / rest[1] - 14 / 3) < 0.01


def test_columns_keep_their_weights_when_the_words_cannot_fit() -> None:
    words = tuple(TableCell(runs("Khôngthểngắtdòngđượcnữađâu")) for _ in range(8))
    table = Table((words,), header_rows=0)
    content = build(bao_cao().with_changes(body=(table,)), profile(), TODAY)
    built = next(e for e in content.sections[0].elements if isinstance(e, TableContent))
    assert len(set(built.column_widths_mm)) == 1


def test_agency_names_break_between_their_phrases() -> None:
    def lines(name: str) -> list[str]:
        return geometry.balanced_lines(name, 58.2, 13, bold=True)

    assert lines("ỦY BAN NHÂN DÂN XÃ TIÊN ĐIỀN") == ["ỦY BAN NHÂN DÂN", "XÃ TIÊN ĐIỀN"]
    assert lines("HỘI ĐỒNG NHÂN DÂN XÃ TIÊN ĐIỀN") == ["HỘI ĐỒNG NHÂN DÂN", "XÃ TIÊN ĐIỀN"]
    assert lines("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC") == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"]
    # When only a poor break fits (a column too narrow for the phrase), it is taken.
    assert geometry.balanced_lines("ỦY BAN NHÂN DÂN", 28, 13, bold=True) == ["ỦY BAN", "NHÂN DÂN"]


def test_title_block_of_every_kind_but_cong_van() -> None:
    for kind, make in KIND_DOCUMENTS.items():
        elements = build(make(), profile(), TODAY).sections[0].elements
        titles = [e for e in elements if isinstance(e, TitleBlock)]
        assert len(titles) == (0 if kind is DocumentKind.CONG_VAN else 1), kind
