"""Wizard, history, evidence and preview panels."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from desktop.model.profile import OfficeProfile
from desktop.services import documents as documents_service
from desktop.services import history as history_service
from desktop.services import profile as profile_service
from desktop.services.store import StoreSettings, open_store

from .conftest import type_text


def test_first_start_wizard_saves_the_profile_and_the_sample(qtbot, tmp_path):
    from ui.wizard import ProfileWizard

    store = open_store(tmp_path / "moi", settings=StoreSettings(backup_on_open=False))
    try:
        wizard = ProfileWizard(store, OfficeProfile(), first_start=True)
        qtbot.addWidget(wizard)
        wizard.show()
        assert not wizard.validateCurrentPage()  # the issuing agency is required
        assert "cơ quan ban hành" in wizard.agency_error.text()
        wizard.parent_agency.setText("UBND HUYỆN ĐỨC THỌ")
        wizard.issuing_agency.setText("ỦY BAN NHÂN DÂN XÃ TÙNG ẢNH")
        wizard.agency_abbr.setText("UBND")
        wizard.place.setText("Tùng Ảnh")
        assert wizard.validateCurrentPage()
        wizard.next()
        wizard.signer_lines.setPlainText("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
        wizard.signer_name.setText("Lê Văn Cường")
        wizard.distribution.setPlainText("Như trên;\n- Đảng ủy xã;")
        wizard.next()
        wizard.accept()
        profile = profile_service.get_profile(store)
        assert profile.issuing_agency == "ỦY BAN NHÂN DÂN XÃ TÙNG ẢNH"
        assert profile.default_signer.name == "Lê Văn Cường"
        assert profile.distribution == ("Như trên", "Đảng ủy xã")
        (sample,) = documents_service.list_documents(store)
        assert sample.title  # the sample document to learn from
    finally:
        store.close()


def test_wizard_refuses_a_bad_abbreviation(qtbot, store):
    from ui.wizard import ProfileWizard

    wizard = ProfileWizard(store, profile_service.get_profile(store), first_start=False)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.agency_abbr.setText("UB ND")
    assert not wizard.validateCurrentPage()
    assert "không được chứa dấu cách" in wizard.agency_error.text()


def test_history_shows_changes_and_restores(qtbot, window, store, document_id):
    window.open_document(document_id)
    history_service.take_snapshot(store, document_id)
    body = window.editor_page.body
    body.select_section("h3")
    body.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body.editor, " Bổ sung biên chế.")
    window.session.flush()
    window.side.setCurrentWidget(window.history)
    panel = window.history
    assert panel.list.count() >= 1
    panel.list.setCurrentRow(panel.list.count() - 1)
    assert (
        "Sửa đoạn “Đề nghị tỉnh hỗ trợ kinh phí. Bổ sung biên chế.”" in panel.changes.toPlainText()
    )
    panel.restore_selected()
    assert window.session.document.body[-1].text == "Đề nghị tỉnh hỗ trợ kinh phí."
    assert (
        documents_service.get(store, document_id).document.body[-1].text
        == "Đề nghị tỉnh hỗ trợ kinh phí."
    )
    reasons = [s.reason.value for s in history_service.list_history(store, document_id)]
    assert "before-restore" in reasons
    assert "Đã khôi phục" in window.notice.label.text()


def test_evidence_attach_link_caption_and_size(qtbot, window, store, document_id, tmp_path):
    from PySide6.QtGui import QColor, QImage

    window.open_document(document_id)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    photo = tmp_path / "anh-hien-truong.png"
    image.save(str(photo))
    panel = window.evidence
    window.side.setCurrentWidget(panel)
    panel.attach([photo])
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    assert panel.table.item(0, 2).text() == "anh-hien-truong.png"
    panel.table.setCurrentCell(0, 0)
    assert panel.preview.currentIndex() == 1  # the image preview
    panel.link_combo.setCurrentIndex(panel.link_combo.findData("h2"))
    panel.link_selected()
    assert "Khó khăn" in panel.table.item(0, 4).text()
    assert "giới hạn thư điện tử 25 MB" in panel.size_label.text()
    with qtbot.waitSignal(panel.blockRequested) as blocker:
        panel._double_clicked(0, 4)
    assert blocker.args == ["h2"]
    panel.remove_selected()
    assert panel.table.rowCount() == 0


def test_preview_renders_in_the_background(qtbot, window, document_id):
    window.open_document(document_id)
    window.side.setCurrentWidget(window.preview)
    window.preview.render_now()
    qtbot.waitUntil(lambda: window.preview.pdf is not None, timeout=30000)
    assert window.preview.pdf.pageCount() >= 1
    assert "trang — cập nhật lúc" in window.preview.status.text()
