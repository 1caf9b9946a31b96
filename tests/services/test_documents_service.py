from __future__ import annotations

import datetime as dt

import pytest

from db import documents as db_documents
from desktop.errors import ConflictError, NotFoundError, UserError
from desktop.model.document import DocumentStatus, Paragraph, PeriodKind, ReportingPeriod, runs
from desktop.model.kinds import DocumentKind
from desktop.services import documents
from desktop.services.documents import next_period
from tests.helpers.stores import OFFICE, report


def count(store) -> int:
    return db_documents.count_documents(store.db) + db_documents.count_documents(
        store.db, deleted=True
    )


def test_new_document_takes_the_office_defaults(office_store):
    doc_id = documents.create(office_store, DocumentKind.BAO_CAO, "Kết quả quý I")
    doc = documents.get(office_store, doc_id).document
    assert doc.issuing_agency == OFFICE.issuing_agency
    assert doc.parent_agency == OFFICE.parent_agency
    assert (doc.agency_abbr, doc.unit_abbr, doc.place) == ("UBND", "VP", "Đắk Glei")
    assert doc.signer == OFFICE.default_signer
    assert doc.distribution == OFFICE.distribution
    assert doc.archive_note == "VP"
    assert doc.footer_address == ""  # ô 13 is for công văn
    assert doc.status is DocumentStatus.DRAFT and doc.number is None and doc.date is None
    cong_van = documents.get(office_store, documents.create(office_store, DocumentKind.CONG_VAN))
    assert cong_van.document.footer_address == OFFICE.footer_address


def test_get_save_and_revisions(store, clock):
    original = report()
    doc_id = documents.add(store, original)
    stored = documents.get(store, doc_id)
    assert stored.document == original
    assert stored.revision == 1
    clock.advance(minutes=1)
    edited = stored.document.with_changes(title="Trích yếu mới")
    assert documents.save(store, doc_id, edited, expected_revision=1) == 2
    again = documents.get(store, doc_id)
    assert again.document.title == "Trích yếu mới"
    assert again.summary.updated_at == clock.now and again.summary.created_at < clock.now
    # saving the same value again changes nothing
    assert documents.save(store, doc_id, edited) == 2


def test_stale_save_is_refused_and_nothing_changes(store):
    doc_id = documents.add(store, report())
    documents.save(store, doc_id, report().with_changes(title="Bản của cửa sổ A"))
    with pytest.raises(ConflictError) as info:
        documents.save(store, doc_id, report().with_changes(title="B"), expected_revision=1)
    assert "vừa được sửa ở nơi khác" in info.value.message
    assert documents.get(store, doc_id).document.title == "Bản của cửa sổ A"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"title": "Báo cáo\x07"}, "trích yếu: chứa ký tự điều khiển U+0007"),
        ({"number": 0}, "số văn bản: phải là số nguyên dương"),
        ({"body": (Paragraph(runs("dòng\x00")),)}, "nội dung: chứa ký tự điều khiển U+0000"),
    ],
)
def test_invalid_documents_are_refused_and_nothing_is_written(store, changes, words):
    good = documents.add(store, report())
    before = documents.get(store, good)
    with pytest.raises(UserError) as info:
        documents.add(store, report().with_changes(**changes))
    assert words in info.value.message
    with pytest.raises(UserError):
        documents.save(store, good, report().with_changes(**changes))
    assert count(store) == 1
    assert documents.get(store, good) == before


def test_missing_documents_are_named(store):
    with pytest.raises(NotFoundError) as info:
        documents.get(store, 42)
    assert "Không có văn bản mã 42" in info.value.message


