"""Import as a job: `import_file` / `import_text` → `ImportResult`; `store_import` stores it.

The import functions never touch the store: they read, decode and structure the source entirely
in memory and return the new draft with its report (the window shows both before the user
keeps the draft). `store_import` then writes the document — and the images of a Word file, as
evidence attached to the paragraph they stood in — in one transaction, so a refused, cancelled
or failed import leaves nothing behind.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import UserError
from desktop.importing.errors import (
    CorruptDocxError,
    EncryptedDocxError,
    FileUnreadableError,
    NothingToImportError,
    NotTextError,
    UnsupportedFormatError,
)
from desktop.importing.report import ImportReport, ReportBuilder
from desktop.importing.source import SourceLine
from desktop.importing.structure import build_document
from desktop.importing.text_reader import read_lines
from desktop.importing.text_source import (
    DecodedText,
    decode_bytes,
    normalize_pasted,
    read_text_file,
    sniff,
)
from desktop.jobs import NEVER_CANCELLED, CancelToken, Progress, no_progress
from desktop.model.document import Document
from desktop.model.kinds import DocumentKind
from desktop.model.validate import validate_document

if TYPE_CHECKING:
    from desktop.services.store import Store

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
WORD_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
_STEPS = 5


@dataclass(frozen=True)
class ImportedImage:
    """A picture found in a Word file, to be kept as evidence of the paragraph it stood in."""

    name: str  # file name inside the .docx (image1.png)
    content_type: str
    data: bytes
    block_id: str | None  # the block it was anchored in, when it survived as a block
    description: str  # Word's alt text, if any


@dataclass(frozen=True)
class ImportResult:
    document: Document
    report: ImportReport
    images: tuple[ImportedImage, ...] = ()


def import_file(
    path: Path | str,
    kind: DocumentKind | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ImportResult:
    """Import a .txt/.md/.docx file as a new draft (nothing is stored)."""
    path = Path(path)
    name = path.name
    progress(0, _STEPS, "Đọc tệp")
    head = _head(path)
    container = sniff(head)
    suffix = path.suffix.lower()
    if container == "zip" or suffix in WORD_SUFFIXES:
        if container != "zip":
            if container == "ole":
                raise _ole_error(path)
            if suffix in WORD_SUFFIXES:
                raise CorruptDocxError(name, "không phải tệp nén của Word")
        return _import_docx(path, kind, progress, cancel)
    if container == "ole":
        raise _ole_error(path)
    if container == "pdf":
        raise UnsupportedFormatError(
            name, "tệp PDF chưa nhập trực tiếp được — hãy mở PDF, chọn toàn bộ chữ (Ctrl+A), "
            "sao chép rồi dùng chức năng Dán, hoặc lưu thành tệp .txt"
        )  # fmt: skip
    if container is not None and container != "rtf":
        raise NotTextError(name, container)
    if container == "rtf":
        raise UnsupportedFormatError(name, "tệp RTF — hãy mở bằng Word và lưu thành .docx")
    decoded = read_text_file(path)
    cancel.raise_if_cancelled()
    data_hash = _file_hash(path)
    fmt = "md" if suffix in (".md", ".markdown") else "txt"
    return _import_decoded(decoded, name, fmt, kind, progress, cancel, {"sha256": data_hash})


def import_text(
    text: str,
    kind: DocumentKind | None = None,
    *,
    source_name: str = "văn bản dán vào",
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ImportResult:
    """Import pasted text (the window's Paste action) as a new draft (nothing is stored)."""
    progress(0, _STEPS, "Đọc văn bản")
    decoded = normalize_pasted(text)
    return _import_decoded(decoded, source_name, "paste", kind, progress, cancel, {})


def import_bytes(
    data: bytes,
    name: str,
    kind: DocumentKind | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ImportResult:
    """Import the bytes of a text file (drag-and-drop of a file's content)."""
    decoded = decode_bytes(data, name)
    return _import_decoded(decoded, name, "txt", kind, progress, cancel, {})


def store_import(store: Store, result: ImportResult) -> int:
    """Store the imported draft (and its images as evidence) in one transaction; return its id."""
    from db import evidence as evidence_repo
    from desktop.evidence import filetype
    from desktop.evidence.service import evidence_store
    from desktop.services.records import insert_document

    blobs = []
    if result.images:
        # Blobs are content-addressed: written before the transaction, harmless if it fails.
        storage = evidence_store(store)
        blobs = [storage.put_bytes(image.data) for image in result.images]
    with store.write() as db:
        document_id = insert_document(store, db, result.document)
        if result.images:
            items = [
                evidence_repo.NewEvidence(
                    caption=_image_caption(image, position),
                    block_id=image.block_id,
                    original_name=image.name,
                    size=blob.size,
                    sha256=blob.sha256,
                    mime=filetype.detect(blob.path).mime,
                )
                for position, (image, blob) in enumerate(zip(result.images, blobs, strict=True), 1)
            ]
            evidence_repo.add_items(db, document_id, items, store.now_iso())
    return document_id


def _image_caption(image: ImportedImage, position: int) -> str:
    description = " ".join(image.description.split())
    if description:
        return description[:500]
    return f"Hình {position} trong văn bản gốc"


# --------------------------------------------------------------------------------------------


def _import_decoded(decoded: DecodedText, name: str, fmt: str, kind: DocumentKind | None,
                    progress: Progress, cancel: CancelToken,
                    facts: dict[str, str]) -> ImportResult:  # fmt: skip
    report = ReportBuilder()
    _report_decoding(decoded, report)
    progress(1, _STEPS, "Tách dòng")
    lines = read_lines(decoded.text, cancel)
    cancel.raise_if_cancelled()
    if fmt != "paste":
        from desktop.importing.markup import has_markdown

        if has_markdown(decoded.text[:200_000]):
            report.adjusted(
                "body", "Dấu định dạng markdown (#, **, *) đã chuyển thành đề mục, chữ đậm, "
                "chữ nghiêng; không giữ lại ký hiệu.",
            )  # fmt: skip
    return _finish(lines, name, fmt, decoded.encoding_label, kind, progress, cancel, report,
                   {"file": name, "format": fmt, "encoding": decoded.encoding_label, **facts},
                   from_text=True)  # fmt: skip


def _finish(lines: list[SourceLine], name: str, fmt: str, encoding: str,
            kind: DocumentKind | None, progress: Progress, cancel: CancelToken,
            report: ReportBuilder, facts: dict[str, str], *, from_text: bool,
            images: tuple[ImportedImage, ...] = ()) -> ImportResult:  # fmt: skip
    if not any(line.text.strip() or line.table is not None for line in lines):
        raise NothingToImportError(name)
    progress(2, _STEPS, "Nhận dạng cấu trúc")
    structured = build_document(
        lines, from_text=from_text, kind_hint=kind, source=facts, report=report, cancel=cancel
    )
    progress(4, _STEPS, "Kiểm tra")
    document = structured.document
    problems = validate_document(document)
    if problems:
        raise UserError(
            f"Không nhập được “{name}”: {problems[0].message} — hãy gửi tệp này cho bộ phận hỗ trợ."
        )
    counts = structured.counts
    if images:
        counts["images"] = len(images)
    progress(_STEPS, _STEPS, "Hoàn tất")
    return ImportResult(document, report.build(name, fmt, encoding, counts), images)


def _report_decoding(decoded: DecodedText, report: ReportBuilder) -> None:
    if decoded.legacy is not None:
        report.adjusted("encoding", f"Đã chuyển bảng mã {decoded.encoding_label} sang Unicode.")
    if decoded.legacy_lines:
        report.adjusted(
            "encoding",
            f"Đã chuyển {decoded.legacy_lines} dòng gõ bằng bảng mã cũ (TCVN3/VNI) sang Unicode.",
        )
    if decoded.composed:
        report.adjusted("encoding", "Đã chuyển Unicode tổ hợp sang Unicode dựng sẵn (NFC).")
    if decoded.lookalikes_repaired:
        report.adjusted(
            "encoding",
            f"Đã sửa {decoded.lookalikes_repaired} chữ bị lỗi phông khi chép từ PDF "
            "(“ƣ” → “ư”, “Ð” → “Đ”): cùng chữ đã in trên trang gốc.",
        )
    if decoded.control_characters_removed:
        report.adjusted(
            "encoding",
            f"Đã bỏ {decoded.control_characters_removed} ký tự điều khiển không in được.",
        )


def _import_docx(path: Path, kind: DocumentKind | None, progress: Progress,
                 cancel: CancelToken) -> ImportResult:  # fmt: skip
    from desktop.importing.docx_reader import read_docx

    report = ReportBuilder()
    read = read_docx(path, report, cancel)
    progress(1, _STEPS, "Đọc nội dung Word")
    facts = {"file": path.name, "format": "docx", "encoding": read.encoding_label,
             "sha256": _file_hash(path), **read.properties}  # fmt: skip
    result = _finish(read.lines, path.name, "docx", read.encoding_label, kind, progress, cancel,
                     report, facts, from_text=False)  # fmt: skip
    images = tuple(
        replace(
            image, block_id=image.block_id if _has_block(result.document, image.block_id) else None
        )
        for image in read.images
    )
    counts = dict(result.report.counts)
    if images:
        counts["images"] = len(images)
    report_out = replace(result.report, counts=counts)
    return ImportResult(result.document, report_out, images)


def _has_block(document: Document, block_id: str | None) -> bool:
    if block_id is None:
        return False
    return any(getattr(b, "id", None) == block_id for b in document.body)


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(16)
    except FileNotFoundError as exc:
        raise FileUnreadableError(path.name, "không tìm thấy tệp") from exc
    except IsADirectoryError as exc:
        raise FileUnreadableError(path.name, "đây là một thư mục") from exc
    except OSError as exc:
        raise FileUnreadableError(path.name, exc.strerror or "lỗi hệ thống") from exc


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _ole_error(path: Path) -> UserError:
    """An OLE compound file: an encrypted .docx, or an old binary .doc."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(4 << 20)
    except OSError as exc:
        return FileUnreadableError(path.name, exc.strerror or "lỗi hệ thống")
    if (
        "EncryptedPackage".encode("utf-16-le") in data
        or "EncryptionInfo".encode("utf-16-le") in data
    ):
        return EncryptedDocxError(path.name)
    return UnsupportedFormatError(
        path.name, "tệp Word 97-2003 (.doc) — hãy mở bằng Word và lưu thành .docx rồi nhập lại"
    )
