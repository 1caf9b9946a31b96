"""Writing files to a destination that may vanish (a USB stick), all or nothing.

For each file: write under `.<name>.partial` in the destination folder, flush, fsync, close;
drop the file from the page cache where the OS allows it (Linux `posix_fadvise`), so the check
reads the device and not memory; read it back and compare its CRC-32 and size with those of what
was written (CRC-32 catches what failing media do, at four times SHA-256's speed; the content's
identity is the package's SHA-256 manifest, checked by `verify`); keep it staged. When every file of the job is staged, rename them all to their final
names and fsync the folder. Any failure (full, pulled out, read-only, a mismatch on read-back,
Cancel) removes the partial files and any file already renamed by this job, and raises a
`UserError` that says what happened — nothing that looks complete is left behind. If the device
is gone, even the clean-up cannot reach it: what remains is a hidden `.….partial` file.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from desktop.errors import UserError
from desktop.evidence.ioerrors import write_error
from desktop.evidence.sizes import format_size
from desktop.packaging.hashing import CHUNK_SIZE, Crc32, HashWorker, Region, Writable, whole

SPACE_MARGIN = 1 << 20  # filesystems need a little room for their own metadata


def open_for_writing(path: Path) -> BinaryIO:
    """Create `path` for writing (exclusive). Tests replace this to simulate failing devices."""
    return path.open("xb", buffering=1 << 20)


def open_for_reading(path: Path) -> BinaryIO:
    """Open `path` for the read-back check. Tests replace this to simulate corruption."""
    return path.open("rb", buffering=0)


@dataclass(frozen=True)
class StagedFile:
    final: Path
    partial: Path
    size: int


Producer = Callable[[Writable], tuple[list[Region], int]]
"""Writes the content to the open file; returns the CRC-32 regions and the size of exactly what
it wrote (regions cover the file, in order)."""


def _drop_cache(fd: int) -> None:
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def read_back_matches(
    path: Path, regions: list[Region], size: int, progress: Callable[[int], None] | None = None
) -> bool:
    """Read `path` back in big chunks and check every region's CRC-32 (on a second thread)."""
    checks = [(region, Crc32()) for region in regions]
    read = 0
    with HashWorker() as worker, open_for_reading(path) as f:
        for region, crc in checks:
            if region.offset != read:
                return False
            left = region.length
            while left > 0:
                chunk = f.read(min(CHUNK_SIZE, left))
                if not chunk:
                    return False
                worker.submit(crc, chunk)
                left -= len(chunk)
                read += len(chunk)
                if progress:
                    progress(len(chunk))
        if f.read(1):
            return False  # longer than what was written
        worker.wait()
    return read == size and all(crc.value == region.crc32 for region, crc in checks)


FLUSH_EVERY = 32 << 20


class _Flusher:
    """Writes through to `target` and fsyncs it on a background thread every `FLUSH_EVERY`
    bytes, so the device writes while the next chunks are read and hashed, the final fsync only
    waits for the tail, and the progress bar follows the device instead of racing to 100 % and
    stalling on a slow USB stick. A failed background fsync (pulled out, full) surfaces at the
    next write."""

    def __init__(self, target: BinaryIO) -> None:
        self._target = target
        self._pending = 0
        self._error: OSError | None = None
        self._wanted = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="baocao-fsync", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._stop:
                return
            try:
                self._target.flush()
                os.fsync(self._target.fileno())
            except OSError as exc:
                self._error = exc
                return

    def _raise_pending_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def write(self, data: bytes) -> int:
        self._raise_pending_error()
        written = self._target.write(data)
        self._pending += len(data)
        if self._pending >= FLUSH_EVERY:
            self._pending = 0
            self._wanted.set()
        return written if written is not None else len(data)

    def flush(self) -> None:
        self._target.flush()

    def fileno(self) -> int:
        return self._target.fileno()

    def _join(self) -> None:
        self._stop = True
        self._wanted.set()
        self._thread.join()

    def finish(self) -> None:
        """Stop the background flushes and make everything durable."""
        self._join()
        self._raise_pending_error()
        self._target.flush()
        os.fsync(self._target.fileno())

    def __enter__(self) -> _Flusher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread.is_alive():
            self._join()


