"""The "Lịch sử" tab: snapshots of the open document, what changed since each, and restore."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.compare import describe_changes
from desktop.errors import UserError
from desktop.services import history as history_service
from desktop.services.store import Store
from ui.session import DocumentSession


class HistoryPanel(QWidget):
    restored = Signal(int)  # document id
    message = Signal(str)

    def __init__(
        self, store: Store, session: DocumentSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session = session
        self.list = QListWidget()
        self.list.setAccessibleName("Các bản lưu lịch sử")
        self.changes = QTextBrowser()
        self.keep_button = QPushButton("Lưu mốc bây giờ")
        self.keep_button.setToolTip("Giữ lại trạng thái hiện tại để sau này khôi phục")
        self.restore_button = QPushButton("Khôi phục bản này")
        self.restore_button.setToolTip(
            "Đưa văn bản về bản đã chọn; trạng thái hiện tại được lưu lại trước"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Các bản đã lưu (mới nhất trước):"))
        layout.addWidget(self.list, 2)
        layout.addWidget(QLabel("Khác với bản hiện tại:"))
        layout.addWidget(self.changes, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show_changes())
        self.restore_button.clicked.connect(self.restore_selected)
        self.keep_button.clicked.connect(self.keep_now)
        self.restore_button.setEnabled(False)
        # "What changed" follows the edits while the tab is open (debounced: it reads a snapshot).
        self._changes_timer = QTimer(self)
        self._changes_timer.setSingleShot(True)
        self._changes_timer.setInterval(500)
        self._changes_timer.timeout.connect(self._show_changes)

    def document_changed(self) -> None:
        if self.isVisible():
            self._changes_timer.start()

    def refresh(self) -> None:
        self.list.clear()
        self.changes.clear()
        document_id = self.session.document_id
        if document_id is None:
            self.restore_button.setEnabled(False)
            return
        for info in history_service.list_history(self.store, document_id):
            when = info.taken_at.astimezone().strftime("%d/%m/%Y %H:%M")
            text = f"{when} — {info.reason_label} — {info.status_label}"
            if info.note:
                text += f" — {info.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(info.title)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.changes.setPlainText(
                "Chưa có bản lưu nào. Các bản được giữ tự động khi sửa (10 phút một lần), "
                "khi hoàn thiện và khi xuất tệp."
            )
        self.restore_button.setEnabled(self.list.count() > 0)

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _show_changes(self) -> None:
        snapshot_id = self._selected()
        if snapshot_id is None or self.session.document_id is None or self.session.document is None:
            return
        try:
            old = history_service.snapshot_document(
                self.store, self.session.document_id, snapshot_id
            )
        except UserError as exc:
            self.changes.setPlainText(exc.message)
            return
        lines = describe_changes(old, self.session.document)
        if not lines:
            self.changes.setPlainText("Giống hệt bản hiện tại.")
        else:
            self.changes.setPlainText("\n".join(f"• {line}" for line in lines))

    def keep_now(self) -> None:
        if self.session.document_id is None:
            return
        self.session.flush()
        history_service.take_snapshot(self.store, self.session.document_id)
        self.refresh()
        self.message.emit("Đã lưu mốc lịch sử.")

    def restore_selected(self) -> None:
        snapshot_id = self._selected()
        document_id = self.session.document_id
        if snapshot_id is None or document_id is None:
            return
        self.session.flush()
        try:
            history_service.restore(self.store, document_id, snapshot_id)
        except UserError as exc:
            self.message.emit(exc.message)
            return
        self.restored.emit(document_id)
