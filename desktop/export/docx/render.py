"""`render_docx(content, target)`: the layout content → a DOCX that Word and LibreOffice open cleanly.

Every drawing decision for DOCX lives here (what is printed was decided by `desktop.layout.build`):
the header block as a borderless two-row table, short rules as paragraph borders measured from
the text, real footnotes, the signer/Nơi nhận table kept with the last paragraph, one section
per phụ lục with its own page numbering, the page number centred in the header from page 2.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from lxml import etree

from desktop.export.docx import package, tables
from desktop.export.docx.ooxml import (
    R_NS,
    XML_SPACE,
    border,
    run_properties,
    sub,
    text_run,
    twips,
    w,
)
from desktop.export.docx.paragraphs import (
    NO_LAYOUT,
    Layout,
    paragraph,
    paragraph_properties,
    rule_paragraph,
    spacer_paragraph,
)
from desktop.layout import geometry, measure
from desktop.layout.content import (
    Content,
    Element,
    HeaderBlock,
    Line,
    Marks,
    PageBreakContent,
    Recipients,
    Rule,
    SectionContent,
    SignatureBlock,
    Span,
    TableContent,
    TitleBlock,
)
from desktop.layout.styles import Role, TextStyle

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

# Space between the header table's two rows, and above the signer/Nơi nhận table.
HEADER_ROW_GAP_PT = 6.0
SIGNATURE_GAP_ABOVE_PT = 12.0
AFTER_HEADER_GAP_PT = 12.0
# Padding inside the KHẨN / MẬT rectangle.
MARK_PADDING_MM = 1.5
MM_PER_PT = 25.4 / 72


def render_docx(content: Content, target: Path | IO[bytes], *, timestamp: dt.datetime) -> None:
    """Write `content` as DOCX to a path or a binary stream. `timestamp` is stored as the
    created/modified date: renderers never read the clock."""
    document = package.new_document()
    _Renderer(content, document).render()
    package.set_core_properties(document, content.metadata, timestamp)
    document.save(target)  # type: ignore[arg-type]


class _HeaderFooterParts:
    """The header/footer parts, created once and shared by every section that needs them."""

    def __init__(self, renderer: _Renderer) -> None:
        self._renderer = renderer
        self._cache: dict[str, str] = {}

    def rid(self, kind: str, footer_line: Line | None = None) -> str:
        key = kind if footer_line is None else f"{kind}:{footer_line.text}"
        if key not in self._cache:
            self._cache[key] = self._create(kind, footer_line)
        return self._cache[key]

    def _create(self, kind: str, footer_line: Line | None) -> str:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.parts.hdrftr import FooterPart, HeaderPart

        doc_part = self._renderer.document.part
        is_footer = kind.startswith("footer")
        part = (FooterPart if is_footer else HeaderPart).new(doc_part.package)
        root = part.element
        for child in list(root):
            root.remove(child)
        if kind == "header-page-number":
            self._renderer.page_number_paragraph(root)
        elif kind == "footer-address" and footer_line is not None:
            self._renderer.footer_address_paragraph(root, footer_line)
        else:
            p = sub(root, "p")
            run_properties(sub(p, "pPr"), 1)
        return str(doc_part.relate_to(part, RT.FOOTER if is_footer else RT.HEADER))


class _Renderer:
    def __init__(self, content: Content, document: DocxDocument) -> None:
        self.content = content
        self.styles = content.styles
        self.document = document
        self.body = document.element.body
        self.text_width = self.styles.page.text_width_mm
        self.parts = _HeaderFooterParts(self)
        self.footnotes = package.add_footnotes_part(document)
        self._page_break_pending = False
        self._after_header = False  # the element being drawn follows the header block directly

    # ---------------------------------------------------------------- document and sections

    def render(self) -> None:
        sections = self.content.sections
        for index, section in enumerate(sections):
            self._section_elements(section)
            sect_pr = self._sect_pr(section)
            if index < len(sections) - 1:
                self._section_break_holder().find(w("pPr")).append(sect_pr)
            else:
                self.body.append(sect_pr)

    def _section_elements(self, section: SectionContent) -> None:
        elements = list(section.elements)
        keep_until = _last_body_line_index(elements)
        for i, element in enumerate(elements):
            self._after_header = i > 0 and isinstance(elements[i - 1], HeaderBlock | Marks)
            self._element(element, keep_next=i in keep_until)
        if not elements or not isinstance(elements[-1], Line):
            # A section (and the body) must end with a paragraph; keep it 1 pt high so it can
            # never push a page of its own.
            p = sub(self.body, "p")
            ppr = sub(p, "pPr")
            sub(ppr, "spacing", before=0, after=0, line=20, lineRule="exact")
            run_properties(ppr, 1)

    def _section_break_holder(self) -> etree._Element:
        last = self.body[-1]
        if last.find(w("pPr")) is None:
            last.insert(0, etree.Element(w("pPr")))
        return last

    def _sect_pr(self, section: SectionContent) -> etree._Element:
        page = self.styles.page
        sect = etree.Element(w("sectPr"))
        for kind, ref_type in (("header-page-number", "default"), ("header-empty", "first")):
            ref = sub(sect, "headerReference", type=ref_type)
            ref.set(f"{{{R_NS}}}id", self.parts.rid(kind))
        footer_first = (
            self.parts.rid("footer-address", section.footer_first_page)
            if section.footer_first_page is not None
            else self.parts.rid("footer-empty")
        )
        for rid, ref_type in ((self.parts.rid("footer-empty"), "default"), (footer_first, "first")):
            ref = sub(sect, "footerReference", type=ref_type)
            ref.set(f"{{{R_NS}}}id", rid)
        sub(sect, "type", val="nextPage")
        sub(sect, "pgSz", w=twips(page.width_mm), h=twips(page.height_mm))
        sub(
            sect,
            "pgMar",
            top=twips(page.top_mm),
            right=twips(page.right_mm),
            bottom=twips(page.bottom_mm),
            left=twips(page.left_mm),
            header=twips(page.header_distance_mm),
            footer=twips(page.footer_distance_mm),
            gutter=0,
        )
        sub(sect, "pgNumType", start=1)
        sub(sect, "cols", space=720)
        sub(sect, "titlePg")  # no number on a section's first page (spec §1)
        sub(sect, "docGrid", linePitch=360)
        return sect

    def page_number_paragraph(self, root: etree._Element) -> None:
        """A centred PAGE field at the profile's page-number size."""
        style = self.styles.style(Role.PAGE_NUMBER)
        p = sub(root, "p")
        ppr = sub(p, "pPr")
        sub(ppr, "pStyle", val="Header")
        sub(ppr, "spacing", before=0, after=0, line=240, lineRule="auto")
        sub(ppr, "jc", val="center")
        run_properties(ppr, style.size_pt)

        def field_run(kind: str, instruction: str | None = None) -> None:
            r = sub(p, "r")
            run_properties(r, style.size_pt)
            if instruction is None:
                sub(r, "fldChar", fldCharType=kind)
            else:
                t = sub(r, "instrText")
                t.text = instruction
                t.set(XML_SPACE, "preserve")

        field_run("begin")
        field_run("instr", " PAGE ")
        field_run("separate")
        text_run(p, "2", style.size_pt)
        field_run("end")

    def footer_address_paragraph(self, root: etree._Element, line: Line) -> None:
        """Ô 13: the address under a rule spanning the whole text width, page 1 only."""
        style = self.styles.style(line.role)
        p = sub(root, "p")
        ppr = sub(p, "pPr")
        sub(ppr, "pStyle", val="Footer")
        borders = sub(ppr, "pBdr")
        border(borders, "top")
        sub(ppr, "spacing", before=0, after=0, line=240, lineRule="auto")
        sub(ppr, "jc", val="center")
        run_properties(ppr, style.size_pt)
        for span in line.spans:
            text_run(p, span.text, style.size_pt, bold=span.bold, italic=span.italic)

    # ---------------------------------------------------------------- elements

    def _element(self, element: Element, *, keep_next: bool = False) -> None:
        match element:
            case HeaderBlock():
                self._header(element)
            case TitleBlock():
                self._title(element)
            case Marks():
                self._marks(element)
            case Recipients():
                self._recipients(element)
            case Line():
                self._line(element, Layout(keep_next=keep_next))
            case TableContent():
                self._table(element, keep_last_row=keep_next)
            case PageBreakContent():
                self._page_break_pending = True
            case SignatureBlock():
                self._signature(element)
            case Rule():
                length = geometry.rule_length_mm(self.styles, element, self.text_width)
                rule_paragraph(self.body, self.text_width, length)

    def _line(self, line: Line, layout: Layout = NO_LAYOUT) -> etree._Element:
        if self._page_break_pending:
            self._page_break_pending = False
            layout = replace(layout, page_break_before=True)
        return paragraph(self.body, line, self.styles, layout, self._footnote)

    def _header(self, header: HeaderBlock) -> None:
        columns = geometry.header_columns(self.styles, header)
        widths = (columns.left_mm, columns.right_mm)
        tbl = tables.table(self.body, widths, ruled=False, indent_mm=columns.indent_mm)
        top = tables.row(tbl, cant_split=True)
        for column, lines, rule in (
            (columns.left_mm, header.left, header.left_rule),
            (columns.right_mm, header.right, header.right_rule),
        ):
            tc = tables.cell(top, column)
            inner = geometry.cell_text_width_mm(column)
            for line in lines:
                printed = geometry.printed_lines(self.styles, line.role, line.text, inner)
                if line.role in geometry.BALANCED_ROLES and len(printed) > 1:
                    line = replace(line, spans=(Span("\n".join(printed)),))
                paragraph(tc, line, self.styles)
            if rule is not None:
                length = geometry.rule_length_mm(self.styles, rule, inner)
                rule_paragraph(tc, inner, length)
        bottom = tables.row(tbl, cant_split=True)
        gap = Layout(space_before_pt=HEADER_ROW_GAP_PT)
        tc = tables.cell(bottom, columns.left_mm)
        paragraph(tc, header.number, self.styles, gap)
        for line in header.subject_cong_van:
            paragraph(tc, line, self.styles)
        tc = tables.cell(bottom, columns.right_mm)
        paragraph(tc, header.place_date, self.styles, gap)

    def _title(self, title: TitleBlock) -> None:
        self._line(title.kind_title, Layout(keep_next=True))
        for line in title.subject:
            self._line(line, Layout(keep_next=True))
        if title.rule is not None:
            length = geometry.rule_length_mm(self.styles, title.rule, self.text_width)
            rule_paragraph(
                self.body, self.text_width, length, space_after_pt=geometry.AFTER_TITLE_RULE_PT
            )

    def _marks(self, marks: Marks) -> None:
        """KHẨN / MẬT in a single-line rectangle sized to the word (ô 10a/10b)."""
        for line in marks.lines:
            style = self.styles.style(line.role)
            text_mm = measure.text_width_mm(line.text, style.size_pt, bold=style.bold)
            right = max(self.text_width - text_mm - 2 * MARK_PADDING_MM, 0.0)
            p = paragraph(
                self.body,
                line,
                self.styles,
                Layout(left_mm=MARK_PADDING_MM, right_mm=right, space_before_pt=6),
            )
            ppr = p.find(w("pPr"))
            borders = etree.Element(w("pBdr"))
            for side in ("top", "left", "bottom", "right"):
                border(borders, side, size_eighths=8, space_pt=2)
            ppr.find(w("spacing")).addprevious(borders)

    def _recipients(self, recipients: Recipients) -> None:
        """Kính gửi: one line for one recipient; otherwise a list whose dashes align under the
        colon, wrapped lines hanging after the dash (spec §3.1 ô 9a, §8)."""
        style = self.styles.style(Role.RECIPIENTS)
        indents = geometry.recipient_indents(self.styles, recipients)
        # A công văn has no title block: leave a line's space under the header (Mẫu 1.5).
        before = max(style.space_before_pt, AFTER_HEADER_GAP_PT) if self._after_header else None

        def width(text: str) -> float:
            return measure.text_width_mm(text, style.size_pt, bold=style.bold)

        if recipients.single:
            label = f"{recipients.label} "
            line = Line(Role.RECIPIENTS, (Span(label), Span(recipients.items[0])))
            hang = width(label)
            layout = Layout(left_mm=indents.label_mm + hang, hanging_mm=hang)
            self._line(line, replace(layout, space_before_pt=before))
            return
        self._line(
            Line(Role.RECIPIENTS, (Span(recipients.label),)),
            Layout(left_mm=indents.label_mm, keep_next=True, space_before_pt=before),
        )
        for item in recipients.items:
            hang = width(item[:2]) if item.startswith("- ") else 0.0
            self._line(
                Line(Role.RECIPIENTS, (Span(item),)),
                Layout(left_mm=indents.items_mm + hang, hanging_mm=hang, space_before_pt=0),
            )

    def _table(self, content: TableContent, *, keep_last_row: bool = False) -> None:
        if content.caption is not None:
            self._line(content.caption, Layout(keep_next=True))
        if self._page_break_pending:
            self._page_break_pending = False
            p = sub(self.body, "p")
            sub(sub(p, "r"), "br", type="page")
        # A gap as wide as the space between paragraphs: a table cannot have space before, and
        # without it the table touches the line (or the phụ lục's short rule) above it.
        spacer_paragraph(self.body, self.styles.paragraph_spacing_pt * MM_PER_PT)
        widths = _fit_widths(content.column_widths_mm, self.text_width)
        tbl = tables.table(self.body, widths, ruled=True)
        columns = len(widths)
        for r, cells in enumerate(content.rows):
            header = r < content.header_rows
            tr = tables.row(tbl, header=header, cant_split=header)
            col = 0
            for cell in cells:
                span = max(1, min(cell.col_span, columns - col))
                tc = tables.cell(tr, sum(widths[col : col + span]), span=span, v_center=header)
                # The last row of a table that ends the body keeps with the signer block.
                keep = Layout(keep_next=keep_last_row and r == len(content.rows) - 1)
                for line in cell.lines:
                    paragraph(tc, line, self.styles, keep, self._footnote)
                if not cell.lines:
                    self._empty_cell_paragraph(tc, Role.TABLE)
                col += span
                if col >= columns:
                    break
            while col < columns:  # short rows are padded so every row spans the grid
                tc = tables.cell(tr, widths[col])
                self._empty_cell_paragraph(tc, Role.TABLE)
                col += 1

    def _empty_cell_paragraph(self, tc: etree._Element, role: Role) -> None:
        style = self.styles.style(role)
        p = sub(tc, "p")
        run_properties(paragraph_properties(p, self.styles, style), style.size_pt)

    def _signature(self, block: SignatureBlock) -> None:
        """Nơi nhận on the left, authority / signature space / name on the right, in one row
        that cannot split, kept with the last body paragraph (spec §8)."""
        left = round(self.text_width * block.left_fraction, 2)
        widths = (left, round(self.text_width - left, 2))
        tbl = tables.table(self.body, widths, ruled=False)
        tr = tables.row(tbl, cant_split=True)
        first = Layout(space_before_pt=SIGNATURE_GAP_ABOVE_PT, keep_next=True)
        rest = Layout(keep_next=True)
        tc = tables.cell(tr, widths[0])
        left_lines = [block.distribution_label] if block.distribution_label else []
        left_lines.extend(block.distribution)
        for i, line in enumerate(left_lines):
            paragraph(tc, line, self.styles, first if i == 0 else rest)
        if not left_lines:
            self._empty_cell_paragraph(tc, Role.DISTRIBUTION)
        tc = tables.cell(tr, widths[1])
        for i, line in enumerate(block.authority):
            paragraph(tc, line, self.styles, first if i == 0 else rest)
        spacer_paragraph(tc, block.gap_mm)
        paragraph(tc, block.name, self.styles)

    # ---------------------------------------------------------------- footnotes

    def _footnote(self, p: etree._Element, span: Span, style: TextStyle) -> None:
        """A real Word footnote: the reference run here, the text in footnotes.xml (Word
        numbers both; the number printed is the footnote's position, as in `build`)."""
        assert self.footnotes is not None and span.footnote is not None
        r = sub(p, "r")
        run_properties(r, style.size_pt, superscript=True, style="FootnoteReference")
        sub(r, "footnoteReference", id=span.footnote)
        note = self.content.footnote(span.footnote)
        note_style = self.styles.style(Role.FOOTNOTE)
        fn = sub(self.footnotes, "footnote", id=span.footnote)
        fp = sub(fn, "p")
        ppr = sub(fp, "pPr")
        sub(ppr, "pStyle", val="FootnoteText")
        sub(ppr, "spacing", before=0, after=0, line=240, lineRule="auto")
        sub(ppr, "jc", val="both")
        run_properties(ppr, note_style.size_pt)
        ref = sub(fp, "r")
        run_properties(ref, note_style.size_pt, superscript=True, style="FootnoteReference")
        sub(ref, "footnoteRef")
        text_run(fp, " ", note_style.size_pt)
        for s in note.spans:
            if s.text:
                text_run(
                    fp, s.text, note_style.size_pt, bold=s.bold, italic=s.italic,
                    underline=s.underline,
                )  # fmt: skip


def _last_body_line_index(elements: list[Element]) -> set[int]:
    """Indices of the elements that must stay on the signer block's page: the last body line
    (or table) before a `SignatureBlock`, and the line before a short closing line."""
    out: set[int] = set()
    for i, element in enumerate(elements):
        if not isinstance(element, SignatureBlock):
            continue
        j = i - 1
        while j >= 0 and isinstance(elements[j], Line | TableContent):
            out.add(j)
            previous = elements[j]
            if not isinstance(previous, Line) or previous.role is not Role.CLOSING or len(out) >= 2:
                break
            j -= 1
    return out


def _fit_widths(widths: tuple[float, ...], limit: float) -> tuple[float, ...]:
    """Column widths scaled down when they add up to more than the text width."""
    total = sum(widths)
    if total <= limit or total <= 0:
        return widths
    return tuple(round(x * limit / total, 2) for x in widths)
