"""Operating-system errors in Vietnamese: the reason a file could not be read or written.

`exc.strerror` is English on every platform Python runs on ("No space left on device",
"Permission denied"), so no message a clerk reads may quote it. `reason(exc)` gives the
Vietnamese phrase for the errors a desktop program meets (a full disk, a pulled-out USB stick, a
write-protected card, a file held open by Word, a path too long for Windows); `read_failure`
and `write_failure` build the one-line `UserError` around it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desktop.errors import UserError

# Windows error codes that reach Python as `OSError.winerror` with a generic errno.
_WIN_SHARING_VIOLATION = 32  # the file is open in another program (Word, Excel)
_WIN_LOCK_VIOLATION = 33
_WIN_DISK_FULL = (39, 112)  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_GONE = (21, 31, 1167)  # not ready, general failure, device not connected
_WIN_WRITE_PROTECT = 19

FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
GONE = frozenset({errno.EIO, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.EIO)})
READ_ONLY = frozenset({errno.EROFS})
DENIED = frozenset({errno.EACCES, errno.EPERM})


def reason(exc: BaseException) -> str:
    """Why an operation on a file failed, as a short Vietnamese phrase (no path in it)."""
    if isinstance(exc, UnicodeError):
        return "tên tệp có ký tự mà hệ thống không ghi được (hãy đổi tên tệp, thư mục)"
    if not isinstance(exc, OSError):
        return "lỗi không xác định"
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    if winerror in (_WIN_SHARING_VIOLATION, _WIN_LOCK_VIOLATION):
        return "tệp đang được mở trong chương trình khác (Word, Excel…)"
    if code in FULL or winerror in _WIN_DISK_FULL:
        return "ổ đĩa đã đầy"
    if code in READ_ONLY or winerror == _WIN_WRITE_PROTECT:
        return "ổ đĩa chỉ cho đọc (đang bật khóa chống ghi?)"
    if code in GONE or winerror in _WIN_GONE:
        return "lỗi đọc ghi thiết bị (ổ USB bị rút ra hoặc hỏng?)"
    if isinstance(exc, FileNotFoundError):
        return "không tìm thấy tệp hoặc thư mục"
    if isinstance(exc, IsADirectoryError):
        return "đây là một thư mục, không phải tệp"
    if isinstance(exc, NotADirectoryError):
        return "một phần của đường dẫn là tệp, không phải thư mục"
    if isinstance(exc, FileExistsError):
        return "đã có tệp hoặc thư mục cùng tên"
    if isinstance(exc, PermissionError) or code in DENIED:
        return "không có quyền truy cập (hoặc tệp đang được chương trình khác giữ)"
    if code == errno.ENAMETOOLONG:
        return "tên tệp hoặc đường dẫn quá dài"
    if code == errno.EFBIG:
        return "tệp quá lớn so với ổ đĩa (ổ FAT32 chỉ chứa tệp đến 4 GB)"
    if code == errno.EINVAL:
        return "tên tệp hoặc đường dẫn không hợp lệ"
    if code == errno.ELOOP:
        return "đường dẫn có liên kết vòng"
    if code in (errno.EMFILE, errno.ENFILE):
        return "máy đang mở quá nhiều tệp"
    if code == errno.ENOMEM:
        return "máy không đủ bộ nhớ"
    if code == errno.ETIMEDOUT or code == errno.EHOSTDOWN:
        return "ổ mạng không phản hồi"
    name = errno.errorcode.get(code or 0)
    return f"lỗi hệ thống{f' {name}' if name else ''}"


def read_failure(exc: BaseException, path: os.PathLike[str] | str) -> UserError:
    """`Không đọc được tệp …: <lý do>.`"""
    return UserError(f"Không đọc được tệp {Path(path)}: {reason(exc)}.")


def write_failure(exc: BaseException, path: os.PathLike[str] | str) -> UserError:
    """`Không ghi được tệp …: <lý do>; <what to do>.`"""
    code = getattr(exc, "errno", None)
    advice = (
        "hãy giải phóng chỗ trống hoặc chọn ổ khác" if code in FULL else "hãy chọn thư mục khác"
    )
    return UserError(f"Không ghi được tệp {Path(path)}: {reason(exc)}; {advice}.")
