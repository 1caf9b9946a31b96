"""The "Minh chứng" tab: files attached as evidence, dropped in from Explorer or chosen.

Attaching copies (and hashes) files, so it runs as a job with its own store connection. Each item
can be linked to a section, captioned and previewed (images and PDFs); the total size is shown
against the e-mail limit of the office profile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.evidence import service as evidence_service
from desktop.evidence.blocks import block_refs, describe_block
from desktop.evidence.items import EvidenceItem
from desktop.evidence.sizes import format_size
from desktop.jobs import CancelToken, Progress
from desktop.model.document import Heading
from desktop.model.profile import OfficeProfile
from desktop.services.store import Store, StoreSettings, open_store
from ui.jobs import JobFunction, JobRunner
from ui.session import DocumentSession

_COLUMNS = ("Số", "Chú thích", "Tệp", "Dung lượng", "Thuộc mục")
WHOLE_DOCUMENT = "(cả văn bản)"


def attach_job(data_dir: Path, document_id: int, paths: list[Path]) -> JobFunction:
    """A job function that attaches `paths` with its own store (a Store belongs to its thread)."""

    def job(progress: Progress, cancel: CancelToken) -> list[EvidenceItem]:
        with open_store(data_dir, settings=StoreSettings(backup_on_open=False)) as store:
            return evidence_service.attach(
                store, document_id, paths, progress=progress, cancel=cancel
            )

    return job


class EvidencePanel(QWidget):
    """Evidence lives in its own table, not in the document, so its changes are not on the
    document's undo stack (Ctrl+Z would otherwise mix file operations into typing). Each change
    is instead announced with a “Hoàn tác” button (`undoable`) that reverses exactly it."""

    blockRequested = Signal(str)
    message = Signal(str)
    failed = Signal(str)
    undoable = Signal(str, object)  # what was done, a callable that reverses it

    def __init__(
        self,
        store: Store,
        session: DocumentSession,
        runner: JobRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session = session
        self.runner = runner
        self.profile = OfficeProfile()
        self.items: list[EvidenceItem] = []
        self.setAcceptDrops(True)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Danh sách minh chứng")
        self.hint = QLabel("Kéo tệp từ thư mục vào đây, hoặc bấm “Thêm tệp…”.")
        self.hint.setWordWrap(True)
        self.size_bar = QProgressBar()
        self.size_bar.setFormat("%v / %m MB")
        self.size_label = QLabel()
        self.add_button = QPushButton("Thêm tệp…")
        self.caption_button = QPushButton("Sửa chú thích")
        self.remove_button = QPushButton("Gỡ")
        self.link_combo = QComboBox()
        self.link_combo.setToolTip("Mục của văn bản mà minh chứng đang chọn chứng minh")
        self.link_combo.setAccessibleName("Thuộc mục")
        self.link_button = QPushButton("Gắn vào mục này")
        self.link_label = QLabel("&Thuộc mục:")
        self.link_label.setBuddy(self.link_combo)
        self.preview_image = QLabel()
        self.preview_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_pdf = QPdfView()
        self.preview_pdf.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.preview_doc = QPdfDocument(self)
        self.preview_pdf.setDocument(self.preview_doc)
        self.preview = QStackedWidget()
        self.preview.addWidget(QLabel("Chọn một minh chứng để xem trước."))
        self.preview.addWidget(self.preview_image)
        self.preview.addWidget(self.preview_pdf)
        self.preview.setMinimumHeight(160)

        buttons = QHBoxLayout()
        for b in (self.add_button, self.caption_button, self.remove_button):
            buttons.addWidget(b)
        link = QHBoxLayout()
        link.addWidget(self.link_label)
        link.addWidget(self.link_combo, 1)
        link.addWidget(self.link_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        layout.addLayout(link)
        layout.addWidget(self.size_label)
        layout.addWidget(self.size_bar)
        layout.addWidget(self.preview, 2)

        self.add_button.clicked.connect(self.choose_files)
        self.caption_button.clicked.connect(self.edit_caption)
        self.remove_button.clicked.connect(self.remove_selected)
        self.link_button.clicked.connect(self.link_selected)
        self.table.currentCellChanged.connect(lambda *_: self._selection_changed())
        self.table.cellDoubleClicked.connect(self._double_clicked)

    # -- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        document_id = self.session.document_id
        self.items = (
            [] if document_id is None else evidence_service.list_evidence(self.store, document_id)
        )
        doc = self.session.document
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            section = (describe_block(doc, item.block_id) if doc else "") or WHOLE_DOCUMENT
            values = (
                str(item.number),
                item.caption,
                item.original_name,
                format_size(item.size),
                section,
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self._refresh_sections()
        self._refresh_size()
        self._selection_changed()

    def _refresh_sections(self) -> None:
        self.link_combo.clear()
        self.link_combo.addItem(WHOLE_DOCUMENT, None)
        doc = self.session.document
        if doc is None:
            return
        refs = block_refs(doc)
        for block in doc.body:
            if isinstance(block, Heading) and block.id in refs:
                self.link_combo.addItem(refs[block.id].label, block.id)

    def _refresh_size(self) -> None:
        total = sum(i.size for i in self.items)
        limit_mb = self.profile.email_limit_mb
        self.size_bar.setRange(0, max(int(limit_mb), 1))
        self.size_bar.setValue(min(int(total / 1_000_000), int(limit_mb)))
        over = total > limit_mb * 1_000_000
        text = f"Tổng dung lượng: {format_size(total)} / giới hạn thư điện tử {limit_mb:g} MB"
        if over:
            text += " — vượt giới hạn: hãy thu nhỏ ảnh hoặc gửi bằng USB."
        self.size_label.setText(text)
        self.size_label.setStyleSheet("color:#b91c1c;" if over else "")

    def _selected(self) -> EvidenceItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selection_changed(self) -> None:
        item = self._selected()
        for b in (self.caption_button, self.remove_button, self.link_button, self.link_combo):
            b.setEnabled(item is not None)
        if item is not None:  # show where the selected item belongs
            self.link_combo.setCurrentIndex(max(self.link_combo.findData(item.block_id), 0))
        self._preview(item)

    def select_number(self, number: int) -> None:
        for row, item in enumerate(self.items):
            if item.number == number:
                self.table.selectRow(row)
                return

    def _preview(self, item: EvidenceItem | None) -> None:
        if item is None:
            self.preview.setCurrentIndex(0)
            return
        path = evidence_service.evidence_store(self.store).blob_path(item.sha256)
        if item.mime.startswith("image/"):
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                self.preview_image.setPixmap(
                    pixmap.scaled(
                        320,
                        200,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                self.preview.setCurrentIndex(1)
                return
        if item.mime == "application/pdf":
            self.preview_doc.load(str(path))
            if self.preview_doc.status() == QPdfDocument.Status.Ready:
                self.preview.setCurrentIndex(2)
                return
        self.preview.setCurrentIndex(0)

    # -- commands ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.session.document_id is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach(paths)

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, "Chọn tệp minh chứng")
        if names:
            self.attach([Path(n) for n in names])

    def attach(self, paths: list[Path]) -> None:
        document_id = self.session.document_id
        if document_id is None:
            return
        self.session.flush()
        job = attach_job(self.store.data_dir, document_id, paths)
        count = len(paths)

        def done(items: list[EvidenceItem]) -> None:
            self.refresh()
            if items:
                self.select_number(items[-1].number)
            numbers = sorted((i.number for i in items), reverse=True)

            def undo() -> None:
                for number in numbers:  # from the last, so the earlier numbers stay put
                    self._call(evidence_service.detach, self.store, document_id, number)
                self.refresh()
                self.message.emit(f"Đã bỏ {count} tệp vừa đính kèm.")

            self.undoable.emit(f"Đã đính kèm {count} tệp minh chứng.", undo)

        self.runner.submit("Đính kèm minh chứng", job, on_success=done, on_failure=self.failed.emit)

    def _double_clicked(self, row: int, column: int) -> None:
        item = self._selected()
        if item is None:
            return
        if column == 4 and item.block_id:
            self.blockRequested.emit(item.block_id)
        else:
            self.edit_caption()

    def edit_caption(self) -> None:
        item = self._selected()
        if item is None or self.session.document_id is None:
            return
        text, ok = QInputDialog.getText(
            self,
            "Chú thích minh chứng",
            f"Chú thích của minh chứng số {item.number} ({item.original_name}):",
            text=item.caption,
        )
        if not ok or " ".join(text.split()) == item.caption:
            return
        document_id = self.session.document_id
        if not self._call(evidence_service.set_caption, self.store, document_id, item.number,
                          caption=text):  # fmt: skip
            return
        self.refresh()
        self.select_number(item.number)

        def undo() -> None:
            self._call(evidence_service.set_caption, self.store, document_id, item.number,
                       caption=item.caption)  # fmt: skip
            self.refresh()
            self.select_number(item.number)

        self.undoable.emit(f"Đã sửa chú thích minh chứng số {item.number}.", undo)

    def _call(self, fn: Callable[..., object], *args: object, **kwargs: object) -> bool:
        """Run an evidence command; a refusal becomes the notice's message."""
        try:
            fn(*args, **kwargs)
        except UserError as exc:
            self.failed.emit(exc.message)
            return False
        return True

    def link_selected(self) -> None:
        item = self._selected()
        if item is None or self.session.document_id is None:
            return
        self.session.flush()
        block_id = self.link_combo.currentData()
        if block_id == item.block_id:
            return
        document_id = self.session.document_id
        if not self._link(document_id, item.number, block_id):
            return
        self.refresh()
        self.select_number(item.number)
        where = self.link_combo.currentText()

        def undo() -> None:
            self._link(document_id, item.number, item.block_id)
            self.refresh()
            self.select_number(item.number)

        self.undoable.emit(f"Đã gắn minh chứng số {item.number} vào {where}.", undo)

    def _link(self, document_id: int, number: int, block_id: str | None) -> bool:
        if block_id is None:
            return self._call(evidence_service.set_caption, self.store, document_id, number,
                              unlink_block=True)  # fmt: skip
        return self._call(evidence_service.set_caption, self.store, document_id, number,
                          block=block_id)  # fmt: skip

    def remove_selected(self) -> None:
        item = self._selected()
        if item is None or self.session.document_id is None:
            return
        document_id = self.session.document_id
        try:
            removed = evidence_service.detach(self.store, document_id, item.number)
        except UserError as exc:
            self.failed.emit(exc.message)
            return
        self.refresh()

        def undo() -> None:
            if self._call(evidence_service.reattach, self.store, document_id, removed):
                self.refresh()
                self.select_number(removed.number)
                self.message.emit(f"Đã đưa lại minh chứng “{removed.caption}”.")

        # Removing asks nothing (the file stays in the store); the strip offers to undo it.
        self.undoable.emit(f"Đã gỡ minh chứng số {removed.number} “{removed.caption}”.", undo)
