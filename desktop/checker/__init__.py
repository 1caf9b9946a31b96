"""The format checker: rules of Nghị định 30 applied to the app's documents and to any DOCX/PDF.

Two front ends share the rules (`catalog`, `text_rules`): `check_document` judges a stored
document before export (what the user wrote), `check_file` judges a file, the app's own export or
a draft typed in Word (`ooxml` for DOCX; `pdf` for PDF when that module is present).
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.checker.findings import Finding, Severity, has_errors
from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.model.document import Document
    from desktop.model.profile import OfficeProfile

__all__ = ["Finding", "Severity", "check_document", "check_file", "has_errors", "sort_findings"]


def check_document(
    document: Document, profile: OfficeProfile, today: dt.date | None = None
) -> list[Finding]:
    """Findings for a document of the app, before export (`today` only sets the year a draft's
    blank date prints; it defaults to the document's date or the current date)."""
    from desktop.checker.document import check_document as check

    return check(document, profile, today or document.date or dt.date.today())


def check_file(path: Path) -> list[Finding]:
    """Findings for a .docx or .pdf file; `UserError` when it cannot be read as one."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from desktop.checker.ooxml import check_docx

        return check_docx(path)
    if suffix == ".pdf":
        try:
            module = importlib.import_module("desktop.checker.pdf")
        except ModuleNotFoundError:
            raise UserError(
                "Bản cài đặt này chưa kiểm tra được tệp PDF; hãy kiểm tra tệp DOCX của văn bản"
            ) from None
        findings: list[Finding] = module.check_pdf(path)
        return findings
    if suffix == ".doc":
        raise UserError(
            f"“{path.name}” là định dạng Word 97–2003; hãy mở trong Word, lưu thành .docx rồi "
            "kiểm tra lại"
        )
    raise UserError(f"Chỉ kiểm tra được tệp .docx hoặc .pdf, không phải “{path.name}”")


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors before warnings, each in document order."""
    return sorted(findings, key=lambda f: f.severity is not Severity.ERROR)
