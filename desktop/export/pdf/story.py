"""The layout content → a reportlab story (list of flowables), element by element.

Each decision mirrors the DOCX renderer (`desktop.export.docx.render`) so that a printed PDF and a
printed DOCX look the same: the same shared geometry (`desktop.layout.geometry`: header columns,
rule lengths, Kính gửi indents, cell padding), the same spacing constants, the same keep rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.export.pdf.flowables import (
    CentredRule,
    KeepTailWith,
    KeepWithNext,
    LayoutRecord,
    SectionStart,
    Shifted,
    SignatureGap,
    StampLine,
)
from desktop.export.pdf.fonts import FontSet
from desktop.export.pdf.footnotes import FootnoteArea, NotedParagraph, NotedTable
from desktop.export.pdf.markup import NBSP, footnote_mark, spans_markup
from desktop.export.pdf.pstyles import ParagraphStyles, WordParagraph
from desktop.layout import geometry
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
from desktop.layout.styles import Role

# The same spacing constants as the DOCX renderer.
HEADER_ROW_GAP_PT = 6.0  # space above "Số:" and the place/date line (second header row)
SIGNATURE_GAP_ABOVE_PT = 12.0  # space above "Nơi nhận:" and the first authority line
AFTER_HEADER_GAP_PT = 12.0  # least space above Kính gửi right under the header (công văn)
MARK_PADDING_MM = 1.5  # inside the KHẨN / MẬT rectangle
MARK_BORDER_PT = 1.0  # w:sz=8
MARK_BORDER_SPACE_PT = 2.0  # w:space=2
TABLE_RULE_PT = 0.5  # w:sz=4
CELL_PADDING = geometry.CELL_PADDING_MM * mm

STAMP_NUMBER = "number"
STAMP_DATE = "place-date"


def fit_widths(widths: tuple[float, ...], limit: float) -> tuple[float, ...]:
    """Column widths scaled down when they add up to more than the text width (as in DOCX)."""
    total = sum(widths)
    if total <= limit or total <= 0:
        return widths
    return tuple(round(x * limit / total, 2) for x in widths)


@dataclass
class StoryBuilder:
    content: Content
    fonts: FontSet
    pstyles: ParagraphStyles
    notes: FootnoteArea
    record: LayoutRecord
    # The element being laid out follows the header block (or the KHẨN/MẬT marks) directly.
    after_header: bool = False

    @property
    def text_width_mm(self) -> float:
        return self.content.styles.page.text_width_mm

    # ------------------------------------------------------------------ paragraphs

    def markup(self, line: Line) -> str:
        size = self.content.styles.style(line.role).size_pt
        text = spans_markup(line.spans, size)
        # An empty line keeps its height, like an empty Word paragraph.
        return text if line.text.strip() or text.strip() else NBSP

    def paragraph(self, line: Line, **style_changes: Any) -> Paragraph:
        """A paragraph in a table cell or a fixed block (no footnote room of its own)."""
        style = self._style(line, style_changes)
        return WordParagraph(self.markup(line), style)

    def noted(self, line: Line, **style_changes: Any) -> NotedParagraph:
        """A body paragraph: it carries the room for its footnotes, and whether it is kept
        with what follows (`keep_next`, grouped by `_keep_with_next`)."""
        style = self._style(line, style_changes)
        para = NotedParagraph(self.markup(line), style)
        para.notes = self.notes
        para.keep_next = line.keep_with_next
        return para

    def cell_paragraph(self, line: Line, inner_mm: float) -> Paragraph:
        """A header-cell line; agency names break where the DOCX breaks them (balanced lines,
        `geometry.printed_lines`), not where reportlab's greedy wrap would."""
        printed = geometry.printed_lines(self.content.styles, line.role, line.text, inner_mm)
        if line.role not in geometry.BALANCED_ROLES or len(printed) < 2:
            return self.paragraph(line)
        size = self.content.styles.style(line.role).size_pt
        markup = "<br/>".join(spans_markup((Span(text),), size) for text in printed)
        return WordParagraph(markup, self.pstyles.get(line.role))

    def _style(self, line: Line, changes: dict[str, Any]) -> Any:
        base = self.pstyles.get(line.role)
        if changes:
            name = "-".join(f"{k}{v}" for k, v in sorted(changes.items()))
            return ParagraphStyle(name=f"{base.name}-{name}", parent=base, **changes)
        return base

    # ------------------------------------------------------------------ the story

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        for index, section in enumerate(self.content.sections):
            if index:
                out.append(PageBreak())
            out.append(SectionStart(index, self.record))
            out.extend(self.section(section))
        return out

    def section(self, section: SectionContent) -> list[Flowable]:
        out: list[Flowable] = []
        elements = list(section.elements)
        for i, element in enumerate(elements):
            self.after_header = i > 0 and isinstance(elements[i - 1], HeaderBlock | Marks)
            if isinstance(element, SignatureBlock):
                block = self.signature(element)
                keep = _kept_with_signature(elements, i)
                if keep and len(out) >= keep:
                    tail = out[-keep:]
                    del out[-keep:]
                    out.append(KeepTailWith(tail[0], [*tail[1:], block]))
                else:
                    out.append(block)
                continue
            out.extend(self.element(element))
        return _keep_with_next(out)

    def element(self, element: Element) -> list[Flowable]:
        match element:
            case HeaderBlock():
                return [self.header(element)]
            case TitleBlock():
                return self.title(element)
            case Marks():
                return self.marks(element)
            case Recipients():
                return self.recipients(element)
            case Line():
                return [self.noted(element)]
            case TableContent():
                return self.table(element)
            case PageBreakContent():
                return [PageBreak()]
            case Rule():
                length = geometry.rule_length_mm(self.content.styles, element, self.text_width_mm)
                return [CentredRule(length * mm)]
            case SignatureBlock():
                return [self.signature(element)]
        raise TypeError(f"unknown layout element {element!r}")

    # ------------------------------------------------------------------ header (ô 1–4, 5b)

    def header(self, header: HeaderBlock) -> Flowable:
        styles = self.content.styles
        columns = geometry.header_columns(styles, header)
        cells: list[list[Flowable]] = []
        for column, lines, rule in (
            (columns.left_mm, header.left, header.left_rule),
            (columns.right_mm, header.right, header.right_rule),
        ):
            inner = geometry.cell_text_width_mm(column)
            cell: list[Flowable] = [self.cell_paragraph(line, inner) for line in lines]
            if rule is not None:
                cell.append(CentredRule(geometry.rule_length_mm(styles, rule, inner) * mm))
            cells.append(cell)
        number: list[Flowable] = [
            StampLine(
                self.markup(header.number),
                self.pstyles.get(header.number.role),
                record=self.record,
                key=STAMP_NUMBER,
            )
        ]
        number += [self.paragraph(line) for line in header.subject_cong_van]
        place_date = StampLine(
            self.markup(header.place_date),
            self.pstyles.get(header.place_date.role),
            record=self.record,
            key=STAMP_DATE,
        )
        style = self._borderless()
        # A cell ignores its first paragraph's space before: the DOCX's space above "Số:"
        # and the date becomes the second row's top padding.
        style.add("TOPPADDING", (0, 1), (-1, 1), HEADER_ROW_GAP_PT)
        table = Table(
            [cells, [number, [place_date]]],
            colWidths=[columns.left_mm * mm, columns.right_mm * mm],
            style=style,
            hAlign="LEFT",
        )
        return Shifted(table, columns.indent_mm * mm)

    def _borderless(self, *, top: float = 0.0) -> TableStyle:
        return TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), self.fonts.regular, 12),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )

    # ------------------------------------------------------------------ title, marks, Kính gửi

    def title(self, title: TitleBlock) -> list[Flowable]:
        parts: list[Flowable] = [self.noted(title.kind_title)]
        parts += [self.noted(line) for line in title.subject]
        if title.rule is not None:
            length = geometry.rule_length_mm(self.content.styles, title.rule, self.text_width_mm)
            rule = CentredRule(length * mm)
            rule.spaceAfter = geometry.AFTER_TITLE_RULE_PT
            parts.append(rule)
        return [KeepTogether(parts)]

    def marks(self, marks: Marks) -> list[Flowable]:
        """KHẨN / MẬT in a single-line rectangle sized to the word (ô 10a/10b)."""
        out: list[Flowable] = []
        for line in marks.lines:
            style = self.content.styles.style(line.role)
            pad = MARK_BORDER_SPACE_PT
            box = Table(
                [[self.paragraph(line)]],
                colWidths=[
                    self.fonts.width(line.text, style.size_pt, style.bold, style.italic) + 2 * pad
                ],
                style=TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), self.fonts.regular, style.size_pt),
                        ("BOX", (0, 0), (-1, -1), MARK_BORDER_PT, black),
                        ("LEFTPADDING", (0, 0), (-1, -1), pad),
                        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                        ("TOPPADDING", (0, 0), (-1, -1), pad),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                    ]
                ),
                hAlign="LEFT",
            )
            box.spaceBefore = 6.0
            out.append(Shifted(box, MARK_PADDING_MM * mm - pad))
        return out

    def recipients(self, recipients: Recipients) -> list[Flowable]:
        """Kính gửi: one line for one recipient; otherwise a list whose dashes align under the
        colon, wrapped lines hanging after the dash (same geometry as the DOCX)."""
        styles = self.content.styles
        style = styles.style(Role.RECIPIENTS)
        indents = geometry.recipient_indents(styles, recipients)

        # A công văn has no title block: a line's space under the header (Mẫu 1.5), as in DOCX.
        before = (
            max(style.space_before_pt, AFTER_HEADER_GAP_PT)
            if self.after_header
            else style.space_before_pt
        )

        def width(text: str) -> float:
            return self.fonts.width(text, style.size_pt, style.bold, style.italic)

        if recipients.single:
            label = f"{recipients.label} "
            line = Line(Role.RECIPIENTS, (Span(label), Span(recipients.items[0])))
            hang = width(label)
            return [
                self.noted(
                    line,
                    leftIndent=indents.label_mm * mm + hang,
                    firstLineIndent=-hang,
                    spaceBefore=before,
                )
            ]
        out: list[Flowable] = [
            self.noted(
                Line(Role.RECIPIENTS, (Span(recipients.label),), keep_with_next=True),
                leftIndent=indents.label_mm * mm,
                firstLineIndent=0,
                spaceBefore=before,
            )
        ]
        for item in recipients.items:
            hang = width(item[:2]) if item.startswith("- ") else 0.0
            out.append(
                self.noted(
                    Line(Role.RECIPIENTS, (Span(item),)),
                    leftIndent=indents.items_mm * mm + hang,
                    firstLineIndent=-hang,
                    spaceBefore=0,
                )
            )
        return out

    # ------------------------------------------------------------------ tables

    def table(self, content: TableContent) -> list[Flowable]:
        out: list[Flowable] = []
        if content.caption is not None:
            caption = content.caption
            out.append(self.noted(Line(caption.role, caption.spans, caption.block_id, True)))
        widths = fit_widths(content.column_widths_mm, self.text_width_mm)
        columns = len(widths)
        if not columns or not content.rows:
            return out
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.fonts.regular, 12),
            ("GRID", (0, 0), (-1, -1), TABLE_RULE_PT, black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), geometry.TABLE_CELL_VPADDING_PT),
            # Word and LibreOffice count the horizontal rule in the row height.
            ("BOTTOMPADDING", (0, 0), (-1, -1), geometry.TABLE_CELL_VPADDING_PT + TABLE_RULE_PT),
        ]
        header_rows = min(content.header_rows, len(content.rows))
        for r, cells in enumerate(content.rows):
            row: list[Any] = []
            col = 0
            for cell in cells:
                span = max(1, min(cell.col_span, columns - col))
                paragraphs = [self.paragraph(line) for line in cell.lines]
                row.append(paragraphs or [self._empty_cell(r < header_rows)])
                if span > 1:
                    commands.append(("SPAN", (col, r), (col + span - 1, r)))
                    row.extend("" for _ in range(span - 1))
                col += span
                if col >= columns:
                    break
            while col < columns:  # short rows are padded so every row spans the grid
                row.append([self._empty_cell(r < header_rows)])
                col += 1
            data.append(row)
        if header_rows:
            commands.append(("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"))
        table = NotedTable(
            data,
            colWidths=[w * mm for w in widths],
            style=TableStyle(commands),
            repeatRows=header_rows,
            hAlign="LEFT",
            splitInRow=1,
        )
        table.notes = self.notes
        # The DOCX's spacer paragraph above the table (a gap as wide as the paragraph spacing),
        # kept with the table; unlike space before, it is not dropped at the top of a page.
        gap = Spacer(0, self.content.styles.paragraph_spacing_pt)
        gap.keep_next = True
        out.extend((gap, table))
        return out

    def _empty_cell(self, header: bool) -> Paragraph:
        role = Role.TABLE_HEADER if header else Role.TABLE
        return WordParagraph(NBSP, self.pstyles.get(role))

    # ------------------------------------------------------------------ signature block

    def signature(self, block: SignatureBlock) -> Flowable:
        """Nơi nhận on the left; authority, the signature space and the name on the right."""
        text_width = self.text_width_mm
        left = round(text_width * block.left_fraction, 2)
        widths = (left, round(text_width - left, 2))
        left_lines = [block.distribution_label] if block.distribution_label else []
        left_lines.extend(block.distribution)
        left_cell: list[Flowable] = [self.paragraph(line) for line in left_lines] or [
            WordParagraph(NBSP, self.pstyles.get(Role.DISTRIBUTION))
        ]
        right_cell: list[Flowable] = [self.paragraph(line) for line in block.authority]
        right_cell.append(SignatureGap(block.gap_mm * mm, self.record))
        right_cell.append(self.paragraph(block.name))
        self.record.signature_column = (widths[0] * mm, (widths[0] + widths[1]) * mm)
        # The DOCX's space above "Nơi nhận:" and the first authority line, as top padding.
        return Table(
            [[left_cell, right_cell]],
            colWidths=[w * mm for w in widths],
            style=self._borderless(top=SIGNATURE_GAP_ABOVE_PT),
            hAlign="LEFT",
        )


def _keep_with_next(flowables: list[Flowable]) -> list[Flowable]:
    """Group each run of kept paragraphs (`keep_next`) with the flowable that follows it."""
    out: list[Flowable] = []
    heads: list[Flowable] = []
    for flowable in flowables:
        if getattr(flowable, "keep_next", False):
            heads.append(flowable)
            continue
        out.append(KeepWithNext(heads, flowable) if heads else flowable)
        heads = []
    out.extend(heads)
    return out


def _kept_with_signature(elements: list[Element], index: int) -> int:
    """How many flowables before the signature block stay on its page: the last body line, and
    the one before it when the last is the closing line (as the DOCX keeps them)."""
    kept = 0
    j = index - 1
    while j >= 0 and isinstance(elements[j], Line | TableContent):
        kept += 1
        element = elements[j]
        if not (isinstance(element, Line) and element.role is Role.CLOSING) or kept >= 2:
            break
        j -= 1
    return kept


def footnote_markup(number: int, spans: tuple[Span, ...], size_pt: float) -> str:
    """A footnote's text as it sits at the page bottom: the number raised, a space, the text."""
    return f"{footnote_mark(number, size_pt, reference=False)} {spans_markup(spans, size_pt)}"
