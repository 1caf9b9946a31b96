"""Hypothesis strategies for random but plausible documents and office profiles.

Text is drawn from Vietnamese words (with the occasional hand-typed label such as "a." or
"Điều 1:" and a character Times New Roman lacks), so that the generated documents exercise the
same rules a real one does.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from desktop.model.document import (
    Appendix,
    AuthorityLine,
    Block,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    Inline,
    ListItem,
    ListMarker,
    PageBreak,
    Paragraph,
    Run,
    Secrecy,
    SignerBlock,
    SignerPrefix,
    Table,
    TableCell,
    Urgency,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import Margins, OfficeProfile, SizeProfile

WORDS = [
    "kết",
    "quả",
    "thực",
    "hiện",
    "chiến",
    "lược",
    "quốc",
    "gia",
    "về",
    "nghiên",
    "cứu",
    "phát",
    "triển",
    "và",
    "ứng",
    "dụng",
    "trí",
    "tuệ",
    "nhân",
    "tạo",
    "đến",
    "năm",
    "2030",
    "trên",
    "địa",
    "bàn",
    "huyện",
    "tỉnh",
    "xã",
    "chuyển",
    "đổi",
    "số",
    "cơ",
    "quan",
    "đơn",
    "vị",
    "hồ",
    "sơ",
    "thủ",
    "tục",
    "hành",
    "chính",
    "dịch",
    "vụ",
    "công",
    "trực",
    "tuyến",
    "mức",
    "độ",
    "đảm",
    "bảo",
    "an",
    "toàn",
    "thông",
    "tin",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "Sở",
    "Khoa",
    "học",
    "Công",
    "nghệ",
    "100%",
    "2,1",
    "tỷ",
    "đồng",
    "(TTNT)",
    "ngày",
    "05/6/2021",
    "số",
    "83/KH-UBND",
    "kinh",
    "phí",
    "đầu",
    "tư",
    "hạ",
    "tầng",
    "Đắk",
    "Glei",
    "Bình",
    "Sơn",
    "Nghi",
    "Xuân",
    "đề",
    "nghị",
    "báo",
    "cáo",
    "tổng",
    "hợp",
    "phối",
    "hợp",
    "triển",
    "khai",
]
PLACES = ("Bình Sơn", "Hà Nội", "Đắk Glei", "Nghi Xuân", "Thành phố Hồ Chí Minh")
AGENCIES = (
    "Ủy ban nhân dân huyện Bình Sơn",
    "Sở Khoa học và Công nghệ",
    "Ủy ban nhân dân tỉnh Bình Phước",
    "Ban Chỉ đạo chuyển đổi số và phát triển chính quyền điện tử huyện Nghi Xuân tỉnh Hà Tĩnh",
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
)
PARENTS = ("", "UBND tỉnh Quảng Ngãi", "Bộ Nội vụ", "Ủy ban nhân dân tỉnh Hà Tĩnh")
SIGNERS = (
    SignerBlock(
        (
            AuthorityLine("Ủy ban nhân dân", SignerPrefix.TM),
            AuthorityLine("Chủ tịch", SignerPrefix.KT),
            AuthorityLine("Phó Chủ tịch"),
        ),
        "Ngô Văn Dũng",
    ),
    SignerBlock((AuthorityLine("Giám đốc"),), "Trần Thị Hoa"),
    SignerBlock(
        (AuthorityLine("Giám đốc", SignerPrefix.KT), AuthorityLine("Phó Giám đốc")), "Lê Minh"
    ),
    SignerBlock((AuthorityLine("Chủ tịch", SignerPrefix.TM),), "Phạm Văn Bình"),  # wrong: TM. alone
    SignerBlock((AuthorityLine("Giám đốc", SignerPrefix.TL),), ""),  # wrong: no name
    SignerBlock((), ""),  # missing
)
# Starts a writer might type by hand; several break a rule on purpose.
STARTS = ("", "", "", "", "a) ", "b) ", "đ) ", "e) ", "f) ", "a. ", "Điều 1: ", "1. ", "II. ")
ODD = ("", "", "", "", "", "✓", "中", "😀")


def phrase(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words).map(" ".join)


@st.composite
def sentence(draw: st.DrawFn, max_words: int = 40) -> str:
    start = draw(st.sampled_from(STARTS))
    odd = draw(st.sampled_from(ODD))
    words = draw(phrase(3, max_words))
    return f"{start}{words[:1].upper()}{words[1:]}{odd}."


@st.composite
def inline(draw: st.DrawFn, footnotes: bool = True) -> tuple[Inline, ...]:
    parts: list[Inline] = [Run(draw(sentence()))]
    for _ in range(draw(st.integers(0, 2))):
        parts.append(
            Run(f" {draw(phrase(1, 6))}", bold=draw(st.booleans()), italic=draw(st.booleans()))
        )
        if footnotes and draw(st.integers(0, 3)) == 0:
            parts.append(FootnoteRef((Run(draw(phrase(2, 20))),)))
    return tuple(parts)


@st.composite
def table(draw: st.DrawFn) -> Table:
    columns = draw(st.integers(1, 5))
    rows = []
    for r in range(draw(st.integers(1, 8))):
        rows.append(
            tuple(TableCell((Run(draw(phrase(1, 5))),), bold=r == 0) for _ in range(columns))
        )
    widths = draw(
        st.none() | st.lists(st.floats(0.5, 5.0), min_size=columns, max_size=columns).map(tuple)
    )
    caption = draw(st.sampled_from(("", "Bảng 1. Kết quả thực hiện")))
    return Table(
        tuple(rows), header_rows=draw(st.integers(0, 1)), column_widths=widths, caption=caption
    )


@st.composite
def block(draw: st.DrawFn) -> Block:
    choice = draw(st.integers(0, 11))
    if choice <= 3:
        level = draw(st.sampled_from(list(HeadingLevel)))
        return Heading(
            level,
            (Run(draw(phrase(1, 10))),),
            numbered=draw(st.integers(0, 9)) > 0,
            titled=draw(st.integers(0, 4)) > 0,
        )
    if choice <= 7:
        return Paragraph(draw(inline()))
    if choice <= 9:
        marker = draw(st.sampled_from(list(ListMarker)))
        return ListItem(marker, draw(inline()))
    if choice == 10:
        return draw(table())
    return PageBreak()


def blocks(max_size: int = 20) -> st.SearchStrategy[list[Block]]:
    return st.lists(block(), max_size=max_size)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    kind = draw(st.sampled_from(list(DocumentKind)))
    dated = draw(st.booleans())
    appendices = tuple(
        Appendix(draw(phrase(0, 8)), tuple(draw(blocks(4)))) for _ in range(draw(st.integers(0, 2)))
    )
    return Document(
        kind=kind,
        title=draw(st.sampled_from(("",)) | phrase(2, 40).map(lambda t: t[:1].upper() + t[1:])),
        parent_agency=draw(st.sampled_from(PARENTS)),
        issuing_agency=draw(st.sampled_from((*AGENCIES, ""))),
        agency_abbr=draw(st.sampled_from(("UBND", "SKHCN", "BNV", ""))),
        unit_abbr=draw(st.sampled_from(("VP", "KTHT", "KT&HT", ""))),
        number=draw(st.integers(1, 2500)) if dated else None,
        date=draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))) if dated else None,
        place=draw(st.sampled_from((*PLACES, ""))),
        recipients=tuple(draw(st.lists(phrase(2, 8), max_size=4))),
        legal_bases=tuple(f"Căn cứ {t}" for t in draw(st.lists(phrase(2, 12), max_size=3)))
        + tuple(draw(st.sampled_from(((), ("Theo đề nghị của Trưởng phòng Nội vụ",))))),
        authority=draw(
            st.sampled_from(("", "Chủ tịch Ủy ban nhân dân huyện Đắk Glei", "ỦY BAN NHÂN DÂN"))
        ),
        urgency=draw(st.none() | st.sampled_from(list(Urgency))),
        secrecy=draw(st.none() | st.sampled_from(list(Secrecy))),
        body=tuple(draw(blocks())),
        closing=draw(st.sampled_from(("", "Ủy ban nhân dân huyện kính báo cáo"))),
        signer=draw(st.sampled_from(SIGNERS)),
        distribution=tuple(
            draw(
                st.lists(
                    st.sampled_from(("Như trên", "Sở Nội vụ", "TT. Huyện ủy", "Lưu trữ")),
                    max_size=4,
                )
            )
        ),
        archive_note=draw(st.sampled_from(("", "VP", "KTHT"))),
        drafter_initials=draw(st.sampled_from(("", "NVA"))),
        copies=draw(st.none() | st.integers(1, 300)),
        footer_address=draw(
            st.sampled_from(("", "Số 1 Hùng Vương, thị trấn Đắk Glei; ĐT: 0260 3838 000"))
        ),
        appendices=appendices,
    )


@st.composite
def profiles(draw: st.DrawFn) -> OfficeProfile:
    def within(low: float, high: float) -> float:
        return draw(st.integers(0, int((high - low) * 2))) / 2 + low

    return OfficeProfile(
        size_profile=draw(st.sampled_from(list(SizeProfile))),
        margins=Margins(within(20, 25), within(20, 25), within(30, 35), within(15, 20)),
        first_line_indent_cm=draw(st.sampled_from((1.0, 1.27))),
        line_spacing=draw(st.sampled_from((1.0, 1.15, 1.2, 1.3, 1.5))),
        paragraph_spacing_pt=draw(st.sampled_from((6.0, 8.0, 12.0))),
    )
