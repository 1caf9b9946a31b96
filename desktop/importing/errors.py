"""Why an import was refused. Each message is one Vietnamese sentence: what is wrong, what to do.

Nothing is stored when any of these is raised: the importer builds the whole document in memory
and the caller stores it only after the import has succeeded.
"""

from __future__ import annotations

from desktop.errors import UserError


class ImportRefusedError(UserError):
    """Base class: the file cannot be imported as it is."""


class FileUnreadableError(ImportRefusedError):
    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"Không đọc được tệp “{name}”: {reason}.")


class EmptyFileError(ImportRefusedError):
    def __init__(self, name: str) -> None:
        super().__init__(f"Tệp “{name}” trống, không có nội dung để nhập.")


class NotTextError(ImportRefusedError):
    def __init__(self, name: str, what: str = "") -> None:
        detail = f" (có vẻ là {what})" if what else ""
        super().__init__(
            f"Tệp “{name}” không phải văn bản{detail}; hãy chọn tệp .txt, .md hoặc .docx."
        )


class UnknownEncodingError(ImportRefusedError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"Không nhận ra bảng mã của tệp “{name}” (không phải Unicode, TCVN3 hay VNI); "
            "hãy mở tệp bằng Word hoặc Notepad và lưu lại dạng Unicode (UTF-8) rồi nhập lại."
        )


class FileTooLargeError(ImportRefusedError):
    def __init__(self, name: str, size_bytes: int, limit_bytes: int, what: str) -> None:
        super().__init__(
            f"Tệp “{name}” quá lớn ({_megabytes(size_bytes)}); chỉ nhập được {what} "
            f"đến {_megabytes(limit_bytes)} — hãy tách văn bản thành các tệp nhỏ hơn."
        )


class UnsupportedFormatError(ImportRefusedError):
    def __init__(self, name: str, advice: str) -> None:
        super().__init__(f"Chưa nhập được tệp “{name}”: {advice}.")


class CorruptDocxError(ImportRefusedError):
    def __init__(self, name: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"Tệp Word “{name}” bị hỏng hoặc không trọn vẹn{extra}; "
            "hãy mở lại bằng Word, lưu thành bản mới (.docx) rồi nhập lại."
        )


class EncryptedDocxError(ImportRefusedError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"Tệp Word “{name}” được đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu "
            "(Tệp › Thông tin › Bảo vệ tài liệu) rồi nhập lại."
        )


class NothingToImportError(ImportRefusedError):
    def __init__(self, name: str) -> None:
        super().__init__(f"Không tìm thấy nội dung văn bản nào trong “{name}”.")


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    text = f"{value:.1f}".replace(".", ",")
    return f"{text} MB"
