"""The document list: filters (kind, status, year), diacritic-insensitive search, and the
commands new / duplicate / import / delete / restore from the recycle bin."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.model.document import STATUS_LABELS, DocumentStatus
from desktop.model.kinds import KIND_INFO, DocumentKind
from desktop.services import documents as documents_service
from desktop.services import search as search_service
from desktop.services.store import Store
from desktop.services.summaries import DocumentSummary
from ui.documents.list_model import DocumentListModel, SortRole


class DocumentListPage(QWidget):
    openRequested = Signal(int)
    newRequested = Signal()
    duplicateRequested = Signal(int)
    importRequested = Signal()
    deleteRequested = Signal(int)
    restoreRequested = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = DocumentListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm trong văn bản (gõ có dấu hay không dấu đều được)…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Tìm văn bản")
        self.kind = QComboBox()
        self.kind.addItem("Mọi loại", None)
        for kind, info in KIND_INFO.items():
            self.kind.addItem(info.label, kind.value)  # Qt keeps enum data as plain str
        self.status = QComboBox()
        self.status.addItem("Mọi trạng thái", None)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, status.value)
        self.year = QComboBox()
        self.year.addItem("Mọi năm", None)
        self.trash = QCheckBox("Thùng &rác")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.year, 1)
        filters.addWidget(self.trash)

        self.new_button = QPushButton("Văn bản &mới")
        self.new_button.setToolTip("Tạo văn bản mới (Ctrl+N)")
        self.duplicate_button = QPushButton("Tạo từ &kỳ trước")
        self.duplicate_button.setToolTip("Tạo văn bản mới từ văn bản đang chọn (báo cáo kỳ trước)")
        self.import_button = QPushButton("&Nhập từ tệp…")
        self.import_button.setToolTip("Mở tệp .docx, .txt hoặc dán văn bản có sẵn")
        self.open_button = QPushButton("Mở")
        self.open_button.setToolTip("Mở văn bản đang chọn (Enter hoặc bấm đúp)")
        self.delete_button = QPushButton("&Xoá")
        self.delete_button.setToolTip("Chuyển vào thùng rác (có thể khôi phục)")
        self.restore_button = QPushButton("Khôi &phục")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.duplicate_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.open_button, self.delete_button, self.restore_button):
            buttons.addWidget(b)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Danh sách văn bản")
        self.count_label = QLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.kind, self.status, self.year):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.trash.toggled.connect(lambda _c: self.refresh())
        self.table.doubleClicked.connect(lambda _i: self._emit_selected(self.openRequested))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.new_button.clicked.connect(self.newRequested.emit)
        self.import_button.clicked.connect(self.importRequested.emit)
        self.open_button.clicked.connect(lambda: self._emit_selected(self.openRequested))
        self.duplicate_button.clicked.connect(lambda: self._emit_selected(self.duplicateRequested))
        self.delete_button.clicked.connect(lambda: self._emit_selected(self.deleteRequested))
        self.restore_button.clicked.connect(lambda: self._emit_selected(self.restoreRequested))
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._emit_selected(self.openRequested))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self._emit_selected(self.deleteRequested))
        self._update_buttons()

    # -- data ----------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        selected = select_id if select_id is not None else self.selected_id()
        deleted = self.trash.isChecked()
        kind = DocumentKind(self.kind.currentData()) if self.kind.currentData() else None
        status = DocumentStatus(self.status.currentData()) if self.status.currentData() else None
        year: int | None = self.year.currentData()
        query = self.search.text().strip()
        rows: list[DocumentSummary]
        if query:
            hits = search_service.search(self.store, query, include_deleted=deleted, limit=500)
            rows = [
                h.summary
                for h in hits
                if h.summary.is_deleted == deleted
                and (kind is None or h.summary.kind is kind)
                and (status is None or h.summary.status is status)
                and (year is None or h.summary.year == year)
            ]
            self.proxy.sort(-1)  # keep the search ranking
        else:
            rows = documents_service.list_documents(
                self.store, kind=kind, status=status, year=year, deleted=deleted
            )
            if self.proxy.sortColumn() < 0:
                self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.model.set_rows(rows)
        self._refresh_years()
        where = "trong thùng rác" if deleted else ""
        filtered = bool(query) or any(c.currentData() for c in (self.kind, self.status, self.year))
        if rows or deleted:
            self.count_label.setText(f"{len(rows)} văn bản {where}".strip())
        elif filtered:
            self.count_label.setText("Không có văn bản nào khớp với điều kiện tìm.")
        else:
            self.count_label.setText(
                "Chưa có văn bản nào. Bấm “Văn bản mới” (Ctrl+N) để soạn, hoặc “Nhập từ tệp…” "
                "(Ctrl+O) để đưa vào một văn bản Word có sẵn."
            )
        if selected is not None:
            self.select(selected)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _refresh_years(self) -> None:
        all_rows = documents_service.list_documents(self.store, deleted=self.trash.isChecked())
        years = sorted({r.year for r in all_rows}, reverse=True)
        current = self.year.currentData()
        existing = [self.year.itemData(i) for i in range(1, self.year.count())]
        if existing == years:
            return
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem("Mọi năm", None)
        for y in years:
            self.year.addItem(str(y), y)
        position = self.year.findData(current)
        self.year.setCurrentIndex(max(position, 0))
        self.year.blockSignals(False)

    def select(self, document_id: int) -> None:
        row = self.model.row_of(document_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        return self.model.summary(source.row()).id

    def _emit_selected(self, signal: SignalInstance) -> None:
        document_id = self.selected_id()
        if document_id is not None:
            signal.emit(document_id)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        trash = self.trash.isChecked()
        self.open_button.setEnabled(has and not trash)
        self.duplicate_button.setEnabled(has and not trash)
        self.delete_button.setEnabled(has and not trash)
        self.restore_button.setVisible(trash)
        self.restore_button.setEnabled(has and trash)
