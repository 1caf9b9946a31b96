from __future__ import annotations

import pytest

from db import documents as repo
from db.connection import open_database, write_transaction
from db.documents import DocumentFields
from db.errors import RevisionConflict
from db.fts import match_expression
from db.schema import migrate


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "t.db")
    migrate(database)
    yield database
    database.close()


def fields(title: str = "bao cao", text: str = "", **changes) -> DocumentFields:
    values = dict(
        kind="bao-cao", status="draft", number=None, title=title, agency_abbr="UBND",
        unit_abbr="VP", doc_date=None, year=2026, deadline=None, body_json='{"a": 1}',
        search_title=title, search_text=text,
    )  # fmt: skip
    values.update(changes)
    return DocumentFields(**values)  # type: ignore[arg-type]


def ids(hits) -> list[int]:
    return [h.row.id for h in hits]


def search(db, query: str) -> list[int]:
    return ids(repo.search_documents(db, match_expression(query)))


def test_insert_get_and_body_round_trip(db):
    with write_transaction(db):
        doc_id = repo.insert_document(db, fields(body_json='{"title": "Đắk Glei"}'), "t1")
    record = repo.get_document(db, doc_id)
    assert record is not None
    assert record.body_json == '{"title": "Đắk Glei"}'
    assert record.row.revision == 1 and record.row.created_at == record.row.updated_at == "t1"
    assert repo.get_document(db, 999) is None


def test_diacritics_are_ignored_by_the_tokenizer(db):
    """The tokenizer folds marks; đ arrives already folded (the service does it)."""
    with write_transaction(db):
        a = repo.insert_document(db, fields("Báo cáo tháng", "huyện Dắk Glei, tỉnh Kon Tum"), "t")
        repo.insert_document(db, fields("Kế hoạch", "thành phố Pleiku"), "t")
    assert search(db, "bao cao") == [a]
    assert search(db, "BÁO CÁO") == [a]
    assert search(db, "dak glei") == [a]
    assert search(db, "kon tum dak") == [a]


def test_update_reindexes_changed_text_only(db):
    with write_transaction(db):
        a = repo.insert_document(db, fields("Tiêu đề", "ngày xưa"), "t")
        assert repo.update_document(db, a, fields("Tiêu đề", "hôm nay"), "t2") == 2
    assert search(db, "xua") == []
    assert search(db, "hom nay") == [a]
    with write_transaction(db):
        repo.update_document(db, a, fields("Tiêu đề", "hôm nay", status="finalized"), "t3")
    assert search(db, "hom nay") == [a]
    db.conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")


def test_revision_conflict(db):
    with write_transaction(db):
        a = repo.insert_document(db, fields(), "t")
        repo.update_document(db, a, fields(text="x"), "t", expected_revision=1)
    with pytest.raises(RevisionConflict), write_transaction(db):
        repo.update_document(db, a, fields(text="y"), "t", expected_revision=1)
    assert repo.get_document_row(db, a).revision == 2  # type: ignore[union-attr]
    assert repo.update_document(db, 999, fields(), "t") == -1


def test_purge_removes_row_body_and_index_entry(db):
    with write_transaction(db):
        a = repo.insert_document(db, fields("Xóa hẳn", "noi dung rieng"), "t")
    with write_transaction(db):
        assert repo.purge_document(db, a)
    assert search(db, "noi dung rieng") == []
    assert db.conn.execute("SELECT count(*) FROM document_bodies").fetchone()[0] == 0
    db.conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")


def test_recycle_bin_and_filters(db):
    with write_transaction(db):
        a = repo.insert_document(db, fields("A", year=2025), "2026-01-01")
        b = repo.insert_document(db, fields("B", kind="ke-hoach"), "2026-01-02")
        repo.set_deleted(db, a, "2026-01-03")
    assert [r.id for r in repo.list_documents(db)] == [b]
    assert [r.id for r in repo.list_documents(db, deleted=True)] == [a]
    assert repo.list_documents(db, kind="bao-cao") == []
    assert [r.id for r in repo.list_documents(db, year=2026)] == [b]
    assert search(db, "A") == [] and ids(
        repo.search_documents(db, match_expression("A"), include_deleted=True)
    ) == [a]
    assert repo.count_documents(db) == 1 and repo.count_documents(db, deleted=True) == 1


def test_title_matches_come_first_then_newest(db):
    with write_transaction(db):
        old_title = repo.insert_document(db, fields("chu ky so", "x"), "2026-01-01")
        body_new = repo.insert_document(db, fields("khac", "chu ky so"), "2026-01-03")
        body_old = repo.insert_document(db, fields("khac nua", "chu ky so"), "2026-01-02")
    hits = repo.search_documents(db, match_expression("chu ky so"))
    assert ids(hits) == [old_title, body_new, body_old]
    assert [h.in_title for h in hits] == [True, False, False]


def test_reindex_all_rebuilds_the_index(db):
    with write_transaction(db):
        a = repo.insert_document(db, fields("Một", "hai ba"), "t")
        db.conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
    assert search(db, "hai") == []
    with write_transaction(db):
        assert repo.reindex_all(db) == 1
    assert search(db, "hai") == [a]


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("dak glei", '"dak" "glei"'),
        ("123/BC-SNV", '"123/BC-SNV"'),
        ('"dak glei" 2024', '"dak glei" "2024"'),
        ('unbalanced "quote here', '"unbalanced" "quote here"'),
        ("a - / b", '"a" "b"'),
        ("   ", ""),
        ('say "hi', '"say" "hi"'),
    ],
)
def test_match_expression_quotes_every_term(query, expression):
    assert match_expression(query) == expression


@pytest.mark.parametrize(
    "query", ["AND", "NEAR(a b)", "a OR b", "title:x", "x*", "-x", "(", '"', "^a", "a + b", "{a}"]
)
def test_fts_syntax_in_user_input_is_literal_and_never_an_error(db, query):
    with write_transaction(db):
        repo.insert_document(db, fields("and or near title x a b", "x"), "t")
    repo.search_documents(db, match_expression(query) or '""')


def test_number_symbol_is_found_as_a_phrase(db):
    with write_transaction(db):
        a = repo.insert_document(db, fields("Báo cáo", "Căn cứ Báo cáo số 123/BC-SNV ngày 5"), "t")
        repo.insert_document(db, fields("Khác", "số 123 của BC và SNV ở chỗ khác"), "t")
    assert search(db, "123/BC-SNV") == [a]
