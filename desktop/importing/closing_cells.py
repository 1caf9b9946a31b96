"""The closing lines cut back into cells: one Nơi nhận entry, one authority line, or the name.

Text extraction squeezes the two columns of the Nơi nhận/signer table, and the lines inside one
cell, in every possible way:

* the label and the first signer line on one line: `Nơi nhận: KT. GIÁM ĐỐC`;
* an entry and a signer line: `- Như trên; PHÓ GIÁM ĐỐC`;
* a whole cell on one line: `Nơi nhận: - Như Điều 3; - Bộ Công an (b/c); - Lưu: VT, NC.`,
  `KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Văn Nghiệm`;
* a prefix cut from its line by a narrow column: `TM.` / `ỦY BAN NHÂN DÂN TỈNH`.

`closing_cells` gives the pieces back in reading order, each with its formatting, so the closing
reader can classify one piece at a time. The words are not touched; only where a line is cut
changes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from desktop.importing.columns import split_columns
from desktop.importing.inline import cut, join
from desktop.importing.lines import (
    LineKind,
    classify,
    fold,
    is_upper_line,
    looks_like_name,
)
from desktop.importing.source import Region, SourceLine

_PREFIX_TOKEN = r"(?:TM|KT|TL|TUQ|Q|T/M|K/T)\s*\."
_PREFIX_ONLY = re.compile(rf"^{_PREFIX_TOKEN}$")
_PREFIX_START = re.compile(rf"^{_PREFIX_TOKEN}\s*(?=\S)")
_NEXT_PREFIX = re.compile(rf"\s+(?={_PREFIX_TOKEN}\s)")
_ENTRY_BREAK = re.compile(r"(?<=[;,.)])\s+(?=[-–+]\s+\S)")
_ENTRY_THEN_UPPER = re.compile(r"(?<=[;.])\s+(?=\S)")
_PLACEHOLDER = re.compile(r"\(\s*(?:đã\s+ký|ký[^()]{0,40})\)", re.IGNORECASE)
# Titles that follow a prefix (`KT. CHỦ TỊCH`) or end a collective line (`TM. … CHỦ TỊCH`);
# longest first so `PHÓ CHỦ TỊCH` wins over `CHỦ TỊCH`.
_HEAD_TITLES = tuple(sorted((
    "CHU TICH", "PHO CHU TICH", "GIAM DOC", "PHO GIAM DOC", "TONG GIAM DOC", "BO TRUONG",
    "THU TRUONG", "CUC TRUONG", "PHO CUC TRUONG", "VU TRUONG", "CHANH VAN PHONG",
    "PHO CHANH VAN PHONG", "TRUONG PHONG", "PHO TRUONG PHONG", "TRUONG BAN", "PHO TRUONG BAN",
    "HIEU TRUONG", "PHO HIEU TRUONG", "VIEN TRUONG", "CHANH THANH TRA", "TRUONG DOAN",
    "BI THU", "TONG CUC TRUONG", "THU TRUONG CO QUAN", "THU TRUONG DON VI",
), key=len, reverse=True))  # fmt: skip
_SIGNER_HINTS = ("CHU TICH", "GIAM DOC", "TRUONG", "BI THU", "UY BAN", "THU KY", "QUYEN",
                 "CHANH VAN PHONG", "CHANH THANH TRA", "CHANH AN", "KE TOAN")  # fmt: skip


@dataclass(frozen=True)
class Cell:
    line: SourceLine  # the piece, with the region/column of the line it came from
    index: int  # index of its source line in the closing's lines


def closing_cells(lines: list[SourceLine], start: int, stop: int) -> list[Cell]:
    """The cells of `lines[start:stop]`, in reading order."""
    cells: list[Cell] = []
    for index in range(start, stop):
        line = lines[index]
        pieces = [line] if line.region is Region.CLOSING_TABLE else split_columns(line)
        for piece in pieces:
            for part in _split_piece(piece):
                if cells and _PREFIX_ONLY.match(" ".join(cells[-1].line.text.split())):
                    # `TM.` / `ỦY BAN NHÂN DÂN TỈNH`: a prefix cut from its line.
                    previous = cells[-1]
                    merged = previous.line.with_content(join(previous.line.content, part.content))
                    cells[-1] = Cell(merged, previous.index)
                    continue
                cells.append(Cell(part, index))
    return cells


def _split_piece(piece: SourceLine) -> list[SourceLine]:
    text = piece.text
    c = classify(" ".join(text.split()))
    if c.kind is LineKind.DISTRIBUTION_LABEL and c.rest:
        offset = len(text) - len(text.lstrip()) + _label_end(text)
        rest = text[offset:]
        if rest.lstrip().startswith(("-", "–", "+")) or _authority_like(rest.strip()):
            head = _piece(piece, 0, offset)
            return [head, *_split_piece(_piece(piece, offset, len(text)))]
        return [piece]
    if c.kind in (LineKind.ITEM, LineKind.ARCHIVE) or text.lstrip().startswith(("-", "–")):
        return _split_entries(piece)
    if _PREFIX_START.match(text.strip()) or (is_upper_line(_leading_upper(text)) and
                                             _trailing_name_start(text) is not None):  # fmt: skip
        return _split_signer(piece)
    return [piece]


def _label_end(text: str) -> int:
    match = re.match(r"\s*Nơi\s+nhận\s*:?", text, re.IGNORECASE)
    return match.end() - (len(text) - len(text.lstrip())) if match else 0


def _piece(line: SourceLine, start: int, end: int) -> SourceLine:
    return replace(line, content=cut(line.content, start, end))


def _split_entries(piece: SourceLine) -> list[SourceLine]:
    """`- A; - B; - Lưu: VT.` → three entries; `- Như trên; PHÓ GIÁM ĐỐC` → entry + signer."""
    text = piece.text
    points = [m.start() for m in _ENTRY_BREAK.finditer(text)]
    bounds = [0, *points, len(text)]
    out: list[SourceLine] = []
    for start, end in itertools.pairwise(bounds):
        entry = _piece(piece, start, end)
        out.extend(_entry_then_signer(entry))
    return [p for p in out if p.text.strip()]


def _entry_then_signer(entry: SourceLine) -> list[SourceLine]:
    text = entry.text
    for match in _ENTRY_THEN_UPPER.finditer(text):
        tail = text[match.end() :].strip()
        if _authority_like(tail):
            head = _piece(entry, 0, match.start())
            return [head, *_split_signer(_piece(entry, match.end(), len(text)))]
    return [entry]


def _authority_like(text: str) -> bool:
    text = " ".join(text.split())
    if not text or len(text) > 160:
        return False
    if _PREFIX_START.match(text):
        return True
    folded = fold(text)
    return is_upper_line(_leading_upper(text)) and any(h in folded for h in _SIGNER_HINTS)


def _leading_upper(text: str) -> str:
    """The upper-case words at the start of `text` (before a name or a placeholder)."""
    words: list[str] = []
    for word in text.split():
        if word != word.upper() or word.startswith("("):
            break
        words.append(word)
    return " ".join(words)


def _trailing_name_start(text: str) -> int | None:
    """Offset where a Title-case name ends the text (`… PHÓ CHỦ TỊCH Hoàng Văn Nghiệm`)."""
    spans = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]
    for count in range(min(6, len(spans) - 1), 1, -1):
        start = spans[-count][0]
        if looks_like_name(text[start:]) and is_upper_line(_leading_upper(text[:start])):
            return start
    return None


def _split_signer(piece: SourceLine) -> list[SourceLine]:
    """`KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Hoàng Văn Nghiệm` → its lines."""
    text = piece.text
    cuts = {0, len(text)}
    cuts.update(m.end() for m in _NEXT_PREFIX.finditer(text))
    for m in _PLACEHOLDER.finditer(text):
        cuts.update((m.start(), m.end()))
    name = _trailing_name_start(text)
    if name is not None:
        cuts.add(name)
    points = sorted(cuts)
    parts: list[SourceLine] = []
    for start, end in itertools.pairwise(points):
        part = _piece(piece, start, end)
        if part.text.strip():
            parts.extend(_split_title(part))
    return parts or [piece]


def _split_title(part: SourceLine) -> list[SourceLine]:
    """`KT. CHỦ TỊCH PHÓ CHỦ TỊCH` → `KT. CHỦ TỊCH` + `PHÓ CHỦ TỊCH`; `TM. UBND … CHỦ TỊCH`
    → `TM. UBND …` + `CHỦ TỊCH`."""
    text = part.text
    match = _PREFIX_START.match(text.strip())
    if match is None or not is_upper_line(text.strip()):
        return [part]
    lead = len(text) - len(text.lstrip())
    body_start = lead + match.end()
    words = [(m.start() + body_start, m.group(0)) for m in re.finditer(r"\S+", text[body_start:])]
    folded = [fold(w) for _, w in words]
    prefix = fold(match.group(0))
    if prefix.startswith("TM"):
        for title in _HEAD_TITLES:
            size = len(title.split())
            if len(folded) > size and " ".join(folded[-size:]) == title:
                cut_at = words[-size][0]
                return [_piece(part, 0, cut_at), _piece(part, cut_at, len(text))]
        return [part]
    for title in _HEAD_TITLES:
        size = len(title.split())
        if len(folded) > size and " ".join(folded[:size]) == title:
            cut_at = words[size][0]
            return [_piece(part, 0, cut_at), _piece(part, cut_at, len(text))]
    return [part]
