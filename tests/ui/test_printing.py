"""Printing draws the exported PDF's pages (the same pages) onto a printer."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from ui.output.printing import paint_pdf, prepare_printer
from ui.panels.preview import render_preview_pdf

from .conftest import PROFILE, report_document


@pytest.fixture
def pdf(tmp_path, qapp):
    return render_preview_pdf(
        report_document(), PROFILE, tmp_path / "in.pdf", dt.date(2026, 3, 5), "kiểm thử"
    )


def test_printing_to_a_pdf_printer_gives_the_same_pages(pdf, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "ban-in.pdf"
    printer.setOutputFileName(str(out))
    pages = paint_pdf(pdf, printer)
    source = QPdfDocument()
    source.load(str(pdf))
    printed = QPdfDocument()
    printed.load(str(out))
    assert pages == source.pageCount() == printed.pageCount() >= 1
    size = printed.pagePointSize(0)
    assert abs(size.width() - 595) < 2 and abs(size.height() - 842) < 2  # A4


def test_printed_page_is_not_blank(pdf):
    document = QPdfDocument()
    document.load(str(pdf))
    image = document.render(0, document.pagePointSize(0).toSize())
    assert not image.isNull()
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 100  # text was drawn


def test_missing_pdf_is_an_error(tmp_path, qapp):
    printer = QPrinter()
    with pytest.raises(OSError):
        paint_pdf(tmp_path / "khong-co.pdf", printer)


def test_drive_listing_marks_usb_mount_points(qapp):
    import sys

    from ui.output import drives

    if sys.platform != "win32":
        assert drives._is_removable("/media/can-bo/USB-VANTHU")
        assert drives._is_removable("/run/media/can-bo/KINGSTON")
        assert not drives._is_removable("/")
        assert not drives._is_removable("/home")
    for drive in drives.list_drives(removable_only=False):
        assert drive.free_bytes >= 0 and drive.total_bytes >= drive.free_bytes
        assert "còn trống" in drive.label
