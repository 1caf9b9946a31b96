"""Attach, list and detach evidence: the rules a user sees, in one transaction per command.

Files are checked first (all of them, so a typo in the fifth name refuses the whole command before
anything is copied), then copied into the store while hashed, then recorded. A failure while
copying leaves the database untouched; blobs already copied are content-addressed and harmless
(the next `remove_unreferenced` sweeps them).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db import evidence as repo
from db.connection import Database
from desktop.errors import NotFoundError, UserError
from desktop.evidence import filetype
from desktop.evidence.blocks import block_refs, resolve_block
from desktop.evidence.ioerrors import read_error
from desktop.evidence.items import EvidenceItem
from desktop.evidence.reduce import NotReducible, ReduceOptions, reduce_image
from desktop.evidence.sizes import format_size
from desktop.evidence.store import EvidenceStore
from desktop.jobs import NEVER_CANCELLED, CancelToken, Progress, no_progress
from desktop.model.document import Document
from desktop.model.text import find_control_character, nfc
from desktop.services import documents
from desktop.services.records import load_record
from desktop.services.store import Store

MAX_CAPTION_LENGTH = 500
EVIDENCE_DIR_NAME = "evidence"


def evidence_store(store: Store) -> EvidenceStore:
    """The content-addressed store next to the database: `<data dir>/evidence/`."""
    return EvidenceStore(store.data_dir / EVIDENCE_DIR_NAME)


def item_from_row(row: repo.EvidenceRow) -> EvidenceItem:
    return EvidenceItem(
        number=row.position,
        caption=row.caption,
        block_id=row.block_id,
        original_name=row.original_name,
        size=row.size,
        sha256=row.sha256,
        mime=row.mime,
        added_at=row.added_at,
        original_sha256=row.original_sha256,
        original_size=row.original_size,
    )


def list_evidence(store: Store, document_id: int) -> list[EvidenceItem]:
    """The items of a document in number order (refuses an unknown document)."""
    with store.read() as db:
        load_record(db, document_id)
        return [item_from_row(r) for r in repo.list_items(db, document_id)]


def get_evidence(db: Database, document_id: int, number: int) -> EvidenceItem:
    """One item, inside a transaction the caller holds."""
    row = repo.get_item(db, document_id, number)
    if row is None:
        count = repo.count_items(db, document_id)
        raise NotFoundError(_no_such_number(number, count))
    return item_from_row(row)


def _no_such_number(number: int, count: int) -> str:
    if count == 0:
        return "Văn bản chưa có tài liệu minh chứng nào."
    return f"Không có tài liệu minh chứng số {number}; văn bản có các số từ 1 đến {count}."


def clean_caption(caption: str) -> str:
    text = " ".join(nfc(caption).split())
    bad = find_control_character(text)
    if bad is not None:
        raise UserError(f"Chú thích chứa ký tự điều khiển U+{ord(bad):04X}: hãy gõ lại.")
    if len(text) > MAX_CAPTION_LENGTH:
        raise UserError(
            f"Chú thích dài {len(text)} ký tự, tối đa {MAX_CAPTION_LENGTH}: hãy rút gọn."
        )
    return text


def default_caption(path: Path) -> str:
    """A caption from the file name: `Bien_ban-kiem-tra.pdf` → `Bien ban-kiem-tra`."""
    stem = nfc(path.stem).replace("_", " ")
    return " ".join(stem.split()) or nfc(path.name)


def _check_source(path: Path, max_size: int) -> None:
    """Refuse what cannot be attached, before anything is copied."""
    try:
        st = path.stat()
    except OSError as exc:
        raise read_error(exc, path) from None
    if stat.S_ISDIR(st.st_mode):
        raise UserError(f"{path} là một thư mục, không phải tệp: hãy chọn từng tệp trong đó.")
    if not stat.S_ISREG(st.st_mode):
        raise UserError(f"{path} không phải là một tệp thông thường (thiết bị, ống dẫn…).")
    if not os.access(path, os.R_OK):
        raise UserError(f"Không có quyền đọc tệp {path}: hãy kiểm tra quyền truy cập.")
    if st.st_size == 0:
        raise UserError(f"Tệp {path.name} rỗng (0 byte): không có gì để đính kèm.")
    if st.st_size > max_size:
        raise UserError(
            f"Tệp {path.name} lớn {format_size(st.st_size)}, vượt giới hạn "
            f"{format_size(max_size)} cho mỗi tệp minh chứng: hãy thu nhỏ hoặc chia tệp."
        )
    try:
        kind = filetype.detect(path)
    except OSError as exc:
        raise read_error(exc, path) from None
    if kind.executable:
        raise UserError(
            f"Tệp {path.name} là một chương trình máy tính, không phải tài liệu: thư điện tử "
            "chặn các gói chứa tệp chương trình."
        )
    if path.suffix.lower().lstrip(".") in filetype.BLOCKED_EXTENSIONS:
        raise UserError(
            f"Không đính kèm tệp {path.name}: thư điện tử chặn các gói chứa tệp chương trình "
            "hoặc tệp lệnh; nếu là tài liệu, hãy đổi sang PDF."
        )


def _editable_document(store: Store, document_id: int) -> Document:
    stored = documents.get(store, document_id)
    if stored.summary.is_deleted:
        raise UserError(
            f"Văn bản mã {document_id} đang ở thùng rác: hãy khôi phục trước khi sửa minh chứng."
        )
    return stored.document


def attach(
    store: Store,
    document_id: int,
    paths: Sequence[Path],
    *,
    caption: str | None = None,
    block: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> list[EvidenceItem]:
    """Copy `paths` into the store and add them, in order, after the document's last item."""
    if not paths:
        raise UserError("Chưa chọn tệp nào để đính kèm.")
    document = _editable_document(store, document_id)
    blobs = evidence_store(store)
    block_id = resolve_block(document, block).block_id if block else None
    caption_text = clean_caption(caption) if caption is not None else None
    seen: set[Path] = set()
    for path in paths:
        _check_source(path, blobs.max_file_size)
        resolved = path.resolve()
        if resolved in seen:
            raise UserError(f"Tệp {path.name} được chọn hai lần trong cùng một lệnh.")
        seen.add(resolved)

    total = sum(p.stat().st_size for p in paths)
    done = 0
    new_items: list[repo.NewEvidence] = []
    for path in paths:

        def step(copied: int, _size: int, label: str, base: int = done) -> None:
            progress(base + copied, total, label)

        blob = blobs.put_file(path, progress=step, cancel=cancel)
        done += blob.size
        kind = filetype.detect(blob.path)
        new_items.append(
            repo.NewEvidence(
                caption=caption_text if caption_text else default_caption(path),
                block_id=block_id,
                original_name=nfc(path.name),
                size=blob.size,
                sha256=blob.sha256,
                mime=kind.mime,
            )
        )
    cancel.raise_if_cancelled()
    with store.write() as db:
        load_record(db, document_id)  # still there (not purged meanwhile)
        rows = repo.add_items(db, document_id, new_items, store.now_iso())
    return [item_from_row(r) for r in rows]


