"""Plain or markdown text → source lines.

Each non-blank line becomes one source line. Markdown marks are turned into heading depth and
formatting here (emphasis is parsed over a whole block of consecutive lines, because a bold
signer block can span lines), and markdown tables (`| a | b |` with a `|---|` line) become
tables. Whether a line continues the previous one is decided later, by the structure step.
"""

from __future__ import annotations

import re

from desktop.importing.inline import split_lines, strip, text_of
from desktop.importing.markup import heading_depth, parse_emphasis
from desktop.importing.source import SourceLine
from desktop.jobs import CancelToken
from desktop.model.document import Table, TableCell

_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read_lines(text: str, cancel: CancelToken | None = None) -> list[SourceLine]:
    """Source lines of a text; `blank_before` is set on the first line after blank lines."""
    out: list[SourceLine] = []
    block: list[tuple[int, str]] = []  # (line number, text) of consecutive non-blank lines
    for index, line in enumerate(text.split("\n"), start=1):
        if cancel is not None and index % 2000 == 0:
            cancel.raise_if_cancelled()
        if line.strip():
            block.append((index, line.rstrip()))
        elif block:
            out.extend(_block_lines(block, blank_before=block[0][0] > 1))
            block = []
    if block:
        out.extend(_block_lines(block, blank_before=block[0][0] > 1))
    return out


def _block_lines(block: list[tuple[int, str]], blank_before: bool) -> list[SourceLine]:
    if len(block) >= 2 and _TABLE_ROW.match(block[0][1]) and _TABLE_SEPARATOR.match(block[1][1]):
        return _markdown_table(block, blank_before)
    depths: list[int] = []
    texts: list[str] = []
    for _, line in block:
        depth, rest = heading_depth(line)
        depths.append(depth)
        texts.append(rest.strip() if depth else rest.lstrip())
    contents = split_lines(parse_emphasis("\n".join(texts)))
    out: list[SourceLine] = []
    first = True
    for (number, _), depth, content in zip(block, depths, contents, strict=True):
        content = strip(content)
        if not text_of(content).strip():
            continue  # a line of emphasis marks only
        out.append(SourceLine(content, number, blank_before and first, depth))
        first = False
    return out


def _markdown_table(block: list[tuple[int, str]], blank_before: bool) -> list[SourceLine]:
    rows: list[tuple[TableCell, ...]] = []
    consumed = 0
    for position, (_, line) in enumerate(block):
        if position == 1:
            consumed += 1  # the |---| line under the header row
            continue
        if not _TABLE_ROW.match(line):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append(tuple(TableCell(strip(parse_emphasis(c))) for c in cells))
        consumed += 1
    width = max(len(r) for r in rows)
    padded = tuple(r + tuple(TableCell(()) for _ in range(width - len(r))) for r in rows)
    lines = [SourceLine((), block[0][0], blank_before, table=Table(padded, header_rows=1))]
    rest = block[consumed:]
    if rest:
        lines.extend(_block_lines(rest, blank_before=False))
    return lines
