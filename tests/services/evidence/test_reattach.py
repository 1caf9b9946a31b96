"""reattach: the window's "Hoàn tác" after removing an evidence item puts it back unchanged."""

from __future__ import annotations

import os

import pytest

from desktop.errors import UserError
from desktop.evidence.service import (
    attach,
    collect_garbage,
    detach,
    evidence_store,
    list_evidence,
    reattach,
)
from desktop.services import documents
from tests.helpers.stores import report


@pytest.fixture
def doc_id(office_store):
    return documents.add(office_store, report())


@pytest.fixture
def three(office_store, doc_id, tmp_path):
    paths = []
    for name in ("mot.pdf", "hai.pdf", "ba.pdf"):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
        paths.append(path)
    items = attach(office_store, doc_id, paths[:1], block="I.1")
    items += attach(office_store, doc_id, paths[1:])
    return items


def test_removed_item_comes_back_at_its_number_with_caption_and_link(office_store, doc_id, three):
    before = list_evidence(office_store, doc_id)
    removed = detach(office_store, doc_id, 1)
    assert [i.caption for i in list_evidence(office_store, doc_id)] == ["hai", "ba"]
    restored = reattach(office_store, doc_id, removed)
    assert restored.number == 1 and restored.block_id == before[0].block_id
    after = list_evidence(office_store, doc_id)
    assert [(i.number, i.caption, i.sha256, i.added_at) for i in after] == [
        (i.number, i.caption, i.sha256, i.added_at) for i in before
    ]


def test_last_item_comes_back_last(office_store, doc_id, three):
    removed = detach(office_store, doc_id, 3)
    assert reattach(office_store, doc_id, removed).number == 3
    assert [i.caption for i in list_evidence(office_store, doc_id)] == ["mot", "hai", "ba"]


def test_link_to_a_deleted_section_becomes_the_whole_document(office_store, doc_id, three):
    removed = detach(office_store, doc_id, 1)
    stored = documents.get(office_store, doc_id)
    body = tuple(b for b in stored.document.body if b.id != removed.block_id)
    documents.save(
        office_store, doc_id, stored.document.with_changes(body=body),
        expected_revision=stored.revision,
    )  # fmt: skip
    assert reattach(office_store, doc_id, removed).block_id is None


def test_file_swept_from_the_store_is_refused_with_a_message(office_store, doc_id, three):
    removed = detach(office_store, doc_id, 2)
    assert removed.sha256 in collect_garbage(office_store, min_age_seconds=0)
    with pytest.raises(UserError, match="không còn trong kho"):
        reattach(office_store, doc_id, removed)
    assert not evidence_store(office_store).has(removed.sha256)
    assert [i.caption for i in list_evidence(office_store, doc_id)] == ["mot", "ba"]
