"""Between `Document` values and stored rows: serialising, validating, snapshot-before-write.

Every path that writes a document (new, edit, load, restore, duplicate) goes through
`insert_document` / `write_document`, so the list columns, the JSON body and the search columns
can never disagree, and the history policy is applied in one place.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum

from db import documents as db_documents
from db import snapshots as db_snapshots
from db.connection import Database
from db.documents import DocumentFields, DocumentRecord
from db.errors import RevisionConflict
from desktop.errors import NotFoundError, UserError
from desktop.model.document import Document
from desktop.model.serialize import DocumentFormatError, document_from_json, document_to_json
from desktop.model.validate import validate_document
from desktop.services.clock import from_iso, to_iso
from desktop.services.search import search_columns
from desktop.services.store import Store
from desktop.services.summaries import DocumentSummary, summary_from_row


class SnapshotReason(StrEnum):
    """Why a snapshot was taken (stored as text; labels are what the history list shows)."""

    AUTO = "auto"
    FINALIZE = "finalize"
    EXPORT = "export"
    BEFORE_RESTORE = "before-restore"
    BEFORE_REPLACE = "before-replace"
    MANUAL = "manual"


SNAPSHOT_REASON_LABELS: dict[SnapshotReason, str] = {
    SnapshotReason.AUTO: "Tự động khi sửa",
    SnapshotReason.FINALIZE: "Hoàn thiện",
    SnapshotReason.EXPORT: "Xuất tệp",
    SnapshotReason.BEFORE_RESTORE: "Trước khi khôi phục",
    SnapshotReason.BEFORE_REPLACE: "Trước khi nạp đè",
    SnapshotReason.MANUAL: "Lưu thủ công",
}


@dataclass(frozen=True)
class StoredDocument:
    """A document as stored: its list columns (id, revision, times) and the model value."""

    summary: DocumentSummary
    document: Document

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def revision(self) -> int:
        return self.summary.revision


def body_json(doc: Document) -> str:
    return json.dumps(document_to_json(doc), ensure_ascii=False, separators=(",", ":"))


def parse_body(text: str, what: str) -> Document:
    try:
        return document_from_json(json.loads(text))
    except (ValueError, DocumentFormatError) as exc:
        raise UserError(f"Không đọc được nội dung {what}: {exc}") from None


def require_valid(doc: Document) -> Document:
    """Refuse a document with a one-line message that names every offending field."""
    problems = validate_document(doc)
    if problems:
        raise UserError("Văn bản không hợp lệ: " + "; ".join(p.message for p in problems))
    return doc


def document_year(doc: Document, fallback: int) -> int:
    """The year a document belongs to: its date's, else its reporting period's, else `fallback`."""
    if doc.date is not None:
        return doc.date.year
    if doc.reporting_period is not None:
        return doc.reporting_period.year
    return fallback


def fields_for(doc: Document, fallback_year: int) -> DocumentFields:
    search_title, search_text = search_columns(doc)
    return DocumentFields(
        kind=doc.kind.value,
        status=doc.status.value,
        number=doc.number,
        title=doc.title,
        agency_abbr=doc.agency_abbr,
        unit_abbr=doc.unit_abbr,
        doc_date=doc.date.isoformat() if doc.date else None,
        year=document_year(doc, fallback_year),
        deadline=doc.deadline.isoformat() if doc.deadline else None,
        body_json=body_json(doc),
        search_title=search_title,
        search_text=search_text,
    )


def not_found(document_id: int) -> NotFoundError:
    return NotFoundError(f"Không có văn bản mã {document_id}; xem danh sách bằng: baocao list")


def load_record(db: Database, document_id: int) -> DocumentRecord:
    record = db_documents.get_document(db, document_id)
    if record is None:
        raise not_found(document_id)
    return record


def stored_from_record(record: DocumentRecord) -> StoredDocument:
    return StoredDocument(
        summary_from_row(record.row),
        parse_body(record.body_json, f"văn bản mã {record.row.id}"),
    )


def insert_document(store: Store, db: Database, doc: Document) -> int:
    require_valid(doc)
    now = store.now()
    return db_documents.insert_document(db, fields_for(doc, now.year), to_iso(now))


def snapshot_record(
    db: Database,
    record: DocumentRecord,
    reason: SnapshotReason,
    note: str,
    taken_at: dt.datetime,
) -> int:
    return db_snapshots.insert_snapshot(
        db,
        document_id=record.row.id,
        taken_at=to_iso(taken_at),
        reason=reason.value,
        note=note,
        status=record.row.status,
        title=record.row.title,
        revision=record.row.revision,
        body_json=record.body_json,
    )


def auto_snapshot_due(store: Store, db: Database, record: DocumentRecord) -> bool:
    """True when the state about to be overwritten should be kept as an automatic snapshot:
    the newest snapshot is older than the interval and is not already this very revision."""
    latest = db_snapshots.latest_snapshot_row(db, record.row.id)
    if latest is None:
        return True
    if latest.revision == record.row.revision:
        return False
    return store.now() - from_iso(latest.taken_at) >= store.settings.auto_snapshot_interval


def write_document(
    store: Store,
    db: Database,
    document_id: int,
    doc: Document,
    *,
    expected_revision: int | None = None,
    snapshot_reason: SnapshotReason | None = None,
    auto_snapshot: bool = True,
) -> int:
    """Overwrite a stored document; return the new revision.

    The state being replaced is kept as a snapshot: always under `snapshot_reason` when given,
    otherwise as an automatic one when `auto_snapshot` is on and `auto_snapshot_due` says so.
    Writing back an identical document changes nothing (same revision, no snapshot).
    """
    require_valid(doc)
    record = load_record(db, document_id)
    if expected_revision is not None and record.row.revision != expected_revision:
        raise RevisionConflict(document_id, expected_revision, record.row.revision)
    if record.row.deleted_at is not None:
        raise UserError(
            f"Văn bản mã {document_id} đang ở thùng rác; hãy khôi phục trước: "
            f"baocao undelete {document_id}"
        )
    fields = fields_for(doc, from_iso(record.row.created_at).year)
    if fields.body_json == record.body_json:
        return record.row.revision  # nothing changed: no new revision, no snapshot
    now = store.now()
    if snapshot_reason is not None:
        snapshot_record(db, record, snapshot_reason, "", now)
    elif auto_snapshot and auto_snapshot_due(store, db, record):
        snapshot_record(db, record, SnapshotReason.AUTO, "", now)
        db_snapshots.prune_snapshots(
            db, document_id, SnapshotReason.AUTO, store.settings.auto_snapshot_keep
        )
    return db_documents.update_document(
        db,
        document_id,
        fields,
        to_iso(now),
        expected_revision=expected_revision,
    )
