"""The content-addressed evidence store: `<data dir>/evidence/sha256/ab/cdef…`.

A file is copied (never moved) into a temporary file in the store while its SHA-256 is computed,
in 4 MiB chunks so a 2 GB scan never sits in memory; the copy is flushed to disk and then renamed
to its hash. If that name exists already the same content is stored, so the copy is dropped: a
file attached twice, or to two documents, is stored once. Stored files are made read-only and
never change, so a package can be checked against the hash recorded at attach time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BufferedReader
from pathlib import Path
from typing import BinaryIO

from desktop.errors import UserError
from desktop.evidence.ioerrors import read_error, write_error
from desktop.evidence.sizes import format_size
from desktop.jobs import NEVER_CANCELLED, CancelToken, Progress, no_progress

CHUNK_SIZE = 4 << 20
DEFAULT_MAX_FILE_SIZE = 4 * 1024**3  # 4 GiB: more than any scan; FAT32 cannot hold more anyway
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    path: Path


def is_sha256(value: str) -> bool:
    return bool(_HEX64.match(value))


class EvidenceStore:
    """Immutable blobs named by their SHA-256 under `root` (normally `<data dir>/evidence`)."""

    def __init__(self, root: Path, *, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> None:
        self.root = root
        self.max_file_size = max_file_size
        self._blobs = root / "sha256"
        self._tmp = root / "tmp"

    # -- paths -----------------------------------------------------------------------------

    def blob_path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self._blobs / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.blob_path(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        try:
            return self.blob_path(sha256).open("rb")
        except FileNotFoundError:
            raise UserError(
                f"Kho minh chứng thiếu tệp {sha256[:12]}…: kho dữ liệu đã bị sửa ngoài chương "
                "trình; hãy đính kèm lại tệp gốc."
            ) from None

    def iter_hashes(self) -> Iterator[str]:
        if not self._blobs.is_dir():
            return
        for prefix in sorted(self._blobs.iterdir()):
            if not prefix.is_dir() or len(prefix.name) != 2:
                continue
            for blob in sorted(prefix.iterdir()):
                name = prefix.name + blob.name
                if is_sha256(name):
                    yield name

    # -- adding ----------------------------------------------------------------------------

    def put_file(
        self,
        source: Path,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> StoredBlob:
        """Copy `source` into the store while hashing it; the original is only read."""
        try:
            src = source.open("rb")
        except OSError as exc:
            raise read_error(exc, source) from None
        with src:
            st = os.fstat(src.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise UserError(f"{source} không phải là một tệp thông thường.")
            if st.st_size > self.max_file_size:
                raise UserError(
                    f"Tệp {source.name} lớn {format_size(st.st_size)}, vượt giới hạn "
                    f"{format_size(self.max_file_size)} cho mỗi tệp minh chứng: hãy thu nhỏ "
                    "hoặc chia tệp."
                )
            if st.st_size == 0:
                raise UserError(f"Tệp {source.name} rỗng (0 byte): không có gì để đính kèm.")
            return self._copy_in(src, source, st.st_size, progress, cancel)

    def put_bytes(self, data: bytes) -> StoredBlob:
        """Store content made by the program itself (a reduced photo)."""
        digest = hashlib.sha256(data).hexdigest()
        final = self.blob_path(digest)
        if final.is_file():
            _touch(final)
            return StoredBlob(digest, len(data), final)
        tmp = self._new_tmp()
        try:
            with tmp.open("wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            return self._commit(tmp, digest, len(data))
        except OSError as exc:
            _discard(tmp)
            raise write_error(exc, self.root / "x") from None

    def _copy_in(
        self,
        src: BufferedReader,
        source: Path,
        expected: int,
        progress: Progress,
        cancel: CancelToken,
    ) -> StoredBlob:
        tmp = self._new_tmp()
        digest = hashlib.sha256()
        buffer = bytearray(CHUNK_SIZE)
        view = memoryview(buffer)
        copied = 0
        try:
            with tmp.open("wb") as out:
                while True:
                    cancel.raise_if_cancelled()
                    try:
                        n = src.readinto(buffer)
                    except OSError as exc:
                        raise read_error(exc, source) from None
                    if not n:
                        break
                    chunk = view[:n]
                    digest.update(chunk)
                    out.write(chunk)
                    copied += n
                    progress(copied, expected, source.name)
                out.flush()
                os.fsync(out.fileno())
            if copied != expected:
                raise UserError(
                    f"Tệp {source.name} đã thay đổi trong khi sao chép (kích thước "
                    f"{format_size(expected)} thành {format_size(copied)}): hãy đợi chương "
                    "trình khác ghi xong rồi đính kèm lại."
                )
            return self._commit(tmp, digest.hexdigest(), copied)
        except OSError as exc:
            _discard(tmp)
            raise write_error(exc, self.root / "x") from None
        except BaseException:
            _discard(tmp)
            raise

    def _new_tmp(self) -> Path:
        try:
            self._tmp.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(exc, self._tmp / "x") from None
        return self._tmp / f"{secrets.token_hex(8)}.partial"

    def _commit(self, tmp: Path, digest: str, size: int) -> StoredBlob:
        final = self.blob_path(digest)
        if final.is_file():
            _discard(tmp)  # same content already stored: keep one copy
            _touch(final)
            return StoredBlob(digest, size, final)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(tmp, final)
        _fsync_directory(final.parent)
        return StoredBlob(digest, size, final)

    # -- checking and cleaning -------------------------------------------------------------

    def verify(self, sha256: str) -> bool:
        """Re-hash a blob: False if it is missing or its content no longer matches its name."""
        path = self.blob_path(sha256)
        digest = hashlib.sha256()
        try:
            with path.open("rb") as f:
                while chunk := f.read(CHUNK_SIZE):
                    digest.update(chunk)
        except OSError:
            return False
        return digest.hexdigest() == sha256

    def remove_unreferenced(
        self, referenced: Iterable[str], *, min_age_seconds: float = 24 * 3600
    ) -> list[str]:
        """Delete blobs no evidence item points to; return their hashes.

        Detaching keeps the blob (so an undo or an old snapshot can still find it); this is the
        explicit clean-up, also of temporary files left by a crash. Blobs and temporary files
        touched less than `min_age_seconds` ago are kept: an attach running at the same time
        stores its file before it records it.
        """
        keep = set(referenced)
        horizon = time.time() - min_age_seconds
        removed = []
        for digest in list(self.iter_hashes()):
            path = self.blob_path(digest)
            if digest not in keep and _older_than(path, horizon):
                _discard(path)
                removed.append(digest)
        if self._tmp.is_dir():
            for leftover in self._tmp.glob("*.partial"):
                if _older_than(leftover, horizon):
                    _discard(leftover)
        return removed


def _older_than(path: Path, horizon: float) -> bool:
    try:
        return path.stat().st_mtime <= horizon
    except OSError:
        return False


def _touch(path: Path) -> None:
    """Mark a deduplicated blob as just used, so a concurrent clean-up leaves it alone."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)  # Windows refuses to delete read-only files
    with contextlib.suppress(OSError):
        path.unlink()


def _fsync_directory(directory: Path) -> None:
    """Make a rename durable; not possible (nor needed) on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