def detach(store: Store, document_id: int, number: int) -> EvidenceItem:
    """Remove item `number`; the items after it are renumbered (numbers stay consecutive).

    The stored file stays in the store (another document, a snapshot or an undo may need it).
    """
    _editable_document(store, document_id)
    with store.write() as db:
        row = repo.delete_item(db, document_id, number)
        if row is None:
            raise NotFoundError(_no_such_number(number, repo.count_items(db, document_id)))
    return item_from_row(row)


def reattach(store: Store, document_id: int, item: EvidenceItem) -> EvidenceItem:
    """Undo `detach`: put `item` back under its old number, with its caption and link.

    The file is taken from the store (detach leaves it there); a link to a block that no longer
    exists becomes a link to the whole document.
    """
    document = _editable_document(store, document_id)
    blobs = evidence_store(store)
    for sha in (item.sha256, item.original_sha256):
        if sha is not None and not blobs.has(sha):
            raise UserError(
                f"Tệp “{item.original_name}” không còn trong kho minh chứng: hãy đính kèm lại."
            )
    block_id = item.block_id
    if block_id is not None and block_id not in block_refs(document):
        block_id = None
    row = repo.EvidenceRow(
        id=0, document_id=document_id, position=item.number, caption=item.caption,
        block_id=block_id, original_name=item.original_name, size=item.size,
        sha256=item.sha256, mime=item.mime, original_sha256=item.original_sha256,
        original_size=item.original_size, added_at=item.added_at,
    )  # fmt: skip
    with store.write() as db:
        load_record(db, document_id)
        return item_from_row(repo.insert_item_at(db, document_id, row))


def set_caption(
    store: Store,
    document_id: int,
    number: int,
    *,
    caption: str | None = None,
    block: str | None = None,
    unlink_block: bool = False,
) -> EvidenceItem:
    """Change the caption and/or the linked block of one item."""
    document = _editable_document(store, document_id)
    with store.write() as db:
        item = get_evidence(db, document_id, number)
        new_caption = clean_caption(caption) if caption is not None else item.caption
        if not new_caption:
            raise UserError("Chú thích không được để trống.")
        block_id = item.block_id
        if unlink_block:
            block_id = None
        elif block is not None:
            block_id = resolve_block(document, block).block_id
        row = repo.get_item(db, document_id, number)
        assert row is not None
        repo.update_caption(db, row.id, new_caption, block_id)
        return get_evidence(db, document_id, number)


