"""An evidence item as the rest of the program sees it (no database types)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.evidence.filetype import FileType, by_mime


@dataclass(frozen=True)
class EvidenceItem:
    """One attached file. `number` is what the user sees: 1..n, consecutive."""

    number: int
    caption: str
    block_id: str | None
    original_name: str
    size: int
    sha256: str
    mime: str
    added_at: str
    original_sha256: str | None = None  # set when this is a reduced copy
    original_size: int | None = None

    @property
    def file_type(self) -> FileType:
        return by_mime(self.mime)

    @property
    def reduced(self) -> bool:
        return self.original_sha256 is not None

    @property
    def saved_bytes(self) -> int:
        """Bytes saved by reducing (0 when not reduced)."""
        return max(0, (self.original_size or self.size) - self.size) if self.reduced else 0
