"""Removable drives (USB sticks) the package can be written to, with their free space."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/Volumes/", "/mnt/")


@dataclass(frozen=True)
class Drive:
    root: Path
    name: str
    free_bytes: int
    total_bytes: int
    removable: bool

    @property
    def label(self) -> str:
        from desktop.evidence.sizes import format_size

        kind = "USB" if self.removable else "ổ đĩa"
        return f"{self.name} ({self.root}) — {kind}, còn trống {format_size(self.free_bytes)}"


def _is_removable(root: str) -> bool:
    if sys.platform == "win32":
        import ctypes

        drive_removable = 2
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        return bool(kernel32.GetDriveTypeW(root) == drive_removable)
    return root.startswith(_REMOVABLE_ROOTS)


def list_drives(*, removable_only: bool = True) -> list[Drive]:
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        removable = _is_removable(root)
        if removable_only and not removable:
            continue
        name = volume.displayName() or volume.name() or root
        drives.append(
            Drive(Path(root), name, volume.bytesAvailable(), volume.bytesTotal(), removable)
        )
    return drives
