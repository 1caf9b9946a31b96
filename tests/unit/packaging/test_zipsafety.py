"""Every refusal of `zipsafety`, each with a zip crafted here (in memory)."""

from __future__ import annotations

import io
import stat
import unicodedata
import zipfile

import pytest

from desktop.packaging.zipsafety import Limits, UnsafeArchive, check_archive, check_path


def make_zip(entries, *, compression=zipfile.ZIP_DEFLATED) -> zipfile.ZipFile:
    """entries: (name, data) or (ZipInfo, data)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


def unix_entry(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    return info


def test_a_normal_bag_passes():
    zf = make_zip([("bag/bagit.txt", b"x"), ("bag/data/Ảnh 1.jpg", b"y" * 100)])
    entries = check_archive(zf)
    assert [e.path for e in entries] == ["bag/bagit.txt", "bag/data/Ảnh 1.jpg"]


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("bag/../../etc/passwd", "“..”"),
        ("../x", "“..”"),
        ("/etc/passwd", "tuyệt đối"),
        ("C:/Windows/system32/x.dll", "tuyệt đối"),
        ("c:x", "tuyệt đối"),
        ("bag\\..\\x", "dấu “\\”"),
        ("bag/data/a\x00b", "ký tự điều khiển"),
        ("bag//data/x", "không hợp lệ"),
        ("bag/./x", "không hợp lệ"),
        ("bag/data/file.txt:stream", "“:”"),
    ],
)
def test_paths_that_could_escape_are_refused(name, why):
    with pytest.raises(UnsafeArchive) as info:
        check_path(name)
    assert why in info.value.message
    assert "không có gì được giải nén" in info.value.message


def test_symlinks_and_devices_are_refused():
    link = unix_entry("bag/data/link", stat.S_IFLNK | 0o777)
    with pytest.raises(UnsafeArchive, match="symlink"):
        check_archive(make_zip([(link, b"/etc/passwd")]))
    for mode in (stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK):
        device = unix_entry("bag/data/dev", mode | 0o644)
        with pytest.raises(UnsafeArchive, match="thiết bị"):
            check_archive(make_zip([(device, b"")]))


def test_windows_made_entries_are_not_misread_as_links():
    info = zipfile.ZipInfo("bag/data/x.txt")
    info.create_system = 0  # MS-DOS: external_attr holds DOS attributes, not a Unix mode
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    assert check_archive(make_zip([(info, b"x")]))


def test_duplicate_names_after_nfc_and_case_folding_are_refused():
    nfd = unicodedata.normalize("NFD", "bag/data/ảnh.jpg")
    with pytest.raises(UnsafeArchive, match="trùng tên"):
        check_archive(make_zip([("bag/data/Ảnh.JPG", b"1"), (nfd, b"2")]))
    with pytest.warns(UserWarning):  # zipfile itself warns about exact duplicates
        zf = make_zip([("bag/data/x", b"1"), ("bag/data/x", b"2")])
    with pytest.raises(UnsafeArchive, match="trùng tên"):
        check_archive(zf)


def test_a_file_used_as_a_folder_is_refused():
    with pytest.raises(UnsafeArchive, match="thư mục"):
        check_archive(make_zip([("bag/data/x", b"1"), ("bag/data/x/y", b"2")]))


def test_encrypted_and_exotic_methods_are_refused():
    zf = make_zip([("bag/data/x", b"1")])
    zf.infolist()[0].flag_bits |= 0x1
    with pytest.raises(UnsafeArchive, match="mật khẩu"):
        check_archive(zf)
    zf = make_zip([("bag/data/x", b"1")], compression=zipfile.ZIP_BZIP2)
    with pytest.raises(UnsafeArchive, match="phương thức nén"):
        check_archive(zf)


def test_too_many_files():
    zf = make_zip([(f"bag/data/{i}", b"") for i in range(11)])
    with pytest.raises(UnsafeArchive, match="11 tệp"):
        check_archive(zf, Limits(max_files=10))


def test_zip_bomb_by_entry_ratio():
    bomb = make_zip([("bag/data/zeros", bytes(5 << 20))])  # 5 MB of zeros → ~5 KB
    with pytest.raises(UnsafeArchive, match="bom zip"):
        check_archive(bomb)


def test_zip_bomb_by_total_size_from_declared_sizes():
    zf = make_zip([("bag/data/a", b"x" * 1000), ("bag/data/b", b"y" * 1000)])
    with pytest.raises(UnsafeArchive, match="vượt giới hạn"):
        check_archive(zf, Limits(max_total_bytes=1500))


def test_small_compressible_files_are_fine():
    # A short, repetitive CSV compresses 100× and more; that is not a bomb.
    zf = make_zip([("bag/data/so-lieu.csv", b"a;b;c\n" * 50_000)])
    assert check_archive(zf)
