"""The "Minh chứng" tab: files attached as evidence, dropped in from Explorer or chosen.

Attaching copies (and hashes) files, so it runs as a job with its own store connection. Each item
can be linked to a section, captioned and previewed (images and PDFs); the total size is shown
against the e-mail limit of the office profile.
"""

from __future__ import annotations

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


def attach_job(data_dir: Path, document_id: int, paths: list[Path]) -> JobFunction:
    """A job function that attaches `paths` with its own store (a Store belongs to its thread)."""

    def job(progress: Progress, cancel: CancelToken) -> list[EvidenceItem]:
        with open_store(data_dir, settings=StoreSettings(backup_on_open=False)) as store:
            return evidence_service.attach(
                store, document_id, paths, progress=progress, cancel=cancel
            )

    return job


class EvidencePanel(QWidget):
    blockRequested = Signal(str)
    message = Signal(str)
    failed = Signal(str)

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
        self.link_combo.setToolTip("Gắn minh chứng với một mục của văn bản")
        self.link_button = QPushButton("Gắn vào mục")
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
            section = describe_block(doc, item.block_id) if doc else ""
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
        self._refresh_sections()
        self._refresh_size()
        self._selection_changed()

    def _refresh_sections(self) -> None:
        self.link_combo.clear()
        self.link_combo.addItem("(cả văn bản)", None)
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
        for b in (self.caption_button, self.remove_button, self.link_button):
            b.setEnabled(item is not None)
        self._preview(item)

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
            self.message.emit(f"Đã đính kèm {count} tệp minh chứng.")

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
            self, "Chú thích minh chứng", "Chú thích:", text=item.caption
        )
        if not ok:
            return
        try:
            evidence_service.set_caption(
                self.store, self.session.document_id, item.number, caption=text
            )
        except UserError as exc:
            self.failed.emit(exc.message)
            return
        self.refresh()

    def link_selected(self) -> None:
        item = self._selected()
        if item is None or self.session.document_id is None:
            return
        self.session.flush()
        block_id = self.link_combo.currentData()
        try:
            if block_id is None:
                evidence_service.set_caption(
                    self.store, self.session.document_id, item.number, unlink_block=True
                )
            else:
                evidence_service.set_caption(
                    self.store, self.session.document_id, item.number, block=block_id
                )
        except UserError as exc:
            self.failed.emit(exc.message)
            return
        self.refresh()

    def remove_selected(self) -> None:
        item = self._selected()
        if item is None or self.session.document_id is None:
            return
        try:
            evidence_service.detach(self.store, self.session.document_id, item.number)
        except UserError as exc:
            self.failed.emit(exc.message)
            return
        self.refresh()
        self.message.emit(f"Đã gỡ minh chứng “{item.caption}”.")
