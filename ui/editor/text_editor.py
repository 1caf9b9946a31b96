"""The rich text editor of one section: emphasis, "-"/"+" items, footnotes, tables, paste.

The widget edits a QTextDocument built by `richtext`; the editor page reads it back into model
blocks. Undo and redo are not the widget's: Ctrl+Z/Ctrl+Y reach the window's undo stack, which
covers structure and text together.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QMimeData, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.editing.paste import PasteResult, convert_legacy, paste_html, paste_text
from desktop.model.document import FootnoteRef, Heading, HeadingLevel, Run, Table, TableCell
from desktop.model.numbering import number_headings
from ui.editor import richtext


class TextEditor(QTextEdit):
    pasteConverted = Signal(str)  # the legacy encoding name that a paste was converted from
    footnoteEditRequested = Signal(int)  # document position of a footnote mark
    message = Signal(str)  # a short status-bar message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.setDocument(richtext.new_text_document())
        self.footnote_offset = 0
        self._serial = 1000
        self.cursorPositionChanged.connect(self._leave_footnote_format)
        self.setAccessibleName("Nội dung mục đang chọn")
        self.show_heading_numbers = False  # draw heading numbers (where the text holds headings)
        self._hint = ""

    # -- undo belongs to the window -----------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()  # let the window's Undo/Redo actions take it
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
            QKeySequence.StandardKey.Redo
        ):
            event.ignore()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._in_caption():
            # Enter after a table's name goes into the table, it does not split the name.
            cursor = self.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
            self.setTextCursor(cursor)
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._fix_new_block()

    def _fix_new_block(self) -> None:
        """A block made by Enter copies the previous block's format: a new paragraph after a
        heading or a page break is a plain paragraph, and it must not share the block id."""
        cursor = self.textCursor()
        fmt = cursor.blockFormat()
        kind = str(fmt.property(richtext.BLOCK_KIND) or "paragraph")
        new_kind = (
            "paragraph"
            if kind in {"heading", "pagebreak", "after-table", richtext.CAPTION}
            else kind
        )
        cursor.setBlockFormat(richtext.block_format(new_kind, None))
        if kind == "heading":
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            normal = QTextCharFormat()
            normal.setFontWeight(QFont.Weight.Normal)
            cursor.mergeCharFormat(normal)
            cursor.clearSelection()
        # Continue a "- " / "+ " list like every word processor does.
        previous = cursor.block().previous()
        if previous.isValid() and not cursor.block().text():
            prev_text = previous.text()
            for marker in ("- ", "+ "):
                if prev_text.startswith(marker):
                    if prev_text.strip() == marker.strip():
                        # Enter on an empty item ends the list.
                        edit = QTextCursor(previous)
                        edit.movePosition(
                            QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                        )
                        edit.removeSelectedText()
                    else:
                        cursor.insertText(marker, QTextCharFormat())
                    break

    def _leave_footnote_format(self) -> None:
        if self.currentCharFormat().hasProperty(richtext.FOOTNOTE):
            self.setCurrentCharFormat(richtext.plain_char_format())

    # -- emphasis and items -------------------------------------------------------------------

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.fontWeight() < QFont.Weight.DemiBold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self._merge(fmt)

    def toggle_underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(not self.fontUnderline())
        self._merge(fmt)

    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def set_item_marker(self, marker: str) -> None:
        """Make the selected paragraphs "- " or "+ " items; the same marker again removes it."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = self.document().findBlock(start)
        blocks = []
        while block.isValid() and block.position() <= end:
            if QTextCursor(block).currentTable() is None:
                blocks.append(block)
            block = block.next()
        if not blocks:
            return
        remove = all(b.text().startswith(marker) for b in blocks)
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for b in blocks:
            edit.setPosition(b.position())
            text = b.text()
            if text.startswith(("- ", "+ ")):
                edit.setPosition(b.position() + 2, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            if not remove:
                edit.insertText(marker, QTextCharFormat())
            fmt = b.blockFormat()
            fmt.setProperty(richtext.BLOCK_KIND, "paragraph" if remove else "item")
            edit.setBlockFormat(fmt)
        edit.endEditBlock()

    # -- footnotes ------------------------------------------------------------------------------

    def insert_footnote(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self._serial += 1
        cursor = self.textCursor()
        cursor.clearSelection()
        richtext.insert_footnote(cursor, (Run(text),), 0, self._serial)
        self.setTextCursor(cursor)
        richtext.renumber_footnotes(self.document(), self.footnote_offset)

    def footnote_at(self, position: int) -> tuple[int, int, str] | None:
        """(start, length, text) of the footnote mark at or just before `position`."""
        block = self.document().findBlock(position)
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if not fragment.isValid():
                continue
            fmt = fragment.charFormat()
            start = fragment.position()
            if (
                fmt.hasProperty(richtext.FOOTNOTE)
                and start <= position <= start + fragment.length()
            ):
                try:
                    _serial, runs_json = json.loads(str(fmt.property(richtext.FOOTNOTE)))
                except (ValueError, TypeError):
                    runs_json = "[]"
                runs = richtext.footnote_runs(runs_json)
                return start, fragment.length(), "".join(r.text for r in runs)
        return None

    def set_footnote_text(self, position: int, text: str) -> None:
        found = self.footnote_at(position)
        if found is None:
            return
        start, length, _old = found
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        if not text.strip():
            cursor.removeSelectedText()
        else:
            self._serial += 1
            fmt = richtext.footnote_format(
                FootnoteRef((Run(" ".join(text.split())),)), self._serial
            )
            cursor.insertText(cursor.selectedText(), fmt)
        richtext.renumber_footnotes(self.document(), self.footnote_offset)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        position = self.cursorForPosition(event.position().toPoint()).position()
        if self.footnote_at(position) is not None:
            self.footnoteEditRequested.emit(position)
            return
        super().mouseDoubleClickEvent(event)

    # -- tables ---------------------------------------------------------------------------------

    def insert_table(self, rows: int, columns: int, caption: str = "") -> None:
        """Insert a table after the current paragraph, with its caption line above it."""
        rows, columns = max(rows, 1), max(columns, 1)
        table = Table(
            rows=tuple(tuple(TableCell(()) for _ in range(columns)) for _ in range(rows)),
            header_rows=1,
        )
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text() or cursor.currentTable() is not None:
            if cursor.currentTable() is not None:  # after the table, not inside one of its cells
                cursor.setPosition(cursor.currentTable().lastPosition() + 1)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(richtext.block_format(richtext.CAPTION, None), QTextCharFormat())
        else:
            cursor.setBlockFormat(richtext.block_format(richtext.CAPTION, None))
        caption = " ".join(caption.split())
        if caption:
            cursor.insertText(caption, QTextCharFormat())
        cursor.insertTable(rows, columns, richtext.table_format(table))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def _in_caption(self) -> bool:
        block = self.textCursor().block()
        return str(block.blockFormat().property(richtext.BLOCK_KIND) or "") == richtext.CAPTION

    def go_to_caption(self) -> bool:
        """Put the caret at the end of the caption line of the table under the caret."""
        cursor = self.textCursor()
        table = cursor.currentTable()
        block = richtext.caption_block(table) if table is not None else None
        if block is None:
            return False
        cursor.setPosition(block.position() + block.length() - 1)
        self.setTextCursor(cursor)
        self.setFocus()
        return True

    def place_caret_at_block(self, block_id: str) -> bool:
        """Put the caret on the paragraph or table shown for model block `block_id` and mark it
        (the checker and the evidence panel lead here)."""
        document = self.document()
        found = None
        block = document.begin()
        while block.isValid():
            if str(block.blockFormat().property(richtext.BLOCK_ID) or "") == block_id:
                found = block
                break
            table = QTextCursor(block).currentTable()
            if table is not None and str(table.format().property(richtext.TABLE_ID) or "") == (
                block_id
            ):
                found = block
                break
            block = block.next()
        if found is None:
            return False
        self.setTextCursor(QTextCursor(found))
        self.ensureCursorVisible()
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(found)  # type: ignore[attr-defined]
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#fef3c7"))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = fmt  # type: ignore[attr-defined]
        self.setExtraSelections([selection])
        self.setFocus()
        return True

    # -- hints drawn over the text ---------------------------------------------------------------

    def setPlaceholderText(self, text: str) -> None:  # type: ignore[override]
        """Our own placeholder: Qt's is clipped to one line, and ours are sentences."""
        self._hint = text
        self.viewport().update()

    def placeholderText(self) -> str:  # type: ignore[override]
        return self._hint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._hint and self.document().isEmpty():
            hint = QPainter(self.viewport())
            hint.setPen(QColor("#6b7280"))
            hint.setFont(self.document().defaultFont())
            margin = int(self.document().documentMargin())
            area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
            hint.drawText(
                area, int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), self._hint
            )
            hint.end()
            return
        painter: QPainter | None = None
        layout = self.document().documentLayout()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        labels = self._heading_labels() if self.show_heading_numbers else {}
        block = self.document().begin()
        while block.isValid():
            kind = str(block.blockFormat().property(richtext.BLOCK_KIND) or "")
            hint = kind == richtext.CAPTION and not block.text()
            label = labels.get(block.blockNumber()) if kind == "heading" else None
            if hint or label:
                if painter is None:
                    painter = QPainter(self.viewport())
                rect = layout.blockBoundingRect(block).translated(dx, dy)
                if rect.bottom() >= 0 and rect.top() <= self.viewport().height():
                    self._paint_hint(painter, block, rect, label)
            block = block.next()
        if painter is not None:
            painter.end()

    def _paint_hint(
        self, painter: QPainter, block: QTextBlock, rect: QRectF, label: str | None
    ) -> None:
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return
        line = layout.lineAt(0)
        top = rect.top() + line.y()
        text_left = rect.left() + line.x()  # where the first line's text starts (after indent)
        font = QFont(self.document().defaultFont())
        painter.setPen(QColor("#6b7280"))
        if label:  # an automatic heading number, in the first-line indent before the title
            font.setBold(True)
            painter.setFont(font)
            area = QRectF(rect.left(), top, max(line.x() - 6, 0.0), line.height())
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(area, int(align), label)
            return
        font.setItalic(True)
        painter.setFont(font)
        area = QRectF(text_left, top, max(rect.right() - text_left, 0.0), line.height())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(area, int(align), richtext.CAPTION_HINT)

    def _heading_labels(self) -> dict[int, str]:
        """Numbers of the heading paragraphs (block number → "I.", "1.", "a)"), computed as the
        printout does; they are drawn, never typed."""
        headings: list[Heading] = []
        numbers: dict[str, int] = {}
        block = self.document().begin()
        while block.isValid():
            fmt = block.blockFormat()
            if str(fmt.property(richtext.BLOCK_KIND) or "") == "heading":
                try:
                    level = HeadingLevel(str(fmt.property(richtext.HEADING_LEVEL) or ""))
                except ValueError:
                    level = HeadingLevel.ARABIC
                key = str(block.blockNumber())
                numbered = fmt.property(richtext.HEADING_NUMBERED) is not False
                headings.append(Heading(level, (), numbered=numbered, id=key))
                numbers[key] = block.blockNumber()
            block = block.next()
        return {numbers[k]: v for k, v in number_headings(headings).items()}

    # -- headings (phụ lục) -----------------------------------------------------------------------

    def set_heading(self, level: HeadingLevel | None) -> None:
        """Make the paragraphs under the caret headings of `level` (None: plain paragraphs).

        Used where the text itself holds its headings (a phụ lục); the body's headings are the
        outline's. A "- "/"+ " marker is dropped; a heading shows bold, as it prints.
        """
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = self.document().findBlock(start)
        blocks = []
        while block.isValid() and block.position() <= end:
            kind = str(block.blockFormat().property(richtext.BLOCK_KIND) or "paragraph")
            if QTextCursor(block).currentTable() is None and kind not in {
                "pagebreak",
                richtext.CAPTION,
            }:
                blocks.append(block)
            block = block.next()
        if not blocks:
            return
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for b in blocks:
            block_id = str(b.blockFormat().property(richtext.BLOCK_ID) or "") or None
            edit.setPosition(b.position())
            if b.text().startswith(("- ", "+ ")):
                edit.setPosition(b.position() + 2, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            if level is None:
                edit.setBlockFormat(richtext.block_format("paragraph", block_id))
            else:
                fmt = richtext.block_format("heading", block_id)
                fmt.setProperty(richtext.HEADING_LEVEL, level.value)
                fmt.setProperty(richtext.HEADING_NUMBERED, True)
                fmt.setProperty(richtext.HEADING_TITLED, True)
                edit.setBlockFormat(fmt)
            edit.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            weight = QTextCharFormat()
            weight.setFontWeight(QFont.Weight.Normal if level is None else QFont.Weight.Bold)
            edit.mergeCharFormat(weight)
        edit.endEditBlock()
        weight = QTextCharFormat()
        weight.setFontWeight(QFont.Weight.Normal if level is None else QFont.Weight.Bold)
        self.mergeCurrentCharFormat(weight)
        self.viewport().update()

    def current_table_cell(self) -> tuple[object, int, int] | None:
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is None:
            return None
        cell = table.cellAt(cursor)
        return table, cell.row(), cell.column()

    def table_add_row(self) -> None:
        found = self.current_table_cell()
        if found:
            table, row, _col = found
            table.insertRows(row + 1, 1)  # type: ignore[attr-defined]

    def table_add_column(self) -> None:
        found = self.current_table_cell()
        if found:
            table, _row, col = found
            table.insertColumns(col + 1, 1)  # type: ignore[attr-defined]

    def table_remove_row(self) -> None:
        found = self.current_table_cell()
        if found:
            table, row, _col = found
            if table.rows() > 1:  # type: ignore[attr-defined]
                table.removeRows(row, 1)  # type: ignore[attr-defined]

    def table_remove_column(self) -> None:
        found = self.current_table_cell()
        if found:
            table, _row, col = found
            if table.columns() > 1:  # type: ignore[attr-defined]
                table.removeColumns(col, 1)  # type: ignore[attr-defined]

    # -- paste ----------------------------------------------------------------------------------

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasHtml():
            result = paste_html(source.html(), convert_legacy)
        elif source.hasText():
            result = paste_text(source.text(), convert_legacy)
        else:
            return
        self.insert_pasted(result)

    def insert_pasted(self, result: PasteResult) -> None:
        if not result.blocks:
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        first = True
        for block in result.blocks:
            if not first:
                cursor.insertBlock(richtext.block_format("paragraph", None), QTextCharFormat())
            first = False
            content = getattr(block, "content", ())
            marker = getattr(block, "marker", None)
            if marker is not None:
                if cursor.block().text():
                    cursor.insertBlock(richtext.block_format("item", None), QTextCharFormat())
                cursor.insertText(richtext.MARKERS[marker], QTextCharFormat())
            for run in content:
                if isinstance(run, Run):
                    cursor.insertText(run.text, richtext.char_format(run))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        if result.converted_from:
            self.pasteConverted.emit(result.converted_from)
