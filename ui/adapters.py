"""Job functions for the window, built on the desktop services (the same ones the CLI calls).

Each `*_job` returns a `(progress, cancel) -> result` callable that runs on a worker thread. A
Store belongs to the thread that opened it, so a job that reads or writes the database opens its
own store on the same data folder; everything else it needs is an immutable value taken on the
GUI thread. This module holds no format rules: it only chooses which desktop function to call and
turns results into the sentences the notice strip shows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.checker.findings import Finding, Severity
from desktop.jobs import CancelToken, Progress
from desktop.model.document import Document
from desktop.model.profile import OfficeProfile
from desktop.services.store import Store, StoreSettings, open_store
from ui.jobs import JobFunction


def own_store(data_dir: Path) -> Store:
    """A store for a worker thread (no backup on open: the window's store already made it)."""
    return open_store(data_dir, settings=StoreSettings(backup_on_open=False))


def today() -> dt.date:
    return dt.date.today()


# -- checking ------------------------------------------------------------------------------


def check_document(document: Document, profile: OfficeProfile) -> list[Finding]:
    """The live format check of the editor: a pure function of the document snapshot."""
    from desktop.checker import check_document as check
    from desktop.checker import sort_findings

    return sort_findings(check(document, profile, document.date or today()))


def findings_summary(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    if not findings:
        return ""
    return (
        f" Kiểm tra thể thức: {errors} lỗi, {len(findings) - errors} cảnh báo (xem thẻ Kiểm tra)."
    )


# -- export --------------------------------------------------------------------------------


def export_job(
    data_dir: Path, document_id: int, fmt: str, path: Path, *, producer: str
) -> JobFunction:
    """Export the stored document to `path` as "docx" or "pdf"; all or nothing."""

    def job(progress: Progress, cancel: CancelToken) -> Any:
        from desktop.services import export as export_service

        with own_store(data_dir) as store:
            return export_service.export_document(
                store, document_id, fmt, path, progress=progress, cancel=cancel, producer=producer
            )

    return job


def describe_export(result: Any) -> str:
    files = ", ".join(str(p) for p in result.files.values())
    pages = f" ({result.pdf_pages} trang)" if getattr(result, "pdf_pages", None) else ""
    return f"Đã xuất {files}{pages}.{findings_summary(list(result.findings))}"


# -- packages ------------------------------------------------------------------------------


def budget_message(store: Store, document_id: int) -> tuple[bool, str]:
    """Whether the package fits the e-mail limit, and the sentence that says so (or what to do)."""
    from desktop.packaging.service import budget_for_document

    verdict = budget_for_document(store, document_id)
    return verdict.fits, verdict.message


def package_job(
    data_dir: Path, document_id: int, folder: Path, *, producer: str, split_mb: float | None = None
) -> JobFunction:
    def job(progress: Progress, cancel: CancelToken) -> Any:
        from desktop.packaging.service import package_document

        max_part = int(split_mb * 1_000_000) if split_mb else None
        with own_store(data_dir) as store:
            return package_document(
                store, document_id, folder, max_part_size=max_part, progress=progress, cancel=cancel
            )

    return job


def describe_package(outcome: Any) -> str:
    from desktop.evidence.sizes import format_size

    zips = outcome.result.zips
    names = ", ".join(f.path.name for f in zips)
    size = format_size(sum(f.size for f in zips))
    parts = f" ({len(zips)} phần)" if len(zips) > 1 else ""
    text = f"Đã đóng gói {names}{parts}, tổng {size}."
    if not outcome.budget.fits and len(zips) == 1:
        text += " " + outcome.budget.message
    return text + findings_summary(list(outcome.findings))


def verify_job(path: Path) -> JobFunction:
    def job(progress: Progress, cancel: CancelToken) -> Any:
        from desktop.packaging.service import verify

        return verify(path, progress=progress, cancel=cancel)

    return job


def describe_verification(report: Any) -> tuple[bool, str]:
    from desktop.evidence.sizes import format_size

    if report.ok:
        text = (
            f"Gói {report.path.name} nguyên vẹn: {report.file_count} tệp, "
            f"{format_size(report.payload_bytes)}, khớp mã kiểm tra."
        )
        if report.notes:
            text += " " + " ".join(report.notes)
        return True, text
    problems = "; ".join(p.message for p in report.problems[:4])
    more = f" và {len(report.problems) - 4} lỗi khác" if len(report.problems) > 4 else ""
    return False, f"Gói {report.path.name} KHÔNG nguyên vẹn: {problems}{more}."


def receive_job(data_dir: Path, path: Path) -> JobFunction:
    def job(progress: Progress, cancel: CancelToken) -> Any:
        from desktop.packaging.service import receive

        with own_store(data_dir) as store:
            return receive(store, path, progress=progress, cancel=cancel)

    return job


def describe_received(result: Any) -> tuple[str, str]:
    _row_id, package = result
    return (
        f"Đã nhận gói {package.bag_name}: {len(package.files)} tệp, lưu ở {package.folder}.",
        str(package.folder),
    )


# -- import --------------------------------------------------------------------------------


def import_job(data_dir: Path, path: Path | None, pasted: str | None) -> JobFunction:
    """Import a file (.docx, .txt, .md, or baocao's own .json) or pasted text as a new
    document; the result is (document id, notes for the user)."""

    def job(progress: Progress, cancel: CancelToken) -> tuple[int, list[str]]:
        from desktop.importing import service as importing
        from desktop.importing.office_defaults import with_office_defaults
        from desktop.services import interchange
        from desktop.services.profile import get_profile

        with own_store(data_dir) as store:
            if path is not None and path.suffix.lower() == ".json":
                return interchange.load(store, _read_text(path), source_name=path.name), []
            if path is not None:
                result = importing.import_file(path, progress=progress, cancel=cancel)
            else:
                result = importing.import_text(pasted or "", progress=progress, cancel=cancel)
            cancel.raise_if_cancelled()
            result = with_office_defaults(result, get_profile(store))
            document_id = importing.store_import(store, result)
            notes = [entry.message for entry in result.report.unsure]
            return document_id, notes

    return job


def _read_text(path: Path) -> str:
    from desktop.errors import UserError

    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"Tệp {path.name} không phải văn bản UTF-8.") from None
