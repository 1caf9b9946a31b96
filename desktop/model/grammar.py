"""Pure functions for the format grammar of Nghị định 30 (spec §3–§5).

Each function turns model values into the exact printed text of one element. Renderers and the
checker use them, so there is one definition of "Số: 05/BC-UBND" in the whole program.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.model.document import AuthorityLine, SignerBlock, SignerPrefix
from desktop.model.kinds import DocumentKind, kind_info

# What a draft shows where the clerk will write the number and the date (the templates' blanks).
NUMBER_BLANK = "      "
DAY_MONTH_BLANK = "    "


def format_document_number(number: int) -> str:
    """`5` → `05`; 10 and above unpadded (spec §4.2: write 15 and 169, not 015)."""
    if number < 1:
        raise ValueError("số văn bản phải là số nguyên dương")
    return f"{number:02d}"


def symbol(kind: DocumentKind, agency_abbr: str, unit_abbr: str = "") -> str:
    """Ký hiệu: `BC-UBND` for typed documents; `UBND-KTHT` for công văn (no type abbreviation)."""
    agency = agency_abbr.strip() or "…"
    info = kind_info(kind)
    if info.abbreviation is None:
        unit = unit_abbr.strip() or "…"
        return f"{agency}-{unit}"
    return f"{info.abbreviation}-{agency}"


def number_line(
    kind: DocumentKind, number: int | None, agency_abbr: str, unit_abbr: str = ""
) -> str:
    """`Số: 05/BC-UBND`, `Số: 1944/UBND-KTHT`, or `Số:      /KH-UBND` for a draft."""
    sym = symbol(kind, agency_abbr, unit_abbr)
    if number is None:
        return f"Số:{NUMBER_BLANK}/{sym}"
    return f"Số: {format_document_number(number)}/{sym}"


def format_day(day: int) -> str:
    """Days 1–9 take a leading zero."""
    return f"{day:02d}"


def format_month(month: int) -> str:
    """Months 1 and 2 take a leading zero; 3–12 do not (spec §3.1, ô 4)."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_phrase(date: dt.date | None, blank_year: int | None = None) -> str:
    """`ngày 05 tháng 02 năm 2024`; a draft gets `ngày    tháng    năm 2024`."""
    if date is None:
        year = str(blank_year) if blank_year else DAY_MONTH_BLANK
        return f"ngày{DAY_MONTH_BLANK}tháng{DAY_MONTH_BLANK}năm {year}"
    return f"ngày {format_day(date.day)} tháng {format_month(date.month)} năm {date.year}"


def place_date_line(place: str, date: dt.date | None, blank_year: int | None = None) -> str:
    """`Đắk Glei, ngày 05 tháng 02 năm 2024` (italic when printed)."""
    place = place.strip() or "…"
    return f"{place}, {date_phrase(date, blank_year)}"


def title_line_for_cong_van(title: str) -> str:
    """The trích yếu of a công văn is printed `V/v …` under the number."""
    title = title.strip()
    return title if title.startswith("V/v") else f"V/v {title}"


def authority_line_text(line: AuthorityLine) -> str:
    text = line.text.strip().upper()
    return f"{line.prefix.value} {text}" if line.prefix else text


def signer_lines(signer: SignerBlock) -> list[str]:
    """The 7a lines as printed: `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`."""
    return [authority_line_text(line) for line in signer.lines if line.text.strip()]


def signer_problems(signer: SignerBlock) -> list[str]:
    """Grammar of the signer block (spec §5), as Vietnamese sentences; empty when correct."""
    problems: list[str] = []
    lines = [line for line in signer.lines if line.text.strip()]
    if not lines:
        return ["thiếu chức vụ người ký"]
    if lines[-1].prefix is not None:
        problems.append("dòng cuối của khối chữ ký phải là chức vụ, không có TM./KT./Q./TL./TUQ.")
    prefixes = [line.prefix for line in lines if line.prefix is not None]
    if prefixes.count(SignerPrefix.TM) > 1 or (
        SignerPrefix.TM in prefixes and lines[0].prefix is not SignerPrefix.TM
    ):
        problems.append("TM. chỉ đứng ở dòng đầu của khối chữ ký")
    if SignerPrefix.TUQ in prefixes and len(prefixes) > 1:
        problems.append("TUQ. không được kết hợp với quyền hạn khác (không được ủy quyền lại)")
    if prefixes.count(SignerPrefix.KT) > 1:
        problems.append("KT. chỉ được dùng một lần")
    if SignerPrefix.TM in prefixes and len(lines) < 2:
        problems.append("sau TM. phải có chức vụ người ký")
    if not signer.name.strip():
        problems.append("thiếu họ tên người ký")
    elif re.match(r"^(TS|ThS|PGS|GS|KS|BS|CN|Th\.S|Tiến sĩ|Thạc sĩ)\.?\s", signer.name.strip()):
        problems.append("không ghi học hàm, học vị trước họ tên người ký")
    return problems


def kinh_gui_lines(recipients: tuple[str, ...]) -> list[str]:
    """One recipient: `Kính gửi: X`. Several: `Kính gửi:` then `- X;` … `- Y.` aligned."""
    cleaned = [_strip_list_punctuation(r) for r in recipients if r.strip()]
    if not cleaned:
        return []
    if len(cleaned) == 1:
        return [f"Kính gửi: {cleaned[0]}"]
    lines = [f"- {r};" for r in cleaned[:-1]] + [f"- {cleaned[-1]}."]
    return ["Kính gửi:", *lines]


def legal_basis_lines(bases: tuple[str, ...]) -> list[str]:
    """Căn cứ lines: each ends with `;`, the last with `.` (spec §3.1, ô 6)."""
    cleaned = [_strip_list_punctuation(b) for b in bases if b.strip()]
    if not cleaned:
        return []
    return [f"{b};" for b in cleaned[:-1]] + [f"{cleaned[-1]}."]


def archive_line(archive_note: str) -> str:
    """`- Lưu: VT, TCCB.` or `- Lưu: VT.`"""
    note = archive_note.strip().rstrip(".;, ")
    return f"- Lưu: VT, {note}." if note else "- Lưu: VT."


def drafter_mark(initials: str, copies: int | None) -> str:
    """Ô 12 after the Lưu line: `PL.(300)`; empty when neither is given."""
    initials = initials.strip().upper()
    if not initials and copies is None:
        return ""
    count = f"({copies})" if copies is not None else ""
    return f"{initials}.{count}" if initials else count


def distribution_lines(
    entries: tuple[str, ...],
    archive_note: str,
    drafter_initials: str = "",
    copies: int | None = None,
) -> list[str]:
    """Nơi nhận list: `- X;` per entry and the last line `- Lưu: VT, X.` (+ ô 12 if any)."""
    lines = [f"- {_strip_list_punctuation(e)};" for e in entries if e.strip()]
    last = archive_line(archive_note)
    mark = drafter_mark(drafter_initials, copies)
    lines.append(f"{last} {mark}" if mark else last)
    return lines


def ensure_end_mark(text: str) -> str:
    """End the closing sentence with `./.` (the templates' convention)."""
    stripped = text.rstrip()
    if stripped.endswith("./."):
        return stripped
    stripped = re.sub(r"[./;:,]+$", "", stripped)
    return f"{stripped}./."


def _strip_list_punctuation(text: str) -> str:
    text = text.strip()
    if text.startswith("- "):
        text = text[2:].strip()
    return text.rstrip(";.").rstrip()
