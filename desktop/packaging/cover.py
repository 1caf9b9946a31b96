"""The cover sheet `phieu-gui.pdf`: one A4 page that says what a package holds.

Laid out like a Nghị định 30 document (agency and Quốc hiệu header, place and date, title
"PHIẾU GỬI"), it lists the files with their sizes (and part, when split), and prints the package
hash — the SHA-256 of the payload manifest, see `desktop.packaging.plan` — as text and as a QR
code, so a printed sheet can be matched to the files with `baocao verify` or a phone. The QR code
is drawn as vector squares (crisp at any printer resolution) from the `qrcode` module matrix.

The sheet never spills onto a second page: when the file list is too long, the last rows are
summarised ("… và 37 tệp khác") and `data/metadata.json` holds the full list.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from desktop.evidence.sizes import format_size
from desktop.model.grammar import place_date_line
from desktop.model.text import nfc

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
MARGINS_MM = (20.0, 15.0, 20.0, 30.0)  # top, right, bottom, left (the decree's ranges)


@dataclass(frozen=True)
class CoverFile:
    path: str  # inside the bag: data/minh-chung/03-…
    label: str
    size: int
    part: int = 1


@dataclass(frozen=True)
class CoverInfo:
    parent_agency: str
    issuing_agency: str
    place: str
    created: dt.datetime  # office time
    document_label: str  # "Báo cáo số 12/BC-UBND"
    subject: str  # trích yếu
    recipients: tuple[str, ...]
    package_id: str
    parts: tuple[tuple[str, int], ...]  # (zip name, payload bytes) per part
    files: tuple[CoverFile, ...]

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


def grouped_hash(digest: str) -> str:
    """`ab12…` in four groups of 16, easier to read aloud and compare on paper."""
    return " ".join(digest[i : i + 16] for i in range(0, len(digest), 16))


def hash_lines(digest: str) -> list[str]:
    """The grouped hash on two lines of two groups: a line break never falls mid-group."""
    groups = grouped_hash(digest).split(" ")
    return [" ".join(groups[:2]), " ".join(groups[2:])]


def render_cover(info: CoverInfo) -> bytes:
    """The cover sheet as PDF bytes (fonts embedded, exactly one page).

    If every file does not fit, the largest number of rows that keeps one page is found by
    bisection on measured heights (cheap: no PDF is written), and the rest is summarised in one
    row. The measure is checked by the real layout, which gets the last word.
    """
    listed = len(info.files)
    if _render(info, listed, measure_only=True)[1] > 1:
        fits, too_many = 0, listed
        while too_many - fits > 1:
            middle = (fits + too_many) // 2
            if _render(info, middle, measure_only=True)[1] == 1:
                fits = middle
            else:
                too_many = middle
        listed = fits
    while True:
        pdf, pages = _render(info, listed)
        if pages == 1 or listed == 0:
            return pdf
        listed -= 1


def _render(info: CoverInfo, listed: int, *, measure_only: bool = False) -> tuple[bytes, int]:
    """The sheet with the first `listed` files in the table: (PDF, pages). With `measure_only`,
    no PDF: the pages are estimated from the flowables' measured heights."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from desktop.export.pdf.fonts import default_font_set

    Rule, QrCode = _flowables()
    fonts = default_font_set()
    regular, bold, italic = fonts.name(), fonts.name(bold=True), fonts.name(italic=True)

    def style(name: str, size: float, font: str = regular, **kw: Any) -> ParagraphStyle:
        kw.setdefault("leading", size * 1.22)
        return ParagraphStyle(name, fontName=font, fontSize=size, **kw)

    center13 = style("c13", 13, alignment=TA_CENTER)
    center13b = style("c13b", 13, bold, alignment=TA_CENTER)
    center14b = style("c14b", 14, bold, alignment=TA_CENTER)
    italic14 = style("i14", 14, italic, alignment=TA_CENTER)
    title = style("title", 14, bold, alignment=TA_CENTER, spaceBefore=10)
    sub = style("sub", 14, bold, alignment=TA_CENTER)
    body = style("body", 13, alignment=TA_JUSTIFY, firstLineIndent=1.0 * 28.35, spaceBefore=4)
    # Paragraphs with long file names: justifying them would stretch the spaces absurdly.
    body_left = style("bodyl", 13, alignment=TA_LEFT, firstLineIndent=1.0 * 28.35, spaceBefore=4)
    cell = style("cell", 10.5, alignment=TA_LEFT)
    cell_c = style("cellc", 10.5, alignment=TA_CENTER)
    head = style("head", 10.5, bold, alignment=TA_CENTER)
    hash_style = style("hash", 12.5, bold, alignment=TA_LEFT, leading=16)
    small = style("small", 11, italic, alignment=TA_JUSTIFY, leading=13.5)

    def p(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(nfc(text)), st)

    text_width = (A4_WIDTH_MM - MARGINS_MM[1] - MARGINS_MM[3]) * mm
    story: list[Any] = []

    # Header: agency (left), Quốc hiệu and tiêu ngữ (right), place and date under them.
    left = []
    if info.parent_agency.strip():
        left.append(p(info.parent_agency.upper(), center13))
    left.append(p((info.issuing_agency or "CƠ QUAN GỬI").upper(), center13b))
    left.append(Rule(0.35 * text_width * 0.45))
    right = [
        p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", center13b),
        p("Độc lập - Tự do - Hạnh phúc", center14b),
        Rule(0.6 * text_width * 0.58),
    ]
    header = Table(
        [[left, right], ["", p(place_date_line(info.place, info.created.date()), italic14)]],
        colWidths=[text_width * 0.42, text_width * 0.58],
    )
    header.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 6),
            ]
        )
    )
    story.append(header)
    story.append(p("PHIẾU GỬI", title))
    story.append(p("Gói văn bản điện tử và tài liệu minh chứng", sub))
    story.append(Spacer(1, 6))
    if info.recipients:
        story.append(p("Kính gửi: " + "; ".join(info.recipients) + ".", body))

    what = f"{info.document_label}: {info.subject}" if info.subject else info.document_label
    story.append(p(f"Gửi kèm phiếu này: {what}.", body))
    if len(info.parts) == 1:
        name, _size = info.parts[0]
        story.append(
            p(
                f"Gói gồm {len(info.files)} tệp, tổng dung lượng {format_size(info.total_bytes)}, "
                f"trong tệp nén {name}.",
                body_left,
            )
        )
    else:
        names = ", ".join(n for n, _ in info.parts)
        story.append(
            p(
                f"Gói gồm {len(info.files)} tệp, tổng dung lượng {format_size(info.total_bytes)}, "
                f"chia thành {len(info.parts)} phần để gửi qua thư điện tử: {names}. Mỗi phần "
                "tự kiểm tra được; nhận đủ các phần thì ghép lại được toàn bộ gói.",
                body_left,
            )
        )
    story.append(Spacer(1, 6))
    story.append(_file_table(info, listed, text_width, cell, cell_c, head, regular, colors))
    story.append(Spacer(1, 8))

    qr_size = 30 * mm
    hash_block = [
        p("Mã kiểm tra của gói (SHA-256):", style("hl", 12, regular)),
        Paragraph("<br/>".join(hash_lines(info.package_id)), hash_style),
        p(
            "Mã này là SHA-256 của tệp manifest-sha256.txt, danh sách mã băm của mọi tệp trong "
            "gói; chỉ cần một byte của một tệp thay đổi là mã khác đi. Đối chiếu bằng lệnh "
            "“baocao verify” (in ra đúng mã này khi gói nguyên vẹn) hoặc quét mã QR.",
            small,
        ),
    ]
    block = Table(
        [[hash_block, QrCode(info.package_id, qr_size)]],
        colWidths=[text_width - qr_size - 6 * mm, qr_size + 6 * mm],
    )
    block.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    story.append(block)
    created = info.created.strftime("%d/%m/%Y %H:%M (giờ Việt Nam, UTC+07:00)")
    story.append(Spacer(1, 4))
    story.append(p(f"Phiếu lập lúc {created} bằng phần mềm baocao.", small))
    story.append(Spacer(1, 10))
    story.append(_closing(fonts, text_width, style, p))

    if measure_only:
        return b"", _estimated_pages(story, text_width)

    buffer = io.BytesIO()
    pages: list[int] = []
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(A4_WIDTH_MM * mm, A4_HEIGHT_MM * mm),
        topMargin=MARGINS_MM[0] * mm,
        rightMargin=MARGINS_MM[1] * mm,
        bottomMargin=MARGINS_MM[2] * mm,
        leftMargin=MARGINS_MM[3] * mm,
        title=f"Phiếu gửi — {info.document_label}",
        author=info.issuing_agency,
        subject=info.package_id,
        creator="baocao",
        producer="baocao (reportlab)",
        invariant=True,
        initialFontName=regular,
    )
    doc.build(
        story, onFirstPage=lambda c, d: pages.append(1), onLaterPages=lambda c, d: pages.append(1)
    )
    return buffer.getvalue(), len(pages)


