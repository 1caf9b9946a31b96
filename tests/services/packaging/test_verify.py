"""`verify`: complete and unchanged, or every problem named."""

from __future__ import annotations

import shutil
import zipfile

import bagit
import pytest

from desktop.errors import UserError
from desktop.packaging.verify import (
    CHANGED,
    EXTRA,
    MISSING,
    PART_MISSING,
    verify_package,
)
from tests.services.packaging.conftest import build, unzip

CSV = "data/minh-chung/03-số liệu.csv"
JPG = "data/minh-chung/01-Ảnh lớp tập huấn.jpg"


def kinds(report):
    return {(p.kind, p.path) for p in report.problems}


@pytest.fixture
def package(evidence, tmp_path):
    return build(evidence, tmp_path / "usb")


def rezip(source, target, change):
    """Copy a zip entry by entry; `change(name, data)` returns new data or None to drop it."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info.filename, data)
    return target


def test_a_valid_zip_and_its_unzipped_folder(package, tmp_path):
    report = verify_package(package.zips[0].path)
    assert report.ok and report.file_count == 7
    folder = unzip(package.zips[0].path, tmp_path / "x")
    assert verify_package(folder).ok
    assert verify_package(folder.parent).ok  # the folder holding the bag folder


def test_changed_missing_and_extra_files_are_named(package, tmp_path):
    folder = unzip(package.zips[0].path, tmp_path / "x")
    (folder / CSV).write_text("tampered", encoding="utf-8")
    (folder / JPG).unlink()
    (folder / "data/minh-chung/99-them.pdf").write_bytes(b"%PDF")
    report = verify_package(folder)
    assert not report.ok
    assert {(CHANGED, CSV), (MISSING, JPG), (EXTRA, "data/minh-chung/99-them.pdf")} <= kinds(report)
    messages = " ".join(p.message for p in report.problems)
    assert "Tệp bị thay đổi" in messages and "Thiếu tệp" in messages and "Tệp thừa" in messages
    assert any("Payload-Oxum" in p.message for p in report.problems)


def test_a_changed_file_inside_the_zip(package, tmp_path):
    bad = rezip(package.zips[0].path, tmp_path / "bad.zip",
                lambda name, data: b"x" + data[1:] if name.endswith(".csv") else data)  # fmt: skip
    report = verify_package(bad)
    assert kinds(report) == {(CHANGED, CSV)}


def test_a_consistently_forged_manifest_no_longer_matches_the_printed_hash(package, tmp_path):
    """Someone replaces a file and recomputes the manifests: only the package hash (in bag-info
    and on the printed cover sheet) gives it away."""
    folder = unzip(package.zips[0].path, tmp_path / "x")
    (folder / CSV).write_text("số liệu khác", encoding="utf-8")
    bag = bagit.Bag(str(folder))
    bag.save(manifests=True)  # rewrites manifest, Payload-Oxum and tag manifest
    report = verify_package(folder)
    assert report.package_id != package.package_id
    assert {p.kind for p in report.problems} == {CHANGED}
    messages = [p.message for p in report.problems]
    assert any("phiếu" in m for m in messages)  # the printed package hash
    assert any("metadata.json" in m and CSV in m for m in messages)  # and the listing


def test_truncated_or_foreign_files_get_a_clear_message(package, tmp_path):
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(package.zips[0].path.read_bytes()[:5000])
    with pytest.raises(UserError, match="không phải tệp nén ZIP hợp lệ"):
        verify_package(truncated)
    with pytest.raises(UserError, match="Không tìm thấy"):
        verify_package(tmp_path / "khong-co.zip")
    plain = rezip(package.zips[0].path, tmp_path / "plain.zip",
                  lambda name, data: None if name.endswith("bagit.txt") else data)  # fmt: skip
    with pytest.raises(UserError, match=r"bagit\.txt"):
        verify_package(plain)


def test_a_bag_made_by_bagit_python_verifies(tmp_path):
    folder = tmp_path / "foreign"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "báo cáo.txt").write_text("nội dung", encoding="utf-8")
    (folder / "a.bin").write_bytes(b"\x00\x01" * 1000)
    bagit.make_bag(str(folder), {"Source-Organization": "Sở Nội vụ"}, checksums=["sha256", "md5"])
    report = verify_package(folder)
    assert report.ok, report.problems
    assert report.package_id is not None and report.declared_package_id is None
    (folder / "data" / "a.bin").write_bytes(b"changed")
    assert (CHANGED, "data/a.bin") in kinds(verify_package(folder))


@pytest.fixture
def split(evidence, tmp_path):
    return build(evidence, tmp_path / "mail", max_part_size=700_000)


def test_split_package_from_its_first_part(split):
    report = verify_package(split.zips[0].path)
    assert report.ok and len(report.parts) == len(split.zips)
    assert report.package_id == split.package_id


def test_a_missing_part_is_named_with_its_files(split):
    last = split.zips[-1].path
    last.unlink()
    report = verify_package(split.zips[0].path)
    assert not report.ok and report.package_id is None
    assert (PART_MISSING, last.name) in kinds(report)
    assert any(p.kind == MISSING and "phần bị thiếu" in p.message for p in report.problems)


def test_renamed_parts_are_found_by_their_group(split, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    for index, part in enumerate(split.zips, start=1):
        shutil.copy(part.path, folder / f"goi ({index}).zip")
    report = verify_package(folder / "goi (1).zip")
    assert report.ok, report.problems
    assert any("tên khác" in note for note in report.notes)


def test_a_later_part_alone_is_checked_and_explained(split):
    report = verify_package(split.zips[1].path)
    assert report.ok and report.package_id is None
    assert "chỉ định phần 1" in report.notes[0]


def test_a_part_of_another_package_is_refused(split, evidence, tmp_path):
    other = build(
        evidence,
        tmp_path / "other",
        max_part_size=700_000,
        now=split.plan.created.replace(year=2027),
    )
    shutil.copy(other.zips[1].path, split.zips[1].path)
    report = verify_package(split.zips[0].path)
    assert not report.ok
    assert any("không phải phần 2" in p.message for p in report.problems)
