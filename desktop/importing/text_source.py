"""From the bytes of a text file (or a pasted string) to clean Unicode NFC text.

Order of decisions: refuse what is not text (empty, binary, a Word/PDF file under a .txt name,
too large); honour a byte-order mark; accept strict UTF-8; recognise UTF-16 without a mark by
its NUL pattern; otherwise try the 8-bit encodings Vietnamese offices used (TCVN3, VNI,
Windows-1258) and keep the one whose words are Vietnamese syllables. A text that is already
Unicode may still carry TCVN3/VNI characters (a TCVN3 file converted naively, or a paragraph
pasted from an old document): those are found and converted the same way, line by line.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from desktop.importing.errors import (
    EmptyFileError,
    FileTooLargeError,
    FileUnreadableError,
    NotTextError,
    UnknownEncodingError,
)
from desktop.importing.glyphs import repair_lookalikes
from desktop.importing.legacy_encodings import (
    ENCODING_LABELS,
    TCVN3_MARKERS,
    VIETNAMESE_LETTERS,
    VNI_MARKERS,
    LegacyEncoding,
    decode,
)
from desktop.importing.vietnamese import text_score

# 20 MB of plain text is about 6,000 pages of a report: far beyond any real document, small
# enough that reading, decoding and structuring it stays within memory and a few seconds.
MAX_TEXT_BYTES = 20 * 1024 * 1024

# Judged words needed before a decoding is trusted, and the share that must be syllables.
_MIN_SCORE = 0.80
_SCORE_SAMPLE = 200_000  # characters of the text that are scored

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"%PDF", "pdf"),
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF8", "ảnh GIF"),
    (b"{\\rtf", "rtf"),
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding_label: str  # shown to the user: "UTF-8", "TCVN3 (ABC, phông .VnTime)" …
    legacy: LegacyEncoding | None = None  # the whole text was converted from it
    legacy_lines: int = 0  # lines converted one by one inside an otherwise Unicode text
    composed: bool = False  # decomposed Unicode ("tổ hợp") was normalised to NFC
    control_characters_removed: int = 0
    lookalikes_repaired: int = 0  # `ƣ` → `ư`, `Ð` → `Đ` (glyphs of PDF text layers)


def sniff(head: bytes) -> str | None:
    """The container a file really is, from its first bytes (None: maybe text)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def read_text_file(path: Path) -> DecodedText:
    """Read and decode a .txt/.md file, refusing what cannot be imported."""
    name = path.name
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise FileUnreadableError(name, exc.strerror or "lỗi hệ thống") from exc
    if size > MAX_TEXT_BYTES:
        raise FileTooLargeError(name, size, MAX_TEXT_BYTES, "văn bản thuần")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        raise FileUnreadableError(name, exc.strerror or "lỗi hệ thống") from exc
    if len(data) > MAX_TEXT_BYTES:  # the file grew while we looked at it
        raise FileTooLargeError(name, len(data), MAX_TEXT_BYTES, "văn bản thuần")
    return decode_bytes(data, name)