def _estimated_pages(story: list[Any], width: float) -> int:
    from reportlab.lib.units import mm

    frame_padding = 12  # SimpleDocTemplate's frame: 6 pt inside each edge
    available = (A4_HEIGHT_MM - MARGINS_MM[0] - MARGINS_MM[2]) * mm - frame_padding
    used = 0.0
    for index, flowable in enumerate(story):
        _w, height = flowable.wrap(width - frame_padding, available)
        used += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0)
    return 1 if used <= available else 2


def _closing(fonts: Any, width: float, style: Any, p: Any) -> Any:
    """Nơi nhận on the left, the sender's signature on the right, as on any ND30 document."""
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.platypus import Table, TableStyle

    label = style("nn", 12, fonts.name(bold=True, italic=True), alignment=TA_LEFT)
    items = style("nni", 11, fonts.name(), alignment=TA_LEFT, leading=13)
    signer = style("sg", 13, fonts.name(bold=True), alignment=TA_CENTER)
    hint = style("sh", 13, fonts.name(italic=True), alignment=TA_CENTER)
    left = [p("Nơi nhận:", label), p("- Như trên;", items), p("- Lưu: VT.", items)]
    right = [p("NGƯỜI GỬI", signer), p("(Ký, ghi rõ họ tên)", hint)]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.name()),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _file_table(
    info: CoverInfo,
    listed: int,
    width: float,
    cell: Any,
    cell_c: Any,
    head: Any,
    font: str,
    colors: Any,
) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    split = len(info.parts) > 1
    header = ["STT", "Tệp trong gói", "Nội dung", "Dung lượng"] + (["Phần"] if split else [])
    rows: list[list[Any]] = [[Paragraph(h, head) for h in header]]
    files: Sequence[CoverFile] = info.files
    shown = files[:listed]
    for index, f in enumerate(shown, start=1):
        row = [
            Paragraph(str(index), cell_c),
            Paragraph(escape(f.path.removeprefix("data/")), cell),
            Paragraph(escape(f.label), cell),
            Paragraph(format_size(f.size), cell_c),
        ]
        if split:
            row.append(Paragraph(str(f.part), cell_c))
        rows.append(row)
    rest = files[listed:]
    if rest:
        summary = (
            f"… và {len(rest)} tệp khác, tổng {format_size(sum(f.size for f in rest))} "
            "(danh sách đầy đủ trong data/metadata.json)"
        )
        rows.append(
            [
                Paragraph("", cell),
                Paragraph(escape(summary), cell),
                "",
                "",
                *([""] if split else []),
            ]
        )
    fractions = [0.07, 0.38, 0.38, 0.17] if not split else [0.07, 0.35, 0.35, 0.15, 0.08]
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, 10.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if rest:
        commands.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
    table.setStyle(TableStyle(commands))
    return table


