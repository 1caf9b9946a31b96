"""Documents as they really reach the importer: the fixtures of `real_like/`.

Each fixture is modelled on published Vietnamese administrative documents and on what one
extraction path does to them (see `real_like/README.md`). For each, every recognised field is
written out here by hand, and the body's words must survive into the layout (ratio ≥ 0.99).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from desktop.importing.report import Certainty
from desktop.importing.service import ImportResult, import_file
from desktop.model.document import (
    Block,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Run,
    SignerPrefix,
    Table,
    Urgency,
)
from desktop.model.kinds import DocumentKind
from tests.services.importing.fidelity import similarity
from tests.unit.importing.real_like_words import layout_words, source_words

FIXTURES = Path(__file__).parent / "real_like"

R, A, D, L, ART, P = (HeadingLevel.ROMAN, HeadingLevel.ARABIC, HeadingLevel.DECIMAL,
                      HeadingLevel.LETTER, HeadingLevel.ARTICLE, HeadingLevel.PART)  # fmt: skip
TM, KT, TL = SignerPrefix.TM, SignerPrefix.KT, SignerPrefix.TL


@dataclass(frozen=True)
class Case:
    kind: DocumentKind
    number: int | None
    agency_abbr: str
    unit_abbr: str
    parent: str
    issuing: str
    place: str
    date: dt.date | None
    title: str
    recipients: tuple[str, ...]
    headings: list[tuple[HeadingLevel, str]]  # every heading, text start (≤ 60 characters)
    distribution: tuple[str, ...]
    archive: str
    signer: list[tuple[SignerPrefix | None, str]]
    name: str
    closing: str
    first_words: str  # where the body starts in the source
    end_words: str = "Nơi nhận:"
    footnotes: list[tuple[str, str]] = field(default_factory=list)  # (text before mark, note)
    note_sources: tuple[str, ...] = ()  # the footnote texts exactly as they stand in the source
    legal_bases: int = 0
    urgency: Urgency | None = None
    signatures: int = 0  # signing-tool blocks moved to Document.source
    authority: str = ""  # a decision's "Thẩm quyền ban hành" line


CASES: dict[str, Case] = {
    "cong-van-tvpl-pipes.txt": Case(
        DocumentKind.CONG_VAN, 1025, "UBND", "KGVX", "", "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
        "Sơn La", dt.date(2023, 7, 11),
        "tăng cường công tác phòng, chống dịch bệnh sốt xuất huyết trên địa bàn tỉnh",
        ("Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Thông tin và Truyền thông",
         "Ủy ban nhân dân các huyện, thành phố"),
        [(A, "Sở Y tế"), (L, "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi"),
         (L, "Tổ chức giám sát, phát hiện sớm, khoanh vùng và xử lý triệt đ"),
         (A, "Sở Giáo dục và Đào tạo"), (A, "Sở Thông tin và Truyền thông"),
         (A, "Ủy ban nhân dân các huyện, thành phố")],
        ("Như trên", "Bộ Y tế (b/c)", "TT Tỉnh ủy; TT HĐND tỉnh (b/c)",
         "Chủ tịch, các PCT UBND tỉnh", "Trung tâm Thông tin tỉnh"),
        "KGVX (Ha)", [(KT, "CHỦ TỊCH"), (None, "PHÓ CHỦ TỊCH")], "Đặng Ngọc Hậu",
        "Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện",
        "Thực hiện Công điện số 586/CĐ-TTg",
    ),
    "quyet-dinh-pipe-rows.txt": Case(
        DocumentKind.QUYET_DINH, 1487, "UBND", "", "", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
        "Lạng Sơn", dt.date(2023, 9, 5),
        "Về việc thành lập Tổ công tác triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, "
        "định danh và xác thực điện tử trên địa bàn tỉnh Lạng Sơn", (),
        [(ART, "Thành lập Tổ công tác triển khai Đề án phát triển ứng dụng dữ"),
         (A, "Ông Hoàng Văn Nghiệm, Phó Chủ tịch UBND tỉnh - Tổ trưởng."),
         (A, "Ông Thái Hoàng Long, Giám đốc Công an tỉnh - Tổ phó thường tr"),
         (A, "Ông Lương Trọng Quỳnh, Giám đốc Sở Thông tin và Truyền thông "),
         (A, "Mời đại diện lãnh đạo Viễn thông Lạng Sơn, Viettel Lạng Sơn, "),
         (ART, "Nhiệm vụ của Tổ công tác"),
         (L, "Giúp Chủ tịch UBND tỉnh chỉ đạo, đôn đốc các sở, ngành, UBND "),
         (L, "Tổ trưởng Tổ công tác phân công nhiệm vụ cụ thể cho từng thàn"),
         (ART, "Quyết định này có hiệu lực kể từ ngày ký.")],
        ("Như Điều 3", "Bộ Công an (b/c)", "CT, các PCT UBND tỉnh", "Các PCVP UBND tỉnh"),
        "NC (ĐVĐ)", [(KT, "CHỦ TỊCH"), (None, "PHÓ CHỦ TỊCH")], "Hoàng Văn Nghiệm",
        "Chánh Văn phòng UBND tỉnh, Giám đốc Công an tỉnh, Thủ trưởng các sở, ban, ngành có liên "
        "quan và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN Căn cứ",
        legal_bases=3,
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
    ),
    "quyet-dinh-tvpl-wrapped.txt": Case(
        DocumentKind.QUYET_DINH, 2150, "UBND", "", "", "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG",
        "Mỹ Tho", dt.date(2023, 8, 24),
        "BAN HÀNH QUY CHẾ QUẢN LÝ, VẬN HÀNH VÀ SỬ DỤNG HỆ THỐNG THÔNG TIN GIẢI QUYẾT THỦ TỤC "
        "HÀNH CHÍNH TỈNH TIỀN GIANG", (),
        [(ART, "Ban hành kèm theo Quyết định này Quy chế quản lý, vận hành v"),
         (ART, "Giám đốc Sở Thông tin và Truyền thông chủ trì, phối hợp với c"),
         (ART, "Quyết định này có hiệu lực kể từ ngày ký.")],
        ("Như Điều 3", "Văn phòng Chính phủ (Cục KSTTHC)", "CT, các PCT UBND tỉnh",
         "Cổng TTĐT tỉnh"),
        "P.KSTTHC", [(TM, "ỦY BAN NHÂN DÂN TỈNH"), (KT, "CHỦ TỊCH"), (None, "PHÓ CHỦ TỊCH")],
        "Nguyễn Văn Mười",
        "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Thông tin và Truyền thông, Thủ trưởng "
        "các sở, ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã và các tổ "
        "chức, cá nhân liên quan chịu trách nhiệm thi hành Quyết định này",
        "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG Căn cứ",
        legal_bases=3,
        authority="ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG",
    ),
    "bao-cao-signed-pdf-joined.txt": Case(
        DocumentKind.BAO_CAO, 86, "SNV", "", "UBND TỈNH HÀ TĨNH", "SỞ NỘI VỤ",
        "Hà Tĩnh", dt.date(2015, 1, 16),
        "Tình hình thực hiện công tác văn thư, lưu trữ năm 2014 và nhiệm vụ trọng tâm năm 2015",
        ("Bộ Nội vụ (Cục Văn thư và Lưu trữ nhà nước)",),
        [(R, "TÌNH HÌNH THỰC HIỆN CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM 2014"),
         (A, "Công tác chỉ đạo, hướng dẫn"), (A, "Công tác thu thập, chỉnh lý tài liệu"),
         (R, "NHIỆM VỤ TRỌNG TÂM NĂM 2015"),
         (A, "Tiếp tục tham mưu Ủy ban nhân dân tỉnh ban hành các văn bản q"),
         (A, "Triển khai ứng dụng phần mềm quản lý văn bản và hồ sơ công vi"),
         (R, "ĐỀ XUẤT, KIẾN NGHỊ")],
        ("Như trên", "UBND tỉnh (b/c)", "Giám đốc Sở"), "VTLT",
        [(KT, "GIÁM ĐỐC"), (None, "PHÓ GIÁM ĐỐC")], "Trần Thị Thanh Hương",
        "Trên đây là báo cáo tình hình thực hiện công tác văn thư, lưu trữ năm 2014 và nhiệm vụ "
        "trọng tâm năm 2015 của Sở Nội vụ tỉnh Hà Tĩnh",
        "Thực hiện Công văn số 1259/VTLTNN-NVTW",
        footnotes=[
            ("văn thư, lưu trữ năm 2014",
             "Công văn số 1259/VTLTNN-NVTW ngày 08/12/2014 của Cục Văn thư và Lưu trữ nhà nước."),
            ("lưu trữ trên địa bàn tỉnh",
             "Chỉ thị số 05/CT-UBND ngày 12/3/2014 của Ủy ban nhân dân tỉnh Hà Tĩnh về tăng "
             "cường công tác văn thư, lưu trữ trên địa bàn tỉnh."),
            ("Lưu trữ lịch sử tỉnh",
             "Kế hoạch số 112/KH-SNV ngày 20/4/2014 của Sở Nội vụ về thu thập tài liệu vào Lưu "
             "trữ lịch sử."),
        ],
        note_sources=(
            "¹ Công văn số 1259/VTLTNN-NVTW ngày 08/12/2014 của Cục Văn thư và Lưu trữ nhà nước.",
            "² Chỉ thị số 05/CT-UBND ngày 12/3/2014 của Ủy ban nhân dân tỉnh Hà Tĩnh về tăng "
            "cường\ncông tác văn thư, lưu trữ trên địa bàn tỉnh.",
            "³ Kế hoạch số 112/KH-SNV ngày 20/4/2014 của Sở Nội vụ về thu thập tài liệu vào Lưu "
            "trữ lịch sử.",
        ),
        signatures=2,
    ),
    "to-trinh-pdftotext-raw.txt": Case(
        DocumentKind.TO_TRINH, 45, "TCKH", "", "UBND HUYỆN BÌNH SƠN", "PHÒNG TÀI CHÍNH - KẾ HOẠCH",
        "Bình Sơn", dt.date(2024, 4, 10),
        "Về việc đề nghị bổ sung dự toán kinh phí thực hiện chuyển đổi số năm 2024 cho các cơ "
        "quan, đơn vị thuộc huyện", ("Ủy ban nhân dân huyện Bình Sơn",),
        [(R, "SỰ CẦN THIẾT"), (R, "NỘI DUNG ĐỀ NGHỊ"),
         (A, "Tổng kinh phí đề nghị bổ sung: 1.250.000.000 đồng (Một tỷ hai "),
         (A, "Nguồn kinh phí: Từ nguồn dự phòng ngân sách huyện năm 2024."),
         (A, "Phân bổ chi tiết:"), (R, "KIẾN NGHỊ")],
        ("Như trên", "Chủ tịch, các PCT UBND huyện"), "TCKH", [(None, "TRƯỞNG PHÒNG")],
        "Phạm Thị Thu Hà",
        "Phòng Tài chính - Kế hoạch kính trình Ủy ban nhân dân huyện xem xét, quyết định bổ sung "
        "dự toán kinh phí năm 2024 cho các cơ quan, đơn vị nêu trên để kịp thời triển khai thực "
        "hiện",
        "Căn cứ Luật Ngân sách nhà nước", legal_bases=4,
    ),
    "thong-bao-markdown-tables.md": Case(
        DocumentKind.THONG_BAO, 58, "VP", "", "UBND HUYỆN NGHI XUÂN", "VĂN PHÒNG HĐND VÀ UBND",
        "Nghi Xuân", dt.date(2024, 3, 14),
        "Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp nghe báo cáo tiến độ thực hiện "
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2024", (),
        [(A, "Đánh giá chung"), (A, "Nhiệm vụ trong thời gian tới")],
        ("Chủ tịch, các PCT UBND huyện", "Các phòng, ban, đơn vị liên quan",
         "UBND các xã, thị trấn"), "", [(TL, "CHỦ TỊCH"), (None, "CHÁNH VĂN PHÒNG")],
        "Trần Văn Thành",
        "Văn phòng HĐND và UBND huyện thông báo để các phòng, ban, đơn vị và UBND các xã, thị "
        "trấn biết, thực hiện",
        "Ngày 12/3/2024,",
        footnotes=[
            ("xây dựng nông thôn mới năm 2024",
             "Giấy mời số 45/GM-VP ngày 08/3/2024 của Văn phòng HĐND và UBND huyện."),
            ("nông thôn mới nâng cao", "Theo Báo cáo số 67/BC-UBND ngày 05/3/2024 của UBND huyện."),
        ],
    ),
    "ke-hoach-pdf-u-horn-glyphs.txt": Case(
        DocumentKind.KE_HOACH, 27, "UBND", "", "", "ỦY BAN NHÂN DÂN XÃ XUÂN HỘI",
        "Xuân Hội", dt.date(2024, 2, 15), "Tổ chức phong trào thi đua “Dân vận khéo” năm 2024", (),
        [(R, "MỤC ĐÍCH, YÊU CẦU"), (A, "Mục đích"), (A, "Yêu cầu"), (R, "NỘI DUNG THỰC HIỆN"),
         (A, "Đăng ký mô hình “Dân vận khéo”"), (A, "Sơ kết, khen thưởng"),
         (R, "TỔ CHỨC THỰC HIỆN")],
        ("Ban Dân vận Huyện ủy", "Đảng ủy, HĐND xã", "MTTQ và các đoàn thể xã", "Các thôn"), "",
        [(TM, "ỦY BAN NHÂN DÂN"), (None, "CHỦ TỊCH")], "Lê Văn Trường",
        "Văn phòng - Thống kê xã chủ trì, phối hợp với các đoàn thể theo dõi, đôn đốc việc thực "
        "hiện Kế hoạch; tổng hợp, báo cáo kết quả về Ủy ban nhân dân huyện trước ngày 30/11/2024",
        "Thực hiện Kế hoạch số 18/KH-UBND",
        footnotes=[
            ("thi đua “Dân vận khéo” năm 2024",
             "Kế hoạch số 18/KH-UBND ngày 20/01/2024 của Ủy ban nhân dân huyện Nghi Xuân về phát "
             "động phong trào thi đua “Dân vận khéo” năm 2024."),
        ],
        note_sources=(
            "¹ Kế hoạch số 18/KH-UBND ngày 20/01/2024 của Ủy ban nhân dân huyện Nghi Xuân về phát "
            "động\nphong trào thi đua “Dân vận khéo” năm 2024.",
        ),
    ),
    "cong-van-layout-signer-first.txt": Case(
        DocumentKind.CONG_VAN, 1520, "STTTT", "BCVT", "UBND TỈNH QUẢNG NGÃI",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Quảng Ngãi", dt.date(2023, 8, 22),
        "đôn đốc báo cáo kết quả triển khai các nền tảng số dùng chung năm 2023",
        ("Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"),
        [(A, "Khẩn trương báo cáo kết quả triển khai các nền tảng số dùng c"),
         (A, "Cử 01 công chức làm đầu mối phối hợp, gửi thông tin (họ tên, ")],
        ("Như trên", "Giám đốc Sở (b/c)"), "BCVT",
        [(TL, "GIÁM ĐỐC"), (None, "TRƯỞNG PHÒNG BƯU CHÍNH, VIỄN THÔNG")], "Võ Thị Kim Anh",
        "Trân trọng", "Thực hiện Kế hoạch số 36/KH-UBND", end_words="TL. GIÁM ĐỐC",
        urgency=Urgency.KHAN,
    ),
    "bao-cao-word-save-as-text.txt": Case(
        DocumentKind.BAO_CAO, 312, "UBND", "", "", "ỦY BAN NHÂN DÂN HUYỆN ĐỨC PHỔ",
        "Đức Phổ", dt.date(2023, 11, 28),
        "Kết quả thực hiện Chương trình chuyển đổi số năm 2023 và phương hướng, nhiệm vụ năm 2024",
        ("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi",),
        [(P, "KẾT QUẢ THỰC HIỆN NĂM 2023"), (R, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
         (R, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"), (A, "Chính quyền số"),
         (A, "Kinh tế số và xã hội số"), (P, "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
         (A, "Tiếp tục hoàn thiện hạ tầng số, bảo đảm 100% xã có cáp quang "),
         (A, "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình; nâng ca")],
        ("Sở TT&TT tỉnh", "TT Huyện ủy, TT HĐND huyện", "CT, các PCT UBND huyện"), "VHTT",
        [(TM, "ỦY BAN NHÂN DÂN"), (None, "CHỦ TỊCH")], "NGUYỄN TẤN ĐỨC",
        "Trên đây là báo cáo kết quả thực hiện Chương trình chuyển đổi số năm 2023 và phương "
        "hướng, nhiệm vụ năm 2024 của Ủy ban nhân dân huyện Đức Phổ",
        "Thực hiện Công văn số 1955/STTTT-CNTT",
        footnotes=[
            ("chuyển đổi số năm 2023",
             "Công văn số 1955/STTTT-CNTT ngày 10/11/2023 của Sở Thông tin và Truyền thông tỉnh "
             "Quảng Ngãi."),
            ("chuyển đổi số năm 2023",
             "Kế hoạch số 45/KH-UBND ngày 15/02/2023 của Ủy ban nhân dân huyện Đức Phổ."),
        ],
        urgency=Urgency.KHAN,
    ),
    "to-trinh-stamp-interleaved.txt": Case(
        DocumentKind.TO_TRINH, 38, "UBND", "", "", "ỦY BAN NHÂN DÂN HUYỆN TƯ NGHĨA",
        "Tư Nghĩa", dt.date(2024, 2, 5),
        "Đề nghị phê duyệt danh mục dự án đầu tư hạ tầng công nghệ thông tin phục vụ chuyển đổi "
        "số huyện Tư Nghĩa giai đoạn 2024 - 2025", ("Ủy ban nhân dân tỉnh Quảng Ngãi",),
        [(A, "Sự cần thiết"), (A, "Danh mục dự án đề nghị phê duyệt"),
         (L, "Nâng cấp Trung tâm dữ liệu huyện, tổng mức đầu tư dự kiến 4,2"),
         (L, "Đầu tư hệ thống hội nghị truyền hình đến 13 xã, thị trấn, tổn"), (A, "Nguồn vốn")],
        ("Như trên", "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông",
         "CT, các PCT UBND huyện"), "KT",
        [(TM, "ỦY BAN NHÂN DÂN"), (KT, "CHỦ TỊCH"), (None, "PHÓ CHỦ TỊCH")], "Huỳnh Văn Quyết",
        "Ủy ban nhân dân huyện Tư Nghĩa kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt",
        "Căn cứ Luật Đầu tư công", legal_bases=3, signatures=1,
    ),
}  # fmt: skip


@cache
def _imported(name: str) -> ImportResult:
    return import_file(FIXTURES / name)


def _source(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _all_blocks(doc: Document) -> list[Block]:
    return [*doc.body, *(b for a in doc.appendices for b in a.body)]


def footnotes(doc: Document) -> list[tuple[str, str]]:
    """(the text just before each footnote mark, the footnote's text), in document order."""
    out = []
    for block in _all_blocks(doc):
        contents = (
            [c.content for row in block.rows for c in row]
            if isinstance(block, Table)
            else [getattr(block, "content", ())]
        )
        for content in contents:
            before = ""
            for item in content:
                if isinstance(item, Run):
                    before += item.text
                elif isinstance(item, FootnoteRef):
                    out.append((before, item.plain_text))
    return out


def test_every_fixture_is_small_and_covered() -> None:
    names = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md")
                   and p.name != "README.md")  # fmt: skip
    assert names == sorted(CASES)
    assert all((FIXTURES / n).stat().st_size <= 15_000 for n in names)


