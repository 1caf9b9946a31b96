"""The outline of a body: headings form a tree; every structural edit is a pure function.

The body is a flat tuple of blocks. A heading *owns* the non-heading blocks that follow it up to
the next heading (its content) and the following headings of a deeper rank up to the next heading
of the same or a higher rank (its children). Blocks before the first heading are the preamble
(the "Mở đầu" of the outline, usually the "Thực hiện …" paragraph).

Numbers are never stored (see `desktop.model.numbering`), so moving, indenting or deleting a
section renumbers everything after it for free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from desktop.errors import UserError
from desktop.model.document import (
    HEADING_RANK,
    Block,
    Heading,
    HeadingLevel,
    Run,
)
from desktop.model.kinds import DocumentKind
from desktop.model.numbering import number_headings

Body = tuple[Block, ...]

# The levels a report-style document descends through, outermost first (spec §3.1).
REPORT_LADDER: tuple[HeadingLevel, ...] = (
    HeadingLevel.PART,
    HeadingLevel.ROMAN,
    HeadingLevel.ARABIC,
    HeadingLevel.DECIMAL,
    HeadingLevel.LETTER,
)
# Decisions, directives and regulations: Chương → Mục → Điều → khoản (1.) → điểm (a)).
ARTICLE_LADDER: tuple[HeadingLevel, ...] = (
    HeadingLevel.PART,
    HeadingLevel.CHAPTER,
    HeadingLevel.SECTION,
    HeadingLevel.ARTICLE,
    HeadingLevel.ARABIC,
    HeadingLevel.LETTER,
)
_ARTICLE_KINDS = frozenset({DocumentKind.QUYET_DINH, DocumentKind.NGHI_QUYET, DocumentKind.CHI_THI})

LEVEL_NAMES: dict[HeadingLevel, str] = {
    HeadingLevel.PART: "Phần",
    HeadingLevel.CHAPTER: "Chương",
    HeadingLevel.SECTION: "Mục",
    HeadingLevel.ROMAN: "Mục La Mã (I, II…)",
    HeadingLevel.ARTICLE: "Điều",
    HeadingLevel.ARABIC: "Mục số (1, 2…)",
    HeadingLevel.DECIMAL: "Mục con (1.1, 1.2…)",
    HeadingLevel.LETTER: "Điểm (a, b…)",
}


def ladder(kind: DocumentKind) -> tuple[HeadingLevel, ...]:
    """The indent/outdent order of heading levels for a kind of document."""
    return ARTICLE_LADDER if kind in _ARTICLE_KINDS else REPORT_LADDER


def _step(level: HeadingLevel, steps: int, kind: DocumentKind) -> HeadingLevel | None:
    """Move `level` down (steps > 0) or up the kind's ladder; None past either end.

    A level the ladder does not list (a Chương in a report) moves along the full rank order.
    """
    order = ladder(kind)
    if level not in order:
        order = tuple(HeadingLevel)
    index = order.index(level) + steps
    if not 0 <= index < len(order):
        return None
    return order[index]


@dataclass(frozen=True)
class OutlineNode:
    """One heading of the tree, with its place in the flat body."""

    id: str
    level: HeadingLevel
    text: str
    label: str  # the computed number ("I.", "1.1.", "a)"), empty for unnumbered headings
    index: int  # position of the heading in the body
    content_end: int  # end (exclusive) of the heading's own content blocks
    subtree_end: int  # end (exclusive) of the heading with all its descendants
    parent_id: str | None
    children: tuple[str, ...]

    @property
    def content_range(self) -> range:
        return range(self.index + 1, self.content_end)


@dataclass(frozen=True)
class Outline:
    nodes: dict[str, OutlineNode]
    roots: tuple[str, ...]
    preamble_end: int  # the preamble is body[0:preamble_end]

    def node(self, heading_id: str) -> OutlineNode:
        try:
            return self.nodes[heading_id]
        except KeyError:
            raise UserError("Không tìm thấy mục này trong văn bản (có thể đã bị xoá).") from None

    def siblings(self, heading_id: str) -> tuple[str, ...]:
        parent = self.node(heading_id).parent_id
        return self.roots if parent is None else self.nodes[parent].children

    def in_order(self) -> list[OutlineNode]:
        return sorted(self.nodes.values(), key=lambda n: n.index)


def build_outline(body: Sequence[Block]) -> Outline:
    """The heading tree of a body; parent = the nearest earlier heading of a smaller rank."""
    labels = number_headings(body)
    heading_positions = [i for i, b in enumerate(body) if isinstance(b, Heading)]
    preamble_end = heading_positions[0] if heading_positions else len(body)
    # First pass: parents and content ranges.
    parents: dict[str, str | None] = {}
    stack: list[Heading] = []
    content_end: dict[str, int] = {}
    for n, pos in enumerate(heading_positions):
        heading = body[pos]
        assert isinstance(heading, Heading)
        rank = HEADING_RANK[heading.level]
        while stack and HEADING_RANK[stack[-1].level] >= rank:
            stack.pop()
        parents[heading.id] = stack[-1].id if stack else None
        stack.append(heading)
        content_end[heading.id] = (
            heading_positions[n + 1] if n + 1 < len(heading_positions) else len(body)
        )
    children: dict[str | None, list[str]] = {None: []}
    for pos in heading_positions:
        hid = body[pos].id
        children.setdefault(hid, [])
        children.setdefault(parents[hid], []).append(hid)
    # Subtree ends: walk backwards so a child's end is known before its parent's.
    subtree_end: dict[str, int] = {}
    for pos in reversed(heading_positions):
        hid = body[pos].id
        kids = children[hid]
        subtree_end[hid] = subtree_end[kids[-1]] if kids else content_end[hid]
    nodes: dict[str, OutlineNode] = {}
    for pos in heading_positions:
        heading = body[pos]
        assert isinstance(heading, Heading)
        nodes[heading.id] = OutlineNode(
            id=heading.id,
            level=heading.level,
            text=heading.text,
            label=labels.get(heading.id, ""),
            index=pos,
            content_end=content_end[heading.id],
            subtree_end=subtree_end[heading.id],
            parent_id=parents[heading.id],
            children=tuple(children[heading.id]),
        )
    return Outline(nodes, tuple(children[None]), preamble_end)


# --------------------------------------------------------------------------------------------
# Content of one section


def section_content(body: Body, heading_id: str | None) -> Body:
    """The blocks the text editor shows for a section (None = the preamble)."""
    outline = build_outline(body)
    if heading_id is None:
        return body[: outline.preamble_end]
    node = outline.node(heading_id)
    return body[node.index + 1 : node.content_end]


def replace_section_content(body: Body, heading_id: str | None, blocks: Sequence[Block]) -> Body:
    """Put `blocks` in place of a section's own content. Headings are refused here: structure
    changes go through the outline functions so the tree stays what the user sees."""
    if any(isinstance(b, Heading) for b in blocks):
        raise UserError("Nội dung của một mục không được chứa đề mục; hãy thêm mục trong dàn ý.")
    outline = build_outline(body)
    if heading_id is None:
        start, end = 0, outline.preamble_end
    else:
        node = outline.node(heading_id)
        start, end = node.index + 1, node.content_end
    return (*body[:start], *blocks, *body[end:])


# --------------------------------------------------------------------------------------------
# Structural edits


def _heading(body: Body, heading_id: str) -> Heading:
    for block in body:
        if isinstance(block, Heading) and block.id == heading_id:
            return block
    raise UserError("Không tìm thấy mục này trong văn bản (có thể đã bị xoá).")


def default_child_level(body: Body, parent_id: str | None, kind: DocumentKind) -> HeadingLevel:
    """The level a new heading under `parent_id` gets: that of its siblings if any, else one
    step down the ladder (the top of the report ladder for a new root)."""
    outline = build_outline(body)
    siblings = outline.roots if parent_id is None else outline.node(parent_id).children
    if siblings:
        return outline.nodes[siblings[-1]].level
    if parent_id is None:
        return HeadingLevel.CHAPTER if kind in _ARTICLE_KINDS else HeadingLevel.ROMAN
    below = _step(outline.node(parent_id).level, 1, kind)
    if below is None:
        raise UserError("Mục này đã ở cấp thấp nhất (a, b, c…); không thể thêm mục con.")
    return below


def add_section(
    body: Body,
    kind: DocumentKind,
    text: str,
    *,
    after_id: str | None = None,
    parent_id: str | None = None,
    as_child: bool = False,
) -> tuple[Body, str]:
    """Insert a new heading and return the new body and the heading's id.

    - `as_child=True`: the last child of `parent_id` (a root when None).
    - otherwise: the next sibling of `after_id` (after its whole subtree); with no `after_id`,
      the last root.
    """
    outline = build_outline(body)
    if as_child or after_id is None:
        level = default_child_level(body, parent_id, kind)
        position = len(body) if parent_id is None else outline.node(parent_id).subtree_end
    else:
        sibling = outline.node(after_id)
        level = sibling.level
        position = sibling.subtree_end
    heading = Heading(level=level, content=(Run(text),) if text else ())
    return (*body[:position], heading, *body[position:]), heading.id


def rename_section(body: Body, heading_id: str, text: str) -> Body:
    """Give a heading a new plain title (the number stays computed)."""
    heading = _heading(body, heading_id)
    text = " ".join(text.split())
    new = replace(heading, content=(Run(text),) if text else ())
    return tuple(new if b is heading else b for b in body)


def set_numbered(body: Body, heading_id: str, numbered: bool) -> Body:
    heading = _heading(body, heading_id)
    return tuple(replace(heading, numbered=numbered) if b is heading else b for b in body)


def _shift_subtree(body: Body, node: OutlineNode, steps: int, kind: DocumentKind) -> Body:
    out = list(body)
    for i in range(node.index, node.subtree_end):
        block = out[i]
        if isinstance(block, Heading):
            level = _step(block.level, steps, kind)
            if level is None:
                if steps > 0:
                    raise UserError(
                        "Không thể lùi vào thêm: trong mục này đã có điểm a), b)… ở cấp thấp nhất."
                    )
                raise UserError("Mục này đã ở cấp cao nhất; không thể đưa ra ngoài thêm.")
            out[i] = replace(block, level=level)
    return tuple(out)


def indent_section(body: Body, heading_id: str, kind: DocumentKind) -> Body:
    """Demote a heading and its subtree one level (it becomes a child of its previous sibling)."""
    outline = build_outline(body)
    node = outline.node(heading_id)
    siblings = outline.siblings(heading_id)
    position = siblings.index(heading_id)
    if position == 0:
        raise UserError(
            "Không thể lùi vào mục đầu tiên của một cấp: chưa có mục đứng trước để làm mục cha."
        )
    previous = outline.nodes[siblings[position - 1]]
    shifted = _shift_subtree(body, node, 1, kind)
    if previous.children:
        # Join the previous sibling's children at their level when it differs from one step down.
        wanted = outline.nodes[previous.children[0]].level
        current = _heading(shifted, heading_id).level
        if wanted != current and HEADING_RANK[wanted] > HEADING_RANK[previous.level]:
            steps = ladder_distance(current, wanted, kind)
            node = build_outline(shifted).node(heading_id)
            shifted = _shift_subtree(shifted, node, steps, kind)
    return shifted


def ladder_distance(start: HeadingLevel, end: HeadingLevel, kind: DocumentKind) -> int:
    """Steps from `start` to `end` along the kind's ladder (the full rank order when either
    level is not on the ladder)."""
    order = ladder(kind)
    if start not in order or end not in order:
        order = tuple(HeadingLevel)
    return order.index(end) - order.index(start)


def outdent_section(body: Body, heading_id: str, kind: DocumentKind) -> Body:
    """Promote a heading and its subtree one level, in place (the following siblings become its
    children, as in Word's outline view)."""
    outline = build_outline(body)
    node = outline.node(heading_id)
    return _shift_subtree(body, node, -1, kind)


def delete_section(body: Body, heading_id: str) -> Body:
    """Remove a heading with its content and all its sub-sections."""
    node = build_outline(body).node(heading_id)
    return (*body[: node.index], *body[node.subtree_end :])


def move_section(
    body: Body,
    heading_id: str,
    new_parent_id: str | None,
    row: int,
    kind: DocumentKind,
) -> Body:
    """Move a section (with its content and sub-sections) to be child number `row` of
    `new_parent_id` (a root when None). Levels follow the destination: the moved heading takes
    the level of its new siblings (or one step below the new parent) and its descendants shift
    by the same number of steps."""
    outline = build_outline(body)
    node = outline.node(heading_id)
    if new_parent_id is not None:
        ancestor: str | None = new_parent_id
        while ancestor is not None:
            if ancestor == heading_id:
                raise UserError("Không thể chuyển một mục vào bên trong chính nó.")
            ancestor = outline.nodes[ancestor].parent_id
    moved = body[node.index : node.subtree_end]
    rest = (*body[: node.index], *body[node.subtree_end :])
    rest_outline = build_outline(rest)
    siblings = (
        rest_outline.roots if new_parent_id is None else rest_outline.node(new_parent_id).children
    )
    row = max(0, min(row, len(siblings)))
    if row < len(siblings):
        position = rest_outline.nodes[siblings[row]].index
    elif new_parent_id is None:
        position = len(rest)
    else:
        position = rest_outline.node(new_parent_id).subtree_end
    target_level = default_child_level(rest, new_parent_id, kind)
    steps = ladder_distance(node.level, target_level, kind)
    new_body: Body = (*rest[:position], *moved, *rest[position:])
    if steps:
        new_body = _shift_subtree(new_body, build_outline(new_body).node(heading_id), steps, kind)
    return new_body


def move_section_by(body: Body, heading_id: str, offset: int, kind: DocumentKind) -> Body:
    """Move a section up (-1) or down (+1) among its siblings (Alt+↑ / Alt+↓)."""
    outline = build_outline(body)
    node = outline.node(heading_id)
    siblings = outline.siblings(heading_id)
    position = siblings.index(heading_id)
    target = position + offset
    if not 0 <= target < len(siblings):
        raise UserError("Mục đã ở đầu cấp này." if offset < 0 else "Mục đã ở cuối cấp này.")
    # Row numbers in move_section count siblings without the moved one.
    return move_section(body, heading_id, node.parent_id, target, kind)
