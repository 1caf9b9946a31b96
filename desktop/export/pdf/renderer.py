"""Draw the story on A4 pages: frame, footnote area, page numbers, the page-1 footer.

Page decorations are drawn when a page ends, when everything about it is known: its footnotes
(under a separator a third of the text width, or the full width for a note continued from the
previous page), the page number centred in the top margin from each section's second page
(each phụ lục restarts at 1), and on page 1 the address footer (ô 13) under a full-width rule.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageBreak, PageTemplate, Paragraph

from desktop.export.pdf.flowables import LayoutRecord
from desktop.export.pdf.fonts import FontSet
from desktop.export.pdf.footnotes import FootnoteArea, NoteFrame
from desktop.export.pdf.markup import FOOTNOTE_CALLBACK, spans_markup
from desktop.export.pdf.pstyles import ParagraphStyles, WordParagraph
from desktop.export.pdf.story import StoryBuilder, footnote_markup
from desktop.layout.content import Content
from desktop.layout.styles import Role

SEPARATOR_FRACTION = 1 / 3  # footnote separator length, of the text width
SEPARATOR_THICKNESS = 0.5
SEPARATOR_ABOVE_NOTES = 3.4  # pt from the separator down to the first note's line box
FOOTER_RULE_THICKNESS = 0.75  # the DOCX footer's top border (w:sz=6)
FOOTER_RULE_SPACE = 1.0  # pt between the rule and the text (w:space=1)


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int
    record: LayoutRecord
    notes: FootnoteArea


class _DrainNotes(Flowable):  # type: ignore[misc]
    """Last flowable of the story: adds pages while a long footnote is still being continued."""

    _ZEROSIZE = 1

    def __init__(self, notes: FootnoteArea) -> None:
        super().__init__()
        self.notes = notes
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0.0, 0.0) if not self.notes.carrying else (availWidth, availHeight + 1.0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [PageBreak(), _DrainNotes(self.notes)] if self.notes.carrying else [self]

    def draw(self) -> None:
        return


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        out: io.BytesIO,
        content: Content,
        fonts: FontSet,
        pstyles: ParagraphStyles,
        notes: FootnoteArea,
        record: LayoutRecord,
    ) -> None:
        page = content.styles.page
        self.content = content
        self.fonts = fonts
        self.pstyles = pstyles
        self.notes = notes
        self.record = record
        self.text_left = page.left_mm * mm
        self.text_width = page.text_width_mm * mm
        self.text_bottom = page.bottom_mm * mm
        self.page_height = page.height_mm * mm
        meta = content.metadata
        super().__init__(
            out,
            pagesize=(page.width_mm * mm, page.height_mm * mm),
            leftMargin=page.left_mm * mm,
            rightMargin=page.right_mm * mm,
            topMargin=page.top_mm * mm,
            bottomMargin=page.bottom_mm * mm,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords="; ".join(meta.keywords),
            creator="",
            producer="",
            initialFontName=fonts.regular,
            initialFontSize=14,
            initialLeading=14 * fonts.line_height_em,
            invariant=1,
            lang=meta.language,
            allowSplitting=1,
        )
        self.text_frame = NoteFrame(
            self.text_left,
            self.text_bottom,
            self.text_width,
            page.text_height_mm * mm,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
        )
        self.footer = self._footer_paragraph()
        self.addPageTemplates(
            [PageTemplate(id="page", frames=[self.text_frame], onPageEnd=self._end_page)]
        )

    # -------------------------------------------------------------- page 1 footer (ô 13)

    def _footer_paragraph(self) -> tuple[Paragraph, float] | None:
        line = self.content.sections[0].footer_first_page if self.content.sections else None
        if line is None:
            return None
        style = self.pstyles.get(Role.FOOTER_ADDRESS)
        size = self.content.styles.style(Role.FOOTER_ADDRESS).size_pt
        para = WordParagraph(spans_markup(line.spans, size), style)
        _, height = para.wrap(self.text_width, 1e9)
        return para, height

    def _footer_reserve(self) -> float:
        """How far page 1's text must stay above the bottom margin for the footer: the footer
        sits at the footer distance and grows upward, as a Word footer does."""
        if self.footer is None:
            return 0.0
        _, height = self.footer
        page = self.content.styles.page
        top = page.footer_distance_mm * mm + height + FOOTER_RULE_SPACE + FOOTER_RULE_THICKNESS
        return max(0.0, float(top - self.text_bottom))

    # -------------------------------------------------------------- page events

    def beforeDocument(self) -> None:
        self.canv.setNamedCB(FOOTNOTE_CALLBACK, self._reference_drawn)

    def _reference_drawn(self, canv: Canvas, kind: str, label: str | None) -> None:
        if label is not None:
            self.notes.reference_page.setdefault(int(label), canv.getPageNumber())

    def beforePage(self) -> None:
        reserve = self._footer_reserve() if self.page == 1 else 0.0
        self.text_frame.raise_bottom(reserve)
        self.text_frame.raise_bottom(self.notes.start_page(self.page))

    def _notes_bottom(self, page: int) -> float:
        return float(self.text_bottom) + (self._footer_reserve() if page == 1 else 0.0)

    def _end_page(self, canv: Canvas, doc: Any) -> None:
        page = self.page
        self._draw_notes(canv, page)
        if page == 1 and self.footer is not None:
            self._draw_footer(canv)
        _, number = self.record.section_of(page)
        if number >= 2:
            self._draw_page_number(canv, number)

    def _draw_notes(self, canv: Canvas, page: int) -> None:
        pieces = self.notes.pieces(page)
        if not pieces:
            return
        y = self._notes_bottom(page) + self.notes.used(page)
        separator = self.notes.separator_height
        full = pieces[0].continued
        length = self.text_width if full else self.text_width * SEPARATOR_FRACTION
        canv.saveState()
        canv.setStrokeColor(black)
        canv.setLineWidth(SEPARATOR_THICKNESS)
        line_y = y - separator + SEPARATOR_ABOVE_NOTES
        canv.line(self.text_left, line_y, self.text_left + length, line_y)
        canv.restoreState()
        y -= separator
        for piece in pieces:
            y -= piece.height
            piece.paragraph.drawOn(canv, self.text_left, y)

    def _draw_footer(self, canv: Canvas) -> None:
        assert self.footer is not None
        para, height = self.footer
        page = self.content.styles.page
        bottom = page.footer_distance_mm * mm
        para.drawOn(canv, self.text_left, bottom)
        rule_y = bottom + height + FOOTER_RULE_SPACE + FOOTER_RULE_THICKNESS / 2
        canv.saveState()
        canv.setStrokeColor(black)
        canv.setLineWidth(FOOTER_RULE_THICKNESS)
        canv.line(self.text_left, rule_y, self.text_left + self.text_width, rule_y)
        canv.restoreState()

    def _draw_page_number(self, canv: Canvas, number: int) -> None:
        style = self.content.styles.style(Role.PAGE_NUMBER)
        page = self.content.styles.page
        # A header paragraph starts at the header distance; its baseline is one line-box
        # baseline offset lower.
        baseline = (
            self.page_height - page.header_distance_mm * mm - style.size_pt * self.fonts.baseline_em
        )
        canv.saveState()
        canv.setFillColor(black)
        canv.setFont(self.fonts.name(style.bold, style.italic), style.size_pt)
        canv.drawCentredString(self.text_left + self.text_width / 2, baseline, str(number))
        canv.restoreState()


def render_story(content: Content, fonts: FontSet) -> RenderedPdf:
    """Lay out and draw `content`; the PDF bytes plus where things landed."""
    page = content.styles.page
    pstyles = ParagraphStyles(content.styles, fonts)
    note_style = pstyles.get(Role.FOOTNOTE)
    note_size = content.styles.style(Role.FOOTNOTE).size_pt
    body_size = content.styles.style(Role.BODY).size_pt
    notes = FootnoteArea(
        width=page.text_width_mm * mm,
        text_height=page.text_height_mm * mm,
        # Word's separator is a paragraph of the default (body) size, single-spaced.
        separator_height=body_size * fonts.line_height_em,
        markup={n.number: footnote_markup(n.number, n.spans, note_size) for n in content.footnotes},
        style=note_style,
    )
    record = LayoutRecord()
    buffer = io.BytesIO()
    doc = _Document(buffer, content, fonts, pstyles, notes, record)
    story = StoryBuilder(content, fonts, pstyles, notes, record).story()
    story.append(_DrainNotes(notes))
    doc.build(story)
    return RenderedPdf(buffer.getvalue(), doc.page, record, notes)
