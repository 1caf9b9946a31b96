"""Paragraphs and runs: one `Line` of the layout content → one `w:p`, formatted by its role."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from lxml import etree

from desktop.export.docx.ooxml import border, pt20, run_properties, sub, text_run, twips
from desktop.layout.content import Line, Span
from desktop.layout.styles import Align, StyleProfile, TextStyle

_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}

# Called for a span that is a footnote reference; appends the reference run to the paragraph.
FootnoteWriter = Callable[[etree._Element, Span, TextStyle], None]


@dataclass(frozen=True)
class Layout:
    """Paragraph geometry that the role's style does not decide (position in a cell, lists)."""

    left_mm: float = 0.0
    right_mm: float = 0.0
    hanging_mm: float | None = None  # hanging indent instead of the style's first-line indent
    space_before_pt: float | None = None  # overrides the style's space before
    align: Align | None = None  # overrides the style's alignment
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False


NO_LAYOUT = Layout()
# Height of the empty paragraph that carries a short rule: the rule sits this far below the
# text above it (about 1.8 mm), as in the Government's files.
RULE_HEIGHT_TWIPS = 100


def line_spacing_twips(styles: StyleProfile, style: TextStyle) -> int:
    """`w:line` in 240ths of a line (lineRule auto): single for header/signature parts, the
    profile's multiple (1.0–1.5) for running text."""
    return 240 if style.single_spacing else round(240 * styles.line_spacing)


def paragraph_properties(
    p: etree._Element, styles: StyleProfile, style: TextStyle, layout: Layout = NO_LAYOUT
) -> etree._Element:
    ppr = sub(p, "pPr")
    if layout.keep_next:
        sub(ppr, "keepNext")
    if layout.keep_lines:
        sub(ppr, "keepLines")
    if layout.page_break_before:
        sub(ppr, "pageBreakBefore")
    before = style.space_before_pt if layout.space_before_pt is None else layout.space_before_pt
    sub(
        ppr,
        "spacing",
        before=pt20(before),
        after=pt20(style.space_after_pt),
        line=line_spacing_twips(styles, style),
        lineRule="auto",
    )
    ind_attrs: dict[str, str | int] = {}
    if layout.left_mm:
        ind_attrs["left"] = twips(layout.left_mm)
    if layout.right_mm:
        ind_attrs["right"] = twips(layout.right_mm)
    if layout.hanging_mm is not None:
        ind_attrs["hanging"] = twips(layout.hanging_mm)
    elif style.first_line_indent:
        ind_attrs["firstLine"] = twips(styles.first_line_indent_cm * 10)
    if ind_attrs:
        sub(ppr, "ind", **ind_attrs)
    sub(ppr, "jc", val=_JC[layout.align or style.align])
    return ppr


def spans_into(
    p: etree._Element,
    spans: Iterable[Span],
    style: TextStyle,
    footnote: FootnoteWriter | None = None,
) -> None:
    for span in spans:
        if span.footnote is not None:
            if footnote is None:
                raise ValueError("footnote reference where footnotes are not allowed")
            footnote(p, span, style)
            continue
        if span.text:
            text_run(
                p,
                span.text,
                style.size_pt,
                bold=style.bold or span.bold,
                italic=style.italic or span.italic,
                underline=span.underline,
            )


def paragraph(
    parent: etree._Element,
    line: Line,
    styles: StyleProfile,
    layout: Layout = NO_LAYOUT,
    footnote: FootnoteWriter | None = None,
) -> etree._Element:
    style = styles.style(line.role)
    p = sub(parent, "p")
    if line.keep_with_next and not layout.keep_next:
        layout = replace(layout, keep_next=True)
    ppr = paragraph_properties(p, styles, style, layout)
    # The paragraph mark carries the role's size so an empty line keeps its height.
    run_properties(ppr, style.size_pt, bold=style.bold, italic=style.italic)
    spans_into(p, line.spans, style, footnote)
    return p


def rule_paragraph(
    parent: etree._Element,
    container_mm: float,
    length_mm: float,
    *,
    space_before_pt: float = 0,
    space_after_pt: float = 0,
) -> etree._Element:
    """A short centred rule: an empty 5 pt paragraph whose bottom border runs between indents
    computed from the measured text width (spec §8 method b)."""
    side = max((container_mm - length_mm) / 2, 0.0)
    p = sub(parent, "p")
    ppr = sub(p, "pPr")
    borders = sub(ppr, "pBdr")
    border(borders, "bottom", size_eighths=6, space_pt=0)
    sub(
        ppr,
        "spacing",
        before=pt20(space_before_pt),
        after=pt20(space_after_pt),
        line=RULE_HEIGHT_TWIPS,
        lineRule="exact",
    )
    sub(ppr, "ind", left=twips(side), right=twips(side))
    sub(ppr, "jc", val="center")
    run_properties(ppr, 1)
    return p


def spacer_paragraph(parent: etree._Element, height_mm: float) -> etree._Element:
    """An empty paragraph of an exact height (the signature space between 7a and 7b)."""
    p = sub(parent, "p")
    ppr = sub(p, "pPr")
    sub(ppr, "keepNext")
    sub(ppr, "spacing", before=0, after=0, line=twips(height_mm), lineRule="exact")
    sub(ppr, "jc", val="center")
    run_properties(ppr, 1)
    return p
