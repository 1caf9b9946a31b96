"""The "Phụ lục" tab: the list of appendices and the title, reference and body of the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.editing import appendices as ap
from desktop.editing.outline import ladder
from desktop.errors import UserError
from desktop.layout.build import appendix_label
from desktop.model.document import Block, Document
from ui.editor.committer import TextCommitter
from ui.editor.format_bar import FormatBar
from ui.editor.text_editor import TextEditor
from ui.session import DocumentSession, ViewState


class AppendixEditor(QWidget):
    message = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current: str | None = None
        self._shown_id: str | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Danh sách phụ lục")
        add = QPushButton("Thêm phụ lục")
        add.setToolTip("Thêm một phụ lục sau các phụ lục đã có")
        self.remove_button = QPushButton("Xoá")
        self.remove_button.setToolTip("Xoá phụ lục đang chọn (hoàn tác bằng Ctrl+Z)")
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip("Chuyển phụ lục lên (đổi số thứ tự)")
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip("Chuyển phụ lục xuống (đổi số thứ tự)")
        for b in (self.up_button, self.down_button):
            b.setMaximumWidth(40)
        add.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_appendix(-1))
        self.down_button.clicked.connect(lambda: self.move_appendix(1))
        buttons = QHBoxLayout()
        buttons.addWidget(add, 1)
        for b in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.list)

        self.title = QLineEdit()
        self.title.setPlaceholderText("Tên phụ lục, ví dụ: Biểu tổng hợp kết quả năm 2024")
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("(Kèm theo …) — để trống trên bản điện tử")
        self.editor = TextEditor()
        self.editor.setAccessibleName("Nội dung phụ lục")
        self.editor.setPlaceholderText(
            "Gõ nội dung phụ lục. Chèn bảng bằng nút “Bảng”; đặt đề mục (I, 1, a…) bằng nút "
            "“Đề mục” — số đề mục tự đánh khi in."
        )
        self.editor.show_heading_numbers = True  # the appendix text holds its own headings
        self.editor.message.connect(self.message.emit)
        self.committer = TextCommitter(self.editor, session, self)
        self.committer.label = "Sửa nội dung phụ lục"
        self.committer.origin = "appendix-text"
        self.committer.view_for = lambda cursor: ViewState(
            section=self.current, cursor=cursor, area="appendix"
        )
        self.committer.on_error = self.message.emit
        self.empty = QLabel("Văn bản chưa có phụ lục. Bấm “Thêm phụ lục” để tạo.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        self.fields = QWidget()  # hidden, with its labels, while there is no phụ lục
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        title_label = QLabel("&Tên phụ lục:")
        title_label.setBuddy(self.title)
        reference_label = QLabel("Dòng &kèm theo:")
        reference_label.setBuddy(self.reference)
        form.addRow(title_label, self.title)
        form.addRow(reference_label, self.reference)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.fields)
        self.format_bar = FormatBar(self.editor, right, headings=True)
        right_layout.addWidget(self.format_bar)
        right_layout.addWidget(self.editor, 1)
        right_layout.addWidget(self.empty, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.list.currentRowChanged.connect(self._row_changed)
        self.title.editingFinished.connect(self._fields_edited)
        self.reference.editingFinished.connect(self._fields_edited)
        session.documentChanged.connect(self._on_document)

    def _on_document(self, doc: Document, origin: str, view: ViewState | None) -> None:
        ids = [a.id for a in doc.appendices]
        if (
            origin in {"undo", "redo"}
            and view is not None
            and view.area == "appendix"
            and view.section in ids
        ):
            self.current = view.section
        if self.current not in ids:
            self.current = ids[0] if ids else None
        self.list.blockSignals(True)
        self.list.clear()
        for i, appendix in enumerate(doc.appendices):
            item = QListWidgetItem(
                f"{appendix_label(i, len(doc.appendices))}: {appendix.title or '(chưa đặt tên)'}"
            )
            item.setData(Qt.ItemDataRole.UserRole, appendix.id)
            self.list.addItem(item)
        if self.current is not None:
            self.list.setCurrentRow(ids.index(self.current))
        self.list.blockSignals(False)
        self._show(doc)

    def _show(self, doc: Document) -> None:
        appendix = next((a for a in doc.appendices if a.id == self.current), None)
        has = appendix is not None
        for w in (self.fields, self.editor, self.format_bar):
            w.setVisible(has)
        self.empty.setVisible(not has)
        for b in (self.remove_button, self.up_button, self.down_button):
            b.setEnabled(has)
        self.format_bar.set_heading_levels(ladder(doc.kind))
        if appendix is None:
            self._shown_id = None
            self.committer.load((), 0, None)
            return
        if self.title.text() != appendix.title:
            self.title.setText(appendix.title)
        if self.reference.text() != appendix.reference:
            self.reference.setText(appendix.reference)
        if (
            self.committer.apply_blocks is not None
            and self.committer.shown == appendix.body
            and (self._shown_id == appendix.id)
        ):
            return
        self._shown_id = appendix.id
        appendix_id = appendix.id

        def apply(document: Document, blocks: tuple[Block, ...]) -> Document:
            return ap.update_appendix(document, appendix_id, body=blocks)

        self.committer.load(appendix.body, 0, apply)

    def show_block(self, block_id: str) -> bool:
        """Select the phụ lục that is `block_id` or holds it; put the caret on that block."""
        doc = self.session.document
        if doc is None:
            return False
        for row, appendix in enumerate(doc.appendices):
            if appendix.id == block_id:
                self.list.setCurrentRow(row)
                self.title.setFocus()
                return True
            if any(b.id == block_id for b in appendix.body):
                self.list.setCurrentRow(row)
                self.editor.setFocus()
                return self.editor.place_caret_at_block(block_id)
        return False

    def _row_changed(self, row: int) -> None:
        doc = self.session.document
        if doc is None or not 0 <= row < len(doc.appendices):
            return
        self.committer.commit()
        self.current = doc.appendices[row].id
        self._show(self.session.document)  # type: ignore[arg-type]

    def _apply(self, new: Document, label: str) -> None:
        self.session.apply(new, label, origin="appendix",
                           view_before=ViewState(section=self.current, area="appendix"))  # fmt: skip

    def _fields_edited(self) -> None:
        doc = self.session.document
        if doc is None or self.current is None:
            return
        try:
            new = ap.update_appendix(
                doc, self.current, title=self.title.text(), reference=self.reference.text()
            )
        except UserError as exc:
            self.message.emit(exc.message)
            return
        self._apply(new, "Sửa phụ lục")

    def add(self) -> None:
        doc = self.session.document
        if doc is None:
            return
        self.committer.commit()
        new, new_id = ap.add_appendix(doc, "")
        self.current = new_id
        self._apply(new, "Thêm phụ lục")
        self.title.setFocus()

    def remove(self) -> None:
        doc = self.session.document
        if doc is None or self.current is None:
            return
        self.committer.commit()
        self._apply(ap.remove_appendix(self.session.document, self.current), "Xoá phụ lục")  # type: ignore[arg-type]

    def move_appendix(self, offset: int) -> None:
        doc = self.session.document
        if doc is None or self.current is None:
            return
        try:
            self._apply(ap.move_appendix(doc, self.current, offset), "Chuyển phụ lục")
        except UserError as exc:
            self.message.emit(exc.message)