def test_list_filters_and_recycle_bin(store, clock):
    a = documents.add(store, report())
    clock.advance(seconds=1)
    b = documents.add(store, report().with_changes(kind=DocumentKind.KE_HOACH, date=None,
                                                   reporting_period=None))  # fmt: skip
    clock.advance(seconds=1)
    c = documents.add(store, report().with_changes(date=dt.date(2025, 12, 1)))
    assert [s.id for s in documents.list_documents(store)] == [c, b, a]
    assert [s.id for s in documents.list_documents(store, kind=DocumentKind.KE_HOACH)] == [b]
    assert [s.id for s in documents.list_documents(store, year=2025)] == [c]
    assert documents.list_documents(store, year=2026, kind=DocumentKind.KE_HOACH)[0].id == b
    documents.delete(store, a)
    assert [s.id for s in documents.list_documents(store)] == [c, b]
    assert [s.id for s in documents.list_documents(store, deleted=True)] == [a]
    assert documents.get(store, a).summary.is_deleted
    with pytest.raises(UserError, match="thùng rác"):
        documents.save(store, a, report().with_changes(title="x"))
    documents.undelete(store, a)
    assert not documents.get(store, a).summary.is_deleted
    with pytest.raises(UserError, match="chưa ở thùng rác"):
        documents.purge(store, a)
    documents.delete(store, a)
    documents.purge(store, a)
    with pytest.raises(NotFoundError):
        documents.get(store, a)


def test_summary_columns(store):
    doc_id = documents.add(store, report())
    s = documents.list_documents(store)[0]
    assert s.id == doc_id
    assert s.number_symbol == "123/BC-UBND"
    assert (s.kind_label, s.status_label) == ("Báo cáo", "Dự thảo")
    assert s.date == dt.date(2026, 3, 5) and s.deadline == dt.date(2026, 3, 15)
    draft = documents.add(store, report().with_changes(number=None, kind=DocumentKind.CONG_VAN))
    assert documents.get(store, draft).summary.number_symbol == "…/UBND-VP"


def test_duplicate_starts_next_periods_draft(store):
    original = report().with_changes(status=DocumentStatus.SENT)
    source = documents.add(store, original)
    copy_id = documents.duplicate(store, source)
    copy = documents.get(store, copy_id).document
    assert copy.number is None and copy.date is None and copy.deadline is None
    assert copy.status is DocumentStatus.DRAFT
    assert copy.reporting_period == ReportingPeriod(PeriodKind.QUARTERLY, 2026, 2)
    assert copy.body == original.body and copy.source == {}
    assert documents.get(store, source).document.number == 123


@pytest.mark.parametrize(
    ("period", "following"),
    [
        ((PeriodKind.MONTHLY, 2026, 12), (PeriodKind.MONTHLY, 2027, 1)),
        ((PeriodKind.MONTHLY, 2026, 3), (PeriodKind.MONTHLY, 2026, 4)),
        ((PeriodKind.QUARTERLY, 2026, 4), (PeriodKind.QUARTERLY, 2027, 1)),
        ((PeriodKind.HALF_YEAR, 2026, 1), (PeriodKind.HALF_YEAR, 2026, 2)),
        ((PeriodKind.ANNUAL, 2026, 1), (PeriodKind.ANNUAL, 2027, 1)),
        ((PeriodKind.NINE_MONTHS, 2026, 1), (PeriodKind.NINE_MONTHS, 2027, 1)),
    ],
)
def test_next_period(period, following):
    assert next_period(ReportingPeriod(*period)) == ReportingPeriod(*following)


def test_finalize_changes_status_and_keeps_a_snapshot(store):
    from desktop.services.history import list_history, snapshot_document

    doc_id = documents.add(store, report())
    documents.finalize(store, doc_id)
    assert documents.get(store, doc_id).summary.status is DocumentStatus.FINALIZED
    history = list_history(store, doc_id)
    assert history[0].reason.value == "finalize"
    kept = snapshot_document(store, doc_id, history[0].id)
    assert kept == documents.get(store, doc_id).document


def test_one_command_can_group_several_calls_atomically(store):
    with pytest.raises(UserError), store.write():
        documents.add(store, report())
        documents.add(store, report().with_changes(title="\x07"))
    assert count(store) == 0
