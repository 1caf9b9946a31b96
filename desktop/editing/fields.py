"""What the header form accepts: dates, numbers and one-per-line lists, typed by people.

The form shows text; these functions turn it into model values or explain, in Vietnamese, what
to type instead. Blank number and date are valid: a draft waits for the văn thư to fill them.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.errors import UserError
from desktop.model.document import AuthorityLine, SignerPrefix

_DATE_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_DATE_WORDS = re.compile(
    r"^\s*(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})\s*$", re.IGNORECASE
)


def parse_date(text: str, field_label: str = "Ngày") -> dt.date | None:
    """`05/02/2024`, `5-2-2024`, `2024-02-05` or `ngày 05 tháng 02 năm 2024`; blank → None."""
    if not text.strip():
        return None
    match = _DATE_DMY.match(text) or _DATE_WORDS.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    elif iso := _DATE_ISO.match(text):
        year, month, day = (int(g) for g in iso.groups())
    else:
        raise UserError(
            f"{field_label} “{text.strip()}” không đúng dạng: hãy nhập ngày/tháng/năm, ví dụ "
            "05/02/2024, hoặc để trống khi văn bản còn là dự thảo."
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise UserError(
            f"{field_label} {day:02d}/{month:02d}/{year} không có trên lịch: hãy kiểm tra lại "
            "ngày và tháng."
        ) from None


def format_date_input(value: dt.date | None) -> str:
    """The form's text for a date (day first, as Vietnamese users type it)."""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_positive_int(text: str, field_label: str) -> int | None:
    """A document number or a number of copies; blank → None."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or int(cleaned) < 1:
        raise UserError(f"{field_label} phải là số nguyên dương (ví dụ 5 hoặc 169), hoặc để trống.")
    return int(cleaned)


def split_lines(text: str) -> tuple[str, ...]:
    """One entry per line, without the "- " bullet and the ";"/"." that the renderer adds."""
    out = []
    for line in text.splitlines():
        entry = line.strip()
        if entry.startswith(("- ", "– ", "• ")):
            entry = entry[2:].strip()
        entry = entry.rstrip(";.").rstrip()
        if entry:
            out.append(" ".join(entry.split()))
    return tuple(out)


def join_lines(entries: tuple[str, ...]) -> str:
    return "\n".join(entries)


def parse_authority_lines(text: str) -> tuple[AuthorityLine, ...]:
    """The 7a lines typed one per line: `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`.

    A line starting with a quyền hạn prefix (TM. KT. Q. TL. TUQ., any case, the dot optional)
    keeps it as the prefix; the text is stored as typed (the renderer upper-cases it)."""
    lines = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        prefix = None
        head, _, rest = line.partition(" ")
        key = head.rstrip(".").upper()
        for candidate in SignerPrefix:
            if candidate.value.rstrip(".") == key and rest:
                prefix = candidate
                line = rest
                break
        lines.append(AuthorityLine(text=line, prefix=prefix))
    return tuple(lines)


def format_authority_lines(lines: tuple[AuthorityLine, ...]) -> str:
    return "\n".join(f"{a.prefix.value} {a.text}" if a.prefix else a.text for a in lines)
