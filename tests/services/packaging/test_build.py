"""Building packages: a valid BagIt bag (checked by the Library of Congress `bagit` library and
its command line), exact tag files, names, compression, metadata, cover sheet, split parts."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import unicodedata
import zipfile

import bagit
import pytest
from pypdf import PdfReader

from desktop.errors import Cancelled, UserError
from desktop.jobs import CancelToken
from desktop.packaging import bagformat
from desktop.packaging.builder import PackageRequest, build_package
from desktop.packaging.cover import grouped_hash
from desktop.packaging.verify import verify_package
from tests.services.packaging.conftest import MOMENT, build, fake_render, unzip


def bagit_cli_validate(folder) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bagit", "--validate", str(folder)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_package_validates_with_bagit_python(evidence, tmp_path):
    result = build(evidence, tmp_path / "usb")
    bag_dir = unzip(result.zips[0].path, tmp_path / "x")
    bag = bagit.Bag(str(bag_dir))
    bag.validate()  # raises BagValidationError on any problem
    assert bag.algorithms == ["sha256"]
    assert bag.is_valid()
    cli = bagit_cli_validate(bag_dir)
    assert cli.returncode == 0, cli.stderr
    assert "is valid" in cli.stderr


def test_tag_files_are_exactly_bagits(evidence, tmp_path):
    result = build(evidence, tmp_path / "usb")
    bag_dir = unzip(result.zips[0].path, tmp_path / "x")
    assert (bag_dir / "bagit.txt").read_bytes() == (
        b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"
    )
    assert sorted(p.name for p in bag_dir.iterdir()) == [
        "bag-info.txt", "bagit.txt", "data", "manifest-sha256.txt", "phieu-gui.pdf",
        "tagmanifest-sha256.txt",
    ]  # fmt: skip
    info = dict(bagformat.parse_tag_file((bag_dir / "bag-info.txt").read_bytes(), "bag-info.txt"))
    assert info["Source-Organization"] == "ỦY BAN NHÂN DÂN HUYỆN ĐẮK GLEI"
    assert info["External-Identifier"] == "123/BC-UBND"
    assert info["Internal-Sender-Description"] == evidence.document.title
    assert info["Bagging-Date"] == "2026-03-05"
    payload = [p for p in (bag_dir / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"
    assert "Bag-Count" not in info
    for line in (bag_dir / "manifest-sha256.txt").read_text("utf-8").splitlines():
        digest, path = line.split("  ", 1)
        assert hashlib.sha256((bag_dir / path).read_bytes()).hexdigest() == digest
    tagged = {
        line.split("  ")[1]
        for line in (bag_dir / "tagmanifest-sha256.txt").read_text().splitlines()
    }
    assert tagged == {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "phieu-gui.pdf"}


def test_layout_names_and_metadata(evidence, tmp_path):
    result = build(evidence, tmp_path / "usb")
    assert result.zips[0].path.name == "bao-cao_123-BC-UBND_2026-03-05.zip"
    bag_dir = unzip(result.zips[0].path, tmp_path / "x")
    names = sorted(
        str(p.relative_to(bag_dir)) for p in (bag_dir / "data").rglob("*") if p.is_file()
    )
    assert names == [
        "data/metadata.json",
        "data/minh-chung/01-Ảnh lớp tập huấn.jpg",
        "data/minh-chung/02-bien ban.pdf",  # typed by content: the PDF gets its extension
        "data/minh-chung/03-số liệu.csv",
        "data/minh-chung/04-ke-hoach.docx",
        "data/van-ban/bao-cao_123-BC-UBND_2026-03-05.docx",
        "data/van-ban/bao-cao_123-BC-UBND_2026-03-05.pdf",
    ]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    metadata = json.loads((bag_dir / "data/metadata.json").read_text("utf-8"))
    assert metadata["format"] == "baocao.package" and metadata["parts"] is None
    assert metadata["document"]["number_symbol"] == "123/BC-UBND"
    assert metadata["document"]["content"]["title"] == evidence.document.title
    first = metadata["evidence"][0]
    assert first["number"] == 1 and first["caption"] == "Ảnh lớp tập huấn ngày 12/3"
    assert first["section"] == "I.1" and first["block_id"] == evidence.heading_id
    assert first["sha256"] == evidence.items[0].sha256 and first["size"] == evidence.items[0].size
    assert first["path"] == "data/minh-chung/01-Ảnh lớp tập huấn.jpg"
    assert metadata["evidence"][1]["section"] is None


def test_compressed_files_are_stored_and_text_is_deflated(evidence, tmp_path):
    result = build(evidence, tmp_path / "usb")
    with zipfile.ZipFile(result.zips[0].path) as zf:
        methods = {i.filename.split("/", 1)[1]: i.compress_type for i in zf.infolist()}
        # Data descriptors: the zip was streamed once, never rewritten in place.
        assert all(i.flag_bits & 0x08 for i in zf.infolist())
    assert methods["data/minh-chung/01-Ảnh lớp tập huấn.jpg"] == zipfile.ZIP_STORED
    assert methods["data/minh-chung/02-bien ban.pdf"] == zipfile.ZIP_STORED  # random: probe says so
    assert methods["data/minh-chung/03-số liệu.csv"] == zipfile.ZIP_DEFLATED
    assert methods["data/minh-chung/04-ke-hoach.docx"] == zipfile.ZIP_STORED
    assert methods["data/metadata.json"] == zipfile.ZIP_DEFLATED
    assert methods["data/van-ban/bao-cao_123-BC-UBND_2026-03-05.pdf"] == zipfile.ZIP_DEFLATED
    assert methods["phieu-gui.pdf"] == zipfile.ZIP_STORED


def test_package_hash_is_the_manifest_hash_and_is_printed_on_the_cover(evidence, tmp_path):
    result = build(evidence, tmp_path / "usb")
    bag_dir = unzip(result.zips[0].path, tmp_path / "x")
    manifest = (bag_dir / "manifest-sha256.txt").read_bytes()
    assert result.package_id == hashlib.sha256(manifest).hexdigest()
    assert f"Baocao-Package-Id: {result.package_id}" in (bag_dir / "bag-info.txt").read_text()
    assert (bag_dir / "phieu-gui.pdf").read_bytes() == result.cover.path.read_bytes()
    reader = PdfReader(result.cover.path)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for group in grouped_hash(result.package_id).split():
        assert group in text
    assert "PHIẾU GỬI" in text and "Báo cáo số 123/BC-UBND" in text
    assert "01-Ảnh lớp tập huấn.jpg" in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert all("/FontFile2" in f.get_object()["/FontDescriptor"] for f in fonts.values()
               if "/FontDescriptor" in f.get_object())  # fmt: skip


def test_the_written_zip_hash_is_recorded_and_the_package_verifies(evidence, tmp_path):
    result = build(evidence, tmp_path / "usb")
    for written in result.files:
        assert written.path.stat().st_size == written.size
    assert result.zips[0].sha256 is None  # a zip is identified by its package hash
    assert hashlib.sha256(result.cover.path.read_bytes()).hexdigest() == result.cover.sha256
    report = verify_package(result.zips[0].path)
    assert report.ok, report.problems
    assert report.package_id == report.declared_package_id == result.package_id
    assert not [p for p in (tmp_path / "usb").iterdir() if p.name.startswith(".")]


def test_same_inputs_give_the_same_bytes(evidence, tmp_path):
    first = build(evidence, tmp_path / "a")
    second = build(evidence, tmp_path / "b")
    assert first.zips[0].path.read_bytes() == second.zips[0].path.read_bytes()


def test_split_parts_are_bags_of_their_own_that_rebuild_the_whole(evidence, tmp_path):
    limit = 700_000
    result = build(evidence, tmp_path / "mail", max_part_size=limit)
    parts = result.zips
    assert len(parts) >= 2
    seen: dict[str, str] = {}
    for index, part in enumerate(parts, start=1):
        assert part.path.name == f"bao-cao_123-BC-UBND_2026-03-05_phan-{index}-cua-{len(parts)}.zip"
        assert part.size <= limit
        bag_dir = unzip(part.path, tmp_path / f"p{index}")
        bagit.Bag(str(bag_dir)).validate()
        assert bagit_cli_validate(bag_dir).returncode == 0
        info = dict(bagformat.parse_tag_file((bag_dir / "bag-info.txt").read_bytes(), "b"))
        assert info["Bag-Count"] == f"{index} of {len(parts)}"
        assert info["Bag-Group-Identifier"] == result.plan.group_id
        manifest = bagformat.parse_manifest((bag_dir / "manifest-sha256.txt").read_bytes(), "m")
        assert not seen.keys() & manifest.keys()
        seen.update(manifest)
    assert len(seen) == 7
    assert bagformat.sha256_hex(bagformat.manifest_text(seen.items())) == result.package_id
    metadata = json.loads((tmp_path / "p1" / parts[0].path.stem / "data/metadata.json").read_text())
    assert metadata["parts"]["zip_names"] == [p.path.name for p in parts]
    assert {e["part"] for e in metadata["evidence"]} <= set(range(1, len(parts) + 1))
    report = verify_package(parts[0].path)
    assert report.ok, report.problems
    assert report.package_id == result.package_id and len(report.parts) == len(parts)


def test_no_split_when_everything_fits(evidence, tmp_path):
    result = build(evidence, tmp_path / "mail", max_part_size=25_000_000)
    assert [f.kind for f in result.files] == ["package", "cover"]


def test_a_file_bigger_than_a_part_cannot_be_emailed(evidence, tmp_path):
    with pytest.raises(UserError, match=r"số 1 .*không gửi qua thư điện tử được"):
        build(evidence, tmp_path / "mail", max_part_size=600_000)
    assert not (tmp_path / "mail").exists() or not list((tmp_path / "mail").iterdir())


def test_a_damaged_store_file_stops_the_package(evidence, tmp_path):
    blob = evidence.store.blob_path(evidence.items[2].sha256)
    os.chmod(blob, 0o644)
    data = bytearray(blob.read_bytes())
    data[100] ^= 0xFF
    blob.write_bytes(bytes(data))
    with pytest.raises(UserError, match="số 3 trong kho dữ liệu đã bị thay đổi"):
        build(evidence, tmp_path / "usb")
    assert list((tmp_path / "usb").iterdir()) == []


def test_existing_files_are_kept_unless_overwrite(evidence, tmp_path):
    build(evidence, tmp_path / "usb")
    with pytest.raises(UserError, match="--overwrite"):
        build(evidence, tmp_path / "usb")
    result = build(evidence, tmp_path / "usb", overwrite=True)
    assert verify_package(result.zips[0].path).ok


def test_cancel_leaves_nothing(evidence, tmp_path):
    token = CancelToken()

    def progress(done, total, label):
        if done > 100_000:
            token.cancel()

    request = PackageRequest(
        evidence.document, 7, 3, evidence.items, evidence.store.blob_path, fake_render,
        tmp_path / "usb", MOMENT, "baocao",
    )  # fmt: skip
    with pytest.raises(Cancelled):
        build_package(request, progress=progress, cancel=token)
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_long_file_list_keeps_the_cover_on_one_page(evidence, tmp_path):
    from desktop.evidence.items import EvidenceItem

    many = [
        EvidenceItem(
            n,
            f"Ảnh hiện trường số {n} tại thôn {n}",
            None,
            f"anh-{n}.jpg",
            i.size,
            i.sha256,
            i.mime,
            i.added_at,
        )
        for n, i in enumerate([evidence.items[3]] * 60, start=1)
    ]
    result = build(evidence, tmp_path / "usb", items=many)
    reader = PdfReader(result.cover.path)
    assert len(reader.pages) == 1
    assert "tệp khác" in reader.pages[0].extract_text()


def test_packaging_streams_large_files(evidence, tmp_path):
    """A 48 MB scan goes through in chunks: Python allocations stay far below its size."""
    import tracemalloc

    from desktop.evidence import filetype
    from desktop.evidence.items import EvidenceItem

    scan = tmp_path / "scan.pdf"
    with scan.open("wb") as f:
        f.write(b"%PDF-1.4\n")
        for _ in range(12):
            f.write(os.urandom(4 << 20))
    tracemalloc.start()
    try:
        blob = evidence.store.put_file(scan)
        _, attach_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        item = EvidenceItem(1, "Bản quét", None, scan.name, blob.size, blob.sha256,
                            filetype.PDF.mime, "")  # fmt: skip
        build(evidence, tmp_path / "usb", items=[item])
        _, package_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert attach_peak < 12 << 20
    assert package_peak < 40 << 20  # a few 4 MiB chunks in flight, never the whole file
