"""Open a DOCX for checking: the zip, its relationships and the XML parts the rules read.

Anything that is not a readable Word document becomes a `UserError` with a Vietnamese sentence that
says what the file is and what to do: an old .doc, a password-protected file (Word stores those
as an encrypted OLE container, not a zip), a truncated download, a zip that is not Word.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree

from desktop.errors import UserError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# Documents are parsed without network access or entity expansion (a DOCX is untrusted input).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
MAX_PART_BYTES = 200 * 1024 * 1024


class UnreadableDocxError(UserError):
    """The file cannot be checked as a DOCX; the message says why and what to do."""


@dataclass
class DocxPackage:
    name: str
    document: etree._Element
    styles: etree._Element | None
    settings: etree._Element | None
    theme: etree._Element | None
    footnotes: etree._Element | None
    app: etree._Element | None
    # relationship id → parsed part, for the main document's headers and footers
    headers: dict[str, etree._Element] = field(default_factory=dict)
    footers: dict[str, etree._Element] = field(default_factory=dict)


Source = Path | str | bytes | IO[bytes]


def _read_source(source: Source) -> tuple[str, bytes]:
    if isinstance(source, bytes):
        return "tệp", source
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            return path.name, path.read_bytes()
        except FileNotFoundError:
            raise UnreadableDocxError(
                f"Không tìm thấy tệp “{path}”; hãy kiểm tra lại đường dẫn."
            ) from None
        except IsADirectoryError:
            raise UnreadableDocxError(f"“{path}” là thư mục, không phải tệp DOCX.") from None
        except PermissionError:
            raise UnreadableDocxError(
                f"Không có quyền đọc tệp “{path.name}”; hãy đóng tệp trong Word hoặc "
                "chép sang thư mục khác rồi kiểm tra lại."
            ) from None
    return "tệp", source.read()


def open_docx(source: Source) -> DocxPackage:
    name, data = _read_source(source)
    if data.startswith(OLE_SIGNATURE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise UnreadableDocxError(
                f"Tệp “{name}” được đặt mật khẩu nên không đọc được; hãy mở trong Word, "
                "bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi kiểm tra lại."
            )
        raise UnreadableDocxError(
            f"Tệp “{name}” là định dạng Word 97–2003 (.doc); hãy mở trong Word và lưu lại "
            "dưới dạng .docx rồi kiểm tra lại."
        )
    if not data.startswith(b"PK"):
        raise UnreadableDocxError(
            f"Tệp “{name}” không phải tệp Word .docx; hãy chọn đúng tệp văn bản."
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        bad = zf.testzip()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise _damaged(name) from None
    if bad is not None:
        raise _damaged(name)
    with zf:
        return _Reader(name, zf).read()


def _damaged(name: str) -> UnreadableDocxError:
    return UnreadableDocxError(
        f"Tệp “{name}” bị hỏng hoặc chưa tải về hết; hãy lấy lại bản đầy đủ rồi kiểm tra lại."
    )


class _Reader:
    def __init__(self, name: str, zf: zipfile.ZipFile) -> None:
        self.name = name
        self.zf = zf
        self.members = {info.filename: info for info in zf.infolist()}

    def xml(self, member: str) -> etree._Element | None:
        info = self.members.get(member)
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise UnreadableDocxError(
                f"Tệp “{self.name}” có phần nội dung quá lớn ({info.file_size // 2**20} MB) "
                "để kiểm tra."
            )
        try:
            return etree.fromstring(self.zf.read(info), _PARSER)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, ValueError):
            raise _damaged(self.name) from None

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target member) of a part's relationships."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        if root is None:
            return []
        out = []
        for rel in root.iter(f"{{{_RELS_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            member = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            out.append((rel.get("Id", ""), rel.get("Type", ""), member))
        return out

    def read(self) -> DocxPackage:
        main = next((m for _, t, m in self.rels("") if t == _OFFICE_DOCUMENT), None)
        if main is None and "word/document.xml" in self.members:
            main = "word/document.xml"
        document = self.xml(main) if main else None
        if main is None or document is None:
            raise UnreadableDocxError(
                f"Tệp “{self.name}” là tệp nén nhưng không phải văn bản Word; "
                "hãy chọn đúng tệp .docx."
            )
        if etree.QName(document).localname != "document":
            raise UnreadableDocxError(
                f"Tệp “{self.name}” là mẫu hoặc định dạng Word khác, không phải văn bản .docx."
            )
        parts: dict[str, str] = {}
        headers: dict[str, etree._Element] = {}
        footers: dict[str, etree._Element] = {}
        for rid, rel_type, member in self.rels(main):
            kind = rel_type.removeprefix(_REL_BASE)
            if kind == "header" and (root := self.xml(member)) is not None:
                headers[rid] = root
            elif kind == "footer" and (root := self.xml(member)) is not None:
                footers[rid] = root
            else:
                parts.setdefault(kind, member)
        app_member = next(
            (m for _, t, m in self.rels("") if t.endswith("/extended-properties")), None
        )
        return DocxPackage(
            name=self.name,
            document=document,
            styles=self._part(parts.get("styles")),
            settings=self._part(parts.get("settings")),
            theme=self._part(parts.get("theme")),
            footnotes=self._part(parts.get("footnotes")),
            app=self._part(app_member),
            headers=headers,
            footers=footers,
        )

    def _part(self, member: str | None) -> etree._Element | None:
        return self.xml(member) if member else None
