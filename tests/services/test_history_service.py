from __future__ import annotations

import pytest

from desktop.errors import NotFoundError
from desktop.services import documents, history
from desktop.services.history import SnapshotReason
from desktop.services.store import StoreSettings
from tests.helpers.stores import FakeClock, make_store, report


def edit(store, doc_id: int, title: str) -> None:
    current = documents.get(store, doc_id).document
    documents.save(store, doc_id, current.with_changes(title=title))


def reasons(store, doc_id: int) -> list[str]:
    return [s.reason.value for s in history.list_history(store, doc_id)]


def test_at_most_one_automatic_snapshot_per_interval_of_editing(store, clock):
    doc_id = documents.add(store, report().with_changes(title="v0"))
    edit(store, doc_id, "v1")  # first edit: the created state is kept
    snaps = history.list_history(store, doc_id)
    assert [s.title for s in snaps] == ["v0"] and snaps[0].reason is SnapshotReason.AUTO
    for minute in range(1, 10):  # keep typing for nine minutes: no new snapshot
        clock.advance(minutes=1)
        edit(store, doc_id, f"v1.{minute}")
    assert len(history.list_history(store, doc_id)) == 1
    clock.advance(minutes=1)  # ten minutes after the last snapshot
    edit(store, doc_id, "v2")
    assert [s.title for s in history.list_history(store, doc_id)] == ["v1.9", "v0"]


def test_interval_is_configurable_and_old_automatic_snapshots_are_pruned(tmp_path):
    clock = FakeClock()
    store = make_store(tmp_path, clock, auto_snapshot_interval=__import__("datetime").timedelta(0),
                       auto_snapshot_keep=3)  # fmt: skip
    doc_id = documents.add(store, report().with_changes(title="v0"))
    for i in range(1, 7):
        clock.advance(seconds=1)
        edit(store, doc_id, f"v{i}")
    assert [s.title for s in history.list_history(store, doc_id)] == ["v5", "v4", "v3"]
    documents.finalize(store, doc_id)
    for i in range(7, 12):
        clock.advance(seconds=1)
        edit(store, doc_id, f"v{i}")
    kept = history.list_history(store, doc_id)
    assert [s.reason.value for s in kept].count("finalize") == 1  # never pruned
    assert [s.reason.value for s in kept].count("auto") == 3
    store.close()


def test_restore_snapshots_the_current_state_first(store, clock):
    doc_id = documents.add(store, report().with_changes(title="gửi đi"))
    documents.finalize(store, doc_id)
    finalized = history.list_history(store, doc_id)[0]
    clock.advance(minutes=30)
    edit(store, doc_id, "sửa sau khi gửi")
    history.restore(store, doc_id, finalized.id)
    now = documents.get(store, doc_id).document
    assert now.title == "gửi đi" and now.status.value == "finalized"
    snaps = history.list_history(store, doc_id)
    assert snaps[0].reason is SnapshotReason.BEFORE_RESTORE
    assert snaps[0].title == "sửa sau khi gửi"
    # the restore can itself be undone
    history.restore(store, doc_id, snaps[0].id)
    assert documents.get(store, doc_id).document.title == "sửa sau khi gửi"


def test_export_snapshot_and_labels(store):
    doc_id = documents.add(store, report())
    history.take_snapshot(store, doc_id, SnapshotReason.EXPORT, "PDF gửi Sở Nội vụ")
    snap = history.list_history(store, doc_id)[0]
    assert (snap.reason_label, snap.note, snap.status_label) == (
        "Xuất tệp", "PDF gửi Sở Nội vụ", "Dự thảo"
    )  # fmt: skip
    assert (
        history.snapshot_document(store, doc_id, snap.id) == documents.get(store, doc_id).document
    )


def test_snapshots_of_another_document_cannot_be_restored_into_this_one(store):
    a = documents.add(store, report())
    b = documents.add(store, report())
    snap = history.take_snapshot(store, a)
    with pytest.raises(NotFoundError, match="không có bản lưu lịch sử"):
        history.restore(store, b, snap)
    with pytest.raises(NotFoundError):
        history.list_history(store, 999)


def test_history_goes_away_only_with_a_purge(store):
    doc_id = documents.add(store, report())
    history.take_snapshot(store, doc_id)
    documents.delete(store, doc_id)
    assert len(history.list_history(store, doc_id)) == 1
    documents.purge(store, doc_id)
    assert store.db.conn.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 0


def test_settings_default_interval():
    assert StoreSettings().auto_snapshot_interval.total_seconds() == 600
