"""`check_pdf(path)`: the format rules that can be read off any PDF (ours or anyone's).

What is checked: A4 pages; every font embedded, and Times New Roman (a metric-compatible
substitute is a warning); page numbers centred in the top margin, none on page 1 and numbering
restarting per phụ lục; an NFC text layer; PDF/A identification with XMP consistent with the Info
dictionary and an output intent; no encryption; the signature fields of a signable export
(`ChuKyNguoiKy`, `ChuKyCoQuan`) — or, when signed, who signed and whether each signature is intact
(`pdf_signatures`, with pyHanko imported only then).

The structure is read with pikepdf, the text layer with pypdf (text runs with their positions).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.checker.catalog import RULES, RuleInfo
from desktop.checker.findings import Finding, Location, Severity
from desktop.errors import UserError

E = Severity.ERROR
W = Severity.WARNING

# PDF-only rules; the shared ones (page.size, font.family, text.nfc, page-number.*) come from
# the catalogue so a rule has one severity wherever it fires.
PDF_RULES: dict[str, RuleInfo] = {
    "pdf.font-embedded": RuleInfo(E, "§1, §8", "Phông chữ được nhúng vào tệp PDF"),
    "pdf.font-substitute": RuleInfo(W, "§1", "Phông thay thế Times New Roman"),
    "pdf.text-layer": RuleInfo(W, "§1", "Tệp có lớp chữ (không phải ảnh quét)"),
    "pdf.encrypted": RuleInfo(E, "§6", "Tệp PDF không bị mã hóa"),
    "pdf.pdfa": RuleInfo(W, "§6", "Khai báo chuẩn lưu trữ PDF/A"),
    "pdf.pdfa-metadata": RuleInfo(E, "§6", "Siêu dữ liệu XMP khớp thông tin tài liệu"),
    "pdf.pdfa-output-intent": RuleInfo(E, "§6", "Hồ sơ màu (OutputIntent) cho PDF/A"),
    "pdf.signature-fields": RuleInfo(W, "§2 ô 7c, 8; §6", "Ô chữ ký số cho người ký và cơ quan"),
    "pdf.signature-invalid": RuleInfo(E, "§6", "Chữ ký số còn nguyên vẹn"),
    "pdf.signature-count": RuleInfo(W, "§6", "Văn bản chính có chữ ký số của người ký và cơ quan"),
}

SIGNER_FIELD = "ChuKyNguoiKy"
SEAL_FIELD = "ChuKyCoQuan"

MM = 72 / 25.4
A4 = (210.0, 297.0)
SIZE_TOLERANCE_MM = 1.0
HEADER_BAND_MM = 20.0  # the smallest allowed top margin: page numbers live above it
FOOTER_BAND_MM = 20.0
CENTRE_TOLERANCE_MM = 6.0  # a number centred on the page instead of the text area passes
RIGHT_MARGIN_MM = (15.0, 20.0)
PAGE_NUMBER_SIZES = (12.5, 14.5)  # 13–14 pt with rounding
DIGIT_WIDTH_EM = 0.5  # Times New Roman and its substitutes: every digit is half an em wide
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_TNR = re.compile(r"times\s*new\s*roman|timesnewroman", re.IGNORECASE)
_SUBSTITUTES = re.compile(r"liberation\s*serif|liberationserif|tinos", re.IGNORECASE)


def _finding(rule: str, location: Location, message: str, fix: str) -> Finding:
    info = PDF_RULES.get(rule) or RULES[rule]
    return Finding(rule, info.severity, location, message, fix, info.spec)


def _doc() -> Location:
    return Location("Tệp PDF")


def _page(number: int, element: str) -> Location:
    return Location(element, page=number)


# ------------------------------------------------------------------------------------------
# Signatures


@dataclass(frozen=True)
class SignatureStatus:
    """One signature field of a PDF: empty, or signed by someone and intact or not."""

    field: str
    page: int | None
    signed: bool
    signer: str = ""  # certificate subject's common name (or the full subject)
    signed_at: str = ""  # signing time claimed in the signature, ISO 8601
    intact: bool = False  # the signed bytes are unchanged and the signature verifies
    covers_document: bool = False  # the signature covers the whole file, not an old revision
    problem: str = ""  # why it could not be verified, in Vietnamese

    def describe(self) -> str:
        if not self.signed:
            return f"Ô {self.field}: chưa ký"
        state = "còn nguyên vẹn" if self.intact else "KHÔNG còn nguyên vẹn"
        extra = "" if self.covers_document or not self.intact else " (tệp đã bị sửa sau khi ký)"
        when = f", lúc {self.signed_at}" if self.signed_at else ""
        return f"Ô {self.field}: ký bởi {self.signer or 'không rõ'}{when} — chữ ký {state}{extra}"


def _signature_fields(pdf: Any) -> Iterator[tuple[str, Any]]:
    """(full name, field dictionary) of every signature field in the AcroForm tree."""
    root = pdf.Root
    if "/AcroForm" not in root or "/Fields" not in root.AcroForm:
        return
    stack = [(f, "") for f in root.AcroForm.Fields]
    while stack:
        node, prefix = stack.pop(0)
        name = str(node.get("/T", ""))
        full = f"{prefix}.{name}" if prefix and name else (name or prefix)
        if "/Kids" in node and any("/T" in kid for kid in node.Kids):
            stack[0:0] = [(kid, full) for kid in node.Kids]
            continue
        if str(node.get("/FT", "")) == "/Sig":
            yield full, node


def _field_page(pdf: Any, node: Any) -> int | None:
    widgets = list(node.Kids) if "/Kids" in node else [node]
    for widget in widgets:
        if "/P" in widget:
            for i, page in enumerate(pdf.pages):
                if page.obj.objgen == widget.P.objgen:
                    return i + 1
    for i, page in enumerate(pdf.pages):
        for annot in page.obj.get("/Annots", []):
            if any(annot.objgen == w.objgen for w in widgets):
                return i + 1
    return None


def pdf_signatures(path: Path) -> list[SignatureStatus]:
    """Every signature field of the PDF with who signed it and whether it is intact."""
    pdf = _open(path)
    try:
        fields = [(name, node, _field_page(pdf, node)) for name, node in _signature_fields(pdf)]
        signed = [name for name, node, _ in fields if "/V" in node]
    finally:
        pdf.close()
    validated: dict[str, SignatureStatus] = _validate_signatures(path) if signed else {}
    out = []
    for name, node, page in fields:
        if "/V" not in node:
            out.append(SignatureStatus(name, page, signed=False))
        else:
            status = validated.get(name) or SignatureStatus(
                name, page, signed=True, problem="không đọc được chữ ký"
            )
            out.append(
                SignatureStatus(
                    name,
                    page,
                    True,
                    status.signer,
                    status.signed_at,
                    status.intact,
                    status.covers_document,
                    status.problem,
                )
            )
    return out


def _validate_signatures(path: Path) -> dict[str, SignatureStatus]:
    """Check each embedded signature with pyHanko (imported only here: ~0.9 s). Trust in the
    certificate chain is not judged (no network, no national root store here): only that the
    signed bytes are unchanged and the signature matches the certificate it carries."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    out: dict[str, SignatureStatus] = {}
    with path.open("rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        context = ValidationContext(trust_roots=[], allow_fetching=False)
        for embedded in reader.embedded_signatures:
            name = embedded.field_name
            signer = ""
            signed_at = ""
            try:
                cert = embedded.signer_cert
                subject = cert.subject.native
                signer = str(subject.get("common_name") or cert.subject.human_friendly)
            except Exception:  # a malformed certificate still gets reported
                signer = ""
            try:
                when = embedded.self_reported_timestamp
                signed_at = when.isoformat() if when else ""
            except Exception:
                signed_at = ""
            try:
                status = validate_pdf_signature(embedded, context)
                intact = bool(status.intact and status.valid)
                coverage = getattr(status, "coverage", None)
                covers = getattr(coverage, "name", "") in ("ENTIRE_FILE",)
                problem = "" if intact else "dữ liệu đã ký bị thay đổi hoặc chữ ký không khớp"
            except Exception as exc:
                intact, covers, problem = False, False, f"không kiểm tra được chữ ký ({exc})"
            out[name] = SignatureStatus(
                name, None, True, signer, signed_at, intact, covers, problem
            )
    return out


# ------------------------------------------------------------------------------------------
# Text layer


@dataclass
class _Run:
    text: str
    x: float  # pt from the left edge
    baseline_from_top: float  # pt
    size: float


@dataclass
class _PageText:
    number: int
    width: float
    height: float
    runs: list[_Run] = field(default_factory=list)
    text: str = ""


def _page_texts(path: Path) -> list[_PageText]:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    pages: list[_PageText] = []
    for index, page in enumerate(reader.pages):
        box = page.mediabox
        left, bottom = float(box.left), float(box.bottom)
        info = _PageText(index + 1, float(box.width), float(box.height))

        def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float,
                  info: _PageText = info, left: float = left, bottom: float = bottom) -> None:  # fmt: skip
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            info.runs.append(
                _Run(text, x - left, info.height - (y - bottom), size * (scale or 1.0))
            )

        info.text = page.extract_text(visitor_text=visit) or ""
        pages.append(info)
    return pages


