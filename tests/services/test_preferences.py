"""Window preferences live in the database of the data folder (portable installs keep them)."""

from __future__ import annotations

from desktop.services.preferences import MAX_VALUE_LENGTH, get_preference, set_preference
from desktop.services.store import StoreSettings, open_store


def test_preference_round_trips_and_survives_reopening(tmp_path):
    with open_store(tmp_path, settings=StoreSettings(backup_on_open=False)) as store:
        assert get_preference(store, "output/last_dir") == ""
        assert get_preference(store, "output/last_dir", "x") == "x"
        set_preference(store, "output/last_dir", "D:\\Báo cáo\\2025")
        set_preference(store, "output/last_dir", "E:\\Gửi đi")
    with open_store(tmp_path, settings=StoreSettings(backup_on_open=False)) as store:
        assert get_preference(store, "output/last_dir") == "E:\\Gửi đi"


def test_preferences_do_not_collide_with_internal_metadata(tmp_path):
    with open_store(tmp_path, settings=StoreSettings(backup_on_open=False)) as store:
        set_preference(store, "sample", "1")
        from desktop.services.sample import ensure_sample_document

        assert ensure_sample_document(store) is not None  # its own marker is not "pref:sample"


def test_over_long_values_are_not_kept(tmp_path):
    with open_store(tmp_path, settings=StoreSettings(backup_on_open=False)) as store:
        set_preference(store, "k", "a" * (MAX_VALUE_LENGTH + 1))
        assert get_preference(store, "k") == ""
