"""Choose where a package goes: a folder, or a detected USB drive (with its free space), and warn
before the package goes over the e-mail size limit of the office profile."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from desktop.evidence.sizes import format_size
from ui.output.drives import list_drives

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class PackageDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.destination: Path | None = None
        self.split_mb: float | None = None
        self.setWindowTitle("Đóng gói để gửi")
        document_id = window.session.document_id
        assert document_id is not None
        from desktop.packaging.service import budget_for_document

        verdict = budget_for_document(window.store, document_id)
        self.estimate = verdict.estimated_bytes
        limit_mb = window.profile.email_limit_mb

        self.to_folder = QRadioButton("Vào thư mục:")
        self.to_drive = QRadioButton("Vào USB:")
        group = QButtonGroup(self)
        group.addButton(self.to_folder)
        group.addButton(self.to_drive)
        self.folder = QLineEdit(str(window.output.last_dir))
        browse = QPushButton("Chọn…")
        browse.clicked.connect(self._browse)
        self.drives = QComboBox()
        self.refresh_drives = QPushButton("Tìm lại")
        self.refresh_drives.clicked.connect(self._load_drives)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.to_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        drive_row = QHBoxLayout()
        drive_row.addWidget(self.to_drive)
        drive_row.addWidget(self.drives, 1)
        drive_row.addWidget(self.refresh_drives)

        self.size_label = QLabel(verdict.message)
        self.size_label.setWordWrap(True)
        self.split = QCheckBox(f"Chia thành nhiều gói, mỗi gói dưới {limit_mb:g} MB (để gửi thư)")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color:#92400e;")
        self.fits = verdict.fits
        if not verdict.fits:
            self.warning.setText(
                "Cảnh báo: gói vượt giới hạn gửi thư điện tử. Chép vào USB, hoặc chọn chia nhỏ."
            )
        else:
            self.split.setVisible(False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Đóng gói")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Huỷ")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b91c1c;")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addLayout(drive_row)
        layout.addWidget(self.size_label)
        layout.addWidget(self.warning)
        layout.addWidget(self.split)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load_drives()
        self.resize(620, 260)

    def _load_drives(self) -> None:
        """List the USB drives; preselect the first with room for the package (a full stick is
        listed, marked, but not chosen for the user)."""
        self.drives.clear()
        roomy = -1
        for drive in list_drives():
            enough = drive.free_bytes >= self.estimate
            label = drive.label if enough else f"{drive.label} — không đủ chỗ"
            self.drives.addItem(label, drive)
            if enough and roomy < 0:
                roomy = self.drives.count() - 1
        has = self.drives.count() > 0
        if not has:
            self.drives.addItem("Chưa thấy USB nào — hãy cắm USB rồi bấm “Tìm lại”", None)
        self.drives.setEnabled(has)
        self.to_drive.setEnabled(has)
        if roomy >= 0:
            self.drives.setCurrentIndex(roomy)
            self.to_drive.setChecked(True)
        else:
            self.to_folder.setChecked(True)

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu gói", self.folder.text())
        if name:
            self.folder.setText(name)
            self.to_folder.setChecked(True)

    def accept(self) -> None:
        if self.to_drive.isChecked():
            drive = self.drives.currentData()
            if drive is None:
                self.error.setText("Chưa chọn USB.")
                return
            if drive.free_bytes < self.estimate:
                self.error.setText(
                    f"USB chỉ còn {format_size(drive.free_bytes)}, không đủ cho gói "
                    f"{format_size(self.estimate)}: hãy xoá bớt tệp trên USB hoặc dùng USB khác."
                )
                return
            self.destination = drive.root
        else:
            folder = Path(self.folder.text().strip()).expanduser()
            if not folder.is_dir():
                self.error.setText(f"Không có thư mục {folder}.")
                return
            self.destination = folder
        if not self.split.isHidden() and self.split.isChecked():
            self.split_mb = self.main.profile.email_limit_mb
        super().accept()