@functools.cache
def _flowables() -> tuple[Any, Any]:
    """The two custom flowables, defined on first use so importing this module stays light."""
    from reportlab.platypus import Flowable

    class Rule(Flowable):  # type: ignore[misc]
        """A short centred rule under the agency name / tiêu ngữ (spec §2, ô 1 and 3)."""

        def __init__(self, width: float) -> None:
            super().__init__()
            self.rule_width = width

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.available = available_width
            return available_width, 4

        def draw(self) -> None:
            x = (self.available - self.rule_width) / 2
            self.canv.setLineWidth(0.6)
            self.canv.line(x, 2, x + self.rule_width, 2)

    class QrCode(Flowable):  # type: ignore[misc]
        """The package hash as a QR code, drawn as vector squares."""

        def __init__(self, text: str, size: float) -> None:
            super().__init__()
            import qrcode
            from qrcode.constants import ERROR_CORRECT_M

            qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
            qr.add_data(text)
            qr.make(fit=True)
            self.matrix: list[list[bool]] = qr.get_matrix()
            self.size = size

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.available = available_width
            return available_width, self.size

        def draw(self) -> None:
            modules = len(self.matrix)
            cell = self.size / modules
            x0 = self.available - self.size
            self.canv.setFillColorRGB(0, 0, 0)
            for row_index, row in enumerate(self.matrix):
                y = self.size - (row_index + 1) * cell
                col = 0
                while col < modules:
                    if not row[col]:
                        col += 1
                        continue
                    start = col
                    while col < modules and row[col]:
                        col += 1
                    # One rectangle per run of dark modules: fewer operations, no hairlines.
                    self.canv.rect(
                        x0 + start * cell, y, (col - start) * cell, cell, stroke=0, fill=1
                    )

    return Rule, QrCode
