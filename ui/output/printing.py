"""Printing: the pages of the exported PDF, drawn onto a QPrinter (so paper = PDF, page for page).

The PDF comes from the same exporter as "Xuất PDF"; each page is rasterised by QtPdf at the
printer's resolution (capped at 300 dpi) and drawn to fill the printable page rectangle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def prepare_printer(printer: QPrinter) -> None:
    """A4 portrait with no extra margins: the PDF already has the decree's margins."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def paint_pdf(pdf_path: Path, printer: QPrinter, *, first: int = 0, last: int | None = None) -> int:
    """Draw pages `first..last` of the PDF onto `printer`; return the number of pages drawn."""
    document = QPdfDocument()
    document.load(str(pdf_path))
    if document.status() != QPdfDocument.Status.Ready:
        raise OSError(f"không mở được tệp PDF {pdf_path}")
    count = document.pageCount()
    last = count - 1 if last is None else min(last, count - 1)
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("máy in không sẵn sàng")
    drawn = 0
    try:
        for index in range(first, last + 1):
            if drawn:
                printer.newPage()
            points: QSizeF = document.pagePointSize(index)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(index, pixels, QPdfDocumentRenderOptions())
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            # Keep the page's proportions inside the printable rectangle.
            scale = min(target.width() / pixels.width(), target.height() / pixels.height())
            width, height = pixels.width() * scale, pixels.height() * scale
            painter.drawImage(QRectF(target.x(), target.y(), width, height), image)
            drawn += 1
    finally:
        painter.end()
        document.close()
    return drawn
