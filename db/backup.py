"""Copies of the database file: made with SQLite's online backup API, checked, rotated.

A backup is written to a `.partial` file, checked with `PRAGMA quick_check`, switched to
rollback journaling (so it is one self-contained file), fsynced and only then renamed into place:
a crash mid-backup never leaves a half file that looks like a backup, and a damaged database never
pushes a good backup out of the rotation.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from db.connection import (
    Database,
    check_database_file,
    remove_if_exists,
    shm_path,
    translate_errors,
    wal_path,
)
from db.errors import DatabaseCorrupt, DatabaseForeign, StorageError

BACKUP_DIR_NAME = "backups"
_PARTIAL = ".partial"
_STAMP_RE = re.compile(r"-(\d{8}T\d{6}(?:\d{6})?Z)(?:-(\d+))?\.db$")


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    stamp: str  # UTC, `YYYYMMDDTHHMMSS[ffffff]Z`, from the file name

    @property
    def name(self) -> str:
        return self.path.name


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def list_backups(db_path: Path) -> list[BackupFile]:
    """Backups of this database, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found: list[tuple[str, int, BackupFile]] = []
    prefix = db_path.stem + "-"
    for entry in folder.iterdir():
        match = _STAMP_RE.search(entry.name)
        if match and entry.name.startswith(prefix) and entry.is_file():
            counter = int(match.group(2) or 1)  # a second backup in the same microsecond: -2
            found.append((match.group(1), counter, BackupFile(entry, match.group(1))))
    found.sort(key=lambda item: item[:2], reverse=True)
    return [item[2] for item in found]


def _remove_stale_partials(folder: Path, older_than_s: float = 3600.0) -> None:
    """Remove what a backup killed half-way left behind (not one another process is writing)."""
    now = time.time()
    for stale in folder.glob("*" + _PARTIAL):
        try:
            if now - stale.stat().st_mtime > older_than_s:
                remove_if_exists(stale)
        except OSError:
            continue


def _fsync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    # Makes a rename durable on POSIX; Windows cannot open a directory and does not need it.
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def verify_database_file(path: Path, *, ours: bool = False) -> None:
    """Raise `DatabaseCorrupt` unless `path` passes the header checks and `PRAGMA quick_check`;
    with `ours`, also `DatabaseForeign` unless it is a baocao database."""
    from db.schema import is_foreign

    check_database_file(path)
    with translate_errors(path):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        with translate_errors(path):
            result = conn.execute("PRAGMA quick_check").fetchall()
            foreign = ours and result == [("ok",)] and is_foreign(conn)
    finally:
        conn.close()
    if result != [("ok",)]:
        raise DatabaseCorrupt(path, "; ".join(str(r[0]) for r in result[:3]))
    if foreign:
        raise DatabaseForeign(path, "not a baocao database")


def create_backup(db: Database, stamp: str, *, keep: int) -> BackupFile:
    """Copy the open database into `backups/`, check the copy, then drop all but `keep` newest.

    Raises `DatabaseCorrupt` (and keeps every existing backup) when the copy fails its check.
    """
    folder = backup_dir(db.path)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(folder)
    final = folder / f"{db.path.stem}-{stamp}.db"
    counter = 1
    while final.exists():
        counter += 1
        final = folder / f"{db.path.stem}-{stamp}-{counter}.db"
    # Unique per process: a second instance backing up at the same moment works on its own file.
    partial = final.with_name(f"{final.name}.{os.getpid()}{_PARTIAL}")
    dest = sqlite3.connect(str(partial), isolation_level=None)
    try:
        with translate_errors(db.path):
            db.conn.backup(dest)
        try:
            dest.execute("PRAGMA journal_mode = DELETE")
            result = dest.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code in (11, 26):  # the copy is page for page the source: the source is damaged
                raise DatabaseCorrupt(db.path, f"backup copy unreadable: {exc}") from exc
            raise StorageError(partial, f"backup failed: {exc}") from exc
    except BaseException:
        dest.close()
        remove_if_exists(partial)
        raise
    dest.close()
    if result != [("ok",)]:
        remove_if_exists(partial)
        raise DatabaseCorrupt(db.path, "backup copy failed quick_check: " + str(result[0][0]))
    _fsync(partial)
    os.replace(partial, final)
    _fsync_dir(folder)
    for old in list_backups(db.path)[max(keep, 1) :]:
        remove_if_exists(old.path)
    return BackupFile(final, stamp)


def move_aside(db_path: Path, suffix: str) -> Path | None:
    """Rename the database file and its WAL/SHM companions to `<name>.<suffix>*`; keep them.

    The log of a damaged file must never be replayed over a restored one, so it moves too.
    Returns the new name of the main file, or None if there was none.
    """
    moved: Path | None = None
    for companion, tail in (
        (db_path, ""),
        (wal_path(db_path), "-wal"),
        (shm_path(db_path), "-shm"),
    ):
        if companion.exists():
            target = db_path.with_name(f"{db_path.name}.{suffix}{tail}")
            os.replace(companion, target)
            if tail == "":
                moved = target
    return moved


def restore_backup(db_path: Path, backup: Path, suffix: str) -> Path | None:
    """Put a checked copy of `backup` in place of `db_path`; the old file is moved aside.

    Returns where the old file went (None if there was none). The backup itself is untouched.
    """
    verify_database_file(backup, ours=True)
    partial = db_path.with_name(db_path.name + _PARTIAL)
    try:
        shutil.copyfile(backup, partial)
        _fsync(partial)
    except BaseException:
        remove_if_exists(partial)  # a full disk must not leave a half copy behind
        raise
    moved = move_aside(db_path, suffix)
    os.replace(partial, db_path)
    _fsync_dir(db_path.parent)
    return moved
