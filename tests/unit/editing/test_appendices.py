import pytest

from desktop.editing.appendices import add_appendix, move_appendix, remove_appendix, update_appendix
from desktop.errors import UserError
from desktop.model.document import Document, Paragraph, runs
from desktop.model.kinds import DocumentKind


def test_add_update_move_remove():
    doc = Document(kind=DocumentKind.BAO_CAO)
    doc, a = add_appendix(doc, " Biểu  số liệu ")
    doc, b = add_appendix(doc, "Danh sách")
    assert [x.title for x in doc.appendices] == ["Biểu số liệu", "Danh sách"]
    body = (Paragraph(runs("Số liệu")),)
    doc = update_appendix(doc, a, reference="Kèm theo Báo cáo số 05", body=body)
    assert doc.appendices[0].body == body and doc.appendices[0].id == a
    doc = move_appendix(doc, b, -1)
    assert [x.id for x in doc.appendices] == [b, a]
    with pytest.raises(UserError):
        move_appendix(doc, b, -1)
    doc = remove_appendix(doc, b)
    assert [x.id for x in doc.appendices] == [a]
    with pytest.raises(UserError, match="Không tìm thấy"):
        remove_appendix(doc, b)
