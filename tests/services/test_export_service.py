"""The export service: files appear whole or not at all, the document changes only on success,
and every failure is one Vietnamese sentence that says what to do."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest

from desktop.errors import Cancelled, UserError
from desktop.jobs import CancelToken
from desktop.model.document import DocumentStatus
from desktop.services import documents, history
from desktop.services import export as export_service
from desktop.services.export import ExportFormat, export_document, export_files
from desktop.services.records import SnapshotReason
from tests.helpers.stores import report


@pytest.fixture
def doc_id(office_store) -> int:
    return documents.add(office_store, report())


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder of its own (the store's data folder is a sibling in the test's tmp)."""
    out = tmp_path / "out"
    out.mkdir()
    return out


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".~baocao-")]


def test_export_docx_writes_the_file_snapshots_and_marks_exported(
    office_store, doc_id, out
) -> None:
    target = out / "Báo cáo quý I.docx"
    steps: list[tuple[int, int, str]] = []
    result = export_document(
        office_store,
        doc_id,
        "docx",
        target,
        progress=lambda d, t, label: steps.append((d, t, label)),
    )
    assert result.files == {ExportFormat.DOCX: target.absolute()}
    with zipfile.ZipFile(target) as zf:
        assert "word/footnotes.xml" in zf.namelist()
    stored = documents.get(office_store, doc_id)
    assert stored.document.status is DocumentStatus.EXPORTED
    (snapshot,) = [
        s for s in history.list_history(office_store, doc_id) if s.reason is SnapshotReason.EXPORT
    ]
    assert snapshot.id == result.snapshot_id and target.name in snapshot.note
    assert [d for d, _t, _l in steps] == sorted(d for d, _t, _l in steps)
    assert steps[-1][0] == steps[-1][1]
    assert leftovers(out) == []
    assert all(f.rule != "" for f in result.findings)


def test_docx_and_pdf_together(office_store, doc_id, out) -> None:
    result = export_files(
        office_store, doc_id,
        {ExportFormat.DOCX: out / "a.docx", ExportFormat.PDF: out / "a.pdf"},
    )  # fmt: skip
    assert (out / "a.pdf").read_bytes().startswith(b"%PDF")
    assert result.pdf_pages and result.pdf_pages >= 1
    assert (out / "a.docx").stat().st_size > 0


def _unchanged(store, doc_id) -> None:
    stored = documents.get(store, doc_id)
    assert (
        stored.document.status is DocumentStatus.DRAFT or stored.document.status is report().status
    )
    assert not [s for s in history.list_history(store, doc_id) if s.reason is SnapshotReason.EXPORT]


def test_folder_not_writable(office_store, doc_id, out, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(export_service.tempfile, "mkstemp", refuse)
    with pytest.raises(UserError, match="Không có quyền ghi vào thư mục"):
        export_document(office_store, doc_id, "docx", out / "x.docx")
    assert not (out / "x.docx").exists()
    _unchanged(office_store, doc_id)


def test_disk_full_leaves_the_old_file_and_no_partial_one(
    office_store, doc_id, out, monkeypatch
) -> None:
    target = out / "x.docx"
    target.write_bytes(b"ban cu")

    def full(fd: int) -> None:
        # The rendered bytes went to the page cache; the disk says it is full when they are
        # flushed (what a USB stick or a network drive does).
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_service.os, "fsync", full)
    with pytest.raises(UserError, match="đã đầy"):
        export_document(office_store, doc_id, "docx", target)
    assert target.read_bytes() == b"ban cu"
    assert leftovers(out) == []
    _unchanged(office_store, doc_id)


def test_file_held_open_by_word(office_store, doc_id, out, monkeypatch) -> None:
    target = out / "x.docx"
    target.write_bytes(b"ban cu")
    real_open = Path.open

    def locked(self: Path, mode: str = "r", *args, **kwargs):
        if self == target and "+" in mode:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(UserError, match="đang mở trong Word"):
        export_document(office_store, doc_id, "docx", target)
    assert target.read_bytes() == b"ban cu"
    assert leftovers(out) == []
    _unchanged(office_store, doc_id)


