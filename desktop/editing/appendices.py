"""Phụ lục: add, remove, reorder, and change one appendix's title, reference line or body."""

from __future__ import annotations

from dataclasses import replace

from desktop.errors import UserError
from desktop.model.document import Appendix, Block, Document


def _find(doc: Document, appendix_id: str) -> int:
    for i, appendix in enumerate(doc.appendices):
        if appendix.id == appendix_id:
            return i
    raise UserError("Không tìm thấy phụ lục này (có thể đã bị xoá).")


def add_appendix(doc: Document, title: str = "") -> tuple[Document, str]:
    appendix = Appendix(title=" ".join(title.split()))
    return doc.with_changes(appendices=(*doc.appendices, appendix)), appendix.id


def remove_appendix(doc: Document, appendix_id: str) -> Document:
    i = _find(doc, appendix_id)
    return doc.with_changes(appendices=doc.appendices[:i] + doc.appendices[i + 1 :])


def move_appendix(doc: Document, appendix_id: str, offset: int) -> Document:
    i = _find(doc, appendix_id)
    j = i + offset
    if not 0 <= j < len(doc.appendices):
        raise UserError(
            "Phụ lục đã ở đầu danh sách." if offset < 0 else "Phụ lục đã ở cuối danh sách."
        )
    items = list(doc.appendices)
    items[i], items[j] = items[j], items[i]
    return doc.with_changes(appendices=tuple(items))


def update_appendix(
    doc: Document,
    appendix_id: str,
    *,
    title: str | None = None,
    reference: str | None = None,
    body: tuple[Block, ...] | None = None,
) -> Document:
    i = _find(doc, appendix_id)
    appendix = doc.appendices[i]
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = " ".join(title.split())
    if reference is not None:
        changes["reference"] = " ".join(reference.split())
    if body is not None:
        changes["body"] = body
    new = replace(appendix, **changes)  # type: ignore[arg-type]
    return doc.with_changes(appendices=(*doc.appendices[:i], new, *doc.appendices[i + 1 :]))
