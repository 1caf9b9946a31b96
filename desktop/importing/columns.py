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
_DATE_COMMA = re.compile(r",\s*ngày\b", re.IGNORECASE)
_MAX_PLACE_WORDS = 5
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
    place = _place_date_start(text)
    if place is not None:
        cuts.add(place)
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


def _place_date_start(text: str) -> int | None:
    """`V/v triển khai … Can Lộc, ngày 12 tháng 3 năm 2024`: where the place-and-date cell
    starts when a single space joined it to the cell on its left. The place is the run of
    capitalised words before `, ngày` (`Can Lộc`, `Bà Rịa - Vũng Tàu`, `TP. Hồ Chí Minh`)."""
    comma = _DATE_COMMA.search(text)
    if comma is None:
        return None
    starts = [m.start() for m in _WORD.finditer(text[: comma.start()])]
    best = None
    for start in reversed(starts[-_MAX_PLACE_WORDS:]):
        words = text[start : comma.start()].split()
        if not all(_place_word(w) for w in words):
            break
        best = start
    if not best or classify(text[best:]).kind is not LineKind.PLACE_DATE:
        return None
    return best


def _place_word(word: str) -> bool:
    """`Lộc`, `Rang-Tháp`, `-`, `TP.`: a word of a place name (capitalised, not in capitals)."""
    if word in ("-", "–", "TP.", "TX."):
        return True
    return all(
        len(part) > 1 and part[0].isupper() and part[1:].islower() for part in word.split("-")
    )


def _number_line_tail(text: str) -> int | None:
    """`Số: 169/BC-SNV Bình Phước, ngày …`: where the place-and-date (or V/v) starts."""
    classified = classify(text)
    if classified.kind is not LineKind.NUMBER or not classified.rest:
        return None
    tail = text[classified.rest_offset :]
    return classified.rest_offset + len(tail) - len(tail.lstrip())
