"""What a file is, decided from its bytes, never from its name.

A scan saved as `bien-ban.doc`, a photo without an extension or a spreadsheet renamed `.pdf` are
all common in offices. The store, the package (stored or deflated), the photo reduction and the
listing shown to the user use the type found here. Only the first 64 KiB are read, plus the
directory of container formats (ZIP-based OOXML/ODF, OLE compound files) when needed.
"""

from __future__ import annotations

import codecs
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

HEAD_SIZE = 64 * 1024


@dataclass(frozen=True)
class FileType:
    mime: str
    label: str  # Vietnamese, shown in lists and on the cover sheet
    extensions: tuple[str, ...]  # lower case, without the dot; the first one is canonical
    # True: already compressed (store it in a zip as is); False: deflate it; None: try a sample.
    compressed: bool | None
    image: bool = False  # Pillow can open and reduce it
    executable: bool = False  # a program: refused as evidence (mail gateways reject packages)

    @property
    def extension(self) -> str:
        return self.extensions[0] if self.extensions else ""


def _t(
    mime: str,
    label: str,
    extensions: tuple[str, ...],
    compressed: bool | None,
    *,
    image: bool = False,
    executable: bool = False,
) -> FileType:
    return FileType(mime, label, extensions, compressed, image, executable)


PDF = _t("application/pdf", "Tệp PDF", ("pdf",), None)
PNG = _t("image/png", "Ảnh PNG", ("png",), True, image=True)
JPEG = _t("image/jpeg", "Ảnh JPEG", ("jpg", "jpeg", "jpe", "jfif"), True, image=True)
TIFF = _t("image/tiff", "Ảnh quét TIFF", ("tif", "tiff"), None, image=True)
GIF = _t("image/gif", "Ảnh GIF", ("gif",), True, image=True)
WEBP = _t("image/webp", "Ảnh WebP", ("webp",), True, image=True)
BMP = _t("image/bmp", "Ảnh BMP", ("bmp",), False, image=True)
HEIC = _t("image/heic", "Ảnh HEIC (điện thoại iPhone)", ("heic", "heif"), True)
AVIF = _t("image/avif", "Ảnh AVIF", ("avif",), True)
DOCX = _t(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Văn bản Word (DOCX)",
    ("docx", "docm"),
    True,
)
XLSX = _t(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Bảng tính Excel (XLSX)",
    ("xlsx", "xlsm"),
    True,
)
PPTX = _t(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "Trình chiếu PowerPoint (PPTX)",
    ("pptx", "pptm"),
    True,
)
ODT = _t("application/vnd.oasis.opendocument.text", "Văn bản ODT", ("odt",), True)
ODS = _t("application/vnd.oasis.opendocument.spreadsheet", "Bảng tính ODS", ("ods",), True)
ODP = _t("application/vnd.oasis.opendocument.presentation", "Trình chiếu ODP", ("odp",), True)
ZIP = _t("application/zip", "Tệp nén ZIP", ("zip",), True)
DOC = _t("application/msword", "Văn bản Word 97–2003 (DOC)", ("doc", "dot"), False)
XLS = _t("application/vnd.ms-excel", "Bảng tính Excel 97–2003 (XLS)", ("xls", "xlt"), False)
PPT = _t(
    "application/vnd.ms-powerpoint", "Trình chiếu PowerPoint 97–2003 (PPT)", ("ppt", "pps"), False
)
MSG = _t("application/vnd.ms-outlook", "Thư Outlook (MSG)", ("msg",), False)
OFFICE_ENCRYPTED = _t(
    "application/x-ms-office-encrypted",
    "Tài liệu Office có đặt mật khẩu",
    ("docx", "xlsx", "pptx"),
    True,
)
OLE = _t("application/x-ole-storage", "Tài liệu Office định dạng cũ", (), False)
RTF = _t("application/rtf", "Văn bản RTF", ("rtf",), False)
SEVEN_ZIP = _t("application/x-7z-compressed", "Tệp nén 7z", ("7z",), True)
RAR = _t("application/vnd.rar", "Tệp nén RAR", ("rar",), True)
GZIP = _t("application/gzip", "Tệp nén GZIP", ("gz",), True)
MP4 = _t("video/mp4", "Video MP4", ("mp4", "m4v"), True)
MOV = _t("video/quicktime", "Video MOV", ("mov",), True)
M4A = _t("audio/mp4", "Âm thanh M4A", ("m4a",), True)
MP3 = _t("audio/mpeg", "Âm thanh MP3", ("mp3",), True)
WAV = _t("audio/wav", "Âm thanh WAV", ("wav",), False)
AVI = _t("video/x-msvideo", "Video AVI", ("avi",), True)
XML = _t("application/xml", "Tệp XML", ("xml",), False)
HTML = _t("text/html", "Trang HTML", ("html", "htm"), False)
CSV = _t("text/csv", "Bảng số liệu CSV", ("csv",), False)
TEXT = _t("text/plain", "Văn bản thuần", ("txt",), False)
EXECUTABLE = _t(
    "application/x-executable", "Tệp chương trình", ("exe", "dll"), True, executable=True
)
EMPTY = _t("application/x-empty", "Tệp rỗng", (), False)
UNKNOWN = _t("application/octet-stream", "Tệp không rõ định dạng", (), None)

