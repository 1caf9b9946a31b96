"""Markdown tables of a converted document: body tables, and the page's layout tables.

Converters (pandoc, markitdown, web-to-markdown tools) write every Word table as a pipe table,
including the two borderless tables of a Nghị định 30 page: the header (agency | Quốc hiệu,
Số | place and date) and the closing (Nơi nhận | signer). The lines inside a cell are joined
with `<br>`. A layout table is given back as the lines of its cells, marked with the region and
column they came from, so the header and closing readers see what Word's reader gives them; any
other table becomes a `Table` block.
"""

from __future__ import annotations

import re

from desktop.importing.inline import Content, strip, text_of
from desktop.importing.lines import fold
from desktop.importing.markup import parse_emphasis
from desktop.importing.source import Region, SourceLine
from desktop.model.document import Table, TableCell

_ROW = re.compile(r"^\s*\|.*\|\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:p|div|span|b|i|u|strong|em)(?:\s[^>]*)?>", re.IGNORECASE)
_SIGNER_START = re.compile(r"^\W*(?:TM|KT|TL|TUQ|Q)\s*\.", re.IGNORECASE)
_HEADER_PHRASES = ("CONG HOA XA HOI CHU NGHIA", "DANG CONG SAN VIET NAM")
_MAX_LAYOUT_COLUMNS = 3

Numbered = tuple[int, str]


def table_lines(block: list[Numbered], blank_before: bool) -> tuple[list[SourceLine], int]:
    """The source lines of the table at the start of `block` and the count of lines it used."""
    rows: list[tuple[int, list[str]]] = []
    consumed = 0
    for position, (number, line) in enumerate(block):
        if position == 1:
            consumed += 1  # the |---| line under the first row
            continue
        if not _ROW.match(line):
            break
        rows.append((number, _cells(line)))
        consumed += 1
    region = _layout_region([cells for _, cells in rows])
    if region is not None:
        return _layout_lines(rows, region), consumed
    table_rows = [tuple(TableCell(_content(c, joiner=" ")) for c in cells) for _, cells in rows]
    width = max(len(r) for r in table_rows)
    padded = tuple(r + tuple(TableCell(()) for _ in range(width - len(r))) for r in table_rows)
    table = SourceLine((), block[0][0], blank_before, table=Table(padded, header_rows=1))
    return [table], consumed


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


def _content(cell: str, *, joiner: str) -> Content:
    text = _HTML_TAG.sub("", _BREAK.sub(joiner, cell))
    return strip(parse_emphasis(text))


def _layout_region(rows: list[list[str]]) -> Region | None:
    """HEADER_TABLE / CLOSING_TABLE when the table is one of the page's layout tables."""
    if not rows or max(len(r) for r in rows) > _MAX_LAYOUT_COLUMNS:
        return None
    texts = [_plain(cell) for row in rows for cell in row]
    folded = fold(" ".join(texts))
    if any(phrase in folded for phrase in _HEADER_PHRASES):
        return Region.HEADER_TABLE
    lines = [line for cell in texts for line in cell.split("\n")]
    if any(fold(line).startswith("NOI NHAN") for line in lines) or any(
        _SIGNER_START.match(line) for line in lines
    ):
        return Region.CLOSING_TABLE
    return None


def _plain(cell: str) -> str:
    return text_of(_content(cell, joiner="\n"))


def _layout_lines(rows: list[tuple[int, list[str]]], region: Region) -> list[SourceLine]:
    """The lines of each cell, row by row and left to right (as Word's reader gives them)."""
    out: list[SourceLine] = []
    for number, cells in rows:
        for column, cell in enumerate(cells):
            text = _HTML_TAG.sub("", _BREAK.sub("\n", cell))
            for piece in text.split("\n"):
                content = strip(parse_emphasis(piece.strip()))
                if text_of(content).strip():
                    out.append(SourceLine(content, number, region=region, column=column))
    return out
