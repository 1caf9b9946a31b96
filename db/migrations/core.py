"""The core schema: documents, their bodies and search index, history snapshots, the office profile.

Migrations are append-only: once released, a migration is never edited; a change is a new one.
Listing must stay fast with thousands of 30 KB documents, so `documents` holds only the short,
denormalised columns a list shows and filters on; the JSON body and the folded search text live in
`document_bodies`, read only when one document is opened.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("baocao.core")


@migrations()
def m001_documents(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after a purge
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            number INTEGER CHECK (number IS NULL OR number >= 1),
            title TEXT NOT NULL,
            agency_abbr TEXT NOT NULL DEFAULT '',
            unit_abbr TEXT NOT NULL DEFAULT '',
            doc_date TEXT,          -- ISO date; NULL while a draft has no date
            year INTEGER NOT NULL,  -- of the date, else of the reporting period, else of creation
            deadline TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,        -- set: in the recycle bin, restorable
            revision INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX documents_by_update ON documents (deleted_at, updated_at DESC, id DESC);
        CREATE TABLE document_bodies (
            document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            body_json TEXT NOT NULL,
            search_title TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT ''
        );
        """
    )


@migrations()
def m002_search(db: Database) -> None:
    """Full-text search over the folded shadow columns, kept in sync by triggers.

    `remove_diacritics 2` folds ắ→a etc.; đ/Đ have no decomposition, so the service stores the
    search columns with đ already folded to d (see `desktop.services.search`).
    """
    db.executescript(
        """
        CREATE VIRTUAL TABLE documents_fts USING fts5 (
            search_title, search_text,
            content = 'document_bodies', content_rowid = 'document_id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER document_bodies_fts_insert AFTER INSERT ON document_bodies BEGIN
            INSERT INTO documents_fts (rowid, search_title, search_text)
            VALUES (new.document_id, new.search_title, new.search_text);
        END;
        CREATE TRIGGER document_bodies_fts_delete AFTER DELETE ON document_bodies BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, search_title, search_text)
            VALUES ('delete', old.document_id, old.search_title, old.search_text);
        END;
        CREATE TRIGGER document_bodies_fts_update AFTER UPDATE OF search_title, search_text
        ON document_bodies
        WHEN old.search_title IS NOT new.search_title OR old.search_text IS NOT new.search_text
        BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, search_title, search_text)
            VALUES ('delete', old.document_id, old.search_title, old.search_text);
            INSERT INTO documents_fts (rowid, search_title, search_text)
            VALUES (new.document_id, new.search_title, new.search_text);
        END;
        INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
        """
    )


@migrations()
def m003_snapshots(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            taken_at TEXT NOT NULL,
            reason TEXT NOT NULL,   -- auto, finalize, export, before-restore, before-replace …
            note TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            title TEXT NOT NULL,
            revision INTEGER NOT NULL,  -- the document revision this is a copy of
            body_json TEXT NOT NULL
        );
        CREATE INDEX snapshots_by_document ON snapshots (document_id, id);
        """
    )


@migrations()
def m004_profile_and_meta(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE office_profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),  -- one office per database
            body_json TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )
