"""Killing the process (kill -9) while typing loses at most the last two seconds of text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.editing import outline as ol
from desktop.services import documents as documents_service
from desktop.services.store import StoreSettings, open_store

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from ui.app import create_application
from desktop.services.store import StoreSettings, open_store
from ui.main_window import MainWindow

app = create_application()
store = open_store(Path(sys.argv[1]), settings=StoreSettings(backup_on_open=False))
window = MainWindow(store)
window.show()
window.open_document(int(sys.argv[2]))
body = window.editor_page.body
body.select_section("h3")
editor = body.editor
editor.setFocus()
editor.moveCursor(QTextCursor.MoveOperation.End)
text = " Gõ trước khi mất điện"
chars = iter(text)

def type_next():
    ch = next(chars, None)
    if ch is None:
        print("TYPED", flush=True)
        return
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
    QTimer.singleShot(40, type_next)  # a steady typist, ~25 characters a second

QTimer.singleShot(100, type_next)
app.exec()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 needs a POSIX system")
def test_kill_minus_nine_after_two_seconds_loses_nothing(store, document_id, data_dir):
    store.close()
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(document_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == "TYPED", child.stderr.read()
        time.sleep(2.0)  # the bound: the last two seconds may be lost, nothing older
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    with open_store(data_dir, settings=StoreSettings(backup_on_open=False)) as reopened:
        doc = documents_service.get(reopened, document_id).document
    (paragraph,) = ol.section_content(doc.body, "h3")
    assert paragraph.text == "Đề nghị tỉnh hỗ trợ kinh phí. Gõ trước khi mất điện"
