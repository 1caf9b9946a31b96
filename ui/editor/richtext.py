"""Model blocks ↔ QTextDocument, for the text editor of one section.

What the editor shows is what prints: list items carry their "- " / "+ " marker as text, footnote
references are superscript numbers, tables are QTextTables. Each text block remembers the model
block it came from (a block-format property), so evidence links and checker findings keep
pointing at the same paragraph after an edit; a block split by Enter keeps the id in its first
half only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from desktop.model.document import (
    Block,
    FootnoteRef,
    Heading,
    HeadingLevel,
    Inline,
    ListItem,
    ListMarker,
    PageBreak,
    Paragraph,
    Run,
    Table,
    TableCell,
    new_block_id,
)
from ui.fonts import document_font

BLOCK_KIND = QTextFormat.Property.UserProperty + 1
BLOCK_ID = QTextFormat.Property.UserProperty + 2
HEADING_LEVEL = QTextFormat.Property.UserProperty + 3
HEADING_NUMBERED = QTextFormat.Property.UserProperty + 4
HEADING_TITLED = QTextFormat.Property.UserProperty + 9
FOOTNOTE = QTextFormat.Property.UserProperty + 10  # JSON of the footnote's runs
TABLE_ID = QTextFormat.Property.UserProperty + 20
TABLE_META = QTextFormat.Property.UserProperty + 21

PAGE_BREAK_TEXT = "——— Ngắt trang ———"
CAPTION = "caption"  # block kind of the line right before a table: the table's caption
CAPTION_HINT = "Tên bảng (nếu có), ví dụ: Bảng 1. Kết quả thực hiện các chỉ tiêu"
MARKERS = {ListMarker.DASH: "- ", ListMarker.PLUS: "+ "}

# Screen rendition of the print layout (1.27 cm first-line indent, 6 pt before each paragraph).
PX_PER_CM = 96 / 2.54
FIRST_LINE_INDENT_PX = 1.27 * PX_PER_CM
PARAGRAPH_GAP_PX = 8.0


@dataclass(frozen=True)
class LoadInfo:
    footnote_offset: int  # footnotes before this section (their numbers continue from here)


def _json_runs(runs: tuple[Run, ...]) -> str:
    return json.dumps([[r.text, r.bold, r.italic, r.underline] for r in runs], ensure_ascii=False)


def footnote_runs(value: str) -> tuple[Run, ...]:
    try:
        data = json.loads(value)
        return tuple(
            Run(str(t), bold=bool(b), italic=bool(i), underline=bool(u)) for t, b, i, u in data
        )
    except (ValueError, TypeError):
        return ()


def char_format(run: Run) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
    fmt.setFontItalic(run.italic)
    fmt.setFontUnderline(run.underline)
    return fmt


def footnote_format(note: FootnoteRef, serial: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setForeground(QColor("#1d4ed8"))
    # The serial keeps two identical footnotes from merging into one fragment.
    fmt.setProperty(FOOTNOTE, json.dumps([serial, _json_runs(note.runs)], ensure_ascii=False))
    fmt.setToolTip(f"Chú thích: {note.plain_text}")
    return fmt


def plain_char_format() -> QTextCharFormat:
    """The format typing continues with after a footnote mark (never the mark's own)."""
    fmt = QTextCharFormat()
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignNormal)
    fmt.setForeground(QColor(Qt.GlobalColor.black))
    fmt.clearProperty(FOOTNOTE)
    fmt.setToolTip("")
    return fmt


def block_format(kind: str, block_id: str | None, *, indent: bool = True) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(BLOCK_KIND, kind)
    if block_id:
        fmt.setProperty(BLOCK_ID, block_id)
    fmt.setTopMargin(PARAGRAPH_GAP_PX)
    if kind == "pagebreak":
        fmt.setAlignment(Qt.AlignmentFlag.AlignCenter)
    elif kind == "heading":
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        fmt.setTextIndent(FIRST_LINE_INDENT_PX)
    else:
        fmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
        if indent:
            fmt.setTextIndent(FIRST_LINE_INDENT_PX)
    return fmt


