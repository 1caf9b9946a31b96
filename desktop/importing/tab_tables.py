"""Tables that reached a text file as tab-separated lines.

Word's "Save as Plain Text", and copying a table out of Word or a PDF viewer, write each row of
a table as one line with a tab between the cells (`STT⇥Chỉ tiêu⇥Kế hoạch⇥Thực hiện`). A run of
two or more such lines in the body is a table: it becomes one `Table` block instead of
paragraphs whose cells run together. A line whose first "cell" is only its outline number or list
mark (`1.⇥Chính quyền số`, `-⇥Tỷ lệ …`, Word's automatic numbering saved as text) is a paragraph,
not a row.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.importing.inline import cut, strip
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine
from desktop.model.document import Table, TableCell

_LABEL_THEN_TAB = re.compile(
    r"^\s*(?:[IVXLC]{1,6}\.|\d{1,3}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[-–+•·o*]|[\uf000-\uf0ff§Ø])\t"
)
_NUMERIC = re.compile(r"^[\d\s.,%/()-]*$")


def group_tab_tables(lines: list[SourceLine], report: ReportBuilder) -> list[SourceLine]:
    out: list[SourceLine] = []
    run: list[SourceLine] = []

    def flush() -> None:
        if len(run) >= 2:
            out.append(_table_line(run, report))
        else:
            out.extend(run)
        run.clear()

    for line in lines:
        if _is_row(line) and not (run and line.blank_before):
            run.append(line)
            continue
        flush()
        if _is_row(line):
            run.append(line)
        else:
            out.append(line)
    flush()
    return out


def _is_row(line: SourceLine) -> bool:
    if line.table is not None or line.region is not Region.FLOW:
        return False
    text = line.text.strip(" ")
    if "\t" not in text.strip() or _LABEL_THEN_TAB.match(text):
        return False
    return sum(1 for cell in text.strip().split("\t") if cell.strip()) >= 2


def _cells(line: SourceLine) -> list[TableCell]:
    text = line.text
    cells: list[TableCell] = []
    start = 0
    for position in [m.start() for m in re.finditer("\t", text)] + [len(text)]:
        cells.append(TableCell(strip(cut(line.content, start, position))))
        start = position + 1
    while cells and not cells[0].text.strip() and not text[:1].strip():
        cells.pop(0)  # leading whitespace before the first cell, not an empty cell
    return cells


def _table_line(run: list[SourceLine], report: ReportBuilder) -> SourceLine:
    rows = [_cells(line) for line in run]
    width = max(len(r) for r in rows)
    padded = tuple(tuple(r + [TableCell(())] * (width - len(r))) for r in rows)
    first = [c.text.strip() for c in padded[0]]
    header_rows = 1 if all(c and not _NUMERIC.match(c) for c in first) else 0
    report.unsure(
        "body",
        f"{len(run)} dòng có các ô cách nhau bằng phím Tab đã được dựng lại thành một bảng "
        f"{width} cột — kiểm tra lại các cột.",
        line=run[0].number,
        excerpt=run[0].text.replace("\t", " | "),
    )
    return replace(run[0], content=(), table=Table(padded, header_rows=header_rows))