def _number_runs(page: _PageText, *, top: bool) -> list[_Run]:
    band = (HEADER_BAND_MM if top else FOOTER_BAND_MM) * MM
    out = []
    for run in page.runs:
        text = run.text.strip()
        if not text.isdigit():
            continue
        inside = run.baseline_from_top < band if top else run.baseline_from_top > page.height - band
        if inside:
            out.append(run)
    return out


def _text_centre_range(page: _PageText) -> tuple[float, float] | None:
    """Where the centre of the text area can be: from the left edge of the running text and the
    right margins the decree allows (15–20 mm). None when the page has too little text."""
    lefts = [
        run.x
        for run in page.runs
        if HEADER_BAND_MM * MM <= run.baseline_from_top <= page.height - FOOTER_BAND_MM * MM
    ]
    if len(lefts) < 3:
        return None
    left = min(lefts)
    right_margins = (RIGHT_MARGIN_MM[1] * MM, RIGHT_MARGIN_MM[0] * MM)
    return tuple((left + page.width - r) / 2 for r in right_margins)  # type: ignore[return-value]


def _starts_section(page: _PageText, pages: list[_PageText]) -> bool:
    """A page without a number is a phụ lục's first page when the next page is numbered 2 or
    the page opens with the "Phụ lục" heading."""
    following = pages[page.number] if page.number < len(pages) else None
    if following is not None:
        numbers = _number_runs(following, top=True)
        if numbers and numbers[0].text.strip() == "2":
            return True
    first = min(page.runs, key=lambda r: (round(r.baseline_from_top), r.x), default=None)
    return first is not None and first.text.strip().lower().startswith("phụ lục")


