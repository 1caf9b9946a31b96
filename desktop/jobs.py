"""The contract of long work (import, export, package, verify, sign): plain functions that take a
`progress(done, total, label)` callback and a `CancelToken`. The CLI passes no-ops or a console
printer; the window runs the same functions on a thread pool and shows a progress bar."""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop.errors import Cancelled

Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, label: str) -> None:
    """A progress sink that ignores everything."""


class CancelToken:
    """Set by the caller (the Cancel button); checked by the job between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()
