"""The outline tree of a document body as a Qt item model (headings → tree).

Row 0 at the top level is "Mở đầu", the blocks before the first heading. Every other item is a
heading, shown with its computed number. The model never edits the document itself: renames and
drag-and-drop moves are emitted as requests, which the editor turns into undoable commands; the
model is then rebuilt from the new document.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont

from desktop.editing.outline import Outline, build_outline
from desktop.model.document import Block, Heading, HeadingLevel

MIME_TYPE = "application/x-baocao-section"
PREAMBLE_KEY = ""  # the "Mở đầu" item
PREAMBLE_LABEL = "Mở đầu"
HeadingIdRole = Qt.ItemDataRole.UserRole + 1
LevelRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def outline_signature(body: tuple[Block, ...]) -> tuple[tuple[str, str, str, bool], ...]:
    """What the tree shows; when it is unchanged a text edit needs no rebuild."""
    return tuple((b.id, b.level.value, b.text, b.numbered) for b in body if isinstance(b, Heading))


class OutlineModel(QAbstractItemModel):
    renameRequested = Signal(str, str)  # heading id, new text
    moveRequested = Signal(str, object, int)  # heading id, new parent id or None, row

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._outline: Outline = build_outline(())
        self._signature: tuple[tuple[str, str, str, bool], ...] = ()
        self._keys: list[str] = [PREAMBLE_KEY]  # internal id - 1 → heading id
        self._key_ids: dict[str, int] = {PREAMBLE_KEY: 1}

    # -- feeding -------------------------------------------------------------------------

    def set_body(self, body: tuple[Block, ...]) -> bool:
        """Rebuild from a body; returns False when nothing the tree shows changed."""
        signature = outline_signature(body)
        if signature == self._signature and self._keys[1:] == [s[0] for s in signature]:
            # Labels cannot change without the signature changing.
            self._outline = build_outline(body)
            return False
        self.beginResetModel()
        self._outline = build_outline(body)
        self._signature = signature
        self._keys = [PREAMBLE_KEY, *[node.id for node in self._outline.in_order()]]
        self._key_ids = {key: i + 1 for i, key in enumerate(self._keys)}
        self.endResetModel()
        return True

    @property
    def outline(self) -> Outline:
        return self._outline

    # -- lookup --------------------------------------------------------------------------

    def _key(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        return self._keys[index.internalId() - 1]

    def heading_id(self, index: Index) -> str | None:
        """The heading id of an item; None for "Mở đầu" and for the invisible root."""
        key = self._key(index)
        return key or None

    def is_preamble(self, index: Index) -> bool:
        return index.isValid() and self._key(index) == PREAMBLE_KEY

    def _children(self, key: str | None) -> tuple[str, ...]:
        if key is None:
            return (PREAMBLE_KEY, *self._outline.roots)
        if key == PREAMBLE_KEY:
            return ()
        return self._outline.nodes[key].children

    def index_of(self, heading_id: str | None) -> QModelIndex:
        key = heading_id or PREAMBLE_KEY
        if key != PREAMBLE_KEY and key not in self._outline.nodes:
            return QModelIndex()
        if key == PREAMBLE_KEY:
            return self.createIndex(0, 0, self._key_ids[key])
        node = self._outline.nodes[key]
        siblings = self._children(node.parent_id)
        return self.createIndex(siblings.index(key), 0, self._key_ids[key])

    # -- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children(self._key(parent))
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, self._key_ids[children[row]])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        key = self._key(index)
        if not key:
            return QModelIndex()
        parent_id = self._outline.nodes[key].parent_id
        if parent_id is None:
            return QModelIndex()
        return self.index_of(parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(self._key(parent)))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = self._key(index)
        if key is None:
            return None
        if key == PREAMBLE_KEY:
            if role == Qt.ItemDataRole.DisplayRole:
                return PREAMBLE_LABEL
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Đoạn mở đầu trước mục I (ví dụ: “Thực hiện Công văn số …”)"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        node = self._outline.nodes[key]
        if role == Qt.ItemDataRole.DisplayRole:
            title = node.text or "(chưa đặt tên)"
            return f"{node.label} {title}" if node.label else title
        if role == Qt.ItemDataRole.EditRole:
            return node.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node.label} {node.text}".strip()
        if role == Qt.ItemDataRole.FontRole and node.level in {
            HeadingLevel.PART,
            HeadingLevel.CHAPTER,
            HeadingLevel.ROMAN,
        }:
            font = QFont()
            font.setBold(True)
            return font
        if role == HeadingIdRole:
            return node.id
        if role == LevelRole:
            return node.level.value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if self.is_preamble(index):
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        heading_id = self.heading_id(index)
        if heading_id is None or role != Qt.ItemDataRole.EditRole:
            return False
        text = " ".join(str(value).split())
        if text == self._outline.nodes[heading_id].text:
            return False
        # Queued: the command rebuilds this model, which must not happen inside the editor commit.
        QTimer.singleShot(0, lambda: self.renameRequested.emit(heading_id, text))
        return True

    # -- drag and drop -------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        ids = [hid for hid in (self.heading_id(i) for i in indexes) if hid]
        if ids:
            mime.setData(MIME_TYPE, QByteArray(ids[0].encode("ascii")))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(MIME_TYPE) or action != Qt.DropAction.MoveAction:
            return False
        if self.is_preamble(parent):
            return False
        moved = bytes(data.data(MIME_TYPE).data()).decode("ascii")
        if moved not in self._outline.nodes:
            return False
        # Not into itself or one of its own descendants.
        ancestor = self.heading_id(parent)
        while ancestor is not None:
            if ancestor == moved:
                return False
            ancestor = self._outline.nodes[ancestor].parent_id
        return True

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        moved = bytes(data.data(MIME_TYPE).data()).decode("ascii")
        parent_id = self.heading_id(parent)
        target_row = self.model_row_to_section_row(moved, parent_id, row)
        QTimer.singleShot(0, lambda: self.moveRequested.emit(moved, parent_id, target_row))
        # False: the view must not remove the dragged row itself; the rebuilt model does.
        return False

    def model_row_to_section_row(self, moved: str, parent_id: str | None, row: int) -> int:
        """Translate a view row (counting "Mở đầu" and the dragged item) into the position among
        the destination's sections without the moved one (what `move_section` takes)."""
        siblings = list(
            self._outline.roots if parent_id is None else self._outline.nodes[parent_id].children
        )
        if row < 0:
            row = len(siblings) + (1 if parent_id is None else 0)
        if parent_id is None:
            row = max(row - 1, 0)  # row 0 is "Mở đầu"
        if moved in siblings and siblings.index(moved) < row:
            row -= 1
        return row
