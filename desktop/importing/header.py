"""The header of page 1: agency lines, Số, place and date, kind, trích yếu, Kính gửi.

The parts are recognised in whatever order they come — a two-column header extracted from a PDF
interleaves its columns line by line, or joins them on one line — and the zone ends at the first
line that is none of them. Quốc hiệu and Tiêu ngữ are recognised and dropped: the renderer prints
them. Nothing is re-worded; only the format marks the renderer re-adds are stripped (a final
`.` after a single Kính gửi recipient, the `- ` and `;` of a recipient list).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from desktop.importing.columns import split_columns
from desktop.importing.lines import (
    Classified,
    LineKind,
    classify,
    fold,
    is_upper_line,
    starts_lowercase,
)
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine
from desktop.model.document import Secrecy, Urgency
from desktop.model.kinds import ALL_TYPE_ABBREVIATIONS, DocumentKind, kind_info

# Words that begin the name of a level of government: a line starting with one continues the
# agency name above it (`ỦY BAN NHÂN DÂN` / `HUYỆN BÌNH SƠN`).
_ADMIN_UNITS = ("TINH ", "HUYEN ", "XA ", "THANH PHO ", "THI XA ", "QUAN ", "PHUONG ",
                "THI TRAN ", "TP. ", "TP ")  # fmt: skip
_CONNECTORS = ("VA", "CUA", "-", ",", "&")
# Phrases that open the body; a line starting with one never continues the trích yếu.
_OPENINGS = ("CAN CU", "THUC HIEN", "THEO DE NGHI", "XET DE NGHI", "KINH GUI", "NOI NHAN")
# The issuing authority's line of a quyết định, chỉ thị (`ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG`,
# `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`, `GIÁM ĐỐC SỞ …`): it follows the trích yếu and opens the body.
_AUTHORITY_OPENINGS = ("UY BAN NHAN DAN", "HOI DONG NHAN DAN", "CHU TICH", "BO TRUONG",
                       "GIAM DOC", "THU TRUONG", "CUC TRUONG", "TONG CUC TRUONG", "HIEU TRUONG",
                       "TRUONG BAN", "VIEN TRUONG", "CHANH VAN PHONG", "TRUONG PHONG")  # fmt: skip
_TITLE_CONNECTORS = ("CUA", "VA", "VE", "CHO", "TAI", "TREN", "THEO", "DOI VOI", "-", ",")
_ENTRY_BREAK = re.compile(r"(?<=[;,])\s+(?=[-–]\s)")
# Lines longer than this are not header lines (agency names and symbols are short).
_MAX_HEADER_LINE = 160


@dataclass
class Header:
    end: int = 0  # index of the first line after the header zone
    agency_lines: list[str] = field(default_factory=list)
    parent_agency: str = ""
    issuing_agency: str = ""
    number: int | None = None
    number_seen: bool = False
    symbol: str = ""
    symbol_year: int | None = None
    place: str = ""
    date: dt.date | None = None
    date_seen: bool = False
    date_year: int | None = None
    kind_from_title: DocumentKind | None = None
    title: str = ""
    subject_is_vv: bool = False
    recipients: list[str] = field(default_factory=list)
    urgency: Urgency | None = None
    secrecy: Secrecy | None = None


def read_header(lines: list[SourceLine], report: ReportBuilder) -> tuple[Header, list[SourceLine]]:
    """Recognise the header at the start of `lines`.

    Returns the header and the remaining lines (header lines removed; a line that held both a
    header cell and body text is not possible, so the remaining lines are the original ones).
    """
    header = Header()
    cells = _header_cells(lines)
    index = 0
    consumed_lines = 0
    while index < len(cells):
        line, _origin = cells[index]
        text = line.text.strip()
        c = classify(text)
        step = _read_one(header, cells, index, c, report)
        if step == 0:
            break
        index += step
        consumed_lines = cells[index - 1][1] + 1
    header.end = consumed_lines
    _split_agencies(header, report)
    return header, lines[consumed_lines:]


def _header_cells(lines: list[SourceLine]) -> list[tuple[SourceLine, int]]:
    """The first lines, split into table cells, each with the index of its source line.

    Only the top of the document is split: the header never comes after the first long line.
    """
    out: list[tuple[SourceLine, int]] = []
    for index, line in enumerate(lines):
        if line.table is not None:
            break
        if len(line.text) > _MAX_HEADER_LINE * 2 and line.region is not Region.HEADER_TABLE:
            out.append((line, index))
            break
        for cell in split_columns(line):
            out.append((cell, index))
        if index > 60:
            break
    return out


def _read_one(header: Header, cells: list[tuple[SourceLine, int]], index: int,
              c: Classified, report: ReportBuilder) -> int:  # fmt: skip
    """Take the cell at `index` (and any continuation); return how many cells were used."""
    line = cells[index][0]
    text = " ".join(line.text.split())
    match c.kind:
        case LineKind.NATIONAL_TITLE | LineKind.MOTTO | LineKind.RULE:
            return 1
        case LineKind.DRAFT_MARK:
            report.not_imported(
                "status", "Bỏ dòng “DỰ THẢO” (bản nhập là dự thảo).", line=line.number
            )
            return 1
        case LineKind.NUMBER:
            if header.number_seen:
                return 0
            header.number_seen = True
            header.number = c.document_number
            header.symbol = c.symbol
            header.symbol_year = c.symbol_year
            if c.symbol_year is not None:
                report.unsure(
                    "number",
                    f"Số có năm ({c.symbol_year}) theo kiểu văn bản quy phạm; khi xuất chỉ in "
                    "số và ký hiệu.",
                    line=line.number,
                    excerpt=text,
                )
            return 1
        case LineKind.PLACE_DATE:
            if header.date_seen:
                return 0
            header.date_seen = True
            header.place = c.place
            header.date = c.date
            header.date_year = c.date_year
            if c.date_invalid:
                report.unsure(
                    "date", "Ngày tháng không có thật; để trống ngày ban hành.",
                    line=line.number, excerpt=text,
                )  # fmt: skip
            return 1
        case LineKind.URGENCY:
            header.urgency = c.urgency
            return 1
        case LineKind.SECRECY:
            header.secrecy = c.secrecy
            return 1
        case LineKind.KIND_TITLE:
            if header.kind_from_title is not None:
                return 0
            header.kind_from_title = c.document_kind
            return 1 + _read_subject(header, cells, index + 1, vv=False)
        case LineKind.SUBJECT_VV:
            if header.title:
                return 0
            header.subject_is_vv = True
            header.title = c.rest
            return 1 + _read_subject(header, cells, index + 1, vv=True)
        case LineKind.KINH_GUI:
            if header.recipients:
                return 0
            return 1 + _read_recipients(header, cells, index, c, report)
        case LineKind.TEXT:
            if (
                header.kind_from_title is None
                and not header.title
                and not header.recipients
                and is_upper_line(text)
                and len(text) <= 100
                and not text.endswith((".", ";", ":"))
                and not _is_signer_like(text)
            ):
                header.agency_lines.append(text)
                return 1
            return 0
        case _:
            return 0


def _is_signer_like(text: str) -> bool:
    folded = fold(text)
    return folded.startswith(("TM.", "KT.", "TL.", "TUQ.", "Q. "))


def _read_subject(header: Header, cells: list[tuple[SourceLine, int]], start: int, *,
                  vv: bool) -> int:  # fmt: skip
    """Consume the trích yếu lines after the kind title (or after `V/v`); return the count."""
    used = 0
    parts: list[str] = [header.title] if header.title else []
    first: SourceLine | None = None
    index = start
    while index < len(cells):
        line = cells[index][0]
        text = " ".join(line.text.split())
        c = classify(text)
        if c.kind is LineKind.RULE:
            used += 1
            index += 1
            if parts:
                break  # the rule under the trích yếu closes it
            continue
        if not parts:
            if c.kind not in (LineKind.TEXT, LineKind.HEADING, LineKind.SUBJECT_VV):
                break
            if len(text) > 400:
                break
            parts.append(text)
            first = line
            used += 1
            index += 1
            continue
        continuing = not line.blank_before or starts_lowercase(text)
        if continuing and fold(text).startswith(_OPENINGS):
            continuing = False  # "Căn cứ …", "Thực hiện …": the body's first line
        if (
            not continuing
            and first is not None
            and line.centered
            and first.centered
            and _bold(line) == _bold(first)
            and not parts[-1].endswith((".", ";", ":"))
        ):
            continuing = True  # a trích yếu set as two centred paragraphs in Word
        if not continuing or c.kind not in (LineKind.TEXT, LineKind.HEADING):
            break
        if c.kind is LineKind.HEADING and not starts_lowercase(text):
            break
        if _authority_line(header, text, parts[-1]):
            break
        if text.endswith((".", ";")) and not text.endswith("..."):
            break  # a sentence: the body's first line (a trích yếu ends without punctuation)
        parts.append(text)
        used += 1
        index += 1
    header.title = " ".join(parts)
    return used


def _authority_line(header: Header, text: str, previous: str) -> bool:
    """`ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG` under a decision's trích yếu: the authority that
    decides, the body's first line (unless the trích yếu line before it is unfinished)."""
    if header.kind_from_title not in (
        DocumentKind.QUYET_DINH,
        DocumentKind.NGHI_QUYET,
        DocumentKind.CHI_THI,
    ):
        return False
    folded = fold(text)
    return (
        is_upper_line(text)
        and folded.startswith(_AUTHORITY_OPENINGS)
        and not fold(previous).endswith(_TITLE_CONNECTORS)
    )


