"""Evidence items, the export log and received packages.

Migrations are append-only: once released, a migration is never edited; a change is a new one.

- `evidence_items`: one row per attached file of a document. `position` is the number the user
  sees (1..n, consecutive: detaching renumbers the items after it). The file itself lives in the
  content-addressed store under `sha256`; a reduced photo keeps its original's hash in
  `original_sha256` so the original can be restored.
- `exports`: every file the program wrote for someone else (DOCX, PDF, package, package part,
  cover sheet), with where, when and its hash: the file's SHA-256, and for a package its package
  hash (SHA-256 of the payload manifest, which lists every file's SHA-256): the office's proof of
  what it sent. Rows outlive the document
  (`ON DELETE SET NULL`) and carry the document's label as it was.
- `received_packages` / `received_files`: packages imported from other offices, with the hashes
  that were verified when they arrived.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("baocao.evidence")


@migrations()
def m001_evidence_items(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE evidence_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            caption TEXT NOT NULL,
            block_id TEXT,                  -- the block it supports; NULL: the whole document
            original_name TEXT NOT NULL,    -- the user's file name (NFC), for display and export
            size INTEGER NOT NULL CHECK (size >= 0),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            mime TEXT NOT NULL,
            original_sha256 TEXT CHECK (original_sha256 IS NULL OR length(original_sha256) = 64),
            original_size INTEGER,
            added_at TEXT NOT NULL,
            UNIQUE (document_id, position)
        );
        CREATE INDEX evidence_items_by_sha256 ON evidence_items (sha256);
        """
    )


@migrations()
def m002_exports(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE exports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
            document_label TEXT NOT NULL,   -- "Báo cáo số 12/BC-UBND" as it was at export time
            revision INTEGER,               -- the document revision that was exported
            kind TEXT NOT NULL CHECK (kind IN ('docx', 'pdf', 'package', 'part', 'cover')),
            path TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),  -- NULL for zips:
            package_id TEXT,                -- their identity is the SHA-256 of the payload manifest
            part INTEGER,
            part_count INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX exports_by_document ON exports (document_id, id);
        """
    )


@migrations()
def m003_received(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE received_packages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            package_id TEXT NOT NULL UNIQUE,    -- SHA-256 of the payload manifest
            bag_name TEXT NOT NULL,
            folder TEXT NOT NULL,               -- under <data dir>/received/
            source_organization TEXT NOT NULL DEFAULT '',
            external_identifier TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            bagging_date TEXT NOT NULL DEFAULT '',
            payload_bytes INTEGER NOT NULL,
            payload_files INTEGER NOT NULL,
            part_count INTEGER NOT NULL DEFAULT 1,
            source_path TEXT NOT NULL,
            metadata_json TEXT NOT NULL,
            received_at TEXT NOT NULL
        );
        CREATE TABLE received_files (
            package_id INTEGER NOT NULL REFERENCES received_packages (id) ON DELETE CASCADE,
            path TEXT NOT NULL,                 -- "data/…" inside the bag
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            PRIMARY KEY (package_id, path)
        );
        """
    )
