"""Geometry both renderers share: header-table columns, rule lengths, Kính gửi indents.

These are decisions about *where* things go that must come out the same in DOCX and PDF, so they
are computed once here from the style profile and the measured text widths (`measure`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from desktop.layout import measure
from desktop.layout.content import HeaderBlock, Recipients, Rule
from desktop.layout.styles import Role, StyleProfile

# Cell padding on the left and right of every table cell (Word's default 0.19 cm = 108 twips),
# written explicitly into the DOCX so Word and LibreOffice agree.
CELL_PADDING_MM = 108 / 1440 * 25.4
# The narrowest left column: room for a 13 pt "UBND TỈNH QUẢNG NGÃI" on one line (the
# Government's templates use 60–70 mm).
MIN_HEADER_LEFT_MM = 62.0
# Room left beside the Quốc hiệu so rounding in any renderer never pushes it onto two lines.
NATIONAL_TITLE_SLACK_MM = 2.0
# Kính gửi starts at most this far in from the left edge of the text (Mẫu 1.5: about 35 mm).
RECIPIENTS_MAX_INDENT_MM = 35.0
# Space under the short rule of the trích yếu, before Kính gửi, căn cứ or the body: with the next
# paragraph's own space before, about the blank line the Government's files leave there.
AFTER_TITLE_RULE_PT = 6.0
# Ruled (body) tables: room above and below the text of every cell, so rows do not look cramped
# (Word's default of 0 sets 12 pt text against the rules), and a gap above the table as wide as
# the space between paragraphs, so it never touches the line or the rule above it.
TABLE_CELL_VPADDING_PT = 2.0


@dataclass(frozen=True)
class HeaderColumns:
    """Widths of the header table's two columns and its offset from the left text edge.

    `indent_mm` is ≤ 0: when the two columns need more than the text width (narrow text area and
    a 13 pt Quốc hiệu), the table spills equally into both margins, as the Government's templates
    do (spec §8), instead of letting the Quốc hiệu wrap.
    """

    left_mm: float
    right_mm: float
    indent_mm: float

    @property
    def total_mm(self) -> float:
        return self.left_mm + self.right_mm


def national_title_width_mm(styles: StyleProfile, text: str) -> float:
    return role_text_width_mm(styles, Role.NATIONAL_TITLE, text)


def role_text_width_mm(styles: StyleProfile, role: Role, text: str) -> float:
    style = styles.style(role)
    return measure.text_width_mm(text, style.size_pt, bold=style.bold, italic=style.italic)


def header_columns(styles: StyleProfile, header: HeaderBlock) -> HeaderColumns:
    """Columns that keep the Quốc hiệu (the widest right-hand line) on one line at any margin."""
    width = styles.page.text_width_mm
    widest_right = max(role_text_width_mm(styles, line.role, line.text) for line in header.right)
    need_right = widest_right + 2 * CELL_PADDING_MM + NATIONAL_TITLE_SLACK_MM
    right = max(width * (1 - header.left_fraction), need_right)
    left = max(width - right, MIN_HEADER_LEFT_MM)
    overflow = left + right - width
    return HeaderColumns(round(left, 2), round(right, 2), -round(max(overflow, 0.0) / 2, 2))


# Agency names are broken by hand into balanced lines (see `balanced_lines`); other text is left
# to the word processor's own greedy wrapping.
BALANCED_ROLES = frozenset({Role.PARENT_AGENCY, Role.ISSUING_AGENCY})


def printed_lines(styles: StyleProfile, role: Role, text: str, width_mm: float) -> list[str]:
    """The lines `text` is printed on in a container `width_mm` wide."""
    style = styles.style(role)
    if role in BALANCED_ROLES:
        return balanced_lines(text, width_mm, style.size_pt, bold=style.bold)
    return measure.wrap(text, width_mm, style.size_pt, bold=style.bold, italic=style.italic)


def rule_length_mm(styles: StyleProfile, rule: Rule, container_mm: float) -> float:
    """Length of a short rule: `fraction` × the widest line its text is printed on in the
    container (the text area of a cell or of the page)."""
    style = styles.style(rule.role)
    lines = printed_lines(styles, rule.role, rule.width_of, container_mm)
    widest = max(
        (measure.text_width_mm(t, style.size_pt, bold=style.bold, italic=style.italic)
         for t in lines),
        default=0.0,
    )  # fmt: skip
    return min(widest * rule.fraction, container_mm)


# Phrases an agency name is never broken inside, and words never left at the end of a line
# without the name they introduce ("XÃ / TIÊN ĐIỀN"): clerks break "ỦY BAN NHÂN DÂN / XÃ TIÊN
# ĐIỀN", not "ỦY BAN NHÂN / DÂN XÃ TIÊN ĐIỀN".
_UNBROKEN_PHRASES = (
    ("ỦY", "BAN", "NHÂN", "DÂN"), ("UỶ", "BAN", "NHÂN", "DÂN"), ("HỘI", "ĐỒNG", "NHÂN", "DÂN"),
    ("THÀNH", "PHỐ"), ("THỊ", "XÃ"), ("THỊ", "TRẤN"), ("ĐẶC", "KHU"), ("VĂN", "PHÒNG"),
    ("BAN", "CHỈ", "ĐẠO"), ("TRUNG", "TÂM"), ("NHÂN", "DÂN"),
)  # fmt: skip
_UNIT_WORDS = frozenset({"TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "QUẬN", "PHỐ", "TRẤN", "KHU", "SỞ"})


def _poor_breaks(words: list[str]) -> set[int]:
    """Break positions j (a line ends after words[j - 1]) that split a phrase of the name."""
    upper = [w.upper() for w in words]
    poor = {j for j in range(1, len(words)) if upper[j - 1] in _UNIT_WORDS}
    for phrase in _UNBROKEN_PHRASES:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(upper[i : i + n]) == phrase:
                poor.update(range(i + 1, i + n))
    return poor


def balanced_lines(text: str, width_mm: float, size_pt: float, *, bold: bool = False) -> list[str]:
    """`text` broken into as many lines as a word processor would need, but with the breaks
    placed so the longest line is as short as possible: "ỦY BAN NHÂN DÂN / TỈNH BÌNH PHƯỚC"
    rather than "ỦY BAN NHÂN DÂN TỈNH / BÌNH PHƯỚC", as agencies set their names by hand.
    Breaks inside a fixed phrase ("ỦY BAN NHÂN DÂN") or right after a unit word ("XÃ") are
    used only when no other set of breaks fits."""
    greedy = measure.wrap(text, width_mm, size_pt, bold=bold)
    words = text.split()
    if len(greedy) < 2 or len(words) > 40:
        return greedy
    poor = _poor_breaks(words)
    if poor:
        lines = _balanced(words, len(greedy), width_mm, size_pt, bold, poor)
        if lines is not None:
            return lines
    return _balanced(words, len(greedy), width_mm, size_pt, bold, set()) or greedy


def _balanced(
    words: list[str], count: int, width_mm: float, size_pt: float, bold: bool, avoid: set[int]
) -> list[str] | None:
    """`words` on `count` lines with the longest line shortest, never breaking at `avoid`;
    None when no such breaks fit in `width_mm`."""

    def width(i: int, j: int) -> float:
        return measure.text_width_mm(" ".join(words[i:j]), size_pt, bold=bold)

    # best[k][i]: (longest line, breaks) setting words[i:] on k lines
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def solve(k: int, i: int) -> tuple[float, list[int]]:
        if (k, i) in best:
            return best[(k, i)]
        result: tuple[float, list[int]]
        if k == 1:
            result = (width(i, len(words)), [])
        else:
            result = (float("inf"), [])
            for j in range(i + 1, len(words) - k + 2):
                head = width(i, j)
                if head > width_mm or head >= result[0]:
                    break
                if j in avoid:
                    continue
                rest, breaks = solve(k - 1, j)
                candidate = max(head, rest)
                if candidate < result[0]:
                    result = (candidate, [j, *breaks])
        best[(k, i)] = result
        return result

    longest, breaks = solve(count, 0)
    if longest > width_mm:
        return None
    cuts = [0, *breaks, len(words)]
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(cuts)]


def cell_text_width_mm(column_mm: float) -> float:
    return column_mm - 2 * CELL_PADDING_MM


@dataclass(frozen=True)
class RecipientIndents:
    """Kính gửi geometry: the label starts at `label_mm`; list items start at `items_mm`, the
    x-position of the colon, so the dashes align under it (spec §3.1 ô 9a)."""

    label_mm: float
    items_mm: float


def recipient_indents(styles: StyleProfile, recipients: Recipients) -> RecipientIndents:
    style = styles.style(Role.RECIPIENTS)

    def width(text: str) -> float:
        return measure.text_width_mm(text, style.size_pt, bold=style.bold, italic=style.italic)

    label_width = width(recipients.label)
    colon = width(recipients.label.rstrip(":"))
    if recipients.single:
        widest = label_width + width(" ") + width(recipients.items[0])
    else:
        widest = colon + max(width(item) for item in recipients.items)
    text_width = styles.page.text_width_mm
    label = min(RECIPIENTS_MAX_INDENT_MM, max(0.0, (text_width - widest) / 2))
    return RecipientIndents(round(label, 2), round(label + colon, 2))