class _Writer:
    def __init__(self, cursor: QTextCursor, footnote_offset: int) -> None:
        self.cursor = cursor
        self.first = True
        self.footnotes = footnote_offset
        self.serial = 0

    def new_block(self, fmt: QTextBlockFormat) -> None:
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            self.cursor.insertBlock(fmt, QTextCharFormat())

    def inline(self, content: tuple[Inline, ...], *, bold: bool = False) -> None:
        for item in content:
            if isinstance(item, FootnoteRef):
                self.footnotes += 1
                self.serial += 1
                self.cursor.insertText(str(self.footnotes), footnote_format(item, self.serial))
            else:
                run = Run(item.text, item.bold or bold, item.italic, item.underline)
                self.cursor.insertText(run.text, char_format(run))

    def block(self, block: Block) -> None:
        match block:
            case Paragraph():
                self.new_block(block_format("paragraph", block.id))
                self.inline(block.content)
            case ListItem():
                self.new_block(block_format("item", block.id))
                self.cursor.insertText(MARKERS[block.marker], QTextCharFormat())
                self.inline(block.content)
            case Heading():
                fmt = block_format("heading", block.id)
                fmt.setProperty(HEADING_LEVEL, block.level.value)
                fmt.setProperty(HEADING_NUMBERED, block.numbered)
                fmt.setProperty(HEADING_TITLED, block.titled)
                self.new_block(fmt)
                self.inline(block.content, bold=block.titled)
            case PageBreak():
                self.new_block(block_format("pagebreak", block.id))
                gray = QTextCharFormat()
                gray.setForeground(QColor("#6b7280"))
                self.cursor.insertText(PAGE_BREAK_TEXT, gray)
            case Table():
                self.table(block)

    def table(self, table: Table) -> None:
        # A table needs a block before it: that block is the table's caption line ("Bảng 1. …",
        # empty when the table has none); the empty block it leaves after is dropped on read.
        self.new_block(block_format(CAPTION, None))
        if table.caption:
            self.cursor.insertText(table.caption, QTextCharFormat())
        columns = max(table.column_count, 1)
        rows = max(len(table.rows), 1)
        fmt = table_format(table)
        qtable = self.cursor.insertTable(rows, columns, fmt)
        for r, row in enumerate(table.rows):
            c = 0
            for cell in row:
                if c >= columns:
                    break
                if cell.col_span > 1:
                    qtable.mergeCells(r, c, 1, min(cell.col_span, columns - c))
                cell_cursor = qtable.cellAt(r, c).firstCursorPosition()
                cell_writer = _Writer(cell_cursor, self.footnotes)
                cell_writer.serial = self.serial
                cell_writer.first = True
                cell_cursor.setBlockFormat(_cell_block_format())
                cell_writer.inline(cell.content, bold=cell.bold or r < table.header_rows)
                self.footnotes = cell_writer.footnotes
                self.serial = cell_writer.serial
                c += cell.col_span
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.first = False
        # The block after the table is where typing continues; mark it so it reads as "after".
        self.cursor.setBlockFormat(block_format("after-table", None))


def _cell_block_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(BLOCK_KIND, "cell")
    return fmt


def table_format(table: Table) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(4)
    fmt.setHeaderRowCount(table.header_rows)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setTopMargin(PARAGRAPH_GAP_PX)
    if table.column_widths:
        total = sum(table.column_widths) or 1.0
        fmt.setColumnWidthConstraints(
            [
                QTextLength(QTextLength.Type.PercentageLength, 100 * w / total)
                for w in table.column_widths
            ]
        )
    fmt.setProperty(TABLE_ID, table.id)
    meta = {"column_widths": table.column_widths}  # the caption is the line above the table
    fmt.setProperty(TABLE_META, json.dumps(meta, ensure_ascii=False))
    return fmt


def new_text_document(font_size: float = 13.0) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(document_font(font_size))
    document.setDocumentMargin(12)
    document.setUndoRedoEnabled(False)  # undo is the window's QUndoStack (structure and text)
    return document


