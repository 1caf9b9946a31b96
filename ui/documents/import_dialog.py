"""Import: choose a .docx/.txt/.json file, or paste the text of a document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nhập văn bản có sẵn")
        self.path: Path | None = None
        self.pasted_text: str | None = None
        self.file = QLineEdit()
        self.file.setPlaceholderText("Chọn tệp .docx, .txt hoặc .json …")
        browse = QPushButton("Chọn tệp…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText(
            "… hoặc dán toàn bộ nội dung văn bản vào đây (chép từ Word, PDF hay trang web). "
            "Chữ mã TCVN3/VNI được chuyển sang Unicode tự động."
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Nhập")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Huỷ")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b91c1c;")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Tệp:"))
        layout.addLayout(row)
        layout.addWidget(QLabel("Hoặc dán văn bản:"))
        layout.addWidget(self.paste, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 460)

    def _browse(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self, "Chọn văn bản", str(Path.home()), "Văn bản (*.docx *.txt *.json);;Mọi tệp (*)"
        )
        if name:
            self.file.setText(name)

    def accept(self) -> None:
        name = self.file.text().strip()
        text = self.paste.toPlainText()
        if name:
            path = Path(name)
            if not path.is_file():
                self.error.setText(f"Không thấy tệp {path}.")
                return
            self.path, self.pasted_text = path, None
        elif text.strip():
            self.path, self.pasted_text = None, text
        else:
            self.error.setText("Hãy chọn một tệp hoặc dán nội dung văn bản.")
            return
        super().accept()
