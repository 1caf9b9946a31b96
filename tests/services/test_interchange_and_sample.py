from __future__ import annotations

import json

import pytest

from desktop.errors import UserError
from desktop.model.kinds import DocumentKind
from desktop.model.serialize import dumps_document
from desktop.services import documents, history, interchange
from desktop.services.sample import ensure_sample_document, sample_document
from tests.helpers.stores import OFFICE, report


def test_dump_load_round_trip_is_exact(store):
    doc_id = documents.add(store, report())
    text = interchange.dump(store, doc_id)
    new_id = interchange.load(store, text)
    assert new_id != doc_id
    assert interchange.dump(store, new_id) == text


def test_load_replace_is_an_edit_that_keeps_the_old_state(store):
    doc_id = documents.add(store, report("Bản cũ"))
    edited = json.loads(interchange.dump(store, doc_id))
    edited["title"] = "Bản sửa ngoài chương trình"
    assert (
        interchange.load(store, json.dumps(edited, ensure_ascii=False), replace_id=doc_id) == doc_id
    )
    assert documents.get(store, doc_id).document.title == "Bản sửa ngoài chương trình"
    snap = history.list_history(store, doc_id)[0]
    assert (snap.reason.value, snap.title) == ("before-replace", "Bản cũ")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "Tệp x.json không hợp lệ: JSON không hợp lệ (dòng 1, cột 2)"),
        ('{"format": "baocao.document", "version": 1, "kind": "cv"}', "ở trường kind"),
        (
            '{"format": "baocao.document", "version": 1, "kind": "bao-cao", "date": "2024-02-30"}',
            "ở trường date: ngày không tồn tại",
        ),
        (
            '{"format": "baocao.document", "version": 1, "kind": "bao-cao", "title": "a\\u0007"}',
            "trích yếu: chứa ký tự điều khiển U+0007",
        ),
    ],
)
def test_bad_files_are_refused_with_the_field_named(store, text, words):
    with pytest.raises(UserError) as info:
        interchange.load(store, text, source_name="x.json")
    assert words in info.value.message
    assert documents.list_documents(store) == []


def test_a_bom_from_notepad_is_accepted(store):
    text = "\ufeff" + dumps_document(report())
    assert documents.get(store, interchange.load(store, text)).document.title == report().title


def test_sample_is_inserted_once_into_a_new_store_with_the_office_header(office_store, clock):
    doc_id = ensure_sample_document(office_store)
    assert doc_id is not None
    doc = documents.get(office_store, doc_id).document
    assert doc.kind is DocumentKind.BAO_CAO
    assert doc.issuing_agency == OFFICE.issuing_agency and doc.place == OFFICE.place
    assert doc.signer == OFFICE.default_signer
    assert doc.distribution[0] == "Như trên"
    dumped = interchange.dump(office_store, doc_id)
    assert "quý I năm 2026" in doc.title and "{nam}" not in dumped and "{quy}" not in dumped
    assert doc.reporting_period is not None and doc.reporting_period.index == 1
    documents.delete(office_store, doc_id)
    assert ensure_sample_document(office_store) is None  # never again, even after deleting it


def test_no_sample_in_a_store_that_already_has_documents(store):
    documents.add(store, report())
    assert ensure_sample_document(store) is None


def test_sample_without_a_profile_keeps_its_own_header(store):
    doc = documents.get(store, ensure_sample_document(store)).document  # type: ignore[arg-type]
    assert doc.issuing_agency == "ỦY BAN NHÂN DÂN XÃ TÂN HÒA"
    assert doc.signer.name == "Nguyễn Văn An"


def test_sample_document_is_valid_for_every_quarter():
    for quarter in range(1, 5):
        doc = sample_document(2027, quarter)
        assert str(2027) in doc.title
        assert doc.reporting_period is not None and doc.reporting_period.index == quarter
