"""Fixtures of the store service tests: a fake clock and a store in a temporary folder."""

from __future__ import annotations

import pytest

from desktop.services.profile import set_profile
from tests.helpers.stores import OFFICE, FakeClock, make_store


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(tmp_path, clock):
    s = make_store(tmp_path / "data", clock)
    yield s
    s.close()


@pytest.fixture
def office_store(store):
    set_profile(store, OFFICE)
    return store
