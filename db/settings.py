"""The office profile (one per database) and small key/value metadata."""

from __future__ import annotations

from db.connection import Database


def get_profile_json(db: Database) -> str | None:
    row = db.conn.execute("SELECT body_json FROM office_profile WHERE id = 1").fetchone()
    return None if row is None else str(row[0])


def set_profile_json(db: Database, body_json: str, now: str) -> None:
    db.conn.execute(
        "INSERT INTO office_profile (id, body_json, updated_at) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET body_json = excluded.body_json, "
        "updated_at = excluded.updated_at",
        (body_json, now),
    )


def get_meta(db: Database, key: str) -> str | None:
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: Database, key: str, value: str) -> None:
    db.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
