"""The document model: plain, immutable data for every element of a Nghị định 30 document.

One model feeds the editor, the store, the checker and both exporters. Nothing here knows about
Qt, SQLite, DOCX or PDF. Section numbers are never stored: `desktop.model.numbering` computes them
from the order and levels of the headings. Every text field is normalised to NFC on construction.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from desktop.model.kinds import DocumentKind
from desktop.model.text import nfc


def new_block_id() -> str:
    """A short random id that lets evidence, checker findings and the editor point at a block."""
    return secrets.token_hex(6)


def _normalize_text_fields(obj: object) -> None:
    """NFC-normalise every str and tuple-of-str field of a frozen dataclass in place."""
    for f in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if isinstance(value, str):
            object.__setattr__(obj, f.name, nfc(value))
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            object.__setattr__(obj, f.name, tuple(nfc(v) for v in value))


# --------------------------------------------------------------------------------------------
# Inline content


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False

    def __post_init__(self) -> None:
        _normalize_text_fields(self)


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote: its reference mark sits here; its text goes to the page bottom.

    Footnote numbers are computed from document order (Word numbers them itself in DOCX).
    """

    runs: tuple[Run, ...]

    @property
    def plain_text(self) -> str:
        return "".join(r.text for r in self.runs)


Inline = Run | FootnoteRef


def plain_text(content: tuple[Inline, ...]) -> str:
    """The visible text of inline content, without footnote texts."""
    return "".join(item.text for item in content if isinstance(item, Run))


def runs(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Inline, ...]:
    """Convenience: inline content made of one run."""
    return (Run(text, bold=bold, italic=italic),) if text else ()


# --------------------------------------------------------------------------------------------
# Blocks


class HeadingLevel(StrEnum):
    """Outline levels of a report or plan (Phụ lục I; spec §3.1 "Report-style outline").

    The order of the members is the rank order, from the outermost to the innermost.
    """

    PART = "part"  # Phần I — centred, bold, title on the next line in upper case
    CHAPTER = "chapter"  # Chương I
    SECTION = "section"  # Mục 1
    ROMAN = "roman"  # I. TITLE (upper case, bold)
    ARTICLE = "article"  # Điều 1. Title (decisions, regulations)
    ARABIC = "arabic"  # 1. Title (bold when titled)
    DECIMAL = "decimal"  # 1.1. Title
    LETTER = "letter"  # a) title — Vietnamese letter order a b c d đ e g …


HEADING_RANK: dict[HeadingLevel, int] = {level: i for i, level in enumerate(HeadingLevel)}


class ListMarker(StrEnum):
    DASH = "-"
    PLUS = "+"


@dataclass(frozen=True)
class Heading:
    """A numbered part of the outline.

    `titled=False` is a khoản/điểm without a title: a whole numbered sentence ("1. TTNT được ứng
    dụng …") that prints in body style (regular, justified) instead of as a bold title line
    (spec §3.1: "`1.` bold if titled, regular if not").
    """

    level: HeadingLevel
    content: tuple[Inline, ...]
    numbered: bool = True
    id: str = field(default_factory=new_block_id)
    titled: bool = True

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True)
class Paragraph:
    content: tuple[Inline, ...]
    id: str = field(default_factory=new_block_id)

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True)
class ListItem:
    """A "-" item (first level) or a "+" item (second level) of practice (spec §3.1)."""

    marker: ListMarker
    content: tuple[Inline, ...]
    id: str = field(default_factory=new_block_id)

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True)
class TableCell:
    content: tuple[Inline, ...]
    col_span: int = 1
    bold: bool = False

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True)
class Table:
    """A table; the first `header_rows` rows repeat on every page it spans."""

    rows: tuple[tuple[TableCell, ...], ...]
    header_rows: int = 1
    # Relative column widths (any positive numbers); None = equal widths.
    column_widths: tuple[float, ...] | None = None
    caption: str = ""
    id: str = field(default_factory=new_block_id)

    def __post_init__(self) -> None:
        _normalize_text_fields(self)

    @property
    def column_count(self) -> int:
        return max((sum(c.col_span for c in row) for row in self.rows), default=0)


@dataclass(frozen=True)
class PageBreak:
    id: str = field(default_factory=new_block_id)


Block = Heading | Paragraph | ListItem | Table | PageBreak


# --------------------------------------------------------------------------------------------
# Header and closing elements


class Urgency(StrEnum):
    KHAN = "KHẨN"
    THUONG_KHAN = "THƯỢNG KHẨN"
    HOA_TOC = "HỎA TỐC"


class Secrecy(StrEnum):
    MAT = "MẬT"
    TOI_MAT = "TỐI MẬT"
    TUYET_MAT = "TUYỆT MẬT"


