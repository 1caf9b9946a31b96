"""The end of the document: Nơi nhận, the signer block, and what follows them (phụ lục).

Nơi nhận (left) and the signer block (right) are a two-column table in the original, which text
extraction gives back in either column order, interleaved line by line, or with both cells on
one line. Each line is therefore classified on its own: `- …`/`Lưu:` lines are Nơi nhận entries,
upper-case lines are the authority lines (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`),
a capitalised short line is the name. Word's closing table tells the columns apart directly.
The renderer prints `- ` and `;` around each entry and `- Lưu: VT, ….` itself, so only those
marks are stripped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.importing.closing_cells import closing_cells
from desktop.importing.lines import (
    LineKind,
    classify,
    fold,
    is_upper_line,
    looks_like_name,
    looks_like_upper_name,
    starts_lowercase,
)
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine
from desktop.model.document import AuthorityLine, SignerPrefix

_PREFIX = re.compile(
    r"^(?P<p>TM|KT|TUQ|T/M|K/T|T\.M|K\.T)\s*[.:]?\s*(?=\S)|^(?P<q>Q|TL|T/L)\s*\.\s*(?=\S)"
)
_PREFIX_VALUES = {
    "TM": SignerPrefix.TM, "T/M": SignerPrefix.TM, "T.M": SignerPrefix.TM,
    "KT": SignerPrefix.KT, "K/T": SignerPrefix.KT, "K.T": SignerPrefix.KT,
    "TUQ": SignerPrefix.TUQ, "Q": SignerPrefix.Q, "TL": SignerPrefix.TL, "T/L": SignerPrefix.TL,
}  # fmt: skip
_TITLE_HINTS = ("CHU TICH", "GIAM DOC", "TRUONG", "THU TRUONG", "BI THU", "CHANH VAN PHONG",
                "UY BAN", "HIEU TRUONG", "KE TOAN", "THU KY", "CHU TOA", "CUC TRUONG",
                "VU TRUONG", "TONG CUC", "BO TRUONG", "DOAN", "QUYEN")  # fmt: skip
_APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+)?[IVXLC\d]+)?\s*[.:]?", re.UNICODE)
_DRAFTER_MARK = re.compile(r"^(?P<note>.*?)\.?\s+(?P<init>[A-ZĐ]{1,8})\.?\s*\((?P<n>\d{1,5})\)\.?$")


@dataclass
class Closing:
    body_end: int  # lines[:body_end] belong to the body
    tail_start: int  # lines[tail_start:] follow the closing (phụ lục …)
    distribution: list[str] = field(default_factory=list)
    archive_note: str = ""
    archive_seen: bool = False
    drafter_initials: str = ""
    copies: int | None = None
    authority: list[AuthorityLine] = field(default_factory=list)
    name: str = ""
    found_label: bool = False


def parse_authority(text: str) -> tuple[AuthorityLine, bool]:
    """`KT. CHỦ TỊCH` → AuthorityLine("CHỦ TỊCH", KT); second value: an old form was modernised
    (`T/M` → `TM.`)."""
    text = " ".join(text.split())
    match = _PREFIX.match(text)
    if not match:
        return AuthorityLine(text), False
    token = match.group("p") or match.group("q")
    prefix = _PREFIX_VALUES[token]
    old_form = token not in ("TM", "KT", "TUQ", "Q", "TL") or not text[
        : match.end()
    ].rstrip().endswith(".")
    return AuthorityLine(text[match.end() :].strip(), prefix), old_form


def is_appendix_start(text: str) -> bool:
    return bool(_APPENDIX.match(text.strip())) and len(text) < 200


def _is_authority(text: str) -> bool:
    text = " ".join(text.split())
    if len(text) > 120 or (text.endswith((".", ";", ":")) and not _PREFIX.match(text)):
        return False
    return is_upper_line(text) or bool(_PREFIX.match(text))


def _has_signer_hint(text: str) -> bool:
    folded = fold(text)
    return bool(_PREFIX.match(" ".join(text.split()))) or any(h in folded for h in _TITLE_HINTS)


def find_closing(lines: list[SourceLine], report: ReportBuilder) -> Closing:
    """Locate and read the closing part of `lines` (everything after the header)."""
    label = next(
        (i for i, line in enumerate(lines) if classify(line.text).kind is LineKind.DISTRIBUTION_LABEL
         and line.table is None),
        None,
    )  # fmt: skip
    table_start = next(
        (i for i, line in enumerate(lines) if line.region is Region.CLOSING_TABLE), None
    )
    if table_start is not None:
        start = table_start if label is None else min(label, table_start)
    elif label is not None:
        start = _signer_lines_before(lines, label)
    else:
        found = _signer_from_end(lines)
        if found is None:
            report.unsure("signer", "Không tìm thấy Nơi nhận và khối chữ ký người ký.")
            return Closing(len(lines), len(lines))
        start = found
    closing = Closing(start, len(lines), found_label=label is not None)
    _read_closing(closing, lines, start, report)
    return closing


def _signer_lines_before(lines: list[SourceLine], label: int) -> int:
    """Signer lines printed before `Nơi nhận:` (the right column came first), with the name and
    `(Đã ký)` that may stand between them and the label."""
    start = label
    index = label - 1
    while index >= 0 and label - index <= 3 and (
        classify(lines[index].text).kind in (LineKind.SIGNATURE_PLACEHOLDER, LineKind.PAGE_NUMBER)
        or looks_like_name(lines[index].text)
    ):  # fmt: skip
        index -= 1
    after_name = index
    while index >= 0 and after_name - index < 5:
        text = lines[index].text
        if _is_authority(text) and classify(text).kind is LineKind.TEXT:
            start = index
            index -= 1
            continue
        break
    if start < label and not any(_has_signer_hint(lines[i].text) for i in range(start, label)):
        return label
    return start


def _signer_from_end(lines: list[SourceLine]) -> int | None:
    """Without Nơi nhận: the signer block is the upper-case lines (+ name) at the end."""
    end = len(lines)
    appendix = next((i for i, line in enumerate(lines) if is_appendix_start(line.text)), None)
    if appendix is not None:
        end = appendix
    index = end - 1
    while index >= 0 and classify(lines[index].text).kind in (
        LineKind.SIGNATURE_PLACEHOLDER, LineKind.PAGE_NUMBER
    ):  # fmt: skip
        index -= 1
    if index >= 0 and (
        looks_like_name(lines[index].text) or looks_like_upper_name(lines[index].text)
    ):
        index -= 1
    while index >= 0 and classify(lines[index].text).kind is LineKind.SIGNATURE_PLACEHOLDER:
        index -= 1
    first = None
    while (
        index >= 0
        and end - index <= 8
        and _is_authority(lines[index].text)
        and (classify(lines[index].text).kind is LineKind.TEXT)
    ):
        first = index
        index -= 1
    if first is None or not any(_has_signer_hint(lines[i].text) for i in range(first, end)):
        return None
    return first


def _read_closing(closing: Closing, lines: list[SourceLine], start: int,
                  report: ReportBuilder) -> None:  # fmt: skip
    upper: list[tuple[str, int]] = []  # authority candidates (text, source line number)
    names: list[tuple[str, int]] = []
    entries: list[str] = []
    stripped = False
    stop = next(
        (i for i in range(start + 1, len(lines))
         if is_appendix_start(lines[i].text) and lines[i].region is Region.FLOW),
        len(lines),
    )  # fmt: skip
    for cell_at in closing_cells(lines, start, stop):
        cell = cell_at.line
        text = " ".join(cell.text.split())
        c = classify(text)
        right_column = cell.region is Region.CLOSING_TABLE and cell.column == 1
        if c.kind is LineKind.DISTRIBUTION_LABEL:
            closing.found_label = True
            if c.rest:
                entries.append(c.rest)
        elif c.kind is LineKind.ARCHIVE:
            _read_archive(closing, c.rest, report, cell.number)
        elif c.kind in (LineKind.SIGNATURE_PLACEHOLDER, LineKind.PAGE_NUMBER, LineKind.RULE):
            continue
        elif c.kind is LineKind.ITEM and not right_column:
            entries.append(text)
        elif names and _is_authority(text) and cell.region is not Region.CLOSING_TABLE:
            stop = cell_at.index  # an upper-case title after the name: an attached text
            break
        elif _is_authority(text) and (right_column or cell.region is not Region.CLOSING_TABLE):
            upper.append((text, cell.number))
        elif looks_like_name(text) and (right_column or upper):
            names.append((text, cell.number))
        elif (
            entries
            and not entries[-1].endswith((";", "."))
            and not names
            and (starts_lowercase(text) or not upper)
        ):
            entries[-1] = f"{entries[-1]} {text}"  # an entry wrapped onto two lines
        elif cell.region is Region.CLOSING_TABLE and not right_column:
            entries.append(text)
        elif closing.found_label and not names and not upper and len(text) < 150:
            entries.append(text)  # an entry written without its "- "
        elif names or upper:
            stop = cell_at.index  # past the signer block: what follows is not part of it
            break
        else:
            entries.append(text)
            report.unsure(
                "distribution",
                "Dòng ở cuối văn bản không rõ thuộc phần nào; đã đưa vào Nơi nhận.",
                line=cell.number,
                excerpt=text,
            )
    closing.tail_start = stop
    for raw in entries:
        cleaned = raw.strip()
        for mark in ("- ", "– ", "+ ", "• "):
            if cleaned.startswith(mark):
                cleaned = cleaned[len(mark) :].strip()
                stripped = True
        if cleaned.endswith((";", ".")):
            cleaned = cleaned[:-1].rstrip()
            stripped = True
        if cleaned:
            closing.distribution.append(cleaned)
    if stripped:
        report.adjusted(
            "distribution",
            "Nơi nhận: đã bỏ dấu “- ” và “;” của từng dòng (khi xuất được in lại theo thể thức).",
        )
    _read_signer(closing, _join_wrapped_titles(upper, report), names, report)


def _join_wrapped_titles(upper: list[tuple[str, int]],
                         report: ReportBuilder) -> list[tuple[str, int]]:  # fmt: skip
    """`TRƯỞNG PHÒNG BƯU CHÍNH,` / `VIỄN THÔNG`: one title wrapped in its narrow cell."""
    out: list[tuple[str, int]] = []
    for text, number in upper:
        if (
            out
            and (
                out[-1][0].endswith((",", "-", "–"))
                or fold(out[-1][0]).endswith((" VA", " CUA"))
                or fold(text).startswith(("VA ", "- "))
            )
            and not _PREFIX.match(text)
        ):
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1])
            report.adjusted(
                "signer", f"Đã ghép dòng chức danh bị xuống dòng: “{out[-1][0]}”.", line=number
            )
            continue
        out.append((text, number))
    return out


def _read_archive(closing: Closing, rest: str, report: ReportBuilder, line: int) -> None:
    closing.archive_seen = True
    text = rest.strip()
    mark = _DRAFTER_MARK.match(text)
    if mark:
        closing.drafter_initials = mark.group("init")
        closing.copies = int(mark.group("n"))
        text = mark.group("note")
    text = text.rstrip(".;, ").strip()
    if fold(text).startswith("VT"):
        note = text[2:].lstrip(" ,.:;").strip()
    else:
        note = text
        report.unsure(
            "archive_note",
            f"Dòng “Lưu” không có “VT”; khi xuất sẽ in “- Lưu: VT, {note}.”",
            line=line,
        )
    closing.archive_note = note


def _read_signer(closing: Closing, upper: list[tuple[str, int]], names: list[tuple[str, int]],
                 report: ReportBuilder) -> None:  # fmt: skip
    if not names and len(upper) >= 2 and looks_like_upper_name(upper[-1][0]):
        names.append(upper.pop())
        report.unsure("signer.name", "Họ tên người ký viết hoa toàn bộ; giữ nguyên như bản gốc.",
                      line=names[-1][1])  # fmt: skip
    old_forms = False
    for text, _ in upper:
        authority, old = parse_authority(text)
        old_forms = old_forms or old
        closing.authority.append(authority)
    if old_forms:
        report.adjusted(
            "signer",
            "Quyền hạn ký viết kiểu cũ (T/M, K/T …) được ghi theo thể thức hiện hành (TM., KT. …).",
        )
    if names:
        closing.name = names[-1][0]
        if len(names) > 1:
            report.unsure(
                "signer.name",
                f"Có {len(names)} dòng giống họ tên ở khối chữ ký; đã lấy dòng cuối “{closing.name}”.",
                line=names[-1][1],
            )