@pytest.mark.parametrize("name", sorted(CASES))
def test_header_fields(name: str) -> None:
    case, doc = CASES[name], _imported(name).document
    assert doc.kind is case.kind
    assert (doc.number, doc.agency_abbr, doc.unit_abbr) == (
        case.number, case.agency_abbr, case.unit_abbr
    )  # fmt: skip
    assert (doc.parent_agency, doc.issuing_agency) == (case.parent, case.issuing)
    assert (doc.place, doc.date) == (case.place, case.date)
    assert doc.title == case.title
    assert doc.recipients == case.recipients
    assert doc.urgency is case.urgency
    assert len(doc.legal_bases) == case.legal_bases
    assert doc.authority == case.authority


@pytest.mark.parametrize("name", sorted(CASES))
def test_headings_with_levels(name: str) -> None:
    case, doc = CASES[name], _imported(name).document
    headings = [(b.level, b.text[:60]) for b in doc.body if isinstance(b, Heading)]
    assert headings == [(level, text[:60]) for level, text in case.headings]
    assert all(b.text.strip() for b in doc.body if isinstance(b, Heading))


@pytest.mark.parametrize("name", sorted(CASES))
def test_closing_fields(name: str) -> None:
    case, doc = CASES[name], _imported(name).document
    assert doc.distribution == case.distribution
    assert doc.archive_note == case.archive
    assert [(a.prefix, a.text) for a in doc.signer.lines] == case.signer
    assert doc.signer.name == case.name
    assert doc.closing == case.closing


