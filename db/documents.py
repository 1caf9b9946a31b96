"""Repository functions for documents: plain SQL in, frozen dataclasses out.

The JSON body is opaque text here; `desktop` parses and validates it. Callers wrap writes in
`db.connection.write_transaction` (one per user command).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.connection import Database
from db.errors import RevisionConflict

# Columns of `documents` in the order `DocumentRow` takes them.
_ROW_COLUMNS = (
    "id, kind, status, number, title, agency_abbr, unit_abbr, doc_date, year, deadline, "
    "created_at, updated_at, deleted_at, revision"
)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """The short columns of one document: everything a list shows, no body."""

    id: int
    kind: str
    status: str
    number: int | None
    title: str
    agency_abbr: str
    unit_abbr: str
    doc_date: str | None
    year: int
    deadline: str | None
    created_at: str
    updated_at: str
    deleted_at: str | None
    revision: int


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    row: DocumentRow
    body_json: str


@dataclass(frozen=True, slots=True)
class DocumentFields:
    """What a save writes: the list columns, the JSON body, and the folded search text."""

    kind: str
    status: str
    number: int | None
    title: str
    agency_abbr: str
    unit_abbr: str
    doc_date: str | None
    year: int
    deadline: str | None
    body_json: str
    search_title: str
    search_text: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    row: DocumentRow
    rank: float  # bm25: lower is better


def _row(values: Sequence[object]) -> DocumentRow:
    return DocumentRow(*values)  # type: ignore[arg-type]


def insert_document(db: Database, fields: DocumentFields, now: str) -> int:
    cursor = db.conn.execute(
        "INSERT INTO documents (kind, status, number, title, agency_abbr, unit_abbr, doc_date, "
        "year, deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            fields.kind, fields.status, fields.number, fields.title, fields.agency_abbr,
            fields.unit_abbr, fields.doc_date, fields.year, fields.deadline, now, now,
        ),
    )  # fmt: skip
    document_id = cursor.lastrowid
    assert document_id is not None
    db.conn.execute(
        "INSERT INTO document_bodies (document_id, body_json, search_title, search_text) "
        "VALUES (?, ?, ?, ?)",
        (document_id, fields.body_json, fields.search_title, fields.search_text),
    )
    return document_id


def update_document(
    db: Database,
    document_id: int,
    fields: DocumentFields,
    now: str,
    *,
    expected_revision: int | None = None,
) -> int:
    """Overwrite a document; return its new revision. Raise `RevisionConflict` on a stale edit.

    Returns -1 when no such document exists.
    """
    current = db.conn.execute(
        "SELECT revision FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if current is None:
        return -1
    if expected_revision is not None and current[0] != expected_revision:
        raise RevisionConflict(document_id, expected_revision, current[0])
    revision = int(current[0]) + 1
    db.conn.execute(
        "UPDATE documents SET kind = ?, status = ?, number = ?, title = ?, agency_abbr = ?, "
        "unit_abbr = ?, doc_date = ?, year = ?, deadline = ?, updated_at = ?, revision = ? "
        "WHERE id = ?",
        (
            fields.kind, fields.status, fields.number, fields.title, fields.agency_abbr,
            fields.unit_abbr, fields.doc_date, fields.year, fields.deadline, now, revision,
            document_id,
        ),
    )  # fmt: skip
    db.conn.execute(
        "UPDATE document_bodies SET body_json = ?, search_title = ?, search_text = ? "
        "WHERE document_id = ?",
        (fields.body_json, fields.search_title, fields.search_text, document_id),
    )
    return revision


def get_document_row(db: Database, document_id: int) -> DocumentRow | None:
    values = db.conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    return _row(values) if values else None


def get_document(db: Database, document_id: int) -> DocumentRecord | None:
    row = get_document_row(db, document_id)
    if row is None:
        return None
    body = db.conn.execute(
        "SELECT body_json FROM document_bodies WHERE document_id = ?", (document_id,)
    ).fetchone()
    return DocumentRecord(row, body[0])


def list_documents(
    db: Database,
    *,
    kind: str | None = None,
    status: str | None = None,
    year: int | None = None,
    deleted: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[DocumentRow]:
    """Documents newest-edited first; `deleted=True` lists the recycle bin instead."""
    where = ["deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"]
    params: list[object] = []
    for column, value in (("kind", kind), ("status", status), ("year", year)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM documents WHERE {' AND '.join(where)} "
        "ORDER BY updated_at DESC, id DESC"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_row(v) for v in db.conn.execute(sql, params)]


def count_documents(db: Database, *, deleted: bool = False) -> int:
    condition = "deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"
    return int(db.conn.execute(f"SELECT count(*) FROM documents WHERE {condition}").fetchone()[0])


def set_deleted(db: Database, document_id: int, deleted_at: str | None) -> bool:
    """Move a document to the recycle bin (`deleted_at` set) or back (`None`)."""
    cursor = db.conn.execute(
        "UPDATE documents SET deleted_at = ? WHERE id = ?", (deleted_at, document_id)
    )
    return cursor.rowcount == 1


def purge_document(db: Database, document_id: int) -> bool:
    """Delete for good, with its body, index entries and snapshots (cascade)."""
    cursor = db.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
    return cursor.rowcount == 1


def search_documents(
    db: Database, match: str, *, limit: int = 50, include_deleted: bool = False
) -> list[SearchHit]:
    """Run an FTS5 match expression (already folded and quoted); best matches first.

    A hit in the title weighs ten times a hit in the text.
    """
    deleted = "" if include_deleted else "AND d.deleted_at IS NULL"
    columns = ", ".join(f"d.{c.strip()}" for c in _ROW_COLUMNS.split(","))
    sql = (
        f"SELECT {columns}, bm25(documents_fts, 10.0, 1.0) AS rank "
        "FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid "
        f"WHERE documents_fts MATCH ? {deleted} ORDER BY rank LIMIT ?"
    )
    return [SearchHit(_row(v[:-1]), float(v[-1])) for v in db.conn.execute(sql, (match, limit))]
