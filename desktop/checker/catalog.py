"""Every rule the checker knows: a stable id, its severity and the section of the spec it enforces.

Both front ends (the app's own documents and any DOCX) report through `finding()`, so a rule has
one severity and one spec reference wherever it fires, and the tests can prove each rule fires.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.checker.findings import Finding, Location, Severity

E = Severity.ERROR
W = Severity.WARNING


@dataclass(frozen=True)
class RuleInfo:
    severity: Severity
    spec: str  # section of nd30-format.md
    title: str  # short Vietnamese name of the rule, for lists and the README


RULES: dict[str, RuleInfo] = {
    # §1 page rules
    "page.size": RuleInfo(E, "§1", "Khổ giấy A4"),
    "page.orientation": RuleInfo(E, "§1", "Hướng giấy dọc"),
    "page.margins": RuleInfo(E, "§1", "Lề trang"),
    "font.family": RuleInfo(E, "§1", "Phông chữ Times New Roman"),
    "font.slots": RuleInfo(W, "§1, §8", "Phông chữ ở mọi ô phông (East Asian, Complex Script)"),
    "font.legacy": RuleInfo(E, "§1", "Phông chữ cũ (TCVN3, VNI)"),
    "font.color": RuleInfo(E, "§1", "Màu chữ đen"),
    "text.nfc": RuleInfo(W, "§1", "Unicode dựng sẵn (NFC)"),
    "text.coverage": RuleInfo(E, "§1", "Ký tự ngoài bộ chữ Times New Roman"),
    "page-number.missing": RuleInfo(E, "§1", "Có đánh số trang"),
    "page-number.first-page": RuleInfo(E, "§1", "Không hiện số trang ở trang 1"),
    "page-number.footer": RuleInfo(E, "§1, §9.1", "Số trang ở đầu trang, không ở chân trang"),
    "page-number.format": RuleInfo(E, "§1", "Số trang căn giữa, cỡ 13–14"),
    "page-number.appendix": RuleInfo(W, "§1", "Phụ lục đánh số trang riêng"),
    "footer.address-repeated": RuleInfo(W, "§3.1 ô 13, §9.13", "Địa chỉ chỉ ở chân trang 1"),
    # §3 header block
    "national-title.text": RuleInfo(E, "§3.1 ô 1", "Chữ Quốc hiệu"),
    "national-title.format": RuleInfo(E, "§3.1 ô 1", "Quốc hiệu in hoa, đậm, cỡ 12–13"),
    "national-title.one-line": RuleInfo(E, "§3.1 ô 1, §8", "Quốc hiệu trên một dòng"),
    "national-title.rule": RuleInfo(E, "§3.1 ô 1", "Không kẻ đường dưới Quốc hiệu"),
    "motto.text": RuleInfo(E, "§3.1 ô 1", "Chữ Tiêu ngữ"),
    "motto.format": RuleInfo(E, "§3.1 ô 1", "Tiêu ngữ in đậm, cỡ 13–14"),
    "motto.rule": RuleInfo(E, "§3.1 ô 1, §8", "Đường kẻ dưới Tiêu ngữ dài bằng dòng chữ"),
    "agency.missing": RuleInfo(E, "§3.1 ô 2", "Có tên cơ quan ban hành"),
    "agency.parent-format": RuleInfo(E, "§3.1 ô 2", "Cơ quan chủ quản chữ đứng, không đậm"),
    "agency.issuing-format": RuleInfo(E, "§3.1 ô 2", "Cơ quan ban hành in hoa, đậm"),
    "agency.rule": RuleInfo(E, "§3.1 ô 2, §8", "Đường kẻ dưới tên cơ quan dài 1/3–1/2 dòng chữ"),
    "agency.abbreviated": RuleInfo(W, "§3.1 ô 2, §9.3", "Tên cơ quan ban hành viết đầy đủ"),
    "number.missing": RuleInfo(E, "§3.1 ô 3", "Có số, ký hiệu"),
    "number.grammar": RuleInfo(E, "§4.2", "Cách ghi số, ký hiệu"),
    "number.leading-zero": RuleInfo(E, "§4.2", "Số nhỏ hơn 10 có số 0 phía trước"),
    "number.padding": RuleInfo(E, "§4.2", "Không thêm số 0 thừa"),
    "number.hyphen-spaces": RuleInfo(E, "§4.2", "Không cách trước, sau gạch nối"),
    "number.cv": RuleInfo(E, "§4.1", "Công văn không có chữ viết tắt CV"),
    "number.abbreviation-case": RuleInfo(E, "§4.1", "Chữ viết tắt tên loại đúng chữ hoa, thường"),
    "number.kind-mismatch": RuleInfo(E, "§4.1, §9.4", "Chữ viết tắt khớp tên loại"),
    "number.format": RuleInfo(E, "§3.1 ô 3", "Số, ký hiệu chữ đứng, cỡ 13"),
    "date.missing": RuleInfo(E, "§3.1 ô 4", "Có địa danh, ngày tháng năm"),
    "date.grammar": RuleInfo(E, "§3.1 ô 4, §4.2", "Cách ghi địa danh, ngày tháng năm"),
    "date.leading-zero": RuleInfo(E, "§3.1 ô 4", "Ngày 1–9, tháng 1–2 có số 0 phía trước"),
    "date.month-zero": RuleInfo(W, "§4.2", "Tháng 3–9 không thêm số 0"),
    "date.format": RuleInfo(E, "§3.1 ô 4", "Ngày tháng in nghiêng, cỡ 13–14"),
    "place.format": RuleInfo(W, "§9.5", "Địa danh viết đầy đủ"),
    "title.kind-format": RuleInfo(E, "§3.1 ô 5a", "Tên loại in hoa, đậm, căn giữa"),
    "title.missing": RuleInfo(E, "§3.1 ô 5a", "Có trích yếu"),
    "title.subject-format": RuleInfo(
        E, "§3.1 ô 5a, §9.6", "Trích yếu in đậm, không viết hoa toàn bộ"
    ),
    "title.subject-text": RuleInfo(E, "§3.1 ô 5a", "Trích yếu không có dấu chấm cuối"),
    "title.rule": RuleInfo(E, "§3.1 ô 5a, §8", "Đường kẻ dưới trích yếu dài 1/3–1/2 dòng chữ"),
    "cong-van.subject": RuleInfo(E, "§3.1 ô 5b", "Trích yếu công văn: V/v, chữ đứng, cỡ 12–13"),
    "recipients.grammar": RuleInfo(E, "§3.1 ô 9a", "Cách trình bày Kính gửi"),
    "legal-basis.format": RuleInfo(E, "§3.1 ô 6, §9.7", "Căn cứ in nghiêng, dấu ; và ."),
    # quyết định, nghị quyết (Mẫu 1.1–1.3)
    "decision.authority": RuleInfo(
        E, "§3.1 ô 6", "Quyết định, nghị quyết có dòng thẩm quyền ban hành"
    ),
    "decision.authority-format": RuleInfo(
        E, "§3.1 ô 6", "Thẩm quyền ban hành in hoa, đậm, cỡ 13–14, căn giữa"
    ),
    "decision.line": RuleInfo(
        E, "§3.1 ô 6", "Có dòng “QUYẾT ĐỊNH:” (“QUYẾT NGHỊ:”) trước các điều"
    ),
    "decision.line-format": RuleInfo(
        E, "§3.1 ô 6", "“QUYẾT ĐỊNH:” in hoa, đậm, cỡ 13–14, căn giữa"
    ),
    "decision.articles": RuleInfo(E, "§3.1 ô 6", "Nội dung quyết định trình bày theo điều"),
    # body
    "document.body-empty": RuleInfo(E, "§3.1 ô 6", "Có nội dung"),
    "body.alignment": RuleInfo(E, "§1", "Nội dung căn đều hai bên"),
    "body.indent": RuleInfo(E, "§1", "Thụt đầu dòng 1 cm hoặc 1,27 cm"),
    "body.spacing": RuleInfo(E, "§1", "Khoảng cách đoạn ít nhất 6 pt"),
    "body.line-spacing": RuleInfo(E, "§1", "Giãn dòng từ 1 đến 1,5 dòng"),
    "body.size": RuleInfo(E, "§3.1 ô 6", "Cỡ chữ nội dung 13–14"),
    "heading.article-colon": RuleInfo(E, "§3.1, §9.8", "Viết “Điều 1.”, không “Điều 1:”"),
    "heading.letter-dot": RuleInfo(E, "§3.1, §9.8", "Viết “a)”, không “a.”"),
    "heading.letter-sequence": RuleInfo(
        E, "§3.1, §9.8", "Thứ tự chữ cái tiếng Việt (đ sau d; không f, j, w, z)"
    ),
    "heading.sequence": RuleInfo(W, "§3.1", "Số thứ tự mục liên tiếp"),
    "closing.end-mark": RuleInfo(W, "§9.8", "Kết thúc bằng ./."),
    "footnote.form": RuleInfo(W, "§8", "Chú thích là chú thích thật của Word"),
    # signer and Nơi nhận
    "signer.missing": RuleInfo(E, "§5", "Có khối chữ ký"),
    "signer.grammar": RuleInfo(E, "§5, §9.9", "Quyền hạn và chức vụ người ký"),
    "signer.format": RuleInfo(E, "§5", "Chức vụ in hoa, đậm; họ tên in đậm"),
    "signer.keep-together": RuleInfo(W, "§8, §9.9", "Khối chữ ký không tách khỏi nội dung"),
    "distribution.missing": RuleInfo(E, "§3.1 ô 9b", "Có Nơi nhận"),
    "distribution.label": RuleInfo(E, "§3.1 ô 9b", "“Nơi nhận:” cỡ 12, đậm nghiêng"),
    "distribution.list-format": RuleInfo(E, "§3.1 ô 9b", "Danh sách nơi nhận cỡ 11"),
    "distribution.grammar": RuleInfo(E, "§3.1 ô 9b, §9.11", "Mỗi dòng nơi nhận “- …;”"),
    "distribution.last-line": RuleInfo(E, "§3.1 ô 9b", "Dòng cuối “- Lưu: VT, ….”"),
    "distribution.nhu-tren": RuleInfo(E, "§3.1 ô 9b, §9.11", "Có “- Như trên;” khi có Kính gửi"),
    "distribution.nhu-dieu": RuleInfo(W, "§3.1 ô 9b", "Quyết định: Nơi nhận có “- Như Điều …;”"),
    # the app's own documents (model)
    "document.status": RuleInfo(E, "§4.2", "Văn bản đã hoàn thiện phải có số và ngày"),
    "appendix.reference": RuleInfo(W, "§3.1 PL, §9.12", "Nội dung nhắc đến phụ lục"),
    "bien-ban.layout": RuleInfo(W, "§5, Mẫu 1.9", "Biên bản: hai người ký theo Mẫu 1.9"),
}


def finding(rule: str, location: Location, message: str, fix: str) -> Finding:
    info = RULES[rule]
    return Finding(rule, info.severity, location, message, fix, info.spec)


def where(element: str, **kwargs: object) -> Location:
    return Location(element, **kwargs)  # type: ignore[arg-type]
