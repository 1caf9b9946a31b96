"""Good exports to break on purpose: a DOCX held as parts whose XML the tests edit in place.

Each broken-file test takes a clean export of one of the documents below, changes one thing a
clerk would reject (an en dash in the tiêu ngữ, a 25 mm left margin, "Số: 5/…"), and checks
that exactly the rule for it fires.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable

from lxml import etree

from desktop.export.docx import render_docx
from desktop.layout.build import build
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
from desktop.model.profile import Margins, OfficeProfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TODAY = dt.date(2026, 3, 5)
MOMENT = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.UTC)
PROFILE = OfficeProfile(margins=Margins(20, 20, 30, 15))


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def report() -> Document:
    """A báo cáo with every element the rules look at."""
    return Document(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả chuyển đổi số quý I năm 2026 trên địa bàn huyện Đắk Glei",
        parent_agency="UBND tỉnh Kon Tum",
        issuing_agency="Ủy ban nhân dân huyện Đắk Glei",
        agency_abbr="UBND",
        unit_abbr="VP",
        number=5,
        place="Đắk Glei",
        date=dt.date(2026, 3, 5),
        recipients=("Ủy ban nhân dân tỉnh Kon Tum", "Sở Nội vụ tỉnh Kon Tum"),
        legal_bases=("Căn cứ Kế hoạch số 15/KH-UBND ngày 10 tháng 01 năm 2026",),
        body=(
            Heading(HeadingLevel.ROMAN, runs("Kết quả thực hiện")),
            Heading(HeadingLevel.ARABIC, runs("Hạ tầng số")),
            Paragraph(
                (
                    Run("Toàn huyện đã có "),
                    Run("100%", bold=True),
                    Run(" xã kết nối mạng truyền số liệu chuyên dùng"),
                    FootnoteRef((Run("Theo số liệu của Viễn thông Kon Tum."),)),
                    Run(", số hóa hồ sơ đạt kết quả tốt."),
                )
            ),
            Heading(HeadingLevel.LETTER, runs("Về hạ tầng")),
            ListItem(ListMarker.DASH, runs("Số hóa hồ sơ đạt 87%;")),
            ListItem(ListMarker.PLUS, runs("xã Đắk Pék đạt 95%.")),
            Heading(HeadingLevel.LETTER, runs("Về dữ liệu")),
            Table(
                rows=(
                    (TableCell(runs("Chỉ tiêu")), TableCell(runs("Kết quả"))),
                    (TableCell(runs("Hồ sơ trực tuyến")), TableCell(runs("964"))),
                ),
                column_widths=(3.0, 1.0),
            ),
            Heading(HeadingLevel.ROMAN, runs("Phương hướng")),
            Paragraph(runs("Tiếp tục đẩy mạnh chuyển đổi số, chi tiết tại Phụ lục kèm theo.")),
        ),
        closing="Ủy ban nhân dân huyện Đắk Glei kính báo cáo",
        signer=SignerBlock(
            (
                AuthorityLine("Ủy ban nhân dân", SignerPrefix.TM),
                AuthorityLine("Chủ tịch", SignerPrefix.KT),
                AuthorityLine("Phó Chủ tịch"),
            ),
            "Nguyễn Văn An",
        ),
        distribution=("Như trên", "TT Huyện ủy, TT HĐND huyện"),
        archive_note="VP",
        footer_address="Số 1 Hùng Vương, thị trấn Đắk Glei; ĐT: 0260 3838 000",
        appendices=(Appendix("Số liệu chi tiết", (Paragraph(runs("Xem bảng kèm theo.")),)),),
    )


def cong_van() -> Document:
    return report().with_changes(
        kind=DocumentKind.CONG_VAN,
        title="triển khai chuyển đổi số năm 2026",
        legal_bases=(),
        appendices=(),
    )


def quyet_dinh() -> Document:
    """A quyết định (Mẫu 1.2): authority line, căn cứ with "Theo đề nghị", `QUYẾT ĐỊNH:`,
    articles, `- Như Điều 3;`."""
    return report().with_changes(
        kind=DocumentKind.QUYET_DINH,
        title="Về việc thành lập Tổ công tác chuyển đổi số huyện Đắk Glei",
        authority="Chủ tịch Ủy ban nhân dân huyện Đắk Glei",
        recipients=(),
        legal_bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
            "Theo đề nghị của Chánh Văn phòng HĐND và UBND huyện",
        ),
        body=(
            Heading(HeadingLevel.ARTICLE, runs("Thành lập Tổ công tác chuyển đổi số huyện."),
                    titled=False),
            Heading(HeadingLevel.ARTICLE, runs("Nhiệm vụ của Tổ công tác")),
            Paragraph(runs("Giúp Chủ tịch UBND huyện chỉ đạo chuyển đổi số trên địa bàn.")),
            Heading(HeadingLevel.ARTICLE, runs("Quyết định này có hiệu lực kể từ ngày ký."),
                    titled=False),
        ),
        closing="Chánh Văn phòng HĐND và UBND huyện và các thành viên Tổ công tác chịu trách "
        "nhiệm thi hành Quyết định này",
        signer=SignerBlock((AuthorityLine("Chủ tịch"),), "Nguyễn Văn An"),
        distribution=("Như Điều 3", "UBND tỉnh (b/c)"),
        appendices=(),
    )  # fmt: skip


def export(doc: Document, profile: OfficeProfile = PROFILE) -> bytes:
    buffer = io.BytesIO()
    render_docx(build(doc, profile, TODAY), buffer, timestamp=MOMENT)
    return buffer.getvalue()


class EditableDocx:
    """The parts of a DOCX, with the XML ones parsed for editing."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.parts = {name: zf.read(name) for name in zf.namelist()}
        self.xml: dict[str, etree._Element] = {}

    def root(self, name: str = "word/document.xml") -> etree._Element:
        if name not in self.xml:
            self.xml[name] = etree.fromstring(self.parts[name])
        return self.xml[name]

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.parts.items():
                if name in self.xml:
                    data = etree.tostring(
                        self.xml[name], xml_declaration=True, encoding="UTF-8", standalone=True
                    )
                zf.writestr(name, data)
        return buffer.getvalue()

    # -- finding things

    def paragraphs(self, part: str = "word/document.xml") -> list[etree._Element]:
        return list(self.root(part).iter(w("p")))

    def paragraph(self, starts: str, part: str = "word/document.xml") -> etree._Element:
        for p in self.paragraphs(part):
            if text_of(p).startswith(starts):
                return p
        raise LookupError(f"no paragraph starting with {starts!r}")

    def header_part(self, kind: str) -> str:
        """The part name of the first section's header or footer of `kind` ('default'/'first')."""
        return self._reference("headerReference", kind)

    def footer_part(self, kind: str) -> str:
        return self._reference("footerReference", kind)

    def _reference(self, tag: str, kind: str) -> str:
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sect = self.sections()[0]
        for ref in sect.findall(w(tag)):
            if ref.get(w("type")) == kind:
                rid = ref.get(
                    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
                )
                return f"word/{targets[rid]}"
        raise LookupError(kind)

    def sections(self) -> list[etree._Element]:
        return list(self.root().iter(w("sectPr")))

    def tables(self) -> list[etree._Element]:
        return self.root().find(w("body")).findall(w("tbl"))


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def set_text(p: etree._Element, text: str) -> None:
    """Put `text` in the paragraph's first text run and drop the other text runs."""
    texts = list(p.iter(w("t")))
    texts[0].text = text
    for t in texts[1:]:
        t.text = ""


