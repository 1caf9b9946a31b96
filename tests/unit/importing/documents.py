"""Realistic source texts of the kinds the importer meets, written for these tests.

Each imitates one way real documents reach the importer: text copied from a signed PDF (signing
tool's text, page numbers, footnotes at page ends, a header table read line by line, the
Nơi nhận/signer table joined on one line), a công văn with both header columns on one line,
a tờ trình typed line by line with căn cứ, a markdown conversion with footnotes and a table.
"""

from __future__ import annotations

BAO_CAO_FROM_PDF = """\
Ký bởi: Ủy ban nhân dân tỉnh Bình Phước
Email: ubnd@binhphuoc.gov.vn
Cơ quan: Tỉnh Bình Phước
Thời gian ký: 19.01.2024 08:56:24 +07:00

UBND TỈNH BÌNH PHƯỚC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ
Độc lập - Tự do - Hạnh phúc
Số: 169 /BC-SNV
Bình Phước, ngày 05 tháng 02 năm 2024

BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2023

Kính gửi: Ủy ban nhân dân tỉnh Bình Phước.

Thực hiện Kế hoạch số 12/KH-UBND¹ ngày 10/01/2023 của Ủy ban nhân dân tỉnh; Sở Nội vụ báo cáo kết quả thực hiện công tác cải cách hành chính năm 2023 như sau:

I. KẾT QUẢ ĐẠT ĐƯỢC

1. Công tác chỉ đạo, điều hành

- Sở đã tham mưu ban hành Kế hoạch cải cách hành chính năm 2023² và tổ chức triển khai đến các cơ quan, đơn vị; định kỳ hằng quý kiểm tra việc thực hiện tại các

¹ Kế hoạch số 12/KH-UBND ngày 10/01/2023 về cải cách hành chính năm 2023.
² Quyết định số 45/QĐ-UBND ngày 15/01/2023 của Chủ tịch Ủy ban nhân dân
tỉnh về việc giao chỉ tiêu cải cách hành chính.

2

sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố.

- Chỉ số cải cách hành chính năm 2023 của tỉnh tăng 5 bậc so với năm 2022.

2. Cải cách thủ tục hành chính

a) Rà soát, đơn giản hóa 45 thủ tục hành chính³.

b) Công bố công khai 100% thủ tục hành chính trên Cổng dịch vụ công của tỉnh.

II. NHIỆM VỤ NĂM 2024

Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân.

Trên đây là báo cáo kết quả cải cách hành chính năm 2023 của Sở Nội vụ./.

³ Quyết định số 321/QĐ-UBND ngày 20/3/2023 của Ủy ban nhân dân tỉnh.

3

Nơi nhận:                                    KT. GIÁM ĐỐC
- UBND tỉnh (b/c);                           PHÓ GIÁM ĐỐC
- Giám đốc Sở;
- Lưu: VT, CCHC.                             (Đã ký)

                                             Nguyễn Văn An
"""

CONG_VAN_COLUMNS_ON_ONE_LINE = """\
ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN BÌNH SƠN\t\tĐộc lập - Tự do - Hạnh phúc
Số: 1944/UBND-KTHT          Bình Sơn, ngày 12 tháng 3 năm 2024
V/v triển khai thực hiện chuyển đổi số
trên địa bàn huyện năm 2024

Kính gửi:
- Các phòng, ban chuyên môn thuộc UBND huyện;
- Ủy ban nhân dân các xã, thị trấn.

Thực hiện Kế hoạch số 90/KH-UBND ngày 27/6/2022 của Ủy ban nhân dân huyện về phát triển chính quyền số, Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:

1. Rà soát hạ tầng công nghệ thông tin, báo cáo về Phòng Kinh tế và Hạ tầng trước ngày 30/3/2024.

2. Cử cán bộ tham gia lớp tập huấn kỹ năng số do tỉnh tổ chức.

Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.

Nơi nhận:                          TM. ỦY BAN NHÂN DÂN
- Như trên;                        KT. CHỦ TỊCH
- CT, các PCT UBND huyện;          PHÓ CHỦ TỊCH
- Lưu: VT, KTHT.
                                   Ngô Văn Dũng
"""

