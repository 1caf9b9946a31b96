"""The main window: the document list and the editor of one document, with the side panels.

Layout for a 1366×768 office screen: a stacked centre (list ↔ editor); in the editor, the edit
tabs on the left and the panels (Kiểm tra, Xem trước, Minh chứng, Lịch sử) on the right; the
status bar shows "Đã lưu lúc …" and the running job with its Cancel button.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QSessionManager
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.model.profile import OfficeProfile
from desktop.services import documents as documents_service
from desktop.services import profile as profile_service
from desktop.services.store import Store
from ui.documents.list_page import DocumentListPage
from ui.editor.editor_page import EditorPage
from ui.jobs import JobRunner
from ui.panels.checker import CheckerPanel, CheckFunction
from ui.panels.evidence import EvidencePanel
from ui.panels.history import HistoryPanel
from ui.panels.preview import PreviewPanel
from ui.session import DocumentSession
from ui.widgets.job_bar import JobBar
from ui.widgets.notice import NoticeAction, NoticeBar

log = logging.getLogger(__name__)

WINDOW_TITLE = "Báo cáo NĐ30"


def default_check() -> CheckFunction | None:
    """The live checker of desktop.checker, when that module provides one."""
    try:
        from ui.adapters import check_document
    except ImportError:  # pragma: no cover - the checker is part of every build
        return None
    return check_document


class MainWindow(QMainWindow):
    documentOpened = Signal(int)

    def __init__(
        self, store: Store, *, producer: str = "baocao", check: CheckFunction | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.producer = producer
        self.setWindowTitle(WINDOW_TITLE)
        self.runner = JobRunner(self)
        self.session = DocumentSession(store, self)
        self.profile: OfficeProfile = profile_service.get_profile(store)

        # Side panels.
        self.checker = CheckerPanel(self.runner, check if check is not None else default_check())
        self.preview = PreviewPanel(self.runner)
        self.preview.producer = producer
        self.evidence = EvidencePanel(store, self.session, self.runner)
        self.history = HistoryPanel(store, self.session)
        self.side = QTabWidget()
        self.side.addTab(self.checker, "Kiểm tra")
        self.side.addTab(self.preview, "Xem trước")
        self.side.addTab(self.evidence, "Minh chứng")
        self.side.addTab(self.history, "Lịch sử")
        self.side.currentChanged.connect(self._side_tab_changed)

        # Pages.
        self.notice = NoticeBar()
        self.list_page = DocumentListPage(store)
        self.editor_page = EditorPage(self.session, self.side)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.editor_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        # Status bar.
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName("Trạng thái lưu")
        self.job_bar = JobBar(self.runner)
        self.statusBar().addPermanentWidget(self.job_bar)
        self.statusBar().addPermanentWidget(self.saved_label)

        from ui.output.actions import OutputActions

        self.output = OutputActions(self)
        self._build_actions()
        self._connect()
        self.apply_profile(self.profile)
        self._side_tab_changed(self.side.currentIndex())
        self.show_list()

    # -- wiring ------------------------------------------------------------------------------

    def _connect(self) -> None:
        s = self.session
        s.documentChanged.connect(self._on_document)
        s.saved.connect(self._on_saved)
        s.saveFailed.connect(lambda m: self.show_notice(m, "error"))
        s.closed.connect(self.notice.clear_action)  # an offered "Hoàn tác" was for that document
        s.undo_stack.cleanChanged.connect(lambda _c: None)
        lp = self.list_page
        lp.openRequested.connect(self.open_document)
        lp.newRequested.connect(self.new_document)
        lp.duplicateRequested.connect(self.duplicate_document)
        lp.deleteRequested.connect(self.delete_document)
        lp.restoreRequested.connect(self.restore_document)
        lp.importRequested.connect(self.output.import_document)
        ep = self.editor_page
        ep.backRequested.connect(self.show_list)
        ep.message.connect(self.status_message)
        ep.closing.message.connect(self.status_message)
        ep.closing.profileChanged.connect(self.apply_profile)
        ep.body.editor.pasteConverted.connect(self._paste_converted)
        ep.appendices.editor.pasteConverted.connect(self._paste_converted)
        self.checker.blockRequested.connect(self.go_to_block)
        self.checker.elementRequested.connect(self.go_to_element)
        self.evidence.blockRequested.connect(self.go_to_block)
        self.evidence.message.connect(self.status_message)
        self.evidence.failed.connect(lambda m: self.show_notice(m, "error"))
        self.evidence.undoable.connect(
            lambda text, undo: self.show_notice(text, "info", action=("Hoàn tác", undo))
        )
        self.history.message.connect(self.status_message)
        self.history.restored.connect(self._restored)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(self._commit_data)
            app.aboutToQuit.connect(self.session.flush)

    def _action(
        self,
        menu_name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        # `triggered` carries a `checked` flag; the slots take optional arguments of their own
        # (a path in tests and scripts), so the flag must not reach them.
        action.triggered.connect(lambda _checked=False: slot())
        self._menus[menu_name].addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self._menus = {
            "file": bar.addMenu("&Tệp"),
            "edit": bar.addMenu("&Sửa"),
            "doc": bar.addMenu("&Văn bản"),
            "help": bar.addMenu("Trợ &giúp"),
        }
        o = self.output
        self.act_new = self._action(
            "file",
            "Văn bản &mới…",
            self.new_document,
            QKeySequence.StandardKey.New,
            "Tạo văn bản mới",
        )
        self.act_import = self._action(
            "file",
            "&Nhập từ tệp hoặc dán…",
            o.import_document,
            "Ctrl+O",
            "Mở tệp .docx, .txt, .json",
        )
        self._menus["file"].addSeparator()
        self.act_export_docx = self._action(
            "file", "Xuất &DOCX…", o.export_docx, "Ctrl+Shift+E", "Xuất ra tệp Word"
        )
        self.act_export_pdf = self._action(
            "file", "Xuất &PDF…", o.export_pdf, "Ctrl+Shift+F", "Xuất ra tệp PDF"
        )
        self.act_print = self._action(
            "file", "&In…", o.print_document, QKeySequence.StandardKey.Print, "In để trình ký"
        )
        self.act_print_preview = self._action(
            "file", "Xem t&rước khi in…", o.print_preview, "Ctrl+Shift+P"
        )
        self._menus["file"].addSeparator()
        self.act_package = self._action(
            "file",
            "Đóng &gói để gửi…",
            o.package_document,
            "Ctrl+Shift+G",
            "Đóng gói văn bản và minh chứng ra thư mục hoặc USB",
        )
        self.act_verify = self._action(
            "file", "&Kiểm tra gói…", o.verify_package, None, "Kiểm tra một gói có nguyên vẹn không"
        )
        self.act_receive = self._action(
            "file", "N&hận gói…", o.receive_package, None, "Nhận một gói văn bản gửi đến"
        )
        self._menus["file"].addSeparator()
        self.act_profile = self._action(
            "file",
            "Hồ &sơ cơ quan…",
            self.edit_profile,
            None,
            "Cơ quan, người ký, Nơi nhận mặc định, lề trang",
        )
        self.act_quit = self._action("file", "&Thoát", self.close, QKeySequence.StandardKey.Quit)

        # Plain actions rather than QUndoStack's own: those are disabled while the stack is
        # empty, but Ctrl+Z must also reach text that is typed and not committed yet.
        self.act_undo = QAction("&Hoàn tác", self)
        self.act_undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.act_undo.triggered.connect(self.session.undo)
        self.act_redo = QAction("&Làm lại", self)
        redo_keys = [QKeySequence("Ctrl+Y")]
        for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
            if key not in redo_keys:  # Ctrl+Y is already the platform's redo on Windows
                redo_keys.append(key)
        self.act_redo.setShortcuts(redo_keys)
        self.act_redo.triggered.connect(self.session.redo)
        stack = self.session.undo_stack
        stack.undoTextChanged.connect(
            lambda t: self.act_undo.setText(f"&Hoàn tác {t}" if t else "&Hoàn tác")
        )
        stack.redoTextChanged.connect(
            lambda t: self.act_redo.setText(f"&Làm lại {t}" if t else "&Làm lại")
        )
        for a in (self.act_undo, self.act_redo):
            self._menus["edit"].addAction(a)
            self.addAction(a)
        self._menus["edit"].addSeparator()
        self.act_find = self._action(
            "edit", "&Tìm văn bản", self.focus_search, QKeySequence.StandardKey.Find
        )

        self.act_list = self._action("doc", "&Danh sách văn bản", self.show_list, "Ctrl+L")
        self._menus["doc"].addSeparator()
        # The editor's tabs: Ctrl+1…4 (the tab titles carry no Alt-letters: they would take
        # Alt+T and Alt+K away from the menu bar and the form fields).
        ep = self.editor_page
        self.tab_actions = [
            self._action("doc", text, lambda w=widget: self.show_editor_tab(w), f"Ctrl+{i}")
            for i, (text, widget) in enumerate(
                (
                    ("&Nội dung", ep.body),
                    ("Thông tin &chung", ep.header),
                    ("&Ký và Nơi nhận", ep.closing),
                    ("&Phụ lục", ep.appendices),
                ),
                start=1,
            )
        ]
        self._menus["doc"].addSeparator()
        self.act_check = self._action("doc", "Kiểm tra &thể thức", self.show_checker, "F7")
        self.act_show_preview = self._action(
            "doc", "&Xem trước", lambda: self.side.setCurrentWidget(self.preview), "F8"
        )
        self.act_show_evidence = self._action(
            "doc", "&Minh chứng", lambda: self.side.setCurrentWidget(self.evidence)
        )
        self.act_show_history = self._action(
            "doc", "&Lịch sử", lambda: self.side.setCurrentWidget(self.history)
        )
        self._menus["doc"].addSeparator()
        self.act_finalize = self._action(
            "doc",
            "&Hoàn thiện (chốt bản trình ký)",
            self.finalize_document,
            None,
            "Đánh dấu đã hoàn thiện và lưu một mốc lịch sử",
        )
        self.act_about = self._action("help", "&Giới thiệu", self.about)
        self.document_actions = [self.act_export_docx, self.act_export_pdf, self.act_print,
                                 self.act_print_preview, self.act_package, self.act_check,
                                 self.act_show_preview, self.act_show_evidence,
                                 self.act_show_history, self.act_finalize,
                                 *self.tab_actions]  # fmt: skip

    # -- pages -------------------------------------------------------------------------------

    def show_list(self) -> None:
        if self.session.is_open:
            self.session.close()
            self.preview.set_document(None)
            self.checker.set_document(None)
        self.pages.setCurrentWidget(self.list_page)
        self.list_page.refresh()
        self.list_page.table.setFocus()
        for a in self.document_actions:
            a.setEnabled(False)
        self.setWindowTitle(WINDOW_TITLE)

    def open_document(self, document_id: int) -> bool:
        try:
            self.session.open(document_id)
        except UserError as exc:
            self.show_notice(exc.message, "error")
            return False
        self.notice.page_changed()
        self.pages.setCurrentWidget(self.editor_page)
        self.editor_page.tabs.setCurrentWidget(self.editor_page.body)
        for a in self.document_actions:
            a.setEnabled(True)
        self.evidence.refresh()
        if self.side.currentWidget() is self.history:
            self.history.refresh()
        self._on_saved(self.session.last_saved_at)
        self.editor_page.body.editor.setFocus()
        self.documentOpened.emit(document_id)
        return True

    def _on_document(self, doc: object, origin: str, _view: object) -> None:
        from desktop.model.document import Document

        assert isinstance(doc, Document)
        immediately = origin == "open"
        self.checker.set_document(doc, immediately=immediately)
        self.preview.set_document(doc, immediately=False)
        self.setWindowTitle(f"{doc.title or 'Văn bản chưa có trích yếu'} — {WINDOW_TITLE}")
        if origin != "open":
            if self.session.dirty:
                self.saved_label.setText("Đang lưu…")
            else:  # a job took the stored revision (export): nothing is waiting to be saved
                self._on_saved(self.session.last_saved_at)
            self.history.document_changed()

    def _on_saved(self, when: dt.datetime | None) -> None:
        if when is None:
            self.saved_label.setText("")
            return
        self.saved_label.setText(f"Đã lưu lúc {when:%H:%M:%S}")

    def _side_tab_changed(self, index: int) -> None:
        widget = self.side.widget(index)
        self.preview.set_active(widget is self.preview)
        if widget is self.history:
            self.history.refresh()
        if widget is self.evidence:
            self.evidence.refresh()

    def show_editor_tab(self, widget: QWidget) -> None:
        if self.session.is_open:
            self.editor_page.tabs.setCurrentWidget(widget)
            widget.setFocus()

    def show_checker(self) -> None:
        self.side.setCurrentWidget(self.checker)
        self.checker.check_now()

    def go_to_block(self, block_id: str) -> None:
        if not self.editor_page.go_to_block(block_id):
            self.status_message("Không tìm thấy chỗ này trong văn bản (có thể đã bị xoá).")

    def go_to_element(self, element: str) -> None:
        if element.startswith("Hồ sơ cơ quan"):
            self.show_notice(
                "Điều này thuộc hồ sơ cơ quan (lề trang, cỡ chữ), dùng chung cho mọi văn bản.",
                "warning",
                action=("Mở hồ sơ cơ quan…", self.edit_profile),
            )
            return
        if not self.editor_page.go_to_element(element):
            self.status_message(f"Mục “{element}” được sửa ngay trong nội dung văn bản.")

    def focus_search(self) -> None:
        if self.pages.currentWidget() is not self.list_page:
            self.show_list()
        self.list_page.search.setFocus()
        self.list_page.search.selectAll()

    # -- messages ----------------------------------------------------------------------------

    def status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_notice(
        self,
        text: str,
        level: str = "info",
        folder: str | None = None,
        action: NoticeAction | None = None,
        *,
        transient: bool = False,
    ) -> None:
        self.notice.show_message(text, level, folder, action=action, transient=transient)

    def _paste_converted(self, encoding: str) -> None:
        self.status_message(f"Đã chuyển mã {encoding} → Unicode cho đoạn vừa dán.")

    # -- document commands -------------------------------------------------------------------

    def new_document(self) -> None:
        from ui.documents.new_document_dialog import NewDocumentDialog

        dialog = NewDocumentDialog(self)
        if dialog.exec() != NewDocumentDialog.DialogCode.Accepted:
            return
        self.create_document(dialog.kind, dialog.title)

    def create_document(self, kind: object, title: str = "") -> int | None:
        try:
            document_id = documents_service.create(self.store, kind, " ".join(title.split()))  # type: ignore[arg-type]
        except UserError as exc:
            self.show_notice(exc.message, "error")
            return None
        self.open_document(document_id)
        if not title.strip():
            self.editor_page.tabs.setCurrentWidget(self.editor_page.header)
            self.editor_page.header.title.setFocus()
        return document_id

    def duplicate_document(self, document_id: int) -> None:
        try:
            new_id = documents_service.duplicate(self.store, document_id)
        except UserError as exc:
            self.show_notice(exc.message, "error")
            return
        self.open_document(new_id)
        self.status_message("Đã tạo văn bản mới từ văn bản kỳ trước; số và ngày để trống.")

    def delete_document(self, document_id: int) -> None:
        try:
            documents_service.delete(self.store, document_id)
        except UserError as exc:
            self.show_notice(exc.message, "error")
            return
        self.list_page.refresh()
        self.show_notice(
            "Đã chuyển văn bản vào thùng rác. Đánh dấu “Thùng rác” để xem và khôi phục."
        )

    def restore_document(self, document_id: int) -> None:
        try:
            documents_service.undelete(self.store, document_id)
        except UserError as exc:
            self.show_notice(exc.message, "error")
            return
        self.list_page.trash.setChecked(False)
        self.list_page.refresh(select_id=document_id)
        self.status_message("Đã khôi phục văn bản từ thùng rác.")

    def finalize_document(self) -> None:
        document_id = self.session.document_id
        if document_id is None:
            return
        self.session.flush()
        try:
            documents_service.finalize(self.store, document_id)
        except UserError as exc:
            self.show_notice(exc.message, "error")
            return
        self._reopen(document_id)
        self.status_message("Đã hoàn thiện văn bản và lưu một mốc lịch sử.")
        # Say now, not after packaging, when the package would not fit in an e-mail.
        from desktop.packaging.service import budget_for_document

        verdict = budget_for_document(self.store, document_id)
        if not verdict.fits:
            self.show_notice(verdict.message, "warning")

    def _reopen(self, document_id: int) -> None:
        tab = self.editor_page.tabs.currentIndex()
        section = self.editor_page.body.current_section
        self.session.close()
        self.open_document(document_id)
        self.editor_page.tabs.setCurrentIndex(tab)
        if section in self.editor_page.body.model.outline.nodes:
            self.editor_page.body.select_section(section)

    def _restored(self, document_id: int) -> None:
        self._reopen(document_id)
        self.side.setCurrentWidget(self.history)
        self.history.refresh()
        self.show_notice(
            "Đã khôi phục bản đã chọn; bản trước khi khôi phục được giữ trong Lịch sử."
        )

    # -- profile -----------------------------------------------------------------------------

    def apply_profile(self, profile: OfficeProfile) -> None:
        self.profile = profile
        self.checker.profile = profile
        self.preview.profile = profile
        self.evidence.profile = profile
        self.editor_page.closing.set_profile(profile)

    def welcome(self, profile_saved: bool) -> None:
        """After the first-start wizard: say where to begin (or that the profile is still due)."""
        if profile_saved:
            has_documents = self.list_page.model.rowCount() > 0
            self.show_notice(
                "Đã lưu hồ sơ cơ quan. "
                + (
                    "Báo cáo mẫu trong danh sách cho thấy cách soạn: bấm đúp để mở. "
                    if has_documents
                    else ""
                )
                + "Bấm “Văn bản mới” (Ctrl+N) để bắt đầu.",
                transient=True,
            )
        else:
            self.show_notice(
                "Chưa có hồ sơ cơ quan: văn bản mới sẽ không có sẵn tên cơ quan, người ký và Nơi "
                "nhận.",
                "warning",
                action=("Thiết lập ngay…", self.edit_profile),
            )

    def edit_profile(self) -> None:
        from ui.wizard import ProfileWizard

        wizard = ProfileWizard(self.store, self.profile, self, first_start=False)
        if wizard.exec():
            self.apply_profile(profile_service.get_profile(self.store))
            self.status_message("Đã lưu hồ sơ cơ quan.")

    def about(self) -> None:
        from ui.about import AboutDialog

        AboutDialog(self.store.data_dir, self).exec()

    # -- shutdown ----------------------------------------------------------------------------

    def _commit_data(self, manager: QSessionManager) -> None:
        """Logging off: save now, there may be no closeEvent."""
        self.session.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        saved = self.session.flush()
        if not saved:
            answer = QMessageBox.warning(
                self,
                "Chưa lưu được",
                "Không lưu được thay đổi cuối cùng (xem thông báo trên cửa sổ). Vẫn thoát?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.runner.shutdown(5000)
        self.preview.shutdown()
        event.accept()

    def wait_idle(self, msecs: int = 10000) -> bool:
        """Wait for background jobs (tests, benchmarks)."""
        return self.runner.wait(msecs)
