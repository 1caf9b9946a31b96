"""Repository functions for documents: plain SQL in, frozen dataclasses out.

The JSON body is opaque text here; `desktop` parses and validates it. Bodies and the folded search
text are stored compressed (`db.codec`); the full-text index is contentless and maintained here,
in the same transaction as the row. Callers wrap writes in `db.connection.write_transaction` (one
per user command).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from db.codec import pack, unpack
from db.connection import Database
from db.errors import RevisionConflict

# Columns of `documents` in the order `DocumentRow` takes them.
_ROW_COLUMNS = (
    "id, kind, status, number, title, agency_abbr, unit_abbr, doc_date, year, deadline, "
    "created_at, updated_at, deleted_at, revision"
)


class DocumentRow(NamedTuple):
    """The short columns of one document: everything a list shows, no body.

    Immutable like the other rows, but a NamedTuple: listing 5,000 documents builds 5,000 of
    these, and a tuple is built several times faster than a frozen dataclass.
    """

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
    in_title: bool  # every term was found in the title


_SEPARATOR = "\x00"  # between folded title and folded text in the packed search column


def _pack_search(title: str, text: str) -> bytes:
    return pack(title + _SEPARATOR + text)


def _index(db: Database, document_id: int, title: str, text: str) -> None:
    db.conn.execute(
        "INSERT INTO documents_fts (rowid, search_title, search_text) VALUES (?, ?, ?)",
        (document_id, title, text),
    )


def _unindex(db: Database, document_id: int, packed: bytes) -> None:
    """Remove a document from the contentless index: FTS5 needs the exact indexed values."""
    title, _, text = unpack(packed).partition(_SEPARATOR)
    db.conn.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, search_title, search_text) "
        "VALUES ('delete', ?, ?, ?)",
        (document_id, title, text),
    )


def _row(values: Sequence[object]) -> DocumentRow:
    return DocumentRow._make(values)


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
        "INSERT INTO document_bodies (document_id, body, search) VALUES (?, ?, ?)",
        (
            document_id,
            pack(fields.body_json),
            _pack_search(fields.search_title, fields.search_text),
        ),
    )
    _index(db, document_id, fields.search_title, fields.search_text)
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
    search = _pack_search(fields.search_title, fields.search_text)
    (old_search,) = db.conn.execute(
        "SELECT search FROM document_bodies WHERE document_id = ?", (document_id,)
    ).fetchone()
    db.conn.execute(
        "UPDATE document_bodies SET body = ?, search = ? WHERE document_id = ?",
        (pack(fields.body_json), search, document_id),
    )
    if search != old_search:  # same input, same compressor: equal bytes mean equal text
        _unindex(db, document_id, old_search)
        _index(db, document_id, fields.search_title, fields.search_text)
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
        "SELECT body FROM document_bodies WHERE document_id = ?", (document_id,)
    ).fetchone()
    return DocumentRecord(row, unpack(body[0]))


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
    return list(map(DocumentRow._make, db.conn.execute(sql, params)))


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
    old = db.conn.execute(
        "SELECT search FROM document_bodies WHERE document_id = ?", (document_id,)
    ).fetchone()
    if old is not None:
        _unindex(db, document_id, old[0])
    cursor = db.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
    return cursor.rowcount == 1


def reindex_all(db: Database) -> int:
    """Rebuild the whole full-text index from the stored search text; return documents indexed.

    For repairs and for a change of the folding rules (the service then rewrites `search`).
    """
    db.conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
    count = 0
    for document_id, packed in db.conn.execute("SELECT document_id, search FROM document_bodies"):
        title, _, text = unpack(packed).partition(_SEPARATOR)
        _index(db, document_id, title, text)
        count += 1
    return count


def search_documents(
    db: Database, match: str, *, limit: int = 50, include_deleted: bool = False
) -> list[SearchHit]:
    """Run an FTS5 match expression (already folded and quoted).

    Order: documents whose title has every term first, then the rest; newest-edited first within
    each. (bm25 ranking costs 100+ ms when common words match thousands of long documents; this
    order costs one index lookup per hit and is the order people expect of an archive.)
    """
    deleted = "" if include_deleted else "AND d.deleted_at IS NULL"
    columns = ", ".join(f"d.{c.strip()}" for c in _ROW_COLUMNS.split(","))
    sql = (
        "WITH hits AS (SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?), "
        "title_hits AS (SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?) "
        f"SELECT {columns}, d.id IN title_hits AS in_title "
        f"FROM hits JOIN documents AS d ON d.id = hits.id WHERE 1 {deleted} "
        "ORDER BY in_title DESC, d.updated_at DESC, d.id DESC LIMIT ?"
    )
    title_match = f"search_title : ({match})"
    return [
        SearchHit(_row(v[:-1]), bool(v[-1]))
        for v in db.conn.execute(sql, (match, title_match, limit))
    ]
