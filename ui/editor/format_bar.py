"""The formatting toolbar of a TextEditor: emphasis, "-"/"+" items, footnote, table, page break.

Shared by the section editor and the appendix editor. Its shortcuts (Ctrl+B …) work while the
focus is anywhere inside `host`, so one window can hold two editors without clashes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QInputDialog, QMenu, QToolBar, QToolButton, QWidget

from ui.editor import richtext
from ui.editor.text_editor import TextEditor

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class FormatBar(QToolBar):
    def __init__(self, editor: TextEditor, host: QWidget) -> None:
        super().__init__("Định dạng", host)
        self.editor = editor
        self.host = host
        e = editor
        self.act_bold = self._action("B", "Chữ đậm", e.toggle_bold, QKeySequence.StandardKey.Bold)
        self.act_italic = self._action(
            "I", "Chữ nghiêng", e.toggle_italic, QKeySequence.StandardKey.Italic
        )
        self.act_underline = self._action(
            "U", "Gạch chân", e.toggle_underline, QKeySequence.StandardKey.Underline
        )
        for action, attribute in (
            (self.act_bold, "setBold"),
            (self.act_italic, "setItalic"),
            (self.act_underline, "setUnderline"),
        ):
            font = self.font()
            getattr(font, attribute)(True)
            button = self.widgetForAction(action)
            if button is not None:
                button.setFont(font)
        self.addSeparator()
        self.act_dash = self._action(
            "-", "Gạch đầu dòng “-”", lambda: e.set_item_marker("- "), "Ctrl+Shift+D"
        )
        self.act_plus = self._action(
            "+", "Ý nhỏ “+”", lambda: e.set_item_marker("+ "), "Ctrl+Shift+K"
        )
        self.addSeparator()
        self.act_footnote = self._action(
            "¹ Chú thích", "Chèn chú thích cuối trang", self.insert_footnote, "Ctrl+Alt+F"
        )
        # Table commands share one drop-down so the bar fits a 1366-pixel screen.
        menu = QMenu("Bảng", self)
        self.act_table = self._menu_action(menu, "Chèn bảng…", self.insert_table)
        menu.addSeparator()
        self.act_row = self._menu_action(menu, "Thêm dòng", e.table_add_row)
        self.act_col = self._menu_action(menu, "Thêm cột", e.table_add_column)
        self.act_del_row = self._menu_action(menu, "Xoá dòng", e.table_remove_row)
        self.act_del_col = self._menu_action(menu, "Xoá cột", e.table_remove_column)
        table_button = QToolButton()
        table_button.setText("Bảng ▾")
        table_button.setToolTip("Chèn bảng, thêm hoặc xoá dòng, cột")
        table_button.setMenu(menu)
        table_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(table_button)
        self.act_page_break = self._action("↵ Trang", "Chèn ngắt trang", self.insert_page_break)
        editor.footnoteEditRequested.connect(self.edit_footnote)

    def _action(
        self, text: str, tip: str, slot: Callable[[], None], shortcut: Shortcut = None
    ) -> QAction:
        action = QAction(text, self.host)
        if shortcut:
            sequence = QKeySequence(shortcut)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        self.host.addAction(action)
        return action

    def _menu_action(self, menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def insert_footnote(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self.host, "Chèn chú thích", "Nội dung chú thích:")
        if ok and text.strip():
            self.editor.insert_footnote(text)

    def edit_footnote(self, position: int) -> None:
        found = self.editor.footnote_at(position)
        if found is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self.host, "Sửa chú thích", "Nội dung chú thích (để trống để xoá):", found[2]
        )
        if ok:
            self.editor.set_footnote_text(position, text)

    def insert_table(self) -> None:
        rows, ok = QInputDialog.getInt(
            self.host, "Chèn bảng", "Số dòng (kể cả dòng tiêu đề):", 3, 1, 200
        )
        if not ok:
            return
        columns, ok = QInputDialog.getInt(self.host, "Chèn bảng", "Số cột:", 3, 1, 20)
        if ok:
            self.editor.insert_table(rows, columns)

    def insert_page_break(self) -> None:
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(richtext.block_format("pagebreak", None), QTextCharFormat())
        cursor.insertText(richtext.PAGE_BREAK_TEXT)
        cursor.insertBlock(richtext.block_format("paragraph", None), QTextCharFormat())
        self.editor.setTextCursor(cursor)
