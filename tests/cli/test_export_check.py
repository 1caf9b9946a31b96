"""`baocao export` and `baocao check`, including the three real documents of ../shared/samples
entered through `baocao load` (their JSON written by script), exported and checked clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.export.docx import nd30_samples
from tests.unit.checker.docx_fixtures import EditableDocx, set_text


def load(baocao, tmp_path: Path, document: dict, name: str = "vanban.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = baocao("load", str(path))
    assert result.code == 0, result.err
    return result.out.strip()


def report_json() -> dict:
    from desktop.model.serialize import document_to_json
    from tests.unit.checker.docx_fixtures import report

    return document_to_json(report())


@pytest.mark.skipif(
    not nd30_samples.available(), reason="../shared/samples is not beside the checkout"
)
@pytest.mark.parametrize("facts", nd30_samples.SAMPLES, ids=lambda f: f.file)
def test_real_samples_load_export_and_check_clean(baocao, tmp_path, facts) -> None:
    doc_id = load(baocao, tmp_path, nd30_samples.sample_json(facts))
    target = tmp_path / "out.docx"
    result = baocao("export", doc_id, "--docx", str(target))
    assert result.code == 0, result.err
    assert "Kiểm tra thể thức: không có lỗi." in result.out
    checked = baocao("check", str(target), "--json")
    report = json.loads(checked.out)
    assert checked.code == 0 and report["errors"] == 0, report["findings"]
    assert baocao("check", doc_id).code == 0


def test_export_prints_the_files_and_a_check_summary(baocao, tmp_path) -> None:
    doc_id = load(baocao, tmp_path, report_json())
    result = baocao(
        "export", doc_id, "--docx", str(tmp_path / "a.docx"), "--pdf", str(tmp_path / "a.pdf")
    )
    assert result.code == 0, result.err
    assert f"Đã xuất DOCX: {tmp_path / 'a.docx'}" in result.out
    assert "Đã xuất PDF:" in result.out and "trang)" in result.out
    assert (tmp_path / "a.pdf").exists()
    history = baocao("history", doc_id, "--json")
    assert any(s["reason"] == "export" for s in json.loads(history.out))


def test_export_json_and_findings_before_export(baocao, tmp_path) -> None:
    doc = report_json()
    doc["title"] = ""
    doc_id = load(baocao, tmp_path, doc)
    result = baocao("export", doc_id, "--docx", str(tmp_path / "a.docx"), "--json")
    data = json.loads(result.out)
    assert result.code == 0 and data["errors"] >= 1
    assert any(f["rule"] == "title.missing" for f in data["findings"])


def test_export_needs_a_target(baocao, tmp_path) -> None:
    doc_id = load(baocao, tmp_path, report_json())
    result = baocao("export", doc_id)
    assert result.code == 1 and "--docx" in result.err


def test_export_to_a_missing_folder_says_so(baocao, tmp_path) -> None:
    doc_id = load(baocao, tmp_path, report_json())
    result = baocao("export", doc_id, "--docx", str(tmp_path / "khong-co" / "a.docx"))
    assert result.code == 1 and "không tồn tại" in result.err
    assert baocao("show", doc_id).code == 0


def test_check_a_broken_file_exits_1_with_the_rule(baocao, tmp_path) -> None:
    doc_id = load(baocao, tmp_path, report_json())
    target = tmp_path / "a.docx"
    assert baocao("export", doc_id, "--docx", str(target)).code == 0
    broken = EditableDocx(target.read_bytes())
    set_text(broken.paragraph("Số:"), "Số: 5/BC-UBND")
    target.write_bytes(broken.to_bytes())
    result = baocao("check", str(target))
    assert result.code == 1
    assert "[LỖI] Số, ký hiệu" in result.out and "0" in result.out and "§4.2" in result.out
    assert "Cách sửa:" in result.out and "Kết quả: 1 lỗi, 0 cảnh báo." in result.out
    data = json.loads(baocao("check", str(target), "--json").out)
    assert data["errors"] == 1 and data["findings"][0]["rule"] == "number.leading-zero"


def test_check_a_stored_document(baocao, tmp_path) -> None:
    doc = report_json()
    doc["distribution"] = ["Sở Nội vụ"]
    doc_id = load(baocao, tmp_path, doc)
    result = baocao("check", doc_id)
    assert result.code == 1 and "Như trên" in result.out


def test_check_unreadable_files(baocao, tmp_path) -> None:
    fake = tmp_path / "gia.docx"
    fake.write_text("không phải docx", encoding="utf-8")
    result = baocao("check", str(fake))
    assert result.code == 1 and result.err.startswith("Lỗi: Tệp “gia.docx” không phải tệp Word")
    assert baocao("check", str(tmp_path / "ghi-chu.txt")).code == 1
    assert "Không tìm thấy" in baocao("check", str(tmp_path / "khong-co.docx")).err


def test_check_unknown_document_id(baocao, tmp_path) -> None:
    result = baocao("check", "999")
    assert result.code != 0 and result.err.startswith("Lỗi:")


@pytest.mark.parametrize("command", [["export"], ["check"]], ids=" ".join)
def test_help_is_vietnamese(baocao, command) -> None:
    result = baocao(*command, "--help")
    assert result.code == 0 and result.out.startswith("Cách dùng: baocao")


def test_check_of_a_pdf_lists_its_signature_fields(baocao, tmp_path) -> None:
    doc_id = load(baocao, tmp_path, report_json())
    pdf = tmp_path / "a.pdf"
    assert baocao("export", doc_id, "--pdf", str(pdf)).code == 0
    checked = baocao("check", str(pdf))
    assert "Chữ ký số:" in checked.out
    assert "Ô ChuKyNguoiKy: chưa ký" in checked.out
    assert "Ô ChuKyCoQuan: chưa ký" in checked.out
    as_json = json.loads(baocao("check", str(pdf), "--json").out)
    assert [(s["field"], s["signed"]) for s in as_json["signatures"]] == [
        ("ChuKyNguoiKy", False),
        ("ChuKyCoQuan", False),
    ]
