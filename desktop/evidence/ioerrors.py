"""Turn operating-system errors into one Vietnamese sentence a clerk can act on.

Removable media fail in a few typical ways: full (ENOSPC), pulled out mid-write (EIO, ENODEV,
ENXIO, or ENOENT once the mount point vanished), write-protected (EROFS), or formatted FAT32 with
its 4 GB per-file limit (EFBIG). Each gets its own advice.
"""

from __future__ import annotations

import errno
from pathlib import Path

from desktop.errors import UserError
from desktop.services.oserrors import reason

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_GONE = {errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT, getattr(errno, "ESTALE", errno.EIO)}
_READ_ONLY = {errno.EROFS}
_DENIED = {errno.EACCES, errno.EPERM}
_TOO_BIG = {errno.EFBIG}
_NAME = {errno.ENAMETOOLONG, errno.EINVAL}


def write_error(exc: OSError, target: Path) -> UserError:
    """A write to `target` (a file on a disk or a USB stick) failed."""
    where = str(target.parent)
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    if code in _FULL or winerror in (39, 112):  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
        return UserError(
            f"Ổ đĩa đã đầy, không ghi được vào {where}: hãy giải phóng chỗ trống, chọn ổ khác "
            "hoặc chia gói thành nhiều phần; chưa có tệp nào được ghi hoàn chỉnh."
        )
    if code in _TOO_BIG:
        return UserError(
            f"Thiết bị tại {where} không chứa được tệp lớn như vậy (ổ FAT32 giới hạn 4 GB mỗi "
            "tệp): hãy chia gói bằng --max-part-size hoặc định dạng ổ sang exFAT/NTFS."
        )
    if code in _READ_ONLY:
        return UserError(
            f"Thiết bị tại {where} đang ở chế độ chỉ đọc (khóa chống ghi?): hãy mở khóa rồi "
            "thử lại."
        )
    if code in _DENIED:
        return UserError(f"Không có quyền ghi vào {where}: hãy chọn thư mục khác.")
    if code in _NAME:
        return UserError(
            f"Tên hoặc đường dẫn không hợp lệ trên thiết bị tại {where}: hãy chọn thư mục có "
            "đường dẫn ngắn hơn."
        )
    if code in _GONE or winerror in (21, 31, 1167):  # not ready, general failure, disconnected
        return UserError(
            f"Không ghi được vào {where}, có thể thiết bị đã bị rút ra hoặc bị lỗi: hãy cắm lại "
            "và thử lại; chưa có tệp nào được ghi hoàn chỉnh."
        )
    return UserError(f"Không ghi được vào {where}: {reason(exc)}.")


def read_error(exc: OSError, source: Path) -> UserError:
    """Reading `source` failed."""
    if isinstance(exc, FileNotFoundError):
        return UserError(f"Không tìm thấy tệp {source}.")
    if isinstance(exc, IsADirectoryError):
        return UserError(f"{source} là một thư mục, không phải tệp: hãy chọn từng tệp.")
    if isinstance(exc, PermissionError):
        return UserError(f"Không có quyền đọc tệp {source}: hãy kiểm tra quyền truy cập.")
    if exc.errno in _GONE:
        return UserError(
            f"Không đọc được tệp {source}, có thể thiết bị chứa tệp đã bị rút ra hoặc bị lỗi."
        )
    return UserError(f"Không đọc được tệp {source}: {reason(exc)}.")