# Script and installer extensions that mail gateways block whatever their content is. A text
# file named `run.bat` is text by content, but a package holding it would bounce.
BLOCKED_EXTENSIONS: frozenset[str] = frozenset(
    [
        "exe",
        "com",
        "scr",
        "msi",
        "msp",
        "bat",
        "cmd",
        "ps1",
        "vbs",
        "vbe",
        "js",
        "jse",
        "wsf",
        "wsh",
        "hta",
        "lnk",
        "jar",
        "cpl",
        "pif",
        "reg",
    ]
)

_MIME_INDEX: dict[str, FileType] = {
    t.mime: t
    for t in (
        PDF, PNG, JPEG, TIFF, GIF, WEBP, BMP, HEIC, AVIF, DOCX, XLSX, PPTX, ODT, ODS, ODP, ZIP,
        DOC, XLS, PPT, MSG, OFFICE_ENCRYPTED, OLE, RTF, SEVEN_ZIP, RAR, GZIP, MP4, MOV, M4A,
        MP3, WAV, AVI, XML, HTML, CSV, TEXT, EXECUTABLE, EMPTY, UNKNOWN,
    )
}  # fmt: skip


def by_mime(mime: str) -> FileType:
    """The type recorded for a stored item (unknown MIME types map to UNKNOWN)."""
    return _MIME_INDEX.get(mime, UNKNOWN)


def detect(path: Path) -> FileType:
    """Type a file by its content."""
    with path.open("rb") as f:
        return detect_stream(f)


def detect_stream(f: BinaryIO) -> FileType:
    """Type an open, seekable binary file by its content (the position is left anywhere)."""
    f.seek(0)
    head = f.read(HEAD_SIZE)
    if not head:
        return EMPTY
    simple = _by_signature(head)
    if simple is not None:
        return simple
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_container(f)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_container(f)
    pdf_at = head.find(b"%PDF-", 0, 1024)  # some producers put junk before the header
    if pdf_at >= 0:
        return PDF
    return _text(head)


