"""Small preferences of the window kept with the data (last export folder …), not in the
registry: a portable install on a USB stick takes them along and leaves nothing on the PC."""

from __future__ import annotations

from db import settings as db_settings
from desktop.services.store import Store

_PREFIX = "pref:"
MAX_VALUE_LENGTH = 4096


def get_preference(store: Store, key: str, default: str = "") -> str:
    with store.read() as db:
        value = db_settings.get_meta(db, _PREFIX + key)
    return default if value is None else value


def set_preference(store: Store, key: str, value: str) -> None:
    """Remember `value` (a path, a choice); over-long values are not worth keeping."""
    if len(value) > MAX_VALUE_LENGTH:
        return
    with store.write() as db:
        db_settings.set_meta(db, _PREFIX + key, value)
