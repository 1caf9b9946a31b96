"""Output commands of the window: export DOCX/PDF, print and print preview, package to a folder or
a USB drive, verify/receive a package, and import a document.

Dialogs (choose a file, a drive) come before a job starts; the job itself never asks anything.
Its result or its failure (with what to do about it) appears in the notice strip.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.services.preferences import get_preference, set_preference
from ui import adapters
from ui.output.printing import paint_pdf, prepare_printer
from ui.panels.preview import render_preview_pdf

if TYPE_CHECKING:
    from ui.main_window import MainWindow


LAST_DIR_KEY = "output/last_dir"


def fit_dialog(dialog: QWidget, width: int, height: int) -> None:
    """Size a dialog to at most `width`×`height`, inside the screen's free area (a 1366×768
    screen keeps ~730 px under the taskbar, title bar included)."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - 40)
        height = min(height, free.height() - 60)
    dialog.resize(width, height)


def suggested_name(window: MainWindow, extension: str) -> str:
    doc = window.session.document
    from desktop.packaging.names import safe_file_name

    title = doc.title if doc and doc.title else "van-ban"
    return safe_file_name(title, extension=extension)


class OutputActions(QObject):
    exported = Signal(str)
    packaged = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._print_dir = tempfile.TemporaryDirectory(prefix="baocao-in-")

    # -- where files go: the folder used last time (kept with the data), else Documents --

    @property
    def last_dir(self) -> Path:
        saved = get_preference(self.window.store, LAST_DIR_KEY)
        if saved and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    @last_dir.setter
    def last_dir(self, folder: Path) -> None:
        set_preference(self.window.store, LAST_DIR_KEY, str(folder))

    # -- export ------------------------------------------------------------------------------

    def _ask_path(self, title: str, extension: str, filter_text: str) -> Path | None:
        default = self.last_dir / suggested_name(self.window, extension)
        name, _f = QFileDialog.getSaveFileName(self.window, title, str(default), filter_text)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != f".{extension}":
            path = path.with_suffix(f".{extension}")
        self.last_dir = path.parent
        return path

    def export_docx(self, path: Path | None = None) -> None:
        path = path or self._ask_path("Xuất DOCX", "docx", "Tài liệu Word (*.docx)")
        if path is not None:
            self.export_to(path, "docx")

    def export_pdf(self, path: Path | None = None) -> None:
        path = path or self._ask_path("Xuất PDF", "pdf", "Tài liệu PDF (*.pdf)")
        if path is not None:
            self.export_to(path, "pdf")

    def export_to(self, path: Path, fmt: str) -> None:
        w = self.window
        document_id = w.session.document_id
        if document_id is None:
            return
        if not w.session.flush():
            return
        job = adapters.export_job(w.store.data_dir, document_id, fmt, path, producer=w.producer)
        w.session.hold_saves()

        def done(result: Any) -> None:
            w.session.release_saves()
            w.show_notice(adapters.describe_export(result), "info", folder=str(path.parent))
            self.exported.emit(str(path))
            if w.side.currentWidget() is w.history:
                w.history.refresh()

        def failed(message: str) -> None:
            w.session.release_saves()
            text = f"Chưa xuất được {fmt.upper()}: {message} Văn bản vẫn giữ nguyên."
            w.show_notice(text, "error")

        def cancelled() -> None:
            w.session.release_saves()
            w.status_message("Đã huỷ xuất tệp; không có tệp nào bị ghi dở.")

        w.runner.submit(
            f"Đang xuất {fmt.upper()}",
            job,
            on_success=done,
            on_failure=failed,
            on_cancel=cancelled,
        )

    # -- printing ----------------------------------------------------------------------------

    def _render_for_print(self, then: Any) -> None:
        """Render the PDF in a job, then call `then(path)` on the GUI thread."""
        w = self.window
        doc = w.session.document
        if doc is None:
            return
        w.session.flush()
        path = Path(self._print_dir.name) / f"in-{dt.datetime.now():%H%M%S%f}.pdf"
        profile, producer = w.profile, w.producer

        def job(progress: Any, cancel: Any) -> Path:
            return render_preview_pdf(doc, profile, path, adapters.today(), producer)

        def ready(path: Path) -> None:
            # Open the dialog after the job has finished (not inside its callback), so the
            # status bar does not show a running job behind the print dialog.
            QTimer.singleShot(0, lambda: then(path))

        w.runner.submit("Đang chuẩn bị trang in", job, on_success=ready,
                        on_failure=lambda m: w.show_notice(f"Chưa in được: {m}", "error"))  # fmt: skip

    def print_document(self) -> None:
        def ready(path: Path) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(printer)
            dialog = QPrintDialog(printer, self.window)
            dialog.setWindowTitle("In văn bản")
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return
            try:
                pages = paint_pdf(path, printer)
            except OSError as exc:
                self.window.show_notice(
                    f"Chưa in được: {exc}. Hãy kiểm tra máy in rồi thử lại.", "error"
                )
                return
            self.window.status_message(f"Đã gửi {pages} trang tới máy in.")

        self._render_for_print(ready)

    def print_preview(self) -> None:
        def ready(path: Path) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(printer)
            dialog = QPrintPreviewDialog(printer, self.window)
            dialog.setWindowTitle("Xem trước khi in")
            dialog.paintRequested.connect(lambda p: paint_pdf(path, p))
            fit_dialog(dialog, 1000, 900)
            dialog.exec()

        self._render_for_print(ready)

    # -- packages ----------------------------------------------------------------------------

    def package_document(self) -> None:
        from ui.output.package_dialog import PackageDialog

        w = self.window
        if w.session.document_id is None:
            return
        w.session.flush()
        dialog = PackageDialog(w)
        if dialog.exec() != PackageDialog.DialogCode.Accepted or dialog.destination is None:
            return
        if not dialog.to_drive.isChecked():
            self.last_dir = dialog.destination
        self.package_to(dialog.destination, split_mb=dialog.split_mb)

    def package_to(self, folder: Path, *, split_mb: float | None = None) -> None:
        w = self.window
        document_id = w.session.document_id
        if document_id is None:
            return
        w.session.flush()
        job = adapters.package_job(
            w.store.data_dir, document_id, folder, producer=w.producer, split_mb=split_mb
        )
        w.session.hold_saves()

        def done(result: Any) -> None:
            w.session.release_saves()
            w.show_notice(adapters.describe_package(result), "info", folder=str(folder))
            self.packaged.emit(str(folder))

        def failed(message: str) -> None:
            w.session.release_saves()
            w.show_notice(f"Chưa đóng gói được: {message}", "error")

        def cancelled() -> None:
            w.session.release_saves()
            w.status_message("Đã huỷ đóng gói; không để lại tệp dở.")

        w.runner.submit(
            "Đang đóng gói", job, on_success=done, on_failure=failed, on_cancel=cancelled
        )

    def verify_package(self, path: Path | None = None) -> None:
        w = self.window
        if path is None:
            name, _f = QFileDialog.getOpenFileName(
                w, "Chọn gói cần kiểm tra", str(self.last_dir), "Gói văn bản (*.zip)"
            )
            if not name:
                return
            path = Path(name)
        job = adapters.verify_job(path)

        def done(result: Any) -> None:
            ok, text = adapters.describe_verification(result)
            w.show_notice(text, "info" if ok else "error", folder=str(path.parent))

        w.runner.submit("Đang kiểm tra gói", job, on_success=done,
                        on_failure=lambda m: w.show_notice(f"Gói không hợp lệ: {m}", "error"))  # fmt: skip

    def receive_package(self, path: Path | None = None) -> None:
        w = self.window
        if path is None:
            name, _f = QFileDialog.getOpenFileName(
                w, "Chọn gói nhận được", str(self.last_dir), "Gói văn bản (*.zip)"
            )
            if not name:
                return
            path = Path(name)

        def done(result: Any) -> None:
            text, folder = adapters.describe_received(result)
            w.show_notice(text, "info", folder=folder)

        def failed(message: str) -> None:
            w.show_notice(f"Chưa nhận được gói: {message}", "error")

        job = adapters.receive_job(w.store.data_dir, path)
        w.runner.submit("Đang nhận gói", job, on_success=done, on_failure=failed)

    # -- import ------------------------------------------------------------------------------

    def import_document(self) -> None:
        from ui.documents.import_dialog import ImportDialog

        w = self.window
        dialog = ImportDialog(w)
        if dialog.exec() != ImportDialog.DialogCode.Accepted:
            return
        self.import_from(dialog.path, dialog.pasted_text)

    def import_from(self, path: Path | None, pasted: str | None) -> None:
        w = self.window
        job = adapters.import_job(w.store.data_dir, path, pasted)

        def done(result: Any) -> None:
            document_id, notes = result
            w.list_page.refresh(select_id=document_id)
            w.open_document(document_id)
            text = "Đã nhập văn bản; hãy xem lại thông tin chung và dàn ý."
            if notes:
                text += " " + " ".join(notes[:3])
            w.show_notice(text, "warning" if notes else "info")

        def failed(message: str) -> None:
            w.show_notice(f"Chưa nhập được: {message}", "error")

        w.runner.submit("Đang nhập văn bản", job, on_success=done, on_failure=failed)
