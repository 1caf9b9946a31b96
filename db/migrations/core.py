"""The core schema: documents, their bodies and search index, history snapshots, the office profile.

Migrations are append-only: once released, a migration is never edited; a change is a new one.
Listing must stay fast with thousands of 30 KB documents, so `documents` holds only the short,
denormalised columns a list shows and filters on; the JSON body and the folded search text live,
compressed (`db.codec`), in `document_bodies`, read only when one document is opened or saved.
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
            body BLOB NOT NULL,    -- db.codec.pack(JSON form of the document)
            search BLOB NOT NULL   -- db.codec.pack(folded title + NUL + folded text)
        );
        """
    )


@migrations()
def m002_search(db: Database) -> None:
    """Full-text index over the folded title and text of every document.

    Contentless (`content=''`): the folded text is kept once, compressed, in
    `document_bodies.search`, which is also what removing a document from the index needs.
    `remove_diacritics 2` folds ắ→a etc.; đ/Đ have no decomposition, so the folded text already
    has them as d/D (see `desktop.services.search`). Existing bodies are indexed here, so the
    migration also upgrades a database that has documents.
    """
    db.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
        "search_title, search_text, content = '', "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    # Self-contained on purpose: a migration must not call code that later versions change.
    from db.codec import unpack

    for document_id, packed in db.conn.execute("SELECT document_id, search FROM document_bodies"):
        title, _, text = unpack(packed).partition("\x00")
        db.conn.execute(
            "INSERT INTO documents_fts (rowid, search_title, search_text) VALUES (?, ?, ?)",
            (document_id, title, text),
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
            body BLOB NOT NULL          -- db.codec.pack(JSON form of the document)
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
