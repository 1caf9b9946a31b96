"""What a package holds and where, decided completely before a byte is written.

Everything a bag needs is known up front: the exported documents are in memory, every evidence
file's SHA-256 was recorded when it was attached (the writer re-hashes while copying and stops
on any difference), so the manifests, `Payload-Oxum`, `metadata.json`, the package hash and the
split into parts are computed here, and the size of every part is bounded before writing starts.

The package hash (`package_id`) is the SHA-256 of the whole package's payload manifest: the
`manifest-sha256.txt` of the unsplit bag, the same text `receive` rebuilds from the parts of a
split one. It cannot be the hash of the zip (that would have to be inside itself), and it
identifies the content, whatever the container: every payload file's hash is in that manifest.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from desktop.errors import UserError
from desktop.evidence import filetype
from desktop.evidence.blocks import block_refs
from desktop.evidence.items import EvidenceItem
from desktop.evidence.sizes import format_size
from desktop.model.document import Document
from desktop.model.kinds import kind_info
from desktop.model.serialize import document_to_json
from desktop.packaging import bagformat
from desktop.packaging.identity import (
    base_name,
    document_label,
    number_symbol,
    office_time,
    subject,
)
from desktop.packaging.names import casefold_key, evidence_file_name, safe_file_name

DOCS_DIR = "data/van-ban"
EVIDENCE_DIR = "data/minh-chung"
METADATA_PATH = "data/metadata.json"
COVER_NAME = "phieu-gui.pdf"
FORMAT = "baocao.package"
VERSION = 1
PACKAGE_ID_TAG = "Baocao-Package-Id"
MAX_PARTS = 99

# Bytes a zip spends on one entry besides its data, at most: local header (30) with a ZIP64
# extra (20), data descriptor (24), central directory header (46) with a ZIP64 extra (28), and
# the name twice.
_ENTRY_OVERHEAD = 30 + 20 + 24 + 46 + 28
_END_RECORDS = 22 + 56 + 20
# Room kept in every part for its tag files: bagit.txt, bag-info.txt, the tag manifest and the
# cover sheet (one A4 page with subset fonts and a QR code: ~60 KB measured, 4× margin).
COVER_RESERVE = 256 * 1024
_TAG_RESERVE = COVER_RESERVE + 8 * 1024

PROBE_SIZE = 256 * 1024
DEFLATE_IF_RATIO_BELOW = 0.9


Source = bytes | Path
Renderer = Callable[[Document], Mapping[str, Source]]
"""Exports a document snapshot: {"docx": bytes or path, "pdf": …}. Keys are file extensions."""

RENDERED_LABELS = {"docx": "Văn bản (Word, DOCX)", "pdf": "Văn bản (PDF)"}


@dataclass(frozen=True)
class PayloadFile:
    path: str  # "data/minh-chung/03-Bien ban.pdf"
    size: int
    sha256: str
    source: Source
    compress: bool  # deflate it (text-like) or store it (already compressed)
    label: str  # what the cover sheet says it is
    number: int | None = None  # evidence number
    part: int = 1

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    def zip_cost(self, name_bytes: int) -> int:
        """An upper bound of the bytes this file takes in a zip (data + headers + manifest)."""
        data = self.size + (self.size // 16384 + 1) * 5 + 16 if self.compress else self.size
        manifest_line = 64 + 2 + len(self.path.encode()) + 1
        return data + _ENTRY_OVERHEAD + 2 * name_bytes + manifest_line


@dataclass(frozen=True)
class Part:
    index: int
    count: int
    bag_name: str
    files: tuple[PayloadFile, ...]

    @property
    def zip_name(self) -> str:
        return f"{self.bag_name}.zip"

    @property
    def payload_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def manifest(self) -> bytes:
        return bagformat.manifest_text((f.path, f.sha256) for f in self.files)


@dataclass(frozen=True)
class PackagePlan:
    base_name: str
    document_id: int
    revision: int
    document_label: str
    subject: str
    organization: str
    created: dt.datetime  # office time (+07:00)
    files: tuple[PayloadFile, ...]  # every payload file, in path order
    parts: tuple[Part, ...]
    package_id: str
    common_info: tuple[tuple[str, str], ...]
    max_part_size: int | None

    @property
    def split(self) -> bool:
        return len(self.parts) > 1

    @property
    def group_id(self) -> str:
        return f"{self.base_name}-{self.package_id[:12]}"

    @property
    def payload_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def bag_info(self, part: Part) -> bytes:
        fields = list(self.common_info)
        fields.append(("Payload-Oxum", bagformat.payload_oxum(part.payload_bytes, len(part.files))))
        fields.append(("Bag-Size", format_size(part.payload_bytes)))
        if self.split:
            fields.append(("Bag-Group-Identifier", self.group_id))
            fields.append(("Bag-Count", f"{part.index} of {part.count}"))
        fields.append((PACKAGE_ID_TAG, self.package_id))
        return bagformat.bag_info_text(fields)

    def estimated_part_size(self, part: Part) -> int:
        """Upper bound of the zip size of `part`, cover sheet included."""
        cost = sum(f.zip_cost(len(f"{part.bag_name}/{f.path}".encode())) for f in part.files)
        return cost + _TAG_RESERVE + _END_RECORDS

    @property
    def estimated_size(self) -> int:
        return sum(self.estimated_part_size(p) for p in self.parts)


def should_deflate(kind: filetype.FileType, sample: bytes) -> bool:
    """Store what is already compressed; deflate text; try a sample when the type can be both."""
    if kind.compressed is not None:
        return not kind.compressed
    if not sample:
        return False
    ratio = len(zlib.compress(sample, 1)) / len(sample)
    return ratio < DEFLATE_IF_RATIO_BELOW


def _sample(source: Source, kind: filetype.FileType) -> bytes:
    """The start of a file whose compressibility is not known from its type (else nothing)."""
    if kind.compressed is not None:
        return b""
    if isinstance(source, bytes):
        return source[:PROBE_SIZE]
    with source.open("rb") as f:
        return f.read(PROBE_SIZE)


def _rendered_files(
    rendered: Mapping[str, Source], base: str
) -> list[tuple[str, Source, int, str, filetype.FileType]]:
    out = []
    for fmt, source in sorted(rendered.items()):
        ext = fmt.lower().lstrip(".")
        name = safe_file_name(base, extension=ext)
        if isinstance(source, bytes):
            size, digest = len(source), hashlib.sha256(source).hexdigest()
            kind = filetype.detect_stream(io.BytesIO(source))
        else:
            digest_obj = hashlib.sha256()
            with source.open("rb") as f:
                while chunk := f.read(4 << 20):
                    digest_obj.update(chunk)
            size, digest = source.stat().st_size, digest_obj.hexdigest()
            kind = filetype.detect(source)
        out.append((f"{DOCS_DIR}/{name}", source, size, digest, kind))
    return out


def _evidence_entry(
    item: EvidenceItem, refs: Mapping[str, Any], path: str, part: int
) -> dict[str, Any]:
    ref = refs.get(item.block_id) if item.block_id else None
    entry: dict[str, Any] = {
        "number": item.number,
        "caption": item.caption,
        "section": ref.outline if ref else None,
        "section_label": ref.label if ref else None,
        "block_id": item.block_id,
        "path": path,
        "original_name": item.original_name,
        "mime": item.mime,
        "type": item.file_type.label,
        "size": item.size,
        "sha256": item.sha256,
        "reduced_from": (
            {"sha256": item.original_sha256, "size": item.original_size}
            if item.original_sha256
            else None
        ),
    }
    if part:
        entry["part"] = part
    return entry


def _metadata(
    *,
    document: Document,
    document_id: int,
    revision: int,
    created: dt.datetime,
    generator: str,
    doc_files: Sequence[PayloadFile],
    evidence: Sequence[tuple[EvidenceItem, PayloadFile]],
    parts: Sequence[Part] | None,
    parts_placeholder: int = 0,
) -> bytes:
    refs = block_refs(document)
    part_of: dict[str, int] = {}
    if parts is not None and len(parts) > 1:
        part_of = {f.path: p.index for p in parts for f in p.files}
    elif parts_placeholder:
        part_of = {f.path: parts_placeholder for f in doc_files} | {
            f.path: parts_placeholder for _, f in evidence
        }
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "generator": generator,
        "created_at": created.isoformat(timespec="seconds"),
        "document": {
            "id": document_id,
            "revision": revision,
            "kind": document.kind.value,
            "kind_label": kind_info(document.kind).label,
            "label": document_label(document),
            "number_symbol": number_symbol(document) if document.number else None,
            "title": document.title,
            "issuing_agency": document.issuing_agency,
            "parent_agency": document.parent_agency,
            "place": document.place,
            "date": document.date.isoformat() if document.date else None,
            "status": document.status.value,
            "files": [
                {
                    "path": f.path,
                    "format": f.path.rsplit(".", 1)[-1],
                    "size": f.size,
                    "sha256": f.sha256,
                    **({"part": part_of[f.path]} if f.path in part_of else {}),
                }
                for f in doc_files
            ],
            "content": document_to_json(document),
        },
        "evidence": [
            _evidence_entry(item, refs, f.path, part_of.get(f.path, 0)) for item, f in evidence
        ],
        "parts": None,
    }
    count = len(parts) if parts is not None else parts_placeholder
    if count > 1 or parts_placeholder:
        names = (
            [p.zip_name for p in parts] if parts is not None else ["x" * 200] * parts_placeholder
        )
        body["parts"] = {"count": count, "zip_names": names}
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def plan_package(
    *,
    document: Document,
    document_id: int,
    revision: int,
    rendered: Mapping[str, Source],
    evidence: Sequence[EvidenceItem],
    blob_path: Callable[[str], Path],
    now: dt.datetime,
    generator: str,
    max_part_size: int | None = None,
    organization: str = "",
) -> PackagePlan:
    """Decide names, compression, parts, tag files and the package hash."""
    created = office_time(now)
    base = base_name(document, document_id, created)
    org = " ".join((document.issuing_agency or organization).split())

    doc_files = [
        PayloadFile(
            path=path,
            size=size,
            sha256=digest,
            source=source,
            compress=should_deflate(kind, _sample(source, kind)),
            label=RENDERED_LABELS.get(path.rsplit(".", 1)[-1], "Văn bản"),
        )
        for path, source, size, digest, kind in _rendered_files(rendered, base)
    ]
    width = max(2, len(str(max((i.number for i in evidence), default=0))))
    evidence_files: list[tuple[EvidenceItem, PayloadFile]] = []
    for item in sorted(evidence, key=lambda i: i.number):
        kind = item.file_type
        source = blob_path(item.sha256)
        name = evidence_file_name(item.number, width, item.original_name, kind.extensions)
        caption = " ".join(item.caption.split())
        evidence_files.append(
            (
                item,
                PayloadFile(
                    path=f"{EVIDENCE_DIR}/{name}",
                    size=item.size,
                    sha256=item.sha256,
                    source=source,
                    compress=should_deflate(kind, _sample(source, kind)),
                    label=f"Minh chứng số {item.number}: {caption}",
                    number=item.number,
                ),
            )
        )
    _refuse_clashing_names([f.path for f in doc_files] + [f.path for _, f in evidence_files])

    def metadata_file(data: bytes) -> PayloadFile:
        return PayloadFile(
            path=METADATA_PATH,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            source=data,
            compress=True,
            label="Thông tin văn bản và danh mục minh chứng (metadata.json)",
        )

    make_metadata = functools.partial(
        _metadata,
        document=document,
        document_id=document_id,
        revision=revision,
        created=created,
        generator=generator,
        doc_files=doc_files,
        evidence=evidence_files,
    )
    single_meta = metadata_file(make_metadata(parts=None))
    all_files = [*doc_files, single_meta, *(f for _, f in evidence_files)]

    parts_files: list[list[PayloadFile]] = [all_files]
    if max_part_size is not None:
        probe = _plan(base, document_id, revision, document, org, created, all_files, [all_files],
                      generator, max_part_size)  # fmt: skip
        if probe.estimated_part_size(probe.parts[0]) > max_part_size:
            # Reserve room for the largest metadata.json a split can produce (part numbers and
            # zip names filled in), then pack the evidence first-fit-decreasing.
            worst_meta = metadata_file(make_metadata(parts=None, parts_placeholder=MAX_PARTS))
            parts_files = _assign(
                base, [*doc_files, worst_meta], [f for _, f in evidence_files], max_part_size
            )
    if len(parts_files) == 1:
        return _plan(base, document_id, revision, document, org, created, all_files,
                     [all_files], generator, max_part_size)  # fmt: skip

    count = len(parts_files)
    # Build the real parts, then the real metadata.json (which names them), in part 1.
    skeleton = [
        Part(k, count, _part_name(base, k, count), tuple(
            f for f in files if f.path != METADATA_PATH
        ))
        for k, files in enumerate(parts_files, start=1)
    ]  # fmt: skip
    meta = metadata_file(make_metadata(parts=skeleton))
    final_parts = [
        [replace(f, part=k) for f in part.files] + ([replace(meta, part=1)] if k == 1 else [])
        for k, part in enumerate(skeleton, start=1)
    ]
    everything = [f for files in final_parts for f in files]
    return _plan(base, document_id, revision, document, org, created, everything, final_parts,
                 generator, max_part_size)  # fmt: skip


def _part_name(base: str, index: int, count: int) -> str:
    return base if count == 1 else f"{base}_phan-{index}-cua-{count}"


def _refuse_clashing_names(paths: Sequence[str]) -> None:
    seen: dict[str, str] = {}
    for path in paths:
        key = casefold_key(path)
        if key in seen:
            raise UserError(
                f"Hai tệp trong gói trùng tên khi không phân biệt hoa thường: {seen[key]} và "
                f"{path}; hãy đổi tên một tệp."
            )
        seen[key] = path


T = TypeVar("T")


def first_fit_decreasing(
    items: Sequence[T], cost: Callable[[T], int], capacity: int, first_bin_used: int = 0
) -> list[list[T]]:
    """Bin packing: largest first, each into the first bin with room. Bin 0 starts with
    `first_bin_used` taken (the documents and metadata.json). Items must each fit `capacity`."""
    bins: list[list[T]] = [[]]
    used = [first_bin_used]
    for item in sorted(items, key=cost, reverse=True):
        c = cost(item)
        for index, room in enumerate(used):
            if room + c <= capacity:
                bins[index].append(item)
                used[index] += c
                break
        else:
            bins.append([item])
            used.append(c)
    return bins


def part_capacity(limit: int) -> int:
    """Bytes of payload entries one part of at most `limit` bytes can hold."""
    return limit - _TAG_RESERVE - _END_RECORDS


def _assign(
    base: str, fixed: Sequence[PayloadFile], movable: Sequence[PayloadFile], limit: int
) -> list[list[PayloadFile]]:
    """Split into parts under `limit` (upper bounds), fewest parts in practice."""
    name_len = len(_part_name(base, MAX_PARTS, MAX_PARTS).encode()) + 1

    def cost(f: PayloadFile) -> int:
        return f.zip_cost(name_len + len(f.path.encode()))

    capacity = part_capacity(limit)
    fixed_cost = sum(cost(f) for f in fixed)
    if fixed_cost > capacity:
        raise UserError(
            f"Riêng văn bản và danh mục đã chiếm khoảng {format_size(fixed_cost)}, vượt giới "
            f"hạn mỗi phần {format_size(limit)}: hãy chọn giới hạn lớn hơn."
        )
    for f in movable:
        if cost(f) > capacity:
            raise UserError(too_big_for_email(f.number, f.name, f.size, limit))
    bins = first_fit_decreasing(movable, cost, capacity, fixed_cost)
    bins[0] = [*fixed, *bins[0]]
    if len(bins) > MAX_PARTS:
        raise UserError(
            f"Gói cần hơn {MAX_PARTS} phần với giới hạn {format_size(limit)}: hãy thu nhỏ ảnh "
            "hoặc chọn giới hạn lớn hơn."
        )
    return [sorted(b, key=lambda f: f.path) for b in bins]


def too_big_for_email(number: int | None, name: str, size: int, limit: int) -> str:
    which = f"số {number} " if number is not None else ""
    return (
        f"Tài liệu minh chứng {which}({name}, {format_size(size)}) lớn hơn giới hạn mỗi phần "
        f"{format_size(limit)}, nên không gửi qua thư điện tử được: hãy thu nhỏ (baocao reduce) "
        "hoặc chép gói vào USB (bỏ --max-part-size)."
    )


def _plan(
    base: str,
    document_id: int,
    revision: int,
    document: Document,
    organization: str,
    created: dt.datetime,
    files: Sequence[PayloadFile],
    parts_files: Sequence[Sequence[PayloadFile]],
    generator: str,
    max_part_size: int | None,
) -> PackagePlan:
    count = len(parts_files)
    parts = tuple(
        Part(k, count, _part_name(base, k, count), tuple(sorted(fs, key=lambda f: f.path)))
        for k, fs in enumerate(parts_files, start=1)
    )
    ordered = tuple(sorted(files, key=lambda f: f.path))
    package_id = bagformat.sha256_hex(bagformat.manifest_text((f.path, f.sha256) for f in ordered))
    info: list[tuple[str, str]] = []
    if organization:
        info.append(("Source-Organization", organization))
    if document.footer_address.strip():
        info.append(("Organization-Address", document.footer_address))
    info += [
        ("External-Identifier", number_symbol(document) if document.number else
         f"{number_symbol(document)} (dự thảo)"),
        ("External-Description", document_label(document)),
        ("Internal-Sender-Identifier", f"baocao:van-ban/{document_id}/phien-ban/{revision}"),
        ("Internal-Sender-Description", subject(document)),
        ("Bagging-Date", created.date().isoformat()),
        ("Bag-Software-Agent", generator),
    ]  # fmt: skip
    return PackagePlan(
        base_name=base,
        document_id=document_id,
        revision=revision,
        document_label=document_label(document),
        subject=subject(document),
        organization=organization,
        created=created,
        files=ordered,
        parts=parts,
        package_id=package_id,
        common_info=tuple(info),
        max_part_size=max_part_size,
    )
