"""Vietnamese text for the encoding tests: real administrative prose plus every letter.

The prose is written for these tests in the style of a district report; `ALL_LETTERS` holds
every precomposed Vietnamese letter in both cases so no table entry goes untested.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

PROSE = """
Thực hiện Kế hoạch số 83/KH-UBND ngày 04/6/2021 của Ủy ban nhân dân tỉnh Quảng Ngãi về việc
triển khai Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng trí tuệ nhân tạo đến năm
2030, Ủy ban nhân dân huyện báo cáo kết quả thực hiện như sau. Năm qua, huyện đã tập trung chỉ
đạo các cơ quan chuyên môn, Ủy ban nhân dân các xã, thị trấn đẩy mạnh ứng dụng công nghệ thông
tin trong hoạt động của cơ quan nhà nước, bảo đảm an toàn thông tin mạng, phát triển chính quyền
điện tử hướng tới chính quyền số. Hệ thống quản lý văn bản và điều hành được vận hành thông suốt;
một trăm phần trăm cán bộ, công chức được cấp chữ ký số và thực hiện ký số văn bản điện tử.
Bộ phận tiếp nhận và trả kết quả theo cơ chế một cửa điện tử đã tiếp nhận hơn mười hai nghìn
hồ sơ, tỷ lệ giải quyết đúng hạn đạt chín mươi tám phần trăm. Tuy nhiên, công tác tuyên truyền,
phổ biến chưa được thường xuyên, liên tục; nguồn nhân lực chuyên trách còn thiếu, kinh phí đầu tư
hạ tầng kỹ thuật còn hạn hẹp. Ủy ban nhân dân huyện kiến nghị tỉnh quan tâm hỗ trợ kinh phí xây
dựng Trung tâm điều hành thông minh, tổ chức các lớp tập huấn, bồi dưỡng kỹ năng số cho đội ngũ
cán bộ lãnh đạo, công chức phụ trách ở các cơ quan, đơn vị, địa phương. Khuyến khích doanh nghiệp
đổi mới sáng tạo, ứng dụng khoa học dữ liệu; thúc đẩy nghiên cứu sản phẩm mới phục vụ nông nghiệp
công nghệ cao, truy xuất nguồn gốc thủy sản, quản lý khai thác hải sản trên biển. Người dân được
hướng dẫn sử dụng tài khoản định danh điện tử, thanh toán không dùng tiền mặt; trường học triển
khai học bạ số, sổ điểm điện tử; bệnh viện ứng dụng hồ sơ sức khỏe điện tử, khám chữa bệnh từ xa.
Nguyễn Thị Hường, Trần Quốc Tuấn, Lê Ngọc Yến, Phạm Đức Thắng, Hoàng Thùy Dương, Võ Thị Ỷ Lan,
Đặng Khuê, Bùi Thị Thoa, Huỳnh Ngọc Quyết, thuở ấy, khuya khoắt, nguệch ngoạc, khuỷu tay,
quờ quạng, ngoằn ngoèo, chuyển đổi, luyện tập, xoong nồi, boong tàu, giặt giũ, ghẻ lạnh, gìn giữ.
"""


# The diacritics each vowel takes in Vietnamese: â ă, ê, ô ơ, ư.
_SHAPES = {"a": ("", "\u0302", "\u0306"), "e": ("", "\u0302"), "i": ("",),
           "o": ("", "\u0302", "\u031b"), "u": ("", "\u031b"), "y": ("",)}  # fmt: skip


def _all_letters() -> str:
    letters: list[str] = []
    for base, shapes in _SHAPES.items():
        for shape in shapes:
            for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
                composed = unicodedata.normalize("NFC", base + shape + tone)
                if len(composed) == 1 and composed not in letters:
                    letters.append(composed)
    letters.append("đ")
    return " ".join(letters)


ALL_LETTERS = _all_letters()
ALL_CAPITALS = ALL_LETTERS.upper()

SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "samples"


def large_sample() -> str:
    """The prose, every letter, and the shared real documents when they are available."""
    parts = [PROSE, ALL_LETTERS, ALL_CAPITALS]
    if SAMPLES.is_dir():
        parts.extend(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    return "\n".join(parts)
