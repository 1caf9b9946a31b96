"""Join header cells that a narrow column wrapped onto several lines.

Text copied from a web page or a PDF keeps the line breaks of the narrow header cells:
`CỘNG` / `HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `ỦY` / `BAN NHÂN DÂN`, `Số:` / `2150/QĐ-UBND`,
`Sơn` / `La, ngày 11 tháng 7` / `năm 2023`. Each piece alone is none of the header's forms, so
the header reader would stop at the first one and leave the rest in the body. Here, at the top of
the page only, such pieces are joined back (with one space) when the joined line is a fixed
phrase, a number line or a place-and-date line. Nothing is re-worded.
"""

from __future__ import annotations

import re

from desktop.importing.inline import join
from desktop.importing.lines import LineKind, classify, fold, is_upper_line
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine

# Fixed phrases of a header that narrow cells break, as word sequences without punctuation.
_PHRASES: tuple[tuple[str, ...], ...] = (
    ("CONG", "HOA", "XA", "HOI", "CHU", "NGHIA", "VIET", "NAM"),
    ("DANG", "CONG", "SAN", "VIET", "NAM"),
    ("DOC", "LAP", "TU", "DO", "HANH", "PHUC"),
    ("UY", "BAN", "NHAN", "DAN"),
    ("HOI", "DONG", "NHAN", "DAN"),
)
_NUMBER_LABEL = re.compile(r"^Số\s*:?\s*$", re.IGNORECASE)
_HEADER_LINES = 40  # the header never reaches further down than this
_MAX_LINE = 160
_MAX_PLACE_PIECE = 25  # `Sơn`, `Bà Rịa - Vũng`: a place name cut before its end


def repair_wrapped_header(lines: list[SourceLine], report: ReportBuilder) -> list[SourceLine]:
    out: list[SourceLine] = []
    joined = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        if index >= _HEADER_LINES or _header_ended(line):
            out.extend(lines[index:])
            break
        used = _pieces_to_join(lines, index)
        if used > 1:
            content = line.content
            for piece in lines[index + 1 : index + used]:
                content = join(content, piece.content)
            out.append(line.with_content(content))
            joined += used - 1
            index += used
            continue
        out.append(line)
        index += 1
    if joined:
        report.adjusted(
            "header",
            f"Đã ghép lại {joined} dòng ở phần đầu văn bản bị ngắt giữa chừng khi sao chép "
            "(ô bảng hẹp).",
            line=lines[0].number if lines else None,
        )
    return out


def _header_ended(line: SourceLine) -> bool:
    if line.table is not None or len(line.text) > _MAX_LINE:
        return True
    return classify(line.text.strip()).kind in (LineKind.KIND_TITLE, LineKind.KINH_GUI)


def _pieces_to_join(lines: list[SourceLine], index: int) -> int:
    """How many lines from `index` form one header line (1: the line stands alone)."""
    first = lines[index]
    if first.region is not Region.FLOW:
        return 1
    following = []
    for line in lines[index + 1 : index + 3]:
        if line.blank_before or line.region is not Region.FLOW or line.table is not None:
            break
        following.append(line)
    if not following:
        return 1
    text = " ".join(first.text.split())
    if _phrase_cut(text, following):
        return 1 + _phrase_cut(text, following)
    if _NUMBER_LABEL.match(text) and classify(f"Số: {following[0].text.strip()}").kind is (
        LineKind.NUMBER
    ):
        return 2
    return _place_date_pieces(text, following)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–—]+", fold(text)) if w]


def _phrase_cut(text: str, following: list[SourceLine]) -> int:
    """Lines to add to `text` to complete a fixed phrase it starts but does not finish."""
    words = _words(text)
    for phrase in _PHRASES:
        if not words or len(words) >= len(phrase) or tuple(words) != phrase[: len(words)]:
            continue
        combined = list(words)
        for count, line in enumerate(following, start=1):
            combined.extend(_words(line.text))
            if tuple(combined[: len(phrase)]) == phrase:
                return count
            if tuple(combined) != phrase[: len(combined)]:
                break
    return 0


def _place_date_pieces(text: str, following: list[SourceLine]) -> int:
    """`Sơn` / `La, ngày 11 tháng 7` / `năm 2023` → 3; 1 when the lines are not such pieces."""
    if classify(text).kind is not LineKind.TEXT or is_upper_line(text):
        return 1
    if not (_place_piece(text) or "ngày" in text.lower() or text.endswith(",")):
        return 1
    combined = text
    for count, line in enumerate(following, start=1):
        combined = f"{combined} {' '.join(line.text.split())}"
        if classify(combined).kind is LineKind.PLACE_DATE:
            return 1 + count
    return 1


def _place_piece(text: str) -> bool:
    return (
        len(text) <= _MAX_PLACE_PIECE
        and text[:1].isupper()
        and not any(c.isdigit() for c in text)
        and not text.endswith((".", ";", ":"))
    )