def _bold(line: SourceLine) -> bool:
    from desktop.importing.inline import all_bold

    return all_bold(line.content)


def _read_recipients(header: Header, cells: list[tuple[SourceLine, int]], index: int,
                     c: Classified, report: ReportBuilder) -> int:  # fmt: skip
    """`Kính gửi: X` or `Kính gửi:` followed by `- A;` … `- B.`; return extra cells used."""
    line = cells[index][0]
    entries: list[str] = []
    if c.rest:
        # `Kính gửi: - Sở A; - Sở B.`: a list squeezed onto the label's line.
        entries.extend(_ENTRY_BREAK.split(c.rest) if c.rest.startswith(("-", "–")) else [c.rest])
    used = 0
    position = index + 1
    while position < len(cells):
        nxt = cells[position][0]
        text = " ".join(nxt.text.split())
        nc = classify(text)
        previous_open = bool(entries) and entries[-1].rstrip().endswith((";", ","))
        if nc.kind is LineKind.ITEM and (not entries or previous_open or not c.rest):
            entries.append(text[nc.prefix_length :].strip())
        elif nc.kind is LineKind.TEXT and previous_open and len(text) < 200:
            entries.append(text)
        elif (
            nc.kind is LineKind.TEXT and entries and not nxt.blank_before and starts_lowercase(text)
        ):
            entries[-1] = f"{entries[-1]} {text}"
        else:
            break
        used += 1
        position += 1
    stripped_marks = False
    for raw in entries:
        cleaned = raw.strip()
        if cleaned.startswith(("- ", "– ", "+ ")):
            cleaned = cleaned[2:].strip()
            stripped_marks = True
        if cleaned.endswith((";", ".", ",")):
            cleaned = cleaned[:-1].rstrip()
            stripped_marks = True
        if cleaned:
            header.recipients.append(cleaned)
    if stripped_marks:
        report.adjusted(
            "recipients",
            "Kính gửi: đã bỏ dấu “-”, “;”, “.” ở đầu/cuối mỗi nơi gửi (khi xuất được in lại "
            "theo thể thức).",
            line=line.number,
        )
    return used


