"""Writing to a USB stick that fills up, is pulled out or returns wrong data: a clear message and
nothing left that looks complete."""

from __future__ import annotations

import errno
import os

import pytest

from desktop.errors import UserError
from desktop.packaging import atomic
from desktop.packaging.atomic import Destination
from tests.services.packaging.conftest import build


class FailingFile:
    """Wraps a real file; raises `error` once more than `after` bytes were written."""

    def __init__(self, real, after: int, error: int) -> None:
        self._real = real
        self._after = after
        self._error = error
        self.written = 0

    def write(self, data) -> int:
        if self.written + len(data) > self._after:
            raise OSError(self._error, os.strerror(self._error))
        self.written += len(data)
        return self._real.write(data)

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._real.close()


def fail_writes_after(monkeypatch, after: int, error: int) -> None:
    real_open = atomic.open_for_writing
    monkeypatch.setattr(
        atomic, "open_for_writing", lambda path: FailingFile(real_open(path), after, error)
    )


def assert_nothing_left(folder) -> None:
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (errno.ENOSPC, "Ổ đĩa đã đầy"),
        (errno.EIO, "có thể thiết bị đã bị rút ra"),
        (errno.ENODEV, "có thể thiết bị đã bị rút ra"),
        (errno.EFBIG, "FAT32"),
        (errno.EROFS, "chỉ đọc"),
    ],
)
def test_write_failures_mid_stream(evidence, tmp_path, monkeypatch, error, message):
    usb = tmp_path / "usb"
    usb.mkdir()
    fail_writes_after(monkeypatch, 200_000, error)
    with pytest.raises(UserError, match=message):
        build(evidence, usb)
    assert_nothing_left(usb)


def test_fsync_failure_is_reported_and_cleaned(evidence, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()

    def pulled_out(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", pulled_out)
    with pytest.raises(UserError, match="rút ra"):
        build(evidence, usb)
    assert_nothing_left(usb)


def test_a_failing_second_part_removes_the_first(evidence, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    real_open = atomic.open_for_writing
    opened = []

    def second_fails(path):
        opened.append(path.name)
        f = real_open(path)
        return FailingFile(f, 10_000 if len(opened) == 2 else 1 << 40, errno.ENOSPC)

    monkeypatch.setattr(atomic, "open_for_writing", second_fails)
    with pytest.raises(UserError, match="đầy"):
        build(evidence, usb, max_part_size=700_000)
    assert len(opened) == 2 and opened[0].startswith(".") and opened[0].endswith(".partial")
    assert_nothing_left(usb)


@pytest.mark.parametrize("which_read", [0, 2, 4, 6])
def test_read_back_mismatch_is_caught(evidence, tmp_path, monkeypatch, which_read):
    """One bit flipped anywhere (headers, stored evidence, deflated text, the end) is seen."""
    usb = tmp_path / "usb"
    usb.mkdir()
    real_read = atomic.open_for_reading
    flipped = []

    class Flipping:
        def __init__(self, real):
            self._real = real
            self._reads = 0

        def read(self, n):
            data = self._real.read(n)
            self._reads += 1
            if data and self._reads - 1 == which_read:
                flipped.append(len(data))
                middle = len(data) // 2
                return data[:middle] + bytes([data[middle] ^ 0x10]) + data[middle + 1 :]
            return data

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._real.close()

    monkeypatch.setattr(atomic, "open_for_reading", lambda path: Flipping(real_read(path)))
    with pytest.raises(UserError, match="không khớp"):
        build(evidence, usb)
    assert flipped
    assert_nothing_left(usb)


def test_not_enough_free_space_is_said_before_writing(evidence, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(atomic, "_free_space", lambda folder: 50_000)
    monkeypatch.setattr(
        atomic, "open_for_writing", lambda path: pytest.fail("nothing may be written")
    )
    with pytest.raises(UserError, match="chỉ còn trống 50 KB"):
        build(evidence, usb)
    assert_nothing_left(usb)


def test_a_rename_failure_undoes_the_files_already_renamed(tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    real_replace = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(UserError, match="rút ra"), Destination(folder) as destination:
        destination.prepare(["a.zip", "b.pdf"], 10)
        destination.write_bytes("a.zip", b"first")
        destination.write_bytes("b.pdf", b"second")
        destination.commit()
    assert_nothing_left(folder)


def test_leftover_partial_of_a_crash_is_replaced(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / ".goi.zip.partial").write_bytes(b"old crash")
    with Destination(folder) as destination:
        destination.prepare(["goi.zip"], 10)
        destination.write_bytes("goi.zip", b"new")
        destination.commit()
    assert sorted(p.name for p in folder.iterdir()) == ["goi.zip"]
    assert (folder / "goi.zip").read_bytes() == b"new"