def _check_page_numbers(pages: list[_PageText]) -> list[Finding]:
    out: list[Finding] = []
    expected: int | None = None  # the number the current page should carry
    for page in pages:
        header = _number_runs(page, top=True)
        footer = _number_runs(page, top=False)
        if page.number == 1:
            if header:
                out.append(_finding(
                    "page-number.first-page", _page(1, "Số trang"),
                    "Trang 1 có số trang ở đầu trang.",
                    "Bỏ số trang ở trang đầu (Word: Different First Page).",
                ))  # fmt: skip
            expected = 2
            continue
        if not header:
            if footer:
                value = int(footer[0].text.strip())
                out.append(_finding(
                    "page-number.footer", _page(page.number, "Số trang"),
                    f"Số trang {value} nằm ở chân trang.",
                    "Đặt số trang ở giữa đầu trang (lề trên), không ở chân trang.",
                ))  # fmt: skip
                expected = value + 1
                continue
            if _starts_section(page, pages):
                expected = 2  # a phụ lục starts here: its first page carries no number
                continue
            if page.runs:
                out.append(_finding(
                    "page-number.missing", _page(page.number, "Số trang"),
                    f"Trang {page.number} không có số trang ở đầu trang.",
                    "Đánh số trang ở giữa lề trên từ trang 2.",
                ))  # fmt: skip
            expected = None if expected is None else expected + 1
            continue
        run = header[0]
        value = int(run.text.strip())
        if expected is not None and value != expected:
            out.append(_finding(
                "page-number.appendix", _page(page.number, "Số trang"),
                f"Trang {page.number} mang số {value}, lẽ ra là {expected}.",
                "Đánh số trang liên tục; mỗi phụ lục đánh số lại từ 1.",
            ))  # fmt: skip
        expected = value + 1
        problems = []
        if not PAGE_NUMBER_SIZES[0] <= run.size <= PAGE_NUMBER_SIZES[1]:
            problems.append(f"cỡ {run.size:.1f} pt (phải 13–14 pt)")
        centres = _text_centre_range(page)
        if centres is not None:
            centre = run.x + len(run.text.strip()) * run.size * DIGIT_WIDTH_EM / 2
            low, high = centres[0] - CENTRE_TOLERANCE_MM * MM, centres[1] + CENTRE_TOLERANCE_MM * MM
            if not low <= centre <= high:
                off = min(abs(centre - centres[0]), abs(centre - centres[1])) / MM
                problems.append(f"lệch {off:.0f} mm so với giữa vùng chữ")
        if problems:
            out.append(_finding(
                "page-number.format", _page(page.number, "Số trang"),
                f"Số trang {value}: {', '.join(problems)}.",
                "Số trang căn giữa đầu trang, cỡ 13–14, chữ đứng.",
            ))  # fmt: skip
    return out


