"""Block references (`--to II.1`), the "Tài liệu kèm theo" lines and human sizes."""

from __future__ import annotations

import pytest

from desktop.errors import UserError
from desktop.evidence import filetype
from desktop.evidence.blocks import block_refs, describe_block, resolve_block
from desktop.evidence.items import EvidenceItem
from desktop.evidence.listing import attachment_items, attachment_lines, evidence_table
from desktop.evidence.sizes import format_size, parse_size
from desktop.model.document import Appendix, Document, Heading, HeadingLevel, Paragraph, runs
from desktop.model.kinds import DocumentKind

H_I = Heading(HeadingLevel.ROMAN, runs("Kết quả thực hiện"), id="h-i")
I1 = Heading(HeadingLevel.ARABIC, runs("Công tác chỉ đạo"), id="h-i1")
I1A = Heading(HeadingLevel.LETTER, runs("Ban hành kế hoạch"), id="h-i1a")
I2 = Heading(HeadingLevel.ARABIC, runs("Hạ tầng số"), id="h-i2")
I21 = Heading(HeadingLevel.DECIMAL, runs("Mạng chuyên dùng"), id="h-i21")
II = Heading(HeadingLevel.ROMAN, runs("Khó khăn"), id="h-ii")
II1 = Heading(HeadingLevel.ARABIC, runs("Thiết bị"), id="h-ii1")
P = Paragraph(runs("Một đoạn."), id="p-1")
DOC = Document(
    kind=DocumentKind.BAO_CAO,
    body=(H_I, I1, I1A, I2, I21, II, II1, P),
    appendices=(Appendix("Số liệu", (Heading(HeadingLevel.ROMAN, runs("Bảng")),), id="pl"),),
)


def item(number: int, caption: str, block: str | None = None, size: int = 1000) -> EvidenceItem:
    return EvidenceItem(number, caption, block, f"tep-{number}.pdf", size, "ab" * 32,
                        filetype.PDF.mime, "2026-03-05")  # fmt: skip


def test_outline_paths_follow_the_printed_numbers():
    refs = block_refs(DOC)
    assert refs["h-i"].outline == "I"
    assert refs["h-i1a"].outline == "I.1.a"
    assert refs["h-i21"].outline == "I.2.1"
    assert refs["h-i21"].printed == "2.1"
    assert refs["h-ii1"].outline == "II.1"
    assert refs["h-ii1"].label == "mục II.1 (Thiết bị)"
    assert refs["p-1"].outline == ""


@pytest.mark.parametrize(
    ("typed", "block_id"),
    [("II.1", "h-ii1"), ("II.1.", "h-ii1"), ("I.1.a", "h-i1a"), ("2.1", "h-i21"),
     ("I.2.1", "h-i21"), ("p-1", "p-1"), ("II", "h-ii"), ("a)", "h-i1a")],
)  # fmt: skip
def test_resolve_by_number_or_id(typed, block_id):
    assert resolve_block(DOC, typed).block_id == block_id


def test_ambiguous_and_unknown_sections_are_explained():
    with pytest.raises(UserError, match="nhiều mục"):
        resolve_block(DOC, "1")  # I.1 and II.1
    with pytest.raises(UserError, match=r"II\.1") as info:
        resolve_block(DOC, "IV")
    assert "các mục hiện có" in info.value.message


def test_describe_a_deleted_block():
    assert describe_block(DOC, None) == ""
    assert describe_block(DOC, "gone") == "mục đã bị xóa khỏi văn bản"


def test_attachment_lines_number_and_punctuate():
    items = [item(2, "Ảnh lớp tập huấn.", "h-ii1"), item(1, "Biên bản kiểm tra", "gone")]
    assert attachment_lines(items, DOC) == [
        "Tài liệu kèm theo:",
        "1. Biên bản kiểm tra;",
        "2. Ảnh lớp tập huấn (mục II.1).",
    ]
    assert attachment_items(items, DOC) == (
        "Minh chứng số 1: Biên bản kiểm tra;",
        "Minh chứng số 2: Ảnh lớp tập huấn (mục II.1).",
    )
    assert attachment_lines([], DOC) == []


def test_evidence_table_for_a_phu_luc():
    table = evidence_table([item(1, "Quyết định", "h-i", size=1_500_000)], DOC)
    assert table.header == ("STT", "Tên tài liệu", "Minh chứng cho", "Tệp")
    assert table.rows == (("1", "Quyết định", "mục I", "tep-1.pdf (1,5 MB)"),)


@pytest.mark.parametrize(
    ("text", "value"),
    [("25MB", 25_000_000), ("25 mb", 25_000_000), ("2,5GB", 2_500_000_000), ("700KB", 700_000),
     ("10MiB", 10 * 1024**2), ("1234", 1234)],
)  # fmt: skip
def test_parse_size(text, value):
    assert parse_size(text) == value


@pytest.mark.parametrize("text", ["", "abc", "25 XB", "0MB", "-5MB"])
def test_parse_size_refuses(text):
    with pytest.raises(ValueError, match="dung lượng"):
        parse_size(text)


@pytest.mark.parametrize(
    ("size", "text"),
    [(999, "999 B"), (1500, "1,5 KB"), (999_960, "1 MB"), (25_000_000, "25 MB"),
     (123_456_789, "123 MB"), (2_500_000_000, "2,5 GB")],
)  # fmt: skip
def test_format_size(size, text):
    assert format_size(size) == text