def _split_agencies(header: Header, report: ReportBuilder) -> None:
    """Agency lines → parent (cơ quan chủ quản) and issuing agency (cơ quan ban hành)."""
    names: list[str] = []
    for text in header.agency_lines:
        folded = fold(text)
        previous = fold(names[-1]) if names else ""
        if names and (
            folded.startswith(_ADMIN_UNITS) or previous.endswith(_CONNECTORS) or
            folded.startswith(("VA ", "- "))
        ):  # fmt: skip
            names[-1] = f"{names[-1]} {text}"
        else:
            names.append(text)
    if not names:
        return
    header.issuing_agency = names[-1]
    if len(names) >= 2:
        header.parent_agency = " ".join(names[:-1])
    if len(names) > 2:
        report.unsure(
            "parent_agency",
            f"Có {len(names)} dòng tên cơ quan; đã ghép các dòng trên thành cơ quan chủ quản.",
        )


def symbol_parts(symbol: str) -> tuple[str | None, str, str]:
    """`BC-SNV` → ("BC", "SNV", ""); `UBND-KTHT` → (None, "UBND", "KTHT"); `QĐ-UBND-VP` →
    ("QĐ", "UBND", "VP")."""
    parts = [p for p in symbol.split("-") if p]
    if not parts:
        return None, "", ""
    type_abbr = _type_abbreviation(parts[0])
    if type_abbr is not None:
        agency = parts[1] if len(parts) > 1 else ""
        return type_abbr, agency, "-".join(parts[2:])
    return None, parts[0], "-".join(parts[1:])


def _type_abbreviation(token: str) -> str | None:
    if token in ALL_TYPE_ABBREVIATIONS:
        return token
    upper = {a.upper(): a for a in ALL_TYPE_ABBREVIATIONS}
    return upper.get(token.upper())


def kind_for_abbreviation(abbr: str) -> DocumentKind | None:
    for kind in DocumentKind:
        if kind_info(kind).abbreviation == abbr:
            return kind
    return None