def decode_bytes(data: bytes, name: str) -> DecodedText:
    if not data.strip():
        raise EmptyFileError(name)
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8", "UTF-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise UnknownEncodingError(name) from exc
            return _finish(text, label, name)
    kind = sniff(data[:16])
    if kind is not None:
        raise NotTextError(name, _describe_container(kind))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _finish(data.decode(utf16), "UTF-16", name)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data or _control_ratio(data) > 0.01:
        raise NotTextError(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_8bit(data, name)
    return _finish(text, "UTF-8", name)


def normalize_pasted(text: str) -> DecodedText:
    """The same cleaning for text that arrives as a string (the window's Paste action)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise EmptyFileError("văn bản dán vào")
    return _finish(text, "Unicode", "văn bản dán vào")


# --------------------------------------------------------------------------------------------


def _describe_container(kind: str) -> str:
    return {
        "zip": "tệp nén hoặc tệp Word .docx đổi tên",
        "ole": "tệp Word .doc / Excel cũ",
        "pdf": "tệp PDF — hãy sao chép chữ từ PDF rồi dán vào",
        "rtf": "tệp RTF — hãy mở bằng Word và lưu thành .docx",
    }.get(kind, kind)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls > 0.3 * half and even_nuls < 0.02 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.02 * half:
        return "utf-16-be"
    return None


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    allowed = {9, 10, 11, 12, 13, 26}
    controls = sum(1 for b in sample if b < 32 and b not in allowed)
    return controls / max(1, len(sample))


def _cp1252(data: bytes) -> str:
    """cp1252, keeping the five undefined bytes as their Latin-1 code points (never fails)."""
    return data.decode("cp1252", errors="surrogateescape").translate(_SURROGATE_TO_LATIN1)


_SURROGATE_TO_LATIN1 = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _decode_8bit(data: bytes, name: str) -> DecodedText:
    windows = _cp1252(data)
    candidates: list[tuple[float, str, LegacyEncoding | None, str]] = []
    for encoding in LegacyEncoding:
        converted = decode(windows, encoding)
        score, judged = text_score(converted[:_SCORE_SAMPLE])
        if judged:
            candidates.append((score, ENCODING_LABELS[encoding], encoding, converted))
    cp1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    score, judged = text_score(cp1258[:_SCORE_SAMPLE])
    if judged and "\ufffd" not in cp1258:
        candidates.append((score, "Windows-1258", None, cp1258))
    score, judged = text_score(windows[:_SCORE_SAMPLE])
    if judged:
        candidates.append((score, "Windows-1252", None, windows))
    if not candidates:
        raise UnknownEncodingError(name)
    best = max(candidates, key=lambda c: c[0])
    if best[0] < _MIN_SCORE:
        raise UnknownEncodingError(name)
    text = _clean_controls(best[3])
    return DecodedText(text[0], best[1], legacy=best[2], control_characters_removed=text[1])


def _finish(text: str, label: str, name: str) -> DecodedText:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    composed = not unicodedata.is_normalized("NFC", text)
    if composed:
        text = unicodedata.normalize("NFC", text)
    text, removed = _clean_controls(text)
    if not text.strip():
        raise EmptyFileError(name)
    whole = _legacy_whole_text(text)
    if whole is not None:
        encoding, converted = whole
        return DecodedText(
            converted,
            f"{label}, chứa chữ {ENCODING_LABELS[encoding]}",
            legacy=encoding,
            composed=composed,
            control_characters_removed=removed,
        )
    converted_text, lines = convert_legacy_lines(text)
    converted_text, lookalikes = repair_lookalikes(converted_text)
    return DecodedText(
        converted_text, label, legacy_lines=lines, composed=composed,
        control_characters_removed=removed, lookalikes_repaired=lookalikes,
    )  # fmt: skip


def _clean_controls(text: str) -> tuple[str, int]:
    """Drop control characters a text file can carry (form feeds from PDF tools, DOS EOF …)."""
    removed = 0
    if any(ord(c) < 32 and c not in "\n\t" for c in text[:_SCORE_SAMPLE]) or "\x0c" in text:
        kept = []
        for c in text:
            if c == "\x0c":  # a page break: keep it visible as a blank line
                kept.append("\n\n")
                removed += 1
            elif ord(c) < 32 and c not in "\n\t":
                removed += 1
            else:
                kept.append(c)
        text = "".join(kept)
    for bad in ("\x7f", "\ufeff", "\u200b"):
        if bad in text:
            removed += text.count(bad)
            text = text.replace(bad, "")
    return text, removed


# Characters of TCVN3/VNI text that no Vietnamese word in Unicode contains (¸ µ ¶ × ¬ ä ø û …):
# only text with one of them is worth scoring as a legacy candidate.
_LEGACY_ONLY = frozenset((TCVN3_MARKERS | VNI_MARKERS) - VIETNAMESE_LETTERS)


def _has_legacy_characters(text: str) -> bool:
    return not _LEGACY_ONLY.isdisjoint(text)


def _legacy_whole_text(text: str) -> tuple[LegacyEncoding, str] | None:
    """A Unicode text that is really TCVN3/VNI throughout (a naive conversion, a paste)."""
    sample = text[:_SCORE_SAMPLE]
    if not _has_legacy_characters(sample):
        return None
    score, judged = text_score(sample)
    if judged < 5 or score >= 0.6:
        return None
    best: tuple[float, LegacyEncoding] | None = None
    for encoding in LegacyEncoding:
        converted_score, converted_judged = text_score(decode(sample, encoding))
        if (
            converted_judged
            and converted_score >= 0.85
            and (best is None or converted_score > best[0])
        ):
            best = (converted_score, encoding)
    if best is None:
        return None
    return best[1], decode(text, best[1])


def convert_legacy_lines(text: str) -> tuple[str, int]:
    """Convert single TCVN3/VNI lines inside a Unicode text; return the text and the count."""
    if not _has_legacy_characters(text):
        return text, 0
    lines = text.split("\n")
    converted = 0
    for i, line in enumerate(lines):
        if not _has_legacy_characters(line):
            continue
        replacement = convert_legacy_fragment(line)
        if replacement is not None:
            lines[i] = replacement
            converted += 1
    return "\n".join(lines), converted


def convert_legacy_fragment(fragment: str) -> str | None:
    """The Unicode form of a short TCVN3/VNI fragment, or None when it is not one."""
    encoding = detect_legacy_fragment(fragment)
    return None if encoding is None else decode(fragment, encoding)


def detect_legacy_fragment(fragment: str) -> LegacyEncoding | None:
    """The legacy encoding a short fragment is written in, or None when it reads as Unicode."""
    if not _has_legacy_characters(fragment):
        return None
    score, judged = text_score(fragment)
    if judged < 2 or score >= 0.5:
        return None
    for encoding in LegacyEncoding:
        new_score, new_judged = text_score(decode(fragment, encoding))
        if new_judged and new_score >= 0.85:
            return encoding
    return None
