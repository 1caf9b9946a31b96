"""File sizes as people write them: `25MB`, `2,5 GB`, `700 KiB` in, `2,5 MB` out.

Decimal units (KB, MB, GB = 1000ⁿ) are what mail providers and USB stick labels use; binary
units (KiB, MiB, GiB) are accepted for people who mean them. Output uses the Vietnamese decimal
comma.
"""

from __future__ import annotations

import re

_UNITS: dict[str, int] = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "m": 1000**2,
    "mb": 1000**2,
    "g": 1000**3,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}

_SIZE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-zA-Z]*)\s*$")


def parse_size(text: str) -> int:
    """Parse a size; raise ValueError with a Vietnamese message when it is not one."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"dung lượng không hợp lệ: {text!r} (ví dụ: 25MB, 2,5GB, 700KB)")
    number = float(match.group(1).replace(",", "."))
    unit = match.group(2).lower()
    if unit not in _UNITS:
        raise ValueError(f"đơn vị dung lượng không hợp lệ: {match.group(2)!r} (dùng KB, MB, GB)")
    value = int(number * _UNITS[unit])
    if value <= 0:
        raise ValueError("dung lượng phải lớn hơn 0")
    return value


def format_size(size: int) -> str:
    """`1536` → `1,5 KB`; `25_000_000` → `25 MB` (decimal units, decimal comma)."""
    if size < 1000:
        return f"{size} B"
    for unit, factor in (("KB", 1000), ("MB", 1000**2), ("GB", 1000**3), ("TB", 1000**4)):
        value = size / factor
        text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
        if float(text) >= 1000 and unit != "TB":
            continue  # 999.96 KB rounds to 1000: say 1 MB instead
        if text.endswith(".0"):
            text = text[:-2]
        return f"{text.replace('.', ',')} {unit}"
    raise AssertionError(size)
