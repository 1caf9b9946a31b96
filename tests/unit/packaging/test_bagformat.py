"""BagIt text formats: what we write is what bagit-python writes; what it writes we read."""

from __future__ import annotations

import pytest

from desktop.packaging import bagformat
from desktop.packaging.bagformat import BagFormatError


def test_bagit_txt_is_exactly_bagit_pythons():
    assert bagformat.BAGIT_TXT == b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"


def test_manifest_lines_are_sorted_two_spaced_and_percent_encoded():
    text = bagformat.manifest_text(
        [("data/b.txt", "bb" * 32), ("data/a 100%\r\n.txt", "aa" * 32)]
    ).decode()
    assert text == f"{'aa' * 32}  data/a 100%25%0D%0A.txt\n{'bb' * 32}  data/b.txt\n"
    parsed = bagformat.parse_manifest(text.encode(), "manifest-sha256.txt")
    assert parsed == {"data/a 100%\r\n.txt": "aa" * 32, "data/b.txt": "bb" * 32}


def test_manifest_accepts_bagit_python_style_and_star_prefix():
    data = b"# comment\n\nABCDEF  *data/x.txt\nabcdef data/y z.txt\n"
    assert bagformat.parse_manifest(data, "m") == {"data/x.txt": "abcdef", "data/y z.txt": "abcdef"}


@pytest.mark.parametrize(
    "data",
    [b"nothex  data/x\n", b"abcdef\n", b"aa  data/x\nbb  data/x\n", b"\xff\xfe  data/x\n"],
)
def test_malformed_manifests_are_refused_with_the_file_named(data):
    with pytest.raises(BagFormatError, match=r"manifest-md5\.txt"):
        bagformat.parse_manifest(data, "manifest-md5.txt")


def test_bag_info_values_lose_line_breaks_and_parse_back():
    data = bagformat.bag_info_text(
        [("Source-Organization", "ỦY BAN NHÂN DÂN\nXÃ A"), ("Bag-Count", "2 of 3")]
    )
    assert data.decode() == "Source-Organization: ỦY BAN NHÂN DÂN XÃ A\nBag-Count: 2 of 3\n"
    fields = bagformat.parse_tag_file(data, "bag-info.txt")
    assert fields == [("Source-Organization", "ỦY BAN NHÂN DÂN XÃ A"), ("Bag-Count", "2 of 3")]


def test_tag_file_continuation_lines_and_errors():
    data = b"External-Description: first\n  second line\nBagging-Date: 2024-05-01\n"
    assert bagformat.parse_tag_file(data, "bag-info.txt") == [
        ("External-Description", "first second line"),
        ("Bagging-Date", "2024-05-01"),
    ]
    with pytest.raises(BagFormatError, match="BOM"):
        bagformat.parse_tag_file("\ufeffBagIt-Version: 1.0\n".encode(), "bagit.txt")
    with pytest.raises(BagFormatError, match="dòng 1"):
        bagformat.parse_tag_file(b"no colon here\n", "bag-info.txt")


def test_bag_count_and_manifest_names():
    assert bagformat.parse_bag_count("2 of 3") == (2, 3)
    assert bagformat.parse_bag_count("4 of 3") is None
    assert bagformat.parse_bag_count("1 of ?") is None
    assert bagformat.manifest_algorithm("manifest-sha256.txt") == (False, "sha256")
    assert bagformat.manifest_algorithm("tagmanifest-md5.txt") == (True, "md5")
    assert bagformat.manifest_algorithm("bag-info.txt") is None
    assert bagformat.payload_oxum(1234, 5) == "1234.5"