class SignerPrefix(StrEnum):
    """Quyền hạn prefixes (Điều 13; spec §5). The value is printed with its full stop."""

    TM = "TM."
    KT = "KT."
    Q = "Q."
    TL = "TL."
    TUQ = "TUQ."


@dataclass(frozen=True)
class AuthorityLine:
    """One line of the 7a block: an optional prefix and upper-case text (`TM.` `ỦY BAN NHÂN DÂN`)."""

    text: str
    prefix: SignerPrefix | None = None

    def __post_init__(self) -> None:
        _normalize_text_fields(self)


@dataclass(frozen=True)
class SignerBlock:
    """Lines 7a (authority and title) and 7b (name). Signature and seal go between them."""

    lines: tuple[AuthorityLine, ...] = ()
    name: str = ""

    def __post_init__(self) -> None:
        _normalize_text_fields(self)


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    FINALIZED = "finalized"
    EXPORTED = "exported"
    SENT = "sent"


STATUS_LABELS: dict[DocumentStatus, str] = {
    DocumentStatus.DRAFT: "Dự thảo",
    DocumentStatus.FINALIZED: "Đã hoàn thiện",
    DocumentStatus.EXPORTED: "Đã xuất",
    DocumentStatus.SENT: "Đã gửi",
}


class PeriodKind(StrEnum):
    """Reporting periods of Nghị định 09/2019 (spec §7)."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEAR = "half-year"
    NINE_MONTHS = "nine-months"
    ANNUAL = "annual"
    THEMATIC = "thematic"  # chuyên đề
    AD_HOC = "ad-hoc"  # đột xuất


@dataclass(frozen=True)
class ReportingPeriod:
    kind: PeriodKind
    year: int
    index: int = 1  # month 1–12, quarter 1–4, half 1–2; ignored for annual/thematic/ad hoc


@dataclass(frozen=True)
class Appendix:
    """A phụ lục: `Phụ lục I` / title / (Kèm theo …) and its own body, on new pages."""

    title: str
    body: tuple[Block, ...] = ()
    # The "(Kèm theo …)" line. Empty: the renderer prints the template's blanks, which the
    # decree says stay unfilled on electronic documents.
    reference: str = ""
    id: str = field(default_factory=new_block_id)

    def __post_init__(self) -> None:
        _normalize_text_fields(self)


# --------------------------------------------------------------------------------------------
# The document


@dataclass(frozen=True)
class Document:
    kind: DocumentKind
    title: str = ""  # trích yếu (without "V/v" for công văn; the renderer adds it)
    # Thẩm quyền ban hành of a quyết định / nghị quyết (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`),
    # printed upper case between the trích yếu and the căn cứ; ignored by other kinds.
    authority: str = ""
    parent_agency: str = ""  # cơ quan chủ quản, may be empty
    issuing_agency: str = ""  # cơ quan ban hành
    agency_abbr: str = ""  # ký hiệu cơ quan ban hành, e.g. UBND, SNV
    unit_abbr: str = ""  # ký hiệu đơn vị soạn thảo, e.g. VP, KTHT (công văn number, Lưu line)
    number: int | None = None  # None in a draft
    place: str = ""  # địa danh
    date: dt.date | None = None  # None in a draft
    recipients: tuple[str, ...] = ()  # Kính gửi
    legal_bases: tuple[str, ...] = ()  # căn cứ / thực hiện lines, without final ; or .
    urgency: Urgency | None = None
    secrecy: Secrecy | None = None
    body: tuple[Block, ...] = ()
    closing: str = ""  # last sentence; the renderer ends it with "./." where the kind expects it
    signer: SignerBlock = field(default_factory=SignerBlock)
    distribution: tuple[str, ...] = ()  # Nơi nhận lines, without "- " and ";"
    archive_note: str = ""  # after "Lưu: VT, " (usually the drafting unit); empty: "Lưu: VT."
    drafter_initials: str = ""  # ký hiệu người soạn thảo (ô 12)
    copies: int | None = None  # số lượng bản phát hành (ô 12)
    footer_address: str = ""  # ô 13, page 1 only
    appendices: tuple[Appendix, ...] = ()
    reporting_period: ReportingPeriod | None = None
    deadline: dt.date | None = None
    status: DocumentStatus = DocumentStatus.DRAFT
    # Facts about where an imported document came from (file name, "Ký bởi", "Thời gian ký" …).
    source: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _normalize_text_fields(self)
        object.__setattr__(self, "source", {nfc(k): nfc(v) for k, v in self.source.items()})

    @property
    def is_draft(self) -> bool:
        return self.number is None or self.date is None

    def with_changes(self, **changes: Any) -> Document:
        return replace(self, **changes)