TO_TRINH_LINE_BY_LINE = """\
ỦY BAN NHÂN DÂN
XÃ BÌNH TRỊ
Số: 15/TTr-UBND
Bình Trị, ngày 03 tháng 4 năm 2024
TỜ TRÌNH
Về việc đề nghị phê duyệt kế hoạch ứng dụng công nghệ thông tin năm 2024
Kính gửi: Ủy ban nhân dân huyện Bình Sơn.
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Quyết định số 127/QĐ-TTg ngày 26/01/2021 của Thủ tướng Chính phủ;
Căn cứ Kế hoạch số 124/KH-UBND ngày 25/11/2021 của Ủy ban nhân dân huyện Bình Sơn.
Ủy ban nhân dân xã kính trình Ủy ban nhân dân huyện phê duyệt kế hoạch với các nội dung sau:
1. Sự cần thiết
Hạ tầng công nghệ thông tin của xã đã xuống cấp, chưa đáp ứng yêu cầu chuyển đổi số.
3. Nội dung đề nghị
a. Mua sắm 05 máy tính để bàn cho Bộ phận một cửa.
b. Nâng cấp đường truyền Internet.
Kính trình Ủy ban nhân dân huyện xem xét, phê duyệt./.
Nơi nhận:
- Như trên;
- Lưu: VT.
T/M ỦY BAN NHÂN DÂN
CHỦ TỊCH
LÊ VĂN BÌNH
"""

MARKDOWN_WITH_NOTES = """\
# **KẾ HOẠCH**

## **Tổ chức Ngày Chuyển đổi số năm 2024**

Căn cứ Quyết định số 505/QĐ-TTg ngày 22/4/2022 của Thủ tướng Chính phủ;

Căn cứ Kế hoạch số 25/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh.

### I. MỤC ĐÍCH, YÊU CẦU

Nâng cao nhận thức của cán bộ và người dân về chuyển đổi số[^1], với khẩu hiệu *“Chuyển đổi số toàn dân”*.

### II. NỘI DUNG

| STT | Hoạt động | Thời gian |
|---|---|---|
| 1 | Hội thảo | Tháng 10 |
| 2 | Triển lãm **sản phẩm số** | Tháng 10 |

- Tổ chức hội thảo chuyên đề;
- + Mời chuyên gia của Bộ Thông tin và Truyền thông.

Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc Kế hoạch này./.

**Nơi nhận:**

- Các sở, ban, ngành;
- Lưu: VT, KGVX.

**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**

**Trần Văn Lộc**

[^1]: Theo Quyết định số 505/QĐ-TTg, ngày 10 tháng 10 hằng năm là Ngày Chuyển đổi số quốc gia.
"""

HARD_WRAPPED = """\
UBND TỈNH HÀ TĨNH
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1791/BC-SKHCN
Hà Tĩnh, ngày 15 tháng 11 năm 2021
BÁO CÁO
Tình hình thực hiện nhiệm vụ khoa học và công nghệ năm 2021
I. KẾT QUẢ THỰC HIỆN
Năm 2021, Sở Khoa học và Công nghệ đã tham mưu Ủy ban nhân dân tỉnh ban hành
nhiều văn bản chỉ đạo, điều hành quan trọng, tạo hành lang pháp lý cho hoạt động
khoa học và công nghệ trên địa bàn tỉnh, trong đó có các chính sách hỗ trợ doanh
nghiệp đổi mới công nghệ và phát triển tài sản trí tuệ.
Công tác quản lý nhiệm vụ khoa học và công nghệ được thực hiện chặt chẽ, đúng quy
định; các đề tài, dự án được nghiệm thu đúng tiến độ, nhiều kết quả được ứng dụng
vào thực tiễn sản xuất và đời sống.
II. NHIỆM VỤ NĂM 2022
Tiếp tục triển khai các nhiệm vụ khoa học và công nghệ theo kế hoạch đã được phê
duyệt, bảo đảm hiệu quả./.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, QLKH.
GIÁM ĐỐC
Lê Thị Hương
"""

WITH_APPENDIX = """\
BÁO CÁO
Kết quả thực hiện kế hoạch năm 2023

I. KẾT QUẢ

Đã hoàn thành các chỉ tiêu được giao (chi tiết tại Phụ lục kèm theo)./.

Nơi nhận:
- Sở Nội vụ;
- Lưu: VT.

GIÁM ĐỐC

Phạm Minh Chính

PHỤ LỤC
KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU
(Kèm theo Báo cáo số 20/BC-SNV ngày 10/01/2024 của Sở Nội vụ)

1. Chỉ tiêu về thủ tục hành chính

- Tỷ lệ hồ sơ giải quyết đúng hạn: 98,5%.
"""
