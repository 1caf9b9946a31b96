from __future__ import annotations

import sqlite3

import pytest

from db.codec import pack
from db.connection import open_database
from db.errors import DatabaseTooNew
from db.migrations import core
from db.schema import MIGRATION_SETS, migrate, pending_migrations


def schema_sql(db) -> list[tuple[str, str]]:
    return db.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()


def test_empty_to_head_creates_every_table(tmp_path):
    db = open_database(tmp_path / "t.db")
    applied = migrate(db)
    expected = [f"{s.name}:{m.name}" for s in MIGRATION_SETS for m in s._migrations]
    assert applied == expected
    names = {row[0] for row in schema_sql(db)}
    assert {"documents", "document_bodies", "documents_fts", "snapshots", "office_profile",
            "meta"} <= names  # fmt: skip
    assert pending_migrations(db) == []


def test_applying_twice_is_a_no_op(tmp_path):
    db = open_database(tmp_path / "t.db")
    migrate(db)
    before = schema_sql(db)
    count = db.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert migrate(db) == []
    assert schema_sql(db) == before
    assert db.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == count


def test_upgrade_with_data_indexes_existing_documents(tmp_path):
    """A database made before the search index existed gets its documents indexed on upgrade."""
    db = open_database(tmp_path / "t.db")
    core.migrations.apply(db, stop_before="m002_search")
    db.conn.execute(
        "INSERT INTO documents (kind, status, title, year, created_at, updated_at) "
        "VALUES ('bao-cao', 'draft', 'Báo cáo', 2024, '2024-01-01', '2024-01-01')"
    )
    db.conn.execute(
        "INSERT INTO document_bodies (document_id, body, search) VALUES (1, ?, ?)",
        (pack("{}"), pack("bao cao\x00Dak Glei chuyen doi so")),
    )
    applied = migrate(db)
    assert applied[0] == "baocao.core:m002_search"
    rows = db.conn.execute(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH '\"dak glei\"'"
    ).fetchall()
    assert rows == [(1,)]
    # the data survived the rest of the upgrade
    assert db.conn.execute("SELECT title FROM documents").fetchall() == [("Báo cáo",)]


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    db = open_database(tmp_path / "t.db")
    migrate(db)
    db.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('baocao.core', 'm999_future', '2030-01-01')"
    )
    with pytest.raises(DatabaseTooNew) as info:
        migrate(db)
    assert info.value.unknown == ["baocao.core:m999_future"]


def test_connection_pragmas(tmp_path):
    db = open_database(tmp_path / "t.db", busy_timeout_ms=1234)
    pragma = lambda name: db.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 1234
    assert pragma("synchronous") == 2  # FULL


def test_foreign_keys_are_enforced(tmp_path):
    db = open_database(tmp_path / "t.db")
    migrate(db)
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute(
            "INSERT INTO snapshots (document_id, taken_at, reason, status, title, revision, body) "
            "VALUES (42, 'x', 'auto', 'draft', 't', 1, x'00')"
        )
