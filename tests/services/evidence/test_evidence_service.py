"""attach / evidence / detach / captions through the store, as the CLI and the window use them."""

from __future__ import annotations

import os

import pytest

from desktop.errors import NotFoundError, UserError
from desktop.evidence import filetype
from desktop.evidence.service import (
    attach,
    collect_garbage,
    detach,
    evidence_store,
    list_evidence,
    set_caption,
)
from desktop.services import documents
from tests.helpers.stores import report


@pytest.fixture
def doc_id(office_store):
    return documents.add(office_store, report())


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "tep goc"
    folder.mkdir()
    (folder / "Biên_bản kiểm tra.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(5000))
    (folder / "anh lop").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(3000))  # no extension
    (folder / "so-lieu.xlsx").write_bytes("Chỉ tiêu;Số\nA;1\nB;2\n".encode())  # really CSV
    return folder


def heading_id(store, doc_id, level_text):
    document = documents.get(store, doc_id).document
    return next(b.id for b in document.body if getattr(b, "text", "") == level_text)


def test_attach_numbers_types_and_links(office_store, doc_id, files):
    items = attach(office_store, doc_id, [files / "Biên_bản kiểm tra.pdf"], block="I.1")
    items += attach(office_store, doc_id, [files / "anh lop", files / "so-lieu.xlsx"],
                    caption="Ảnh và số liệu")  # fmt: skip
    assert [i.number for i in items] == [1, 2, 3]
    assert [i.file_type for i in items] == [filetype.PDF, filetype.JPEG, filetype.CSV]
    assert items[0].caption == "Biên bản kiểm tra"  # from the file name, underscores as spaces
    assert items[0].block_id == heading_id(office_store, doc_id, "Hạ tầng số")
    assert items[1].caption == items[2].caption == "Ảnh và số liệu"
    assert items[1].block_id is None
    listed = list_evidence(office_store, doc_id)
    assert listed == items
    blobs = evidence_store(office_store)
    assert all(blobs.verify(i.sha256) for i in listed)
    assert blobs.root == office_store.data_dir / "evidence"


def test_detach_renumbers_consecutively_and_keeps_the_file(office_store, doc_id, files):
    attach(office_store, doc_id, sorted(files.iterdir()))
    removed = detach(office_store, doc_id, 2)
    remaining = list_evidence(office_store, doc_id)
    assert [i.number for i in remaining] == [1, 2]
    assert removed.sha256 not in [i.sha256 for i in remaining]
    assert evidence_store(office_store).has(removed.sha256)
    with pytest.raises(NotFoundError, match="từ 1 đến 2"):
        detach(office_store, doc_id, 5)


def test_one_bad_file_refuses_the_whole_command(office_store, doc_id, files):
    with pytest.raises(UserError, match="Không tìm thấy"):
        attach(office_store, doc_id, [files / "anh lop", files / "khong-co.pdf"])
    assert list_evidence(office_store, doc_id) == []
    assert not list(evidence_store(office_store).iter_hashes())  # nothing was copied


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("setup.exe", b"MZ\x90\x00" + b"\0" * 100, "chương trình"),
        ("chay.bat", b"@echo off\n", "tệp lệnh"),
        ("rong.pdf", b"", "rỗng"),
    ],
)
def test_programs_and_empty_files_are_refused(office_store, doc_id, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError, match=message):
        attach(office_store, doc_id, [path])


def test_unknown_section_and_unknown_document(office_store, doc_id, files):
    with pytest.raises(UserError, match="không có mục “IX”"):
        attach(office_store, doc_id, [files / "anh lop"], block="IX")
    with pytest.raises(NotFoundError):
        attach(office_store, 999, [files / "anh lop"])
    with pytest.raises(UserError, match="hai lần"):
        attach(office_store, doc_id, [files / "anh lop", files / "anh lop"])


def test_caption_rules(office_store, doc_id, files):
    with pytest.raises(UserError, match="điều khiển"):
        attach(office_store, doc_id, [files / "anh lop"], caption="Ảnh\x07")
    attach(office_store, doc_id, [files / "anh lop"], caption="  Ảnh   lớp  ")
    item = list_evidence(office_store, doc_id)[0]
    assert item.caption == "Ảnh lớp"
    item = set_caption(office_store, doc_id, 1, caption="Ảnh lớp tập huấn", block="I.1.a")
    assert item.caption == "Ảnh lớp tập huấn" and item.block_id is not None
    item = set_caption(office_store, doc_id, 1, unlink_block=True)
    assert item.block_id is None and item.caption == "Ảnh lớp tập huấn"


def test_a_document_in_the_recycle_bin_is_not_edited(office_store, doc_id, files):
    documents.delete(office_store, doc_id)
    with pytest.raises(UserError, match="thùng rác"):
        attach(office_store, doc_id, [files / "anh lop"])


def test_garbage_collection_only_removes_what_nothing_uses(office_store, doc_id, files):
    attach(office_store, doc_id, [files / "anh lop", files / "so-lieu.xlsx"])
    gone = detach(office_store, doc_id, 1)
    assert collect_garbage(office_store, min_age_seconds=-1) == [gone.sha256]
    assert evidence_store(office_store).has(list_evidence(office_store, doc_id)[0].sha256)


def test_purging_a_document_removes_its_items(office_store, doc_id, files):
    attach(office_store, doc_id, [files / "anh lop"])
    documents.delete(office_store, doc_id)
    documents.purge(office_store, doc_id)
    with office_store.read() as db:
        assert db.conn.execute("SELECT count(*) FROM evidence_items").fetchone()[0] == 0
