"""Opening the database: file checks, pragmas, migrations, and one transaction per command.

Every connection gets WAL journaling (readers never block the writer, a second instance works),
`foreign_keys=ON`, a busy timeout and `synchronous=FULL` (a committed command survives a power
cut, not only a crash of the program). The driver is put in autocommit mode and transactions are
explicit: `write_transaction` starts with `BEGIN IMMEDIATE`, so a command takes the write lock at
its start and never fails half-way on a read→write lock upgrade.

A `Database` belongs to the thread that opened it (sqlite3's `check_same_thread` enforces it).
Background jobs open their own connection with `open_database` or work on immutable data.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from db.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseFull,
    DatabaseIOError,
    DatabaseReadOnly,
    StorageError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000

# Primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

__all__ = [
    "Database",
    "check_database_file",
    "connect",
    "open_database",
    "read_transaction",
    "translate_errors",
    "write_transaction",
]


class Database(sqlite_utils.Database):
    """An sqlite-utils database that remembers the file it was opened from."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(conn, recursive_triggers=False, execute_plugins=False)
        self.path = path


def check_database_file(path: Path) -> None:
    """Refuse a file that cannot be a healthy SQLite database, by reading its header only.

    Catches what SQLite itself would only notice later, page by page: a foreign or overwritten
    header, and a file cut short (copied half-way, a full disk, a USB stick pulled out). When a
    write-ahead log with content sits next to the file, the main file may legitimately lag behind
    its header (a checkpoint was interrupted), so the size check is left to SQLite then.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            header = f.read(100)
    except PermissionError as exc:
        raise DatabaseReadOnly(path, f"cannot read the file: {exc}") from exc
    except IsADirectoryError as exc:
        raise DatabaseCorrupt(path, "a folder has the database's name") from exc
    except OSError as exc:
        raise DatabaseIOError(path, f"cannot read the file: {exc}") from exc
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DatabaseCorrupt(path, "not an SQLite database (bad or missing header)")
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseCorrupt(path, f"invalid page size {raw_page_size}")
    wal = wal_path(path)
    if wal.exists() and wal.stat().st_size > 32:
        return
    if size % page_size:
        raise DatabaseCorrupt(path, f"file size {size} is not a multiple of the page size")
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if valid_for == change_counter and page_count * page_size > size:
        raise DatabaseCorrupt(
            path, f"file is truncated: {size} bytes, header says {page_count * page_size}"
        )


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def shm_path(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def connect(path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Database:
    """A raw connection with the pragmas every connection needs (no checks, no migrations)."""
    conn = sqlite3.connect(
        str(path), isolation_level=None, timeout=busy_timeout_ms / 1000, check_same_thread=True
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        # Temp b-trees (sorting, FTS merges) in memory: the data folder may be a slow USB stick.
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return Database(conn, path)


def open_database(path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Database:
    """Open (creating if absent) the database at `path` in WAL mode, refusing a damaged file.

    Raises `DatabaseCorrupt` without having written anything to a damaged file, and
    `DatabaseBusy` if another process holds the database locked past the timeout.
    """
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        check_database_file(path)
    with translate_errors(path):
        db = connect(path, busy_timeout_ms=busy_timeout_ms)
    try:
        with translate_errors(path):
            if existed:
                # Reading the schema parses page 1 and the schema table: a read, so a damaged
                # file is detected before anything (journal mode, migrations) writes to it.
                db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            mode = db.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StorageError(path, f"cannot switch to WAL journaling (got {mode!r})")
    except BaseException:
        db.close()
        raise
    return db


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3's errors about the file (locked, malformed, read-only, disk full, I/O) into
    the `StorageError` subclasses the layers above explain to people."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            raise DatabaseBusy(path, str(exc)) from exc
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise DatabaseCorrupt(path, str(exc)) from exc
        if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
            raise DatabaseReadOnly(path, str(exc)) from exc
        if code == _SQLITE_FULL:
            raise DatabaseFull(path, str(exc)) from exc
        if code == _SQLITE_IOERR:
            raise DatabaseIOError(path, str(exc)) from exc
        raise


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction (`BEGIN IMMEDIATE` … `COMMIT`); nested calls become savepoints.

    Everything inside commits together or not at all: a failing command leaves nothing behind.
    """
    with translate_errors(db.path):
        if db.conn.in_transaction:
            with db.atomic():
                yield db
            return
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise


@contextlib.contextmanager
def read_transaction(db: Database) -> Iterator[Database]:
    """A consistent read snapshot across several queries (a deferred transaction)."""
    with translate_errors(db.path):
        if db.conn.in_transaction:
            yield db
            return
        db.conn.execute("BEGIN")
        try:
            yield db
        finally:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")


def remove_if_exists(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
