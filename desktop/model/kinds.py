"""Document kinds (tên loại văn bản) with their official abbreviations (Phụ lục III, Mục I)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DocumentKind(StrEnum):
    """The kinds of văn bản hành chính the app writes. Values are the CLI/JSON slugs."""

    BAO_CAO = "bao-cao"
    KE_HOACH = "ke-hoach"
    CONG_VAN = "cong-van"
    TO_TRINH = "to-trinh"
    THONG_BAO = "thong-bao"
    QUYET_DINH = "quyet-dinh"
    GIAY_MOI = "giay-moi"
    CHUONG_TRINH = "chuong-trinh"
    HUONG_DAN = "huong-dan"
    PHUONG_AN = "phuong-an"
    DE_AN = "de-an"
    CHI_THI = "chi-thi"
    BIEN_BAN = "bien-ban"
    NGHI_QUYET = "nghi-quyet"


@dataclass(frozen=True)
class KindInfo:
    """What the format rules need to know about one kind."""

    title: str  # tên loại as printed (UPPER), empty for công văn
    label: str  # sentence-case name for lists and messages
    abbreviation: str | None  # None: công văn has no abbreviation ("CV" is an error)
    has_title_line: bool  # công văn puts its trích yếu as "V/v …" under Số instead
    ends_with_mark: bool  # the templates end the body with "./."
    usually_addressed: bool  # báo cáo/tờ trình/công văn are usually sent with "Kính gửi"
    # Quyết định and nghị quyết (Mẫu 1.1–1.3): the "Thẩm quyền ban hành" line after the trích
    # yếu, the căn cứ, then this line (`QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:`) before the articles.
    decision_line: str = ""

    @property
    def takes_authority(self) -> bool:
        """The kind prints the issuing authority's line and the decision line (spec §3.1 ô 6)."""
        return bool(self.decision_line)


KIND_INFO: dict[DocumentKind, KindInfo] = {
    DocumentKind.BAO_CAO: KindInfo("BÁO CÁO", "Báo cáo", "BC", True, True, True),
    DocumentKind.KE_HOACH: KindInfo("KẾ HOẠCH", "Kế hoạch", "KH", True, True, False),
    DocumentKind.CONG_VAN: KindInfo("", "Công văn", None, False, True, True),
    DocumentKind.TO_TRINH: KindInfo("TỜ TRÌNH", "Tờ trình", "TTr", True, True, True),
    DocumentKind.THONG_BAO: KindInfo("THÔNG BÁO", "Thông báo", "TB", True, True, False),
    DocumentKind.QUYET_DINH: KindInfo(
        "QUYẾT ĐỊNH", "Quyết định", "QĐ", True, True, False, decision_line="QUYẾT ĐỊNH:"
    ),
    DocumentKind.GIAY_MOI: KindInfo("GIẤY MỜI", "Giấy mời", "GM", True, True, False),
    DocumentKind.CHUONG_TRINH: KindInfo("CHƯƠNG TRÌNH", "Chương trình", "CTr", True, True, False),
    DocumentKind.HUONG_DAN: KindInfo("HƯỚNG DẪN", "Hướng dẫn", "HD", True, True, False),
    DocumentKind.PHUONG_AN: KindInfo("PHƯƠNG ÁN", "Phương án", "PA", True, True, False),
    DocumentKind.DE_AN: KindInfo("ĐỀ ÁN", "Đề án", "ĐA", True, True, False),
    DocumentKind.CHI_THI: KindInfo("CHỈ THỊ", "Chỉ thị", "CT", True, True, False),
    DocumentKind.BIEN_BAN: KindInfo("BIÊN BẢN", "Biên bản", "BB", True, True, False),
    DocumentKind.NGHI_QUYET: KindInfo(
        "NGHỊ QUYẾT", "Nghị quyết", "NQ", True, True, False, decision_line="QUYẾT NGHỊ:"
    ),
}

# Every abbreviation of Phụ lục III, Mục I, including kinds the app does not write: the checker
# uses it to recognise a type abbreviation in someone else's number line.
ALL_TYPE_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
        "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
    }
)  # fmt: skip

COPY_ABBREVIATIONS: frozenset[str] = frozenset({"SY", "TrS", "SL"})


def kind_info(kind: DocumentKind) -> KindInfo:
    return KIND_INFO[kind]


def parse_kind(value: str) -> DocumentKind:
    """Parse a CLI/JSON slug; raise ValueError with the accepted list otherwise."""
    try:
        return DocumentKind(value)
    except ValueError:
        accepted = ", ".join(k.value for k in DocumentKind)
        raise ValueError(f"loại văn bản không hợp lệ: {value!r} (chấp nhận: {accepted})") from None


def kind_from_title(title: str) -> DocumentKind | None:
    """Recognise a kind from its printed title line (`BÁO CÁO`), case-insensitively."""
    wanted = " ".join(title.split()).upper()
    for kind, info in KIND_INFO.items():
        if info.title and info.title == wanted:
            return kind
    return None
