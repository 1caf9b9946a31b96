from __future__ import annotations

import unicodedata

import pytest

from desktop.model.document import AuthorityLine, Paragraph, SignerBlock, runs
from desktop.model.kinds import DocumentKind
from desktop.services import documents
from desktop.services.search import fold, search, search_columns
from tests.helpers.stores import report


@pytest.fixture
def filled(store, clock):
    ids = {
        "dak": documents.add(store, report("Kết quả chuyển đổi số tại huyện Đắk Glei")),
        "plan": documents.add(
            store,
            report("Kế hoạch phát triển du lịch").with_changes(
                kind=DocumentKind.KE_HOACH,
                place="Nghi Xuân",
                number=7,
                agency_abbr="SNV",
                signer=SignerBlock((AuthorityLine("GIÁM ĐỐC"),), "Trần Thị Bình"),
                body=(Paragraph(runs("Nội dung không liên quan đến báo cáo ở Quảng Ngãi.")),),
                closing="",
                distribution=(),
                recipients=(),
                appendices=(),
                legal_bases=(),
                source={},
                parent_agency="",
                issuing_agency="SỞ NỘI VỤ",
            ),
        ),
    }
    clock.advance(minutes=1)
    return ids


def found(store, query: str) -> list[int]:
    return [r.summary.id for r in search(store, query)]


def test_dak_glei_finds_dak_glei(store, filled):
    assert found(store, "dak glei") == [filled["dak"]]
    assert found(store, "ĐẮK GLEI") == [filled["dak"]]
    assert found(store, unicodedata.normalize("NFD", "Đắk Glei")) == [filled["dak"]]


def test_bao_cao_finds_bao_cao(store, filled):
    assert set(found(store, "bao cao")) == {filled["dak"], filled["plan"]}


def test_number_and_symbol_are_searchable(store, filled):
    assert found(store, "123/BC-SNV") == []
    assert found(store, "123/BC-UBND") == [filled["dak"]]
    assert found(store, "07/KH-SNV") == [filled["plan"]]
    assert found(store, "7/KH-SNV") == [filled["plan"]]


def test_title_hits_first_then_newest(store, filled, clock):
    clock.advance(minutes=1)
    titled = documents.add(store, report("Báo cáo tổng kết năm"))
    clock.advance(minutes=1)
    edited = filled["plan"]
    doc = documents.get(store, edited).document
    documents.save(store, edited, doc.with_changes(closing="Nơi khác"))
    results = search(store, "bao cao")
    assert [r.summary.id for r in results] == [titled, edited, filled["dak"]]
    assert [r.in_title for r in results] == [True, False, False]


def test_every_field_of_the_document_is_indexed(store, filled):
    assert found(store, "vien thong kon tum") == [filled["dak"]]  # a footnote
    assert found(store, "ho so truc tuyen") == [filled["dak"]]  # a table cell
    assert found(store, "nguyen van an") == [filled["dak"]]  # the signer
    assert found(store, "bao-cao-quy-1.docx") == [filled["dak"]]  # source facts
    assert found(store, "so lieu chi tiet") == [filled["dak"]]  # an appendix


def test_queries_with_fts_syntax_or_nothing_searchable(store, filled):
    assert search(store, "   ") == []
    assert search(store, "- / ;") == []
    assert found(store, 'NEAR("dak" glei)') == []  # literal: the word "near" is in no document
    assert found(store, '"dak glei" (huyện)') == [filled["dak"]]
    assert found(store, '"chuyen so doi"') == []  # a quoted phrase keeps its order
    assert found(store, "chuyen so doi") == [filled["dak"]]
    assert search(store, "AND OR NOT") == []


def test_deleted_documents_are_only_found_on_request(store, filled):
    documents.delete(store, filled["dak"])
    assert found(store, "dak glei") == []
    assert [r.summary.id for r in search(store, "dak glei", include_deleted=True)] == [
        filled["dak"]
    ]


def test_edits_are_searchable_at_once(store, filled):
    doc = documents.get(store, filled["plan"]).document
    documents.save(store, filled["plan"], doc.with_changes(title="Kế hoạch Đắk Pét"))
    assert found(store, "dak pet") == [filled["plan"]]
    assert found(store, "du lich") == []


def test_folding():
    assert fold("Đắk Glei đường") == "Dắk Glei dường"
    title, text = search_columns(report())
    assert title.startswith("Kết quả") and "Dắk Glei" in title
    assert "123/BC-UBND" in text and "Số hóa hồ sơ" in text
    assert "Toàn huyện dã có 100% xã" in text  # runs joined as written
