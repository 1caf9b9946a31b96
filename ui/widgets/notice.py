"""A non-modal message strip above the editor: results and failures of jobs, never a dialog.

A message may carry one action button (“Hoàn tác”, “Mở hồ sơ cơ quan…”) next to “Mở thư mục”;
the action runs once, then the strip closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

_STYLES = {
    "info": "background:#ecfdf5; border:1px solid #10b981; color:#064e3b;",
    "warning": "background:#fffbeb; border:1px solid #f59e0b; color:#78350f;",
    "error": "background:#fef2f2; border:1px solid #ef4444; color:#7f1d1d;",
}

NoticeAction = tuple[str, Callable[[], object]]  # button text, what it does


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.open_button = QPushButton("Mở thư mục")
        self.close_button = QPushButton("Đóng")
        self.close_button.setToolTip("Ẩn thông báo này")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.open_button.clicked.connect(self._open)
        self.action_button.clicked.connect(self._run_action)
        self._folder: str | None = None
        self._action: Callable[[], object] | None = None
        self.level = "info"
        self._transient = False
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "info",
        folder: str | None = None,
        *,
        action: NoticeAction | None = None,
        transient: bool = False,
    ) -> None:
        """`transient`: a hint for the page now shown, hidden when the user moves on."""
        self.level = level
        self._transient = transient
        self.setStyleSheet(f"NoticeBar {{{_STYLES[level]}}} QLabel {{border:none;}}")
        self.label.setText(text)
        self._folder = folder
        self.open_button.setVisible(folder is not None)
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self.show()

    def page_changed(self) -> None:
        if self._transient:
            self.hide()

    @property
    def has_action(self) -> bool:
        return self._action is not None and self.isVisible()

    def clear_action(self) -> None:
        """The action no longer applies (another document is open): hide a strip that offers it."""
        if self._action is not None:
            self._action = None
            self.hide()

    def _run_action(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()

    def _open(self) -> None:
        if self._folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._folder))
