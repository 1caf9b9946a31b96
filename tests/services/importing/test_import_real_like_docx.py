"""Word files structured the way offices make them, built here part by part.

* A công văn of a Sở: a one-row header table (agency, Số, and a two-line V/v in the left cell),
  Kính gửi in a borderless table of its own, Word numbering (`1.`, bullets), real footnotes,
  the signer cell with its two title lines in one paragraph (a line break) and `(Đã ký)`.
* A quyết định: Word numbering with `Điều %1.` as the level text, `1.` under it, the authority
  line and `QUYẾT ĐỊNH:` before the articles, `Như Điều 3` in the Nơi nhận cell.
* A báo cáo typed without tables: header and closing set with tab stops, outline numbering,
  a body table and a phụ lục after the signer.

For each, the recognised fields are written out and the body's words, as Word shows them
(numbering labels included), must reach the layout (ratio ≥ 0.99).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.importing.service import ImportResult, import_file
from desktop.model.document import FootnoteRef, Heading, HeadingLevel, ListItem, SignerPrefix, Table
from desktop.model.kinds import DocumentKind
from tests.services.importing.docx_builder import DocxBuilder
from tests.services.importing.fidelity import similarity
from tests.unit.importing.real_like_words import layout_words

B, I = {"bold": True}, {"italic": True}  # noqa: E741 - run formats, as in the builder

CONG_VAN_BODY = [
    "Thực hiện Công văn số 2650/BYT-DP ngày 20/5/2024 của Bộ Y tế về tăng cường phòng, chống "
    "dịch bệnh mùa hè, Sở Y tế đề nghị các đơn vị triển khai các nội dung sau:",
    "Theo dõi chặt chẽ tình hình dịch bệnh trên địa bàn; chủ động xử lý ổ dịch.",
    "Bảo đảm thuốc, vật tư, trang thiết bị phục vụ điều trị:",
    "Cơ số thuốc dự phòng tại các trạm y tế xã;",
    "Giường bệnh hồi sức tích cực tại bệnh viện tuyến tỉnh.",
    "Báo cáo kết quả thực hiện về Sở Y tế (qua Phòng Nghiệp vụ Y) trước ngày 30/6/2024.",
]


def build_cong_van(path: Path) -> Path:
    b = DocxBuilder()
    b.two_column_table([
        (["UBND TỈNH QUẢNG NGÃI", [("SỞ Y TẾ", B)], "Số: 2215/SYT-NVY",
          "V/v tăng cường phòng, chống dịch\nbệnh mùa hè năm 2024"],
         [[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B)], [("Độc lập - Tự do - Hạnh phúc", B)], "",
          [("Quảng Ngãi, ngày 03 tháng 6 năm 2024", I)]]),
    ])  # fmt: skip
    b.two_column_table(
        [(["Kính gửi:"], ["- Trung tâm Y tế các huyện, thị xã, thành phố;",
                          "- Các bệnh viện tuyến tỉnh."])], center=False,
    )  # fmt: skip
    opening = b.paragraph(CONG_VAN_BODY[0])
    b.footnote(opening, "Công văn số 2650/BYT-DP ngày 20/5/2024 của Bộ Y tế.")
    numbers = b.outline_numbering([("decimal", "%1."), ("lowerLetter", "%2)")])
    bullets = b.outline_numbering([("bullet", "-"), ("bullet", "+")])
    b.paragraph(CONG_VAN_BODY[1], numbering=(numbers, 0))
    b.paragraph(CONG_VAN_BODY[2], numbering=(numbers, 0))
    b.paragraph(CONG_VAN_BODY[3], numbering=(bullets, 0))
    beds = b.paragraph(CONG_VAN_BODY[4], numbering=(bullets, 0))
    b.footnote(beds, "Theo Quyết định số 1127/QĐ-SYT ngày 12/4/2024 của Sở Y tế.")
    b.paragraph(CONG_VAN_BODY[5], numbering=(numbers, 0))
    b.paragraph("Trân trọng./.")
    b.two_column_table(
        [([[("Nơi nhận:", {"bold": True, "italic": True})], "- Như trên;", "- UBND tỉnh (b/c);",
           "- Giám đốc Sở;", "- Lưu: VT, NVY."],
          [[("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", B)], "", "", [("(Đã ký)", I)], "",
           [("Trần Văn Lượng", B)]])],
        center=False,
    )  # fmt: skip
    return b.save(path)


DECISION_ARTICLES = [
    "Kiện toàn Ban Chỉ đạo chuyển đổi số huyện Mộ Đức (sau đây gọi tắt là Ban Chỉ đạo), gồm "
    "các ông, bà có tên sau:",
    "Nhiệm vụ của Ban Chỉ đạo: giúp Chủ tịch UBND huyện chỉ đạo, điều phối các hoạt động "
    "chuyển đổi số trên địa bàn huyện.",
    "Quyết định này có hiệu lực kể từ ngày ký.",
]
DECISION_MEMBERS = [
    "Ông Nguyễn Văn Tấn, Chủ tịch UBND huyện - Trưởng ban;",
    "Bà Lê Thị Hồng, Phó Chủ tịch UBND huyện - Phó Trưởng ban thường trực;",
    "Ông Phạm Minh Tuấn, Trưởng phòng Văn hóa và Thông tin - Thành viên.",
]
DECISION_OPENING = [
    "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN MỘ ĐỨC",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Quyết định số 942/QĐ-TTg ngày 15 tháng 6 năm 2021 của Thủ tướng Chính phủ;",
    "Theo đề nghị của Trưởng phòng Văn hóa và Thông tin huyện.",
    "QUYẾT ĐỊNH:",
]
DECISION_CLOSING = (
    "Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Văn hóa và Thông tin, Thủ trưởng các cơ "
    "quan, đơn vị có liên quan và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết "
    "định này"
)


def build_decision(path: Path) -> Path:
    b = DocxBuilder()
    b.two_column_table([
        ([[("ỦY BAN NHÂN DÂN", B)], [("HUYỆN MỘ ĐỨC", B)]],
         [[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B)], [("Độc lập - Tự do - Hạnh phúc", B)]]),
        (["Số: 1125/QĐ-UBND"], [[("Mộ Đức, ngày 18 tháng 7 năm 2024", I)]]),
    ])  # fmt: skip
    b.paragraph("QUYẾT ĐỊNH", bold=True, center=True)
    b.paragraph("Về việc kiện toàn Ban Chỉ đạo chuyển đổi số huyện Mộ Đức", bold=True, center=True)
    b.paragraph(DECISION_OPENING[0], bold=True, center=True)
    for basis in DECISION_OPENING[1:4]:
        b.paragraph(basis, italic=True)
    b.paragraph(DECISION_OPENING[4], bold=True, center=True)
    articles = b.outline_numbering([("decimal", "Điều %1."), ("decimal", "%2.")])
    first = b.paragraph(DECISION_ARTICLES[0], numbering=(articles, 0))
    b.footnote(first, "Thay thế Quyết định số 512/QĐ-UBND ngày 10/3/2022 của Chủ tịch UBND huyện.")
    for member in DECISION_MEMBERS:
        b.paragraph(member, numbering=(articles, 1))
    b.paragraph(DECISION_ARTICLES[1], numbering=(articles, 0))
    b.paragraph(DECISION_ARTICLES[2], numbering=(articles, 0))
    b.paragraph(DECISION_CLOSING + "./.")
    b.two_column_table(
        [([[("Nơi nhận:", {"bold": True, "italic": True})], "- Như Điều 3;", "- Sở TT&TT tỉnh;",
           "- TT Huyện ủy, TT HĐND huyện;", "- Lưu: VT, VHTT."],
          [[("CHỦ TỊCH", B)], "", "", "", [("Nguyễn Văn Tấn", B)]])],
        center=False,
    )  # fmt: skip
    return b.save(path)


def build_tabbed_report(path: Path) -> Path:
    b = DocxBuilder()
    b.paragraph([("UBND XÃ PHỔ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B)])
    b.paragraph([("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ\tĐộc lập - Tự do - Hạnh phúc", B)])
    b.paragraph([("Số: 15/BC-BCĐ\t", {}), ("Phổ An, ngày 20 tháng 12 năm 2023", I)])
    b.paragraph("BÁO CÁO", bold=True, center=True)
    b.paragraph("Kết quả hoạt động của Tổ công nghệ số cộng đồng năm 2023", bold=True, center=True)
    outline = b.outline_numbering(
        [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
    )
    b.paragraph(
        "Thực hiện Kế hoạch số 09/KH-BCĐ ngày 15/02/2023 của Ban Chỉ đạo chuyển đổi số xã, Ban "
        "Chỉ đạo báo cáo kết quả hoạt động của Tổ công nghệ số cộng đồng năm 2023 như sau:"
    )
    b.paragraph("KẾT QUẢ THỰC HIỆN", bold=True, numbering=(outline, 0))
    b.paragraph("Kiện toàn tổ chức", bold=True, numbering=(outline, 1))
    teams = b.paragraph(
        "Toàn xã có 08 Tổ công nghệ số cộng đồng với 56 thành viên, hoạt động tại 08 thôn."
    )
    b.footnote(teams, "Quyết định số 101/QĐ-UBND ngày 01/3/2023 của UBND xã Phổ An.")
    b.paragraph("Kết quả hỗ trợ người dân", bold=True, numbering=(outline, 1))
    b.paragraph("Hướng dẫn cài đặt ứng dụng VNeID cho 2.150 người dân;", numbering=(outline, 2))
    b.paragraph("Hỗ trợ nộp 860 hồ sơ dịch vụ công trực tuyến.", numbering=(outline, 2))
    b.table([["TT", "Thôn", "Số lượt hỗ trợ"], ["1", "An Thổ", "420"], ["2", "Vĩnh Xuân", "385"]])
    b.paragraph("NHIỆM VỤ NĂM 2024", bold=True, numbering=(outline, 0))
    b.paragraph(
        "Tiếp tục duy trì hoạt động của các Tổ công nghệ số cộng đồng; đẩy mạnh thanh toán "
        "không dùng tiền mặt./."
    )
    b.paragraph([("Nơi nhận:", {"bold": True, "italic": True}), ("\t", {}), ("TRƯỞNG BAN", B)])
    b.paragraph("- UBND huyện (b/c);")
    b.paragraph("- Đảng ủy, HĐND xã;")
    b.paragraph("- Lưu: VT.")
    b.paragraph("")
    b.paragraph([("\tPHÓ CHỦ TỊCH UBND XÃ", B)])
    b.paragraph([("\tVõ Minh Hiếu", B)])
    b.paragraph("PHỤ LỤC", bold=True, center=True)
    b.paragraph("DANH SÁCH TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", bold=True, center=True)
    b.paragraph(
        "(Kèm theo Báo cáo số 15/BC-BCĐ ngày 20/12/2023 của Ban Chỉ đạo chuyển đổi số xã)",
        italic=True, center=True,
    )  # fmt: skip
    b.table([["TT", "Tổ", "Tổ trưởng"], ["1", "Thôn An Thổ", "Nguyễn Văn Hòa"]])
    return b.save(path)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ImportResult]:
    folder = tmp_path_factory.mktemp("real-like-docx")
    return {
        "cong-van": import_file(build_cong_van(folder / "cong-van.docx")),
        "quyet-dinh": import_file(build_decision(folder / "quyet-dinh.docx")),
        "bao-cao": import_file(build_tabbed_report(folder / "bao-cao.docx")),
    }


def test_cong_van_header_table_with_vv_and_kinh_gui_table(made: dict[str, ImportResult]) -> None:
    doc = made["cong-van"].document
    assert doc.kind is DocumentKind.CONG_VAN
    assert (doc.parent_agency, doc.issuing_agency) == ("UBND TỈNH QUẢNG NGÃI", "SỞ Y TẾ")
    assert (doc.number, doc.agency_abbr, doc.unit_abbr) == (2215, "SYT", "NVY")
    assert (doc.place, doc.date) == ("Quảng Ngãi", dt.date(2024, 6, 3))
    assert doc.title == "tăng cường phòng, chống dịch bệnh mùa hè năm 2024"
    assert doc.recipients == (
        "Trung tâm Y tế các huyện, thị xã, thành phố", "Các bệnh viện tuyến tỉnh"
    )  # fmt: skip


def test_cong_van_body_notes_and_closing(made: dict[str, ImportResult]) -> None:
    doc = made["cong-van"].document
    headings = [(b.level, b.text, b.titled) for b in doc.body if isinstance(b, Heading)]
    assert headings == [
        (HeadingLevel.ARABIC, CONG_VAN_BODY[1], False),
        (HeadingLevel.ARABIC, CONG_VAN_BODY[2], True),
        (HeadingLevel.ARABIC, CONG_VAN_BODY[5], False),
    ]
    assert [b.text for b in doc.body if isinstance(b, ListItem)] == CONG_VAN_BODY[3:5]
    notes = [
        (b.text, i.plain_text)
        for b in doc.body
        for i in getattr(b, "content", ())
        if isinstance(i, FootnoteRef)
    ]
    assert [(text, note) for text, note in notes] == [
        (CONG_VAN_BODY[0], "Công văn số 2650/BYT-DP ngày 20/5/2024 của Bộ Y tế."),
        (CONG_VAN_BODY[4], "Theo Quyết định số 1127/QĐ-SYT ngày 12/4/2024 của Sở Y tế."),
    ]
    # Each mark stands at the end of its paragraph, where Word put it.
    assert all(isinstance(b.content[-1], FootnoteRef) for b in doc.body
               if any(isinstance(i, FootnoteRef) for i in getattr(b, "content", ())))  # fmt: skip
    assert doc.closing == "Trân trọng"
    assert doc.distribution == ("Như trên", "UBND tỉnh (b/c)", "Giám đốc Sở")
    assert doc.archive_note == "NVY"
    assert [(a.prefix, a.text) for a in doc.signer.lines] == [
        (SignerPrefix.KT, "GIÁM ĐỐC"), (None, "PHÓ GIÁM ĐỐC")
    ]  # fmt: skip
    assert doc.signer.name == "Trần Văn Lượng"
    expected = " ".join([CONG_VAN_BODY[0], "1.", CONG_VAN_BODY[1], "2.", CONG_VAN_BODY[2],
                         "-", CONG_VAN_BODY[3], "-", CONG_VAN_BODY[4], "3.", CONG_VAN_BODY[5],
                         "Trân trọng./."])  # fmt: skip
    assert similarity(expected.casefold().split(), layout_words(doc)) >= 0.99


def test_decision_articles_from_word_numbering(made: dict[str, ImportResult]) -> None:
    doc = made["quyet-dinh"].document
    assert doc.kind is DocumentKind.QUYET_DINH
    assert (doc.issuing_agency, doc.number, doc.agency_abbr) == (
        "ỦY BAN NHÂN DÂN HUYỆN MỘ ĐỨC", 1125, "UBND"
    )  # fmt: skip
    assert (doc.place, doc.date) == ("Mộ Đức", dt.date(2024, 7, 18))
    assert doc.title == "Về việc kiện toàn Ban Chỉ đạo chuyển đổi số huyện Mộ Đức"
    # The authority line, the căn cứ (with "Theo đề nghị …") and `QUYẾT ĐỊNH:` are recognised:
    # the first two become fields, the decision line is the renderer's to print.
    assert doc.authority == DECISION_OPENING[0]
    assert doc.legal_bases == tuple(b[:-1] for b in DECISION_OPENING[1:4])
    assert not any(b.text == "QUYẾT ĐỊNH:" for b in doc.body if not isinstance(b, Table))
    headings = [(b.level, b.text, b.titled) for b in doc.body if isinstance(b, Heading)]
    assert headings == [
        (HeadingLevel.ARTICLE, DECISION_ARTICLES[0], True),
        *[(HeadingLevel.ARABIC, m, False) for m in DECISION_MEMBERS],
        (HeadingLevel.ARTICLE, DECISION_ARTICLES[1], True),
        (HeadingLevel.ARTICLE, DECISION_ARTICLES[2], True),
    ]
    first = next(b for b in doc.body if isinstance(b, Heading))
    assert [i.plain_text for i in first.content if isinstance(i, FootnoteRef)] == [
        "Thay thế Quyết định số 512/QĐ-UBND ngày 10/3/2022 của Chủ tịch UBND huyện."
    ]
    assert doc.closing == DECISION_CLOSING
    assert doc.distribution == ("Như Điều 3", "Sở TT&TT tỉnh", "TT Huyện ủy, TT HĐND huyện")
    assert [(a.prefix, a.text) for a in doc.signer.lines] == [(None, "CHỦ TỊCH")]
    assert doc.signer.name == "Nguyễn Văn Tấn"
    shown = [*DECISION_OPENING, "Điều 1.", DECISION_ARTICLES[0]]
    shown += [f"{n}. {m}" for n, m in enumerate(DECISION_MEMBERS, start=1)]
    shown += ["Điều 2.", DECISION_ARTICLES[1], "Điều 3.", DECISION_ARTICLES[2],
              DECISION_CLOSING + "./."]  # fmt: skip
    assert similarity(" ".join(shown).casefold().split(), layout_words(doc)) >= 0.99


def test_report_typed_with_tab_stops(made: dict[str, ImportResult]) -> None:
    doc = made["bao-cao"].document
    assert doc.kind is DocumentKind.BAO_CAO
    assert (doc.parent_agency, doc.issuing_agency) == (
        "UBND XÃ PHỔ AN",
        "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ",
    )
    assert (doc.number, doc.agency_abbr) == (15, "BCĐ")
    assert (doc.place, doc.date) == ("Phổ An", dt.date(2023, 12, 20))
    assert doc.title == "Kết quả hoạt động của Tổ công nghệ số cộng đồng năm 2023"
    headings = [(b.level, b.text) for b in doc.body if isinstance(b, Heading)]
    assert headings == [
        (HeadingLevel.ROMAN, "KẾT QUẢ THỰC HIỆN"),
        (HeadingLevel.ARABIC, "Kiện toàn tổ chức"),
        (HeadingLevel.ARABIC, "Kết quả hỗ trợ người dân"),
        (HeadingLevel.LETTER, "Hướng dẫn cài đặt ứng dụng VNeID cho 2.150 người dân;"),
        (HeadingLevel.LETTER, "Hỗ trợ nộp 860 hồ sơ dịch vụ công trực tuyến."),
        (HeadingLevel.ROMAN, "NHIỆM VỤ NĂM 2024"),
    ]
    assert [(t.column_count, len(t.rows)) for t in doc.body if isinstance(t, Table)] == [(3, 3)]
    assert doc.distribution == ("UBND huyện (b/c)", "Đảng ủy, HĐND xã")
    assert [(a.prefix, a.text) for a in doc.signer.lines] == [
        (None, "TRƯỞNG BAN"), (None, "PHÓ CHỦ TỊCH UBND XÃ")
    ]  # fmt: skip
    assert doc.signer.name == "Võ Minh Hiếu"
    (appendix,) = doc.appendices
    assert appendix.title == "DANH SÁCH TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG"
    assert appendix.reference.startswith("Kèm theo Báo cáo số 15/BC-BCĐ")
    assert [type(b) for b in appendix.body] == [Table]
    shown = (
        "Thực hiện Kế hoạch số 09/KH-BCĐ ngày 15/02/2023 của Ban Chỉ đạo chuyển đổi số xã, Ban "
        "Chỉ đạo báo cáo kết quả hoạt động của Tổ công nghệ số cộng đồng năm 2023 như sau: "
        "I. KẾT QUẢ THỰC HIỆN 1. Kiện toàn tổ chức Toàn xã có 08 Tổ công nghệ số cộng đồng với 56 "
        "thành viên, hoạt động tại 08 thôn. 2. Kết quả hỗ trợ người dân a) Hướng dẫn cài đặt ứng "
        "dụng VNeID cho 2.150 người dân; b) Hỗ trợ nộp 860 hồ sơ dịch vụ công trực tuyến. TT Thôn "
        "Số lượt hỗ trợ 1 An Thổ 420 2 Vĩnh Xuân 385 II. NHIỆM VỤ NĂM 2024 Tiếp tục duy trì hoạt "
        "động của các Tổ công nghệ số cộng đồng; đẩy mạnh thanh toán không dùng tiền mặt./."
    )
    assert similarity(shown.casefold().split(), layout_words(doc)) >= 0.99
