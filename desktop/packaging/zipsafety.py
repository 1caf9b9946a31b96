"""What an archive from elsewhere may contain, checked from its central directory before a single
byte is extracted (or even decompressed).

Refused, each with its own message:
- paths that could land outside the target folder: `..` components, absolute paths, drive
  letters (`C:`), backslashes (Windows separators that some unzip tools honour), NUL and other
  control characters, empty components;
- symbolic links, devices, FIFOs and sockets (Unix mode bits in `external_attr`);
- encrypted entries and compression methods other than stored/deflate (smaller attack surface);
- duplicate names, also after NFC normalisation and case folding (`Ảnh.JPG` vs `ảnh.jpg` are
  one file on Windows and macOS), and a name used both as a file and as a folder;
- zip bombs: more than `max_files` entries, more than `max_total_bytes` uncompressed, or an
  entry (over 1 MiB) or the whole archive expanding more than `max_ratio` times.
"""

from __future__ import annotations

import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass

from desktop.errors import UserError
from desktop.evidence.sizes import format_size
from desktop.packaging.names import casefold_key

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE = re.compile(r"^[A-Za-z]:")
RATIO_FLOOR = 1 << 20  # small entries may compress a lot (a short, repetitive text)


@dataclass(frozen=True)
class Limits:
    max_files: int = 10_000
    max_total_bytes: int = 20 * 1000**3
    max_ratio: float = 100.0


DEFAULT_LIMITS = Limits()


class UnsafeArchive(UserError):
    """The archive is refused; nothing was extracted."""


@dataclass(frozen=True)
class SafeEntry:
    info: zipfile.ZipInfo
    path: str  # NFC, '/'-separated, relative; directories end with '/'

    @property
    def is_dir(self) -> bool:
        return self.path.endswith("/")


def _refuse(name: str, why: str) -> UnsafeArchive:
    return UnsafeArchive(f"Gói bị từ chối vì tệp “{name}” {why}; không có gì được giải nén.")


def check_path(name: str) -> str:
    """Return the NFC form of an archive member name, or raise if it is unsafe."""
    shown = name.encode("unicode_escape").decode("ascii") if _CONTROL.search(name) else name
    if _CONTROL.search(name):
        raise _refuse(shown, "chứa ký tự điều khiển")
    if "\\" in name:
        raise _refuse(name, "dùng dấu “\\” trong đường dẫn (có thể ghi ra ngoài thư mục)")
    if name.startswith("/") or _DRIVE.match(name):
        raise _refuse(name, "có đường dẫn tuyệt đối (có thể ghi ra ngoài thư mục)")
    body = name[:-1] if name.endswith("/") else name
    parts = body.split("/")
    if any(p == ".." for p in parts):
        raise _refuse(name, "chứa “..” (trỏ ra ngoài thư mục của gói)")
    if any(p in ("", ".") for p in parts):
        raise _refuse(name, "có đường dẫn không hợp lệ (thành phần rỗng hoặc “.”)")
    if any(_DRIVE.match(p) or ":" in p for p in parts):
        raise _refuse(name, "chứa dấu “:” (ổ đĩa hoặc luồng dữ liệu ẩn trên Windows)")
    return unicodedata.normalize("NFC", name)


def _unix_mode(info: zipfile.ZipInfo) -> int | None:
    if info.create_system != 3:  # only Unix archivers put a meaningful mode there
        return None
    mode = info.external_attr >> 16
    return mode or None


def check_archive(zf: zipfile.ZipFile, limits: Limits = DEFAULT_LIMITS) -> list[SafeEntry]:
    """Check every entry; return them with their safe names, or raise `UnsafeArchive`."""
    infos = zf.infolist()
    if len(infos) > limits.max_files:
        raise UnsafeArchive(
            f"Gói bị từ chối vì có {len(infos)} tệp, vượt giới hạn {limits.max_files} tệp; "
            "không có gì được giải nén."
        )
    entries: list[SafeEntry] = []
    seen: dict[str, str] = {}
    files: set[str] = set()
    total = 0
    compressed = 0
    for info in infos:
        path = check_path(info.filename)
        mode = _unix_mode(info)
        if mode is not None:
            if stat.S_ISLNK(mode):
                raise _refuse(info.filename, "là liên kết tượng trưng (symlink)")
            if (
                stat.S_ISCHR(mode)
                or stat.S_ISBLK(mode)
                or stat.S_ISFIFO(mode)
                or stat.S_ISSOCK(mode)
            ):
                raise _refuse(info.filename, "là tệp thiết bị hoặc ống dẫn, không phải tệp thường")
        if info.flag_bits & 0x1:
            raise _refuse(info.filename, "được mã hóa bằng mật khẩu")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(info.filename, "dùng phương thức nén không được hỗ trợ")
        key = casefold_key(path.rstrip("/"))
        if key in seen:
            raise _refuse(
                info.filename,
                f"trùng tên với “{seen[key]}” (trên Windows hai tên này là một tệp)",
            )
        seen[key] = info.filename
        if not path.endswith("/"):
            files.add(key)
            total += info.file_size
            compressed += info.compress_size
            if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise _refuse(
                    info.filename,
                    f"nén với tỉ lệ bất thường ({format_size(info.compress_size)} thành "
                    f"{format_size(info.file_size)}, dấu hiệu “bom zip”)",
                )
        entries.append(SafeEntry(info, path))
    # A file used as a folder ("a" and "a/b"): extraction would fail half-way.
    for key in seen:
        parent = key
        while "/" in parent:
            parent = parent.rsplit("/", 1)[0]
            if parent in files:
                raise _refuse(seen[key], "nằm trong một “thư mục” trùng tên với một tệp")
    if total > limits.max_total_bytes:
        raise UnsafeArchive(
            f"Gói bị từ chối vì giải nén ra {format_size(total)}, vượt giới hạn "
            f"{format_size(limits.max_total_bytes)}; không có gì được giải nén."
        )
    if total > 10 * RATIO_FLOOR and total > limits.max_ratio * max(compressed, 1):
        raise UnsafeArchive(
            f"Gói bị từ chối vì nén với tỉ lệ bất thường ({format_size(compressed)} thành "
            f"{format_size(total)}, dấu hiệu “bom zip”); không có gì được giải nén."
        )
    return entries
