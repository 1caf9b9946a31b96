"""`baocao package`: export the report, plan the bag, write the zip(s) and the cover sheet.

The documents are rendered once from one immutable snapshot of the document, so the DOCX, the
PDF and `metadata.json` in a package always agree. Every zip is streamed straight into the
destination (no staging copy of the evidence), verified by reading it back, and only then given
its final name; a copy of the cover sheet is put next to the zips for printing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.evidence.items import EvidenceItem
from desktop.jobs import NEVER_CANCELLED, CancelToken, Progress, no_progress
from desktop.model.document import Document
from desktop.packaging.atomic import Destination
from desktop.packaging.cover import CoverFile, CoverInfo, render_cover
from desktop.packaging.hashing import Region, Writable
from desktop.packaging.plan import PackagePlan, Part, PayloadFile, Renderer, plan_package
from desktop.packaging.zipwriter import write_part


@dataclass(frozen=True)
class PackageRequest:
    document: Document  # the snapshot to export
    document_id: int
    revision: int
    evidence: Sequence[EvidenceItem]
    blob_path: Callable[[str], Path]  # evidence store: hash → file
    render: Renderer
    out_dir: Path
    now: dt.datetime
    generator: str
    max_part_size: int | None = None
    overwrite: bool = False
    organization: str = ""  # the office profile's agency, when the document has none


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    sha256: str | None  # the file's SHA-256: the cover sheet; None for zips (see below)
    size: int
    kind: str  # "package", "part" or "cover"
    part: int | None = None
    part_count: int | None = None


# A zip is identified by its package hash (SHA-256 of the payload manifest, on the cover sheet),
# not by the SHA-256 of its bytes: computing that would cost a second SHA-256 pass over the whole
# package for no extra proof (the manifest already holds every file's SHA-256).


@dataclass(frozen=True)
class PackageResult:
    plan: PackagePlan
    files: tuple[WrittenFile, ...]

    @property
    def package_id(self) -> str:
        return self.plan.package_id

    @property
    def zips(self) -> tuple[WrittenFile, ...]:
        return tuple(f for f in self.files if f.kind != "cover")

    @property
    def cover(self) -> WrittenFile:
        return next(f for f in self.files if f.kind == "cover")


def cover_info(plan: PackagePlan, document: Document) -> CoverInfo:
    return CoverInfo(
        parent_agency=document.parent_agency,
        issuing_agency=document.issuing_agency or plan.organization,
        place=document.place,
        created=plan.created,
        document_label=plan.document_label,
        subject=plan.subject,
        recipients=document.recipients,
        package_id=plan.package_id,
        parts=tuple((p.zip_name, p.payload_bytes) for p in plan.parts),
        files=tuple(
            CoverFile(f.path, f.label, f.size, f.part) for f in sorted(plan.files, key=_cover_order)
        ),
    )


def _cover_order(f: PayloadFile) -> tuple[int, int, str]:
    """Documents first, then metadata.json, then evidence by number."""
    group = 0 if f.path.startswith("data/van-ban/") else 2 if f.number is not None else 1
    return (group, f.number or 0, f.path)


def cover_copy_name(plan: PackagePlan) -> str:
    return f"{plan.base_name}.phieu-gui.pdf"


def build_package(
    request: PackageRequest,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> PackageResult:
    progress(0, 1, "Đang xuất văn bản (DOCX, PDF)…")
    rendered = request.render(request.document)
    cancel.raise_if_cancelled()
    plan = plan_package(
        document=request.document,
        document_id=request.document_id,
        revision=request.revision,
        rendered=rendered,
        evidence=request.evidence,
        blob_path=request.blob_path,
        now=request.now,
        generator=request.generator,
        max_part_size=request.max_part_size,
        organization=request.organization,
    )
    cover = render_cover(cover_info(plan, request.document))
    cancel.raise_if_cancelled()

    total = 2 * plan.payload_bytes + 1  # written, then read back
    done = 0

    def tick(n: int, label: str) -> None:
        nonlocal done
        done += n
        progress(min(done, total - 1), total, label)

    names = [p.zip_name for p in plan.parts] + [cover_copy_name(plan)]
    written: list[WrittenFile] = []
    with Destination(request.out_dir, overwrite=request.overwrite) as destination:
        destination.prepare(names, plan.estimated_size + len(cover))
        for part in plan.parts:

            def produce(f: Writable, part: Part = part) -> tuple[list[Region], int]:
                result = write_part(f, plan, part, cover, tick=tick, cancel=cancel)
                return result.regions, result.size

            staged = destination.write(
                part.zip_name, produce, read_progress=lambda n: tick(n, "Đang đọc lại để kiểm tra…")
            )
            kind = "part" if plan.split else "package"
            count = len(plan.parts) if plan.split else None
            index = part.index if plan.split else None
            written.append(WrittenFile(staged.final, None, staged.size, kind, index, count))
        cancel.raise_if_cancelled()
        staged = destination.write_bytes(cover_copy_name(plan), cover)
        cover_sha = hashlib.sha256(cover).hexdigest()
        written.append(WrittenFile(staged.final, cover_sha, staged.size, "cover"))
        destination.commit()
    progress(total, total, "Đã tạo gói.")
    return PackageResult(plan, tuple(written))
