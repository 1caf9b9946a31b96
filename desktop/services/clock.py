"""Time, injectable. Services never call `datetime.now()` themselves: tests pass a fake clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_iso(moment: dt.datetime) -> str:
    """UTC, fixed width (`2026-11-22T02:30:08.000000+00:00`), so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware one (UTC)")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def file_stamp(moment: dt.datetime) -> str:
    """A UTC stamp for file names: `20261122T023008000000Z` (sortable, no colons for Windows)."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def parse_file_stamp(stamp: str) -> dt.datetime:
    fmt = "%Y%m%dT%H%M%S%fZ" if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
    return dt.datetime.strptime(stamp, fmt).replace(tzinfo=dt.UTC)


def local_display(moment: dt.datetime) -> str:
    """`22/11/2026 09:30` in the computer's time zone, the way Vietnamese offices write it."""
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")
