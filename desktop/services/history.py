"""History: snapshots of a document at finalize, at export, and periodically while editing.

Restoring a snapshot first snapshots the current state, so a restore can itself be undone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import snapshots as db_snapshots
from db.snapshots import SnapshotRow
from desktop.errors import NotFoundError
from desktop.model.document import STATUS_LABELS, Document, DocumentStatus
from desktop.services.clock import from_iso
from desktop.services.records import (
    SNAPSHOT_REASON_LABELS,
    SnapshotReason,
    load_record,
    parse_body,
    snapshot_record,
    write_document,
)
from desktop.services.store import Store

__all__ = [
    "SnapshotInfo",
    "SnapshotReason",
    "list_history",
    "restore",
    "snapshot_document",
    "take_snapshot",
]


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    document_id: int
    taken_at: dt.datetime
    reason: SnapshotReason
    note: str
    status: DocumentStatus
    title: str
    revision: int

    @property
    def reason_label(self) -> str:
        return SNAPSHOT_REASON_LABELS[self.reason]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def _info(row: SnapshotRow) -> SnapshotInfo:
    return SnapshotInfo(
        id=row.id,
        document_id=row.document_id,
        taken_at=from_iso(row.taken_at),
        reason=SnapshotReason(row.reason),
        note=row.note,
        status=DocumentStatus(row.status),
        title=row.title,
        revision=row.revision,
    )


def take_snapshot(
    store: Store, document_id: int, reason: SnapshotReason = SnapshotReason.MANUAL, note: str = ""
) -> int:
    """Keep the current state of a document (the exporter calls this with `EXPORT`)."""
    with store.write() as db:
        return snapshot_record(db, load_record(db, document_id), reason, note, store.now())


def list_history(store: Store, document_id: int) -> list[SnapshotInfo]:
    """Snapshots of one document, newest first."""
    with store.read() as db:
        load_record(db, document_id)
        return [_info(r) for r in db_snapshots.list_snapshots(db, document_id)]


def _load_snapshot(store: Store, document_id: int, snapshot_id: int) -> db_snapshots.SnapshotRecord:
    with store.read() as db:
        load_record(db, document_id)
        record = db_snapshots.get_snapshot(db, snapshot_id)
    if record is None or record.row.document_id != document_id:
        raise NotFoundError(
            f"Văn bản mã {document_id} không có bản lưu lịch sử mã {snapshot_id}; "
            f"xem lịch sử bằng: baocao history {document_id}"
        )
    return record


def snapshot_document(store: Store, document_id: int, snapshot_id: int) -> Document:
    """The document as it was in one snapshot (to show or compare before restoring)."""
    record = _load_snapshot(store, document_id, snapshot_id)
    return parse_body(record.body_json, f"bản lưu lịch sử mã {snapshot_id}")


def restore(store: Store, document_id: int, snapshot_id: int) -> int:
    """Make a snapshot the current state of its document; return the new revision.

    The state being replaced is snapshotted first (reason `before-restore`).
    """
    with store.write() as db:
        doc = snapshot_document(store, document_id, snapshot_id)
        return write_document(
            store, db, document_id, doc, snapshot_reason=SnapshotReason.BEFORE_RESTORE
        )
