"""The "Xem trước" tab: the PDF exactly as it will print, re-rendered in the background.

After an edit settles (1.2 s), the document snapshot is laid out and drawn by the same PDF
exporter the Export command uses (without the PDF/A and signature-field finishing, which change
no page), on the job runner's "preview" lane: a newer edit cancels an older render. The view keeps
its page while a new rendering replaces the old one.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.jobs import CancelToken, Progress
from desktop.model.document import Document
from desktop.model.profile import OfficeProfile
from ui.jobs import JobRunner

RENDER_DELAY_MS = 1200


def render_preview_pdf(
    document: Document, profile: OfficeProfile, path: Path, today: dt.date, producer: str
) -> Path:
    """Lay out and draw `document` to `path` (the worker-thread part of the preview)."""
    from desktop.export.pdf import render_pdf
    from desktop.layout.build import build

    content = build(document, profile, today)
    render_pdf(
        content,
        path,
        producer=producer,
        created=dt.datetime.now().astimezone(),
        pdfa=False,
        signature_fields=False,
    )
    return path


class PreviewPanel(QWidget):
    rendered = Signal(str)  # path of the PDF now shown

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.profile = OfficeProfile()
        self.producer = "baocao"
        self.today = dt.date.today
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName("Bản xem trước khi in")
        self.pdf: QPdfDocument | None = None
        self.status = QLabel("Chưa có bản xem trước.")
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton("Làm mới")
        self.refresh_button.clicked.connect(self.render_now)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._document: Document | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_DELAY_MS)
        self._timer.timeout.connect(self.render_now)
        self._dir = tempfile.TemporaryDirectory(prefix="baocao-preview-")
        self._serial = 0
        self.active = True  # False while the tab is hidden: render on show instead
        self._stale = False
        self.current_path: Path | None = None

    def set_document(self, document: Document | None, *, immediately: bool = False) -> None:
        self._document = document
        if document is None:
            self._timer.stop()
            return
        if not self.active:
            self._stale = True
            return
        if immediately:
            self.render_now()
        else:
            self._timer.start()

    def set_active(self, active: bool) -> None:
        self.active = active
        if active and self._stale:
            self._stale = False
            self.render_now()

    def render_now(self) -> None:
        self._timer.stop()
        document = self._document
        if document is None:
            return
        self._serial += 1
        path = Path(self._dir.name) / f"xem-truoc-{self._serial}.pdf"
        profile, today, producer = self.profile, self.today(), self.producer
        self.status.setText("Đang dựng bản xem trước…")

        def job(progress: Progress, cancel: CancelToken) -> Path:
            cancel.raise_if_cancelled()
            return render_preview_pdf(document, profile, path, today, producer)

        self.runner.submit("Xem trước", job, quiet=True, lane="preview",
                           on_success=self._show, on_failure=self._failed)  # fmt: skip

    def _show(self, path: Path) -> None:
        page = self.view.pageNavigator().currentPage() if self.pdf else 0
        location = self.view.pageNavigator().currentLocation() if self.pdf else QPointF()
        pdf = QPdfDocument(self)
        pdf.load(str(path))
        if pdf.status() != QPdfDocument.Status.Ready:
            self._failed("Không mở được bản xem trước.")
            pdf.deleteLater()
            return
        old = self.pdf
        self.pdf = pdf
        self.view.setDocument(pdf)
        if old is not None:
            old.close()
            old.deleteLater()
        if page < pdf.pageCount():
            self.view.pageNavigator().jump(page, location)
        previous = self.current_path
        self.current_path = path
        if previous is not None and previous != path:
            previous.unlink(missing_ok=True)
        self.status.setText(f"{pdf.pageCount()} trang — cập nhật lúc {dt.datetime.now():%H:%M:%S}")
        self.rendered.emit(str(path))

    def _failed(self, message: str) -> None:
        self.status.setText(f"Chưa dựng được bản xem trước: {message}")

    def shutdown(self) -> None:
        self._timer.stop()
        self.view.setDocument(None)  # type: ignore[arg-type]
        if self.pdf is not None:
            self.pdf.close()
        self._dir.cleanup()
