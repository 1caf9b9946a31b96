"""Plain or markdown text → source lines.

Each non-blank line becomes one source line. Markdown marks are turned into heading depth and
formatting here (emphasis is parsed over a whole block of consecutive lines, because a bold
signer block can span lines), and markdown tables (`| a | b |` with a `|---|` line) become
tables — or, when they are the header or the Nơi nhận/signer table of the page (converters write
those as tables too, with `<br>` between the lines of a cell), the lines of their cells.

Text copied from a web page of legal documents keeps the page's table cells as `|` marks: a line
holding only `|` (a cell ended), or `… năm 2019 |` at the end of a line. Such marks end a cell:
they are dropped and the next line counts as coming after a break. Whether a line continues the
previous one is decided later, by the structure step.
"""

from __future__ import annotations

import re

from desktop.importing.inline import split_lines, strip, text_of
from desktop.importing.markdown_tables import table_lines
from desktop.importing.markup import heading_depth, parse_emphasis
from desktop.importing.source import SourceLine
from desktop.jobs import CancelToken

_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPES_ONLY = re.compile(r"^\s*\|(?:\s*\|)*\s*$")
_CELL_END = re.compile(r"\s+\|\s*$")
_CELL_START = re.compile(r"^\s*\|\s+")
_TAB_WIDTH = 4

Numbered = tuple[int, str]  # (line number, text)


def read_lines(text: str, cancel: CancelToken | None = None) -> list[SourceLine]:
    """Source lines of a text; `blank_before` is set on the first line after blank lines."""
    out: list[SourceLine] = []
    block: list[Numbered] = []  # consecutive non-blank lines
    after_break = False

    def flush() -> None:
        nonlocal block, after_break
        if block:
            out.extend(_block_lines(block, blank_before=after_break or block[0][0] > 1))
            block = []
        after_break = True

    for index, line in enumerate(text.split("\n"), start=1):
        if cancel is not None and index % 2000 == 0:
            cancel.raise_if_cancelled()
        if not line.strip() or _PIPES_ONLY.match(line):
            flush()
            continue
        if block and _TABLE_ROW.match(block[0][1]):
            block.append((index, line.rstrip()))  # a markdown table: its rows stay as written
            continue
        if _CELL_END.search(line) and not _TABLE_ROW.match(line):
            # "… Lạng Sơn, ngày 05 tháng 9 năm 2018 |": the cell of a copied web table ends.
            block.append((index, _CELL_START.sub("", _CELL_END.sub("", line.rstrip()))))
            flush()
            continue
        if _TABLE_ROW.match(line) and block:
            flush()  # a table starts: it is its own block
        block.append((index, line.rstrip()))
    flush()
    return out


def _indent(line: str) -> int:
    prefix = line[: len(line) - len(line.lstrip(" \t"))]
    return prefix.count(" ") + _TAB_WIDTH * prefix.count("\t")


def _block_lines(block: list[Numbered], blank_before: bool) -> list[SourceLine]:
    if len(block) >= 2 and _TABLE_ROW.match(block[0][1]) and _TABLE_SEPARATOR.match(block[1][1]):
        made, consumed = table_lines(block, blank_before)
        rest = block[consumed:]
        if rest:
            made.extend(_block_lines(rest, blank_before=False))
        return made
    if _TABLE_ROW.match(block[0][1]):
        # Pipes without a separator line: a table row of a copied web page, not markdown.
        block = [(n, _unwrap_pipes(t)) for n, t in block]
    depths: list[int] = []
    texts: list[str] = []
    for _, raw in block:
        depth, after_marks = heading_depth(raw)
        depths.append(depth)
        texts.append(after_marks.strip() if depth else after_marks.lstrip())
    contents = split_lines(parse_emphasis("\n".join(texts)))
    out: list[SourceLine] = []
    first = True
    for (number, raw), depth, content in zip(block, depths, contents, strict=True):
        content = strip(content)
        if not text_of(content).strip():
            continue  # a line of emphasis marks only
        out.append(SourceLine(content, number, blank_before and first, depth, indent=_indent(raw)))
        first = False
    return out


def _unwrap_pipes(text: str) -> str:
    """`| TM. ỦY BAN NHÂN DÂN TỈNH |` → `TM. ỦY BAN NHÂN DÂN TỈNH` (inner ` | ` stay as gaps)."""
    return text.strip().strip("|").strip()