class Destination:
    """Stage files in `directory`, then publish them together (`commit`) or not at all."""

    def __init__(self, directory: Path, *, overwrite: bool = False) -> None:
        self.directory = directory
        self.overwrite = overwrite
        self.staged: list[StagedFile] = []
        self._published: list[Path] = []
        self._committed = False

    # -- before writing ---------------------------------------------------------------------

    def prepare(self, names: Sequence[str], needed_bytes: int) -> None:
        """Check the folder, name clashes and free space before anything is written."""
        if self.directory.exists() and not self.directory.is_dir():
            raise UserError(
                f"{self.directory} là một tệp, không phải thư mục: hãy chọn thư mục để ghi gói."
            )
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(exc, self.directory / "x") from None
        if not self.directory.is_dir():
            raise UserError(f"{self.directory} không phải là thư mục.")
        if not self.overwrite:
            existing = [n for n in names if (self.directory / n).exists()]
            if existing:
                raise UserError(
                    f"Trong {self.directory} đã có {', '.join(existing)}: hãy chọn thư mục khác "
                    "hoặc thêm --overwrite để ghi đè."
                )
        try:
            free = _free_space(self.directory)
        except OSError:
            return  # unknown: the write itself will tell
        if needed_bytes + SPACE_MARGIN > free:
            raise UserError(
                f"Ổ đĩa tại {self.directory} chỉ còn trống {format_size(free)}, gói cần khoảng "
                f"{format_size(needed_bytes)}: hãy giải phóng chỗ trống, chọn ổ khác hoặc chia "
                "gói (--max-part-size); chưa có gì được ghi."
            )

    # -- writing ----------------------------------------------------------------------------

    def write(
        self,
        name: str,
        produce: Producer,
        *,
        read_progress: Callable[[int], None] | None = None,
    ) -> StagedFile:
        final = self.directory / name
        partial = self.directory / f".{name}.partial"
        _remove(partial)  # a leftover of an earlier crash
        try:
            f = open_for_writing(partial)
        except OSError as exc:
            raise write_error(exc, final) from None
        staged = StagedFile(final, partial, 0)
        self.staged.append(staged)  # from here on, `abort` removes it
        try:
            with f, _Flusher(f) as flushing:
                regions, size = produce(flushing)
                flushing.finish()
                _drop_cache(f.fileno())
            matches = read_back_matches(partial, regions, size, read_progress)
        except OSError as exc:
            raise write_error(exc, final) from None
        if not matches:
            raise UserError(
                f"Đọc lại {name} từ {self.directory} không khớp với dữ liệu đã ghi (thiết bị lỗi "
                "hoặc bị rút ra?): hãy thử ổ khác; chưa có tệp nào được ghi hoàn chỉnh."
            )
        staged = StagedFile(final, partial, size)
        self.staged[-1] = staged
        return staged

    def write_bytes(self, name: str, data: bytes) -> StagedFile:
        def produce(f: Writable) -> tuple[list[Region], int]:
            f.write(data)
            return whole(data), len(data)

        return self.write(name, produce)

    # -- finishing --------------------------------------------------------------------------

    def commit(self) -> list[StagedFile]:
        """Rename every staged file to its final name; then the job is complete."""
        try:
            for staged in self.staged:
                os.replace(staged.partial, staged.final)
                self._published.append(staged.final)
            _fsync_directory(self.directory)
        except OSError as exc:
            raise write_error(exc, self.directory / "x") from None
        self._committed = True
        return list(self.staged)

    def abort(self) -> None:
        """Remove everything this job wrote (best effort: the device may be gone)."""
        for staged in self.staged:
            _remove(staged.partial)
        for path in self._published:
            _remove(path)
        self.staged.clear()
        self._published.clear()

    def __enter__(self) -> Destination:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None or not self._committed:
            self.abort()


def _free_space(directory: Path) -> int:
    import shutil

    return shutil.disk_usage(directory).free


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _fsync_directory(directory: Path) -> None:
    """Make the renames durable (POSIX); Windows has no directory handles to fsync."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
