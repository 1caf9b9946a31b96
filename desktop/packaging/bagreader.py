"""Read a bag whether it is a zip (ours, or anyone's) or an unzipped folder.

A zip holds one bag: either under a single top-level folder (RFC 8493 §4: the serialization's
top folder is the bag's base directory, which is how we write them) or, from other tools, at the
root. Zips are checked with `zipsafety` before anything is read. Folders are walked without ever
following a symbolic link: a link or a special file is reported, not read.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol, cast

from desktop.errors import UserError
from desktop.packaging.zipsafety import DEFAULT_LIMITS, Limits, SafeEntry, check_archive
from desktop.services.oserrors import read_failure

MAX_TAG_FILE = 16 << 20  # tag files are small text (the cover sheet ~100 KB): refuse giants


class BagReader(Protocol):
    source: Path
    name: str  # the bag's base directory name
    unsafe: list[str]  # entries that were skipped because reading them is unsafe

    def files(self) -> dict[str, int]:
        """Every regular file of the bag: '/'-separated NFC path → size."""
        ...

    def open(self, path: str) -> IO[bytes]: ...

    def read_small(self, path: str) -> bytes: ...

    def close(self) -> None: ...


def _too_big(path: str) -> UserError:
    return UserError(f"Tệp {path} của gói lớn bất thường so với một tệp thẻ BagIt.")


@dataclass
class ZipBag:
    source: Path
    limits: Limits = DEFAULT_LIMITS
    name: str = ""
    unsafe: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        try:
            self._zip = zipfile.ZipFile(self.source)
        except ZIP_DAMAGE:
            raise UserError(
                f"{self.source.name} không phải tệp nén ZIP hợp lệ (hỏng hoặc chưa tải xong)."
            ) from None
        except OSError as exc:
            raise read_failure(exc, self.source) from None
        try:
            entries = check_archive(self._zip, self.limits)
        except BaseException:
            self._zip.close()
            raise
        self._root, self.name = _zip_root(entries, self.source)
        self._members: dict[str, SafeEntry] = {}
        for entry in entries:
            if entry.is_dir or not entry.path.startswith(self._root):
                continue
            self._members[entry.path[len(self._root) :]] = entry

    def files(self) -> dict[str, int]:
        return {path: e.info.file_size for path, e in self._members.items()}

    def open(self, path: str) -> IO[bytes]:
        info = self._members[path].info
        if info.compress_type == zipfile.ZIP_STORED:
            raw = _open_stored(self.source, info)
            if raw is not None:
                return raw
        return self._zip.open(info)

    def read_small(self, path: str) -> bytes:
        entry = self._members[path]
        if entry.info.file_size > MAX_TAG_FILE:
            raise _too_big(path)
        try:
            return self._zip.read(entry.info)
        except ZIP_DAMAGE:
            # A flipped bit in a deflated tag file: zlib's own error is not a user message.
            raise UserError(
                f"Tệp {path} trong {self.source.name} bị hỏng, không giải nén được (gói bị sửa "
                "hoặc chép chưa hết): hãy lấy lại gói từ nơi gửi."
            ) from None
        except OSError as exc:
            raise read_failure(exc, self.source) from None

    def entries(self) -> list[tuple[str, SafeEntry]]:
        return list(self._members.items())

    def close(self) -> None:
        self._zip.close()


# How zipfile fails on a damaged archive besides BadZipFile: a name that is not UTF-8, an absurd
# "version needed" or a local header claiming encryption (NotImplementedError), a cut stream
# (EOFError), bad deflate data (zlib.error), offsets past the end (ValueError, struct.error).
ZIP_DAMAGE: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    UnicodeDecodeError,
    NotImplementedError,
    EOFError,
    ValueError,
    struct.error,
    zlib.error,
)


class _Slice(io.RawIOBase):
    """`length` bytes of a file from `offset`: a stored zip entry read without zipfile.

    zipfile would CRC-32 every byte on the main thread; the caller verifies the content with
    the manifest's SHA-256 anyway, so reading the raw bytes makes `verify` SHA-256-bound.
    """

    def __init__(self, f: IO[bytes], length: int) -> None:
        super().__init__()
        self._f = f
        self._left = length

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        n = self._left if size is None or size < 0 else min(size, self._left)
        data = self._f.read(n)
        if len(data) < n:
            raise EOFError("tệp nén bị cắt cụt")
        self._left -= len(data)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._f.close()
        super().close()


def _open_stored(source: Path, info: zipfile.ZipInfo) -> IO[bytes] | None:
    """Open the data of a stored entry directly; None if its local header looks wrong (then
    zipfile reads it, and reports what is wrong)."""
    f = source.open("rb")
    try:
        f.seek(info.header_offset)
        header = f.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            f.close()
            return None
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        f.seek(info.header_offset + 30 + name_length + extra_length)
    except OSError:
        f.close()
        return None
    return cast(IO[bytes], _Slice(f, info.file_size))


def _zip_root(entries: list[SafeEntry], source: Path) -> tuple[str, str]:
    """('<bag>/', '<bag>') when everything sits under one folder holding bagit.txt, else root."""
    tops = {e.path.split("/", 1)[0] for e in entries}
    files = {e.path for e in entries if not e.is_dir}
    if "bagit.txt" in files:
        return "", source.stem
    if len(tops) == 1:
        top = next(iter(tops))
        if f"{top}/bagit.txt" in files:
            return f"{top}/", top
    candidates = sorted(
        p.split("/", 1)[0] for p in files if p.count("/") == 1 and p.endswith("/bagit.txt")
    )
    if len(candidates) == 1:
        return f"{candidates[0]}/", candidates[0]
    raise UserError(
        f"{source.name} không chứa một túi BagIt (không thấy bagit.txt ở thư mục gốc của gói)."
    )


@dataclass
class DirBag:
    source: Path
    name: str = ""
    unsafe: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.source.name
        self._files: dict[str, tuple[Path, int]] = {}
        for rel, path, st in _walk(self.source, self.unsafe):
            self._files[rel] = (path, st.st_size)

    def files(self) -> dict[str, int]:
        return {rel: size for rel, (_p, size) in self._files.items()}

    def open(self, path: str) -> IO[bytes]:
        return self._files[path][0].open("rb")

    def read_small(self, path: str) -> bytes:
        file_path, size = self._files[path]
        if size > MAX_TAG_FILE:
            raise _too_big(path)
        try:
            return file_path.read_bytes()
        except OSError as exc:
            raise read_failure(exc, file_path) from None

    def close(self) -> None:
        pass


def _walk(root: Path, unsafe: list[str]) -> Iterator[tuple[str, Path, os.stat_result]]:
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as it:
                listing = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            raise read_failure(exc, folder) from None
        for entry in listing:
            rel = unicodedata.normalize("NFC", prefix + entry.name)
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISLNK(st.st_mode):
                unsafe.append(f"{rel} (liên kết tượng trưng)")
            elif stat.S_ISDIR(st.st_mode):
                stack.append((Path(entry.path), rel + "/"))
            elif stat.S_ISREG(st.st_mode):
                yield rel, Path(entry.path), st
            else:
                unsafe.append(f"{rel} (tệp thiết bị hoặc ống dẫn)")


def find_bag_folder(folder: Path) -> Path:
    """The bag inside `folder`: the folder itself, or its only subfolder holding bagit.txt."""
    if (folder / "bagit.txt").is_file():
        return folder
    inner = [p for p in folder.iterdir() if p.is_dir() and (p / "bagit.txt").is_file()]
    if len(inner) == 1:
        return inner[0]
    raise UserError(f"Thư mục {folder} không chứa một túi BagIt (không thấy bagit.txt).")


def open_bag(path: Path, limits: Limits = DEFAULT_LIMITS) -> BagReader:
    """A zip file or a folder (or a folder holding one bag folder)."""
    if not path.exists():
        raise UserError(f"Không tìm thấy {path}.")
    if path.is_dir():
        return DirBag(find_bag_folder(path))
    return ZipBag(path, limits)
