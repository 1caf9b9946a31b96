"""Item models checked by qtmodeltester, and the outline's drag-and-drop translation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QMimeData, Qt

from desktop.checker.findings import Finding, Location, Severity
from desktop.services import documents as documents_service
from ui.documents.list_model import DocumentListModel
from ui.editor.outline_model import MIME_TYPE, PREAMBLE_LABEL, OutlineModel
from ui.panels.checker import FindingsModel

from .conftest import report_document


def test_outline_model_passes_modeltester(qtmodeltester):
    model = OutlineModel()
    model.set_body(report_document().body)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4  # Mở đầu + I, II, III
    assert model.index(0, 0).data() == PREAMBLE_LABEL
    first = model.index(1, 0)
    assert first.data() == "I. Kết quả đạt được"
    assert model.index(1, 0, first).data() == "2. Hạ tầng số"
    assert model.parent(model.index(0, 0, first)) == first


def test_outline_model_rebuilds_only_when_headings_change():
    model = OutlineModel()
    doc = report_document()
    assert model.set_body(doc.body) is True
    changed_text = (*doc.body[:3], doc.body[3].__class__(runs_of("khác"), id="p11"), *doc.body[4:])
    assert model.set_body(changed_text) is False  # a paragraph edit keeps the tree (and selection)


def runs_of(text):
    from desktop.model.document import runs

    return runs(text)


def test_outline_drop_emits_move_in_section_rows(qtbot):
    model = OutlineModel()
    model.set_body(report_document().body)
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(b"h3"))
    # Drop "III. Kiến nghị" between "Mở đầu" and "I." (view row 1 at the top level).
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, model.index(-1, -1))
    with qtbot.waitSignal(model.moveRequested) as blocker:
        assert (
            model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, model.index(-1, -1)) is False
        )
    assert blocker.args == ["h3", None, 0]
    # A section cannot be dropped into its own child, nor onto "Mở đầu".
    own_child = model.index(0, 0, model.index(1, 0))
    mime_h1 = QMimeData()
    mime_h1.setData(MIME_TYPE, QByteArray(b"h1"))
    assert not model.canDropMimeData(mime_h1, Qt.DropAction.MoveAction, 0, 0, own_child)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(0, 0))


def test_outline_rename_via_set_data_is_a_request(qtbot):
    model = OutlineModel()
    model.set_body(report_document().body)
    with qtbot.waitSignal(model.renameRequested) as blocker:
        assert model.setData(model.index(2, 0), "  Tồn tại,  hạn chế ", Qt.ItemDataRole.EditRole)
    assert blocker.args == ["h2", "Tồn tại, hạn chế"]


def test_document_list_model_passes_modeltester(qtmodeltester, store, document_id):
    documents_service.duplicate(store, document_id)
    model = DocumentListModel(today=dt.date(2026, 1, 1))
    model.set_rows(documents_service.list_documents(store))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "Báo cáo"
    assert model.index(0, 1).data().endswith("/BC-UBND")
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Trích yếu"


def test_findings_model_passes_modeltester(qtmodeltester):
    model = FindingsModel()
    model.set_findings(
        [
            Finding(
                "date.leading-zero",
                Severity.ERROR,
                Location("Địa danh, ngày tháng"),
                "Ngày 5 thiếu số 0",
                "Viết 05",
                "§3.1 ô 4",
            ),
            Finding(
                "body.end-mark",
                Severity.WARNING,
                Location("Nội dung", block_id="p3"),
                "Thiếu ./.",
                "Thêm ./.",
                "§3.1",
            ),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data().startswith("✖ Địa danh, ngày tháng")
