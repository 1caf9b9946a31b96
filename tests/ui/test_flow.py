"""The whole job through the widgets: create → edit → check → export → package → verify."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtGui import QTextCursor

from desktop.checker.findings import Severity
from desktop.model.document import DocumentStatus
from desktop.model.kinds import DocumentKind
from desktop.services import documents as documents_service
from desktop.services import history as history_service

from .conftest import type_text


def wait_jobs(qtbot, window, timeout=60000):
    qtbot.waitUntil(lambda: not window.runner.active(include_quiet=True), timeout=timeout)


def test_create_edit_check_export_package_verify(qtbot, window, store, tmp_path: Path):
    # Create from the list page.
    new_id = window.create_document(
        DocumentKind.BAO_CAO, "Kết quả công tác cải cách hành chính quý I"
    )
    assert new_id is not None and window.pages.currentWidget() is window.editor_page
    body = window.editor_page.body

    # Edit: two sections with text, then the header.
    body.select_section(None)
    body.editor.setFocus()
    type_text(body.editor, "Thực hiện Kế hoạch số 05/KH-UBND, UBND huyện báo cáo như sau:")
    body.add_section()
    type_text(body.section_title, "Kết quả đạt được")
    body.section_title.editingFinished.emit()
    body.editor.setFocus()
    type_text(body.editor, "Giải quyết 1.250 hồ sơ đúng hạn.")
    body.add_section()
    type_text(body.section_title, "Nhiệm vụ thời gian tới")
    body.section_title.editingFinished.emit()
    body.editor.setFocus()
    type_text(body.editor, "- Tiếp tục số hóa hồ sơ")
    body.committer.commit()
    labels = [body.model.index(r, 0).data() for r in range(body.model.rowCount())]
    assert labels == ["Mở đầu", "I. Kết quả đạt được", "II. Nhiệm vụ thời gian tới"]
    window.editor_page.closing.closing.setPlainText("Trên đây là báo cáo kết quả quý I")
    window.editor_page.closing.binder.commit_pending()

    # Check: the live checker runs in the background; findings point at places.
    window.show_checker()
    wait_jobs(qtbot, window)
    findings = window.checker.model.findings
    assert window.checker.summary.text()
    assert all(f.message and f.fix for f in findings)
    with_block = [f for f in findings if f.location.block_id]
    if with_block:
        index = window.checker.model.index(window.checker.model.findings.index(with_block[0]), 0)
        window.checker.list.doubleClicked.emit(index)

    # Export PDF and DOCX through the same actions as the menu.
    pdf = tmp_path / "bao-cao.pdf"
    docx = tmp_path / "bao-cao.docx"
    window.output.export_pdf(pdf)
    wait_jobs(qtbot, window)
    window.output.export_docx(docx)
    wait_jobs(qtbot, window)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert zipfile.is_zipfile(docx)
    assert "Đã xuất" in window.notice.label.text()
    stored = documents_service.get(store, new_id).document
    assert stored.status is DocumentStatus.EXPORTED
    assert window.session.document.status is DocumentStatus.EXPORTED
    assert any(s.reason.value == "export" for s in history_service.list_history(store, new_id))

    # Edits after an export still save (the session took the export's revision).
    body.select_section(body.model.outline.roots[0])
    body.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body.editor, " Tỷ lệ 98%.")
    assert window.session.flush()
    assert "98%" in documents_service.get(store, new_id).document.body[2].text

    # Package to a folder, then verify the package.
    out = tmp_path / "goi"
    out.mkdir()
    window.output.package_to(out)
    wait_jobs(qtbot, window)
    zips = sorted(out.glob("*.zip"))
    assert zips, window.notice.label.text()
    assert "Đã đóng gói" in window.notice.label.text()
    window.output.verify_package(zips[0])
    wait_jobs(qtbot, window)
    assert "nguyên vẹn" in window.notice.label.text() and window.notice.level == "info"


def test_export_failure_says_why_and_keeps_the_document(
    qtbot, window, store, document_id, tmp_path
):
    window.open_document(document_id)
    before = documents_service.get(store, document_id)
    # A folder stands where the file should go: the export cannot replace it (as when Word
    # holds the file open on Windows, or the folder is read-only).
    target = tmp_path / "bao-cao.pdf"
    target.mkdir()
    (target / "giu-nguyen.txt").write_text("x")
    window.output.export_pdf(target)
    wait_jobs(qtbot, window)
    text = window.notice.label.text()
    assert window.notice.level == "error"
    assert text.startswith("Chưa xuất được PDF") and "Văn bản vẫn giữ nguyên" in text
    after = documents_service.get(store, document_id)
    assert after.document == before.document and after.revision == before.revision
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "bao-cao.pdf",
        "du-lieu",
    ]  # no partial file
    assert (target / "giu-nguyen.txt").read_text() == "x"


def test_checker_findings_lead_to_their_place(qtbot, store, document_id):
    from desktop.checker.findings import Finding, Location
    from ui.main_window import MainWindow

    def check(document, profile):
        return [
            Finding(
                "body.x",
                Severity.WARNING,
                Location("Nội dung", block_id="p2"),
                "Câu cụt",
                "Viết lại",
                "§3.1",
            ),
            Finding(
                "date.x",
                Severity.ERROR,
                Location("Địa danh, ngày tháng"),
                "Thiếu ngày",
                "Nhập ngày",
                "§3.1 ô 4",
            ),
        ]

    window = MainWindow(store, check=check)
    qtbot.addWidget(window)
    window.show()
    window.open_document(document_id)
    qtbot.waitUntil(lambda: window.checker.model.rowCount() == 2, timeout=10000)
    assert window.checker.summary.text().startswith("1 lỗi, 1 cảnh báo")
    model = window.checker.model
    window.checker.list.doubleClicked.emit(model.index(0, 0))
    body = window.editor_page.body
    assert body.current_section == "h2"
    assert body.editor.textCursor().block().text() == "Kinh phí còn hạn chế."
    window.checker.list.doubleClicked.emit(model.index(1, 0))
    assert window.editor_page.tabs.currentWidget() is window.editor_page.header
    window.runner.shutdown(10000)
    window.preview.shutdown()


def test_list_filters_search_delete_and_restore(qtbot, window, store, document_id):
    page = window.list_page
    documents_service.duplicate(store, document_id)
    page.refresh()
    assert page.proxy.rowCount() == 2
    page.search.setText("ho tro kinh phi")  # no diacritics
    page.refresh()
    assert page.proxy.rowCount() == 2
    page.search.setText("khong co tu nay")
    page.refresh()
    assert page.proxy.rowCount() == 0
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData(DocumentStatus.EXPORTED))
    assert page.proxy.rowCount() == 0
    page.status.setCurrentIndex(0)
    page.refresh(select_id=document_id)
    page.delete_button.click()
    assert page.proxy.rowCount() == 1
    assert "thùng rác" in window.notice.label.text()
    page.trash.setChecked(True)
    assert page.proxy.rowCount() == 1
    page.refresh(select_id=document_id)
    page.restore_button.click()
    assert not page.trash.isChecked() and page.proxy.rowCount() == 2


def test_import_a_text_file_and_pasted_text(qtbot, window, store, tmp_path):
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN NGHI XUÂN\nSố: 12/BC-UBND\nNghi Xuân, ngày 05 tháng 3 năm 2025\n"
        "BÁO CÁO\nKết quả công tác tháng 02 năm 2025\n"
        "I. KẾT QUẢ\n1. Công tác chỉ đạo\nĐã ban hành 02 kế hoạch.\n"
        "II. PHƯƠNG HƯỚNG\nTiếp tục triển khai.\n"
    )
    source = tmp_path / "bao-cao-thang-2.txt"
    source.write_text(text, encoding="utf-8")
    before = len(documents_service.list_documents(store))
    window.output.import_from(source, None)
    wait_jobs(qtbot, window)
    assert len(documents_service.list_documents(store)) == before + 1, window.notice.label.text()
    assert window.pages.currentWidget() is window.editor_page
    assert window.session.document.title == "Kết quả công tác tháng 02 năm 2025"
    roots = window.editor_page.body.model.outline.roots
    assert len(roots) == 2
    window.output.import_from(None, text.replace("tháng 02", "tháng 3"))
    wait_jobs(qtbot, window)
    assert window.session.document.title == "Kết quả công tác tháng 3 năm 2025"


def test_no_modal_dialog_appears_while_jobs_run(qtbot, window, document_id, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window.open_document(document_id)
    seen = []
    timer = QTimer()
    timer.timeout.connect(lambda: seen.append(QApplication.activeModalWidget()))
    timer.start(5)
    levels = []
    show = window.notice.show_message
    window.notice.show_message = lambda text, level="info", folder=None, **kw: (
        levels.append(level),
        show(text, level, folder, **kw),
    )
    blocked = tmp_path / "b.pdf"
    blocked.mkdir()  # a folder where the file should go: this export fails
    window.output.export_pdf(tmp_path / "a.pdf")
    window.output.export_pdf(blocked)
    wait_jobs(qtbot, window)
    timer.stop()
    assert seen and all(w is None for w in seen)
    assert sorted(levels) == ["error", "info"]  # the failure is shown in the strip instead