def load_blocks(
    document: QTextDocument, blocks: tuple[Block, ...], footnote_offset: int = 0
) -> None:
    """Replace the document's content with `blocks`."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    writer = _Writer(cursor, footnote_offset)
    if not blocks:
        cursor.setBlockFormat(block_format("paragraph", None))
    for block in blocks:
        writer.block(block)
    cursor.endEditBlock()


# --------------------------------------------------------------------------------------------
# Reading back


def _flags(fmt: QTextCharFormat) -> tuple[bool, bool, bool]:
    return (fmt.fontWeight() >= QFont.Weight.DemiBold, fmt.fontItalic(), fmt.fontUnderline())


def block_inlines(
    block: QTextBlock, *, start: int | None = None, end: int | None = None, strip_bold: bool = False
) -> list[Inline]:
    """The runs and footnote references of one text block (optionally a position range)."""
    out: list[Inline] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        f_start, text = fragment.position(), fragment.text()
        if start is not None or end is not None:
            lo = max(f_start, start if start is not None else f_start)
            hi = min(f_start + len(text), end if end is not None else f_start + len(text))
            if lo >= hi:
                continue
            text = text[lo - f_start : hi - f_start]
        fmt = fragment.charFormat()
        if fmt.hasProperty(FOOTNOTE):
            try:
                _serial, runs_json = json.loads(str(fmt.property(FOOTNOTE)))
            except (ValueError, TypeError):
                runs_json = "[]"
            out.append(FootnoteRef(footnote_runs(runs_json)))
            extra = text.lstrip("0123456789")
            if extra:  # typed right after the mark before the format was reset
                out.append(Run(extra))
            continue
        text = text.replace("\u2028", " ").replace("\t", " ").replace("\ufffc", "")
        if not text:
            continue
        bold, italic, underline = _flags(fmt)
        if strip_bold:
            bold = False
        _append_run(out, Run(text, bold, italic, underline))
    return _trim(out)


def _append_run(out: list[Inline], run: Run) -> None:
    last = out[-1] if out else None
    if isinstance(last, Run) and (last.bold, last.italic, last.underline) == (
        run.bold,
        run.italic,
        run.underline,
    ):
        out[-1] = Run(last.text + run.text, last.bold, last.italic, last.underline)
    else:
        out.append(run)


def _trim(content: list[Inline]) -> list[Inline]:
    """No leading/trailing spaces at the paragraph's edges (they would print as gaps)."""
    while content and isinstance(content[0], Run) and not content[0].text.strip():
        content.pop(0)
    while content and isinstance(content[-1], Run) and not content[-1].text.strip():
        content.pop()
    if content and isinstance(content[0], Run):
        r = content[0]
        content[0] = Run(r.text.lstrip(), r.bold, r.italic, r.underline)
    if content and isinstance(content[-1], Run):
        r = content[-1]
        content[-1] = Run(r.text.rstrip(), r.bold, r.italic, r.underline)
    return content


def _table_cell_inlines(qtable: QTextTable, row: int, column: int) -> tuple[Inline, ...]:
    cell = qtable.cellAt(row, column)
    document = qtable.document()
    content: list[Inline] = []
    block = document.findBlock(cell.firstPosition())
    while block.isValid() and block.position() <= cell.lastPosition():
        part = block_inlines(block)
        if part and content:
            _append_run(content, Run(" "))
        for item in part:
            if isinstance(item, Run):
                _append_run(content, item)
            else:
                content.append(item)
        block = block.next()
    return tuple(_trim(content))


def read_table(qtable: QTextTable) -> Table:
    fmt = qtable.format()
    table_id = str(fmt.property(TABLE_ID) or "") or new_block_id()
    try:
        meta = json.loads(str(fmt.property(TABLE_META) or "{}"))
    except ValueError:
        meta = {}
    rows: list[tuple[TableCell, ...]] = []
    header_rows = min(fmt.headerRowCount(), qtable.rows())
    for r in range(qtable.rows()):
        cells: list[TableCell] = []
        c = 0
        while c < qtable.columns():
            qcell = qtable.cellAt(r, c)
            span = max(qcell.columnSpan(), 1)
            if qcell.row() != r:  # covered by a row span from above: keep an empty cell
                cells.append(TableCell(()))
                c += span
                continue
            content = _table_cell_inlines(qtable, r, c)
            if r < header_rows:
                # Header cells print bold anyway: store them plain, as the importer does.
                content = tuple(
                    Run(i.text, False, i.italic, i.underline) if isinstance(i, Run) else i
                    for i in content
                )
            cells.append(TableCell(content, col_span=span))
            c += span
        rows.append(tuple(cells))
    widths = meta.get("column_widths")
    column_widths = (
        tuple(float(w) for w in widths) if widths and len(widths) == qtable.columns() else None
    )
    return Table(
        rows=tuple(rows),
        header_rows=header_rows,
        column_widths=column_widths,
        caption=caption_of(qtable),
        id=table_id,
    )


def caption_block(qtable: QTextTable) -> QTextBlock | None:
    """The caption line of a table: the block right before it, when it is one."""
    block = qtable.document().findBlock(qtable.firstPosition()).previous()
    if block.isValid() and str(block.blockFormat().property(BLOCK_KIND) or "") == CAPTION:
        return block
    return None


def caption_of(qtable: QTextTable) -> str:
    block = caption_block(qtable)
    return " ".join(block.text().split()) if block is not None else ""


