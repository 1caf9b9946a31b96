"""One realistic document per kind the app writes (no tests here).

Used by the per-kind export tests and by `benchmarks/kinds_render.py`, which exports each of them to
DOCX and PDF for comparing with the matching Mẫu of Phụ lục III (Nghị định 30/2020). The texts
follow the shape of real documents of a commune / provincial department after the 2025 two-tier
reform: the kinds' own openings ("Căn cứ …", "Thực hiện …"), their signer blocks and Nơi nhận.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
    Table,
    TableCell,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import OfficeProfile

TODAY = dt.date(2025, 9, 15)
DATE = dt.date(2025, 9, 12)

UBND_XA = dict(
    parent_agency="UBND tỉnh Hà Tĩnh",
    issuing_agency="Ủy ban nhân dân xã Tiên Điền",
    agency_abbr="UBND",
    place="Tiên Điền",
)
CHAIRMAN = SignerBlock(
    (AuthorityLine("Ủy ban nhân dân", SignerPrefix.TM), AuthorityLine("Chủ tịch")),
    "Nguyễn Văn Hùng",
)
DEPUTY = SignerBlock(
    (
        AuthorityLine("Ủy ban nhân dân", SignerPrefix.TM),
        AuthorityLine("Chủ tịch", SignerPrefix.KT),
        AuthorityLine("Phó Chủ tịch"),
    ),
    "Trần Thị Lan",
)
CHAIRMAN_OWN = SignerBlock((AuthorityLine("Chủ tịch"),), "Nguyễn Văn Hùng")


def profile() -> OfficeProfile:
    return OfficeProfile(
        parent_agency=UBND_XA["parent_agency"],
        issuing_agency=UBND_XA["issuing_agency"],
        agency_abbr="UBND",
        unit_abbr="VP",
        place="Tiên Điền",
    )


def p(text: str) -> Paragraph:
    return Paragraph(runs(text))


def h(level: HeadingLevel, text: str, *, titled: bool = True) -> Heading:
    return Heading(level, runs(text), titled=titled)


def dash(text: str) -> ListItem:
    return ListItem(ListMarker.DASH, runs(text))


def cell(text: str, *, bold: bool = False, span: int = 1) -> TableCell:
    return TableCell(runs(text), col_span=span, bold=bold)


def _task_table() -> Table:
    header = (cell("STT"), cell("Nhiệm vụ"), cell("Đơn vị chủ trì"), cell("Thời gian"))
    rows = [
        ("1", "Rà soát, cập nhật dữ liệu dân cư trên địa bàn xã", "Công an xã", "Tháng 9/2025"),
        ("2", "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình",
         "Văn phòng HĐND và UBND xã", "Tháng 10/2025"),
        ("3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
         "Bộ phận Một cửa", "Quý IV/2025"),
    ]  # fmt: skip
    return Table(
        (header, *(tuple(cell(c) for c in row) for row in rows)),
        column_widths=(1, 7, 4, 3),
    )


def _result_table() -> Table:
    return Table(
        (
            (cell("Chỉ tiêu"), cell("Kế hoạch"), cell("Thực hiện"), cell("Tỷ lệ (%)")),
            (cell("Hồ sơ tiếp nhận trực tuyến"), cell("1.200"), cell("1.146"), cell("95,5")),
            (cell("Hồ sơ giải quyết đúng hạn"), cell("1.146"), cell("1.139"), cell("99,4")),
            (cell("Tổng cộng", bold=True, span=3), cell("—")),
        ),
        column_widths=(7, 3, 3, 3),
    )


def bao_cao() -> Document:
    return Document(
        DocumentKind.BAO_CAO,
        title="Kết quả thực hiện chuyển đổi số 9 tháng đầu năm 2025 trên địa bàn xã",
        unit_abbr="VP",
        number=152,
        date=DATE,
        recipients=("Ủy ban nhân dân tỉnh Hà Tĩnh", "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh"),
        body=(
            p(
                "Thực hiện Công văn số 1520/SKHCN-CĐS ngày 02/9/2025 của Sở Khoa học và Công nghệ "
                "về việc báo cáo kết quả chuyển đổi số, Ủy ban nhân dân xã Tiên Điền báo cáo như sau:"
            ),
            h(HeadingLevel.ROMAN, "Kết quả thực hiện"),
            h(HeadingLevel.ARABIC, "Công tác chỉ đạo, điều hành"),
            Paragraph(
                (
                    Run("Ủy ban nhân dân xã đã ban hành "),
                    Run("03 kế hoạch", bold=True),
                    Run(" và 05 văn bản chỉ đạo về chuyển đổi số"),
                    FootnoteRef((Run("Kế hoạch số 45/KH-UBND ngày 10/7/2025 của UBND xã."),)),
                    Run(", bảo đảm thống nhất từ xã đến các thôn."),
                )
            ),
            h(HeadingLevel.ARABIC, "Kết quả giải quyết thủ tục hành chính"),
            p("Kết quả giải quyết thủ tục hành chính trên môi trường điện tử như sau:"),
            _result_table(),
            h(HeadingLevel.LETTER, "Về hạ tầng số"),
            dash("100% cán bộ, công chức được trang bị máy tính kết nối mạng;"),
            dash("Mạng WiFi công cộng phủ sóng tại Trụ sở và 03 nhà văn hóa thôn."),
            h(HeadingLevel.ROMAN, "Phương hướng, nhiệm vụ quý IV năm 2025"),
            p(
                "Tiếp tục đẩy mạnh cải cách hành chính gắn với chuyển đổi số; nâng tỷ lệ hồ sơ "
                "trực tuyến toàn trình (chi tiết tại Phụ lục kèm theo)."
            ),
        ),
        closing="Ủy ban nhân dân xã Tiên Điền kính báo cáo",
        signer=CHAIRMAN,
        distribution=("Như trên", "TT Đảng ủy, TT HĐND xã"),
        archive_note="VP",
        appendices=(
            Appendix(
                "Danh mục nhiệm vụ chuyển đổi số quý IV năm 2025",
                body=(_task_table(), p("Các đơn vị báo cáo kết quả trước ngày 15/12/2025.")),
            ),
        ),
        **UBND_XA,
    )


def ke_hoach() -> Document:
    return Document(
        DocumentKind.KE_HOACH,
        title="Triển khai Đề án 06 về dữ liệu dân cư trên địa bàn xã năm 2025",
        number=87,
        date=DATE,
        legal_bases=(
            "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề "
            "án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
            "Căn cứ Kế hoạch số 120/KH-UBND ngày 15/4/2025 của UBND tỉnh Hà Tĩnh",
        ),
        body=(
            p("Ủy ban nhân dân xã ban hành Kế hoạch triển khai với các nội dung như sau:"),
            h(HeadingLevel.ROMAN, "Mục đích, yêu cầu"),
            h(HeadingLevel.ARABIC, "Mục đích"),
            p(
                "Khai thác hiệu quả Cơ sở dữ liệu quốc gia về dân cư phục vụ giải quyết thủ tục "
                "hành chính, cung cấp dịch vụ công trực tuyến cho người dân."
            ),
            h(HeadingLevel.ARABIC, "Yêu cầu"),
            p("Bảo đảm đúng tiến độ, thực chất, không hình thức; phân công rõ người, rõ việc."),
            h(HeadingLevel.ROMAN, "Nhiệm vụ và phân công thực hiện"),
            _task_table(),
            h(HeadingLevel.ROMAN, "Tổ chức thực hiện"),
            p(
                "Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả, báo cáo Chủ tịch UBND xã "
                "trước ngày 20 hằng tháng."
            ),
        ),
        closing="Trên đây là Kế hoạch triển khai Đề án 06 năm 2025 của Ủy ban nhân dân xã",
        signer=DEPUTY,
        distribution=("UBND tỉnh (b/c)", "Công an tỉnh", "TT Đảng ủy, TT HĐND xã", "Các thôn"),
        archive_note="VP",
        **UBND_XA,
    )


def cong_van() -> Document:
    return Document(
        DocumentKind.CONG_VAN,
        title="đôn đốc rà soát dữ liệu dân cư trên địa bàn xã",
        unit_abbr="VP",
        number=215,
        date=DATE,
        recipients=("Công an xã", "Trưởng các thôn trên địa bàn xã"),
        body=(
            p(
                "Thực hiện Kế hoạch số 87/KH-UBND ngày 12/9/2025 của UBND xã về triển khai Đề án "
                "06, Ủy ban nhân dân xã đề nghị các đơn vị khẩn trương rà soát, cập nhật dữ liệu "
                "dân cư còn sai lệch, báo cáo kết quả về Văn phòng HĐND và UBND xã trước ngày "
                "30/9/2025."
            ),
            p("Đề nghị các đơn vị nghiêm túc triển khai thực hiện."),
        ),
        signer=SignerBlock(
            (AuthorityLine("Chủ tịch", SignerPrefix.KT), AuthorityLine("Phó Chủ tịch")),
            "Trần Thị Lan",
        ),
        distribution=("Như trên", "Chủ tịch, các PCT UBND xã"),
        archive_note="VP",
        footer_address=(
            "Địa chỉ: Thôn Tiên Lộc, xã Tiên Điền, tỉnh Hà Tĩnh; ĐT: 0239.3800.123; "
            "E-mail: ubndtiendien@hatinh.gov.vn"
        ),
        **UBND_XA,
    )


def to_trinh() -> Document:
    return Document(
        DocumentKind.TO_TRINH,
        title="Đề nghị phê duyệt danh mục dự án chuyển đổi số năm 2026",
        number=41,
        date=DATE,
        recipients=("Ủy ban nhân dân tỉnh Hà Tĩnh",),
        legal_bases=(
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015",
            "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        ),
        body=(
            p(
                "Ủy ban nhân dân xã Tiên Điền kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt "
                "danh mục dự án chuyển đổi số năm 2026 với các nội dung sau:"
            ),
            h(HeadingLevel.ROMAN, "Sự cần thiết"),
            p(
                "Hạ tầng công nghệ thông tin của xã sau sắp xếp chưa đồng bộ, chưa đáp ứng yêu "
                "cầu giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính."
            ),
            h(HeadingLevel.ROMAN, "Nội dung đề nghị"),
            dash("Nâng cấp mạng nội bộ và thiết bị Bộ phận Một cửa: 650 triệu đồng;"),
            dash("Số hóa hồ sơ hộ tịch giai đoạn 1995–2015: 420 triệu đồng."),
        ),
        closing="Ủy ban nhân dân xã Tiên Điền kính trình Ủy ban nhân dân tỉnh xem xét, quyết định",
        signer=CHAIRMAN,
        distribution=("Như trên", "Sở Tài chính", "TT Đảng ủy xã"),
        archive_note="VP",
        **UBND_XA,
    )


def thong_bao() -> Document:
    return Document(
        DocumentKind.THONG_BAO,
        title="Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 9 năm 2025",
        number=66,
        date=DATE,
        body=(
            p(
                "Ngày 10/9/2025, Chủ tịch UBND xã chủ trì cuộc họp giao ban. Sau khi nghe báo cáo "
                "và ý kiến của các đại biểu, Chủ tịch UBND xã kết luận như sau:"
            ),
            h(
                HeadingLevel.ARABIC,
                "Công an xã hoàn thành rà soát dữ liệu dân cư trước 30/9/2025.",
                titled=False,
            ),
            h(
                HeadingLevel.ARABIC,
                "Văn phòng HĐND và UBND xã tổng hợp kết quả, báo cáo UBND tỉnh.",
                titled=False,
            ),
        ),
        closing="Văn phòng HĐND và UBND xã thông báo để các đơn vị biết, thực hiện",
        signer=SignerBlock(
            (AuthorityLine("Chủ tịch", SignerPrefix.TL), AuthorityLine("Chánh Văn phòng")),
            "Lê Minh Tuấn",
        ),
        distribution=("Chủ tịch, các PCT UBND xã", "Các đơn vị liên quan"),
        archive_note="VP",
        **UBND_XA,
    )


def quyet_dinh() -> Document:
    return Document(
        DocumentKind.QUYET_DINH,
        title="Về việc thành lập Tổ công tác triển khai Đề án 06 trên địa bàn xã",
        authority="Chủ tịch Ủy ban nhân dân xã Tiên Điền",
        number=312,
        date=DATE,
        legal_bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
            "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ",
            "Theo đề nghị của Trưởng Công an xã tại Tờ trình số 25/TTr-CAX ngày 08/9/2025",
        ),
        body=(
            h(
                HeadingLevel.ARTICLE,
                "Thành lập Tổ công tác triển khai Đề án 06 trên địa bàn xã, gồm các ông, bà có tên "
                "sau:",
                titled=False,
            ),
            h(
                HeadingLevel.ARABIC,
                "Ông Nguyễn Văn Hùng, Chủ tịch UBND xã - Tổ trưởng.",
                titled=False,
            ),
            h(HeadingLevel.ARABIC, "Ông Phan Văn Bình, Trưởng Công an xã - Tổ phó.", titled=False),
            h(HeadingLevel.ARTICLE, "Nhiệm vụ của Tổ công tác"),
            p(
                "Giúp Chủ tịch UBND xã chỉ đạo, đôn đốc các đơn vị triển khai các nhiệm vụ của Đề "
                "án; Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ."
            ),
            h(HeadingLevel.ARTICLE, "Quyết định này có hiệu lực kể từ ngày ký.", titled=False),
            p(
                "Chánh Văn phòng HĐND và UBND xã, Trưởng Công an xã và các ông, bà có tên tại "
                "Điều 1 chịu trách nhiệm thi hành Quyết định này."
            ),
        ),
        signer=CHAIRMAN_OWN,
        distribution=("Như Điều 3", "UBND tỉnh (b/c)", "TT Đảng ủy xã"),
        archive_note="VP",
        **UBND_XA,
    )


def giay_moi() -> Document:
    return Document(
        DocumentKind.GIAY_MOI,
        title="Hội nghị sơ kết công tác chuyển đổi số 9 tháng đầu năm 2025",
        number=19,
        date=DATE,
        body=(
            p(
                "Ủy ban nhân dân xã Tiên Điền trân trọng kính mời: Đại diện lãnh đạo các đơn vị, "
                "Trưởng các thôn trên địa bàn xã."
            ),
            p("Tới dự Hội nghị sơ kết công tác chuyển đổi số 9 tháng đầu năm 2025."),
            p("Chủ trì: Đồng chí Nguyễn Văn Hùng, Chủ tịch UBND xã."),
            p("Thời gian: 08 giờ 00 phút, ngày 19 tháng 9 năm 2025 (thứ Sáu)."),
            p("Địa điểm: Hội trường Ủy ban nhân dân xã."),
        ),
        closing="Đề nghị các đại biểu đến dự đúng thời gian",
        signer=CHAIRMAN,
        distribution=("Như thành phần mời",),
        archive_note="VP",
        **UBND_XA,
    )


def chuong_trinh() -> Document:
    return Document(
        DocumentKind.CHUONG_TRINH,
        title="Công tác trọng tâm quý IV năm 2025",
        number=9,
        date=DATE,
        body=(
            h(HeadingLevel.ROMAN, "Mục tiêu"),
            p("Hoàn thành các chỉ tiêu kinh tế - xã hội năm 2025 của xã."),
            h(HeadingLevel.ROMAN, "Nội dung công tác"),
            _task_table(),
        ),
        closing="Yêu cầu các đơn vị triển khai thực hiện nghiêm túc Chương trình này",
        signer=CHAIRMAN,
        distribution=("TT Đảng ủy, TT HĐND xã", "Các đơn vị"),
        archive_note="VP",
        **UBND_XA,
    )


def huong_dan() -> Document:
    return Document(
        DocumentKind.HUONG_DAN,
        title="Thực hiện thủ tục hành chính trực tuyến toàn trình trên Cổng Dịch vụ công",
        number=4,
        date=DATE,
        body=(
            h(HeadingLevel.ROMAN, "Đối tượng áp dụng"),
            p("Cán bộ, công chức Bộ phận Một cửa và người dân, doanh nghiệp trên địa bàn xã."),
            h(HeadingLevel.ROMAN, "Các bước thực hiện"),
            h(
                HeadingLevel.ARABIC,
                "Đăng nhập bằng tài khoản định danh điện tử VNeID mức 2.",
                titled=False,
            ),
            h(
                HeadingLevel.ARABIC,
                "Chọn thủ tục, khai thông tin và nộp hồ sơ trực tuyến.",
                titled=False,
            ),
        ),
        closing="Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Văn phòng HĐND và "
        "UBND xã để được hướng dẫn",
        signer=DEPUTY,
        distribution=("Các đơn vị", "Các thôn"),
        archive_note="VP",
        **UBND_XA,
    )


def bien_ban() -> Document:
    return Document(
        DocumentKind.BIEN_BAN,
        title="Họp giao ban công tác chuyển đổi số tháng 9 năm 2025",
        number=12,
        date=DATE,
        body=(
            p("Thời gian bắt đầu: 08 giờ 00 phút, ngày 10 tháng 9 năm 2025."),
            p("Địa điểm: Phòng họp Ủy ban nhân dân xã Tiên Điền."),
            p("Thành phần tham dự: Lãnh đạo UBND xã, các công chức chuyên môn."),
            p("Chủ trì: Ông Nguyễn Văn Hùng, Chủ tịch UBND xã."),
            p("Thư ký: Bà Hoàng Thị Mai, công chức Văn phòng - Thống kê."),
            p("Nội dung: Các đơn vị báo cáo kết quả chuyển đổi số tháng 9; thống nhất nhiệm vụ."),
        ),
        closing="Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày",
        signer=SignerBlock((AuthorityLine("Chủ tọa"),), "Nguyễn Văn Hùng"),
        distribution=("Các đơn vị dự họp",),
        archive_note="Hồ sơ",
        **UBND_XA,
    )


def nghi_quyet() -> Document:
    return Document(
        DocumentKind.NGHI_QUYET,
        parent_agency="",
        issuing_agency="Hội đồng nhân dân xã Tiên Điền",
        agency_abbr="HĐND",
        place="Tiên Điền",
        title="Về việc thông qua kế hoạch đầu tư công năm 2026 của xã",
        authority="Hội đồng nhân dân xã Tiên Điền khóa I, kỳ họp thứ ba",
        number=15,
        date=DATE,
        legal_bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
            "Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024",
            "Xét Tờ trình số 41/TTr-UBND ngày 05/9/2025 của UBND xã; ý kiến thảo luận của đại "
            "biểu Hội đồng nhân dân xã tại kỳ họp",
        ),
        body=(
            h(HeadingLevel.ARTICLE, "Thông qua kế hoạch đầu tư công năm 2026 của xã", titled=True),
            p("Tổng vốn đầu tư công năm 2026 là 12.500 triệu đồng (chi tiết tại Phụ lục)."),
            h(HeadingLevel.ARTICLE, "Tổ chức thực hiện"),
            p("Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này."),
        ),
        closing="Nghị quyết này đã được Hội đồng nhân dân xã Tiên Điền khóa I, kỳ họp thứ ba "
        "thông qua ngày 12 tháng 9 năm 2025 và có hiệu lực kể từ ngày thông qua",
        signer=SignerBlock((AuthorityLine("Chủ tịch"),), "Võ Thị Hòa"),
        distribution=("TT HĐND, UBND tỉnh", "UBND xã", "Đại biểu HĐND xã"),
        archive_note="VP",
    )


KIND_DOCUMENTS: dict[DocumentKind, Callable[[], Document]] = {
    DocumentKind.BAO_CAO: bao_cao,
    DocumentKind.KE_HOACH: ke_hoach,
    DocumentKind.CONG_VAN: cong_van,
    DocumentKind.TO_TRINH: to_trinh,
    DocumentKind.THONG_BAO: thong_bao,
    DocumentKind.QUYET_DINH: quyet_dinh,
    DocumentKind.GIAY_MOI: giay_moi,
    DocumentKind.CHUONG_TRINH: chuong_trinh,
    DocumentKind.HUONG_DAN: huong_dan,
    DocumentKind.BIEN_BAN: bien_ban,
    DocumentKind.NGHI_QUYET: nghi_quyet,
}
