"""“Văn bản mới”: the kind (a list, Enter or double-click picks it) and the trích yếu, in one
dialog. The trích yếu may stay empty; the editor then opens on the “Thông tin chung” tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.kinds import KIND_INFO, DocumentKind


class NewDocumentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, kind: DocumentKind | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Văn bản mới")
        self.kinds = QListWidget()
        self.kinds.setAccessibleName("Loại văn bản")
        for value, info in KIND_INFO.items():
            item = QListWidgetItem(info.label)
            item.setData(Qt.ItemDataRole.UserRole, value.value)
            self.kinds.addItem(item)
        start = list(KIND_INFO).index(kind) if kind in KIND_INFO else 0
        self.kinds.setCurrentRow(start)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Ví dụ: Kết quả thực hiện nhiệm vụ quý I năm 2025")
        kinds_label = QLabel("&Loại văn bản:")
        kinds_label.setBuddy(self.kinds)
        title_label = QLabel("&Trích yếu (có thể để trống, sửa sau):")
        title_label.setBuddy(self.title_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tạo văn bản")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Huỷ")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.kinds.itemDoubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(kinds_label)
        layout.addWidget(self.kinds, 1)
        layout.addWidget(title_label)
        layout.addWidget(self.title_edit)
        layout.addWidget(buttons)
        self.resize(420, 460)
        self.kinds.setFocus()  # arrows pick the kind, Tab goes to the trích yếu, Enter creates

    @property
    def kind(self) -> DocumentKind:
        item = self.kinds.currentItem()
        return DocumentKind(item.data(Qt.ItemDataRole.UserRole)) if item else DocumentKind.BAO_CAO

    @property
    def title(self) -> str:
        return " ".join(self.title_edit.text().split())
