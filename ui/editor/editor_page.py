"""One open document: the editor tabs on the left, the side panels on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.model.document import Document
from ui.editor.appendix_editor import AppendixEditor
from ui.editor.body_editor import BodyEditor
from ui.editor.closing_form import ClosingForm
from ui.editor.header_form import HeaderForm
from ui.session import DocumentSession, ViewState

# Checker locations that are header/closing fields: which tab and widget to focus.
_ELEMENT_TARGETS: dict[str, tuple[str, str]] = {
    "Cơ quan chủ quản": ("header", "parent_agency"),
    "Tên cơ quan ban hành": ("header", "issuing_agency"),
    "Cơ quan ban hành": ("header", "issuing_agency"),
    "Số, ký hiệu": ("header", "number"),
    "Địa danh, ngày tháng": ("header", "date"),
    "Địa danh": ("header", "place"),
    "Ngày tháng": ("header", "date"),
    "Trích yếu": ("header", "title"),
    "Tên loại, trích yếu": ("header", "title"),
    "Kính gửi": ("header", "recipients"),
    "Căn cứ": ("header", "legal_bases"),
    "Người ký": ("closing", "signer_lines"),
    "Khối chữ ký": ("closing", "signer_lines"),
    "Chức vụ người ký": ("closing", "signer_lines"),
    "Họ tên người ký": ("closing", "signer_name"),
    "Nơi nhận": ("closing", "distribution"),
    "Câu kết": ("closing", "closing"),
}


class EditorPage(QWidget):
    backRequested = Signal()
    message = Signal(str)

    def __init__(
        self, session: DocumentSession, side: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.back = QPushButton("← Danh sách")
        self.back.setToolTip("Về danh sách văn bản (Ctrl+L)")
        self.back.clicked.connect(self.backRequested.emit)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)

        self.tabs = QTabWidget()
        self.body = BodyEditor(session)
        self.header = HeaderForm(session)
        self.closing = ClosingForm(session)
        self.appendices = AppendixEditor(session)
        # No Alt-letters on the tabs: Alt+T, Alt+K … belong to the menu bar and the form fields
        # (an ambiguous Alt-letter reaches neither). The tabs are Ctrl+1…4 (menu "Văn bản").
        for widget, text, key in (
            (self.body, "Nội dung", 1),
            (self.header, "Thông tin chung", 2),
            (self.closing, "Ký và Nơi nhận", 3),
            (self.appendices, "Phụ lục", 4),
        ):
            index = self.tabs.addTab(widget, text)
            self.tabs.setTabToolTip(index, f"{text} (Ctrl+{key})")
        for w in (self.body, self.appendices):
            w.message.connect(self.message.emit)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        session.documentChanged.connect(self._on_document)

    def _on_document(self, doc: Document, origin: str, view: ViewState | None) -> None:
        label = doc.title or "(chưa có trích yếu)"
        kind = self.header.kind.itemText(max(self.header.kind.findData(doc.kind.value), 0))
        self.title.setText(f"{kind}: {label}")
        if origin in {"undo", "redo"} and view is not None:
            area = view.area
            target = {"body": self.body, "header": self.header, "closing": self.closing,
                      "appendix": self.appendices}.get(area)  # fmt: skip
            if target is not None:
                self.tabs.setCurrentWidget(target)

    def go_to_block(self, block_id: str) -> bool:
        """Show the place of a block: in the body, or in a phụ lục (its title or a block of its
        body — the checker points at either)."""
        if self.body.has_block(block_id):
            self.tabs.setCurrentWidget(self.body)
            return self.body.highlight_block(block_id)
        if self.appendices.show_block(block_id):
            self.tabs.setCurrentWidget(self.appendices)
            return True
        return False

    def go_to_element(self, element: str) -> bool:
        if element.startswith("Nội dung"):
            self.tabs.setCurrentWidget(self.body)
            self.body.editor.setFocus()
            return True
        if element.startswith("Phụ lục"):
            self.tabs.setCurrentWidget(self.appendices)
            return True
        for name, (tab, widget_name) in _ELEMENT_TARGETS.items():
            if element.startswith(name):
                form = self.header if tab == "header" else self.closing
                self.tabs.setCurrentWidget(form)
                widget = getattr(form, widget_name)
                widget.setFocus()
                form.ensureWidgetVisible(widget)
                return True
        return False
