"""Hashing on a second core while the first one copies.

`hashlib` releases the GIL on large buffers, as do file reads/writes and `zlib.crc32`, so a
background thread that hashes the chunks the main thread has just read (or written) turns
"read, hash, write" into "read+write ∥ hash". The queue is bounded: at most `max_pending`
chunks (4 MiB each) wait, so memory stays flat whatever the file size. Chunks must be immutable
(`bytes`), since both threads look at them at the same time.
"""

from __future__ import annotations

import queue
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

CHUNK_SIZE = 4 << 20


class Writable(Protocol):
    """Where a package is written: a file, or a wrapper that flushes it as it goes."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


class Hasher(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


class Crc32:
    """CRC-32 with the `hashlib` interface. The read-back check of a written file compares CRC-32s:
    it catches any accidental change (what a failing USB stick does) at four times the speed of
    SHA-256; the content's identity is SHA-256 throughout (manifests and the package hash)."""

    def __init__(self) -> None:
        self.value = 0

    def update(self, data: bytes, /) -> None:
        self.value = zlib.crc32(data, self.value)

    def hexdigest(self) -> str:
        return f"{self.value:08x}"


_STOP = object()


class HashWorker:
    """Feeds chunks to hash objects on a background thread, in submission order."""

    def __init__(self, max_pending: int = 6) -> None:
        self._queue: queue.Queue[tuple[Hasher, bytes] | object] = queue.Queue(max_pending)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="baocao-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                if self._error is None and isinstance(item, tuple):
                    hasher: Hasher = item[0]
                    data: bytes = item[1]
                    hasher.update(data)
            except BaseException as exc:  # reported to the submitting thread at `wait`
                self._error = exc
            finally:
                self._queue.task_done()

    def submit(self, hasher: Hasher, data: bytes) -> None:
        if data:
            self._queue.put((hasher, data))

    def wait(self) -> None:
        """Block until every submitted chunk is hashed."""
        self._queue.join()
        if self._error is not None:
            raise self._error

    def close(self) -> None:
        self._queue.put(_STOP)
        self._thread.join()

    def __enter__(self) -> HashWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------------------------
# Checksummed regions of a written file


@dataclass(frozen=True)
class Region:
    """`length` bytes at `offset` of a file whose CRC-32 must be `crc32`."""

    offset: int
    length: int
    crc32: int


class RegionRecorder:
    """Follows a byte stream as it is written and describes it as checksummed regions.

    Most bytes of a package are stored (not deflated) evidence, and `zipfile` already computes
    the CRC-32 of each entry's data: those bytes are recorded as one region whose CRC is taken
    from the entry (`trusted`), so they are never checksummed twice. Everything else — headers,
    descriptors, deflated data — is checksummed here as it passes. Reading the file back and
    checking every region checks every byte.
    """

    def __init__(self) -> None:
        self.offset = 0
        self._regions: list[Region | tuple[int, int, Callable[[], int]]] = []
        self._start = 0
        self._crc = 0
        self._trusted_start: int | None = None

    def wrote(self, data: bytes) -> None:
        if self._trusted_start is None:
            self._crc = zlib.crc32(data, self._crc)
        self.offset += len(data)

    def _close_open_region(self) -> None:
        if self.offset > self._start:
            self._regions.append(Region(self._start, self.offset - self._start, self._crc))
        self._start, self._crc = self.offset, 0

    def begin_trusted(self) -> None:
        """The following bytes are checksummed by someone else (see `end_trusted`)."""
        self._close_open_region()
        self._trusted_start = self.offset

    def end_trusted(self, crc32: Callable[[], int]) -> None:
        """`crc32()` returns their CRC once known (after `zipfile` closes the entry)."""
        assert self._trusted_start is not None
        start, self._trusted_start = self._trusted_start, None
        if self.offset > start:
            self._regions.append((start, self.offset - start, crc32))
        self._start, self._crc = self.offset, 0

    def regions(self) -> list[Region]:
        self._close_open_region()
        out = []
        for region in self._regions:
            if isinstance(region, Region):
                out.append(region)
            else:
                start, length, crc = region
                out.append(Region(start, length, crc()))
        return out


def whole(data: bytes) -> list[Region]:
    return [Region(0, len(data), zlib.crc32(data))] if data else []
