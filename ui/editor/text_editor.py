"""The rich text editor of one section: emphasis, "-"/"+" items, footnotes, tables, paste.

The widget edits a QTextDocument built by `richtext`; the editor page reads it back into model
blocks. Undo and redo are not the widget's: Ctrl+Z/Ctrl+Y reach the window's undo stack, which
covers structure and text together.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.editing.paste import PasteResult, convert_legacy, paste_html, paste_text
from desktop.model.document import FootnoteRef, Run, Table, TableCell
from ui.editor import richtext


class TextEditor(QTextEdit):
    pasteConverted = Signal(str)  # the legacy encoding name that a paste was converted from
    footnoteEditRequested = Signal(int)  # document position of a footnote mark

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.setDocument(richtext.new_text_document())
        self.footnote_offset = 0
        self._serial = 1000
        self.cursorPositionChanged.connect(self._leave_footnote_format)
        self.setAccessibleName("Nội dung mục đang chọn")

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
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._fix_new_block()

    def _fix_new_block(self) -> None:
        """A block made by Enter copies the previous block's format: a new paragraph after a
        heading or a page break is a plain paragraph, and it must not share the block id."""
        cursor = self.textCursor()
        fmt = cursor.blockFormat()
        kind = str(fmt.property(richtext.BLOCK_KIND) or "paragraph")
        new_kind = "paragraph" if kind in {"heading", "pagebreak", "after-table"} else kind
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

    def insert_table(self, rows: int, columns: int) -> None:
        rows, columns = max(rows, 1), max(columns, 1)
        table = Table(
            rows=tuple(tuple(TableCell(()) for _ in range(columns)) for _ in range(rows)),
            header_rows=1,
        )
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(richtext.block_format("paragraph", None))
        cursor.insertTable(rows, columns, richtext.table_format(table))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

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