def _by_signature(head: bytes) -> FileType | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return TIFF
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"RIFF") and len(head) >= 12:
        return {b"WEBP": WEBP, b"WAVE": WAV, b"AVI ": AVI}.get(head[8:12])
    if head.startswith(b"BM") and len(head) >= 26 and _plausible_bmp(head):
        return BMP
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return _iso_media(head[8:12])
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return SEVEN_ZIP
    if head.startswith(b"Rar!\x1a\x07"):
        return RAR
    if head.startswith(b"\x1f\x8b"):
        return GZIP
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return MP3
    if head.startswith((b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")):
        return EXECUTABLE
    return None


def _plausible_bmp(head: bytes) -> bool:
    """`BM` alone is too weak (a text file can start with it): check the header fields."""
    file_size, _reserved, data_offset, dib_size = struct.unpack_from("<IIII", head, 2)
    return dib_size in (12, 40, 52, 56, 108, 124) and 14 + dib_size <= data_offset < file_size


def _iso_media(brand: bytes) -> FileType:
    if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        return HEIC
    if brand in (b"avif", b"avis"):
        return AVIF
    if brand == b"qt  ":
        return MOV
    if brand in (b"M4A ", b"M4B "):
        return M4A
    return MP4


def _zip_container(f: BinaryIO) -> FileType:
    try:
        f.seek(0)
        with zipfile.ZipFile(f) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size < 200:
                    declared = zf.read(info).decode("ascii", "replace").strip()
                    for odf in (ODT, ODS, ODP):
                        if declared == odf.mime:
                            return odf
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        return ZIP
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return DOCX
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return XLSX
    if "ppt/presentation.xml" in names or any(n.startswith("ppt/") for n in names):
        return PPTX
    return ZIP


_END_OF_CHAIN = 0xFFFFFFFE
_MAX_DIRECTORY_SECTORS = 64


def _ole_container(f: BinaryIO) -> FileType:
    """Read the stream names of an OLE compound file (MS-CFB) to tell DOC from XLS from PPT."""
    try:
        names = _ole_stream_names(f)
    except (OSError, struct.error, ValueError):
        return OLE
    if "EncryptedPackage" in names:
        return OFFICE_ENCRYPTED
    if "WordDocument" in names:
        return DOC
    if "Workbook" in names or "Book" in names:
        return XLS
    if "PowerPoint Document" in names:
        return PPT
    if any(n.startswith("__substg1.0_") for n in names):
        return MSG
    return OLE


def _ole_stream_names(f: BinaryIO) -> set[str]:
    f.seek(0)
    header = f.read(512)
    if len(header) < 512:
        raise ValueError("short header")
    sector_shift = struct.unpack_from("<H", header, 0x1E)[0]
    if sector_shift not in (9, 12):
        raise ValueError("bad sector size")
    sector_size = 1 << sector_shift
    first_dir = struct.unpack_from("<I", header, 0x30)[0]
    difat = struct.unpack_from("<109I", header, 0x4C)
    entries_per_fat_sector = sector_size // 4

    def read_sector(n: int) -> bytes:
        f.seek((n + 1) * sector_size)
        data = f.read(sector_size)
        if len(data) < sector_size:
            raise ValueError("truncated sector")
        return data

    fat_cache: dict[int, tuple[int, ...]] = {}

    def next_sector(n: int) -> int:
        fat_index, slot = divmod(n, entries_per_fat_sector)
        if fat_index >= len(difat):
            raise ValueError("directory beyond the first 109 FAT sectors")
        if fat_index not in fat_cache:
            sector = read_sector(difat[fat_index])
            fat_cache[fat_index] = struct.unpack(f"<{entries_per_fat_sector}I", sector)
        return int(fat_cache[fat_index][slot])

    names: set[str] = set()
    sector = first_dir
    seen: set[int] = set()
    while sector != _END_OF_CHAIN and len(seen) < _MAX_DIRECTORY_SECTORS:
        if sector in seen or sector > 0xFFFFFFFA:
            break
        seen.add(sector)
        data = read_sector(sector)
        for offset in range(0, sector_size, 128):
            name_len = struct.unpack_from("<H", data, offset + 0x40)[0]
            if 2 <= name_len <= 64:
                raw = data[offset : offset + name_len - 2]
                names.add(raw.decode("utf-16-le", "replace"))
        sector = next_sector(sector)
    return names


def _text(head: bytes) -> FileType:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _classify_text(head[2:].decode("utf-16", "replace"))
    if b"\x00" in head:
        return UNKNOWN
    body = head[3:] if head.startswith(codecs.BOM_UTF8) else head
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        text = decoder.decode(body, final=False)  # the sample may end inside a character
    except UnicodeDecodeError:
        # A legacy 8-bit encoding (TCVN3, VNI, Windows-1258): text if nearly all bytes are
        # printable or ordinary whitespace.
        printable = sum(1 for b in body if b >= 0x20 or b in (9, 10, 13))
        if printable / len(body) < 0.97:
            return UNKNOWN
        text = body.decode("latin-1")
    return _classify_text(text)


def _classify_text(text: str) -> FileType:
    stripped = text.lstrip().lower()
    if stripped.startswith("<?xml"):
        return XML
    if stripped.startswith(("<!doctype html", "<html")):
        return HTML
    if _looks_like_csv(text):
        return CSV
    return TEXT


def _looks_like_csv(text: str) -> bool:
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if len(lines) > 2 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may cut the last line short
    if len(lines) < 2:
        return False
    for delimiter in (",", ";", "\t"):
        counts = {line.count(delimiter) for line in lines}
        if len(counts) == 1 and counts.pop() >= 1:
            return True
    return False
