"""Parsers for command-line values, each refusing bad input with a Vietnamese message that names
the field: `--number 0` → "số văn bản phải là số nguyên dương, không phải '0'"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop.cli.vietnamese import ArgumentTypeError
from desktop.model.document import DocumentStatus
from desktop.model.kinds import DocumentKind, parse_kind
from desktop.model.text import describe_character, find_control_character, nfc


def positive_int(field: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = text.strip()
        if not value.isascii() or not value.isdigit() or int(value) < 1:
            raise ArgumentTypeError(f"{field} phải là số nguyên dương, không phải {text!r}")
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
        try:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            raise ArgumentTypeError(f"{field}: ngày {text} không tồn tại") from None

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


def text_field(field: str, *, max_length: int | None = None) -> Callable[[str], str]:
    """Free text of one line: NFC, no control characters, optional length limit."""

    def parse(raw: str) -> str:
        value = nfc(raw.strip())
        bad = find_control_character(value)
        if bad is not None:
            raise ArgumentTypeError(f"{field} chứa ký tự điều khiển {describe_character(bad)}")
        if max_length is not None and len(value) > max_length:
            raise ArgumentTypeError(f"{field} dài {len(value)} ký tự, tối đa {max_length}")
        return value

    return parse
