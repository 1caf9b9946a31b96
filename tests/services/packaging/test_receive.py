"""`receive`: valid packages land read-only in the received area and in the database; every
untrusted archive is refused with a clear message and nothing written."""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile

import bagit
import pytest

from desktop.errors import UserError
from desktop.packaging import service
from desktop.packaging.receive import receive_package
from desktop.packaging.zipsafety import Limits, UnsafeArchive
from tests.services.packaging.conftest import build, unzip


@pytest.fixture
def package(evidence, tmp_path):
    return build(evidence, tmp_path / "usb")


def received_entries(root):
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def test_receive_a_package_read_only_and_recorded(office_store, package):
    row_id, received = service.receive(office_store, package.zips[0].path)
    assert received.package_id == package.package_id
    folder = received.folder
    assert folder.parent == office_store.data_dir / "received"
    assert folder.name == f"bao-cao_123-BC-UBND_2026-03-05_{package.package_id[:8]}"
    bagit.Bag(str(folder)).validate()
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files and all(not p.stat().st_mode & stat.S_IWUSR for p in files)
    rows = service.list_received(office_store)
    assert [r.id for r in rows] == [row_id]
    assert rows[0].source_organization == "ỦY BAN NHÂN DÂN HUYỆN ĐẮK GLEI"
    assert rows[0].external_identifier == "123/BC-UBND"
    assert rows[0].payload_files == 7
    document = service.received_document(office_store, row_id)
    assert document.number == 123 and document.title.startswith("Kết quả")
    with office_store.read() as db:
        from db.evidence import list_received_files

        paths = [p for p, _s, _h in list_received_files(db, row_id)]
    assert "data/minh-chung/03-số liệu.csv" in paths


def test_the_same_package_is_not_received_twice(office_store, package):
    service.receive(office_store, package.zips[0].path)
    before = received_entries(office_store.data_dir / "received")
    with pytest.raises(UserError, match="đã được nhận"):
        service.receive(office_store, package.zips[0].path)
    assert received_entries(office_store.data_dir / "received") == before


def test_receive_a_split_package_rebuilds_the_whole_bag(office_store, evidence, tmp_path):
    split = build(evidence, tmp_path / "mail", max_part_size=700_000)
    _row, received = service.receive(office_store, split.zips[0].path)
    assert received.part_count == len(split.zips)
    assert received.package_id == split.package_id
    bag = bagit.Bag(str(received.folder))
    bag.validate()
    assert "Bag-Count" not in bag.info
    assert len(received.files) == 7


def test_receive_from_an_unzipped_folder(office_store, package, tmp_path):
    folder = unzip(package.zips[0].path, tmp_path / "x")
    _row, received = service.receive(office_store, folder)
    assert received.package_id == package.package_id


def test_a_later_part_or_a_missing_part_is_refused(office_store, evidence, tmp_path):
    split = build(evidence, tmp_path / "mail", max_part_size=700_000)
    with pytest.raises(UserError, match="hãy nhận từ phần 1"):
        service.receive(office_store, split.zips[1].path)
    split.zips[1].path.unlink()
    with pytest.raises(UserError, match="Thiếu phần 2"):
        service.receive(office_store, split.zips[0].path)
    assert received_entries(office_store.data_dir / "received") == []


# --------------------------------------------------------------------------------------------
# Archives that must never be trusted. Each is built from a real package with one change.


def rebuild(package_zip, target, *, extra=(), change=None, drop=()):
    """Copy a package zip with `extra` (ZipInfo|name, data) entries added."""
    with zipfile.ZipFile(package_zip) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            if any(info.filename.endswith(d) for d in drop):
                continue
            data = src.read(info)
            if change is not None:
                data = change(info.filename, data)
            dst.writestr(info.filename, data, compress_type=info.compress_type)
        for name, data in extra:
            dst.writestr(name, data)
    return target


def top(package_zip) -> str:
    with zipfile.ZipFile(package_zip) as zf:
        return zf.namelist()[0].split("/")[0]


def link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("traversal", "“..”"),
        ("absolute", "tuyệt đối"),
        ("drive", "tuyệt đối"),
        ("symlink", "symlink"),
        ("duplicate", "trùng tên"),
        ("bomb", "bom zip"),
        ("tampered", "Tệp bị thay đổi"),
        ("missing", "Thiếu tệp"),
    ],
)
def test_untrusted_archives_are_refused_and_nothing_is_written(
    office_store, package, tmp_path, case, message
):
    source = package.zips[0].path
    bag = top(source)
    target = tmp_path / f"{case}.zip"
    if case == "traversal":
        rebuild(source, target, extra=[(f"{bag}/data/../../../evil.txt", b"x")])
    elif case == "absolute":
        rebuild(source, target, extra=[("/tmp/evil.txt", b"x")])
    elif case == "drive":
        rebuild(source, target, extra=[("C:/Windows/evil.txt", b"x")])
    elif case == "symlink":
        rebuild(source, target, extra=[(link(f"{bag}/data/minh-chung/lien-ket"), b"/etc/passwd")])
    elif case == "duplicate":
        name = unicodedata.normalize("NFD", f"{bag}/data/minh-chung/01-ẢNH LỚP TẬP HUẤN.JPG")
        rebuild(source, target, extra=[(name, b"x")])
    elif case == "bomb":  # 20 MB of zeros deflate to ~20 KB: a 1000:1 ratio
        rebuild(source, target)
        with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{bag}/data/zeros.bin", bytes(20 << 20))
    elif case == "tampered":
        rebuild(source, target, change=lambda n, d: d[:-1] + b"!" if n.endswith(".csv") else d)
    elif case == "missing":
        rebuild(source, target, drop=[".csv"])
    with pytest.raises(UserError, match=message) as info:
        service.receive(office_store, target)
    assert "không có gì được" in info.value.message
    assert received_entries(office_store.data_dir / "received") == []
    assert service.list_received(office_store) == []


def test_limits_on_file_count_and_total_size(package, tmp_path):
    root = tmp_path / "received"
    with pytest.raises(UnsafeArchive, match="vượt giới hạn 5 tệp"):
        receive_package(package.zips[0].path, root, limits=Limits(max_files=5))
    with pytest.raises(UnsafeArchive, match="vượt giới hạn"):
        receive_package(package.zips[0].path, root, limits=Limits(max_total_bytes=100_000))
    assert received_entries(root) == []


def test_a_folder_with_a_symlink_is_refused(office_store, package, tmp_path):
    folder = unzip(package.zips[0].path, tmp_path / "x")
    os.symlink("/etc/passwd", folder / "data" / "minh-chung" / "passwd")
    with pytest.raises(UserError, match="liên kết tượng trưng"):
        service.receive(office_store, folder)
    assert received_entries(office_store.data_dir / "received") == []


def test_a_plain_bagit_bag_is_not_a_report_package(office_store, tmp_path):
    folder = tmp_path / "foreign"
    folder.mkdir()
    (folder / "x.txt").write_text("x")
    bagit.make_bag(str(folder), checksums=["sha256"])
    with pytest.raises(UserError, match="không phải gói báo cáo"):
        service.receive(office_store, folder)
    assert received_entries(office_store.data_dir / "received") == []


def test_a_failing_database_write_removes_the_folder(office_store, package, monkeypatch):
    from db import evidence as repo

    def broken(*args, **kwargs):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(repo, "insert_received", broken)
    with pytest.raises(RuntimeError):
        service.receive(office_store, package.zips[0].path)
    assert received_entries(office_store.data_dir / "received") == []
