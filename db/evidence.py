"""Repository functions for evidence items, the export log and received packages.

Plain SQL in, frozen dataclasses out. Callers wrap writes in `db.connection.write_transaction`
(one per user command). Positions are kept consecutive (1..n per document) by `delete_item`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from db.connection import Database

_ITEM_COLUMNS = (
    "id, document_id, position, caption, block_id, original_name, size, sha256, mime, "
    "original_sha256, original_size, added_at"
)


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    id: int
    document_id: int
    position: int
    caption: str
    block_id: str | None
    original_name: str
    size: int
    sha256: str
    mime: str
    original_sha256: str | None  # set on a reduced copy: the kept original
    original_size: int | None
    added_at: str


@dataclass(frozen=True, slots=True)
class NewEvidence:
    caption: str
    block_id: str | None
    original_name: str
    size: int
    sha256: str
    mime: str


def _item(values: Sequence[object]) -> EvidenceRow:
    return EvidenceRow(*values)  # type: ignore[arg-type]


def list_items(db: Database, document_id: int) -> list[EvidenceRow]:
    rows = db.conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM evidence_items WHERE document_id = ? ORDER BY position",
        (document_id,),
    )
    return [_item(r) for r in rows]


def get_item(db: Database, document_id: int, position: int) -> EvidenceRow | None:
    values = db.conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM evidence_items WHERE document_id = ? AND position = ?",
        (document_id, position),
    ).fetchone()
    return _item(values) if values else None


def count_items(db: Database, document_id: int) -> int:
    return int(
        db.conn.execute(
            "SELECT count(*) FROM evidence_items WHERE document_id = ?", (document_id,)
        ).fetchone()[0]
    )


def add_items(
    db: Database, document_id: int, items: Iterable[NewEvidence], now: str
) -> list[EvidenceRow]:
    """Append items after the last position; return them as stored."""
    (last,) = db.conn.execute(
        "SELECT coalesce(max(position), 0) FROM evidence_items WHERE document_id = ?",
        (document_id,),
    ).fetchone()
    added = []
    for offset, item in enumerate(items, start=1):
        cursor = db.conn.execute(
            "INSERT INTO evidence_items (document_id, position, caption, block_id, "
            "original_name, size, sha256, mime, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document_id, int(last) + offset, item.caption, item.block_id,
                item.original_name, item.size, item.sha256, item.mime, now,
            ),
        )  # fmt: skip
        assert cursor.lastrowid is not None
        values = db.conn.execute(
            f"SELECT {_ITEM_COLUMNS} FROM evidence_items WHERE id = ?", (cursor.lastrowid,)
        ).fetchone()
        added.append(_item(values))
    return added


def delete_item(db: Database, document_id: int, position: int) -> EvidenceRow | None:
    """Remove one item and close the gap: the items after it move up by one."""
    row = get_item(db, document_id, position)
    if row is None:
        return None
    db.conn.execute("DELETE FROM evidence_items WHERE id = ?", (row.id,))
    # SQLite checks UNIQUE row by row, so shifting in place could collide half-way: move the
    # tail to negative positions first, then back.
    db.conn.execute(
        "UPDATE evidence_items SET position = -(position - 1) "
        "WHERE document_id = ? AND position > ?",
        (document_id, position),
    )
    db.conn.execute(
        "UPDATE evidence_items SET position = -position WHERE document_id = ? AND position < 0",
        (document_id,),
    )
    return row


def insert_item_at(db: Database, document_id: int, row: EvidenceRow) -> EvidenceRow:
    """Put a removed item back at its old position (the items from there move down by one),
    keeping its caption, link, content and the time it was first added (undo of a removal)."""
    (count,) = db.conn.execute(
        "SELECT count(*) FROM evidence_items WHERE document_id = ?", (document_id,)
    ).fetchone()
    position = max(1, min(row.position, int(count) + 1))
    # Shift the tail through negative positions, as delete_item does (UNIQUE is checked per row).
    db.conn.execute(
        "UPDATE evidence_items SET position = -(position + 1) "
        "WHERE document_id = ? AND position >= ?",
        (document_id, position),
    )
    db.conn.execute(
        "UPDATE evidence_items SET position = -position WHERE document_id = ? AND position < 0",
        (document_id,),
    )
    cursor = db.conn.execute(
        "INSERT INTO evidence_items (document_id, position, caption, block_id, original_name, "
        "size, sha256, mime, original_sha256, original_size, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document_id, position, row.caption, row.block_id, row.original_name, row.size,
            row.sha256, row.mime, row.original_sha256, row.original_size, row.added_at,
        ),
    )  # fmt: skip
    values = db.conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM evidence_items WHERE id = ?", (cursor.lastrowid,)
    ).fetchone()
    return _item(values)


def update_caption(db: Database, item_id: int, caption: str, block_id: str | None) -> None:
    db.conn.execute(
        "UPDATE evidence_items SET caption = ?, block_id = ? WHERE id = ?",
        (caption, block_id, item_id),
    )


def replace_content(
    db: Database,
    item_id: int,
    *,
    sha256: str,
    size: int,
    mime: str,
    original_sha256: str | None,
    original_size: int | None,
) -> None:
    """Point an item at other content (a reduced copy, or back to its original)."""
    db.conn.execute(
        "UPDATE evidence_items SET sha256 = ?, size = ?, mime = ?, original_sha256 = ?, "
        "original_size = ? WHERE id = ?",
        (sha256, size, mime, original_sha256, original_size, item_id),
    )


def referenced_hashes(db: Database) -> set[str]:
    """Every blob some evidence item needs: its content and a reduced item's original."""
    out: set[str] = set()
    for sha, original in db.conn.execute("SELECT sha256, original_sha256 FROM evidence_items"):
        out.add(sha)
        if original:
            out.add(original)
    return out


