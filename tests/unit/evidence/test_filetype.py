"""Typing by content, never by name."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from desktop.evidence import filetype
from tests.unit.evidence.cfb import compound_file


def detect(data: bytes) -> filetype.FileType:
    return filetype.detect_stream(io.BytesIO(data))


def ooxml(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        for name in names:
            zf.writestr(name, "<x/>")
    return buffer.getvalue()


def odf(mime: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), mime)  # stored, first: as ODF requires
        zf.writestr("content.xml", "<x/>")
    return buffer.getvalue()


def bmp_header() -> bytes:
    return b"BM" + struct.pack("<IIII", 1000, 0, 54, 40) + b"\0" * 100


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n", filetype.PDF),
        (b"\r\n\r\n%PDF-1.4 junk before the header", filetype.PDF),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, filetype.PNG),
        (b"\xff\xd8\xff\xe1" + b"\0" * 20, filetype.JPEG),
        (b"II*\x00" + b"\0" * 20, filetype.TIFF),
        (b"MM\x00*" + b"\0" * 20, filetype.TIFF),
        (b"GIF89a" + b"\0" * 20, filetype.GIF),
        (b"RIFF\0\0\0\0WEBPVP8 ", filetype.WEBP),
        (b"\0\0\0\x18ftypheic\0\0\0\0", filetype.HEIC),
        (b"\0\0\0\x18ftypisom\0\0\0\0", filetype.MP4),
        (b"\0\0\0\x14ftypqt  \0\0\0\0", filetype.MOV),
        (bmp_header(), filetype.BMP),
        (b"{\\rtf1\\ansi ...", filetype.RTF),
        (b"7z\xbc\xaf\x27\x1c\0\0", filetype.SEVEN_ZIP),
        (b"MZ\x90\0" + b"\0" * 60, filetype.EXECUTABLE),
        (b"\x7fELF\x02\x01", filetype.EXECUTABLE),
        (b"", filetype.EMPTY),
    ],
)
def test_signatures(data, expected):
    assert detect(data) is expected


def test_office_documents_are_told_apart_by_their_parts():
    assert detect(ooxml("word/document.xml")) is filetype.DOCX
    assert detect(ooxml("xl/workbook.xml", "xl/worksheets/sheet1.xml")) is filetype.XLSX
    assert detect(ooxml("ppt/presentation.xml")) is filetype.PPTX
    assert detect(ooxml("readme.txt")) is filetype.ZIP
    assert detect(odf("application/vnd.oasis.opendocument.text")) is filetype.ODT
    assert detect(odf("application/vnd.oasis.opendocument.spreadsheet")) is filetype.ODS
    assert detect(b"PK\x03\x04 truncated zip") is filetype.ZIP


def test_legacy_office_files_are_told_apart_by_their_streams():
    assert detect(compound_file("WordDocument", "1Table")) is filetype.DOC
    assert detect(compound_file("Workbook")) is filetype.XLS
    assert detect(compound_file("Book")) is filetype.XLS
    assert detect(compound_file("PowerPoint Document")) is filetype.PPT
    assert detect(compound_file("EncryptedPackage", "EncryptionInfo")) is filetype.OFFICE_ENCRYPTED
    assert detect(compound_file("Something")) is filetype.OLE
    assert detect(compound_file("WordDocument")[:600]) is filetype.OLE  # truncated: still safe


def test_text_csv_and_legacy_encodings():
    assert detect("Báo cáo kết quả\nthực hiện\n".encode()) is filetype.TEXT
    assert detect("Chỉ tiêu;Kế hoạch;Thực hiện\nHồ sơ;1200;964\nVăn bản;2500;2326\n".encode()) is (
        filetype.CSV
    )
    assert detect("a,b\n1,2\n".encode("utf-16")) is filetype.CSV
    assert detect(b'<?xml version="1.0"?><root/>') is filetype.XML
    assert detect(b"<!DOCTYPE html><html></html>") is filetype.HTML
    # TCVN3 (ABC) text is 8-bit, not UTF-8, but it is text.
    assert detect(bytes(range(0xA1, 0xFF)) * 10 + b"\n") is filetype.TEXT
    assert detect(b"\x00\x01\x02binary") is filetype.UNKNOWN


def test_a_utf8_sample_cut_inside_a_character_is_still_text():
    data = ("ấ" * (filetype.HEAD_SIZE // 3 + 1)).encode()
    assert detect(data) is filetype.TEXT


def test_by_mime_round_trips_and_tolerates_unknown_values():
    for kind in (filetype.PDF, filetype.DOCX, filetype.CSV):
        assert filetype.by_mime(kind.mime) is kind
    assert filetype.by_mime("application/x-nonsense") is filetype.UNKNOWN


def test_compression_hints():
    assert filetype.JPEG.compressed and filetype.DOCX.compressed
    assert filetype.CSV.compressed is False and filetype.DOC.compressed is False
    assert filetype.PDF.compressed is None and filetype.TIFF.compressed is None
