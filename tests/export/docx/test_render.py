"""The DOCX renderer: page setup, fonts, the header table, rules, footnotes, sections and page
numbers, the signer block, core properties. Assertions read the package's XML, never raw bytes."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from lxml import etree

from desktop.export.docx import render_docx
from desktop.layout import geometry, measure
from desktop.layout.build import build
from desktop.model.document import (
    FootnoteRef,
    Paragraph,
    Run,
    Table,
    TableCell,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import Margins, OfficeProfile, SizeProfile
from tests.unit.checker.docx_fixtures import MOMENT, PROFILE, TODAY, cong_van, report

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
TWIPS_PER_MM = 1440 / 25.4


def render(doc=None, profile: OfficeProfile = PROFILE) -> dict[str, bytes]:
    buffer = io.BytesIO()
    render_docx(build(doc or report(), profile, TODAY), buffer, timestamp=MOMENT)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def xml(parts: dict[str, bytes], name: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(parts[name])


def text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{{{W}}}t"))


def paragraph(root: etree._Element, starts: str) -> etree._Element:
    return next(p for p in root.iter(f"{{{W}}}p") if text(p).startswith(starts))


def attr(el: etree._Element, path: str, name: str) -> str | None:
    found = el.find(path, NS)
    return None if found is None else found.get(f"{{{W}}}{name}")


def part_of(parts: dict[str, bytes], rid: str) -> etree._Element:
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return xml(parts, f"word/{target}")


@pytest.fixture(scope="module")
def parts() -> dict[str, bytes]:
    return render()


def test_a4_portrait_with_the_profile_margins(parts) -> None:
    sect = xml(parts).find(".//w:body/w:sectPr", NS)
    assert attr(sect, "w:pgSz", "w") == "11906" and attr(sect, "w:pgSz", "h") == "16838"
    margins = {k: int(attr(sect, "w:pgMar", k) or 0) for k in ("top", "bottom", "left", "right")}
    assert margins == {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}


def test_times_new_roman_in_every_run_slot_and_the_defaults(parts) -> None:
    for name in [n for n in parts if n.startswith("word/") and n.endswith(".xml")]:
        root = xml(parts, name)
        for fonts in root.iter(f"{{{W}}}rFonts"):
            assert {fonts.get(f"{{{W}}}{s}") for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {
                "Times New Roman"
            }, name
        for r in root.iter(f"{{{W}}}r"):
            if r.find("w:t", NS) is not None:
                assert r.find("w:rPr/w:rFonts", NS) is not None, name
        for color in root.iter(f"{{{W}}}color"):
            assert color.get(f"{{{W}}}val") == "000000"
    defaults = xml(parts, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert attr(defaults, "w:rFonts", "eastAsia") == "Times New Roman"
    assert attr(defaults, "w:lang", "val") == "vi-VN"


def test_header_table_is_borderless_two_by_two_with_widths_in_grid_and_cells(parts) -> None:
    table = xml(parts).find("w:body/w:tbl", NS)
    assert all(b.get(f"{{{W}}}val") == "nil" for b in table.find("w:tblPr/w:tblBorders", NS))
    assert attr(table, "w:tblPr/w:tblLayout", "type") == "fixed"
    rows = table.findall("w:tr", NS)
    assert len(rows) == 2 and all(len(r.findall("w:tc", NS)) == 2 for r in rows)
    grid = [int(g.get(f"{{{W}}}w")) for g in table.findall("w:tblGrid/w:gridCol", NS)]
    for row in rows:
        widths = [int(attr(tc, "w:tcPr/w:tcW", "w")) for tc in row.findall("w:tc", NS)]
        assert widths == grid
    left, right = rows[0].findall("w:tc", NS)
    assert [text(p) for p in left.findall("w:p", NS) if text(p)] == [
        "UBND TỈNH KON TUM", "ỦY BAN NHÂN DÂNHUYỆN ĐẮK GLEI",
    ]  # fmt: skip
    assert [text(p) for p in right.findall("w:p", NS) if text(p)] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    ]  # fmt: skip
    assert "Số: 05/BC-UBND" in text(rows[1]) and "ngày 05 tháng 3 năm 2026" in text(rows[1])


def test_issuing_agency_breaks_into_balanced_lines(parts) -> None:
    issuing = paragraph(xml(parts), "ỦY BAN NHÂN DÂN")
    pieces = [t.text for t in issuing.iter(f"{{{W}}}t")]
    assert pieces == ["ỦY BAN NHÂN DÂN", "HUYỆN ĐẮK GLEI"]
    assert issuing.find(".//w:br", NS) is not None


@pytest.mark.parametrize("size", list(SizeProfile))
@pytest.mark.parametrize(("left", "right"), [(30, 15), (35, 20), (30, 20), (35, 15)])
def test_quoc_hieu_always_fits_on_one_line(size, left, right) -> None:
    profile = OfficeProfile(size_profile=size, margins=Margins(25, 20, left, right))
    content = build(report(), profile, TODAY)
    header = content.sections[0].elements[0]
    columns = geometry.header_columns(content.styles, header)
    style = content.styles.style(header.right[0].role)
    needed = measure.text_width_mm(header.right[0].text, style.size_pt, bold=True)
    assert geometry.cell_text_width_mm(columns.right_mm) >= needed + 1
    text_width = 210 - left - right
    # Any spill goes no further than 5 mm into either margin (the Government's tables do 2–6).
    assert -5 <= columns.indent_mm <= 0 and columns.total_mm + columns.indent_mm <= text_width + 5


def _rule_length_mm(rule: etree._Element, container_mm: float) -> float:
    left = int(attr(rule, "w:pPr/w:ind", "left")) / TWIPS_PER_MM
    right = int(attr(rule, "w:pPr/w:ind", "right")) / TWIPS_PER_MM
    return container_mm - left - right


def test_rules_are_measured_from_the_text(parts) -> None:
    root = xml(parts)
    table = root.find("w:body/w:tbl", NS)
    left_tc, right_tc = table.find("w:tr", NS).findall("w:tc", NS)

    def inner(tc: etree._Element) -> float:
        return int(attr(tc, "w:tcPr/w:tcW", "w")) / TWIPS_PER_MM - 2 * geometry.CELL_PADDING_MM

    motto_rule = right_tc.findall("w:p", NS)[-1]
    assert attr(motto_rule, "w:pPr/w:pBdr/w:bottom", "val") == "single"
    motto = measure.text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    assert _rule_length_mm(motto_rule, inner(right_tc)) == pytest.approx(motto, abs=0.1)
    agency_rule = left_tc.findall("w:p", NS)[-1]
    widest = measure.text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True)
    assert widest / 3 <= _rule_length_mm(agency_rule, inner(left_tc)) <= widest / 2
    subject = paragraph(root, "Kết quả chuyển đổi")
    subject_rule = subject.getnext()
    text_width = 210 - 30 - 15
    lines = measure.wrap(text(subject), text_width, 14, bold=True)
    widest = max(measure.text_width_mm(t, 14, bold=True) for t in lines)
    assert widest / 3 <= _rule_length_mm(subject_rule, text_width) <= widest / 2


def test_kinh_gui_list_dashes_align_under_the_colon(parts) -> None:
    root = xml(parts)
    label = paragraph(root, "Kính gửi:")
    items = [paragraph(root, "- Ủy ban nhân dân tỉnh"), paragraph(root, "- Sở Nội vụ")]
    label_left = int(attr(label, "w:pPr/w:ind", "left")) / TWIPS_PER_MM
    colon = label_left + measure.text_width_mm("Kính gửi", 14)
    for item in items:
        start = (
            int(attr(item, "w:pPr/w:ind", "left")) - int(attr(item, "w:pPr/w:ind", "hanging"))
        ) / TWIPS_PER_MM
        assert start == pytest.approx(colon, abs=0.1)
    assert text(items[0]).endswith(";") and text(items[1]).endswith(".")


def test_body_paragraphs_follow_the_profile(parts) -> None:
    p = paragraph(xml(parts), "Toàn huyện")
    assert attr(p, "w:pPr/w:jc", "val") == "both"
    assert attr(p, "w:pPr/w:ind", "firstLine") == "720"  # 1.27 cm, the profile's default
    assert int(attr(p, "w:pPr/w:spacing", "before")) >= 120
    assert 240 <= int(attr(p, "w:pPr/w:spacing", "line")) <= 360
    legal = paragraph(xml(parts), "Căn cứ")
    assert legal.find(".//w:rPr/w:i", NS) is not None and text(legal).endswith(".")


def test_real_word_footnotes(parts) -> None:
    assert "word/footnotes.xml" in parts
    types = etree.fromstring(parts["[Content_Types].xml"])
    assert any(
        o.get("PartName") == "/word/footnotes.xml"
        and o.get("ContentType").endswith("wordprocessingml.footnotes+xml")
        for o in types
    )
    notes = xml(parts, "word/footnotes.xml").findall("w:footnote", NS)
    assert [(n.get(f"{{{W}}}type"), n.get(f"{{{W}}}id")) for n in notes[:2]] == [
        ("separator", "-1"), ("continuationSeparator", "0"),
    ]  # fmt: skip
    assert text(notes[2]) == " Theo số liệu của Viễn thông Kon Tum."
    refs = list(xml(parts).iter(f"{{{W}}}footnoteReference"))
    assert [r.get(f"{{{W}}}id") for r in refs] == ["1"]
    run = refs[0].getparent()
    assert attr(run, "w:rPr/w:vertAlign", "val") == "superscript"
    assert attr(run, "w:rPr/w:rStyle", "val") == "FootnoteReference"
    styles = {s.get(f"{{{W}}}styleId") for s in xml(parts, "word/styles.xml").iter(f"{{{W}}}style")}
    assert {"FootnoteText", "FootnoteReference"} <= styles
    settings = xml(parts, "word/settings.xml")
    assert [f.get(f"{{{W}}}id") for f in settings.findall("w:footnotePr/w:footnote", NS)] == [
        "-1",
        "0",
    ]


def test_page_numbers_from_page_two_in_the_header_and_phu_luc_restarts(parts) -> None:
    sections = list(xml(parts).iter(f"{{{W}}}sectPr"))
    assert len(sections) == 2  # main document, one phụ lục
    for sect in sections:
        assert sect.find("w:titlePg", NS) is not None
        assert attr(sect, "w:pgNumType", "start") == "1"
        refs = {
            (ref.tag.split("}")[1], ref.get(f"{{{W}}}type")): ref.get(f"{{{R}}}id")
            for ref in sect
            if ref.tag.endswith("Reference")
        }
        default = part_of(parts, refs[("headerReference", "default")])
        instructions = "".join(t.text for t in default.iter(f"{{{W}}}instrText"))
        assert instructions.strip() == "PAGE"
        p = default.find("w:p", NS)
        assert attr(p, "w:pPr/w:jc", "val") == "center"
        assert attr(p, "w:r/w:rPr/w:sz", "val") == "28"
        first = part_of(parts, refs[("headerReference", "first")])
        assert text(first) == "" and not list(first.iter(f"{{{W}}}instrText"))
        for kind in ("default", "first"):
            footer = part_of(parts, refs[("footerReference", kind)])
            assert not list(footer.iter(f"{{{W}}}instrText"))
    main_first_footer = part_of(
        parts, sections[0].find("w:footerReference[@w:type='first']", NS).get(f"{{{R}}}id")
    )
    assert "Hùng Vương" in text(main_first_footer)
    assert main_first_footer.find(".//w:pBdr/w:top", NS) is not None
    appendix_first_footer = part_of(
        parts, sections[1].find("w:footerReference[@w:type='first']", NS).get(f"{{{R}}}id")
    )
    assert text(appendix_first_footer) == ""
    appendix = paragraph(xml(parts), "Phụ lục")
    assert text(appendix.getnext()) == "SỐ LIỆU CHI TIẾT"


def test_signer_block_is_one_unsplittable_row_kept_with_the_body(parts) -> None:
    root = xml(parts)
    table = root.find("w:body", NS).findall("w:tbl", NS)[-1]
    row = table.find("w:tr", NS)
    assert row.find("w:trPr/w:cantSplit", NS) is not None
    assert all(b.get(f"{{{W}}}val") == "nil" for b in table.find("w:tblPr/w:tblBorders", NS))
    previous = table.getprevious()
    assert text(previous).endswith("./.") and previous.find("w:pPr/w:keepNext", NS) is not None
    left, right = row.findall("w:tc", NS)
    label = left.find("w:p", NS)
    assert text(label) == "Nơi nhận:"
    assert attr(label, "w:r/w:rPr/w:sz", "val") == "24"
    assert (
        label.find("w:r/w:rPr/w:b", NS) is not None and label.find("w:r/w:rPr/w:i", NS) is not None
    )
    listed = [p for p in left.findall("w:p", NS)[1:]]
    assert [text(p) for p in listed][-1] == "- Lưu: VT, VP."
    assert all(attr(p, "w:r/w:rPr/w:sz", "val") == "22" for p in listed)
    lines = right.findall("w:p", NS)
    assert [text(p) for p in lines] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "",
        "Nguyễn Văn An",
    ]
    gap = int(attr(lines[3], "w:pPr/w:spacing", "line")) / TWIPS_PER_MM
    assert 25 <= gap <= 35
    assert attr(lines[3], "w:pPr/w:spacing", "lineRule") == "exact"


def test_drafts_keep_the_blanks_of_the_templates() -> None:
    root = xml(render(report().with_changes(number=None, date=None)))
    assert any(text(p) == "Số:      /BC-UBND" for p in root.iter(f"{{{W}}}p"))
    assert any(text(p) == "Đắk Glei, ngày    tháng    năm 2026" for p in root.iter(f"{{{W}}}p"))


def test_cong_van_puts_v_v_under_the_number_and_has_no_title_line() -> None:
    root = xml(render(cong_van()))
    row = root.find("w:body/w:tbl", NS).findall("w:tr", NS)[1]
    left = row.find("w:tc", NS)
    assert [text(p) for p in left.findall("w:p", NS)] == [
        "Số: 05/UBND-VP", "V/v triển khai chuyển đổi số năm 2026",
    ]  # fmt: skip
    v_v = left.findall("w:p", NS)[1]
    assert attr(v_v, "w:r/w:rPr/w:sz", "val") == "24" and v_v.find("w:r/w:rPr/w:b", NS) is None
    assert not any(text(p) == "CÔNG VĂN" for p in root.iter(f"{{{W}}}p"))


def test_core_properties_are_the_documents_and_nothing_personal(parts) -> None:
    core = parts["docProps/core.xml"].decode("utf-8")
    assert (
        "<dc:title>Kết quả chuyển đổi số quý I năm 2026 trên địa bàn huyện Đắk Glei</dc:title>"
        in core
    )
    assert "<dc:creator>Ủy ban nhân dân huyện Đắk Glei</dc:creator>" in core
    assert "2026-03-05T08:00:00Z" in core
    everything = b"".join(parts.values()).decode("utf-8", "replace")
    assert "python-docx" not in everything and "Macintosh" not in everything
    assert "docProps/thumbnail.jpeg" not in parts
    opened = docx.Document(io.BytesIO(render_to_bytes()))
    assert opened.core_properties.author == "Ủy ban nhân dân huyện Đắk Glei"
    assert abs(opened.sections[0].page_width - docx.shared.Mm(210)) < docx.shared.Mm(0.1)


def render_to_bytes() -> bytes:
    buffer = io.BytesIO()
    render_docx(build(report(), PROFILE, TODAY), buffer, timestamp=MOMENT)
    return buffer.getvalue()


def test_the_same_input_gives_the_same_xml() -> None:
    first, second = render(), render()
    for name in first:
        assert first[name] == second[name], name


def test_a_500_row_table_repeats_its_header_and_stays_inside_the_text_area() -> None:
    rows = ((TableCell(runs("STT")), TableCell(runs("Nội dung")), TableCell(runs("Kết quả"))),)
    rows += tuple(
        (TableCell(runs(str(i))), TableCell(runs(f"Hồ sơ {i}")), TableCell(runs("Đạt")))
        for i in range(1, 501)
    )
    big = Table(rows, header_rows=1, column_widths=(1, 6, 2))
    root = xml(render(report().with_changes(body=(big,))))
    table = root.find("w:body", NS).findall("w:tbl", NS)[1]
    trs = table.findall("w:tr", NS)
    assert len(trs) == 501
    assert trs[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(tr.find("w:trPr/w:tblHeader", NS) is None for tr in trs[1:])
    assert int(attr(table, "w:tblPr/w:tblW", "w")) <= round((210 - 45) * TWIPS_PER_MM) + 2


def test_footnotes_inside_tables_and_lists() -> None:
    note = FootnoteRef((Run("Số liệu đến 31/12."),))
    table = Table(((TableCell((Run("Tổng"), note)), TableCell(runs("5"))),), header_rows=0)
    body = (table, Paragraph((Run("Đoạn"), FootnoteRef((Run("Ghi chú thứ hai."),)), Run(" cuối."))))
    parts = render(report().with_changes(body=body))
    ids = [r.get(f"{{{W}}}id") for r in xml(parts).iter(f"{{{W}}}footnoteReference")]
    assert ids == ["1", "2"]
    notes = xml(parts, "word/footnotes.xml").findall("w:footnote", NS)[2:]
    assert [text(n).strip() for n in notes] == ["Số liệu đến 31/12.", "Ghi chú thứ hai."]


def test_long_agency_names_wrap_inside_their_column() -> None:
    long_name = (
        "Ban Chỉ đạo chuyển đổi số và phát triển chính quyền điện tử huyện Đắk Glei tỉnh Kon Tum"
    )
    root = xml(
        render(report().with_changes(issuing_agency=long_name, title="Về " + "việc rất dài " * 20))
    )
    table = root.find("w:body/w:tbl", NS)
    left = table.find("w:tr/w:tc", NS)
    inner = int(attr(left, "w:tcPr/w:tcW", "w")) / TWIPS_PER_MM - 2 * geometry.CELL_PADDING_MM
    issuing = next(p for p in left.findall("w:p", NS) if text(p).startswith("BAN CHỈ ĐẠO"))
    for piece in issuing.iter(f"{{{W}}}t"):
        assert measure.text_width_mm(piece.text, 13, bold=True) <= inner
    national = paragraph(root, "CỘNG HÒA")
    assert national.find(".//w:br", NS) is None
    core = render(report().with_changes(title="Về " + "việc rất dài " * 40))["docProps/core.xml"]
    assert "…</dc:title>" in core.decode("utf-8")


def test_characters_outside_times_new_roman_are_kept_not_dropped() -> None:
    root = xml(render(report().with_changes(body=(Paragraph(runs("Đạt ✓ chỉ tiêu 😀")),))))
    assert any("✓" in text(p) and "😀" in text(p) for p in root.iter(f"{{{W}}}p"))


def test_marks_and_drafter_initials() -> None:
    from desktop.model.document import Urgency

    root = xml(
        render(report().with_changes(urgency=Urgency.KHAN, drafter_initials="nva", copies=30))
    )
    mark = paragraph(root, "KHẨN")
    assert {b.tag.split("}")[1] for b in mark.find("w:pPr/w:pBdr", NS)} == {
        "top",
        "left",
        "bottom",
        "right",
    }
    assert any(text(p) == "- Lưu: VT, VP. NVA.(30)" for p in root.iter(f"{{{W}}}p"))


def test_every_document_kind_renders(tmp_path) -> None:
    for kind in DocumentKind:
        parts = render(report().with_changes(kind=kind))
        body = xml(parts).find("w:body", NS)
        assert re.search(r"Số: 05/", text(body))
