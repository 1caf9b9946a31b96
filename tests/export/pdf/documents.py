"""Documents built with the model for the PDF tests and the benchmark (no tests here).

Each one exercises a part of the layout: a full report (header, Kính gửi list, căn cứ, headings
of every level, lists, a table with a spanned cell, footnotes, signer TM./KT., Nơi nhận, footer
address, two phụ lục), a công văn with an urgency mark, a draft plan with blank number and date,
a stress document (300-row table, 60 footnotes, unbreakable words) and a 30-page report.
"""

from __future__ import annotations

import datetime as dt

from desktop.model.document import (
    Appendix,
    AuthorityLine,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    Inline,
    ListItem,
    ListMarker,
    Paragraph,
    Run,
    SignerBlock,
    SignerPrefix,
    Table,
    TableCell,
    Urgency,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import Margins, OfficeProfile

TODAY = dt.date(2024, 6, 20)
CREATED = dt.datetime(2024, 6, 20, 9, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
PRODUCER = "baocao 0.1.0 (kiểm thử)"

SIGNER = SignerBlock(
    (
        AuthorityLine("Ủy ban nhân dân", SignerPrefix.TM),
        AuthorityLine("Chủ tịch", SignerPrefix.KT),
        AuthorityLine("Phó Chủ tịch"),
    ),
    "Trần Tuyết Minh",
)

SENTENCE = (
    "Ủy ban nhân dân huyện đã chỉ đạo các phòng, ban chuyên môn và Ủy ban nhân dân các xã, thị "
    "trấn triển khai đồng bộ các nhiệm vụ, giải pháp về chuyển đổi số, ứng dụng trí tuệ nhân tạo "
    "trong cải cách hành chính, bảo đảm đúng tiến độ và chất lượng đề ra"
)


def profile(*, margins: Margins | None = None) -> OfficeProfile:
    return OfficeProfile(
        parent_agency="UBND tỉnh Hà Tĩnh",
        issuing_agency="Ủy ban nhân dân huyện Nghi Xuân",
        agency_abbr="UBND",
        margins=margins or Margins(),
    )


def note(text: str) -> FootnoteRef:
    return FootnoteRef((Run(text),))


def paragraph(*parts: str | Inline) -> Paragraph:
    return Paragraph(tuple(Run(p) if isinstance(p, str) else p for p in parts))


def _table(rows: int, *, with_span: bool = True) -> Table:
    header = (TableCell(runs("STT")), TableCell(runs("Nhiệm vụ")), TableCell(runs("Kết quả")))
    body = []
    for i in range(rows):
        body.append(
            (
                TableCell(runs(str(i + 1))),
                TableCell(runs(f"Triển khai nhiệm vụ số {i + 1} về chuyển đổi số cấp xã")),
                TableCell(runs("Hoàn thành" if i % 3 else "Đang thực hiện")),
            )
        )
    if with_span:
        body.append(
            (TableCell(runs("Tổng cộng: các nhiệm vụ đã triển khai"), col_span=3, bold=True),)
        )
    return Table((header, *body), header_rows=1, column_widths=(1, 6, 2.5))


def full_report() -> Document:
    body = (
        paragraph(
            "Thực hiện Kế hoạch số 165/KH-UBND ngày 12/5/2021 của Ủy ban nhân dân tỉnh",
            note("Kế hoạch thực hiện Chiến lược quốc gia về trí tuệ nhân tạo trên địa bàn tỉnh."),
            "; Ủy ban nhân dân huyện báo cáo kết quả như sau:",
        ),
        Heading(HeadingLevel.ROMAN, runs("Kết quả đạt được")),
        Heading(HeadingLevel.ARABIC, runs("Công tác chỉ đạo, điều hành")),
        paragraph(
            SENTENCE,
            "; ",
            Run("kết quả nổi bật", bold=True),
            " là ",
            Run("tỷ lệ hồ sơ trực tuyến đạt 92,5%", italic=True),
            ".",
        ),
        ListItem(ListMarker.DASH, runs("Ban hành 12 văn bản chỉ đạo, hướng dẫn")),
        ListItem(
            ListMarker.PLUS,
            (
                Run("Văn bản số 1327/UBND-KT&HT ngày 26/7/2021"),
                note("Về việc triển khai Kế hoạch 165/KH-UBND."),
            ),
        ),
        Heading(HeadingLevel.LETTER, runs("về nhân lực")),
        paragraph(SENTENCE, "."),
        Table(
            (
                (
                    TableCell(runs("Chỉ tiêu")),
                    TableCell(runs("Năm 2021")),
                    TableCell(runs("Năm 2022")),
                ),
                (
                    TableCell(runs("Hồ sơ trực tuyến (%)")),
                    TableCell(runs("85,0")),
                    TableCell(runs("92,5")),
                ),
                (
                    TableCell((Run("Cán bộ được đào tạo"), note("Số liệu của Phòng Nội vụ."))),
                    TableCell(runs("120")),
                    TableCell(runs("210")),
                ),
                (TableCell(runs("Ghi chú: số liệu đến ngày 14/12"), col_span=3),),
            ),
            header_rows=1,
            column_widths=(3, 1, 1),
            caption="Bảng 1. Một số chỉ tiêu",
        ),
        Heading(HeadingLevel.ROMAN, runs("Phương hướng, nhiệm vụ năm 2022")),
        *(paragraph(f"{i}. ", SENTENCE, ".") for i in range(1, 6)),
    )
    return Document(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng trí tuệ nhân tạo đến năm 2030",
        parent_agency="UBND tỉnh Hà Tĩnh",
        issuing_agency="Ủy ban nhân dân huyện Nghi Xuân",
        agency_abbr="UBND",
        number=169,
        place="Nghi Xuân",
        date=dt.date(2021, 12, 5),
        recipients=("Sở Khoa học và Công nghệ tỉnh Hà Tĩnh", "Sở Thông tin và Truyền thông tỉnh Hà Tĩnh"),
        legal_bases=("Căn cứ Quyết định số 127/QĐ-TTg ngày 26/01/2021 của Thủ tướng Chính phủ",),
        body=body,
        closing="Trên đây là báo cáo kết quả thực hiện của Ủy ban nhân dân huyện",
        signer=SIGNER,
        distribution=("Như trên", "TT Huyện ủy, TT HĐND huyện", "Lãnh đạo UBND huyện"),
        archive_note="KT&HT",
        drafter_initials="NVA",
        copies=5,
        footer_address="Địa chỉ: Thị trấn Xuân An, huyện Nghi Xuân, tỉnh Hà Tĩnh; ĐT: 0239.3820.123",
        appendices=(
            Appendix("Danh mục nhiệm vụ năm 2022", (_table(12),)),
            Appendix("Kinh phí thực hiện", (paragraph(SENTENCE, "."),) * 40),
        ),
    )  # fmt: skip


def cong_van() -> Document:
    return Document(
        kind=DocumentKind.CONG_VAN,
        title="triển khai ứng dụng trí tuệ nhân tạo trong cải cách hành chính",
        parent_agency="UBND tỉnh Hà Tĩnh",
        issuing_agency="Ủy ban nhân dân huyện Nghi Xuân",
        agency_abbr="UBND",
        unit_abbr="KT&HT",
        number=5,
        place="Nghi Xuân",
        date=dt.date(2024, 2, 1),
        urgency=Urgency.THUONG_KHAN,
        recipients=("Ủy ban nhân dân các xã, thị trấn",),
        body=(paragraph(SENTENCE, "."), paragraph(SENTENCE, ".")),
        signer=SignerBlock((AuthorityLine("Chủ tịch", SignerPrefix.KT), AuthorityLine("Phó Chủ tịch")), "Nguyễn Văn An"),
        distribution=("Như trên",),
        archive_note="KT&HT",
    )  # fmt: skip


def draft_plan() -> Document:
    return Document(
        kind=DocumentKind.KE_HOACH,
        title="Triển khai thực hiện Chiến lược quốc gia về trí tuệ nhân tạo",
        parent_agency="",
        issuing_agency="Ủy ban nhân dân tỉnh Bình Phước",
        agency_abbr="UBND",
        number=None,
        place="Bình Phước",
        date=None,
        body=(
            Heading(HeadingLevel.ROMAN, runs("Mục đích, yêu cầu")),
            *(paragraph(SENTENCE, ".") for _ in range(3)),
        ),
        signer=SignerBlock((AuthorityLine("Chủ tịch", SignerPrefix.KT), AuthorityLine("Phó Chủ tịch")), "Trần Tuyết Minh"),
        distribution=("Văn phòng Chính phủ", "Bộ Khoa học và Công nghệ"),
        archive_note="PVX",
    )  # fmt: skip


LONG_URL = "https://dichvucong.hatinh.gov.vn/portal/p/home/thu-tuc-hanh-chinh/chi-tiet-thu-tuc-hanh-chinh-cap-huyen-linh-vuc-chuyen-doi-so-va-tri-tue-nhan-tao-2024.html"
LONG_NUMBER = "9704" * 30


def stress_document() -> Document:
    """300-row table, 60 footnotes, unbreakable words in body, table and footnotes."""
    body: list[object] = [Heading(HeadingLevel.ROMAN, runs("Số liệu chi tiết"))]
    for i in range(60):
        body.append(
            paragraph(
                f"Nội dung {i + 1}: ", SENTENCE, f" tại {LONG_URL}" if i % 10 == 0 else "", ".",
                note(f"Nguồn số liệu {i + 1}: báo cáo của Ủy ban nhân dân xã, tài khoản {LONG_NUMBER if i % 15 == 0 else i}."),
            )
        )  # fmt: skip
        if i == 20:
            body.append(_table(300))
            rows = [(TableCell(runs("Mã")), TableCell(runs("Đường dẫn")))]
            rows += [(TableCell(runs(LONG_NUMBER)), TableCell(runs(LONG_URL))) for _ in range(3)]
            body.append(Table(tuple(rows), header_rows=1, column_widths=(1, 1)))
    return full_report().with_changes(body=tuple(body), appendices=())  # type: ignore[arg-type]


def thirty_page_report() -> Document:
    """About 30 pages: headings, paragraphs, 20 footnotes, 5 tables (the benchmark's report)."""
    body: list[object] = []
    notes = 0
    for part in range(5):
        body.append(Heading(HeadingLevel.ROMAN, runs(f"Nội dung phần {part + 1}")))
        for section in range(4):
            body.append(Heading(HeadingLevel.ARABIC, runs(f"Nhiệm vụ {section + 1}")))
            for k in range(6):
                parts: list[str | Inline] = [SENTENCE, "; ", SENTENCE, "."]
                if notes < 20 and k == 2:
                    notes += 1
                    parts.append(
                        note(f"Chú thích {notes}: số liệu tổng hợp từ báo cáo của các xã.")
                    )
                body.append(paragraph(*parts))
                if k == 3:
                    body.append(ListItem(ListMarker.DASH, runs(SENTENCE + ";")))
        body.append(_table(25))
    return full_report().with_changes(body=tuple(body), appendices=())  # type: ignore[arg-type]
