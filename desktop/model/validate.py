"""Validation of a document before it is stored: every problem names its field in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop.model.document import (
    Block,
    Document,
    FootnoteRef,
    Heading,
    Inline,
    ListItem,
    Paragraph,
    Table,
)
from desktop.model.text import describe_character, find_control_character

# Phụ lục VI limits for the metadata of an outgoing document (spec §4.2).
MAX_TITLE = 500
MAX_AGENCY = 200
MAX_SIGNER_TITLE = 100
MAX_SIGNER_NAME = 50

FIELD_LABELS: dict[str, str] = {
    "title": "trích yếu",
    "authority": "thẩm quyền ban hành",
    "parent_agency": "cơ quan chủ quản",
    "issuing_agency": "cơ quan ban hành",
    "agency_abbr": "ký hiệu cơ quan",
    "unit_abbr": "ký hiệu đơn vị soạn thảo",
    "place": "địa danh",
    "recipients": "Kính gửi",
    "legal_bases": "căn cứ",
    "closing": "câu kết",
    "signer": "khối chữ ký",
    "distribution": "Nơi nhận",
    "archive_note": "dòng Lưu",
    "drafter_initials": "ký hiệu người soạn thảo",
    "footer_address": "địa chỉ chân trang",
    "body": "nội dung",
    "appendices": "phụ lục",
    "number": "số văn bản",
    "date": "ngày ban hành",
    "copies": "số lượng bản",
}


@dataclass(frozen=True)
class FieldProblem:
    field: str  # machine path, e.g. "body[3]" or "signer.name"
    message: str  # Vietnamese sentence naming the field

    def __str__(self) -> str:
        return self.message


def _label(path: str) -> str:
    root = path.split("[", 1)[0].split(".", 1)[0]
    return FIELD_LABELS.get(root, root)


def _texts(doc: Document) -> Iterator[tuple[str, str]]:
    for name in ("title", "authority", "parent_agency", "issuing_agency", "agency_abbr",
                 "unit_abbr", "place", "closing", "archive_note", "drafter_initials",
                 "footer_address"):  # fmt: skip
        yield name, getattr(doc, name)
    for name in ("recipients", "legal_bases", "distribution"):
        for i, text in enumerate(getattr(doc, name)):
            yield f"{name}[{i}]", text
    for i, line in enumerate(doc.signer.lines):
        yield f"signer.lines[{i}]", line.text
    yield "signer.name", doc.signer.name
    yield from _block_texts("body", doc.body)
    for a, appendix in enumerate(doc.appendices):
        yield f"appendices[{a}].title", appendix.title
        yield f"appendices[{a}].reference", appendix.reference
        yield from _block_texts(f"appendices[{a}].body", appendix.body)


def _inline_texts(path: str, content: tuple[Inline, ...]) -> Iterator[tuple[str, str]]:
    for item in content:
        if isinstance(item, FootnoteRef):
            for run in item.runs:
                yield path, run.text
        else:
            yield path, item.text


def _block_texts(prefix: str, blocks: tuple[Block, ...]) -> Iterator[tuple[str, str]]:
    for i, block in enumerate(blocks):
        path = f"{prefix}[{i}]"
        if isinstance(block, Heading | Paragraph | ListItem):
            yield from _inline_texts(path, block.content)
        elif isinstance(block, Table):
            yield path, block.caption
            for row in block.rows:
                for cell in row:
                    yield from _inline_texts(path, cell.content)


def validate_document(doc: Document) -> list[FieldProblem]:
    """All problems that make a document unfit to store (not format findings: see the checker)."""
    problems: list[FieldProblem] = []
    for path, text in _texts(doc):
        bad = find_control_character(text)
        if bad is not None:
            problems.append(
                FieldProblem(
                    path, f"{_label(path)}: chứa ký tự điều khiển {describe_character(bad)}"
                )
            )
    if doc.number is not None and doc.number < 1:
        problems.append(FieldProblem("number", "số văn bản: phải là số nguyên dương"))
    if doc.copies is not None and doc.copies < 1:
        problems.append(FieldProblem("copies", "số lượng bản: phải là số nguyên dương"))
    limits = (
        ("title", doc.title, MAX_TITLE),
        ("issuing_agency", doc.issuing_agency, MAX_AGENCY),
        ("parent_agency", doc.parent_agency, MAX_AGENCY),
        ("authority", doc.authority, MAX_AGENCY),
        ("signer.name", doc.signer.name, MAX_SIGNER_NAME),
    )
    for path, text, limit in limits:
        if len(text) > limit:
            problems.append(
                FieldProblem(path, f"{_label(path)}: dài {len(text)} ký tự, tối đa {limit}")
            )
    for i, line in enumerate(doc.signer.lines):
        if len(line.text) > MAX_SIGNER_TITLE:
            problems.append(
                FieldProblem(
                    f"signer.lines[{i}]",
                    f"khối chữ ký: dòng {i + 1} dài quá {MAX_SIGNER_TITLE} ký tự",
                )
            )
    for i, block in enumerate(doc.body):
        if isinstance(block, Table):
            problems.extend(_table_problems(f"body[{i}]", block))
    if doc.reporting_period is not None and doc.reporting_period.index < 1:
        problems.append(FieldProblem("reporting_period", "kỳ báo cáo: chỉ số kỳ phải từ 1"))
    return problems


def _table_problems(path: str, table: Table) -> list[FieldProblem]:
    out = []
    if not table.rows:
        out.append(FieldProblem(path, "bảng: không có dòng nào"))
    if table.header_rows > len(table.rows):
        out.append(FieldProblem(path, "bảng: số dòng tiêu đề lớn hơn số dòng của bảng"))
    if table.column_widths is not None and (
        len(table.column_widths) != table.column_count or any(w <= 0 for w in table.column_widths)
    ):
        out.append(FieldProblem(path, "bảng: độ rộng cột không khớp số cột hoặc không dương"))
    return out


class InvalidDocumentError(ValueError):
    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def require_valid(doc: Document) -> Document:
    problems = validate_document(doc)
    if problems:
        raise InvalidDocumentError(problems)
    return doc
