"""The formatting toolbar of a TextEditor: emphasis, "-"/"+" items, footnote, table, page break.

Shared by the section editor and the appendix editor. Its shortcuts (Ctrl+B …) work while the
focus is anywhere inside `host`, so one window can hold two editors without clashes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.outline import LEVEL_NAMES, REPORT_LADDER
from desktop.model.document import HeadingLevel
from ui.editor import richtext
from ui.editor.text_editor import TextEditor

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class FormatBar(QToolBar):
    def __init__(self, editor: TextEditor, host: QWidget, *, headings: bool = False) -> None:
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
        self.act_caption = self._menu_action(menu, "Sửa tên bảng", self.edit_caption)
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
        # Like the other buttons of the bar: reached with the mouse or its menu, never by Tab
        # (Tab from the section name must land in the text, not open this menu).
        table_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu.aboutToShow.connect(self._update_table_menu)
        self.table_button = table_button
        self.addWidget(table_button)
        self.act_page_break = self._action("↵ Trang", "Chèn ngắt trang", self.insert_page_break)
        self.heading_button: QToolButton | None = None
        if headings:
            self._add_heading_menu()
        editor.footnoteEditRequested.connect(self.edit_footnote)

    # -- headings (phụ lục: the text holds its own headings) -----------------------------------

    def _add_heading_menu(self) -> None:
        self.addSeparator()
        self.heading_menu = QMenu("Đề mục", self)
        button = QToolButton()
        button.setText("Đề mục ▾")
        button.setToolTip("Biến đoạn đang chọn thành đề mục (I, 1, 1.1, a…) hoặc đoạn thường")
        button.setMenu(self.heading_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.heading_button = button
        self.addWidget(button)
        self.set_heading_levels(REPORT_LADDER)

    def set_heading_levels(self, levels: Sequence[HeadingLevel]) -> None:
        """The levels the heading menu offers (the document kind's ladder)."""
        if self.heading_button is None:
            return
        self.heading_menu.clear()
        self._menu_action(
            self.heading_menu, "Đoạn văn thường", lambda: self.editor.set_heading(None)
        )
        self.heading_menu.addSeparator()
        for level in levels:
            self._menu_action(
                self.heading_menu,
                f"Đề mục: {LEVEL_NAMES[level]}",
                lambda level=level: self.editor.set_heading(level),
            )

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
        dialog = InsertTableDialog(self.host)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.editor.insert_table(dialog.rows.value(), dialog.columns.value(), dialog.caption)
            self.editor.setFocus()

    def _update_table_menu(self) -> None:
        in_table = self.editor.current_table_cell() is not None
        for action in (self.act_caption, self.act_row, self.act_col, self.act_del_row,
                       self.act_del_col):  # fmt: skip
            action.setEnabled(in_table)

    def edit_caption(self) -> None:
        """The caption is the line right above the table: put the caret there to type it."""
        if not self.editor.go_to_caption():
            self.editor.message.emit("Đặt con trỏ vào một ô của bảng rồi chọn lại lệnh này.")

    def insert_page_break(self) -> None:
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(richtext.block_format("pagebreak", None), QTextCharFormat())
        cursor.insertText(richtext.PAGE_BREAK_TEXT)
        cursor.insertBlock(richtext.block_format("paragraph", None), QTextCharFormat())
        self.editor.setTextCursor(cursor)


class InsertTableDialog(QDialog):
    """Rows, columns and the caption of a new table, in one dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Chèn bảng")
        self.rows = QSpinBox()
        self.rows.setRange(1, 200)
        self.rows.setValue(3)
        self.columns = QSpinBox()
        self.columns.setRange(1, 20)
        self.columns.setValue(3)
        self.caption_edit = QLineEdit()
        self.caption_edit.setPlaceholderText("Ví dụ: Bảng 1. Kết quả thực hiện (có thể để trống)")
        form = QFormLayout()
        form.addRow("Số &dòng (kể cả dòng tiêu đề):", self.rows)
        form.addRow("Số &cột:", self.columns)
        form.addRow("&Tên bảng:", self.caption_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Chèn bảng")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Huỷ")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def caption(self) -> str:
        return " ".join(self.caption_edit.text().split())
