"""Table skeletons: fixed layout, widths written in both `w:gridCol` and `w:tcW` (LibreOffice
ignores one without the other), explicit cell padding (and room above and below the text in ruled
tables), borderless or single-ruled."""

from __future__ import annotations

from lxml import etree

from desktop.export.docx.ooxml import border, no_borders, pt20, sub, twips
from desktop.layout.geometry import CELL_PADDING_MM, TABLE_CELL_VPADDING_PT


def table(
    parent: etree._Element,
    widths_mm: tuple[float, ...],
    *,
    ruled: bool,
    indent_mm: float = 0.0,
) -> etree._Element:
    tbl = sub(parent, "tbl")
    pr = sub(tbl, "tblPr")
    sub(pr, "tblW", w=sum(twips(x) for x in widths_mm), type="dxa")
    sub(pr, "tblInd", w=twips(indent_mm), type="dxa")
    if ruled:
        borders = sub(pr, "tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            border(borders, side, size_eighths=4, space_pt=0)
    else:
        no_borders(pr)
    sub(pr, "tblLayout", type="fixed")
    margins = sub(pr, "tblCellMar")
    padding = twips(CELL_PADDING_MM)
    if ruled:
        sub(margins, "top", w=pt20(TABLE_CELL_VPADDING_PT), type="dxa")
    sub(margins, "left", w=padding, type="dxa")
    if ruled:
        sub(margins, "bottom", w=pt20(TABLE_CELL_VPADDING_PT), type="dxa")
    sub(margins, "right", w=padding, type="dxa")
    sub(pr, "tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0,
        noHBand=1, noVBand=1)  # fmt: skip
    grid = sub(tbl, "tblGrid")
    for width in widths_mm:
        sub(grid, "gridCol", w=twips(width))
    return tbl


def row(tbl: etree._Element, *, header: bool = False, cant_split: bool = False) -> etree._Element:
    tr = sub(tbl, "tr")
    if header or cant_split:
        pr = sub(tr, "trPr")
        if cant_split:
            sub(pr, "cantSplit")
        if header:
            sub(pr, "tblHeader")
    return tr


def cell(
    tr: etree._Element, width_mm: float, *, span: int = 1, v_center: bool = False
) -> etree._Element:
    tc = sub(tr, "tc")
    pr = sub(tc, "tcPr")
    sub(pr, "tcW", w=twips(width_mm), type="dxa")
    if span > 1:
        sub(pr, "gridSpan", val=span)
    if v_center:
        sub(pr, "vAlign", val="center")
    return tc
