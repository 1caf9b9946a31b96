"""The common form both readers produce: the document as a list of source lines.

A source line is one paragraph of the original (a line of a text file, a paragraph or a line of
a Word paragraph), with its formatting and the few layout facts the structure step needs. The
text reader and the DOCX reader differ in what they know (a text file knows blank lines, Word
knows automatic numbering and table cells); everything after them works on source lines only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from desktop.importing.inline import Content, text_of
from desktop.model.document import Table


class Region(StrEnum):
    """Where a line sat in the original layout."""

    FLOW = "flow"  # the running text
    HEADER_TABLE = "header-table"  # Word's header table (agency, Quốc hiệu, Số, date)
    CLOSING_TABLE = "closing-table"  # Word's Nơi nhận / signature table


@dataclass(frozen=True)
class AutoNumber:
    """Word's automatic numbering of a paragraph, resolved to the label Word shows."""

    label: str  # "II.", "1.", "3.1.", "a)", "-", "+" …
    format: str  # numFmt: upperRoman, decimal, lowerLetter, bullet …
    level: int  # ilvl, 0-based


@dataclass(frozen=True)
class SourceLine:
    content: Content
    number: int  # 1-based line number (text) or paragraph number (Word), for the report
    blank_before: bool = False  # text files: a blank line (maybe a page end) came before
    heading_depth: int = 0  # markdown `#` count, or the level of Word's Heading style
    auto_number: AutoNumber | None = None
    region: Region = Region.FLOW
    column: int = 0  # table cell column (0 left, 1 right) inside header/closing tables
    centered: bool = False
    table: Table | None = None  # a body table standing in the flow as one line
    page_break_before: bool = False
    # Text files: leading spaces of the line (pdftotext -layout indents the first line of a
    # paragraph; its wrapped lines start at the margin).
    indent: int = 0
    # The id the block made from this line will carry (Word paragraphs holding an image, so
    # the image can be attached as evidence of that block).
    anchor: str | None = None

    @property
    def text(self) -> str:
        return text_of(self.content)

    def with_content(self, content: Content) -> SourceLine:
        return replace(self, content=content)
