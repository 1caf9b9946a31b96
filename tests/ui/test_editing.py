"""Editing through the widgets: typing, structure commands, the header form, undo and redo,
and automatic saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.editing import outline as ol
from desktop.model.document import HeadingLevel
from desktop.services import documents as documents_service

from .conftest import type_text


def open_editor(window, document_id):
    assert window.open_document(document_id)
    return window.editor_page.body


def stored(store, document_id):
    return documents_service.get(store, document_id).document


def test_typing_is_committed_saved_and_shown_as_saved(qtbot, window, store, document_id):
    body = open_editor(window, document_id)
    body.select_section("h2")
    editor = body.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " Thiếu nhân lực có kỹ năng số.")
    qtbot.waitUntil(
        lambda: "kỹ năng số" in ol.section_content(stored(store, document_id).body, "h2")[0].text,
        timeout=3000,
    )
    assert window.saved_label.text().startswith("Đã lưu lúc ")
    assert window.session.undo_stack.count() == 1


def test_text_undo_and_redo(qtbot, window, store, document_id):
    body = open_editor(window, document_id)
    body.select_section("h3")
    editor = body.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " Cấp thêm máy tính.")
    body.committer.commit()
    assert "máy tính" in editor.toPlainText()
    window.act_undo.trigger()
    assert "máy tính" not in editor.toPlainText()
    assert "máy tính" not in window.session.document.body[-1].text
    window.act_redo.trigger()
    assert "máy tính" in editor.toPlainText()
    window.session.flush()
    assert "Cấp thêm máy tính" in stored(store, document_id).body[-1].text


def test_ctrl_z_in_the_editor_reaches_the_undo_stack(qtbot, window, document_id):
    body = open_editor(window, document_id)
    body.select_section("h2")
    editor = body.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " thêm")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "thêm" not in editor.toPlainText()  # pending text committed, then undone
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().endswith("thêm")


def test_structure_commands_renumber_and_undo(qtbot, window, document_id):
    body = open_editor(window, document_id)
    body.select_section("h2")
    body.indent_section()  # II. becomes 3. under I.
    node = body.model.outline.node("h2")
    assert node.parent_id == "h1" and node.label == "3."
    assert body.model.index_of("h3").data() == "II. Kiến nghị"
    body.move_by(-1)  # above "2. Hạ tầng số"
    assert body.model.outline.node("h2").label == "2."
    body.add_section()
    new_id = body.current_section
    assert body.model.outline.node(new_id).parent_id == "h1"
    type_text(body.section_title, "Chuyển đổi số cộng đồng")
    body.section_title.editingFinished.emit()
    assert body.model.index_of(new_id).data() == "3. Chuyển đổi số cộng đồng"
    for _ in range(4):
        window.act_undo.trigger()
    assert window.session.document.body == window.session.undo_stack.command(0).before.body
    tree = ol.build_outline(window.session.document.body)
    assert tree.node("h2").level is HeadingLevel.ROMAN and tree.node("h2").label == "II."


def test_refused_structure_command_says_why(qtbot, window, document_id):
    body = open_editor(window, document_id)
    body.select_section("h11")
    body.indent_section()  # the first child has no previous sibling
    assert "mục đầu tiên" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0


def test_keyboard_shortcuts_move_sections(qtbot, window, document_id):
    body = open_editor(window, document_id)
    body.select_section("h3")
    body.tree.setFocus()
    qtbot.waitUntil(body.tree.hasFocus, timeout=2000)
    qtbot.keyClick(body.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ol.build_outline(window.session.document.body).roots == ("h1", "h3", "h2")


def test_drag_and_drop_reorders_sections(qtbot, window, document_id):
    body = open_editor(window, document_id)
    body.move_section("h3", None, 0)  # what a drop on the first top-level row requests
    assert ol.build_outline(window.session.document.body).roots == ("h3", "h1", "h2")
    assert body.model.index_of("h3").data() == "I. Kiến nghị"


def test_section_switch_keeps_each_sections_text(qtbot, window, document_id):
    body = open_editor(window, document_id)
    body.select_section("h2")
    body.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body.editor, " A")
    body.select_section("h3")  # commits h2 first
    assert body.editor.toPlainText() == "Đề nghị tỉnh hỗ trợ kinh phí."
    body.select_section("h2")
    assert body.editor.toPlainText() == "Kinh phí còn hạn chế. A"


def test_header_form_parses_and_refuses_bad_dates(qtbot, window, store, document_id):
    open_editor(window, document_id)
    header = window.editor_page.header
    header.date.setText("31/02/2025")
    header.date.editingFinished.emit()
    assert "không có trên lịch" in header.error.text()
    assert window.session.document.date is None
    header.date.setText("05/03/2025")
    header.date.editingFinished.emit()
    assert header.error.text() == ""
    assert str(window.session.document.date) == "2025-03-05"
    header.recipients.setPlainText("- UBND tỉnh;\nSở Nội vụ")
    header.binder.commit_pending()
    assert window.session.document.recipients == ("UBND tỉnh", "Sở Nội vụ")
    window.act_undo.trigger()
    assert window.session.document.recipients == ("Sở Khoa học và Công nghệ tỉnh Hà Tĩnh",)
    assert header.recipients.toPlainText() == "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh"
    window.session.flush()
    assert str(stored(store, document_id).date) == "2025-03-05"


def test_signer_preset_and_default_distribution(qtbot, window, document_id):
    open_editor(window, document_id)
    closing = window.editor_page.closing
    closing.signer_presets.setCurrentIndex(1)
    closing.apply_signer.click()
    signer = window.session.document.signer
    assert [line.text for line in signer.lines] == ["ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signer.name == "Trần Thị Bình"
    assert closing.signer_lines.toPlainText() == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"


def test_appendix_tab_adds_and_edits(qtbot, window, document_id):
    open_editor(window, document_id)
    page = window.editor_page.appendices
    page.add()
    page.title.setText("Biểu tổng hợp số liệu")
    page.title.editingFinished.emit()
    page.editor.setFocus()
    type_text(page.editor, "Số liệu đến 31/12/2025")
    page.committer.commit()
    (appendix,) = window.session.document.appendices
    assert appendix.title == "Biểu tổng hợp số liệu"
    assert appendix.body[0].text == "Số liệu đến 31/12/2025"
    assert page.list.item(0).text() == "Phụ lục: Biểu tổng hợp số liệu"


def test_header_choices_keep_their_enum_types(qtbot, window, store, document_id):
    from desktop.model.document import Urgency
    from desktop.model.kinds import DocumentKind

    open_editor(window, document_id)
    header = window.editor_page.header
    header.kind.setCurrentIndex(header.kind.findData(DocumentKind.TO_TRINH.value))
    header.kind.activated.emit(header.kind.currentIndex())
    header.urgency.setCurrentIndex(header.urgency.findData(Urgency.KHAN.value))
    header.urgency.activated.emit(header.urgency.currentIndex())
    doc = window.session.document
    assert doc.kind is DocumentKind.TO_TRINH and doc.urgency is Urgency.KHAN
    window.session.flush()
    assert stored(store, document_id).kind is DocumentKind.TO_TRINH
    window.act_undo.trigger()
    assert header.urgency.currentText() == "Không"


def test_authority_row_belongs_to_decisions_and_is_saved(qtbot, window, store, document_id):
    from desktop.model.kinds import DocumentKind

    open_editor(window, document_id)
    header = window.editor_page.header
    # A báo cáo has no "Thẩm quyền ban hành" line: the row is hidden.
    assert header.authority.isHidden()
    header.kind.setCurrentIndex(header.kind.findData(DocumentKind.QUYET_DINH.value))
    header.kind.activated.emit(header.kind.currentIndex())
    assert not header.authority.isHidden() and not header.authority_label.isHidden()
    header.authority.setText("  Chủ tịch   Ủy ban nhân dân xã Tiên Điền ")
    header.authority.editingFinished.emit()
    assert window.session.document.authority == "Chủ tịch Ủy ban nhân dân xã Tiên Điền"
    window.session.flush()
    assert stored(store, document_id).authority == "Chủ tịch Ủy ban nhân dân xã Tiên Điền"
    window.act_undo.trigger()
    assert header.authority.text() == ""
    header.kind.setCurrentIndex(header.kind.findData(DocumentKind.CONG_VAN.value))
    header.kind.activated.emit(header.kind.currentIndex())
    assert header.authority.isHidden()


def test_closing_the_window_saves_what_was_just_typed(qtbot, window, store, document_id):
    body = open_editor(window, document_id)
    body.select_section("h2")
    body.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body.editor, " Gõ xong là đóng.")
    window.editor_page.header.title.setText("Trích yếu gõ dở")  # not yet committed either
    window.editor_page.header.binder._touched(
        next(
            i
            for i, b in enumerate(window.editor_page.header.binder.bindings)
            if b.widget is window.editor_page.header.title
        )
    )
    assert window.close()
    doc = stored(store, document_id)
    assert ol.section_content(doc.body, "h2")[0].text.endswith("Gõ xong là đóng.")
    assert doc.title == "Trích yếu gõ dở"


def test_logging_off_saves(qtbot, window, store, document_id):
    body = open_editor(window, document_id)
    body.select_section("h3")
    body.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body.editor, " Đăng xuất.")
    window._commit_data(None)  # what QGuiApplication.commitDataRequest calls at log-off
    assert stored(store, document_id).body[-1].text.endswith("Đăng xuất.")
