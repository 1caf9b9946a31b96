"""Which block of a document an evidence item supports, by id or by its section number.

A user types the number printed in the report (`II`, `II.1`, `II.1.a`, `2.`) or the block id the
editor shows; the model stores the id only (section numbers change when headings move).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop.errors import UserError
from desktop.model.document import (
    HEADING_RANK,
    Block,
    Document,
    Heading,
    HeadingLevel,
    plain_text,
)
from desktop.model.numbering import number_headings


@dataclass(frozen=True)
class BlockRef:
    block_id: str
    outline: str  # "II.1.a"; "" for an unnumbered heading or a non-heading block
    printed: str  # the number as printed, without its final mark: "1.1", "a", "II"
    label: str  # what a list prints: "mục II.1 (Kết quả thực hiện)"


def _all_blocks(document: Document) -> Iterator[tuple[Block, str | None]]:
    """Every block with the title of the phụ lục it belongs to (None: main body)."""
    for block in document.body:
        yield block, None
    for index, appendix in enumerate(document.appendices, start=1):
        for block in appendix.body:
            yield block, appendix.title or f"Phụ lục {index}"


def _outline_paths(blocks: tuple[Block, ...]) -> dict[str, tuple[str, str]]:
    """Map numbered heading ids to (outline path `II.1.a`, printed number `a`)."""
    labels = number_headings(blocks)
    stack: list[tuple[int, str]] = []  # (rank, component)
    out: dict[str, tuple[str, str]] = {}
    for block in blocks:
        if not isinstance(block, Heading) or block.id not in labels:
            continue
        rank = HEADING_RANK[block.level]
        while stack and stack[-1][0] >= rank:
            stack.pop()
        printed = labels[block.id].rstrip(".)").strip()
        # "1.1." already carries its parent's number; the path adds only its own part.
        component = printed.rsplit(".", 1)[-1] if block.level is HeadingLevel.DECIMAL else printed
        stack.append((rank, component))
        out[block.id] = (".".join(c for _, c in stack), printed)
    return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def block_refs(document: Document) -> dict[str, BlockRef]:
    """Every block that evidence can point to, by id."""
    outlines = _outline_paths(document.body)
    for appendix in document.appendices:
        outlines.update(_outline_paths(appendix.body))
    refs: dict[str, BlockRef] = {}
    for block, appendix_title in _all_blocks(document):
        outline, printed = outlines.get(block.id, ("", ""))
        if isinstance(block, Heading):
            title = _short(plain_text(block.content))
            label = f"mục {outline} ({title})" if outline else f"mục “{title}”"
        else:
            label = "một đoạn của văn bản"
        if appendix_title:
            label += f", {_short(appendix_title, 40)}"
        refs[block.id] = BlockRef(block.id, outline, printed, label)
    return refs


def resolve_block(document: Document, text: str) -> BlockRef:
    """Find the block a user means by `text`: an id, or a section number like `II.1`."""
    wanted = text.strip()
    refs = block_refs(document)
    if wanted in refs:
        return refs[wanted]
    normalized = wanted.rstrip(".)").strip()
    by_outline = [r for r in refs.values() if r.outline and r.outline == normalized]
    if len(by_outline) == 1:
        return by_outline[0]
    by_printed = [r for r in refs.values() if r.printed and r.printed == normalized]
    if not by_outline and len(by_printed) == 1:
        return by_printed[0]
    # The last component alone ("1" for "II.1") if only one heading has it.
    by_tail = [r for r in refs.values() if r.outline and r.outline.split(".")[-1] == normalized]
    if not by_outline and not by_printed and len(by_tail) == 1:
        return by_tail[0]
    known = ", ".join(r.outline for r in refs.values() if r.outline) or "văn bản chưa có mục nào"
    if len(by_outline) > 1 or len(by_printed) > 1 or len(by_tail) > 1:
        raise UserError(
            f"Có nhiều mục ứng với “{wanted}”: hãy ghi đủ số mục (ví dụ II.1) hoặc mã khối."
        )
    raise UserError(f"Văn bản không có mục “{wanted}”; các mục hiện có: {known}.")


def describe_block(document: Document, block_id: str | None) -> str:
    """`mục II.1 (Kết quả …)`; '' for the whole document; a notice if the block is gone."""
    if block_id is None:
        return ""
    ref = block_refs(document).get(block_id)
    return ref.label if ref else "mục đã bị xóa khỏi văn bản"
