"""Packages for the CLI and the window: package a stored document, check a budget, verify,
receive. Each function is one user command; the heavy work is in `builder`, `verify`, `receive`.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import evidence as repo
from desktop.checker.findings import Finding
from desktop.errors import UserError
from desktop.evidence.listing import attachment_items
from desktop.evidence.service import evidence_store, list_evidence
from desktop.jobs import NEVER_CANCELLED, CancelToken, Progress, no_progress
from desktop.model.document import Document, DocumentStatus
from desktop.packaging.budget import BudgetVerdict, assess_budget
from desktop.packaging.builder import PackageRequest, PackageResult, build_package
from desktop.packaging.identity import document_label, office_time
from desktop.packaging.plan import Renderer, Source
from desktop.packaging.receive import ReceivedPackage, receive_package, remove_tree
from desktop.packaging.verify import VerifyReport, verify_package
from desktop.packaging.zipsafety import DEFAULT_LIMITS, Limits
from desktop.services.clock import local_display
from desktop.services.store import Store

RECEIVED_DIR_NAME = "received"


@dataclass(frozen=True)
class PackageOutcome:
    result: PackageResult
    budget: BudgetVerdict  # the verdict against the office's email limit
    findings: list[Finding]  # the format check of the document, run before packaging


def generator_name() -> str:
    from desktop import appinfo

    return f"baocao {appinfo.version()}"


def document_renderer(
    store: Store, attachments: tuple[str, ...], *, producer: str | None = None
) -> Renderer:
    """The real exporters: one layout build, rendered to DOCX and PDF (the same snapshot)."""
    from desktop.export.docx import render_docx
    from desktop.export.pdf import render_pdf
    from desktop.layout.build import build
    from desktop.services.profile import get_profile

    profile = get_profile(store)
    moment = store.now()
    today = office_time(moment).date()

    def render(document: Document) -> dict[str, Source]:
        content = build(document, profile, today, attachments=attachments)
        docx, pdf = io.BytesIO(), io.BytesIO()
        render_docx(content, docx, timestamp=moment)
        render_pdf(content, pdf, producer=producer or generator_name(), created=moment)
        return {"docx": docx.getvalue(), "pdf": pdf.getvalue()}

    return render


def email_limit(store: Store) -> int:
    from desktop.services.profile import get_profile

    return int(get_profile(store).email_limit_mb * 1_000_000)


def budget_for_document(
    store: Store, document_id: int, *, limit: int | None = None, documents_bytes: int | None = None
) -> BudgetVerdict:
    """The size verdict for a stored document (the finalize step shows `verdict.message`)."""
    items = list_evidence(store, document_id)
    blobs = evidence_store(store)
    kwargs: dict[str, Any] = {}
    if documents_bytes is not None:
        kwargs["documents_bytes"] = documents_bytes
    return assess_budget(items, blobs.blob_path, limit=limit or email_limit(store), **kwargs)


def package_document(
    store: Store,
    document_id: int,
    out_dir: Path,
    *,
    max_part_size: int | None = None,
    overwrite: bool = False,
    render: Renderer | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> PackageOutcome:
    """Write the package of a stored document into `out_dir`, record it, snapshot the document."""
    from desktop.checker.document import check_document
    from desktop.services import documents, history
    from desktop.services.profile import get_profile
    from desktop.services.records import SnapshotReason

    stored = documents.get(store, document_id)
    if stored.summary.is_deleted:
        raise UserError(
            f"Văn bản mã {document_id} đang ở thùng rác; hãy khôi phục (undelete) trước khi "
            "đóng gói."
        )
    document = stored.document
    items = list_evidence(store, document_id)
    blobs = evidence_store(store)
    profile = get_profile(store)
    today = office_time(store.now()).date()
    findings = check_document(document, profile, today)
    attachments = attachment_items(items, document)
    renderer = render or document_renderer(store, attachments)
    limit = email_limit(store)

    request = PackageRequest(
        document=document,
        document_id=document_id,
        revision=stored.revision,
        evidence=items,
        blob_path=blobs.blob_path,
        render=renderer,
        out_dir=out_dir.expanduser().absolute(),
        now=store.now(),
        generator=generator_name(),
        max_part_size=max_part_size,
        overwrite=overwrite,
        organization=profile.issuing_agency,
    )
    result = build_package(request, progress=progress, cancel=cancel)
    doc_bytes = sum(f.size for f in result.plan.files if f.path.startswith("data/van-ban/"))
    budget = assess_budget(items, blobs.blob_path, limit=limit, documents_bytes=doc_bytes)

    label = document_label(document)
    exports = [
        repo.NewExport(
            document_id=document_id,
            document_label=label,
            revision=stored.revision,
            kind=f.kind,
            path=str(f.path),
            size=f.size,
            sha256=f.sha256,
            package_id=result.package_id,
            part=f.part,
            part_count=f.part_count,
        )
        for f in result.files
    ]
    with store.write() as db:
        now = store.now_iso()
        for export in exports:
            repo.insert_export(db, export, now)
        current = documents.get(store, document_id)
        if current.document.status in (DocumentStatus.DRAFT, DocumentStatus.FINALIZED):
            documents.save(
                store, document_id, current.document.with_changes(status=DocumentStatus.EXPORTED)
            )
        names = ", ".join(f.path.name for f in result.zips)
        history.take_snapshot(store, document_id, SnapshotReason.EXPORT, f"Gói: {names}")
    return PackageOutcome(result, budget, findings)


def verify(
    path: Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> VerifyReport:
    return verify_package(path, limits=limits, progress=progress, cancel=cancel)


def received_root(store: Store) -> Path:
    return store.data_dir / RECEIVED_DIR_NAME


def receive(
    store: Store,
    path: Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> tuple[int, ReceivedPackage]:
    """Import a package into the received area and record it; return (row id, package)."""

    def already(package_id: str) -> str | None:
        with store.read() as db:
            row = repo.get_received_by_package_id(db, package_id)
        if row is None:
            return None
        from desktop.services.clock import from_iso

        return f"nhận lúc {local_display(from_iso(row.received_at))}, thư mục {row.folder}"

    package = receive_package(
        path.expanduser().absolute(),
        received_root(store),
        already_received=already,
        limits=limits,
        progress=progress,
        cancel=cancel,
    )
    info = package.info
    record = repo.NewReceived(
        package_id=package.package_id,
        bag_name=package.bag_name,
        folder=package.folder.name,
        source_organization=info.get("Source-Organization"),
        external_identifier=info.get("External-Identifier"),
        description=info.get("Internal-Sender-Description"),
        bagging_date=info.get("Bagging-Date"),
        payload_bytes=sum(size for _, size, _ in package.files),
        payload_files=len(package.files),
        part_count=package.part_count,
        source_path=str(path.expanduser().absolute()),
        metadata_json=json.dumps(package.metadata, ensure_ascii=False),
        files=package.files,
    )
    try:
        with store.write() as db:
            row_id = repo.insert_received(db, record, store.now_iso())
    except BaseException:
        remove_tree(package.folder)
        raise
    return row_id, package


def list_received(store: Store) -> list[repo.ReceivedRow]:
    with store.read() as db:
        return repo.list_received(db)


def received_document(store: Store, received_id: int) -> Document:
    """The sender's document, read-only (from the metadata.json the package carried)."""
    from desktop.model.serialize import DocumentFormatError, document_from_json

    with store.read() as db:
        text = repo.get_received_metadata(db, received_id)
    if text is None:
        raise UserError(f"Không có gói đã nhận mã {received_id}.")
    try:
        return document_from_json(json.loads(text)["document"]["content"])
    except (KeyError, TypeError, ValueError, RecursionError, DocumentFormatError):
        raise UserError(
            f"Nội dung văn bản trong gói mã {received_id} không đọc được (metadata.json không "
            "đúng định dạng); các tệp DOCX/PDF đi kèm vẫn dùng được."
        ) from None
