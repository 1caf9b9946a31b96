from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.errors import CorruptDatabaseError, DataInUseError, NotFoundError, UserError
from desktop.services import documents
from desktop.services.backups import backup_now, list_backups, restore_backup
from desktop.services.paths import DATA_DIR_ENV, resolve_data_dir
from desktop.services.store import StoreSettings, open_store
from tests.helpers.stores import FakeClock, make_store, report


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_data_dir_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(DATA_DIR_ENV)
    default = resolve_data_dir(None)
    assert default.name == "baocao" and default.is_absolute()
    assert resolve_data_dir(None, environ={DATA_DIR_ENV: "  "}) == default


def test_open_creates_the_folder_and_reports_a_new_store(tmp_path):
    folder = tmp_path / "a" / "b"
    with open_store(folder, clock=FakeClock()) as store:
        assert store.created and store.path == folder / "baocao.db"
    with open_store(folder, clock=FakeClock()) as store:
        assert not store.created


def test_unwritable_data_folder_is_explained(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Không tạo được thư mục dữ liệu"):
        open_store(blocker / "sub")


def test_backup_on_open_only_when_due(tmp_path):
    clock = FakeClock()
    folder = tmp_path / "d"
    make_store(folder, clock).close()
    assert len(list_backups(folder)) == 1  # the first open of a new store
    store = make_store(folder, clock)
    documents.add(store, report())
    store.close()
    clock.advance(minutes=30)
    make_store(folder, clock).close()
    assert len(list_backups(folder)) == 1  # changed, but the newest backup is recent
    clock.advance(minutes=31)
    make_store(folder, clock).close()
    assert len(list_backups(folder)) == 2  # changed and an hour old
    clock.advance(hours=5)
    make_store(folder, clock).close()
    assert len(list_backups(folder)) == 2  # old but nothing changed since


def test_backups_rotate(tmp_path):
    clock = FakeClock()
    store = make_store(tmp_path, clock, backup_keep=3)
    for _ in range(5):
        clock.advance(seconds=1)
        backup_now(store)
    store.close()
    assert len(list_backups(tmp_path)) == 3
    assert list_backups(tmp_path)[0].taken_at == clock.now


def damage(folder: Path) -> Path:
    path = folder / "baocao.db"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def test_corrupt_database_is_refused_untouched_with_restore_instructions(tmp_path):
    clock = FakeClock()
    store = make_store(tmp_path, clock)
    kept = documents.add(store, report("Trước khi sao lưu"))
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = backup_now(store)
    documents.add(store, report("Sau khi sao lưu"))
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = damage(tmp_path)
    before = digest(path)
    backups_before = list_backups(tmp_path)
    with pytest.raises(CorruptDatabaseError) as info:
        open_store(tmp_path, clock=clock)
    message = info.value.message
    assert "\n" not in message
    assert "bị hỏng" in message and "tệp được giữ nguyên" in message
    assert str(backup.path) in message
    assert f'baocao --data-dir "{tmp_path}" restore-backup' in message
    assert digest(path) == before
    assert list_backups(tmp_path) == backups_before  # no backup of a damaged file

    result = restore_backup(tmp_path, clock=clock)
    assert result.restored_from == backup.path
    assert result.moved_aside is not None and digest(result.moved_aside) == before
    with open_store(tmp_path, clock=clock) as store:
        assert [d.title for d in documents.list_documents(store)] == ["Trước khi sao lưu"]
        assert documents.get(store, kept).document.title == "Trước khi sao lưu"


def test_corrupt_database_without_backups_says_so(tmp_path):
    store = make_store(tmp_path, backup_on_open=False)
    documents.add(store, report())
    store.close()
    damage(tmp_path)
    with pytest.raises(CorruptDatabaseError, match="không có bản sao lưu nào"):
        open_store(tmp_path)
    with pytest.raises(NotFoundError, match="Không có bản sao lưu nào"):
        restore_backup(tmp_path)


def test_an_emptied_file_with_backups_is_damage_not_a_new_store(tmp_path):
    make_store(tmp_path).close()
    (tmp_path / "baocao.db").write_bytes(b"")
    with pytest.raises(CorruptDatabaseError, match="tệp rỗng"):
        open_store(tmp_path)
    assert (tmp_path / "baocao.db").stat().st_size == 0


def test_damage_found_later_by_a_query_is_reported_the_same_way(tmp_path):
    store = make_store(tmp_path, backup_on_open=False)
    for i in range(40):
        documents.add(store, report(f"Văn bản {i}"))
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = tmp_path / "baocao.db"
    data = bytearray(path.read_bytes())
    size = len(data)
    for offset in range(size // 2, size - 8192, 4096):  # garble pages in the second half
        data[offset + 100 : offset + 4000] = bytes(3900)
    path.write_bytes(bytes(data))
    with (
        pytest.raises(CorruptDatabaseError),
        open_store(tmp_path, settings=StoreSettings(backup_on_open=False)) as store,
    ):
        for summary in documents.list_documents(store):
            documents.get(store, summary.id)
        raise AssertionError("damage not detected")


def test_a_second_connection_works_and_a_held_lock_is_reported(tmp_path):
    with make_store(tmp_path) as first, make_store(tmp_path, busy_timeout_ms=100) as second:
        a = documents.add(first, report("Từ cửa sổ thứ nhất"))
        b = documents.add(second, report("Từ cửa sổ thứ hai"))
        assert {d.id for d in documents.list_documents(first)} == {a, b}
        blocker = sqlite3.connect(tmp_path / "baocao.db", isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            # readers are never blocked by a writer (WAL)
            assert len(documents.list_documents(second)) == 2
            with pytest.raises(DataInUseError) as info:
                documents.add(second, report())
            assert info.value.exit_code == 3
            assert "đang được một cửa sổ hoặc lệnh baocao khác ghi" in info.value.message
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert len(documents.list_documents(second)) == 2  # the refused write left nothing


def test_restore_a_chosen_backup_and_a_missing_one(tmp_path):
    clock = FakeClock()
    store = make_store(tmp_path, clock)
    clock.advance(minutes=1)
    first = backup_now(store)
    documents.add(store, report())
    store.close()
    with pytest.raises(NotFoundError, match="Không tìm thấy tệp sao lưu"):
        restore_backup(tmp_path, tmp_path / "nope.db", clock=clock)
    result = restore_backup(tmp_path, first.path, clock=clock)
    assert result.restored_from == first.path
    with open_store(tmp_path, clock=clock) as store:
        assert documents.list_documents(store) == []
    assert first.taken_at == dt.datetime(2026, 3, 5, 8, 1, tzinfo=dt.UTC)
