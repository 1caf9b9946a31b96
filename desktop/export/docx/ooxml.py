"""WordprocessingML building blocks: units, qualified names and small element builders.

Elements are built with lxml directly (python-docx's paragraph API is too slow for a 30-page
report and knows nothing of footnotes, paragraph borders or fields). Child order inside `w:pPr`,
`w:rPr`, `w:tblPr` and `w:tcPr` follows the schema, which Word enforces and LibreOffice forgives.
"""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FONT = "Times New Roman"
BLACK = "000000"
TWIPS_PER_MM = 1440 / 25.4


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def pt20(points: float) -> int:
    """Points → twentieths of a point (spacing values)."""
    return round(points * 20)


def sub(parent: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    """A `w:` child with `w:` attributes."""
    el = etree.SubElement(parent, w(tag))
    for key, value in attrs.items():
        el.set(w(key), str(value))
    return el


def run_properties(
    parent: etree._Element,
    size_pt: float,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    superscript: bool = False,
    style: str | None = None,
) -> etree._Element:
    """`w:rPr` naming Times New Roman in all four font slots, black, with sizes for both scripts."""
    rpr = sub(parent, "rPr")
    if style:
        sub(rpr, "rStyle", val=style)
    sub(rpr, "rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)
    if bold:
        sub(rpr, "b")
        sub(rpr, "bCs")
    if italic:
        sub(rpr, "i")
        sub(rpr, "iCs")
    sub(rpr, "color", val=BLACK)
    half_points = round(size_pt * 2)
    sub(rpr, "sz", val=half_points)
    sub(rpr, "szCs", val=half_points)
    if underline:
        sub(rpr, "u", val="single")
    if superscript:
        sub(rpr, "vertAlign", val="superscript")
    return rpr


def text_run(
    parent: etree._Element,
    text: str,
    size_pt: float,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> etree._Element:
    r = sub(parent, "r")
    run_properties(r, size_pt, bold=bold, italic=italic, underline=underline)
    for i, piece in enumerate(text.split("\n")):
        if i:
            sub(r, "br")  # a line break placed by the layout (balanced agency names)
        t = sub(r, "t")
        t.text = piece
        t.set(XML_SPACE, "preserve")
    return r


def border(parent: etree._Element, side: str, *, size_eighths: int = 6, space_pt: int = 1) -> None:
    sub(parent, side, val="single", sz=size_eighths, space=space_pt, color=BLACK)


def no_borders(tbl_pr: etree._Element) -> None:
    borders = sub(tbl_pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, side, val="nil")
