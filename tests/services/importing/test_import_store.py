"""Storing an import: one transaction, images as evidence, nothing left by a refused import;
and the `baocao import` command over it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.evidence.service import list_evidence
from desktop.importing.service import import_file, import_text, store_import
from desktop.services import documents
from desktop.services.store import open_store
from tests.services.importing.test_import_docx import build_report
from tests.unit.importing.documents import BAO_CAO_FROM_PDF


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    return build_report(tmp_path / "bao-cao.docx")


def test_store_import_keeps_document_and_image_evidence(store, report_docx: Path) -> None:
    result = import_file(report_docx)
    document_id = store_import(store, result)
    stored = documents.get(store, document_id).document
    assert stored.issuing_agency == "SỞ NỘI VỤ"
    assert stored.body == result.document.body
    (item,) = list_evidence(store, document_id)
    assert item.caption == "Hội nghị tổng kết"
    assert item.mime == "image/png"
    assert item.block_id == result.images[0].block_id


def test_a_failure_while_storing_leaves_nothing(store, report_docx: Path, monkeypatch) -> None:
    from db import evidence as evidence_repo

    result = import_file(report_docx)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("ổ đĩa đầy")

    monkeypatch.setattr(evidence_repo, "add_items", broken)
    with pytest.raises(OSError):
        store_import(store, result)
    assert documents.list_documents(store) == []


def test_pasted_text_is_stored(store) -> None:
    document_id = store_import(store, import_text(BAO_CAO_FROM_PDF))
    assert documents.get(store, document_id).document.signer.name == "Nguyễn Văn An"


# --------------------------------------------------------------------------------------------
# The command


def _run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "import", *args])


def _count(data_dir: Path) -> int:
    with open_store(data_dir) as store:
        return len(documents.list_documents(store))


def test_cli_prints_the_id_and_the_report(tmp_path: Path, report_docx: Path, capsys) -> None:
    data = tmp_path / "data"
    assert _run(data, str(report_docx)) == 0
    out, err = capsys.readouterr()
    assert out.strip().isdigit()
    assert "Báo cáo nhập" in err and "Người ký: KT. GIÁM ĐỐC" in err
    assert _count(data) == 1


def test_cli_json(tmp_path: Path, report_docx: Path, capsys) -> None:
    data = tmp_path / "data"
    assert _run(data, str(report_docx), "--json", "--kind", "bao-cao") == 0
    payload = json.loads(capsys.readouterr().out)
    assert isinstance(payload["id"], int)
    assert payload["report"]["counts"]["images"] == 1


def test_cli_dry_run_stores_nothing(tmp_path: Path, report_docx: Path, capsys) -> None:
    data = tmp_path / "data"
    assert _run(data, str(report_docx), "--dry-run") == 0
    out, err = capsys.readouterr()
    assert out == "" and "Báo cáo nhập" in err
    assert _count(data) == 0


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("trong.txt", b"", "trống"),
        ("nhi-phan.txt", bytes(range(256)) * 100, "không phải văn bản"),
        ("la.txt", ("Отчёт о работе " * 40).encode("cp1251"), "bảng mã"),
        ("hong.docx", b"PK\x03\x04" + b"\x00" * 200, "bị hỏng"),
    ],
)
def test_cli_bad_input_is_refused_in_vietnamese_and_stores_nothing(
    tmp_path: Path, capsys, name: str, content: bytes, words: str
) -> None:
    data = tmp_path / "data"
    path = tmp_path / name
    path.write_bytes(content)
    assert _run(data, str(path)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("Lỗi: ") and words in err
    assert _count(data) == 0


def test_cli_missing_file(tmp_path: Path, capsys) -> None:
    assert _run(tmp_path / "data", str(tmp_path / "khong-co.txt")) == 1
    assert "không tìm thấy tệp" in capsys.readouterr().err
