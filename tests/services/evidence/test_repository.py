"""The evidence migration set and repository functions (db/evidence.py) on a bare database."""

from __future__ import annotations

import pytest

from db import evidence as repo
from db.connection import open_database, write_transaction
from db.migrations import evidence as evidence_migrations
from db.schema import MIGRATION_SETS, migrate


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "t.db")
    migrate(database)
    with write_transaction(database):
        database.conn.execute(
            "INSERT INTO documents (kind, status, title, year, created_at, updated_at) "
            "VALUES ('bao-cao', 'draft', 'x', 2026, 'now', 'now')"
        )
    yield database
    database.close()


def new(n: int) -> repo.NewEvidence:
    return repo.NewEvidence(f"Tài liệu {n}", None, f"{n}.pdf", n, f"{n:064x}", "application/pdf")


def test_the_set_is_registered_and_applying_twice_is_a_no_op(db):
    assert evidence_migrations.migrations in MIGRATION_SETS
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"evidence_items", "exports", "received_packages", "received_files"} <= tables
    assert migrate(db) == []


def test_positions_stay_consecutive_after_deletes(db):
    with write_transaction(db):
        repo.add_items(db, 1, [new(n) for n in range(1, 6)], "t")
        repo.delete_item(db, 1, 2)
        repo.delete_item(db, 1, 4)  # the former number 5
    rows = repo.list_items(db, 1)
    assert [r.position for r in rows] == [1, 2, 3]
    assert [r.caption for r in rows] == ["Tài liệu 1", "Tài liệu 3", "Tài liệu 4"]
    with write_transaction(db):
        added = repo.add_items(db, 1, [new(9)], "t")
    assert added[0].position == 4


def test_referenced_hashes_include_kept_originals(db):
    with write_transaction(db):
        row = repo.add_items(db, 1, [new(1)], "t")[0]
        repo.replace_content(db, row.id, sha256="ab" * 32, size=1, mime="image/jpeg",
                             original_sha256=row.sha256, original_size=row.size)  # fmt: skip
    assert repo.referenced_hashes(db) == {"ab" * 32, row.sha256}


def test_export_rows_outlive_their_document(db):
    export = repo.NewExport(1, "Báo cáo số 1/BC-UBND", 3, "package", "/usb/x.zip", 10, "cd" * 32,
                            package_id="ef" * 32)  # fmt: skip
    with write_transaction(db):
        repo.insert_export(db, export, "t")
        db.conn.execute("DELETE FROM documents WHERE id = 1")
    rows = repo.list_exports(db)
    assert len(rows) == 1 and rows[0].document_id is None
    assert rows[0].document_label == "Báo cáo số 1/BC-UBND"
    assert repo.find_exports_by_sha256(db, "ef" * 32) == rows
    assert repo.list_items(db, 1) == []  # items went with the document (cascade)
