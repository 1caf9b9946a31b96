"""What changed between two versions of a document, in words a user reads in the history panel."""

from __future__ import annotations

from desktop.model.document import Block, Document, Heading, ListItem, Paragraph, Table, plain_text
from desktop.model.numbering import number_headings
from desktop.model.validate import FIELD_LABELS

_HEADER_FIELDS = (
    "kind", "title", "authority", "parent_agency", "issuing_agency", "agency_abbr", "unit_abbr",
    "number", "place", "date", "recipients", "legal_bases", "urgency", "secrecy", "closing", "signer",
    "distribution", "archive_note", "drafter_initials", "copies", "footer_address", "deadline",
    "status",
)  # fmt: skip
_EXTRA_LABELS = {"kind": "loại văn bản", "urgency": "độ khẩn", "secrecy": "độ mật",
                 "deadline": "hạn gửi", "status": "trạng thái"}  # fmt: skip


def _block_text(block: Block) -> str:
    if isinstance(block, Heading | Paragraph | ListItem):
        return plain_text(block.content)
    if isinstance(block, Table):
        return " | ".join(c.text for row in block.rows for c in row)
    return ""


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sections(body: tuple[Block, ...]) -> dict[str, str]:
    """block id → the printed name of the section holding it ("II. Tồn tại", "Mở đầu")."""
    labels = number_headings(body)
    current = "phần mở đầu"
    out: dict[str, str] = {}
    for block in body:
        if isinstance(block, Heading):
            current = f"mục {labels.get(block.id, '')} {_short(block.text, 40)}".replace("  ", " ")
        out[block.id] = current
    return out


def describe_changes(old: Document, new: Document, *, limit: int = 12) -> list[str]:
    """Sentences describing how `new` differs from `old` (empty when they are equal)."""
    lines: list[str] = []
    for name in _HEADER_FIELDS:
        if getattr(old, name) != getattr(new, name):
            label = FIELD_LABELS.get(name) or _EXTRA_LABELS.get(name, name)
            lines.append(f"Sửa {label}")
    old_blocks = {b.id: b for b in old.body}
    new_blocks = {b.id: b for b in new.body}
    old_where, new_where = _sections(old.body), _sections(new.body)
    old_headings = [b.id for b in old.body if isinstance(b, Heading)]
    new_headings = [b.id for b in new.body if isinstance(b, Heading)]
    for block in new.body:
        if block.id not in old_blocks:
            if isinstance(block, Heading):
                lines.append(f"Thêm {new_where[block.id]}")
            else:
                lines.append(f"Thêm đoạn “{_short(_block_text(block))}” ở {new_where[block.id]}")
        elif old_blocks[block.id] != block:
            if isinstance(block, Heading):
                before = old_blocks[block.id]
                if isinstance(before, Heading) and before.text != block.text:
                    lines.append(
                        f"Đổi tên mục “{_short(before.text, 40)}” thành “{_short(block.text, 40)}”"
                    )
                else:
                    lines.append(f"Đổi cấp {new_where[block.id]}")
            else:
                lines.append(f"Sửa đoạn “{_short(_block_text(block))}” ở {new_where[block.id]}")
    for block in old.body:
        if block.id not in new_blocks:
            if isinstance(block, Heading):
                lines.append(f"Xoá {old_where[block.id]}")
            else:
                lines.append(f"Xoá đoạn “{_short(_block_text(block))}” ở {old_where[block.id]}")
    kept_old = [h for h in old_headings if h in new_blocks]
    kept_new = [h for h in new_headings if h in old_blocks]
    if kept_old != kept_new:
        lines.append("Sắp xếp lại thứ tự các mục")
    if old.appendices != new.appendices:
        lines.append(f"Sửa phụ lục ({len(old.appendices)} → {len(new.appendices)} phụ lục)")
    if len(lines) > limit:
        hidden = len(lines) - limit
        lines = [*lines[:limit], f"… và {hidden} thay đổi khác"]
    return lines
