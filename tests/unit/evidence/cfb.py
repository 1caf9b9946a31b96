"""A minimal OLE compound file (MS-CFB v3) with the given stream names, for type detection."""

from __future__ import annotations

import struct

FREE = 0xFFFFFFFF
END = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD


def _entry(name: str, kind: int) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    entry = bytearray(128)
    entry[: len(raw)] = raw
    struct.pack_into("<HBB", entry, 0x40, len(raw), kind, 1)
    struct.pack_into("<III", entry, 0x44, FREE, FREE, FREE)
    return bytes(entry)


def compound_file(*stream_names: str) -> bytes:
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)  # directory starts at sector 1
    struct.pack_into("<I", header, 0x38, 4096)
    struct.pack_into("<IIII", header, 0x3C, END, 0, END, 0)
    difat = [0] + [FREE] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    fat = [FATSECT, END] + [FREE] * 126
    directory = _entry("Root Entry", 5) + b"".join(_entry(n, 2) for n in stream_names)
    directory = directory.ljust(512, b"\x00")[:512]
    return bytes(header) + struct.pack("<128I", *fat) + directory
