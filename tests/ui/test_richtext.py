"""Model blocks ↔ the text editor's QTextDocument, and paste into the editor."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from desktop.editing import outline as ol
from desktop.model.document import (
    FootnoteRef,
    ListItem,
    ListMarker,
    PageBreak,
    Paragraph,
    Run,
    Table,
    TableCell,
    runs,
)
from ui.editor import richtext
from ui.editor.text_editor import TextEditor

from .conftest import press, report_document, type_text


def test_every_block_kind_round_trips(qapp):
    blocks = (
        Paragraph(
            (
                Run("Xin "),
                Run("chào", bold=True),
                Run(" các", italic=True),
                Run(" bạn", underline=True),
                FootnoteRef((Run("Ghi chú ở chân trang"),)),
                Run("."),
            ),
            id="a",
        ),
        ListItem(ListMarker.DASH, runs("Gạch đầu dòng"), id="b"),
        ListItem(ListMarker.PLUS, runs("Ý nhỏ"), id="c"),
        Table(
            rows=(
                (TableCell(runs("Chỉ tiêu")), TableCell(runs("Số"))),
                (TableCell(runs("Gộp hai cột"), col_span=2),),
            ),
            header_rows=1,
            column_widths=(3.0, 1.0),
            caption="Bảng 1",
            id="d",
        ),
        PageBreak(id="e"),
        Paragraph(runs("Hết."), id="f"),
    )
    document = richtext.new_text_document()
    richtext.load_blocks(document, blocks, footnote_offset=4)
    assert "bạn5." in document.toPlainText()  # the footnote mark continues the numbering
    assert richtext.read_blocks(document) == blocks


def test_section_of_a_report_round_trips(qapp):
    body = report_document().body
    for heading_id in (None, "h11", "h12", "h2"):
        content = ol.section_content(body, heading_id)
        document = richtext.new_text_document()
        richtext.load_blocks(document, content)
        assert richtext.read_blocks(document) == content


def test_typing_a_dash_line_makes_an_item_and_enter_continues_it(qtbot):
    editor = TextEditor()
    qtbot.addWidget(editor)
    richtext.load_blocks(editor.document(), (Paragraph(runs("Mở đầu"), id="p"),))
    editor.moveCursor(QTextCursor.MoveOperation.End)
    press(editor, Qt.Key.Key_Return)
    type_text(editor, "- Tổ chức tập huấn")
    press(editor, Qt.Key.Key_Return)
    type_text(editor, "cho cán bộ xã")
    blocks = richtext.read_blocks(editor.document())
    assert blocks[0] == Paragraph(runs("Mở đầu"), id="p")
    assert [(type(b), b.text) for b in blocks[1:]] == [
        (ListItem, "Tổ chức tập huấn"),
        (ListItem, "cho cán bộ xã"),
    ]
    assert blocks[1].id != "p" and blocks[2].id != blocks[1].id  # Enter makes new ids


def test_marker_buttons_toggle_items(qtbot):
    editor = TextEditor()
    qtbot.addWidget(editor)
    richtext.load_blocks(editor.document(), (Paragraph(runs("Một"), id="p"),))
    editor.set_item_marker("+ ")
    assert richtext.read_blocks(editor.document()) == (
        ListItem(ListMarker.PLUS, runs("Một"), id="p"),
    )
    editor.set_item_marker("+ ")
    assert richtext.read_blocks(editor.document()) == (Paragraph(runs("Một"), id="p"),)


def test_insert_and_edit_footnote(qtbot):
    editor = TextEditor()
    qtbot.addWidget(editor)
    richtext.load_blocks(editor.document(), (Paragraph(runs("Theo kế hoạch"), id="p"),), 2)
    editor.footnote_offset = 2
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_footnote("Kế hoạch số 5")
    type_text(editor, " năm nay")
    (block,) = richtext.read_blocks(editor.document())
    assert block.content == (
        Run("Theo kế hoạch"),
        FootnoteRef((Run("Kế hoạch số 5"),)),
        Run(" năm nay"),
    )
    assert "kế hoạch3 năm nay" in editor.toPlainText()
    position = editor.toPlainText().index("3")
    editor.set_footnote_text(position, "Kế hoạch số 6/KH-UBND")
    (block,) = richtext.read_blocks(editor.document())
    assert block.content[1] == FootnoteRef((Run("Kế hoạch số 6/KH-UBND"),))


def test_insert_table_and_edit_rows(qtbot):
    editor = TextEditor()
    qtbot.addWidget(editor)
    richtext.load_blocks(editor.document(), (Paragraph(runs("Bảng sau:"), id="p"),))
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_table(2, 2)
    type_text(editor, "Chỉ tiêu")
    editor.table_add_row()
    editor.table_add_column()
    blocks = richtext.read_blocks(editor.document())
    table = blocks[1]
    assert isinstance(table, Table)
    assert len(table.rows) == 3 and table.column_count == 3
    assert table.rows[0][0].text == "Chỉ tiêu"
    editor.table_remove_row()
    assert len(richtext.read_blocks(editor.document())[1].rows) == 2


def test_paste_from_word_keeps_emphasis_only(qtbot):
    editor = TextEditor()
    qtbot.addWidget(editor)
    mime = QMimeData()
    mime.setHtml(
        "<html><body><!--StartFragment--><p style='color:red;font-size:20pt'>Kết quả "
        "<b>nổi bật</b> <span style='font-family:Arial'>năm nay</span></p>"
        "<p>- Việc <i>thứ nhất</i></p><!--EndFragment--></body></html>"
    )
    mime.setText("Kết quả nổi bật năm nay\n- Việc thứ nhất")
    editor.insertFromMimeData(mime)
    blocks = richtext.read_blocks(editor.document())
    assert blocks[0].content == (Run("Kết quả "), Run("nổi bật", bold=True), Run(" năm nay"))
    assert isinstance(blocks[1], ListItem)
    assert blocks[1].content == (Run("Việc "), Run("thứ nhất", italic=True))


def test_paste_of_tcvn3_text_is_converted_and_announced(qtbot):
    editor = TextEditor()
    qtbot.addWidget(editor)
    mime = QMimeData()
    # Word's HTML for text typed in .VnTime (TCVN3): Latin-1 look-alikes of "Báo cáo tổng kết".
    mime.setHtml("<p><span style=\"font-family:'.VnTime'\">B¸o c¸o tæng kÕt</span></p>")
    with qtbot.waitSignal(editor.pasteConverted) as blocker:
        editor.insertFromMimeData(mime)
    assert blocker.args == ["TCVN3"]
    assert richtext.read_blocks(editor.document())[0].text == "Báo cáo tổng kết"


def test_undo_keys_are_left_to_the_window(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent, QKeySequence

    editor = TextEditor()
    qtbot.addWidget(editor)
    event = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    assert event.matches(QKeySequence.StandardKey.Undo)
    editor.event(event)
    assert not event.isAccepted()


def test_plain_text_paste_in_vni_is_converted(qtbot):
    from desktop.importing.legacy_encodings import encode_vni

    editor = TextEditor()
    qtbot.addWidget(editor)
    mime = QMimeData()
    mime.setText(encode_vni("Tổ chức hội nghị sơ kết") + "\n" + encode_vni("- Triển khai kế hoạch"))
    with qtbot.waitSignal(editor.pasteConverted) as blocker:
        editor.insertFromMimeData(mime)
    assert blocker.args == ["VNI"]
    blocks = richtext.read_blocks(editor.document())
    assert [b.text for b in blocks] == ["Tổ chức hội nghị sơ kết", "Triển khai kế hoạch"]
    assert isinstance(blocks[1], ListItem)


def test_deleting_a_footnote_mark_renumbers_the_rest(qtbot, window, document_id):
    from desktop.model.document import Paragraph as P

    window.open_document(document_id)
    body = window.editor_page.body
    body.select_section("h2")
    editor = body.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_footnote("Chú thích A")
    editor.insert_footnote("Chú thích B")
    body.committer.commit()
    assert editor.toPlainText().endswith("chế.23")  # one footnote earlier in the document
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("chế.2") + 4)
    cursor.setPosition(cursor.position() + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    body.committer.commit()
    assert editor.toPlainText().endswith("chế.2")
    (paragraph,) = ol.section_content(window.session.document.body, "h2")
    assert isinstance(paragraph, P) and paragraph.content[-1].runs[0].text == "Chú thích B"
