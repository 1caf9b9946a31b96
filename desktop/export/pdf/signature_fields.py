"""Two empty signature fields where the decree puts the signature and the seal (spec §2 ô 7c, 8;
§6), written with pikepdf directly (no pyHanko import on the export path).

* `ChuKyNguoiKy` — over the gap between the signer's title lines and name: centred in the
  signer's column, as high as the gap and twice as wide (at most the column).
* `ChuKyCoQuan` — a square as high as the gap whose right third overlaps the left third of
  `ChuKyNguoiKy` (the seal covers about a third of the signature, on its left).

Each field is a merged field/widget annotation (`/FT /Sig`, no value = unsigned) with the print
flag and an empty appearance stream, as PDF/A requires of every annotation: nothing is drawn, so
the printed page is the unsigned layout, and a signing tool replaces the appearance with the
signature image when it signs into the field.
"""

from __future__ import annotations

from collections.abc import Sequence

import pikepdf

ANNOT_PRINT = 4  # /F bit 3: print the annotation (its appearance is empty)
SIG_FLAGS_SIGNATURES_EXIST = 1

FIELD_TOOLTIPS = {
    "ChuKyNguoiKy": "Chữ ký số của người có thẩm quyền",
    "ChuKyCoQuan": "Chữ ký số của cơ quan, tổ chức (dấu)",
}


def field_rects(
    gap: tuple[float, float, float, float],
) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
    """(signer, seal) rectangles (x0, y0, x1, y1) from the signature gap (x, y, width, height)."""
    x, y, width, height = gap
    signer_width = min(width, 2 * height)
    signer_x0 = x + (width - signer_width) / 2
    signer = (signer_x0, y, signer_x0 + signer_width, y + height)
    seal_x1 = signer_x0 + signer_width / 3
    seal = (seal_x1 - height, y, seal_x1, y + height)
    return signer, seal


def _round(rect: Sequence[float]) -> list[float]:
    return [round(v, 2) for v in rect]


def add_signature_fields(
    pdf: pikepdf.Pdf, fields: Sequence[tuple[str, int, tuple[float, float, float, float]]]
) -> None:
    """Add unsigned signature fields: (name, 1-based page, rect in points)."""
    root = pdf.Root
    if "/AcroForm" not in root:
        root.AcroForm = pdf.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array()))
    acroform = root.AcroForm
    if "/Fields" not in acroform:
        acroform.Fields = pikepdf.Array()
    acroform.SigFlags = SIG_FLAGS_SIGNATURES_EXIST
    for name, page_number, rect in fields:
        page = pdf.pages[page_number - 1]
        x0, y0, x1, y1 = rect
        appearance = pikepdf.Stream(pdf, b"")
        appearance.Type = pikepdf.Name.XObject
        appearance.Subtype = pikepdf.Name.Form
        appearance.BBox = pikepdf.Array(_round((0, 0, x1 - x0, y1 - y0)))
        appearance.Resources = pikepdf.Dictionary()
        widget = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Widget,
                FT=pikepdf.Name.Sig,
                T=pikepdf.String(name),
                TU=pikepdf.String(FIELD_TOOLTIPS.get(name, name)),
                Rect=pikepdf.Array(_round(rect)),
                F=ANNOT_PRINT,
                P=page.obj,
                AP=pikepdf.Dictionary(N=pdf.make_indirect(appearance)),
            )
        )
        if "/Annots" not in page.obj:
            page.obj.Annots = pikepdf.Array()
        page.obj.Annots.append(widget)
        acroform.Fields.append(widget)
