"""The About box: name, version, the data folder (with a button to open it), Python and Qt
versions, and the licence notices — from `desktop.appinfo`, the same facts the CLI prints."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.appinfo import about_info, about_text


def about_html(data_dir: Path) -> str:
    info = about_info(data_dir, qt_version=qVersion())
    e = html.escape
    notices = "".join(
        f"<li><b>{e(n.component)}</b> — {e(n.licence)}. {e(n.note)}</li>" for n in info.notices
    )
    licences = (
        f"<p>Toàn văn các giấy phép: {e(str(info.licences_dir))}</p>" if info.licences_dir else ""
    )
    return (
        f"<h3>{e(info.display_name)} — phiên bản {e(info.version)}</h3>"
        f"<p>{e(info.description)}</p>"
        f"<p><b>Thư mục dữ liệu:</b> {e(str(info.data_dir))}<br>{e(info.data_dir_note)}</p>"
        f"<p><b>Chạy trên:</b> Python {e(info.python_version)}, Qt {e(info.qt_version or '')}</p>"
        f"<p><b>Giấy phép của các thành phần đi kèm:</b></p><ul>{notices}</ul>{licences}"
    )


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle("Giới thiệu")
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(data_dir))
        self.text.setAccessibleName("Thông tin chương trình")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        self.open_folder = QPushButton("Mở thư mục dữ liệu")
        self.copy_button = QPushButton("Chép thông tin")
        self.copy_button.setToolTip("Chép phiên bản và thư mục dữ liệu để gửi cho người hỗ trợ")
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
        )
        self.copy_button.clicked.connect(self.copy)
        self.copied = QLabel()
        self.copied.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def plain_text(self) -> str:
        return about_text(self.data_dir, qt_version=qVersion())

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.plain_text())
        self.copied.setText("Đã chép thông tin vào bộ nhớ tạm.")
