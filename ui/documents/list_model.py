"""The document list as a table model over `DocumentSummary` values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.model.document import DocumentStatus
from desktop.services.summaries import DocumentSummary

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Loại", "Số, ký hiệu", "Trích yếu", "Trạng thái", "Hạn gửi", "Sửa lần cuối")
SummaryRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class DocumentListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self.today = today or dt.date.today()

    def set_rows(self, rows: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def row_of(self, document_id: int) -> int | None:
        for i, s in enumerate(self._rows):
            if s.id == document_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def _overdue(self, s: DocumentSummary) -> bool:
        return (
            s.deadline is not None
            and s.deadline < self.today
            and s.status in {DocumentStatus.DRAFT, DocumentStatus.FINALIZED}
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == SummaryRole:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case 0:
                    return s.kind_label
                case 1:
                    return s.number_symbol
                case 2:
                    return s.title or "(chưa có trích yếu)"
                case 3:
                    return s.status_label
                case 4:
                    return _date(s.deadline)
                case 5:
                    return s.updated_at.astimezone().strftime("%d/%m/%Y %H:%M")
        if role == SortRole:
            match column:
                case 4:
                    return s.deadline.isoformat() if s.deadline else "9999"
                case 5:
                    return s.updated_at.isoformat()
                case 1:
                    return (s.year, s.number or 0)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return s.title
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and self._overdue(s):
            return "Đã quá hạn gửi"
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and self._overdue(s):
            return QBrush(QColor("#b91c1c"))
        return None
