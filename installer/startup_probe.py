"""Measure the frozen app's time to an interactive main window (BAOCAO_STARTUP_PROBE=1).

The generated GUI entry script imports this only when the variable is set; the app itself knows
nothing about it. `install()` swaps `QApplication` for a subclass before the app imports Qt, so
whatever creates the application gets the probe. When the first main window has been shown and
the event loop has come back idle (the window painted and accepts input), the probe prints

    BAOCAO_STARTUP_READY <seconds since the interpreter started> <window title>

and quits the event loop. installer/build_and_smoke.py reads that line and also times the whole
process from launch, which includes the bootloader unpacking and loading the libraries.
"""

from __future__ import annotations

import sys
import time

_T0 = time.perf_counter()  # this module is imported first thing in the entry script
READY_MARK = "BAOCAO_STARTUP_READY"


def install() -> None:
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Probe(QObject):
        fired = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
            if (
                not self.fired
                and event.type() == QEvent.Type.Show
                and isinstance(watched, QtWidgets.QMainWindow)
            ):
                self.fired = True
                window = watched
                # Runs once the loop has processed the show, the first paint and the rest of
                # the start-up events: from then on a click would be handled.
                QTimer.singleShot(0, lambda: self._report(window))
            return False

        def _report(self, window: QtWidgets.QMainWindow) -> None:
            seconds = time.perf_counter() - _T0
            print(f"{READY_MARK} {seconds:.3f} {window.windowTitle()}", flush=True)
            app = QtWidgets.QApplication.instance()
            if app is not None:
                app.quit()

    base = QtWidgets.QApplication

    class ProbeApplication(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._startup_probe = _Probe(self)
            self.installEventFilter(self._startup_probe)

    QtWidgets.QApplication = ProbeApplication  # type: ignore[misc]
    print(f"startup probe installed (Python {sys.version.split()[0]})", file=sys.stderr)
