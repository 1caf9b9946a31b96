"""Export a stored document to DOCX and/or PDF: the one core function the CLI and the window call.

Every file is written to a temporary file in its destination folder first and moved into place
with `os.replace` only when all of them are complete, so a failure (folder not writable, disk
full, a file held open by Word, a cancel) leaves no partial file, the previous file untouched,
and the document unchanged. After success the document gets a history snapshot and the status
"Đã xuất" in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from desktop.checker.findings import Finding
from desktop.errors import UserError
from desktop.jobs import NEVER_CANCELLED, CancelToken, Progress, no_progress
from desktop.layout.content import Content
from desktop.model.document import DocumentStatus
from desktop.services.files import default_file_mode, fsync_directory
from desktop.services.oserrors import reason
from desktop.services.store import Store

DEFAULT_PRODUCER = "baocao"
_TEMP_PREFIX = ".~baocao-"


class ExportFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"


FORMAT_LABELS = {ExportFormat.DOCX: "DOCX", ExportFormat.PDF: "PDF"}


@dataclass(frozen=True)
class ExportResult:
    document_id: int
    files: dict[ExportFormat, Path]
    findings: list[Finding]  # the format check of the document, run before export
    snapshot_id: int
    pdf_pages: int | None = None


def export_document(
    store: Store,
    document_id: int,
    fmt: ExportFormat | str,
    path: Path,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    producer: str = DEFAULT_PRODUCER,
) -> ExportResult:
    """Export to one file (the window's Xuất DOCX / Xuất PDF)."""
    return export_files(
        store, document_id, {ExportFormat(fmt): path},
        progress=progress, cancel=cancel, producer=producer,
    )  # fmt: skip


def export_files(
    store: Store,
    document_id: int,
    targets: Mapping[ExportFormat, Path],
    *,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    producer: str = DEFAULT_PRODUCER,
) -> ExportResult:
    """Export one stored document to every target, all or nothing."""
    from desktop.checker.document import check_document
    from desktop.evidence.listing import attachment_items
    from desktop.evidence.service import list_evidence
    from desktop.layout.build import build
    from desktop.packaging import exportlog
    from desktop.services import documents, history
    from desktop.services.profile import get_profile
    from desktop.services.records import SnapshotReason

    if not targets:
        raise UserError("Chưa chọn tệp xuất: hãy ghi --docx TỆP và/hoặc --pdf TỆP")
    destinations = {fmt: _destination(fmt, Path(p)) for fmt, p in targets.items()}
    if len(set(destinations.values())) < len(destinations):
        raise UserError("Tệp DOCX và tệp PDF phải là hai tệp khác nhau")
    steps = 2 + len(destinations) + 1
    progress(0, steps, "Đọc văn bản")
    stored = documents.get(store, document_id)
    if stored.summary.is_deleted:
        raise UserError(
            f"Văn bản mã {document_id} đang ở thùng rác; hãy khôi phục (undelete) trước khi xuất"
        )
    profile = get_profile(store)
    moment = store.now()
    today = moment.astimezone().date()
    # The evidence list ("Tài liệu kèm theo") is part of the document as exported and packaged.
    attachments = attachment_items(list_evidence(store, document_id), stored.document)
    content = build(stored.document, profile, today, attachments=attachments)
    findings = check_document(stored.document, profile, today, content)
    progress(1, steps, "Kiểm tra thể thức")
    cancel.raise_if_cancelled()

    pdf_pages: int | None = None
    with _staged(destinations) as staged:
        for done, (fmt, temp) in enumerate(staged.items(), start=2):
            progress(done, steps, f"Tạo tệp {FORMAT_LABELS[fmt]}")
            # Rendered in memory (a document is a few hundred KB), then written in one go: a
            # renderer never meets a failing disk half-way (python-docx would leave its zip
            # open and print "Exception ignored" at exit), and the file is fsynced before the
            # rename so a USB stick pulled out right after cannot hold an empty "finished" file.
            rendered = io.BytesIO()
            if fmt is ExportFormat.DOCX:
                _write_docx(content, rendered, moment)
            else:
                pdf_pages = _write_pdf(content, rendered, moment, producer)
            cancel.raise_if_cancelled()
            with _writing(destinations[fmt]), temp.open("wb") as stream:
                stream.write(rendered.getbuffer())
                stream.flush()
                os.fsync(stream.fileno())
            cancel.raise_if_cancelled()
        progress(steps - 1, steps, "Ghi tệp")
        _commit(staged, destinations)

    with store.write():
        stored = documents.get(store, document_id)
        if stored.document.status in (DocumentStatus.DRAFT, DocumentStatus.FINALIZED):
            documents.save(
                store, document_id, stored.document.with_changes(status=DocumentStatus.EXPORTED)
            )
        names = ", ".join(p.name for p in destinations.values())
        snapshot = history.take_snapshot(store, document_id, SnapshotReason.EXPORT, names)
        exported = documents.get(store, document_id)
        for fmt, path in destinations.items():
            # The export log lets the office prove later what it sent (what, when, where, hash).
            exportlog.record_file(
                store,
                document_id=document_id,
                document=exported.document,
                revision=exported.revision,
                kind=fmt.value,
                path=path,
            )
    progress(steps, steps, "Xong")
    return ExportResult(document_id, dict(destinations), findings, snapshot, pdf_pages)


def _write_docx(content: Content, stream: BinaryIO, moment: dt.datetime) -> None:
    from desktop.export.docx import render_docx

    render_docx(content, stream, timestamp=moment)


def _write_pdf(content: Content, stream: BinaryIO, moment: dt.datetime, producer: str) -> int:
    try:
        from desktop.export import pdf
    except ImportError:
        raise UserError(
            "Bản cài đặt này chưa có bộ xuất PDF; hãy xuất DOCX rồi in ra PDF từ Word"
        ) from None
    result = pdf.render_pdf(content, stream, producer=producer, created=moment)
    return int(result.pages)


def _destination(fmt: ExportFormat, path: Path) -> Path:
    suffix = f".{fmt.value}"
    if path.suffix.lower() != suffix:
        raise UserError(
            f"Tệp {FORMAT_LABELS[fmt]} phải có đuôi {suffix}: “{path.name}”; hãy đặt tên như "
            f"bao-cao{suffix}"
        )
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    with _writing(path):
        if path.is_dir():
            raise UserError(f"“{path}” là một thư mục; hãy ghi tên tệp {suffix} bên trong nó")
        if not folder.is_dir():
            raise UserError(
                f"Thư mục “{folder}” không tồn tại; hãy tạo thư mục đó hoặc chọn thư mục khác"
            )
        return path.absolute()


@contextlib.contextmanager
def _staged(destinations: Mapping[ExportFormat, Path]) -> Iterator[dict[ExportFormat, Path]]:
    """One temporary file per destination, in the destination's folder (so `os.replace` is a
    rename on the same disk); every temporary file is removed when the block ends."""
    staged: dict[ExportFormat, Path] = {}
    try:
        for fmt, target in destinations.items():
            with _writing(target):
                handle, name = tempfile.mkstemp(
                    prefix=_TEMP_PREFIX, suffix=f".{fmt.value}", dir=target.parent
                )
                os.close(handle)
            staged[fmt] = Path(name)
        yield staged
    finally:
        for temp in staged.values():
            with contextlib.suppress(OSError):
                temp.unlink()


def _commit(staged: Mapping[ExportFormat, Path], destinations: Mapping[ExportFormat, Path]) -> None:
    """Move every finished file into place. A file that cannot be replaced (held open by Word)
    is found before anything moves: each destination is first checked by opening it."""
    for target in destinations.values():
        if target.exists():
            with _writing(target), target.open("r+b"):
                pass  # Windows refuses this while Word holds the file open
    for fmt, temp in staged.items():
        with _writing(destinations[fmt]):
            with contextlib.suppress(OSError):
                os.chmod(temp, default_file_mode())  # mkstemp made it private (0600)
            os.replace(temp, destinations[fmt])
    for folder in {target.parent for target in destinations.values()}:
        fsync_directory(folder)


@contextlib.contextmanager
def _writing(target: Path) -> Iterator[None]:
    """Turn the OS errors of writing `target` into one Vietnamese sentence with the fix."""
    try:
        yield
    except PermissionError:
        if target.exists() and not target.is_dir():
            raise UserError(
                f"Không ghi được “{target.name}”: tệp đang mở trong Word hoặc chương trình khác, "
                "hoặc chỉ cho đọc; hãy đóng tệp đó rồi xuất lại"
            ) from None
        raise UserError(
            f"Không có quyền ghi vào thư mục “{target.parent}”; hãy chọn thư mục khác "
            "(ví dụ thư mục Tài liệu)"
        ) from None
    except (OSError, UnicodeError) as exc:
        code = getattr(exc, "errno", None)
        if code in (errno.ENOSPC, errno.EDQUOT):
            raise UserError(
                f"Ổ đĩa chứa “{target.parent}” đã đầy; hãy giải phóng chỗ trống hoặc chọn ổ khác"
            ) from None
        if code == errno.EROFS:
            raise UserError(
                f"Ổ đĩa chứa “{target.parent}” chỉ cho đọc; hãy chọn thư mục khác"
            ) from None
        raise UserError(
            f"Không ghi được “{target.name}”: {reason(exc)}; hãy chọn thư mục khác"
        ) from None
