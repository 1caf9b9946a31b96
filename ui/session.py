"""The open document of the window: its current value, the undo stack and automatic saving.

Every edit is a new immutable `Document` (the desktop/editing functions make them). An
`EditCommand` keeps the value before and after, so undo and redo are a swap, for structure and
text alike. Saving is automatic: a change is written through `desktop.services.documents.save`
at most `SAVE_DELAY_MS` after it was made, and at once when the window closes, the user logs off
or another document is opened. Together with the text editor's commit delay that bounds what a
crash can lose to under two seconds of typing.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.errors import ConflictError, UserError
from desktop.model.document import Document
from desktop.services import documents as documents_service
from desktop.services.store import Store

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 250  # after a change reaches the model; the editor commits text within 1 s


@dataclass(frozen=True)
class ViewState:
    """Where the user was, so undo can take them back there (section and caret)."""

    section: str | None = None  # heading id, None = "Mở đầu"
    cursor: int | None = None
    area: str = "body"  # "body", "header", "closing", "appendix:<id>"


class EditCommand(QUndoCommand):
    def __init__(
        self,
        session: DocumentSession,
        before: Document,
        after: Document,
        text: str,
        *,
        origin: str,
        view_before: ViewState | None,
        view_after: ViewState | None,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after
        self.origin = origin
        self.view_before = view_before
        self.view_after = view_after
        self._first = True

    def redo(self) -> None:
        # The first redo happens on push: the widget that made the change already shows it.
        origin = self.origin if self._first else "redo"
        self._first = False
        self.session._set_document(self.after, origin, self.view_after)

    def undo(self) -> None:
        self.session._set_document(self.before, "undo", self.view_before)


class DocumentSession(QObject):
    """One open document. Lives on the GUI thread with the window's store."""

    documentChanged = Signal(object, str, object)  # Document, origin, ViewState | None
    opened = Signal(int)  # document id
    closed = Signal()
    saved = Signal(object)  # local datetime of the save
    saveFailed = Signal(str)
    aboutToUndo = Signal()  # widgets flush pending edits before the stack moves

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.document_id: int | None = None
        self.document: Document | None = None
        self.revision: int | None = None
        self._saved_document: Document | None = None
        self.last_saved_at: dt.datetime | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self.flush_hooks: list[Any] = []  # callables that push pending widget edits
        self._holds = 0  # jobs writing this document (export, package): saves wait for them

    # -- opening ---------------------------------------------------------------------------

    def open(self, document_id: int) -> Document:
        self.close()
        stored = documents_service.get(self.store, document_id)
        if stored.summary.is_deleted:
            raise UserError("Văn bản này đang ở thùng rác; hãy khôi phục trước khi sửa.")
        self.document_id = document_id
        self.document = stored.document
        self.revision = stored.revision
        self._saved_document = stored.document
        self.last_saved_at = stored.summary.updated_at.astimezone()
        self.undo_stack.clear()
        self.opened.emit(document_id)
        self.documentChanged.emit(self.document, "open", None)
        return stored.document

    def close(self) -> None:
        if self.document_id is None:
            return
        self.flush()
        self.document_id = None
        self.document = None
        self.revision = None
        self._saved_document = None
        self.undo_stack.clear()
        self.closed.emit()

    @property
    def is_open(self) -> bool:
        return self.document is not None

    # -- editing ---------------------------------------------------------------------------

    def apply(
        self,
        new: Document,
        label: str,
        *,
        origin: str,
        view_before: ViewState | None = None,
        view_after: ViewState | None = None,
    ) -> bool:
        """Record an edit as an undoable command; False when it changes nothing."""
        if self.document is None or new == self.document:
            return False
        command = EditCommand(
            self,
            self.document,
            new,
            label,
            origin=origin,
            view_before=view_before,
            view_after=view_after or view_before,
        )
        self.undo_stack.push(command)
        return True

    def replace_without_undo(self, new: Document, origin: str) -> None:
        """A change that is not the user's edit (restored from history): clears the stack."""
        self.undo_stack.clear()
        self._set_document(new, origin, None)

    def undo(self) -> None:
        self.aboutToUndo.emit()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.aboutToUndo.emit()
        self.undo_stack.redo()

    def _set_document(self, new: Document, origin: str, view: ViewState | None) -> None:
        self.document = new
        self.documentChanged.emit(new, origin, view)
        self.schedule_save()

    # -- saving ----------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.document is not None and self.document != self._saved_document

    def schedule_save(self) -> None:
        # Not restarted by later changes: a steady stream of edits still saves every 250 ms.
        if not self._save_timer.isActive():
            self._save_timer.start()

    def flush(self) -> bool:
        """Push pending widget edits and save now; True when everything is on disk."""
        for hook in list(self.flush_hooks):
            hook()
        return self.save_now()

    def hold_saves(self) -> None:
        """A job is about to write this document in its own transaction (export sets the status
        and takes a snapshot): edits made meanwhile wait, so they are not refused as a conflict."""
        self._holds += 1

    def release_saves(self, *, reload: bool = True) -> None:
        self._holds = max(0, self._holds - 1)
        if reload and self.document_id is not None:
            self.adopt_stored()
        if self._holds == 0 and self.dirty:
            self.schedule_save()

    def adopt_stored(self) -> None:
        """Take the stored revision after a job changed the document (status, snapshot), keeping
        whatever the user typed meanwhile and the undo history."""
        if self.document_id is None or self.document is None:
            return
        stored = documents_service.get(self.store, self.document_id)
        typed_meanwhile = self.document != self._saved_document
        self.revision = stored.revision
        base = self.document if typed_meanwhile else stored.document
        new = base.with_changes(status=stored.document.status)
        self._saved_document = stored.document
        if new != self.document:
            self.document = new
            self.documentChanged.emit(new, "external", None)
        if self.dirty:
            self.schedule_save()

    def save_now(self) -> bool:
        self._save_timer.stop()
        if self.document_id is None or self.document is None:
            return True
        if self._holds:
            return True  # saved when the job ends (release_saves)
        if not self.dirty:
            return True
        doc = self.document
        try:
            self.revision = documents_service.save(
                self.store, self.document_id, doc, expected_revision=self.revision
            )
        except ConflictError as exc:
            self.saveFailed.emit(exc.message)
            return False
        except UserError as exc:
            self.saveFailed.emit(exc.message)
            return False
        except OSError as exc:
            self.saveFailed.emit(f"Không lưu được: {exc.strerror or exc}; hãy kiểm tra ổ đĩa.")
            return False
        self._saved_document = doc
        self.last_saved_at = dt.datetime.now().astimezone()
        self.saved.emit(self.last_saved_at)
        return True
