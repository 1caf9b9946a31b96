"""Reports of internal errors: the traceback goes to a file, the user gets one Vietnamese line.

A clerk must never face a Python traceback, but whoever fixes the bug needs one. The CLI (and the
window) write it, with the version, platform and command, to `<data dir>/nhat-ky-loi/`, or to the
system's temporary folder when the data folder is itself the problem (read-only, missing), and
tell the user where the file is. Only the newest `KEEP` reports are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

REPORT_DIR_NAME = "nhat-ky-loi"
KEEP = 20


def write_crash_report(
    exc: BaseException,
    *,
    data_dir: Path | None,
    argv: Sequence[str] = (),
    now: dt.datetime | None = None,
) -> Path | None:
    """Write the report; return its path, or None when no folder at all could take it."""
    moment = now or dt.datetime.now().astimezone()
    text = _report_text(exc, argv, moment)
    name = f"loi-{moment.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    for folder in _candidate_folders(data_dir):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = _new_file(folder, name, text)
        except (OSError, UnicodeError):
            continue
        _prune(folder)
        return path
    return None


def _new_file(folder: Path, name: str, text: str) -> Path:
    """Create `name.txt` (or `name-2.txt`, …): a report never overwrites an earlier one."""
    for counter in range(1, 100):
        path = folder / (f"{name}.txt" if counter == 1 else f"{name}-{counter}.txt")
        try:
            with path.open("x", encoding="utf-8") as f:
                f.write(text)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(name)


def _candidate_folders(data_dir: Path | None) -> list[Path]:
    folders = []
    if data_dir is not None:
        folders.append(data_dir / REPORT_DIR_NAME)
    with contextlib.suppress(OSError):
        folders.append(Path(tempfile.gettempdir()) / f"baocao-{REPORT_DIR_NAME}")
    return folders


def _report_text(exc: BaseException, argv: Sequence[str], moment: dt.datetime) -> str:
    from desktop import appinfo

    try:
        version = appinfo.version()
    except Exception:  # the report must be written even when the install is broken
        version = "?"
    lines = [
        f"baocao {version} — báo cáo lỗi nội bộ",
        f"Thời điểm: {moment.isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} trên {platform.platform()}",
        f"Đóng gói: {'có' if getattr(sys, 'frozen', False) else 'không (chạy từ mã nguồn)'}",
        "Lệnh: baocao " + " ".join(_printable(a) for a in argv),
        "",
        "".join(traceback.format_exception(exc)),
    ]
    return "\n".join(lines)


def _printable(arg: str) -> str:
    text = arg.encode("utf-8", "backslashreplace").decode("utf-8")
    return repr(text) if (" " in text or not text) else text


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        reports = sorted(folder.glob("loi-*.txt"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in reports[KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()