def _iter_top_level(document: QTextDocument) -> Iterator[QTextBlock | QTextTable]:
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            yield table
            end = table.lastPosition()
            block = document.findBlock(end + 1)
            if block.isValid() and block.position() <= end:
                block = block.next()
            continue
        yield block
        block = block.next()


def read_blocks(document: QTextDocument) -> tuple[Block, ...]:
    """The model blocks the editor currently shows."""
    out: list[Block] = []
    seen: set[str] = set()

    def unique(block_id: str) -> str:
        if not block_id or block_id in seen:
            block_id = new_block_id()
        seen.add(block_id)
        return block_id

    items = list(_iter_top_level(document))
    for position, item in enumerate(items):
        if isinstance(item, QTextTable):
            table = read_table(item)
            if table.id in seen:
                table = Table(
                    table.rows,
                    table.header_rows,
                    table.column_widths,
                    table.caption,
                    new_block_id(),
                )
            seen.add(table.id)
            out.append(table)
            continue
        block = item
        fmt = block.blockFormat()
        kind = str(fmt.property(BLOCK_KIND) or "paragraph")
        block_id = str(fmt.property(BLOCK_ID) or "")
        text = block.text()
        if kind == CAPTION:
            following = items[position + 1] if position + 1 < len(items) else None
            if isinstance(following, QTextTable):
                continue  # read with its table
            kind = "paragraph"  # the table was deleted: what was typed stays, as a paragraph
        if kind == "pagebreak" and text == PAGE_BREAK_TEXT:
            out.append(PageBreak(id=unique(block_id)))
            continue
        if kind == "pagebreak":
            text_start = block.position()
            content = block_inlines(block)
            content = [
                Run(c.text.replace(PAGE_BREAK_TEXT, ""), c.bold, c.italic, c.underline)
                if isinstance(c, Run)
                else c
                for c in content
            ]
            content = _trim([c for c in content if not isinstance(c, Run) or c.text])
            del text_start
            if content:
                out.append(Paragraph(tuple(content), id=unique(block_id)))
            continue
        if kind == "heading":
            level_value = str(fmt.property(HEADING_LEVEL) or HeadingLevel.ARABIC.value)
            try:
                level = HeadingLevel(level_value)
            except ValueError:
                level = HeadingLevel.ARABIC
            content = block_inlines(block, strip_bold=True)
            if content:
                numbered = fmt.property(HEADING_NUMBERED)
                titled = fmt.property(HEADING_TITLED)
                out.append(
                    Heading(
                        level,
                        tuple(content),
                        numbered=numbered is not False,
                        id=unique(block_id),
                        titled=titled is not False,
                    )
                )
            continue
        stripped = text.lstrip()
        marker = None
        if stripped.startswith("- ") or stripped == "-":
            marker = ListMarker.DASH
        elif stripped.startswith("+ ") or stripped == "+":
            marker = ListMarker.PLUS
        if marker is not None:
            skip = len(text) - len(stripped) + 2
            content = block_inlines(block, start=block.position() + min(skip, len(text)))
            if content:
                out.append(ListItem(marker, tuple(content), id=unique(block_id)))
            continue
        content = block_inlines(block)
        if content:
            out.append(Paragraph(tuple(content), id=unique(block_id)))
    return tuple(out)


def footnote_count(blocks: tuple[Block, ...]) -> int:
    count = 0
    for block in blocks:
        contents: list[tuple[Inline, ...]] = []
        if isinstance(block, Paragraph | ListItem | Heading):
            contents.append(block.content)
        elif isinstance(block, Table):
            contents.extend(cell.content for row in block.rows for cell in row)
        count += sum(1 for content in contents for i in content if isinstance(i, FootnoteRef))
    return count


def insert_footnote(cursor: QTextCursor, runs: tuple[Run, ...], number: int, serial: int) -> None:
    cursor.insertText(str(number), footnote_format(FootnoteRef(runs), serial))
    cursor.setCharFormat(plain_char_format())


def renumber_footnotes(document: QTextDocument, offset: int) -> None:
    """Give the footnote marks of this section consecutive numbers after `offset`."""
    marks: list[tuple[int, int, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if fragment.isValid() and fragment.charFormat().hasProperty(FOOTNOTE):
                marks.append((fragment.position(), fragment.length(), fragment.charFormat()))
        block = block.next()
    number = offset
    cursor = QTextCursor(document)
    # Replace from the end so earlier positions stay valid.
    changes = []
    for position, length, fmt in marks:
        number += 1
        changes.append((position, length, fmt, str(number)))
    for position, length, fmt, text in reversed(changes):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != text:
            cursor.insertText(text, fmt)
