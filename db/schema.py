"""The ordered registry of migration sets and applying them.

To add a set (say `db/migrations/evidence.py` defining `migrations = Migrations("baocao.evidence")`),
import it here and append it to `MIGRATION_SETS`. Sets apply in tuple order, each migration in its
own savepoint, all inside one `BEGIN IMMEDIATE` transaction so two processes opening a new
database at once cannot both create the same tables.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Migrations

from db.connection import Database, translate_errors, write_transaction
from db.errors import DatabaseForeign, DatabaseTooNew
from db.migrations import core, evidence

MIGRATION_SETS: tuple[Migrations, ...] = (core.migrations, evidence.migrations)

_MIGRATIONS_TABLE = Migrations.migrations_table


def pending_migrations(db: Database) -> list[str]:
    """Names (`set:name`) of migrations not yet applied, in application order. Read-only."""
    out: list[str] = []
    for migration_set in MIGRATION_SETS:
        out.extend(f"{migration_set.name}:{m.name}" for m in migration_set.pending(db))
    return out


def unknown_migrations(db: Database) -> list[str]:
    """Applied migrations this version of the program does not know: the file is newer."""
    exists = db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [_MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return []
    known = {(s.name, m.name) for s in MIGRATION_SETS for m in s._migrations}
    rows = db.conn.execute(f"SELECT migration_set, name FROM {_MIGRATIONS_TABLE}").fetchall()
    return sorted(f"{s}:{n}" for s, n in rows if s.startswith("baocao.") and (s, n) not in known)


def is_foreign(conn: sqlite3.Connection) -> bool:
    """True for a database with tables but none of ours: another program's file (or a file
    copied over ours by mistake), which migrating would quietly fill with our tables."""
    has_tables = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1"
    ).fetchone()
    if not has_tables:
        return False  # a new, empty file
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [_MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return True
    ours = conn.execute(
        f"SELECT 1 FROM {_MIGRATIONS_TABLE} WHERE migration_set LIKE 'baocao.%' LIMIT 1"
    ).fetchone()
    return not ours


def migrate(db: Database) -> list[str]:
    """Bring the schema to head; return the names applied (empty when already current).

    Refuses (`DatabaseForeign`) a file that holds another program's tables, and
    (`DatabaseTooNew`) one migrated by a newer version of this program; neither is written to.
    """
    with translate_errors(db.path):
        if is_foreign(db.conn):
            raise DatabaseForeign(db.path, "tables of another program, none of baocao's")
        unknown = unknown_migrations(db)
        if unknown:
            raise DatabaseTooNew(db.path, unknown)
        if not pending_migrations(db):
            return []
        with write_transaction(db):
            applied = pending_migrations(db)  # again, under the write lock
            for migration_set in MIGRATION_SETS:
                migration_set.apply(db)
        return applied