def test_replace_refused_at_the_last_moment(office_store, doc_id, out, monkeypatch) -> None:
    target = out / "x.docx"
    target.write_bytes(b"ban cu")

    def refuse(src, dst) -> None:
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(export_service.os, "replace", refuse)
    with pytest.raises(UserError, match="đang mở trong Word"):
        export_document(office_store, doc_id, "docx", target)
    assert target.read_bytes() == b"ban cu" and leftovers(out) == []


def test_a_failing_pdf_writes_no_docx_either(office_store, doc_id, out, monkeypatch) -> None:
    def broken(*args) -> int:
        raise UserError("Phông chữ không có ký tự “😀”; hãy sửa rồi xuất lại.")

    monkeypatch.setattr(export_service, "_write_pdf", broken)
    with pytest.raises(UserError, match="Phông chữ"):
        export_files(
            office_store, doc_id,
            {ExportFormat.DOCX: out / "a.docx", ExportFormat.PDF: out / "a.pdf"},
        )  # fmt: skip
    assert sorted(os.listdir(out)) == []
    _unchanged(office_store, doc_id)


def test_cancel_leaves_nothing(office_store, doc_id, out) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        export_document(office_store, doc_id, "docx", out / "x.docx", cancel=token)
    assert os.listdir(out) == []
    _unchanged(office_store, doc_id)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("khong-co-thu-muc/x.docx", "không tồn tại"),
        ("x.doc", "phải có đuôi .docx"),
        ("x.pdf", "phải có đuôi .docx"),
    ],
)
def test_bad_destinations(office_store, doc_id, out, name, message) -> None:
    with pytest.raises(UserError, match=message):
        export_document(office_store, doc_id, "docx", out / name)
    _unchanged(office_store, doc_id)


def test_destination_is_a_folder(office_store, doc_id, out) -> None:
    (out / "a.docx").mkdir()
    with pytest.raises(UserError, match="là một thư mục"):
        export_document(office_store, doc_id, "docx", out / "a.docx")


def test_same_file_twice_and_nothing_chosen(office_store, doc_id, out) -> None:
    with pytest.raises(UserError, match="Chưa chọn tệp"):
        export_files(office_store, doc_id, {})


def test_document_in_the_recycle_bin(office_store, doc_id, out) -> None:
    documents.delete(office_store, doc_id)
    with pytest.raises(UserError, match="thùng rác"):
        export_document(office_store, doc_id, "docx", out / "x.docx")


def test_sent_documents_keep_their_status(office_store, out) -> None:
    doc_id = documents.add(office_store, report().with_changes(status=DocumentStatus.SENT))
    export_document(office_store, doc_id, "docx", out / "x.docx")
    assert documents.get(office_store, doc_id).document.status is DocumentStatus.SENT


def test_findings_of_the_document_come_with_the_result(office_store, out) -> None:
    doc_id = documents.add(
        office_store, report().with_changes(title="", distribution=("Sở Nội vụ",))
    )
    result = export_document(office_store, doc_id, "docx", out / "x.docx")
    rules = {f.rule for f in result.findings}
    assert {"title.missing", "distribution.nhu-tren"} <= rules
    assert (out / "x.docx").exists()  # missing parts still export, with the blanks


def test_export_lists_the_evidence_and_is_recorded_in_the_export_log(
    office_store, doc_id, out, tmp_path
) -> None:
    import hashlib

    from desktop.evidence.service import attach
    from desktop.packaging.exportlog import list_exports

    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scan\n%%EOF\n")
    attach(office_store, doc_id, [scan], caption="Biên bản kiểm tra")
    target = out / "bc.docx"
    export_document(office_store, doc_id, "docx", target)
    with zipfile.ZipFile(target) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    assert "Tài liệu kèm theo:" in xml
    assert "Minh chứng số 1: Biên bản kiểm tra" in xml
    (entry,) = list_exports(office_store, doc_id)
    assert entry.kind == "docx" and Path(entry.path) == target.absolute()
    assert entry.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert entry.size == target.stat().st_size