@pytest.mark.parametrize("name", sorted(CASES))
def test_footnotes_sit_at_their_marks(name: str) -> None:
    case, doc = CASES[name], _imported(name).document
    found = footnotes(doc)
    assert [note for _, note in found] == [note for _, note in case.footnotes]
    for (before, _), (expected_end, _) in zip(found, case.footnotes, strict=True):
        assert before.rstrip(" ,.;:").endswith(expected_end), (before[-60:], expected_end)


@pytest.mark.parametrize("name", sorted(CASES))
def test_signing_text_goes_to_source_not_body(name: str) -> None:
    case, result = CASES[name], _imported(name)
    doc = result.document
    keys = {k.split(".")[1] for k in doc.source if k.startswith("signature.")}
    assert len(keys) == case.signatures
    everything = " ".join(
        [b.text for b in _all_blocks(doc) if not isinstance(b, Table)]
        + list(doc.distribution) + [doc.closing, doc.signer.name, doc.title]
    )  # fmt: skip
    for marker in ("Ký bởi", "Người ký:", "Thời gian ký", "+07:00", "@", " | ", "ƣ"):
        assert marker not in everything


@pytest.mark.parametrize("name", sorted(CASES))
def test_layout_carries_every_word_in_order(name: str) -> None:
    case, doc = CASES[name], _imported(name).document
    expected = source_words(_source(name), case.first_words, case.end_words, case.note_sources)
    assert len(expected) > 150
    ratio = similarity(expected, layout_words(doc))
    assert ratio >= 0.99, ratio


