"""Rotating backups of the office database and restoring one.

On open, a backup is made when the data changed since the newest backup and that backup is older
than `StoreSettings.backup_min_interval`; the newest `backup_keep` are kept. `backup_now` makes one
regardless (the window can run it on a worker thread with a `Store` of its own). `restore_backup`
works on a folder whose database cannot be opened at all: that is when it is needed.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from db import backup as db_backup
from db.errors import (
    DatabaseCorrupt,
    DatabaseForeign,
    DatabaseFull,
    DatabaseReadOnly,
    StorageError,
)
from desktop.errors import NotFoundError, UserError
from desktop.services.clock import Clock, file_stamp, parse_file_stamp, system_clock
from desktop.services.oserrors import reason
from desktop.services.paths import database_path, resolve_data_dir
from desktop.services.store import Store, storage_errors


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    size: int


def list_backups(data_dir: str | os.PathLike[str] | None = None) -> list[BackupInfo]:
    """Backups of the database in `data_dir`, newest first."""
    path = database_path(resolve_data_dir(data_dir))
    out = []
    for b in db_backup.list_backups(path):
        try:
            size = b.path.stat().st_size
        except OSError:
            continue
        out.append(BackupInfo(b.path, parse_file_stamp(b.stamp), size))
    return out


def _data_modified_after(path: Path, moment_ns: int) -> bool:
    """Whether the database or its write-ahead log was written after `moment_ns`.

    Opening a database creates an empty log, which is not a change.
    """
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            info = candidate.stat()
        except FileNotFoundError:
            continue
        if info.st_size > 0 and info.st_mtime_ns > moment_ns:
            return True
    return False


def backup_if_due(store: Store) -> BackupInfo | None:
    """Make the on-open backup when it is due; return it, or None when none was needed."""
    backups = db_backup.list_backups(store.path)
    if backups:
        newest = backups[0]
        age = store.now() - parse_file_stamp(newest.stamp)
        if age < store.settings.backup_min_interval:
            return None
        if not _data_modified_after(store.path, newest.path.stat().st_mtime_ns):
            return None
    return backup_now(store)


def backup_now(store: Store) -> BackupInfo:
    """Back up now. Raises `CorruptDatabaseError` (keeping all old backups) if the copy is bad."""
    with storage_errors(store.data_dir):
        made = db_backup.create_backup(
            store.db, file_stamp(store.now()), keep=store.settings.backup_keep
        )
    return BackupInfo(made.path, parse_file_stamp(made.stamp), made.path.stat().st_size)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    moved_aside: Path | None  # where the previous (damaged) file was kept


def restore_backup(
    data_dir: str | os.PathLike[str] | None = None,
    backup: str | os.PathLike[str] | None = None,
    *,
    clock: Clock = system_clock,
) -> RestoreResult:
    """Replace the database with a backup (the newest by default); keep the old file aside.

    Run it with no window or command using the folder. The damaged file is renamed to
    `baocao.db.hong-<time>` (with its -wal/-shm), never deleted, so nothing is lost for good.
    """
    folder = resolve_data_dir(data_dir)
    path = database_path(folder)
    if backup is None:
        backups = db_backup.list_backups(path)
        if not backups:
            raise NotFoundError(f"Không có bản sao lưu nào trong {db_backup.backup_dir(path)}")
        source = backups[0].path
    else:
        source = Path(backup).expanduser().absolute()
        if source.is_dir():
            raise UserError(f"{source} là một thư mục; hãy chỉ đến một tệp sao lưu .db trong đó")
        if not source.is_file():
            raise NotFoundError(f"Không tìm thấy tệp sao lưu {source}")
    try:
        moved = db_backup.restore_backup(path, source, f"hong-{file_stamp(clock())}")
    except DatabaseCorrupt:
        raise UserError(
            f"{source} không phải bản sao lưu dùng được (tệp hỏng hoặc không phải cơ sở dữ "
            "liệu); dữ liệu hiện tại giữ nguyên; hãy chọn bản khác: baocao restore-backup "
            "--list rồi baocao restore-backup TỆP"
        ) from None
    except DatabaseForeign:
        raise UserError(
            f"{source} là cơ sở dữ liệu của chương trình khác, không phải bản sao lưu baocao; "
            "dữ liệu hiện tại giữ nguyên"
        ) from None
    except DatabaseReadOnly:
        raise UserError(
            f"Không đọc được {source} hoặc không ghi được vào {folder} (thiếu quyền, ổ chỉ "
            "đọc); dữ liệu hiện tại giữ nguyên"
        ) from None
    except (OSError, StorageError) as exc:
        detail = "ổ đĩa đã đầy" if isinstance(exc, DatabaseFull) else reason(exc)
        raise UserError(
            f"Không khôi phục được từ {source}: {detail}; dữ liệu hiện tại giữ nguyên"
        ) from None
    return RestoreResult(source, path, moved)
