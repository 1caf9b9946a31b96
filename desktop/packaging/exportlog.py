"""The export log: what the office sent, when, where, with which hashes.

Every package, package part and cover sheet written by `baocao package` is recorded here; the
DOCX/PDF exporters record their files with `record_file`. Rows outlive the document (they are
proof of what was sent) and keep the document's label as it was at the time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db import evidence as repo
from desktop.model.document import Document
from desktop.packaging.hashing import CHUNK_SIZE
from desktop.packaging.identity import document_label
from desktop.services.clock import from_iso
from desktop.services.store import Store

KIND_LABELS = {
    "docx": "Văn bản DOCX",
    "pdf": "Văn bản PDF",
    "package": "Gói văn bản",
    "part": "Phần của gói",
    "cover": "Phiếu gửi",
}


@dataclass(frozen=True)
class ExportEntry:
    id: int
    document_id: int | None
    document_label: str
    revision: int | None
    kind: str
    path: str
    size: int
    sha256: str | None  # the file's own SHA-256 (None for package zips: see package_id)
    package_id: str | None
    part: int | None
    part_count: int | None
    created_at: dt.datetime

    @property
    def kind_label(self) -> str:
        label = KIND_LABELS.get(self.kind, self.kind)
        if self.part is not None and self.part_count:
            label += f" {self.part}/{self.part_count}"
        return label


def _entry(row: repo.ExportRow) -> ExportEntry:
    return ExportEntry(
        row.id, row.document_id, row.document_label, row.revision, row.kind, row.path, row.size,
        row.sha256, row.package_id, row.part, row.part_count, from_iso(row.created_at),
    )  # fmt: skip


def file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK_SIZE):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def record(store: Store, exports: Sequence[repo.NewExport]) -> list[int]:
    """Record several written files in one transaction."""
    with store.write() as db:
        now = store.now_iso()
        return [repo.insert_export(db, e, now) for e in exports]


def record_file(
    store: Store,
    *,
    document_id: int,
    document: Document,
    revision: int | None,
    kind: str,
    path: Path,
) -> int:
    """Record one exported file (DOCX/PDF exporters call this after writing it)."""
    sha256, size = file_sha256(path)
    export = repo.NewExport(
        document_id=document_id,
        document_label=document_label(document),
        revision=revision,
        kind=kind,
        path=str(path.absolute()),
        size=size,
        sha256=sha256,
    )
    return record(store, [export])[0]


def list_exports(store: Store, document_id: int | None = None) -> list[ExportEntry]:
    with store.read() as db:
        return [_entry(r) for r in repo.list_exports(db, document_id)]


def find_by_hash(store: Store, sha256: str) -> list[ExportEntry]:
    """Which export wrote a file with this hash, or a package with this package hash? (At
    least 8 hex digits; fewer than 64 match as a prefix.)"""
    with store.read() as db:
        return [_entry(r) for r in repo.find_exports_by_sha256(db, sha256.lower())]
