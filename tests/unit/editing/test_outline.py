import pytest

from desktop.editing import outline as ol
from desktop.errors import UserError
from desktop.model.document import Heading, HeadingLevel, ListItem, ListMarker, Paragraph, runs
from desktop.model.kinds import DocumentKind
from desktop.model.numbering import number_headings

R = HeadingLevel.ROMAN
A = HeadingLevel.ARABIC
D = HeadingLevel.DECIMAL
L = HeadingLevel.LETTER
BC = DocumentKind.BAO_CAO


def h(level, text, hid):
    return Heading(level=level, content=runs(text), id=hid)


def p(text, pid):
    return Paragraph(content=runs(text), id=pid)


def sample():
    return (
        p("Thực hiện Công văn số 10", "pre"),
        h(R, "Kết quả", "I"),
        p("Năm 2024 …", "I-p"),
        h(A, "Công tác chỉ đạo", "I1"),
        p("Ban hành 3 kế hoạch", "I1-p"),
        ListItem(ListMarker.DASH, runs("Kế hoạch số 1"), id="I1-li"),
        h(A, "Tuyên truyền", "I2"),
        h(R, "Tồn tại", "II"),
        p("Còn chậm", "II-p"),
        h(R, "Kiến nghị", "III"),
    )


def labels(body):
    by_id = number_headings(body)
    return [(by_id[b.id], b.text) for b in body if isinstance(b, Heading)]


def test_outline_tree_ranges_and_labels():
    tree = ol.build_outline(sample())
    assert tree.roots == ("I", "II", "III")
    assert tree.preamble_end == 1
    node = tree.node("I")
    assert node.children == ("I1", "I2") and node.label == "I."
    assert list(node.content_range) == [2]
    assert node.subtree_end == 7
    assert tree.node("I1").content_range == range(4, 6)
    assert tree.node("I2").parent_id == "I" and tree.node("I2").label == "2."


def test_section_content_roundtrip_keeps_structure():
    body = sample()
    assert [b.id for b in ol.section_content(body, "I1")] == ["I1-p", "I1-li"]
    assert [b.id for b in ol.section_content(body, None)] == ["pre"]
    new = ol.replace_section_content(body, "I1", (p("Mới", "new"),))
    assert [b.id for b in new] == ["pre", "I", "I-p", "I1", "new", "I2", "II", "II-p", "III"]
    with pytest.raises(UserError):
        ol.replace_section_content(body, "I1", (h(A, "x", "x"),))


def test_add_sibling_goes_after_subtree_and_child_gets_next_level():
    body, new_id = ol.add_section(sample(), BC, "Mới", after_id="I")
    assert [b.id for b in body].index(new_id) == 7  # after I's subtree, before II
    assert labels(body)[3] == ("II.", "Mới")
    body, child = ol.add_section(body, BC, "Con", parent_id="II", as_child=True)
    assert ol.build_outline(body).node(child).parent_id == "II"
    assert ("1.", "Con") in labels(body)
    body, deeper = ol.add_section(body, BC, "Con nữa", parent_id="I1", as_child=True)
    assert ol.build_outline(body).node(deeper).label == "1.1."


def test_rename_keeps_id_and_collapses_spaces():
    body = ol.rename_section(sample(), "II", "  Hạn chế,   tồn tại ")
    assert ol.build_outline(body).node("II").text == "Hạn chế, tồn tại"


def test_indent_makes_child_of_previous_sibling_and_renumbers():
    body = ol.indent_section(sample(), "II", BC)
    tree = ol.build_outline(body)
    assert tree.node("II").parent_id == "I"
    assert tree.node("II").label == "3."
    assert tree.node("III").label == "II."
    # content moves with the heading
    assert [b.id for b in ol.section_content(body, "II")] == ["II-p"]


def test_indent_first_child_is_refused_with_message():
    with pytest.raises(UserError, match="mục đầu tiên"):
        ol.indent_section(sample(), "I1", BC)


def test_indent_subtree_shifts_descendants():
    body = ol.indent_section(sample(), "I2", BC)  # under I1: 1.1.
    tree = ol.build_outline(body)
    assert tree.node("I2").label == "1.1."
    body = ol.indent_section(ol.indent_section(sample(), "II", BC), "II", BC)
    # II moved under I as "3." then under I2 as "2.1."
    assert ol.build_outline(body).node("II").label == "2.1."


def test_outdent_in_place_adopts_following_siblings():
    body = ol.outdent_section(sample(), "I1", BC)
    tree = ol.build_outline(body)
    assert tree.roots == ("I", "I1", "II", "III")
    assert tree.node("I1").label == "II."
    assert tree.node("I2").parent_id == "I1"


def test_outdent_at_top_is_refused():
    with pytest.raises(UserError, match="cấp cao nhất"):
        ol.outdent_section(ol.outdent_section(sample(), "I", BC), "I", BC)


def test_letter_is_the_lowest_level():
    body = (
        h(R, "a", "r"),
        h(A, "b", "a1"),
        h(A, "b2", "a2"),
        h(D, "c", "d1"),
        h(D, "c2", "d2"),
        h(L, "d", "l1"),
        h(L, "d2", "l2"),
    )
    with pytest.raises(UserError, match="cấp thấp nhất"):
        ol.indent_section(body, "l2", BC)


def test_move_section_between_parents_relevels():
    # Move "Tuyên truyền" (1. level under I) to be the first root.
    body = ol.move_section(sample(), "I2", None, 0, BC)
    tree = ol.build_outline(body)
    assert tree.roots[0] == "I2"
    assert tree.node("I2").level is R and tree.node("I2").label == "I."
    assert tree.node("I").label == "II."
    # Preamble stays first.
    assert body[0].id == "pre"


def test_move_section_carries_content_and_children():
    body = ol.move_section(sample(), "I", None, 3, BC)  # after III
    assert [b.id for b in body] == [
        "pre",
        "II",
        "II-p",
        "III",
        "I",
        "I-p",
        "I1",
        "I1-p",
        "I1-li",
        "I2",
    ]
    assert ol.build_outline(body).node("I").label == "III."


def test_move_into_itself_is_refused():
    with pytest.raises(UserError, match="chính nó"):
        ol.move_section(sample(), "I", "I1", 0, BC)


def test_move_up_and_down():
    body = ol.move_section_by(sample(), "III", -1, BC)
    assert ol.build_outline(body).roots == ("I", "III", "II")
    with pytest.raises(UserError):
        ol.move_section_by(sample(), "I", -1, BC)
    body = ol.move_section_by(sample(), "I1", 1, BC)
    assert ol.build_outline(body).node("I").children == ("I2", "I1")


def test_delete_section_removes_subtree():
    body = ol.delete_section(sample(), "I")
    assert [b.id for b in body] == ["pre", "II", "II-p", "III"]
    assert labels(body) == [("I.", "Tồn tại"), ("II.", "Kiến nghị")]


def test_decision_ladder_uses_articles():
    qd = DocumentKind.QUYET_DINH
    body, first = ol.add_section((), qd, "Quy định chung")
    assert ol.build_outline(body).node(first).level is HeadingLevel.CHAPTER
    body, art = ol.add_section(body, qd, "Phạm vi", parent_id=first, as_child=True)
    assert ol.build_outline(body).node(art).level is HeadingLevel.SECTION