# --------------------------------------------------------------------------------------------
# Reducing photos and scans


@dataclass(frozen=True)
class Reduction:
    """What happened to one item: reduced (sizes before/after) or skipped (with the reason)."""

    number: int
    caption: str
    before: int
    after: int
    skipped: str = ""

    @property
    def saved(self) -> int:
        return max(0, self.before - self.after)


def reduce_evidence(
    store: Store,
    document_id: int,
    numbers: Sequence[int] | None,
    options: ReduceOptions,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> list[Reduction]:
    """Reduce the photos and scans among items `numbers` (None: all of them).

    An item reduced before is reduced again from its kept original, so repeating the command
    with other settings never compounds the loss. The original stays in the store and
    `restore_original` brings it back.
    """
    _editable_document(store, document_id)
    blobs = evidence_store(store)
    items = list_evidence(store, document_id)
    if numbers is not None:
        wanted = set(numbers)
        for n in sorted(wanted):
            if not any(i.number == n for i in items):
                raise NotFoundError(_no_such_number(n, len(items)))
        items = [i for i in items if i.number in wanted]
    results: list[Reduction] = []
    updates: list[tuple[EvidenceItem, str, int, str]] = []
    for index, item in enumerate(items):
        cancel.raise_if_cancelled()
        progress(index, len(items), item.caption)
        source_sha = item.original_sha256 or item.sha256
        source_size = item.original_size or item.size
        source_type = item.file_type if not item.reduced else _stored_type(blobs, source_sha)
        if not source_type.image:
            reason = (
                "tệp PDF: hãy quét lại ở độ phân giải thấp hơn"
                if source_type is filetype.PDF
                else f"không phải ảnh ({source_type.label})"
            )
            results.append(Reduction(item.number, item.caption, item.size, item.size, reason))
            continue
        try:
            reduced = reduce_image(blobs.blob_path(source_sha), options)
        except NotReducible as exc:
            results.append(Reduction(item.number, item.caption, item.size, item.size, exc.reason))
            continue
        blob = blobs.put_bytes(reduced.data)
        updates.append((item, blob.sha256, blob.size, reduced.mime))
        results.append(Reduction(item.number, item.caption, source_size, blob.size))
    progress(len(items), len(items), "")
    cancel.raise_if_cancelled()
    with store.write() as db:
        for item, sha, size, mime in updates:
            row = repo.get_item(db, document_id, item.number)
            if row is None or row.sha256 != item.sha256:
                raise UserError(
                    "Danh sách minh chứng vừa bị thay đổi ở nơi khác: hãy chạy lại lệnh."
                )
            repo.replace_content(
                db,
                row.id,
                sha256=sha,
                size=size,
                mime=mime,
                original_sha256=item.original_sha256 or item.sha256,
                original_size=item.original_size or item.size,
            )
    return results


def _stored_type(store: EvidenceStore, sha256: str) -> filetype.FileType:
    return filetype.detect(store.blob_path(sha256))


def restore_original(store: Store, document_id: int, number: int) -> EvidenceItem:
    """Undo a reduction: the item points at its original file again."""
    _editable_document(store, document_id)
    blobs = evidence_store(store)
    with store.write() as db:
        item = get_evidence(db, document_id, number)
        if item.original_sha256 is None:
            raise UserError(f"Tài liệu minh chứng số {number} chưa được thu nhỏ.")
        if not blobs.has(item.original_sha256):
            raise UserError(
                f"Bản gốc của tài liệu minh chứng số {number} không còn trong kho: không khôi "
                "phục được."
            )
        kind = _stored_type(blobs, item.original_sha256)
        row = repo.get_item(db, document_id, number)
        assert row is not None
        repo.replace_content(
            db,
            row.id,
            sha256=item.original_sha256,
            size=item.original_size or blobs.blob_path(item.original_sha256).stat().st_size,
            mime=kind.mime,
            original_sha256=None,
            original_size=None,
        )
        return get_evidence(db, document_id, number)


def collect_garbage(store: Store, *, min_age_seconds: float = 24 * 3600) -> list[str]:
    """Delete stored files no item needs any more (detached, replaced); return their hashes."""
    blobs = evidence_store(store)
    with store.read() as db:
        referenced = repo.referenced_hashes(db)
    return blobs.remove_unreferenced(referenced, min_age_seconds=min_age_seconds)
