"""Shared pieces of the packaging tests: an evidence store with realistic files, a fake renderer
(the real exporters are tested in tests/export; here only their bytes matter) and a builder."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.evidence import filetype
from desktop.evidence.items import EvidenceItem
from desktop.evidence.store import EvidenceStore
from desktop.packaging.builder import PackageRequest, PackageResult, build_package
from tests.helpers.stores import report

MOMENT = dt.datetime(2026, 3, 5, 1, 30, tzinfo=dt.UTC)  # 08:30 in Vietnam


def fake_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document>Báo cáo</w:document>" * 50)
    return buffer.getvalue()


def fake_render(document) -> dict[str, bytes]:
    pdf = b"%PDF-1.7\n" + ("BT (Bao cao) Tj ET\n" * 2000).encode() + b"%%EOF\n"
    return {"docx": fake_docx(), "pdf": pdf}


@dataclass
class Evidence:
    store: EvidenceStore
    items: list[EvidenceItem]
    document: object
    heading_id: str


def add(store: EvidenceStore, items: list, path: Path, caption: str, block: str | None) -> None:
    blob = store.put_file(path)
    kind = filetype.detect(blob.path)
    items.append(
        EvidenceItem(
            len(items) + 1,
            caption,
            block,
            path.name,
            blob.size,
            blob.sha256,
            kind.mime,
            "2026-03-05T01:00:00+00:00",
        )
    )


@pytest.fixture
def evidence(tmp_path) -> Evidence:
    """Four files: a photo (stored), a scan PDF (stored), a CSV (deflated), a DOCX (stored)."""
    source = tmp_path / "goc"
    source.mkdir()
    document = report()
    heading = document.body[1].id  # "1. Hạ tầng số" under "I."
    store = EvidenceStore(tmp_path / "evidence")
    items: list[EvidenceItem] = []
    (source / "Ảnh lớp tập huấn.JPG").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(400_000))
    add(store, items, source / "Ảnh lớp tập huấn.JPG", "Ảnh lớp tập huấn ngày 12/3", heading)
    (source / "bien ban").write_bytes(b"%PDF-1.4\n" + os.urandom(300_000))  # no extension
    add(store, items, source / "bien ban", "Biên bản kiểm tra", None)
    (source / "số liệu.csv").write_bytes("Chỉ tiêu;Kế hoạch;Thực hiện\n".encode() * 3000)
    add(store, items, source / "số liệu.csv", "Số liệu chi tiết", heading)
    (source / "ke-hoach.docx").write_bytes(fake_docx())
    add(store, items, source / "ke-hoach.docx", "Kế hoạch số 05/KH-UBND", None)
    return Evidence(store, items, document, heading)


def build(evidence: Evidence, out: Path, **kw) -> PackageResult:
    request = PackageRequest(
        document=kw.pop("document", evidence.document),
        document_id=7,
        revision=3,
        evidence=kw.pop("items", evidence.items),
        blob_path=evidence.store.blob_path,
        render=kw.pop("render", fake_render),
        out_dir=out,
        now=kw.pop("now", MOMENT),
        generator="baocao 0.1.0",
        **kw,
    )
    return build_package(request)


def unzip(path: Path, into: Path) -> Path:
    """Extract a package zip; return its bag folder."""
    with zipfile.ZipFile(path) as zf:
        zf.extractall(into)
        top = {n.split("/", 1)[0] for n in zf.namelist()}
    assert len(top) == 1
    return into / top.pop()
