"""The status-bar strip that shows running jobs: label, progress bar and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.jobs import Job, JobRunner


class JobBar(QWidget):
    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Huỷ")
        self.cancel_button.setToolTip("Dừng việc đang chạy; không có tệp nào bị ghi dở")
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._job: Job | None = None
        runner.jobStarted.connect(self._started)
        runner.jobProgress.connect(self._progress)
        runner.jobFinished.connect(self._finished)
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    def _started(self, job: Job) -> None:
        if job.quiet:
            return
        self._job = job
        self.label.setText(job.label)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setEnabled(True)
        self.show()

    def _progress(self, job: Job, done: int, total: int, label: str) -> None:
        if job is not self._job:
            return
        if total > 0:
            # Progress in bytes can exceed the int range of QProgressBar: scale to per-mille.
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(done, total) / total))
        if label:
            self.label.setText(f"{job.label}: {label}")

    def _finished(self, job: Job) -> None:
        if job is not self._job:
            return
        others = self.runner.active()
        if others:
            self._started(others[-1])
            return
        self._job = None
        self.hide()

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(f"{self._job.label}: đang dừng…")
