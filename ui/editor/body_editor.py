"""The "Nội dung" tab: the outline tree on the left, the selected section's text on the right.

Structure edits (add, rename, indent/outdent, move, delete) call `desktop.editing.outline` and
become undoable commands; the text of the selected section is edited in a `TextEditor` and
committed by a `TextCommitter`. Numbers are recomputed from the structure after every change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.editing import outline as ol
from desktop.errors import UserError
from desktop.model.document import Block, Document, Heading
from desktop.model.kinds import DocumentKind
from ui.editor import richtext
from ui.editor.committer import TextCommitter
from ui.editor.format_bar import FormatBar
from ui.editor.outline_model import OutlineModel
from ui.editor.text_editor import TextEditor
from ui.session import DocumentSession, ViewState


class OutlineView(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAccessibleName("Dàn ý văn bản")


def _footnotes_before(body: tuple[Block, ...], index: int) -> int:
    return richtext.footnote_count(body[:index])


class BodyEditor(QWidget):
    message = Signal(str)  # a short status-bar message
    sectionChanged = Signal(object)  # heading id or None

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current_section: str | None = None
        self.model = OutlineModel(self)
        self.tree = OutlineView()
        self.tree.setModel(self.model)
        self.editor = TextEditor()
        self.committer = TextCommitter(self.editor, session, self)
        self.committer.label = "Gõ nội dung"
        self.committer.view_for = lambda cursor: ViewState(
            section=self.current_section, cursor=cursor
        )
        self.committer.on_error = self.message.emit
        self.editor.message.connect(self.message.emit)
        self.section_title = QLineEdit()
        self.section_title.setPlaceholderText("Tên mục")
        self.section_title.setAccessibleName("Tên mục đang chọn")
        self.section_label = QLabel()
        self.section_label.setMinimumWidth(36)

        self.structure_bar = QToolBar("Dàn ý")
        self.format_bar = FormatBar(self.editor, self)
        self._build_actions()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.structure_bar)
        left_layout.addWidget(self.tree)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.section_label)
        title_row.addWidget(self.section_title, 1)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.format_bar)
        right_layout.addWidget(self.editor, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.model.renameRequested.connect(self.rename_section)
        self.model.moveRequested.connect(self.move_section)
        self.section_title.editingFinished.connect(self._title_edited)
        # Enter after naming a section: start typing its text (as in a word processor).
        self.section_title.returnPressed.connect(self.editor.setFocus)
        QWidget.setTabOrder(self.section_title, self.editor)
        session.documentChanged.connect(self._on_document)

    # -- actions -----------------------------------------------------------------------------

    def _action(self, bar: QToolBar, text: str, tip: str, slot: Callable[[], None],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:  # fmt: skip
        action = QAction(text, self)
        action.setToolTip(
            f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            if shortcut
            else tip
        )
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        bar.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        s = self.structure_bar
        self.act_add = self._action(
            s, "+Mục", "Thêm mục cùng cấp sau mục đang chọn", self.add_section, "Ctrl+Alt+N"
        )
        self.act_add_child = self._action(
            s, "+Con", "Thêm mục con", self.add_child_section, "Ctrl+Alt+M"
        )
        self.act_indent = self._action(s, "→", "Lùi vào một cấp", self.indent_section, "Alt+Right")
        self.act_outdent = self._action(s, "←", "Đưa ra một cấp", self.outdent_section, "Alt+Left")
        self.act_up = self._action(s, "↑", "Chuyển mục lên", lambda: self.move_by(-1), "Alt+Up")
        self.act_down = self._action(
            s, "↓", "Chuyển mục xuống", lambda: self.move_by(1), "Alt+Down"
        )
        self.act_delete = self._action(
            s, "✕", "Xoá mục cùng nội dung và các mục con", self.delete_section
        )

    def _menu_action(self, menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _tree_menu(self, position: QPoint) -> None:
        """Right-click on the outline: every structure command with its full name."""
        index = self.tree.indexAt(position)
        if index.isValid():
            self.select_section(self.model.heading_id(index))
        menu = QMenu(self)
        for action, text in (
            (self.act_add, "Thêm mục cùng cấp"),
            (self.act_add_child, "Thêm mục con"),
            (self.act_indent, "Lùi vào một cấp"),
            (self.act_outdent, "Đưa ra một cấp"),
            (self.act_up, "Chuyển lên"),
            (self.act_down, "Chuyển xuống"),
            (self.act_delete, "Xoá mục"),
        ):
            item = menu.addAction(text)
            item.setEnabled(action.isEnabled())
            item.triggered.connect(action.trigger)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    # -- document in, selection ---------------------------------------------------------------

    @property
    def body(self) -> tuple[Block, ...]:
        return self.session.document.body if self.session.document else ()

    def _on_document(self, doc: Document, origin: str, view: ViewState | None) -> None:
        rebuilt = self.model.set_body(doc.body)
        if origin == "open":
            self.current_section = None
            self.tree.expandAll()
            # An empty preamble is of no use to start typing in: open the first section instead.
            outline = self.model.outline
            first = None if outline.preamble_end or not outline.roots else outline.roots[0]
            self.select_section(first, force=True)
            return
        if rebuilt:
            self.tree.expandAll()
        target = self.current_section
        if origin in {"undo", "redo"} and view is not None and view.area == "body":
            target = view.section
        if target is not None and target not in self.model.outline.nodes:
            target = None
        if target == self.current_section and self.committer.shown == ol.section_content(
            doc.body, target
        ):
            self._sync_title()
            self._mark_current(target)
            self._update_actions()
            return
        self.select_section(
            target, force=True, cursor=view.cursor if view and origin in {"undo", "redo"} else None
        )

    def _mark_current(self, heading_id: str | None) -> None:
        index = self.model.index_of(heading_id)
        if index.isValid() and self.tree.currentIndex() != index:
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().blockSignals(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        heading_id = self.model.heading_id(current)
        if heading_id != self.current_section:
            self.select_section(heading_id)

    def select_section(
        self, heading_id: str | None, *, force: bool = False, cursor: int | None = None
    ) -> None:
        """Show a section in the text editor (None = "Mở đầu")."""
        if not force and heading_id == self.current_section:
            return
        self.committer.commit()  # the previous section's pending text
        body = self.body
        self.current_section = heading_id
        self._mark_current(heading_id)
        content = ol.section_content(body, heading_id)
        start = 0 if heading_id is None else self.model.outline.node(heading_id).index + 1
        section_id = heading_id

        def apply(doc: Document, blocks: tuple[Block, ...]) -> Document:
            return doc.with_changes(body=ol.replace_section_content(doc.body, section_id, blocks))

        self.committer.load(
            content, _footnotes_before(body, start), apply if self.session.document else None
        )
        self.editor.setPlaceholderText(self._placeholder(heading_id))
        if cursor is not None:
            text_cursor = self.editor.textCursor()
            text_cursor.setPosition(min(cursor, self.editor.document().characterCount() - 1))
            self.editor.setTextCursor(text_cursor)
            self.editor.ensureCursorVisible()
        self._sync_title()
        self._update_actions()
        self.sectionChanged.emit(heading_id)

    def _placeholder(self, heading_id: str | None) -> str:
        if heading_id is None:
            return (
                "Gõ đoạn mở đầu (nếu có), ví dụ: “Thực hiện Công văn số …, Ủy ban nhân dân … "
                "báo cáo như sau:”"
            )
        node = self.model.outline.nodes.get(heading_id)
        if node is not None and node.children:
            count = len(node.children)
            return (
                f"Mục {node.label} có {count} mục con (chọn ở dàn ý bên trái để sửa). Ở đây có "
                "thể gõ đoạn văn chung của mục, in ngay dưới tên mục."
            )
        return "Gõ nội dung của mục này. Dòng bắt đầu bằng “- ” hoặc “+ ” là ý liệt kê."

    def has_block(self, block_id: str) -> bool:
        return any(b.id == block_id for b in self.body)

    def _sync_title(self) -> None:
        heading_id = self.current_section
        if heading_id is None:
            self.section_label.setText("")
            self.section_title.setText("Mở đầu")
            self.section_title.setReadOnly(True)
            return
        node = self.model.outline.nodes.get(heading_id)
        if node is None:
            return
        self.section_label.setText(node.label)
        self.section_title.setReadOnly(False)
        if self.section_title.text() != node.text:
            self.section_title.setText(node.text)

    def _update_actions(self) -> None:
        on_heading = self.current_section is not None
        for action in (
            self.act_indent,
            self.act_outdent,
            self.act_up,
            self.act_down,
            self.act_delete,
        ):
            action.setEnabled(on_heading)

    def highlight_block(self, block_id: str) -> bool:
        """Select the section holding `block_id` and put the caret on it (checker, evidence)."""
        body = self.body
        position = next((i for i, b in enumerate(body) if b.id == block_id), None)
        if position is None:
            return False
        block = body[position]
        if isinstance(block, Heading):
            self.select_section(block.id)
            self.tree.setFocus()
            return True
        heading_id = None
        for node in self.model.outline.nodes.values():
            if position in node.content_range:
                heading_id = node.id
        self.select_section(heading_id)
        return self.editor.place_caret_at_block(block_id)

    # -- structure commands --------------------------------------------------------------------

    def _apply_body(self, new_body: tuple[Block, ...], label: str, section: str | None) -> None:
        doc = self.session.document
        if doc is None:
            return
        self.committer.commit()
        before = ViewState(section=self.current_section, cursor=self.editor.textCursor().position())
        self.current_section = section
        applied = self.session.apply(doc.with_changes(body=new_body), label, origin="structure",
                                     view_before=before, view_after=ViewState(section=section))  # fmt: skip
        if not applied:
            self.current_section = before.section

    def _run(self, fn: Callable[[], tuple[tuple[Block, ...], str, str | None]]) -> None:
        if self.session.document is None:
            return
        self.committer.commit()
        try:
            body, label, section = fn()
        except UserError as exc:
            self.message.emit(exc.message)
            return
        self._apply_body(body, label, section)

    @property
    def kind(self) -> DocumentKind:
        assert self.session.document is not None
        return self.session.document.kind

    def add_section(self) -> None:
        def go() -> tuple[tuple[Block, ...], str, str | None]:
            body, new_id = ol.add_section(
                self.body, self.kind, "Mục mới", after_id=self.current_section
            )
            return body, "Thêm mục", new_id

        self._run(go)
        self._start_rename()

    def add_child_section(self) -> None:
        def go() -> tuple[tuple[Block, ...], str, str | None]:
            body, new_id = ol.add_section(
                self.body, self.kind, "Mục mới", parent_id=self.current_section, as_child=True
            )
            return body, "Thêm mục con", new_id

        self._run(go)
        self._start_rename()

    def _start_rename(self) -> None:
        self.section_title.setFocus()
        self.section_title.selectAll()

    def rename_section(self, heading_id: str, text: str) -> None:
        self._run(
            lambda: (ol.rename_section(self.body, heading_id, text), "Đổi tên mục", heading_id)
        )

    def _title_edited(self) -> None:
        if self.current_section is None or self.section_title.isReadOnly():
            return
        node = self.model.outline.nodes.get(self.current_section)
        text = " ".join(self.section_title.text().split())
        if node is not None and text != node.text:
            self.rename_section(self.current_section, text)

    def indent_section(self) -> None:
        hid = self.current_section
        if hid is not None:
            self._run(lambda: (ol.indent_section(self.body, hid, self.kind), "Lùi mục vào", hid))

    def outdent_section(self) -> None:
        hid = self.current_section
        if hid is not None:
            self._run(lambda: (ol.outdent_section(self.body, hid, self.kind), "Đưa mục ra", hid))

    def move_by(self, offset: int) -> None:
        hid = self.current_section
        if hid is not None:
            self._run(
                lambda: (ol.move_section_by(self.body, hid, offset, self.kind), "Chuyển mục", hid)
            )

    def move_section(self, heading_id: str, parent_id: str | None, row: int) -> None:
        self._run(
            lambda: (
                ol.move_section(self.body, heading_id, parent_id, row, self.kind),
                "Kéo thả mục",
                heading_id,
            )
        )

    def delete_section(self, *, confirm: bool = True) -> None:
        hid = self.current_section
        if hid is None:
            return
        node = self.model.outline.node(hid)
        if confirm and (node.subtree_end - node.index) > 1:
            answer = QMessageBox.question(
                self,
                "Xoá mục",
                f"Xoá mục “{node.label} {node.text}” cùng toàn bộ nội dung và các mục con?\n"
                "Có thể hoàn tác bằng Ctrl+Z.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        parent = node.parent_id
        self._run(lambda: (ol.delete_section(self.body, hid), "Xoá mục", parent))

    # -- text helpers ---------------------------------------------------------------------------

    def focus_tree(self) -> None:
        self.tree.setFocus()
        index = self.model.index_of(self.current_section)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
