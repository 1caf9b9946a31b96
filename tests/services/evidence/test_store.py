"""The content-addressed store: copy while hashing, dedup, originals untouched, clean refusals."""

from __future__ import annotations

import errno
import hashlib
import os
import stat

import pytest

from desktop.errors import Cancelled, UserError
from desktop.evidence import store as store_module
from desktop.evidence.store import EvidenceStore
from desktop.jobs import CancelToken


def test_put_copies_hashes_and_leaves_the_original_alone(tmp_path):
    source = tmp_path / "Biên bản.pdf"
    data = b"%PDF-1.4\n" + os.urandom(10 << 20)  # several chunks
    source.write_bytes(data)
    before = source.stat()
    blobs = EvidenceStore(tmp_path / "evidence")
    seen = []
    blob = blobs.put_file(source, progress=lambda done, total, label: seen.append((done, total)))
    digest = hashlib.sha256(data).hexdigest()
    assert blob.sha256 == digest and blob.size == len(data)
    assert blob.path == tmp_path / "evidence" / "sha256" / digest[:2] / digest[2:]
    assert blob.path.read_bytes() == data
    assert not blob.path.stat().st_mode & stat.S_IWUSR  # stored files are read-only
    after = source.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert source.read_bytes() == data
    assert seen[-1] == (len(data), len(data)) and len(seen) >= 3
    assert blobs.verify(digest)
    assert list(blobs.iter_hashes()) == [digest]
    assert not any((tmp_path / "evidence" / "tmp").iterdir())


def test_the_same_content_is_stored_once(tmp_path):
    blobs = EvidenceStore(tmp_path / "evidence")
    (tmp_path / "a.jpg").write_bytes(b"\xff\xd8\xff same")
    (tmp_path / "b.jpg").write_bytes(b"\xff\xd8\xff same")
    first = blobs.put_file(tmp_path / "a.jpg")
    second = blobs.put_file(tmp_path / "b.jpg")
    third = blobs.put_bytes(b"\xff\xd8\xff same")
    assert first.sha256 == second.sha256 == third.sha256
    assert len(list(blobs.iter_hashes())) == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "Không tìm thấy"),
        (lambda p: p.mkdir(), "thư mục"),
        (lambda p: p.write_bytes(b""), "rỗng"),
        (lambda p: p.write_bytes(b"x" * 101), "vượt giới hạn"),
    ],
)
def test_refusals(tmp_path, make, message):
    path = tmp_path / "x.pdf"
    make(path)
    blobs = EvidenceStore(tmp_path / "evidence", max_file_size=100)
    with pytest.raises(UserError, match=message):
        blobs.put_file(path)
    assert not list(blobs.iter_hashes())


def test_a_full_store_disk_leaves_no_partial_file(tmp_path, monkeypatch):
    source = tmp_path / "scan.pdf"
    source.write_bytes(os.urandom(9 << 20))
    blobs = EvidenceStore(tmp_path / "evidence")

    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "fsync", full)
    with pytest.raises(UserError, match="Ổ đĩa đã đầy"):
        blobs.put_file(source)
    monkeypatch.setattr(store_module.os, "fsync", real_fsync)
    assert not list(blobs.iter_hashes())
    assert not list((tmp_path / "evidence" / "tmp").iterdir())


def test_cancel_between_chunks_leaves_nothing(tmp_path):
    source = tmp_path / "scan.pdf"
    source.write_bytes(os.urandom(9 << 20))
    blobs = EvidenceStore(tmp_path / "evidence")
    token = CancelToken()

    def progress(done, total, label):
        token.cancel()

    with pytest.raises(Cancelled):
        blobs.put_file(source, progress=progress, cancel=token)
    assert not list(blobs.iter_hashes())
    assert not list((tmp_path / "evidence" / "tmp").iterdir())


def test_verify_notices_a_damaged_blob(tmp_path):
    blobs = EvidenceStore(tmp_path / "evidence")
    blob = blobs.put_bytes(b"content")
    os.chmod(blob.path, 0o644)
    blob.path.write_bytes(b"tampered")
    assert not blobs.verify(blob.sha256)


def test_remove_unreferenced_keeps_what_is_needed_and_what_is_recent(tmp_path):
    blobs = EvidenceStore(tmp_path / "evidence")
    keep = blobs.put_bytes(b"keep")
    drop = blobs.put_bytes(b"drop")
    assert blobs.remove_unreferenced({keep.sha256}) == []  # too recent: an attach may be running
    assert blobs.remove_unreferenced({keep.sha256}, min_age_seconds=-1) == [drop.sha256]
    assert blobs.has(keep.sha256) and not blobs.has(drop.sha256)