def test_signed_report_keeps_both_signatures() -> None:
    source = _imported("bao-cao-signed-pdf-joined.txt").document.source
    assert source["signature.1.signer"] == "Sở Nội vụ"
    assert source["signature.1.time"] == "19.01.2015 08:56:24 +07:00"
    assert source["signature.2.signer"] == "Trần Thị Thanh Hương"
    assert source["signature.2.organization"] == "Sở Nội vụ, Tỉnh Hà Tĩnh"


def test_stamp_squeezed_into_the_header_is_lifted_out() -> None:
    doc = _imported("to-trinh-stamp-interleaved.txt").document
    assert doc.source["signature.1.email"] == "ubndtunghia@quangngai.gov.vn"
    assert doc.source["signature.1.time"] == "05.02.2024 10:15:32 +07:00"


def test_attached_regulation_becomes_a_titled_appendix() -> None:
    doc = _imported("quyet-dinh-tvpl-wrapped.txt").document
    (appendix,) = doc.appendices
    assert appendix.title.startswith("QUY CHẾ QUẢN LÝ, VẬN HÀNH VÀ SỬ DỤNG")
    assert appendix.reference == (
        "Ban hành kèm theo Quyết định số 2150/QĐ-UBND ngày 24 tháng 8 năm 2023 của Ủy ban nhân "
        "dân tỉnh Tiền Giang"
    )
    headings = [(b.level, b.text) for b in appendix.body if isinstance(b, Heading)]
    assert headings == [(HeadingLevel.CHAPTER, "QUY ĐỊNH CHUNG"),
                        (ART, "Phạm vi điều chỉnh"), (ART, "Đối tượng áp dụng")]  # fmt: skip
    expected = source_words(_source("quyet-dinh-tvpl-wrapped.txt"), "Chương I", "@@end@@")
    assert similarity(expected, layout_words(doc, section=1)) >= 0.99
    report = _imported("quyet-dinh-tvpl-wrapped.txt").report
    assert any("kèm theo" in e.message for e in report.by_certainty(Certainty.UNSURE))


