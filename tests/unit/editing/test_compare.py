from desktop.editing import outline as ol
from desktop.editing.compare import describe_changes
from desktop.model.document import Document, Heading, HeadingLevel, Paragraph, runs
from desktop.model.kinds import DocumentKind


def doc():
    return Document(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả năm 2024",
        body=(
            Heading(HeadingLevel.ROMAN, runs("Kết quả"), id="h1"),
            Paragraph(runs("Đã làm được nhiều việc"), id="p1"),
            Heading(HeadingLevel.ROMAN, runs("Kiến nghị"), id="h2"),
            Paragraph(runs("Đề nghị tỉnh hỗ trợ"), id="p2"),
        ),
    )


def test_equal_documents_have_no_changes():
    assert describe_changes(doc(), doc()) == []


def test_changes_are_described_in_vietnamese():
    old = doc()
    body = ol.rename_section(old.body, "h2", "Đề xuất, kiến nghị")
    body = ol.replace_section_content(
        body, "h1", (Paragraph(runs("Đã làm được rất nhiều việc"), id="p1"),)
    )
    body, _ = ol.add_section(body, DocumentKind.BAO_CAO, "Phương hướng", after_id="h2")
    new = old.with_changes(title="Kết quả năm 2025", body=body)
    lines = describe_changes(old, new)
    assert "Sửa trích yếu" in lines
    assert "Đổi tên mục “Kiến nghị” thành “Đề xuất, kiến nghị”" in lines
    assert any(
        line.startswith("Sửa đoạn “Đã làm được rất nhiều việc” ở mục I. Kết quả") for line in lines
    )
    assert "Thêm mục III. Phương hướng" in lines


def test_delete_and_reorder():
    old = doc()
    new = old.with_changes(body=ol.move_section_by(old.body, "h2", -1, DocumentKind.BAO_CAO))
    lines = describe_changes(old, new)
    assert "Sắp xếp lại thứ tự các mục" in lines
    removed = old.with_changes(body=ol.delete_section(old.body, "h2"))
    assert describe_changes(old, removed) == [
        "Xoá mục II. Kiến nghị",
        "Xoá đoạn “Đề nghị tỉnh hỗ trợ” ở mục II. Kiến nghị",
    ]
