"""The style profile: size, weight and spacing of every element role (spec §3.1, §3.2).

Both renderers read the same `StyleProfile`, so a DOCX and a PDF of one document cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.model.profile import OfficeProfile, SizeProfile


class Role(StrEnum):
    """What a piece of laid-out text is. Renderers map roles to formatting through the profile."""

    PARENT_AGENCY = "parent-agency"
    ISSUING_AGENCY = "issuing-agency"
    NATIONAL_TITLE = "national-title"  # Quốc hiệu
    MOTTO = "motto"  # Tiêu ngữ
    NUMBER = "number"  # Số, ký hiệu
    PLACE_DATE = "place-date"
    SUBJECT_CONG_VAN = "subject-cong-van"  # V/v …
    KIND_TITLE = "kind-title"  # BÁO CÁO
    SUBJECT = "subject"  # trích yếu
    MARK = "mark"  # KHẨN / MẬT stamps
    RECIPIENTS = "recipients"  # Kính gửi
    DECISION_AUTHORITY = "decision-authority"  # CHỦ TỊCH ỦY BAN NHÂN DÂN … (quyết định)
    LEGAL_BASIS = "legal-basis"  # Căn cứ …
    DECISION_LINE = "decision-line"  # QUYẾT ĐỊNH: / QUYẾT NGHỊ:
    BODY = "body"
    ITEM = "item"  # "-" items
    SUBITEM = "subitem"  # "+" items
    HEADING_PART = "heading-part"  # Phần I / Chương I / Mục 1 (+ its upper-case title)
    HEADING_ROMAN = "heading-roman"  # I. TITLE
    HEADING_ARTICLE = "heading-article"  # Điều 1. Title
    HEADING_ARABIC = "heading-arabic"  # 1. Title
    HEADING_DECIMAL = "heading-decimal"  # 1.1. Title
    HEADING_LETTER = "heading-letter"  # a) title
    TABLE = "table"
    TABLE_HEADER = "table-header"
    CLOSING = "closing"
    DISTRIBUTION_LABEL = "distribution-label"  # Nơi nhận:
    DISTRIBUTION = "distribution"  # - …;
    SIGNER_AUTHORITY = "signer-authority"  # TM. … / CHỦ TỊCH
    SIGNER_NAME = "signer-name"
    SIGNATURE_HINT = "signature-hint"  # nothing printed by default; kept for templates
    FOOTER_ADDRESS = "footer-address"
    APPENDIX_LABEL = "appendix-label"  # Phụ lục I
    APPENDIX_TITLE = "appendix-title"
    APPENDIX_REFERENCE = "appendix-reference"  # (Kèm theo …)
    FOOTNOTE = "footnote"
    PAGE_NUMBER = "page-number"


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class TextStyle:
    size_pt: float
    bold: bool = False
    italic: bool = False
    upper: bool = False  # informative: the build step already upper-cases the text
    align: Align = Align.JUSTIFY
    first_line_indent: bool = False  # use the profile's first-line indent
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    single_spacing: bool = False  # header/signature parts are set single-spaced


@dataclass(frozen=True)
class PageSetup:
    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    right_mm: float = 15.0
    header_distance_mm: float = 10.0  # page number position from the top edge (the decree's file)
    footer_distance_mm: float = 10.0

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm


@dataclass(frozen=True)
class StyleProfile:
    page: PageSetup
    styles: dict[Role, TextStyle]
    first_line_indent_cm: float
    line_spacing: float  # multiple of single line spacing for body text
    paragraph_spacing_pt: float
    signature_gap_mm: float = 30.0  # space for signature and seal between 7a and 7b
    # Header-table column widths (spec §8), fractions of the text width; the right column must
    # hold a one-line Quốc hiệu (≈96 mm at 13 pt).
    header_left_fraction: float = 0.40
    signer_left_fraction: float = 0.45
    font_family: str = "Times New Roman"

    def style(self, role: Role) -> TextStyle:
        return self.styles[role]


def _sizes(size_profile: SizeProfile) -> dict[str, float]:
    if size_profile is SizeProfile.A:
        return {"agency": 13, "national": 13, "motto": 14, "date": 14, "body": 14, "vv": 12}
    return {"agency": 12, "national": 12, "motto": 13, "date": 13, "body": 14, "vv": 12}


def style_profile(office: OfficeProfile) -> StyleProfile:
    """The style profile of an office: its size profile (A or B), margins and spacing."""
    s = _sizes(office.size_profile)
    spacing = office.paragraph_spacing_pt
    body = s["body"]
    center = Align.CENTER
    styles: dict[Role, TextStyle] = {
        Role.PARENT_AGENCY: TextStyle(s["agency"], upper=True, align=center, single_spacing=True),
        Role.ISSUING_AGENCY: TextStyle(
            s["agency"], bold=True, upper=True, align=center, single_spacing=True
        ),
        Role.NATIONAL_TITLE: TextStyle(
            s["national"], bold=True, upper=True, align=center, single_spacing=True
        ),
        Role.MOTTO: TextStyle(s["motto"], bold=True, align=center, single_spacing=True),
        Role.NUMBER: TextStyle(13, align=center, single_spacing=True),
        Role.PLACE_DATE: TextStyle(s["date"], italic=True, align=center, single_spacing=True),
        Role.SUBJECT_CONG_VAN: TextStyle(
            s["vv"], align=center, space_before_pt=6, single_spacing=True
        ),
        Role.KIND_TITLE: TextStyle(
            14, bold=True, upper=True, align=center, space_before_pt=12, single_spacing=True
        ),
        Role.SUBJECT: TextStyle(14, bold=True, align=center, single_spacing=True),
        Role.MARK: TextStyle(13, bold=True, upper=True, align=Align.LEFT, single_spacing=True),
        Role.RECIPIENTS: TextStyle(body, align=Align.LEFT, space_before_pt=spacing),
        # Mẫu 1.1–1.3: a blank line above the authority and above `QUYẾT ĐỊNH:`; both 14 bold.
        Role.DECISION_AUTHORITY: TextStyle(
            14, bold=True, upper=True, align=center, space_before_pt=12, single_spacing=True
        ),
        Role.LEGAL_BASIS: TextStyle(
            body, italic=True, first_line_indent=True, space_before_pt=spacing
        ),
        Role.DECISION_LINE: TextStyle(
            14, bold=True, upper=True, align=center, space_before_pt=12, single_spacing=True
        ),
        Role.BODY: TextStyle(body, first_line_indent=True, space_before_pt=spacing),
        Role.ITEM: TextStyle(body, first_line_indent=True, space_before_pt=spacing),
        Role.SUBITEM: TextStyle(body, first_line_indent=True, space_before_pt=spacing),
        Role.HEADING_PART: TextStyle(
            body, bold=True, align=center, space_before_pt=spacing, single_spacing=True
        ),
        Role.HEADING_ROMAN: TextStyle(
            body, bold=True, upper=True, first_line_indent=True, space_before_pt=spacing
        ),
        Role.HEADING_ARTICLE: TextStyle(
            body, bold=True, first_line_indent=True, space_before_pt=spacing
        ),
        Role.HEADING_ARABIC: TextStyle(
            body, bold=True, first_line_indent=True, space_before_pt=spacing
        ),
        Role.HEADING_DECIMAL: TextStyle(
            body, bold=True, italic=False, first_line_indent=True, space_before_pt=spacing
        ),
        Role.HEADING_LETTER: TextStyle(
            body, italic=True, first_line_indent=True, space_before_pt=spacing
        ),
        Role.TABLE: TextStyle(12, align=Align.LEFT, single_spacing=True),
        Role.TABLE_HEADER: TextStyle(12, bold=True, align=center, single_spacing=True),
        Role.CLOSING: TextStyle(body, first_line_indent=True, space_before_pt=spacing),
        Role.DISTRIBUTION_LABEL: TextStyle(
            12, bold=True, italic=True, align=Align.LEFT, single_spacing=True
        ),
        Role.DISTRIBUTION: TextStyle(11, align=Align.LEFT, single_spacing=True),
        Role.SIGNER_AUTHORITY: TextStyle(
            14, bold=True, upper=True, align=center, single_spacing=True
        ),
        Role.SIGNER_NAME: TextStyle(14, bold=True, align=center, single_spacing=True),
        Role.SIGNATURE_HINT: TextStyle(13, italic=True, align=center, single_spacing=True),
        Role.FOOTER_ADDRESS: TextStyle(11, align=center, single_spacing=True),
        Role.APPENDIX_LABEL: TextStyle(14, bold=True, align=center, single_spacing=True),
        Role.APPENDIX_TITLE: TextStyle(
            14, bold=True, upper=True, align=center, single_spacing=True
        ),
        Role.APPENDIX_REFERENCE: TextStyle(13, italic=True, align=center, single_spacing=True),
        Role.FOOTNOTE: TextStyle(10, align=Align.JUSTIFY, single_spacing=True),
        Role.PAGE_NUMBER: TextStyle(14, align=center, single_spacing=True),
    }
    m = office.margins
    return StyleProfile(
        page=PageSetup(top_mm=m.top, bottom_mm=m.bottom, left_mm=m.left, right_mm=m.right),
        styles=styles,
        first_line_indent_cm=office.first_line_indent_cm,
        line_spacing=office.line_spacing,
        paragraph_spacing_pt=spacing,
    )
