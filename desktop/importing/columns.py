"""Undo the flattening of two-column tables (header, signature) by text extraction.

A PDF or Word table of two columns comes out of text extraction either line by line
(left, right, left, right …), which needs nothing here, or with both cells on one line —
separated by a run of spaces or a tab, or by a single space when the extractor squeezed them.
`split_columns` cuts such a line into its cells, keeping the formatting of each part.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from desktop.importing.inline import cut, join
from desktop.importing.lines import COLUMN_GAP, LineKind, classify, fold
from desktop.importing.source import SourceLine

# Fixed phrases that always start a cell of their own, as folded word sequences.
_CELL_STARTS: tuple[tuple[str, ...], ...] = (
    tuple(["CONG", "HOA", "XA", "HOI", "CHU", "NGHIA", "VIET", "NAM"]),
    tuple(["DANG", "CONG", "SAN", "VIET", "NAM"]),
    ("DOC", "LAP"),
    ("NOI", "NHAN:"),
    ("NOI", "NHAN"),
    ("KINH", "GUI:"),
    ("V/V",),
    ("SO:",),
)

_WORD = re.compile(r"\S+")
_GAP_ONLY = re.compile(r"^[\s|]*$|^[-_=–—~]{3,}$")
_MARK_ONLY = re.compile(r"^\s*(?:[-–+•·o]|\d{1,2}[.)]|[a-zđ]\))\s*$")


def split_columns(line: SourceLine) -> list[SourceLine]:
    """The cells of a line that holds several (or the line itself)."""
    if line.table is not None:
        return [line]
    text = line.text
    cuts = {0, len(text)}
    for gap in COLUMN_GAP.finditer(text):
        if gap.start() > 0 and gap.end() < len(text):
            cuts.add(gap.start())
            cuts.add(gap.end())
    cuts.update(_phrase_starts(text))
    tail = _number_line_tail(text)
    if tail is not None:
        cuts.add(tail)
    if len(cuts) == 2:
        return [line]
    points = sorted(cuts)
    parts: list[SourceLine] = []
    for start, end in itertools.pairwise(points):
        piece = cut(line.content, start, end)
        piece_text = "".join(getattr(r, "text", "") for r in piece).strip()
        if not piece_text or _GAP_ONLY.match(piece_text):
            continue
        if parts and _MARK_ONLY.match(parts[-1].text):
            # `-<tab>Như trên;`: the list mark and its entry are one cell.
            parts[-1] = replace(line, content=join(parts[-1].content, piece))
            continue
        parts.append(replace(line, content=piece))
    return parts or [line]


def _phrase_starts(text: str) -> list[int]:
    """Offsets where a fixed phrase begins in the middle of the line."""
    words = [(m.start(), fold(m.group(0))) for m in _WORD.finditer(text)]
    folded = [w for _, w in words]
    out: list[int] = []
    for index in range(1, len(words)):
        for phrase in _CELL_STARTS:
            if tuple(folded[index : index + len(phrase)]) == phrase:
                out.append(words[index][0])
                break
    return out


def _number_line_tail(text: str) -> int | None:
    """`Số: 169/BC-SNV Bình Phước, ngày …`: where the place-and-date (or V/v) starts."""
    classified = classify(text)
    if classified.kind is not LineKind.NUMBER or not classified.rest:
        return None
    tail = text[classified.rest_offset :]
    return classified.rest_offset + len(tail) - len(tail.lstrip())
