"""What a page break leaves in copied PDF text besides split paragraphs: the page number.

Page 2 on carries its number centred in the header, so the text reads `… end of page 1`, a blank
line, `2`, a blank line, `start of page 2`. A line holding only a small number (or `- 2 -`,
`Trang 2`) between blank lines is that number; it is removed (the renderer numbers the pages).
"""

from __future__ import annotations

import re

from desktop.importing.lines import LineKind, classify
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine

_DIGITS = re.compile(r"\d+")


def remove_page_numbers(lines: list[SourceLine], report: ReportBuilder) -> list[SourceLine]:
    keep: list[SourceLine] = []
    removed: list[int] = []
    for index, line in enumerate(lines):
        isolated = (
            line.region is Region.FLOW
            and line.table is None
            and line.blank_before
            and (index + 1 == len(lines) or lines[index + 1].blank_before)
        )
        if isolated and classify(line.text).kind is LineKind.PAGE_NUMBER:
            value = int(_DIGITS.search(line.text).group(0))  # type: ignore[union-attr]
            if value >= 1:
                removed.append(line.number)
                continue
        keep.append(line)
    if removed:
        report.adjusted(
            "body",
            f"Đã bỏ {len(removed)} dòng số trang (khi xuất số trang được đánh lại).",
            line=removed[0],
        )
    return keep
