"""The "Kiểm tra" tab: format findings of the open document, live.

The check runs on the job runner's "checker" lane 600 ms after an edit, on the immutable document
snapshot (a newer edit supersedes it). Each finding says what is wrong, where, and how to fix it;
double-click (or Enter) takes the user to the place: the paragraph in the editor, or the form
field of a header element.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListView, QTextBrowser, QVBoxLayout, QWidget

from desktop.checker.findings import Finding, Severity
from desktop.jobs import CancelToken, Progress
from desktop.model.document import Document
from desktop.model.profile import OfficeProfile
from ui.jobs import JobRunner

Index = QModelIndex | QPersistentModelIndex
CheckFunction = Callable[[Document, OfficeProfile], list[Finding]]
FindingRole = Qt.ItemDataRole.UserRole + 1
CHECK_DELAY_MS = 600


class FindingsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        f = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✖" if f.severity is Severity.ERROR else "⚠"
            return f"{mark} {f.location.describe()}: {f.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Cách sửa: {f.fix}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#b91c1c" if f.severity is Severity.ERROR else "#92400e"))
        if role == FindingRole:
            return f
        return None


class CheckerPanel(QWidget):
    blockRequested = Signal(str)  # block id
    elementRequested = Signal(str)  # location element (header field) when there is no block

    def __init__(
        self, runner: JobRunner, check: CheckFunction | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.check = check
        self.profile = OfficeProfile()
        self.model = FindingsModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAccessibleName("Các lỗi thể thức")
        self.details = QTextBrowser()
        self.details.setMaximumHeight(150)
        self.details.hide()  # shown with the selected finding's explanation
        self.details.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        self._document: Document | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.list.selectionModel().currentChanged.connect(self._show_details)
        self.list.activated.connect(self._go)
        self.list.doubleClicked.connect(self._go)
        if check is None:
            self.summary.setText("Chức năng kiểm tra thể thức chưa sẵn sàng.")

    def set_document(self, document: Document | None, *, immediately: bool = False) -> None:
        self._document = document
        if document is None:
            self._timer.stop()
            self.model.set_findings([])
            return
        if immediately:
            self.check_now()
        else:
            self._timer.start()

    def check_now(self) -> None:
        self._timer.stop()
        document, check, profile = self._document, self.check, self.profile
        if document is None or check is None:
            return

        def job(progress: Progress, cancel: CancelToken) -> list[Finding]:
            cancel.raise_if_cancelled()
            return check(document, profile)

        self.runner.submit("Kiểm tra thể thức", job, quiet=True, lane="checker",
                           on_success=self._show, on_failure=self._failed)  # fmt: skip

    def _show(self, findings: list[Finding]) -> None:
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = len(findings) - errors
        if not findings:
            self.summary.setText("✔ Không thấy lỗi thể thức nào.")
        else:
            self.summary.setText(
                f"{errors} lỗi, {warnings} cảnh báo — bấm đúp vào một dòng để đến chỗ cần sửa."
            )
        self.model.set_findings(findings)
        self.details.clear()
        self.details.hide()

    def _failed(self, message: str) -> None:
        self.summary.setText(f"Chưa kiểm tra được: {message}")

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        f: Finding | None = current.data(FindingRole) if current.isValid() else None
        if f is None:
            self.details.clear()
            self.details.hide()
            return
        self.details.show()
        level = "Lỗi" if f.severity is Severity.ERROR else "Cảnh báo"
        self.details.setHtml(
            f"<b>{level}</b> — {_escape(f.location.describe())}<br>{_escape(f.message)}"
            f"<br><br><b>Cách sửa:</b> {_escape(f.fix)}"
            f"<br><small>Căn cứ: {_escape(f.spec)}</small>"
        )

    def _go(self, index: QModelIndex) -> None:
        f: Finding | None = index.data(FindingRole)
        if f is None:
            return
        if f.location.block_id:
            self.blockRequested.emit(f.location.block_id)
        else:
            self.elementRequested.emit(f.location.element)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