def _check_text(pages: list[_PageText]) -> list[Finding]:
    out: list[Finding] = []
    if not any(page.text.strip() for page in pages):
        out.append(_finding(
            "pdf.text-layer", _doc(),
            "Tệp không có lớp chữ (có thể là ảnh quét); không kiểm tra được số trang và chữ.",
            "Xuất PDF từ văn bản gốc thay vì quét.",
        ))  # fmt: skip
        return out
    for page in pages:
        if not unicodedata.is_normalized("NFC", page.text):
            bad = next((i for i, ch in enumerate(page.text) if unicodedata.combining(ch)), 0)
            snippet = page.text[max(0, bad - 15) : bad + 15].replace("\n", " ")
            out.append(_finding(
                "text.nfc", _page(page.number, "Lớp chữ"),
                f"Lớp chữ trang {page.number} có ký tự tổ hợp (không phải Unicode dựng sẵn), "
                f"ví dụ “{unicodedata.normalize('NFC', snippet)}”.",
                "Chuẩn hóa văn bản về Unicode dựng sẵn (NFC) rồi xuất lại.",
            ))  # fmt: skip
            break
    return out


# ------------------------------------------------------------------------------------------
# Structure


def _open(path: Path) -> Any:
    import pikepdf

    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp {path}.")
    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError:
        raise
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise UserError(f"Không đọc được {path.name} như một tệp PDF ({exc}).") from None


