"""Long work off the GUI thread: desktop job functions run on a QThreadPool.

A job is any callable `fn(progress, cancel) -> result` (the `desktop.jobs` contract). Its
progress, result and failure come back to the GUI thread as queued signals, so callbacks may touch
widgets. A job never opens a dialog: results and errors are shown by the window, not by the job.
Background jobs (the live checker, the preview) are `quiet`: no progress bar, and a newer job of
the same `lane` supersedes the older one (which is asked to cancel, and its result is dropped).
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.errors import Cancelled, UserError
from desktop.jobs import CancelToken, Progress

log = logging.getLogger(__name__)

JobFunction = Callable[[Progress, CancelToken], Any]


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Job(QRunnable):
    """One unit of background work and its cancel token."""

    _ids = itertools.count(1)

    def __init__(self, label: str, fn: JobFunction, *, quiet: bool, lane: str | None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals were delivered
        self.id = next(self._ids)
        self.label = label
        self.fn = fn
        self.quiet = quiet
        self.lane = lane
        self.token = CancelToken()
        self.signals = _Signals()
        self.done = False

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:  # worker thread
        def progress(done: int, total: int, label: str) -> None:
            self.token.raise_if_cancelled()
            self.signals.progressed.emit(done, total, label)

        try:
            result = self.fn(progress, self.token)
        except Cancelled:
            self.signals.cancelled.emit()
        except UserError as exc:
            self.signals.failed.emit(exc.message)
        except MemoryError:
            self.signals.failed.emit("Không đủ bộ nhớ để làm việc này; hãy đóng bớt chương trình.")
        except OSError as exc:
            self.signals.failed.emit(describe_os_error(exc))
        except Exception as exc:  # the job's own bug: say so, keep the window alive
            log.error("job %r failed:\n%s", self.label, traceback.format_exc())
            self.signals.failed.emit(f"Lỗi không mong đợi ({type(exc).__name__}): {exc}")
        else:
            if self.token.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)


def describe_os_error(exc: OSError) -> str:
    """A Vietnamese explanation of a file-system failure, with what to do."""
    import errno

    name = f" ({exc.filename})" if exc.filename else ""
    if exc.errno == errno.ENOSPC:
        return f"Ổ đĩa đã đầy{name}: hãy xoá bớt tệp hoặc chọn ổ khác rồi làm lại."
    if exc.errno in {errno.EACCES, errno.EPERM} or isinstance(exc, PermissionError):
        return (
            f"Không ghi được tệp{name}: tệp đang mở trong chương trình khác (Word, trình đọc PDF) "
            "hoặc thư mục không cho phép ghi. Hãy đóng tệp đó hoặc chọn thư mục khác rồi làm lại."
        )
    if exc.errno == errno.ENOENT:
        return f"Không tìm thấy tệp hoặc thư mục{name}: hãy kiểm tra lại đường dẫn."
    if exc.errno == errno.EROFS:
        return f"Ổ đĩa chỉ cho đọc{name}: hãy chọn ổ khác hoặc mở khoá ghi của USB."
    return f"Lỗi đọc/ghi tệp{name}: {exc.strerror or exc}."


class JobRunner(QObject):
    """Starts jobs and relays their outcome. One instance per window."""

    jobStarted = Signal(object)  # Job
    jobProgress = Signal(object, int, int, str)
    jobFinished = Signal(object)  # Job, after its own callback ran

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._jobs: dict[int, Job] = {}
        self._lanes: dict[str, Job] = {}
        self._alive = True

    def submit(
        self,
        label: str,
        fn: JobFunction,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        quiet: bool = False,
        lane: str | None = None,
    ) -> Job:
        job = Job(label, fn, quiet=quiet, lane=lane)
        if lane is not None:
            older = self._lanes.get(lane)
            if older is not None:
                older.cancel()
            self._lanes[lane] = job

        def current() -> bool:
            # After shutdown the widgets a callback would touch may be gone: drop late results.
            return self._alive and (lane is None or self._lanes.get(lane) is job)

        def finish() -> None:
            job.done = True
            if not self._alive:
                return
            self._jobs.pop(job.id, None)
            if lane is not None and self._lanes.get(lane) is job:
                del self._lanes[lane]
            self.jobFinished.emit(job)

        def succeeded(result: Any) -> None:
            if current() and on_success is not None:
                on_success(result)
            finish()

        def failed(message: str) -> None:
            if current() and on_failure is not None:
                on_failure(message)
            finish()

        def cancelled() -> None:
            if current() and on_cancel is not None:
                on_cancel()
            finish()

        job.signals.progressed.connect(lambda d, t, lbl: self.jobProgress.emit(job, d, t, lbl))
        job.signals.succeeded.connect(succeeded)
        job.signals.failed.connect(failed)
        job.signals.cancelled.connect(cancelled)
        self._jobs[job.id] = job
        self.jobStarted.emit(job)
        self.pool.start(job)
        return job

    def active(self, *, include_quiet: bool = False) -> list[Job]:
        return [j for j in self._jobs.values() if include_quiet or not j.quiet]

    def cancel_all(self) -> None:
        for job in list(self._jobs.values()):
            job.cancel()

    def shutdown(self, msecs: int = 5000) -> bool:
        """Cancel everything, wait for the workers, and ignore results still on their way."""
        self._alive = False
        self.cancel_all()
        return self.pool.waitForDone(msecs)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used at shutdown and in tests)."""
        return self.pool.waitForDone(msecs)