def test_decision_authority_bases_and_decision_line_are_recognised() -> None:
    for name in ("quyet-dinh-tvpl-wrapped.txt", "quyet-dinh-pipe-rows.txt"):
        result = _imported(name)
        doc = result.document
        assert doc.authority.endswith(doc.issuing_agency.removeprefix("ỦY BAN NHÂN DÂN "))
        assert doc.legal_bases[0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương")
        assert doc.legal_bases[-1].startswith(("Xét đề nghị của Giám đốc", "Theo đề nghị của"))
        assert not doc.legal_bases[-1].endswith((".", ";"))
        # `QUYẾT ĐỊNH:` is printed by the renderer, so it is not kept as a body paragraph.
        assert isinstance(doc.body[0], Heading) and doc.body[0].level is ART
        assert not any(b.text.startswith("QUYẾT ĐỊNH") for b in doc.body if hasattr(b, "text"))
        fields = {e.field for e in result.report.entries}
        assert "authority" in fields


def test_tab_separated_table_is_rebuilt() -> None:
    for name, width, rows in (("bao-cao-word-save-as-text.txt", 4, 4),
                              ("to-trinh-pdftotext-raw.txt", 4, 4)):  # fmt: skip
        tables = [b for b in _imported(name).document.body if isinstance(b, Table)]
        assert [(t.column_count, len(t.rows), t.header_rows) for t in tables] == [(width, rows, 1)]
    table = next(b for b in _imported("to-trinh-pdftotext-raw.txt").document.body
                 if isinstance(b, Table))  # fmt: skip
    assert [c.text for c in table.rows[1]] == [
        "1", "Văn phòng HĐND và UBND huyện", "Nâng cấp hệ thống họp trực tuyến", "650.000.000"
    ]  # fmt: skip


def test_word_plain_text_bullets_become_items() -> None:
    body = _imported("bao-cao-word-save-as-text.txt").document.body
    items = [(b.marker, b.text) for b in body if isinstance(b, ListItem)]
    assert items == [
        (ListMarker.DASH, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng: 92%."),
        (ListMarker.DASH,
         "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình: 65%."),
        (ListMarker.PLUS, "Cấp huyện: 70%;"),
        (ListMarker.PLUS, "Cấp xã: 58%."),
    ]  # fmt: skip


def test_markdown_body_table_is_a_table_and_layout_tables_are_not() -> None:
    doc = _imported("thong-bao-markdown-tables.md").document
    tables = [b for b in doc.body if isinstance(b, Table)]
    assert [(t.column_count, len(t.rows)) for t in tables] == [(4, 3)]


def test_lookalike_letters_are_repaired_and_reported() -> None:
    result = _imported("ke-hoach-pdf-u-horn-glyphs.txt")
    assert any("ƣ" in e.message for e in result.report.by_certainty(Certainty.ADJUSTED))
    assert result.document.archive_note == "" and "Lưu: VT" not in result.document.distribution


def test_page_numbers_of_pdftotext_are_removed() -> None:
    doc = _imported("to-trinh-pdftotext-raw.txt").document
    assert not any(b.text.strip() == "2" for b in doc.body if not isinstance(b, Table))


def test_wrapped_signer_title_is_one_line_and_reported() -> None:
    result = _imported("cong-van-layout-signer-first.txt")
    assert any("TRƯỞNG PHÒNG BƯU CHÍNH, VIỄN THÔNG" in e.message for e in result.report.entries)


def test_numbered_sentences_are_not_titles() -> None:
    headings = [
        b
        for name in ("quyet-dinh-pipe-rows.txt", "cong-van-tvpl-pipes.txt")
        for b in _imported(name).document.body
        if isinstance(b, Heading)
    ]

    def titled(start: str) -> bool:
        return next(b.titled for b in headings if b.text.startswith(start))

    assert (
        titled("Ông Hoàng Văn Nghiệm") is False
    )  # `1. Ông …, Phó Chủ tịch UBND tỉnh - Tổ trưởng.`
    assert titled("Giúp Chủ tịch UBND tỉnh") is False  # `a) … các nhiệm vụ của Đề án.`
    assert titled("Sở Y tế") is True and titled("Sở Giáo dục và Đào tạo") is True
    assert titled("Nhiệm vụ của Tổ công tác") is True  # an Điều keeps its title style


SQUEEZED = """\
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN CAN LỘC Độc lập - Tự do - Hạnh phúc
Số: 215/UBND-VP
V/v triển khai Kế hoạch chuyển đổi số Can Lộc, ngày 12 tháng 3 năm 2024
Kính gửi: - Các phòng, ban chuyên môn; - UBND các xã, thị trấn.
Thực hiện Kế hoạch số 36/KH-UBND ngày 10/3/2024 của UBND tỉnh, UBND huyện đề nghị các đơn vị \
triển khai thực hiện.
Người ký văn bản chịu trách nhiệm về nội dung báo cáo gửi về UBND huyện.
Trân trọng./.
Nơi nhận: TL. CHỦ TỊCH
- Như trên; CHÁNH VĂN PHÒNG
- Lưu: VT.
Digitally signed by Nguyễn Văn Bình
Date: 2024.03.12 16:20:11 +07'00'
Nguyễn Văn Bình
"""


def test_cells_joined_by_one_space_are_cut_apart() -> None:
    from desktop.importing.service import import_text

    doc = import_text(SQUEEZED).document
    assert (doc.kind, doc.number, doc.unit_abbr) == (DocumentKind.CONG_VAN, 215, "VP")
    assert (doc.place, doc.date) == ("Can Lộc", dt.date(2024, 3, 12))
    assert doc.title == "triển khai Kế hoạch chuyển đổi số"
    assert doc.recipients == ("Các phòng, ban chuyên môn", "UBND các xã, thị trấn")
    assert [(a.prefix, a.text) for a in doc.signer.lines] == [(TL, "CHỦ TỊCH"),
                                                              (None, "CHÁNH VĂN PHÒNG")]  # fmt: skip
    assert (doc.signer.name, doc.distribution) == ("Nguyễn Văn Bình", ("Như trên",))
    assert doc.source["signature.1.signer"] == "Nguyễn Văn Bình"
    assert doc.source["signature.1.time"] == "2024.03.12 16:20:11 +07'00'"
    # A sentence that starts like the signing tool's label but has no colon is prose.
    assert doc.body[-1].text.startswith("Người ký văn bản chịu trách nhiệm")
