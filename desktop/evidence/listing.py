"""How a document lists its evidence: plain strings the layout build places and styles.

Two forms, both numbered with the numbers the user sees in `baocao evidence`:

- `attachment_lines`: the short list after the body, before the signature block —
  `Tài liệu kèm theo:` then `1. Biên bản kiểm tra ngày 12/3/2024 (mục II.1);` … ending with `.`;
- `evidence_table`: a "Danh mục tài liệu minh chứng" table for a phụ lục when the list is long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.evidence.blocks import block_refs
from desktop.evidence.items import EvidenceItem
from desktop.evidence.sizes import format_size
from desktop.model.document import Document

ATTACHMENT_HEADING = "Tài liệu kèm theo:"
TABLE_TITLE = "DANH MỤC TÀI LIỆU MINH CHỨNG"
TABLE_HEADER = ("STT", "Tên tài liệu", "Minh chứng cho", "Tệp")


def _section(document: Document | None, block_id: str | None) -> str:
    if document is None or block_id is None:
        return ""
    ref = block_refs(document).get(block_id)
    if ref is None:
        return ""  # the block was deleted: the checker reports it; the list just omits it
    return f"mục {ref.outline}" if ref.outline else ""


def _caption(item: EvidenceItem) -> str:
    caption = " ".join(item.caption.split()).rstrip(" .;,")
    return caption or item.original_name


def attachment_items(
    items: Sequence[EvidenceItem], document: Document | None = None
) -> tuple[str, ...]:
    """The item lines without the heading, for `desktop.layout.build.build(attachments=…)`,
    which prints its own "Tài liệu kèm theo:" and a "- " before each line:
    `Minh chứng số 1: Biên bản kiểm tra (mục II.1);` … the last one ending with `.`."""
    ordered = sorted(items, key=lambda i: i.number)
    out = []
    for index, item in enumerate(ordered):
        text = f"Minh chứng số {item.number}: {_caption(item)}"
        section = _section(document, item.block_id)
        if section:
            text += f" ({section})"
        out.append(text + ("." if index == len(ordered) - 1 else ";"))
    return tuple(out)


def attachment_lines(items: Sequence[EvidenceItem], document: Document | None = None) -> list[str]:
    """`Tài liệu kèm theo:` and one numbered line per item; [] when there is no evidence."""
    if not items:
        return []
    lines = [ATTACHMENT_HEADING]
    ordered = sorted(items, key=lambda i: i.number)
    for index, item in enumerate(ordered):
        text = f"{item.number}. {_caption(item)}"
        section = _section(document, item.block_id)
        if section:
            text += f" ({section})"
        text += "." if index == len(ordered) - 1 else ";"
        lines.append(text)
    return lines


@dataclass(frozen=True)
class EvidenceTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def evidence_table(
    items: Sequence[EvidenceItem], document: Document | None = None
) -> EvidenceTable:
    """The phụ lục form: number, caption, section it supports, file name and size."""
    rows = tuple(
        (
            str(item.number),
            _caption(item),
            _section(document, item.block_id),
            f"{item.original_name} ({format_size(item.size)})",
        )
        for item in sorted(items, key=lambda i: i.number)
    )
    return EvidenceTable(TABLE_TITLE, TABLE_HEADER, rows)
