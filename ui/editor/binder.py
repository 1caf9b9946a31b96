"""Binds form widgets to fields of the open document.

Each binding knows how to read its value from a `Document`, how to parse what the user typed
(the parsers live in `desktop.editing.fields`) and how to build the changed document. A change is
applied as one undoable command when the user leaves the field or stops typing; a parse error is
shown under the form and nothing is applied, so a half-typed date never reaches the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.errors import UserError
from desktop.model.document import Document
from ui.session import DocumentSession, ViewState

Getter = Callable[[Document], Any]
Setter = Callable[[Document, Any], Document]


@dataclass
class Binding:
    widget: QWidget
    label: str
    get: Getter
    set: Setter
    to_text: Callable[[Any], Any]
    parse: Callable[[Any], Any]


def field_setter(name: str) -> Setter:
    return lambda doc, value: doc.with_changes(**{name: value})


def field_getter(name: str) -> Getter:
    return lambda doc: getattr(doc, name)


class FormBinder(QObject):
    errorChanged = Signal(str)

    def __init__(self, session: DocumentSession, area: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.area = area
        self.bindings: list[Binding] = []
        self._loading = False
        self._pending: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(700)
        self._timer.timeout.connect(self.commit_pending)
        session.documentChanged.connect(self._on_document)
        session.flush_hooks.append(self.commit_pending)
        session.aboutToUndo.connect(self.commit_pending)

    # -- registering ---------------------------------------------------------------------

    def line(
        self,
        widget: QLineEdit,
        label: str,
        get: Getter,
        set_: Setter,
        *,
        to_text: Callable[[Any], str] = lambda v: "" if v is None else str(v),
        parse: Callable[[str], Any] = lambda t: " ".join(t.split()),
    ) -> None:
        binding = Binding(widget, label, get, set_, to_text, parse)
        self.bindings.append(binding)
        index = len(self.bindings) - 1
        widget.textEdited.connect(lambda _t: self._touched(index))
        widget.editingFinished.connect(lambda: self._commit(index))

    def text(
        self,
        widget: QPlainTextEdit,
        label: str,
        get: Getter,
        set_: Setter,
        *,
        to_text: Callable[[Any], str],
        parse: Callable[[str], Any],
    ) -> None:
        binding = Binding(widget, label, get, set_, to_text, parse)
        self.bindings.append(binding)
        index = len(self.bindings) - 1
        widget.textChanged.connect(lambda: self._touched(index))

    def combo(
        self,
        widget: QComboBox,
        label: str,
        get: Getter,
        set_: Setter,
        *,
        enum: type[Any] | None = None,
    ) -> None:
        """A choice; item data are the enum's values (Qt hands StrEnum data back as str)."""

        def to_data(value: Any) -> Any:
            return value.value if enum is not None and value is not None else value

        def parse(data: Any) -> Any:
            return enum(data) if enum is not None and data not in (None, "") else data

        binding = Binding(widget, label, get, set_, to_data, parse)
        self.bindings.append(binding)
        index = len(self.bindings) - 1
        widget.activated.connect(lambda _i: self._commit(index))

    # -- values --------------------------------------------------------------------------

    def _on_document(self, doc: Document, origin: str, _view: object) -> None:
        if origin == self.area:
            return
        self.load(doc)

    def load(self, doc: Document) -> None:
        """Show `doc`'s values, except in fields the user is typing in (those keep their text
        and are committed by the typing timer; undo commits them first, so nothing is lost)."""
        self._loading = True
        try:
            for index, binding in enumerate(self.bindings):
                if index in self._pending:
                    continue
                value = binding.to_text(binding.get(doc))
                w = binding.widget
                if isinstance(w, QLineEdit):
                    if w.text() != value:
                        w.setText(value)
                        w.setCursorPosition(0)
                elif isinstance(w, QPlainTextEdit):
                    if w.toPlainText() != value:
                        w.setPlainText(value)
                elif isinstance(w, QComboBox):
                    position = w.findData(value)
                    w.setCurrentIndex(max(position, 0))
        finally:
            self._loading = False
        self.errorChanged.emit("")

    def _touched(self, index: int) -> None:
        if self._loading:
            return
        self._pending.add(index)
        # Not restarted by each key: while the user types, the value reaches the document (and
        # so the disk) every 700 ms, which is what bounds the loss in a crash.
        if not self._timer.isActive():
            self._timer.start()

    def _raw(self, binding: Binding) -> Any:
        w = binding.widget
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            return w.currentData()
        raise TypeError(w)

    def _commit(self, index: int, *, quiet: bool = False) -> None:
        """Apply one field. `quiet` (the typing timer): a value that does not parse yet is
        left alone without a message; the message comes when the user leaves the field."""
        if self._loading or self.session.document is None:
            return
        self._pending.discard(index)
        binding = self.bindings[index]
        try:
            value = binding.parse(self._raw(binding))
            new = binding.set(self.session.document, value)
        except UserError as exc:
            if not quiet:
                self.errorChanged.emit(exc.message)
            else:
                self._pending.add(index)
            return
        except ValueError as exc:
            if not quiet:
                self.errorChanged.emit(f"{binding.label}: {exc}")
            else:
                self._pending.add(index)
            return
        self.errorChanged.emit("")
        if binding.get(new) == binding.get(self.session.document):
            return
        view = ViewState(area=self.area)
        self.session.apply(new, f"Sửa {binding.label}", origin=self.area, view_before=view)

    def commit_pending(self) -> None:
        self._timer.stop()
        pending, self._pending = sorted(self._pending), set()
        for index in pending:
            self._commit(index, quiet=True)
