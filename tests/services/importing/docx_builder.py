"""Build realistic .docx test inputs the way Word (and other people) make them.

python-docx writes the body; what it has no API for — a footnotes part, automatic numbering
definitions, legacy-font runs, header/closing tables — is added as raw XML exactly as Word
stores it. Used by the importer's service tests and by `benchmarks/import_bench.py`.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Run = tuple[str, dict[str, object]]  # (text, {"bold": True, "italic": True, "font": ".VnTime"})


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A valid PNG picture (grey pixels), small enough to keep tests fast."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


class DocxBuilder:
    def __init__(self) -> None:
        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        style = self.doc.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(14)
        self._notes: list[str] = []
        self._next_num = 900

    # -- paragraphs ------------------------------------------------------------------------

    def paragraph(
        self,
        content: str | list[Run],
        *,
        bold: bool = False,
        italic: bool = False,
        center: bool = False,
        style: str | None = None,
        numbering: tuple[int, int] | None = None,
        font: str | None = None,
        container: object | None = None,
    ) -> object:
        target = container if container is not None else self.doc
        p = target.add_paragraph(style=style)  # type: ignore[attr-defined]
        if center:
            p.alignment = 1
        runs = [(content, {})] if isinstance(content, str) else content
        for text, fmt in runs:
            self._add_run(
                p,
                text,
                bold=bool(fmt.get("bold", bold)),
                italic=bool(fmt.get("italic", italic)),
                font=fmt.get("font", font),
                caps=bool(fmt.get("caps")),
            )  # type: ignore[arg-type]
        if numbering is not None:
            num_id, level = numbering
            ppr = p._p.get_or_add_pPr()
            num_pr = parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr>'
            )
            ppr.append(num_pr)
        return p

    def _add_run(self, p: object, text: str, *, bold: bool, italic: bool, font: str | None,
                 caps: bool = False) -> None:  # fmt: skip
        parts = text.split("\n")
        run = p.add_run(parts[0])  # type: ignore[attr-defined]
        for extra in parts[1:]:
            run.add_break()
            run.add_text(extra)
        run.bold = bold or None
        run.italic = italic or None
        if caps:
            run.font.all_caps = True
        if font:
            rpr = run._r.get_or_add_rPr()
            fonts = OxmlElement("w:rFonts")
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(attr), font)
            rpr.insert(0, fonts)

    def footnote(self, paragraph: object, text: str) -> None:
        """A real footnote: a reference mark at the end of `paragraph`, its text in the part."""
        note_id = len(self._notes) + 1
        self._notes.append(text)
        run = paragraph.add_run()  # type: ignore[attr-defined]
        rpr = run._r.get_or_add_rPr()
        vert = OxmlElement("w:vertAlign")
        vert.set(qn("w:val"), "superscript")
        rpr.append(vert)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(note_id))
        run._r.append(ref)

    def image(self, paragraph: object, description: str = "") -> None:
        run = paragraph.add_run()  # type: ignore[attr-defined]
        run.add_picture(io.BytesIO(tiny_png()), width=Mm(20))
        if description:
            for doc_pr in run._r.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
            ):
                doc_pr.set("descr", description)

    def page_break(self) -> None:
        self.doc.add_page_break()

    # -- numbering -------------------------------------------------------------------------

    def outline_numbering(self, levels: list[tuple[str, str]]) -> int:
        """A multi-level list, e.g. [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]."""
        numbering = self.doc.part.numbering_part.element
        self._next_num += 1
        abstract_id = self._next_num
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(
            f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
        )
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{abstract_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
        numbering.append(num)
        return abstract_id

    # -- tables ----------------------------------------------------------------------------

    def table(
        self, rows: list[list[str]], *, header_rows: int = 1, bold_header: bool = True
    ) -> object:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                cell.text = ""
                self._add_run(cell.paragraphs[0], text, bold=bold_header and r < header_rows,
                              italic=False, font=None)  # fmt: skip
            if r < header_rows:
                trpr = table.rows[r]._tr.get_or_add_trPr()
                trpr.append(OxmlElement("w:tblHeader"))
        return table

    def two_column_table(self, rows: list[tuple[list[str | list[Run]], list[str | list[Run]]]],
                         *, center: bool = True) -> object:  # fmt: skip
        """A borderless 2-column table (the header or the closing block): (left, right) per row."""
        table = self.doc.add_table(rows=len(rows), cols=2)
        for r, sides in enumerate(rows):
            for c, lines in enumerate(sides):
                cell = table.cell(r, c)
                cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                for line in lines:
                    self.paragraph(line, center=center, container=cell)
                if not lines:
                    cell.add_paragraph("")
        return table

    # -- saving ----------------------------------------------------------------------------

    def save(self, path: Path) -> Path:
        if self._notes:
            self._add_footnotes_part()
        self.doc.save(str(path))
        return path

    def _add_footnotes_part(self) -> None:
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {_xml_escape(text)}</w:t></w:r></w:p></w:footnote>'
            for i, text in enumerate(self._notes, start=1)
        )
        xml = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:footnotes xmlns:w="{W_NS}">'
            f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            f"</w:r></w:p></w:footnote>{notes}</w:footnotes>"
        )
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            xml.encode("utf-8"),
            self.doc.part.package,
        )
        self.doc.part.relate_to(part, RT.FOOTNOTES)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