def _check_pages(pdf: Any) -> list[Finding]:
    out: list[Finding] = []
    for i, page in enumerate(pdf.pages):
        box = [float(v) for v in page.mediabox]
        width = abs(box[2] - box[0]) / MM
        height = abs(box[3] - box[1]) / MM
        if int(page.obj.get("/Rotate", 0)) % 180:
            width, height = height, width
        portrait = (abs(width - A4[0]) <= SIZE_TOLERANCE_MM) and (
            abs(height - A4[1]) <= SIZE_TOLERANCE_MM
        )
        landscape = (abs(width - A4[1]) <= SIZE_TOLERANCE_MM) and (
            abs(height - A4[0]) <= SIZE_TOLERANCE_MM
        )
        if landscape:
            out.append(_finding(
                "page.orientation", _page(i + 1, "Hướng giấy"),
                f"Trang {i + 1} khổ A4 nằm ngang.",
                "Chỉ dùng trang ngang cho bảng biểu; văn bản in trên khổ A4 đứng.",
            ))  # fmt: skip
        elif not portrait:
            out.append(_finding(
                "page.size", _page(i + 1, "Khổ giấy"),
                f"Trang {i + 1} có khổ {width:.0f} × {height:.0f} mm, không phải A4 "
                "(210 × 297 mm).",
                "Đặt khổ giấy A4 rồi xuất lại.",
            ))  # fmt: skip
    return out


def _fonts_in(resources: Any, seen: set[tuple[int, int]]) -> Iterator[Any]:
    if resources is None:
        return
    fonts = resources.get("/Font")
    if fonts is not None:
        for _, font in fonts.items():
            key = font.objgen
            if key != (0, 0) and key in seen:
                continue
            seen.add(key)
            yield font
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for _, xobj in xobjects.items():
            key = xobj.objgen
            if key != (0, 0) and key in seen:
                continue
            seen.add(key)
            if str(xobj.get("/Subtype", "")) == "/Form":
                yield from _fonts_in(xobj.get("/Resources"), seen)


def _font_embedded(font: Any) -> bool:
    subtype = str(font.get("/Subtype", ""))
    if subtype == "/Type3":
        return True
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        if not descendants:
            return False
        font = descendants[0]
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _font_name(font: Any) -> str:
    return _SUBSET_PREFIX.sub("", str(font.get("/BaseFont", "/?")).lstrip("/"))


def _check_fonts(pdf: Any) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    unembedded: dict[str, int] = {}
    substitutes: set[str] = set()
    others: dict[str, int] = {}
    for i, page in enumerate(pdf.pages):
        for font in _fonts_in(page.obj.get("/Resources"), seen):
            name = _font_name(font)
            if not _font_embedded(font):
                unembedded.setdefault(name, i + 1)
            if _TNR.search(name):
                continue
            if _SUBSTITUTES.search(name):
                substitutes.add(name.split("-")[0])
            else:
                others.setdefault(name, i + 1)
    for name, page in unembedded.items():
        out.append(_finding(
            "pdf.font-embedded", _page(page, "Phông chữ"),
            f"Phông {name} không được nhúng vào tệp: máy khác sẽ in bằng phông khác.",
            "Xuất lại PDF với tùy chọn nhúng phông (embed fonts).",
        ))  # fmt: skip
    for name, page in others.items():
        out.append(_finding(
            "font.family", _page(page, "Phông chữ"),
            f"Chữ dùng phông {name}, không phải Times New Roman.",
            "Dùng phông Times New Roman cho toàn bộ văn bản.",
        ))  # fmt: skip
    if substitutes:
        out.append(_finding(
            "pdf.font-substitute", _doc(),
            f"Chữ dùng phông {', '.join(sorted(substitutes))}: cùng kích thước chữ với Times "
            "New Roman nên bố cục không đổi, nhưng tên phông khác.",
            "Xuất trên máy có phông Times New Roman nếu nơi nhận kiểm tra tên phông.",
        ))  # fmt: skip
    return out


def _xmp_values(pdf: Any) -> dict[str, str] | None:
    if "/Metadata" not in pdf.Root:
        return None
    meta = pdf.open_metadata()
    values: dict[str, str] = {}
    for key in (
        "pdfaid:part", "pdfaid:conformance", "dc:title", "dc:creator", "dc:description",
        "pdf:Keywords", "pdf:Producer", "xmp:CreatorTool", "xmp:CreateDate", "xmp:ModifyDate",
    ):  # fmt: skip
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, (list, set, tuple)):
            value = "; ".join(str(v) for v in value)
        values[key] = str(value)
    return values


