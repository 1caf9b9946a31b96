"""`baocao --self-check` in-process: it passes on a complete checkout and names what is broken."""

from __future__ import annotations

import io
import re

import pytest

import resources
from desktop import selfcheck
from desktop.cli.main import main as cli_main
from desktop.model.document import Document, Heading, HeadingLevel, Paragraph, Run
from desktop.model.kinds import DocumentKind
from desktop.model.serialize import loads_document


def test_the_cli_flag_runs_every_step_and_passes(capsys):
    code = cli_main(["--self-check"])
    out = capsys.readouterr().out
    for step in selfcheck.STEPS:
        assert re.search(rf"\] {re.escape(step.title)} \({step.key}\): đạt", out), out
    assert "Kết quả: ĐẠT" in out
    assert code == 0, out


def test_self_check_does_not_touch_the_user_data(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BAOCAO_DATA_DIR", str(tmp_path / "dữ liệu thật"))
    cli_main(["--self-check"])
    assert not (tmp_path / "dữ liệu thật").exists()


def test_a_missing_module_is_named_and_dependent_steps_are_skipped():
    def broken(ctx: selfcheck.CheckContext) -> str:
        raise ModuleNotFoundError(
            "No module named 'desktop.export.docx'", name="desktop.export.docx"
        )

    steps = tuple(
        selfcheck.Step(s.key, s.title, broken, s.needs) if s.key == "docx" else s
        for s in selfcheck.STEPS
    )
    out = io.StringIO()
    assert selfcheck.run_self_check(out, steps=steps) == 1
    text = out.getvalue()
    assert "Xuất DOCX (docx): LỖI — thiếu mô-đun desktop.export.docx trong mã nguồn" in text
    assert "(package): bỏ qua — vì bước docx không đạt" in text
    assert "bước hỏng đầu tiên: Xuất DOCX (docx)" in text


def test_missing_resources_are_reported_with_the_file_and_the_fix(monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "resources_root", lambda: tmp_path)
    out = io.StringIO()
    assert selfcheck.run_self_check(out) == 1
    line = next(line for line in out.getvalue().splitlines() if "(resources)" in line)
    assert "LỖI" in line
    assert "thiếu tệp tài nguyên fonts/LiberationSerif-Regular.ttf" in line
    assert "cài lại chương trình" in line


def test_a_damaged_font_file_is_caught(monkeypatch, tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in selfcheck.FONT_FILES:
        (fonts / name).write_bytes(resources.resource_path("fonts", name).read_bytes())
    (fonts / "LiberationSerif-Bold.ttf").write_bytes(b"<html>404 Not Found</html>")
    monkeypatch.setattr(resources, "resources_root", lambda: tmp_path)
    with pytest.raises(
        selfcheck.SelfCheckFailure, match=r"LiberationSerif-Bold\.ttf không phải phông"
    ):
        selfcheck.check_resources(selfcheck.CheckContext(workdir=tmp_path))


def test_an_unexpected_exception_becomes_a_report_line_not_a_crash():
    def crash(ctx: selfcheck.CheckContext) -> str:
        raise RuntimeError("hỏng\nnhiều dòng")

    out = io.StringIO()
    steps = (selfcheck.Step("boom", "Bước thử", crash),)
    assert selfcheck.run_self_check(out, steps=steps) == 1
    assert (
        "Bước thử (boom): LỖI — lỗi không lường trước (RuntimeError: hỏng nhiều dòng)"
        in out.getvalue()
    )


def test_the_sample_has_every_element_and_a_bare_document_lacks_them():
    sample = loads_document(resources.read_text(*selfcheck.SAMPLE))
    assert selfcheck.missing_elements(sample) == []
    bare = Document(
        kind=DocumentKind.BAO_CAO,
        title="Thử",
        body=(Heading(HeadingLevel.ROMAN, (Run("Mục"),)), Paragraph((Run("Nội dung"),))),
    )
    missing = selfcheck.missing_elements(bare)
    for name in ("Kính gửi (nhiều nơi)", "bảng", "chú thích cuối trang", "phụ lục",
                 "quyền hạn người ký (TM./KT.)", "đề mục cấp part", "đề mục cấp letter"):  # fmt: skip
        assert name in missing
    assert "đề mục cấp roman" not in missing
