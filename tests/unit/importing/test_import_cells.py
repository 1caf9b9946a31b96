"""Header and closing lines cut or joined the ways copied text really cuts and joins them.

Each case is a line (or lines) as it stands in a published copy; the expected cells are written
out. See `real_like/README.md` for the sources of these shapes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.importing.closing_cells import closing_cells
from desktop.importing.header_repair import repair_wrapped_header
from desktop.importing.inline import plain
from desktop.importing.report import ReportBuilder
from desktop.importing.service import import_text
from desktop.importing.source import SourceLine
from desktop.importing.tab_tables import group_tab_tables
from desktop.importing.text_reader import read_lines


def _lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(plain(t), n) for n, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("raw", "cells"),
    [
        ("Nơi nhận: KT. GIÁM ĐỐC", ["Nơi nhận:", "KT. GIÁM ĐỐC"]),
        ("Nơi nhận: THỦ TRƯỞNG", ["Nơi nhận:", "THỦ TRƯỞNG"]),
        ("- Như trên; PHÓ GIÁM ĐỐC", ["- Như trên;", "PHÓ GIÁM ĐỐC"]),
        ("- Ban Dân vận Huyện ủy; CHỦ TỊCH", ["- Ban Dân vận Huyện ủy;", "CHỦ TỊCH"]),
        ("Nơi nhận: - Như Điều 3; - Bộ Công an (b/c); - Lưu: VT, NC.",
         ["Nơi nhận:", "- Như Điều 3;", "- Bộ Công an (b/c);", "- Lưu: VT, NC."]),
        ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Văn Nghiệm",
         ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Văn Nghiệm"]),
        ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Phạm Ngọc Thưởng",
         ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Phạm Ngọc Thưởng"]),
        ("TM. ỦY BAN NHÂN DÂN TỈNH CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN TỈNH", "CHỦ TỊCH"]),
        ("TL. GIÁM ĐỐC CHÁNH VĂN PHÒNG", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
        ("-\tSở TT&TT tỉnh;\tCHỦ TỊCH", ["- Sở TT&TT tỉnh;", "CHỦ TỊCH"]),
        ("- Như Điều 3; | TM. ỦY BAN NHÂN DÂN", ["- Như Điều 3;", "TM. ỦY BAN NHÂN DÂN"]),
        # Not to be cut: one entry, one title, a name.
        ("- TT Tỉnh ủy; TT HĐND tỉnh (b/c);", ["- TT Tỉnh ủy; TT HĐND tỉnh (b/c);"]),
        ("TRƯỞNG PHÒNG BƯU CHÍNH,", ["TRƯỞNG PHÒNG BƯU CHÍNH,"]),
        ("Nguyễn Văn Mười", ["Nguyễn Văn Mười"]),
    ],
)  # fmt: skip
def test_closing_lines_are_cut_into_cells(raw: str, cells: list[str]) -> None:
    found = [c.line.text.strip() for c in closing_cells(_lines(raw), 0, 1)]
    assert found == cells


def test_a_prefix_cut_from_its_line_is_joined_back() -> None:
    lines = _lines("TM.", "ỦY BAN NHÂN DÂN TỈNH", "KT. CHỦ TỊCH")
    assert [c.line.text for c in closing_cells(lines, 0, 3)] == [
        "TM. ỦY BAN NHÂN DÂN TỈNH", "KT. CHỦ TỊCH"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("pieces", "joined"),
    [
        (["CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (["CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM"], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (["ỦY", "BAN NHÂN DÂN"], "ỦY BAN NHÂN DÂN"),
        (["UỶ BAN NHÂN", "DÂN"], "UỶ BAN NHÂN DÂN"),
        (["Số:", "1312/KH-UBND"], "Số: 1312/KH-UBND"),
        (["Sơn", "La, ngày 11 tháng 3", "năm 2020"], "Sơn La, ngày 11 tháng 3 năm 2020"),
        (["Bến Tre, ngày", "28 tháng 3 năm 2013"], "Bến Tre, ngày 28 tháng 3 năm 2013"),
        (["Kon Tum, ngày 25", "tháng 01 năm 2024"], "Kon Tum, ngày 25 tháng 01 năm 2024"),
        (["Quảng Bình,", "ngày 25 tháng 5 năm 2015"], "Quảng Bình, ngày 25 tháng 5 năm 2015"),
        (["Bà Rịa - Vũng", "Tàu, ngày 08 tháng 01 năm 2023"],
         "Bà Rịa - Vũng Tàu, ngày 08 tháng 01 năm 2023"),
    ],
)  # fmt: skip
def test_wrapped_header_cells_are_joined(pieces: list[str], joined: str) -> None:
    lines = repair_wrapped_header(_lines(*pieces, "KẾ HOẠCH"), ReportBuilder())
    assert [line.text for line in lines] == [joined, "KẾ HOẠCH"]


def test_header_lines_that_stand_alone_are_not_joined() -> None:
    texts = ["UBND TỈNH BÌNH PHƯỚC", "SỞ NỘI VỤ", "Số: 169/BC-SNV",
             "Bình Phước, ngày 05 tháng 02 năm 2024", "BÁO CÁO"]  # fmt: skip
    assert [line.text for line in repair_wrapped_header(_lines(*texts), ReportBuilder())] == texts


@pytest.mark.parametrize(
    "date_cell",
    [["Lạng Sơn, ngày 13", "tháng 01 năm 2020"], ["Sơn", "La, ngày 11 tháng 3", "năm 2020"]],
)
def test_web_table_copy_gives_place_and_date(date_cell: list[str]) -> None:
    text = "\n".join(["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", "-------", "|", "CỘNG",
                      "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "|",
                      "Số: 68/KH-UBND", "|", *date_cell, "|", "KẾ HOẠCH",
                      "Triển khai thực hiện Chỉ thị số 37-CT/TW", "Nội dung kế hoạch."])  # fmt: skip
    doc = import_text(text).document
    assert doc.issuing_agency == "ỦY BAN NHÂN DÂN TỈNH SƠN LA"
    assert doc.number == 68
    assert doc.date is not None and doc.date.year == 2020 and doc.place.endswith(("La", "Sơn"))
    assert doc.title == "Triển khai thực hiện Chỉ thị số 37-CT/TW"


def test_pipe_marks_of_a_web_copy_end_cells() -> None:
    lines = read_lines("Số: 52/QĐ-UBND |\nLạng Sơn, ngày 05 tháng 9 năm 2018 |\n|\nQUYẾT ĐỊNH\n")
    assert [(line.text, line.blank_before) for line in lines] == [
        ("Số: 52/QĐ-UBND", False),
        ("Lạng Sơn, ngày 05 tháng 9 năm 2018", True),
        ("QUYẾT ĐỊNH", True),
    ]


def test_indentation_is_kept_for_layout_text() -> None:
    lines = read_lines("      Thực hiện Kế hoạch số 36/KH-UBND\nnăm 2023, Sở báo cáo.\n")
    assert [line.indent for line in lines] == [6, 0]


def test_tab_rows_become_a_table_but_numbered_lines_do_not() -> None:
    lines = _lines("1.\tChính quyền số", "STT\tChỉ tiêu\tKế hoạch", "1\tCáp quang\t80%",
                   "-\tTỷ lệ hồ sơ trực tuyến: 92%.")  # fmt: skip
    out = group_tab_tables(lines, ReportBuilder())
    assert [line.table is not None for line in out] == [False, True, False]
    table = out[1].table
    assert table is not None and table.header_rows == 1
    assert [[c.text for c in row] for row in table.rows] == [
        ["STT", "Chỉ tiêu", "Kế hoạch"], ["1", "Cáp quang", "80%"]
    ]  # fmt: skip


def test_one_tab_line_alone_stays_a_paragraph() -> None:
    out = group_tab_tables(_lines("Tổng cộng\t1.250.000.000 đồng", "Hết."), ReportBuilder())
    assert all(line.table is None for line in out)


def test_date_of_joined_cells_is_real() -> None:
    doc = import_text(
        "UBND XÃ AN HẢI Xuân Hội, ngày 15 tháng 02 năm 2024\nBÁO CÁO\nTóm tắt\n"
    ).document
    assert (doc.place, doc.date) == ("Xuân Hội", dt.date(2024, 2, 15))