def _pdf_date_to_iso(value: str) -> str | None:
    match = re.match(
        r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?'?$",
        value.strip(),
    )
    if not match:
        return None
    y, mo, d, h, mi, s, sign, oh, om = match.groups()
    text = f"{y}-{mo or '01'}-{d or '01'}T{h or '00'}:{mi or '00'}:{s or '00'}"
    if sign in ("Z", "z"):
        return text + "+00:00"
    if sign in ("+", "-"):
        return f"{text}{sign}{oh or '00'}:{om or '00'}"
    return text


def _same_date(xmp: str, info: str) -> bool:
    iso = _pdf_date_to_iso(info)
    if iso is None:
        return False
    norm = xmp.replace("Z", "+00:00")
    if "." in norm:
        head, _, tail = norm.partition(".")
        zone = re.search(r"[+\-]\d{2}:\d{2}$", tail)
        norm = head + (zone.group(0) if zone else "")
    return norm == iso or (norm[:19] == iso[:19] and len(norm) == 19)


def _check_pdfa(pdf: Any) -> list[Finding]:
    out: list[Finding] = []
    xmp = _xmp_values(pdf)
    if xmp is None or "pdfaid:part" not in xmp:
        out.append(_finding(
            "pdf.pdfa", _doc(),
            "Tệp không khai báo chuẩn lưu trữ PDF/A (không có pdfaid trong siêu dữ liệu XMP).",
            "Xuất lại bằng chương trình (tệp PDF/A-2b) để lưu trữ lâu dài.",
        ))  # fmt: skip
        return out
    info = pdf.trailer.get("/Info")
    pairs = (
        ("/Title", "dc:title", "tiêu đề"),
        ("/Author", "dc:creator", "tác giả"),
        ("/Subject", "dc:description", "chủ đề"),
        ("/Keywords", "pdf:Keywords", "từ khóa"),
        ("/Producer", "pdf:Producer", "chương trình tạo"),
        ("/Creator", "xmp:CreatorTool", "công cụ soạn"),
    )
    mismatched = []
    for info_key, xmp_key, label in pairs:
        info_value = str(info.get(info_key)) if info is not None and info_key in info else None
        xmp_value = xmp.get(xmp_key)
        if (info_value is not None and xmp_value is not None and info_value != xmp_value) or (
            (info_value is None) != (xmp_value is None) and (info_value or xmp_value)
        ):
            mismatched.append(label)
    for info_key, xmp_key, label in (
        ("/CreationDate", "xmp:CreateDate", "ngày tạo"),
        ("/ModDate", "xmp:ModifyDate", "ngày sửa"),
    ):
        info_value = str(info.get(info_key)) if info is not None and info_key in info else None
        xmp_value = xmp.get(xmp_key)
        if info_value and xmp_value and not _same_date(xmp_value, info_value):
            mismatched.append(label)
    if mismatched:
        out.append(_finding(
            "pdf.pdfa-metadata", _doc(),
            f"Siêu dữ liệu XMP không khớp thông tin tài liệu: {', '.join(mismatched)}.",
            "Xuất lại tệp; nếu đã sửa tệp bằng công cụ khác, hãy cập nhật cả XMP.",
        ))  # fmt: skip
    intents = pdf.Root.get("/OutputIntents")
    if not intents or not any(
        str(i.get("/S", "")) == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents
    ):
        out.append(_finding(
            "pdf.pdfa-output-intent", _doc(),
            "Tệp khai báo PDF/A nhưng không có hồ sơ màu (OutputIntent GTS_PDFA1).",
            "Xuất lại tệp bằng chương trình.",
        ))  # fmt: skip
    return out


