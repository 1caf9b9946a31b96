"""Moves what the user types in a TextEditor into the document, as undoable commands.

A commit happens 300 ms after the last key, and at the latest 1 s after the first uncommitted
key while typing goes on; the session then saves within 250 ms. A crash therefore loses at most
about 1.3 s of typing (the issue allows two).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from desktop.errors import UserError
from desktop.model.document import Block, Document
from ui.editor import richtext
from ui.editor.text_editor import TextEditor
from ui.session import DocumentSession, ViewState

IDLE_MS = 300
MAX_LATENCY_MS = 1000

ApplyBlocks = Callable[[Document, tuple[Block, ...]], Document]


class TextCommitter(QObject):
    def __init__(
        self,
        editor: TextEditor,
        session: DocumentSession,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.session = session
        self.apply_blocks: ApplyBlocks | None = None
        self.view_for: Callable[[int], ViewState] = lambda cursor: ViewState(cursor=cursor)
        self.label = "Sửa nội dung"
        self.origin = "text"
        # The blocks the editor shows, as the document holds them (after load or commit); a
        # document change that leaves them equal needs no reload (and keeps the caret).
        self.shown: tuple[Block, ...] | None = None
        self._loading = False
        self._view_before: ViewState | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.commit)
        self._latest = QTimer(self)
        self._latest.setSingleShot(True)
        self._latest.setInterval(MAX_LATENCY_MS)
        self._latest.timeout.connect(self.commit)
        self.on_error: Callable[[str], None] = lambda _m: None
        editor.document().contentsChange.connect(self._changed)
        session.flush_hooks.append(self.commit)
        session.aboutToUndo.connect(self.commit)

    def rebind_document(self) -> None:
        """Call after `editor.setDocument`: listen to the new QTextDocument."""
        self.editor.document().contentsChange.connect(self._changed)

    def load(
        self, blocks: tuple[Block, ...], footnote_offset: int, apply_blocks: ApplyBlocks | None
    ) -> None:
        """Show `blocks`; later edits go through `apply_blocks` (None = read-only view)."""
        self.commit()
        self._loading = True
        try:
            self.editor.footnote_offset = footnote_offset
            richtext.load_blocks(self.editor.document(), blocks, footnote_offset)
        finally:
            self._loading = False
        self.apply_blocks = apply_blocks
        self.shown = blocks
        self.editor.setReadOnly(apply_blocks is None)
        self._view_before = None

    @property
    def pending(self) -> bool:
        return self._idle.isActive() or self._latest.isActive()

    def _changed(self, position: int, removed: int, added: int) -> None:
        if self._loading or self.apply_blocks is None:
            return
        if self._view_before is None:
            self._view_before = self.view_for(position)
        self._idle.start()
        if not self._latest.isActive():
            self._latest.start()

    def commit(self) -> None:
        if not self.pending:
            return
        self._idle.stop()
        self._latest.stop()
        doc = self.session.document
        if doc is None or self.apply_blocks is None:
            return
        blocks = richtext.read_blocks(self.editor.document())
        if self.shown is not None and richtext.footnote_count(blocks) != richtext.footnote_count(
            self.shown
        ):
            # A mark was deleted or pasted: the later marks of this section move up or down.
            self._loading = True
            try:
                richtext.renumber_footnotes(self.editor.document(), self.editor.footnote_offset)
            finally:
                self._loading = False
        try:
            new = self.apply_blocks(doc, blocks)
        except UserError as exc:
            self.on_error(exc.message)
            return
        view_after = self.view_for(self.editor.textCursor().position())
        self.shown = blocks
        self.session.apply(
            new,
            self.label,
            origin=self.origin,
            view_before=self._view_before or view_after,
            view_after=view_after,
        )
        self._view_before = None
