"""A file that is not a readable DOCX gets one clear Vietnamese sentence, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop.checker import check_file
from desktop.checker.ooxml import UnreadableDocxError, check_docx
from desktop.errors import UserError
from tests.unit.checker.docx_fixtures import export, report

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _message(source: object) -> str:
    with pytest.raises(UnreadableDocxError) as info:
        check_docx(source)  # type: ignore[arg-type]
    assert isinstance(info.value, UserError)
    return info.value.message


def test_plain_text_renamed_to_docx() -> None:
    assert "không phải tệp Word .docx" in _message(b"Chao anh, day la van ban thuong.")


def test_password_protected_file_says_remove_the_password() -> None:
    encrypted = OLE + b"\x00" * 64 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
    assert "mật khẩu" in _message(encrypted)


def test_old_doc_format_says_save_as_docx() -> None:
    assert "Word 97–2003" in _message(OLE + b"\x00" * 512)


def test_truncated_download() -> None:
    data = export(report())
    assert "chưa tải về hết" in _message(data[: len(data) // 2])


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    assert "không phải văn bản Word" in _message(buffer.getvalue())


def test_damaged_xml_inside_the_package() -> None:
    source = zipfile.ZipFile(io.BytesIO(export(report())))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in source.namelist():
            data = source.read(name)
            zf.writestr(name, data[:200] if name == "word/document.xml" else data)
    assert "bị hỏng" in _message(buffer.getvalue())


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "Không tìm thấy" in _message(tmp_path / "khong-co.docx")
    folder = tmp_path / "thu-muc.docx"
    folder.mkdir()
    assert "thư mục" in _message(folder)


def test_check_file_refuses_other_formats(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.docx hoặc \.pdf"):
        check_file(tmp_path / "ghi-chu.txt")
    with pytest.raises(UserError, match="Word 97–2003"):
        check_file(tmp_path / "cu.doc")
