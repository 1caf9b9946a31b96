"""Failures of the storage layer, in storage terms. `desktop` turns them into messages for people."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base class: something about the database file itself went wrong."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class DatabaseCorrupt(StorageError):
    """The file is not a readable SQLite database (truncated, overwritten, malformed pages).

    Whoever raises this has not written to the file: the caller may keep it as evidence.
    """


class DatabaseBusy(StorageError):
    """Another connection held the lock longer than the busy timeout."""


class DatabaseReadOnly(StorageError):
    """The file or its folder cannot be written (read-only medium, missing permission), or the
    file cannot even be opened for that reason. Nothing was changed."""


class DatabaseFull(StorageError):
    """The disk holding the database is full; the transaction was rolled back."""


class DatabaseIOError(StorageError):
    """The operating system failed a read or write (a USB stick pulled out, a failing disk)."""


class DatabaseForeign(StorageError):
    """A healthy SQLite file that another program made: it must not be migrated or written."""


class DatabaseTooNew(StorageError):
    """The file was migrated by a newer version of the program (unknown migrations applied)."""

    def __init__(self, path: Path, unknown: list[str]) -> None:
        super().__init__(path, "unknown migrations: " + ", ".join(unknown))
        self.unknown = unknown


class RevisionConflict(Exception):
    """An update expected a revision of a row that someone else has changed in the meantime."""

    def __init__(self, document_id: int, expected: int, actual: int) -> None:
        super().__init__(f"document {document_id}: expected revision {expected}, found {actual}")
        self.document_id = document_id
        self.expected = expected
        self.actual = actual
