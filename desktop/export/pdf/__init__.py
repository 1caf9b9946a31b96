"""PDF export: the layout-neutral `Content` drawn with reportlab, ready for signing and archiving.

Public entry points (everything else in this package is internal):

* `render_pdf(content, out, *, producer, created)` → `PdfResult` — draws the document, adds the
  PDF/A-2b identification (XMP, sRGB output intent, document ID) and the two empty signature
  fields, and writes the bytes to `out` (a binary stream or a path; a path is written atomically).
* `export_pdf(document, profile, path, today, *, producer, created)` — `build()` + `render_pdf`.
* `missing_glyphs(content)` → `[(snippet, char), …]` — characters the font cannot draw, checked
  BEFORE export so the caller can refuse with a message instead of printing empty boxes.
  `render_pdf` refuses such content itself (`MissingGlyphsError`).

Pipeline (one pass each, in this order):

1. reportlab (`renderer.py`, `story.py`): one exact layout pass — a paragraph that references a
   footnote reserves the note's room on the page where the reference lands (`footnotes.py`), so
   notes sit at the bottom of that page; page numbers centred in the top margin from each
   section's page 2; lines broken, kept and spaced as Word and LibreOffice set the DOCX.
2. pikepdf (`pdfa.py`): XMP with `pdfaid:part=2 conformance=B`, Info ↔ XMP title/author/subject/
   keywords/dates/producer, sRGB output intent, a document ID derived from the content.
3. pikepdf (`signature_fields.py`): AcroForm with two unsigned `/Sig` fields whose widgets carry
   the print flag and an empty appearance (PDF/A wants both) — nothing visible is added, so the
   printed page is exactly the unsigned layout.

Signature field names (stable; signing tools and `baocao check` look them up by these names):

* `ChuKyNguoiKy` — the competent person's signature (ô 7c): over the gap between the signer's
  title lines (7a) and the name (7b), as high as the gap, twice as wide (at most the column),
  centred in the signer's column.
* `ChuKyCoQuan` — the agency's seal / digital signature (ô 8): a square as high as the gap that
  covers the left third of `ChuKyNguoiKy`, where the decree puts the seal.

`PdfResult.stamp_areas` also gives where the number line (`SoKyHieu`) and the place/date line
(`NgayThang`) were drawn: on a draft they hold the blanks the clerk's issuing tool fills in.

Dates and the producer come from the caller, so the same content exported twice gives the same
text and layout; the document ID is a hash of the content, not of the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.layout.content import Content
    from desktop.model.document import Document
    from desktop.model.profile import OfficeProfile

SIGNER_FIELD = "ChuKyNguoiKy"
SEAL_FIELD = "ChuKyCoQuan"
SIGNATURE_FIELD_NAMES: tuple[str, str] = (SIGNER_FIELD, SEAL_FIELD)
NUMBER_AREA = "SoKyHieu"
DATE_AREA = "NgayThang"


@dataclass(frozen=True)
class FieldBox:
    """A signature field: its name, 1-based page and rectangle in PDF points (x0, y0, x1, y1)."""

    name: str
    page: int
    rect: tuple[float, float, float, float]


@dataclass(frozen=True)
class PdfResult:
    pages: int
    section_pages: tuple[int, ...]  # page count of each section: main document, then phụ lục
    font_family: str  # "Times New Roman" (system) or "Liberation Serif" (bundled)
    signature_fields: tuple[FieldBox, ...]
    footnote_pages: tuple[int, ...]  # page of each footnote, in footnote order
    layout_passes: int  # layout passes needed (footnotes are placed exactly in one)
    pdfa: bool
    # Where the number line ("Số: …") and the place/date line were drawn (names `SoKyHieu`,
    # `NgayThang`): on a draft, the blanks an issuing tool stamps the number and date into.
    stamp_areas: tuple[FieldBox, ...] = ()


class MissingGlyphsError(UserError):
    """The content holds characters the embedded font cannot draw."""

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        shown = ", ".join(
            f"“{ch}” (U+{ord(ch):04X}) trong “{snippet}”" for snippet, ch in missing[:5]
        )
        more = f" và {len(missing) - 5} chỗ khác" if len(missing) > 5 else ""
        super().__init__(
            f"Phông chữ không có ký tự {shown}{more}; hãy sửa hoặc xóa các ký tự này rồi xuất lại."
        )
        self.missing = missing


def missing_glyphs(content: Content) -> list[tuple[str, str]]:
    """Every (text snippet, character) of `content` that the PDF font cannot draw, in order.

    Each distinct character is reported once, with the snippet of text around its first use.
    """
    from desktop.export.pdf.glyphs import find_missing_glyphs

    return find_missing_glyphs(content)


def render_pdf(
    content: Content,
    out: BinaryIO | Path,
    *,
    producer: str,
    created: dt.datetime,
    pdfa: bool = True,
    signature_fields: bool = True,
) -> PdfResult:
    """Draw `content` as a PDF into `out`.

    `created` (timezone-aware, or taken as local-naive) is written as both creation and
    modification date; `producer` names the application and version. With a `Path`, the file is
    written to a temporary sibling and renamed into place, so a failure leaves no partial file.
    Raises `MissingGlyphsError` or `UserError` (destination not writable / disk full).
    """
    from desktop.export.pdf.pipeline import render

    return render(
        content,
        out,
        producer=producer,
        created=created,
        pdfa=pdfa,
        signature_fields=signature_fields,
    )


def export_pdf(
    document: Document,
    profile: OfficeProfile,
    path: Path,
    today: dt.date,
    *,
    producer: str,
    created: dt.datetime,
) -> PdfResult:
    """`build(document, profile, today)` then `render_pdf` to `path` (atomically)."""
    from desktop.layout.build import build

    return render_pdf(build(document, profile, today), path, producer=producer, created=created)


__all__ = [
    "SEAL_FIELD",
    "SIGNATURE_FIELD_NAMES",
    "SIGNER_FIELD",
    "FieldBox",
    "MissingGlyphsError",
    "PdfResult",
    "export_pdf",
    "missing_glyphs",
    "render_pdf",
]
