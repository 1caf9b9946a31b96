"""Layout-neutral content: what `build()` produces and both renderers consume.

Everything a renderer needs is decided here: the exact printed strings (numbers, dates, labels,
punctuation), which role each line plays (and so its style), which parts must stay together, and
the footnotes in order. Renderers only decide *how* to draw, never *what*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.layout.styles import Role, StyleProfile


@dataclass(frozen=True)
class Span:
    """Text with one formatting. `footnote` is set on the span that *is* a footnote reference mark:
    its value is the 1-based footnote number and its text is that number as a string."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    footnote: int | None = None


@dataclass(frozen=True)
class Line:
    """One paragraph of laid-out text with a role (→ style). `block_id` links back to the model
    block it came from (for the checker, the editor and evidence links)."""

    role: Role
    spans: tuple[Span, ...]
    block_id: str | None = None
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans if s.footnote is None)


@dataclass(frozen=True)
class Rule:
    """A short horizontal rule under the previous line, centred in its cell or column.

    `width_of` is the text whose measured width sets the rule: the rule is `fraction` × that
    width (1.0 for the tiêu ngữ, 1/3–1/2 for agency name and trích yếu).
    """

    width_of: str
    role: Role  # the style the text was set in (size, weight) to measure with
    fraction: float


@dataclass(frozen=True)
class HeaderBlock:
    """The two-column, two-row header table of page 1 (spec §2 ô 1–4, 5b; §8)."""

    left: tuple[Line, ...]  # parent agency, issuing agency
    left_rule: Rule | None
    right: tuple[Line, ...]  # Quốc hiệu, tiêu ngữ
    right_rule: Rule
    number: Line  # row 2, left
    place_date: Line  # row 2, right
    subject_cong_van: tuple[Line, ...] = ()  # "V/v …" under the number (công văn only)
    left_fraction: float = 0.40


@dataclass(frozen=True)
class TitleBlock:
    """Tên loại and trích yếu, centred, with the short rule under the trích yếu."""

    kind_title: Line
    subject: tuple[Line, ...]
    rule: Rule | None


@dataclass(frozen=True)
class Marks:
    """Secrecy (10a) and urgency (10b) stamps, drawn in a single-line rectangle."""

    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Recipients:
    """Kính gửi. `single` → one paragraph; otherwise a label and a list whose dashes align under
    the colon of "Kính gửi:"."""

    label: str  # "Kính gửi:"
    items: tuple[str, ...]  # already punctuated: "- X;" … "- Y." (or the one recipient)
    single: bool


@dataclass(frozen=True)
class Cell:
    lines: tuple[Line, ...]
    col_span: int = 1


@dataclass(frozen=True)
class TableContent:
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int
    column_widths_mm: tuple[float, ...]  # sums to at most the text width
    block_id: str | None = None
    caption: Line | None = None


@dataclass(frozen=True)
class PageBreakContent:
    pass


@dataclass(frozen=True)
class SignatureBlock:
    """The closing table: Nơi nhận on the left, 7a / signature gap / 7b on the right.

    Must be kept together and with the last body paragraph (never alone at the top of a page).
    """

    distribution_label: Line | None  # "Nơi nhận:" (None for kinds/documents without one)
    distribution: tuple[Line, ...]
    authority: tuple[Line, ...]
    name: Line
    gap_mm: float
    left_fraction: float = 0.45


Element = (
    HeaderBlock
    | TitleBlock
    | Marks
    | Recipients
    | Line
    | TableContent
    | PageBreakContent
    | SignatureBlock
    | Rule
)


@dataclass(frozen=True)
class FootnoteContent:
    number: int
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class SectionContent:
    """A run of pages with its own page numbering: the main document, then one per phụ lục.

    Page numbers are printed centred in the header from the section's page 2 on.
    """

    elements: tuple[Element, ...]
    footer_first_page: Line | None = None  # ô 13, main section only
    appendix_id: str | None = None


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str  # issuing agency
    subject: str  # number and symbol, when known
    keywords: tuple[str, ...]
    language: str = "vi-VN"


@dataclass(frozen=True)
class Content:
    styles: StyleProfile
    sections: tuple[SectionContent, ...]
    footnotes: tuple[FootnoteContent, ...]
    metadata: Metadata
    draft: bool
    kind_ends_with_mark: bool = True
    warnings: tuple[str, ...] = field(default=())

    def footnote(self, number: int) -> FootnoteContent:
        return self.footnotes[number - 1]
