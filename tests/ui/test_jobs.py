"""The job runner: results on the GUI thread, failures as messages, Cancel, lanes."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from desktop.errors import Cancelled, UserError
from ui.jobs import JobRunner, describe_os_error
from ui.widgets.job_bar import JobBar


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    runner = JobRunner()
    seen = {}
    progress_seen = []

    def work(progress, cancel):
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        for i in range(3):
            progress(i + 1, 3, f"bước {i + 1}")
        return 42

    def done(value):
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is runner.thread()

    runner.jobProgress.connect(lambda job, d, t, label: progress_seen.append((d, t, label)))
    with qtbot.waitSignal(runner.jobFinished, timeout=5000):
        runner.submit("Thử", work, on_success=done)
    assert seen == {"worker": True, "value": 42, "gui": True}
    assert progress_seen[-1] == (3, 3, "bước 3")


def test_failures_become_vietnamese_messages(qtbot):
    runner = JobRunner()
    messages = []

    def user_error(progress, cancel):
        raise UserError("Ổ đĩa đầy; hãy chọn ổ khác.")

    def disk_full(progress, cancel):
        raise OSError(28, "No space left on device", "/media/usb/goi.zip")

    def bug(progress, cancel):
        raise KeyError("x")

    for fn in (user_error, disk_full, bug):
        with qtbot.waitSignal(runner.jobFinished, timeout=5000):
            runner.submit("Thử", fn, on_failure=messages.append)
    assert messages[0] == "Ổ đĩa đầy; hãy chọn ổ khác."
    assert messages[1].startswith("Ổ đĩa đã đầy (/media/usb/goi.zip)")
    assert messages[2].startswith("Lỗi không mong đợi (KeyError)")


def test_cancel_from_the_job_bar(qtbot):
    runner = JobRunner()
    bar = JobBar(runner)
    qtbot.addWidget(bar)
    started = threading.Event()
    outcome = []

    def long_work(progress, cancel):
        started.set()
        for i in range(1000):
            progress(i, 1000, "đang chép")
            cancel.raise_if_cancelled()
            threading.Event().wait(0.01)
        return "xong"

    runner.submit(
        "Đóng gói", long_work, on_success=outcome.append, on_cancel=lambda: outcome.append("huỷ")
    )
    assert started.wait(5)
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    with qtbot.waitSignal(runner.jobFinished, timeout=5000):
        bar.cancel_button.click()
    assert outcome == ["huỷ"]
    assert not bar.isVisible()


def test_newer_job_in_a_lane_supersedes_the_older(qtbot):
    runner = JobRunner()
    results = []
    gate = threading.Event()

    def slow(progress, cancel):
        gate.wait(5)
        if cancel.cancelled:
            raise Cancelled()
        return "cũ"

    def fast(progress, cancel):
        return "mới"

    runner.submit("Xem trước", slow, on_success=results.append, quiet=True, lane="preview")
    runner.submit("Xem trước", fast, on_success=results.append, quiet=True, lane="preview")
    gate.set()
    qtbot.waitUntil(lambda: not runner.active(include_quiet=True), timeout=5000)
    assert results == ["mới"]


def test_os_error_messages_say_what_to_do():
    assert "đang mở trong chương trình khác" in describe_os_error(
        PermissionError(13, "denied", "a.docx")
    )
    assert "chỉ cho đọc" in describe_os_error(OSError(30, "Read-only file system", "/media/x"))
