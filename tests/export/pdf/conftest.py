"""PDF tests run with the bundled Liberation Serif, so results do not depend on whether the
machine has Times New Roman (the metrics are identical; only the embedded font name differs)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from desktop.export.pdf.fonts import FONT_ENV


@pytest.fixture(autouse=True, scope="session")
def bundled_font() -> Iterator[None]:
    previous = os.environ.get(FONT_ENV)
    os.environ[FONT_ENV] = "liberation"
    yield
    if previous is None:
        os.environ.pop(FONT_ENV, None)
    else:
        os.environ[FONT_ENV] = previous