# --------------------------------------------------------------------------------------------
# The export log

_EXPORT_COLUMNS = (
    "id, document_id, document_label, revision, kind, path, size, sha256, package_id, part, "
    "part_count, created_at"
)


@dataclass(frozen=True, slots=True)
class ExportRow:
    id: int
    document_id: int | None
    document_label: str
    revision: int | None
    kind: str  # docx, pdf, package, part, cover
    path: str
    size: int
    sha256: str | None  # None for package zips: see package_id
    package_id: str | None
    part: int | None
    part_count: int | None
    created_at: str


@dataclass(frozen=True, slots=True)
class NewExport:
    document_id: int | None
    document_label: str
    revision: int | None
    kind: str
    path: str
    size: int
    sha256: str | None
    package_id: str | None = None
    part: int | None = None
    part_count: int | None = None


def insert_export(db: Database, export: NewExport, now: str) -> int:
    cursor = db.conn.execute(
        "INSERT INTO exports (document_id, document_label, revision, kind, path, size, sha256, "
        "package_id, part, part_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            export.document_id, export.document_label, export.revision, export.kind,
            export.path, export.size, export.sha256, export.package_id, export.part,
            export.part_count, now,
        ),
    )  # fmt: skip
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_exports(db: Database, document_id: int | None = None) -> list[ExportRow]:
    """Oldest first; all documents when `document_id` is None."""
    if document_id is None:
        rows = db.conn.execute(f"SELECT {_EXPORT_COLUMNS} FROM exports ORDER BY id")
    else:
        rows = db.conn.execute(
            f"SELECT {_EXPORT_COLUMNS} FROM exports WHERE document_id = ? ORDER BY id",
            (document_id,),
        )
    return [ExportRow(*r) for r in rows]


def find_exports_by_sha256(db: Database, sha256: str) -> list[ExportRow]:
    """Which export produced a file with this hash (or a package with this id)? A shorter
    value matches as a prefix (the first groups a person copies off a printed cover sheet)."""
    if len(sha256) >= 64:
        rows = db.conn.execute(
            f"SELECT {_EXPORT_COLUMNS} FROM exports WHERE sha256 = ? OR package_id = ? ORDER BY id",
            (sha256, sha256),
        )
    else:
        rows = db.conn.execute(
            f"SELECT {_EXPORT_COLUMNS} FROM exports "
            "WHERE substr(sha256, 1, ?) = ? OR substr(package_id, 1, ?) = ? ORDER BY id",
            (len(sha256), sha256, len(sha256), sha256),
        )
    return [ExportRow(*r) for r in rows]


# --------------------------------------------------------------------------------------------
# Received packages

_RECEIVED_COLUMNS = (
    "id, package_id, bag_name, folder, source_organization, external_identifier, description, "
    "bagging_date, payload_bytes, payload_files, part_count, source_path, received_at"
)


@dataclass(frozen=True, slots=True)
class ReceivedRow:
    id: int
    package_id: str
    bag_name: str
    folder: str
    source_organization: str
    external_identifier: str
    description: str
    bagging_date: str
    payload_bytes: int
    payload_files: int
    part_count: int
    source_path: str
    received_at: str


@dataclass(frozen=True, slots=True)
class NewReceived:
    package_id: str
    bag_name: str
    folder: str
    source_organization: str
    external_identifier: str
    description: str
    bagging_date: str
    payload_bytes: int
    payload_files: int
    part_count: int
    source_path: str
    metadata_json: str
    files: tuple[tuple[str, int, str], ...]  # (path, size, sha256)


def insert_received(db: Database, received: NewReceived, now: str) -> int:
    cursor = db.conn.execute(
        "INSERT INTO received_packages (package_id, bag_name, folder, source_organization, "
        "external_identifier, description, bagging_date, payload_bytes, payload_files, "
        "part_count, source_path, metadata_json, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            received.package_id, received.bag_name, received.folder,
            received.source_organization, received.external_identifier, received.description,
            received.bagging_date, received.payload_bytes, received.payload_files,
            received.part_count, received.source_path, received.metadata_json, now,
        ),
    )  # fmt: skip
    row_id = cursor.lastrowid
    assert row_id is not None
    db.conn.executemany(
        "INSERT INTO received_files (package_id, path, size, sha256) VALUES (?, ?, ?, ?)",
        [(row_id, path, size, sha) for path, size, sha in received.files],
    )
    return row_id


def get_received_by_package_id(db: Database, package_id: str) -> ReceivedRow | None:
    values = db.conn.execute(
        f"SELECT {_RECEIVED_COLUMNS} FROM received_packages WHERE package_id = ?", (package_id,)
    ).fetchone()
    return ReceivedRow(*values) if values else None


def list_received(db: Database) -> list[ReceivedRow]:
    """Newest first."""
    rows = db.conn.execute(f"SELECT {_RECEIVED_COLUMNS} FROM received_packages ORDER BY id DESC")
    return [ReceivedRow(*r) for r in rows]


def get_received_metadata(db: Database, received_id: int) -> str | None:
    values = db.conn.execute(
        "SELECT metadata_json FROM received_packages WHERE id = ?", (received_id,)
    ).fetchone()
    return str(values[0]) if values else None


def list_received_files(db: Database, received_id: int) -> list[tuple[str, int, str]]:
    rows = db.conn.execute(
        "SELECT path, size, sha256 FROM received_files WHERE package_id = ? ORDER BY path",
        (received_id,),
    )
    return [(str(p), int(s), str(h)) for p, s, h in rows]
