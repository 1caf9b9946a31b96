from __future__ import annotations

import unicodedata

import pytest

from desktop.model.document import (
    AuthorityLine,
    Document,
    Paragraph,
    Run,
    SignerBlock,
    Table,
    TableCell,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.text import find_control_character, fold_for_search, nfc
from desktop.model.validate import require_valid, validate_document

NFD_TITLE = unicodedata.normalize("NFD", "Báo cáo kết quả Đắk Glei")


def test_every_text_field_is_stored_nfc():
    doc = Document(
        kind=DocumentKind.BAO_CAO,
        title=NFD_TITLE,
        recipients=(NFD_TITLE,),
        body=(Paragraph((Run(NFD_TITLE),)),),
        signer=SignerBlock((AuthorityLine(NFD_TITLE),), NFD_TITLE),
        source={NFD_TITLE: NFD_TITLE},
    )
    expected = unicodedata.normalize("NFC", NFD_TITLE)
    assert doc.title == expected != NFD_TITLE
    assert doc.recipients == (expected,)
    assert doc.body[0].content[0].text == expected  # type: ignore[union-attr]
    assert doc.signer.name == expected
    assert doc.signer.lines[0].text == expected
    assert doc.source == {expected: expected}
    assert nfc(expected) is expected  # already NFC: no copy


def test_control_characters_are_found_but_layout_whitespace_is_optional():
    assert find_control_character("a\x07b") == "\x07"
    assert find_control_character("a\ufeffb") == "\ufeff"
    assert find_control_character("a\nb") == "\n"
    assert find_control_character("a\nb", allow_newlines=True) is None
    assert find_control_character("Đắk Glei – “ngoặc”") is None


def test_fold_for_search_only_folds_dd():
    assert fold_for_search("Đắk Glei, đường") == "Dắk Glei, dường"


def doc(**changes) -> Document:
    return Document(**{"kind": DocumentKind.BAO_CAO, "title": "Báo cáo", **changes})


@pytest.mark.parametrize(
    ("document", "field", "words"),
    [
        (doc(title="Kết quả\x07"), "title", "trích yếu: chứa ký tự điều khiển U+0007"),
        (doc(place="Hà\nNội"), "place", "địa danh: chứa ký tự điều khiển U+000A"),
        (doc(body=(Paragraph(runs("a\x00b")),)), "body[0]", "nội dung: chứa ký tự điều khiển"),
        (doc(number=0), "number", "số văn bản: phải là số nguyên dương"),
        (doc(copies=-1), "copies", "số lượng bản: phải là số nguyên dương"),
        (doc(title="x" * 501), "title", "trích yếu: dài 501 ký tự, tối đa 500"),
        (doc(authority="CHỦ TỊCH\tUBND"), "authority", "thẩm quyền ban hành: chứa ký tự điều"),
        (doc(authority="X" * 201), "authority", "thẩm quyền ban hành: dài 201 ký tự, tối đa 200"),
        (doc(signer=SignerBlock((), "A" * 51)), "signer.name", "tối đa 50"),
        (doc(body=(Table(rows=(), header_rows=0),)), "body[0]", "bảng: không có dòng nào"),
        (
            doc(body=(Table(rows=((TableCell(runs("a")),),), column_widths=(1.0, 2.0)),)),
            "body[0]",
            "độ rộng cột không khớp",
        ),
    ],
)
def test_validation_names_the_field_in_vietnamese(document, field, words):
    problems = validate_document(document)
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message


def test_require_valid_passes_a_good_document_and_lists_all_problems():
    good = doc(body=(Paragraph(runs("Nội dung")),))
    assert require_valid(good) is good
    with pytest.raises(ValueError) as info:
        require_valid(doc(title="a\x01", place="b\x02"))
    assert "trích yếu" in str(info.value) and "địa danh" in str(info.value)
