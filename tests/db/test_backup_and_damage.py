from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path

import pytest

from db import backup
from db.connection import check_database_file, open_database, write_transaction
from db.errors import DatabaseCorrupt
from db.schema import migrate


def make_db(path: Path, rows: int = 50) -> None:
    db = open_database(path)
    migrate(db)
    with write_transaction(db):
        for i in range(rows):
            db.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"k{i}", "x" * 2000))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_copies_checks_and_rotates(tmp_path):
    path = tmp_path / "baocao.db"
    make_db(path)
    db = open_database(path)
    made = [backup.create_backup(db, f"2026010{i}T000000Z", keep=3) for i in range(1, 6)]
    db.close()
    listed = backup.list_backups(path)
    assert [b.stamp for b in listed] == ["20260105T000000Z", "20260104T000000Z", "20260103T000000Z"]
    assert not made[0].path.exists() and made[-1].path.exists()
    copy = sqlite3.connect(made[-1].path)
    assert copy.execute("SELECT count(*) FROM meta").fetchone()[0] == 50
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    copy.close()


def test_same_stamp_twice_does_not_overwrite(tmp_path):
    path = tmp_path / "baocao.db"
    make_db(path, rows=1)
    db = open_database(path)
    a = backup.create_backup(db, "20260101T000000Z", keep=5)
    b = backup.create_backup(db, "20260101T000000Z", keep=5)
    db.close()
    assert a.path != b.path and a.path.exists() and b.path.exists()


def test_leftover_partial_files_are_not_backups_and_get_cleaned(tmp_path):
    path = tmp_path / "baocao.db"
    make_db(path, rows=1)
    folder = backup.backup_dir(path)
    folder.mkdir()
    stale = folder / "baocao-20250101T000000Z.db.123.partial"
    stale.write_bytes(b"half a copy")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    fresh = folder / "baocao-20250101T000001Z.db.456.partial"  # another process, still writing
    fresh.write_bytes(b"in progress")
    assert backup.list_backups(path) == []
    db = open_database(path)
    backup.create_backup(db, "20260101T000000Z", keep=5)
    db.close()
    assert not stale.exists() and fresh.exists()


def corrupt_middle_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = b"\xff" * page
    path.write_bytes(bytes(data))


def test_a_damaged_source_never_pushes_good_backups_out(tmp_path):
    path = tmp_path / "baocao.db"
    make_db(path, rows=200)
    db = open_database(path)
    good = backup.create_backup(db, "20260101T000000Z", keep=1)
    db.close()
    corrupt_middle_page(path)
    db = open_database(path)  # the header and schema are intact, so it opens
    with pytest.raises(DatabaseCorrupt):
        backup.create_backup(db, "20260102T000000Z", keep=1)
    db.close()
    assert [b.path for b in backup.list_backups(path)] == [good.path]
    assert not list(backup.backup_dir(path).glob("*.partial"))  # its own partial copy is gone


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(p.read_bytes()[:-100]),
        lambda p: p.write_bytes(b"\x00" * 100 + p.read_bytes()[100:]),
        lambda p: p.write_bytes(b"PK\x03\x04 not a database at all" * 10),
        lambda p: p.write_bytes(b"SQLite"),
    ],
    ids=["half", "tail-cut", "zeroed-header", "foreign-file", "tiny"],
)
def test_damaged_files_are_refused_without_being_touched(tmp_path, damage):
    path = tmp_path / "baocao.db"
    make_db(path)
    damage(path)
    before = digest(path)
    with pytest.raises(DatabaseCorrupt):
        check_database_file(path)
    with pytest.raises(DatabaseCorrupt):
        open_database(path)
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_restore_moves_the_damaged_file_aside_and_copies_the_backup(tmp_path):
    path = tmp_path / "baocao.db"
    make_db(path, rows=10)
    db = open_database(path)
    good = backup.create_backup(db, "20260101T000000Z", keep=3)
    db.close()
    path.write_bytes(path.read_bytes()[:5000])
    damaged = digest(path)
    Path(f"{path}-wal").write_bytes(b"stale log of the damaged file")
    moved = backup.restore_backup(path, good.path, "hong-1")
    assert moved == tmp_path / "baocao.db.hong-1"
    assert digest(moved) == damaged
    assert (tmp_path / "baocao.db.hong-1-wal").read_bytes() == b"stale log of the damaged file"
    assert not Path(f"{path}-wal").exists()
    db = open_database(path)
    assert db.conn.execute("SELECT count(*) FROM meta").fetchone()[0] == 10
    db.close()
    assert good.path.exists()


def test_restoring_a_damaged_backup_is_refused(tmp_path):
    path = tmp_path / "baocao.db"
    make_db(path, rows=1)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"junk" * 100)
    before = digest(path)
    with pytest.raises(DatabaseCorrupt):
        backup.restore_backup(path, bad, "hong-1")
    assert digest(path) == before
