"""Header parts the source lacks come from the office profile — reported, never overwriting."""

from __future__ import annotations

from desktop.importing.office_defaults import with_office_defaults
from desktop.importing.report import Certainty
from desktop.importing.service import import_text
from desktop.model.document import AuthorityLine, SignerBlock, SignerPrefix
from desktop.model.profile import OfficeProfile, SignerPreset

PROFILE = OfficeProfile(
    parent_agency="UBND TỈNH BÌNH PHƯỚC",
    issuing_agency="SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    agency_abbr="SKHCN",
    unit_abbr="QLKH",
    place="Bình Phước",
    signers=(
        SignerPreset(
            "Giám đốc",
            SignerBlock((AuthorityLine("Giám đốc"),), "Nguyễn Văn An"),
        ),
    ),
)

HEADLESS = """BÁO CÁO
Kết quả ứng dụng công nghệ thông tin năm 2024

I. Kết quả

Đã triển khai phần mềm quản lý văn bản./.
"""

WITH_HEADER = """UBND HUYỆN BÌNH SƠN
PHÒNG VĂN HÓA VÀ THÔNG TIN
Số: 12/BC-VHTT
Bình Sơn, ngày 05 tháng 3 năm 2024
BÁO CÁO
Kết quả năm 2024

Nội dung báo cáo./.

Nơi nhận:
- UBND huyện;
- Lưu: VT.

KT. TRƯỞNG PHÒNG
PHÓ TRƯỞNG PHÒNG

Trần Văn Bình
"""


def test_a_source_without_header_takes_the_office_and_says_so() -> None:
    result = with_office_defaults(import_text(HEADLESS), PROFILE)
    doc = result.document
    assert doc.issuing_agency == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert doc.parent_agency == "UBND TỈNH BÌNH PHƯỚC"
    assert (doc.agency_abbr, doc.place, doc.archive_note) == ("SKHCN", "Bình Phước", "QLKH")
    assert doc.signer.name == "Nguyễn Văn An"
    borrowed = [e for e in result.report.entries if "hồ sơ cơ quan" in e.message]
    assert {e.field for e in borrowed} >= {"issuing_agency", "place", "signer"}
    assert all(e.certainty is Certainty.UNSURE for e in borrowed)


def test_what_the_source_says_is_never_overwritten() -> None:
    original = import_text(WITH_HEADER)
    result = with_office_defaults(original, PROFILE)
    doc = result.document
    assert doc.issuing_agency == original.document.issuing_agency != PROFILE.issuing_agency
    assert doc.parent_agency == original.document.parent_agency
    assert doc.place == "Bình Sơn"
    assert doc.signer == original.document.signer
    assert doc.signer.lines[0].prefix is SignerPrefix.KT


def test_an_empty_profile_changes_nothing() -> None:
    original = import_text(HEADLESS)
    assert with_office_defaults(original, OfficeProfile()) == original