def each_rpr(p: etree._Element) -> list[etree._Element]:
    out = []
    for r in p.iter(w("r")):
        rpr = r.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(r, w("rPr"))
            r.insert(0, rpr)
        out.append(rpr)
    return out


def set_flag(p: etree._Element, tag: str, on: bool) -> None:
    for rpr in each_rpr(p):
        for el in rpr.findall(w(tag)) + rpr.findall(w(f"{tag}Cs")):
            rpr.remove(el)
        if on:
            rpr.insert(1, etree.Element(w(tag)))


def set_run_attr(p: etree._Element, tag: str, **attrs: str) -> None:
    for rpr in each_rpr(p):
        el = rpr.find(w(tag))
        if el is None:
            el = etree.SubElement(rpr, w(tag))
        for key, value in attrs.items():
            el.set(w(key), value)


def ppr(p: etree._Element) -> etree._Element:
    el = p.find(w("pPr"))
    if el is None:
        el = etree.Element(w("pPr"))
        p.insert(0, el)
    return el


def set_para_attr(p: etree._Element, tag: str, **attrs: str) -> None:
    pr = ppr(p)
    el = pr.find(w(tag))
    if el is None:
        el = etree.SubElement(pr, w(tag))
    for key, value in attrs.items():
        el.set(w(key), value)


def remove(el: etree._Element) -> None:
    el.getparent().remove(el)


Mutation = Callable[[EditableDocx], None]
