"""Repository functions for history snapshots: full copies of a document at a moment."""

from __future__ import annotations

from dataclasses import dataclass

from db.codec import pack, unpack
from db.connection import Database

_COLUMNS = "id, document_id, taken_at, reason, note, status, title, revision"


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    id: int
    document_id: int
    taken_at: str
    reason: str
    note: str
    status: str
    title: str
    revision: int


@dataclass(frozen=True, slots=True)
class SnapshotRecord:
    row: SnapshotRow
    body_json: str


def insert_snapshot(
    db: Database,
    *,
    document_id: int,
    taken_at: str,
    reason: str,
    note: str,
    status: str,
    title: str,
    revision: int,
    body_json: str,
) -> int:
    cursor = db.conn.execute(
        "INSERT INTO snapshots (document_id, taken_at, reason, note, status, title, revision, "
        "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (document_id, taken_at, reason, note, status, title, revision, pack(body_json)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_snapshots(db: Database, document_id: int) -> list[SnapshotRow]:
    """Newest first."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM snapshots WHERE document_id = ? ORDER BY id DESC", (document_id,)
    )
    return [SnapshotRow(*r) for r in rows]


def get_snapshot(db: Database, snapshot_id: int) -> SnapshotRecord | None:
    values = db.conn.execute(
        f"SELECT {_COLUMNS}, body FROM snapshots WHERE id = ?", (snapshot_id,)
    ).fetchone()
    if values is None:
        return None
    return SnapshotRecord(SnapshotRow(*values[:-1]), unpack(values[-1]))


def latest_snapshot_row(db: Database, document_id: int) -> SnapshotRow | None:
    values = db.conn.execute(
        f"SELECT {_COLUMNS} FROM snapshots WHERE document_id = ? ORDER BY id DESC LIMIT 1",
        (document_id,),
    ).fetchone()
    return SnapshotRow(*values) if values else None


def latest_snapshot(db: Database, document_id: int) -> SnapshotRecord | None:
    values = db.conn.execute(
        f"SELECT {_COLUMNS}, body FROM snapshots WHERE document_id = ? ORDER BY id DESC LIMIT 1",
        (document_id,),
    ).fetchone()
    if values is None:
        return None
    return SnapshotRecord(SnapshotRow(*values[:-1]), unpack(values[-1]))


def prune_snapshots(db: Database, document_id: int, reason: str, keep: int) -> int:
    """Delete all but the newest `keep` snapshots of one reason; return how many went."""
    cursor = db.conn.execute(
        "DELETE FROM snapshots WHERE document_id = ? AND reason = ? AND id NOT IN ("
        "SELECT id FROM snapshots WHERE document_id = ? AND reason = ? ORDER BY id DESC LIMIT ?)",
        (document_id, reason, document_id, reason, keep),
    )
    return cursor.rowcount
