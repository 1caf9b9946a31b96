"""Plain-text tables and JSON for command output (UTF-8; JSON keeps Vietnamese readable)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Sequence
from typing import Any


def display_width(text: str) -> int:
    """Columns a string takes in a terminal (combining marks take none, wide CJK two)."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns separated by two spaces; the last column is not padded."""
    widths = [display_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell + " " * (widths[i] - display_width(cell)) if i < len(cells) - 1 else cell
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)])


def date_vn(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
