"""Parsers for command-line values, each refusing bad input with a Vietnamese message that names
the field: `--number 0` → "số văn bản phải là số nguyên dương, không phải '0'"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop.cli.vietnamese import ArgumentTypeError
from desktop.model.document import DocumentStatus
from desktop.model.kinds import DocumentKind, parse_kind
from desktop.model.text import describe_character, find_control_character, nfc

# SQLite stores integers in 64 bits; a larger id cannot exist and must not reach the driver.
MAX_INTEGER = 2**63 - 1


def positive_int(field: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = text.strip()
        if not value.isascii() or not value.isdigit() or int(value) < 1:
            raise ArgumentTypeError(f"{field} phải là số nguyên dương, không phải {text!r}")
        if len(value) > 19 or int(value) > MAX_INTEGER:
            raise ArgumentTypeError(f"{field} quá lớn: {_shorten(value)}")
        return int(value)

    return parse


def document_id(text: str) -> int:
    return positive_int("mã văn bản")(text)


def snapshot_id(text: str) -> int:
    return positive_int("mã bản lưu lịch sử")(text)


def year(text: str) -> int:
    value = positive_int("năm")(text)
    if not 1900 <= value <= 9999:
        raise ArgumentTypeError(f"năm phải có bốn chữ số, không phải {text!r}")
    return value


def iso_date(field: str) -> Callable[[str], dt.date]:
    def parse(text: str) -> dt.date:
        value = text.strip()
        parts = value.split("-")
        if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
            raise ArgumentTypeError(f"{field} phải có dạng NĂM-THÁNG-NGÀY (2026-03-05): {text!r}")
        if len(parts[0]) != 4 or not 1900 <= int(parts[0]) <= 9999:
            raise ArgumentTypeError(
                f"{field}: năm phải có bốn chữ số, từ 1900, không phải {_shorten(value)!r}"
            )
        try:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            raise ArgumentTypeError(f"{field}: ngày {value} không tồn tại") from None

    return parse


def kind(text: str) -> DocumentKind:
    try:
        return parse_kind(text.strip())
    except ValueError as exc:
        raise ArgumentTypeError(str(exc)) from None


STATUS_NAMES = ", ".join(s.value for s in DocumentStatus)


def status(text: str) -> DocumentStatus:
    try:
        return DocumentStatus(text.strip())
    except ValueError:
        raise ArgumentTypeError(
            f"trạng thái không hợp lệ: {text!r} (chấp nhận: {STATUS_NAMES})"
        ) from None


def text(field: str) -> Callable[[str], str]:
    """Free text checked later by the model (length, control characters): only made readable
    and NFC here."""

    def parse(raw: str) -> str:
        return nfc(readable_text(field, raw))

    return parse


def text_field(field: str, *, max_length: int | None = None) -> Callable[[str], str]:
    """Free text of one line: NFC, no control characters, optional length limit."""

    def parse(raw: str) -> str:
        value = nfc(readable_text(field, raw).strip())
        bad = find_control_character(value)
        if bad is not None:
            raise ArgumentTypeError(f"{field} chứa ký tự điều khiển {describe_character(bad)}")
        if max_length is not None and len(value) > max_length:
            raise ArgumentTypeError(f"{field} dài {len(value)} ký tự, tối đa {max_length}")
        return value

    return parse


def readable_text(field: str, raw: str) -> str:
    """An argument as text. A terminal whose encoding is not UTF-8 (`LANG=C`) hands Python the
    bytes of non-ASCII letters as lone surrogates: bytes that are UTF-8 are decoded, anything else
    is refused here instead of failing later when the text is stored or printed."""
    if not any("\udc80" <= ch <= "\udcff" for ch in raw):
        return raw
    try:
        return raw.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        raise ArgumentTypeError(
            f"{field} có ký tự không đọc được theo bảng mã của cửa sổ lệnh; hãy dùng bảng mã "
            "UTF-8 (ví dụ LANG=C.UTF-8, hoặc chcp 65001 trên Windows)"
        ) from None


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
