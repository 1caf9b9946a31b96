"""What a page break leaves in copied PDF text besides split paragraphs: the page number.

Page 2 on carries its number centred in the header, so the text reads `… end of page 1`, a blank
line, `2`, a blank line, `start of page 2`. A line holding only a small number (or `- 2 -`,
`Trang 2`) between blank lines is that number; it is removed (the renderer numbers the pages).
`pdftotext` marks the page break itself (a form feed, read as a blank line) but puts the number
straight before the page's first line: after a break, a number that continues the sequence of
page numbers (or `- 2 -`, `Trang 2`, which are never body text) is removed as well.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.importing.lines import LineKind, classify
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine

_DIGITS = re.compile(r"\d+")
_DECORATED = re.compile(r"^-\s*\d{1,3}\s*-$|^Trang\s+\d", re.IGNORECASE)


def remove_page_numbers(lines: list[SourceLine], report: ReportBuilder) -> list[SourceLine]:
    lines = list(lines)
    keep: list[SourceLine] = []
    removed: list[int] = []
    last_page = 1
    for index, line in enumerate(lines):
        candidate = (
            line.region is Region.FLOW
            and line.table is None
            and line.blank_before
            and classify(line.text).kind is LineKind.PAGE_NUMBER
        )
        if candidate:
            value = int(_DIGITS.search(line.text).group(0))  # type: ignore[union-attr]
            isolated = index + 1 == len(lines) or lines[index + 1].blank_before
            if value >= 1 and (
                isolated or value == last_page + 1 or _DECORATED.match(line.text.strip())
            ):
                removed.append(line.number)
                last_page = value
                if not isolated and index + 1 < len(lines):
                    # The page's first line still starts after a page break.
                    lines[index + 1] = _after_break(lines[index + 1])
                continue
        keep.append(line)
    if removed:
        report.adjusted(
            "body",
            f"Đã bỏ {len(removed)} dòng số trang (khi xuất số trang được đánh lại).",
            line=removed[0],
        )
    return keep


def _after_break(line: SourceLine) -> SourceLine:
    return replace(line, blank_before=True)


def remove_rules(lines: list[SourceLine], report: ReportBuilder) -> list[SourceLine]:
    """Drop lines that are only a rule (`_______`, `-------`) from the body of a text file.

    In copied text they are the separator above the footnotes of a page, or the short rule under
    a title; both are drawn by the renderer, and a rule left in the body would also stop the
    paragraph it interrupts from being joined back together.
    """
    keep = [
        line
        for line in lines
        if line.table is not None or classify(line.text).kind is not LineKind.RULE
    ]
    if len(keep) < len(lines):
        report.adjusted(
            "body",
            f"Đã bỏ {len(lines) - len(keep)} dòng chỉ có đường kẻ (đường phân cách chú thích, "
            "đường kẻ dưới tiêu đề).",
        )
    return keep
