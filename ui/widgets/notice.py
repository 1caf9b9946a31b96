"""A non-modal message strip above the editor: results and failures of jobs, never a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

_STYLES = {
    "info": "background:#ecfdf5; border:1px solid #10b981; color:#064e3b;",
    "warning": "background:#fffbeb; border:1px solid #f59e0b; color:#78350f;",
    "error": "background:#fef2f2; border:1px solid #ef4444; color:#7f1d1d;",
}


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("Mở thư mục")
        self.close_button = QPushButton("Đóng")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.open_button.clicked.connect(self._open)
        self._folder: str | None = None
        self.level = "info"
        self.hide()

    def show_message(self, text: str, level: str = "info", folder: str | None = None) -> None:
        self.level = level
        self.setStyleSheet(f"NoticeBar {{{_STYLES[level]}}} QLabel {{border:none;}}")
        self.label.setText(text)
        self._folder = folder
        self.open_button.setVisible(folder is not None)
        self.show()

    def _open(self) -> None:
        if self._folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._folder))