def _check_signatures(path: Path, pdf: Any) -> list[Finding]:
    out: list[Finding] = []
    fields = list(_signature_fields(pdf))
    names = {name for name, _ in fields}
    signed = [name for name, node in fields if "/V" in node]
    if not fields:
        out.append(_finding(
            "pdf.signature-fields", _doc(),
            "Tệp chưa có ô chữ ký số; công cụ ký sẽ phải tự đặt vị trí chữ ký và dấu.",
            f"Xuất lại bằng chương trình: tệp có sẵn ô {SIGNER_FIELD} (người ký) và "
            f"{SEAL_FIELD} (cơ quan).",
        ))  # fmt: skip
        return out
    missing = [n for n in (SIGNER_FIELD, SEAL_FIELD) if n not in names]
    if missing and not signed:
        out.append(_finding(
            "pdf.signature-fields", _doc(),
            f"Thiếu ô chữ ký số {', '.join(missing)}.",
            "Xuất lại bằng chương trình để có đủ hai ô chữ ký.",
        ))  # fmt: skip
    if not signed:
        return out
    statuses = pdf_signatures(path)
    for status in statuses:
        if status.signed and not status.intact:
            out.append(_finding(
                "pdf.signature-invalid", _page(status.page or 1, f"Chữ ký {status.field}"),
                f"Chữ ký số ở ô {status.field} ({status.signer or 'không rõ người ký'}) không "
                f"còn nguyên vẹn: {status.problem}.",
                "Không dùng bản này; lấy lại bản gốc đã ký từ người gửi.",
            ))  # fmt: skip
        elif status.signed and not status.covers_document:
            out.append(_finding(
                "pdf.signature-invalid", _page(status.page or 1, f"Chữ ký {status.field}"),
                f"Tệp đã được sửa sau chữ ký ở ô {status.field} ({status.signer}).",
                "Kiểm tra phần được thêm sau khi ký, hoặc lấy lại bản gốc đã ký.",
            ))  # fmt: skip
    signed_count = sum(1 for s in statuses if s.signed)
    if signed_count == 1:
        out.append(_finding(
            "pdf.signature-count", _doc(),
            "Văn bản mới có một chữ ký số; văn bản chính cần chữ ký của người có thẩm quyền "
            "và chữ ký số của cơ quan.",
            "Chuyển văn thư ký số cơ quan vào ô ChuKyCoQuan.",
        ))  # fmt: skip
    return out


def check_pdf(path: Path) -> list[Finding]:
    """Check a PDF file against the rules readable from a PDF; see the module docstring.

    Raises `UserError` when the file is missing or is not a PDF.
    """
    import pikepdf

    path = Path(path)
    try:
        pdf = _open(path)
    except pikepdf.PasswordError:
        return [_finding(
            "pdf.encrypted", _doc(),
            "Tệp PDF có mật khẩu nên không mở được để kiểm tra.",
            "Bỏ mật khẩu (mã hóa) trước khi gửi hoặc lưu trữ.",
        )]  # fmt: skip
    findings: list[Finding] = []
    try:
        if pdf.is_encrypted:
            findings.append(_finding(
                "pdf.encrypted", _doc(),
                "Tệp PDF bị mã hóa (giới hạn quyền); chuẩn lưu trữ PDF/A không cho phép.",
                "Xuất lại tệp không mã hóa.",
            ))  # fmt: skip
        findings += _check_pages(pdf)
        findings += _check_fonts(pdf)
        findings += _check_pdfa(pdf)
        findings += _check_signatures(path, pdf)
    finally:
        pdf.close()
    try:
        pages = _page_texts(path)
    except Exception as exc:  # pypdf cannot read everything pikepdf can
        raise UserError(f"Không đọc được lớp chữ của {path.name} ({exc}).") from None
    findings += _check_text(pages)
    if any(page.text.strip() for page in pages):
        findings += _check_page_numbers(pages)
    return findings
