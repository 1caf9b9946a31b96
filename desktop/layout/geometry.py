"""Geometry both renderers share: header-table columns, rule lengths, Kính gửi indents.

These are decisions about *where* things go that must come out the same in DOCX and PDF, so they
are computed once here from the style profile and the measured text widths (`measure`).
"""

from __future__ import annotations

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


def rule_length_mm(styles: StyleProfile, rule: Rule, container_mm: float) -> float:
    """Length of a short rule: `fraction` × the widest line its text wraps into in the container
    (the text area of a cell or of the page)."""
    style = styles.style(rule.role)
    available = container_mm
    widest = measure.widest_line_mm(
        rule.width_of, available, style.size_pt, bold=style.bold, italic=style.italic
    )
    return min(widest * rule.fraction, available)


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
