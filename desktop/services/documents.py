"""Documents: create from the office profile, get, save, list, recycle bin, duplicate, finalize.

Each function is one user command and runs in one transaction (`store.write()`); nest calls in an
outer `store.write()` to make several of them one command.
"""

from __future__ import annotations

import datetime as dt

from db import documents as db_documents
from desktop.errors import UserError
from desktop.model.document import Document, DocumentStatus, PeriodKind, ReportingPeriod
from desktop.model.kinds import DocumentKind
from desktop.services.profile import apply_profile_defaults, get_profile
from desktop.services.records import (
    SnapshotReason,
    StoredDocument,
    insert_document,
    load_record,
    snapshot_record,
    stored_from_record,
    write_document,
)
from desktop.services.store import Store
from desktop.services.summaries import DocumentSummary, summary_from_row


def new_document(
    store: Store,
    kind: DocumentKind,
    title: str = "",
    *,
    number: int | None = None,
    date: dt.date | None = None,
    deadline: dt.date | None = None,
) -> Document:
    """A new draft of `kind` with the office's defaults (agencies, place, signer, Nơi nhận)."""
    doc = Document(kind=kind, title=title, number=number, date=date, deadline=deadline)
    return apply_profile_defaults(doc, get_profile(store))


def create(
    store: Store,
    kind: DocumentKind,
    title: str = "",
    *,
    number: int | None = None,
    date: dt.date | None = None,
    deadline: dt.date | None = None,
) -> int:
    """Create a draft from the profile defaults; return its id."""
    with store.write() as db:
        doc = new_document(store, kind, title, number=number, date=date, deadline=deadline)
        return insert_document(store, db, doc)


def add(store: Store, doc: Document) -> int:
    """Store a complete document (from a file, an import, a template); return its id."""
    with store.write() as db:
        return insert_document(store, db, doc)


def get(store: Store, document_id: int) -> StoredDocument:
    """The stored document (also from the recycle bin: see `summary.is_deleted`)."""
    with store.read() as db:
        return stored_from_record(load_record(db, document_id))


def save(
    store: Store, document_id: int, doc: Document, *, expected_revision: int | None = None
) -> int:
    """Save an edit; return the new revision.

    Pass the revision the edit started from as `expected_revision` to refuse overwriting a save
    made meanwhile by another window (`ConflictError`). The replaced state may be kept as an
    automatic snapshot (see `StoreSettings.auto_snapshot_interval`).
    """
    with store.write() as db:
        return write_document(store, db, document_id, doc, expected_revision=expected_revision)


def list_documents(
    store: Store,
    *,
    kind: DocumentKind | None = None,
    status: DocumentStatus | None = None,
    year: int | None = None,
    deleted: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[DocumentSummary]:
    """Newest-edited first; `deleted=True` lists the recycle bin."""
    with store.read() as db:
        rows = db_documents.list_documents(
            db,
            kind=kind.value if kind else None,
            status=status.value if status else None,
            year=year,
            deleted=deleted,
            limit=limit,
            offset=offset,
        )
    return [summary_from_row(r) for r in rows]


def delete(store: Store, document_id: int) -> None:
    """Move to the recycle bin (restorable with `undelete`)."""
    with store.write() as db:
        row = load_record(db, document_id).row
        if row.deleted_at is None:
            db_documents.set_deleted(db, document_id, store.now_iso())


def undelete(store: Store, document_id: int) -> None:
    """Bring a document back from the recycle bin."""
    with store.write() as db:
        load_record(db, document_id)
        db_documents.set_deleted(db, document_id, None)


def purge(store: Store, document_id: int) -> None:
    """Delete for good, with its history. Only from the recycle bin, so it takes two steps."""
    with store.write() as db:
        row = load_record(db, document_id).row
        if row.deleted_at is None:
            raise UserError(
                f"Văn bản mã {document_id} chưa ở thùng rác; hãy xóa vào thùng rác trước"
            )
        db_documents.purge_document(db, document_id)


def next_period(period: ReportingPeriod) -> ReportingPeriod:
    """The reporting period after `period` (month → next month, Q4 → Q1 of next year …)."""
    per_year = {PeriodKind.MONTHLY: 12, PeriodKind.QUARTERLY: 4, PeriodKind.HALF_YEAR: 2}
    count = per_year.get(period.kind)
    if count is None:  # nine months, annual, thematic, ad hoc: same kind, next year
        return ReportingPeriod(period.kind, period.year + 1, period.index)
    if period.index >= count:
        return ReportingPeriod(period.kind, period.year + 1, 1)
    return ReportingPeriod(period.kind, period.year, period.index + 1)


def duplicate(store: Store, document_id: int) -> int:
    """Start a new draft from an existing document (last period's report): same content, number,
    date and deadline cleared, status draft, reporting period moved on by one; return its id."""
    with store.write() as db:
        source = stored_from_record(load_record(db, document_id)).document
        copy = source.with_changes(
            number=None,
            date=None,
            deadline=None,
            status=DocumentStatus.DRAFT,
            source={},
            reporting_period=(
                next_period(source.reporting_period) if source.reporting_period else None
            ),
        )
        return insert_document(store, db, copy)


def finalize(store: Store, document_id: int, note: str = "") -> int:
    """Mark the document finalized and keep a snapshot of exactly that state; return revision."""
    with store.write() as db:
        stored = stored_from_record(load_record(db, document_id))
        finished = stored.document.with_changes(status=DocumentStatus.FINALIZED)
        # The finalize snapshot below holds all of the content: no automatic one before it.
        revision = write_document(store, db, document_id, finished, auto_snapshot=False)
        snapshot_record(
            db, load_record(db, document_id), SnapshotReason.FINALIZE, note, store.now()
        )
        return revision
