"""Reducing photos and scans: never enlarged, upright, printed size kept, original kept."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from desktop.errors import UserError
from desktop.evidence import filetype
from desktop.evidence.reduce import (
    NotReducible,
    ReduceOptions,
    estimate_reduced_size,
    reduce_image,
)
from desktop.evidence.service import (
    attach,
    evidence_store,
    list_evidence,
    reduce_evidence,
    restore_original,
)
from desktop.services import documents
from tests.helpers.stores import report


def photo(path, size=(2400, 1800), orientation=None, quality=95):
    image = Image.effect_noise(size, 40).convert("RGB")
    exif = Image.Exif()
    exif[0x0132] = "2026:03:05 08:00:00"  # DateTime
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def scan(path, dpi=600, mode="L", size_in=(8.27, 11.69), fmt="TIFF", **kw):
    w, h = int(size_in[0] * dpi), int(size_in[1] * dpi)
    image = (
        Image.effect_noise((w, h), 30).convert(mode) if mode != "1" else Image.new("1", (w, h), 1)
    )
    image.save(path, fmt, dpi=(dpi, dpi), **kw)
    return path


def test_photo_long_side_and_exif(tmp_path):
    source = photo(tmp_path / "p.jpg")
    out = reduce_image(source, ReduceOptions(long_side=1200))
    image = Image.open(io.BytesIO(out.data))
    assert out.mime == "image/jpeg" and image.size == (1200, 900)
    assert image.getexif()[0x0132] == "2026:03:05 08:00:00"  # the date taken survives
    assert len(out.data) < source.stat().st_size


def test_exif_orientation_is_applied(tmp_path):
    source = photo(tmp_path / "p.jpg", orientation=6)  # rotate 90° clockwise
    image = Image.open(io.BytesIO(reduce_image(source, ReduceOptions(long_side=1200)).data))
    assert image.size == (900, 1200)  # upright: portrait
    assert image.getexif().get(0x0112, 1) == 1


def test_scans_are_resampled_to_the_target_dpi_keeping_the_paper_size(tmp_path):
    source = scan(tmp_path / "s.tif", dpi=300)
    out = reduce_image(source, ReduceOptions(dpi=150))
    image = Image.open(io.BytesIO(out.data))
    assert image.size[0] == pytest.approx(1240, abs=1) and image.size[1] == pytest.approx(
        1754, abs=1
    )
    assert image.info["dpi"][0] == pytest.approx(150, abs=1)
    assert image.mode == "L"


def test_bilevel_scans_stay_lossless_png(tmp_path):
    source = scan(tmp_path / "s.png", dpi=300, mode="1", fmt="PNG")
    out = reduce_image(source, ReduceOptions(dpi=100))
    assert out.mime == "image/png"
    assert Image.open(io.BytesIO(out.data)).mode == "1"


def test_multi_page_tiff_stays_one_file(tmp_path):
    pages = [Image.effect_noise((1240, 1754), 30).convert("L") for _ in range(3)]
    source = tmp_path / "m.tif"
    pages[0].save(source, "TIFF", save_all=True, append_images=pages[1:], dpi=(150, 150))
    out = reduce_image(source, ReduceOptions(dpi=100))
    image = Image.open(io.BytesIO(out.data))
    assert out.mime == "image/tiff" and image.n_frames == 3
    assert image.size[0] == pytest.approx(827, abs=1) and image.size[1] == pytest.approx(
        1169, abs=1
    )


def test_never_enlarged_and_small_gains_are_not_worth_it(tmp_path):
    small = photo(tmp_path / "small.jpg", size=(800, 600), quality=70)
    with pytest.raises(NotReducible, match="đủ nhỏ"):
        reduce_image(small, ReduceOptions(long_side=2000))
    gif = tmp_path / "a.gif"
    frames = [Image.effect_noise((50, 50), 60 + 20 * i).convert("P") for i in range(3)]
    frames[0].save(gif, save_all=True, append_images=frames[1:])
    with pytest.raises(NotReducible, match="GIF"):
        reduce_image(gif, ReduceOptions())
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(100))
    with pytest.raises(NotReducible, match="không đọc được"):
        reduce_image(broken, ReduceOptions())


def test_estimate_is_close_for_jpeg(tmp_path):
    source = photo(tmp_path / "p.jpg")
    estimate = estimate_reduced_size(source, source.stat().st_size, ReduceOptions(long_side=1200))
    actual = len(reduce_image(source, ReduceOptions(long_side=1200)).data)
    assert actual / 3 < estimate < actual * 3


def test_options_are_checked():
    with pytest.raises(UserError, match="Chất lượng"):
        ReduceOptions(quality=99)
    with pytest.raises(UserError, match="Cạnh dài"):
        ReduceOptions(long_side=10)


def test_service_reduces_keeps_and_restores_the_original(office_store, tmp_path):
    doc_id = documents.add(office_store, report())
    big = photo(tmp_path / "lop tap huan.jpg")
    pdf = tmp_path / "qd.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(1000))
    attach(office_store, doc_id, [big, pdf])
    original = list_evidence(office_store, doc_id)[0]

    results = reduce_evidence(office_store, doc_id, None, ReduceOptions(long_side=1200))
    assert results[0].saved > 0 and not results[0].skipped
    assert "PDF" in results[1].skipped
    reduced = list_evidence(office_store, doc_id)[0]
    assert reduced.reduced and reduced.original_sha256 == original.sha256
    assert reduced.original_size == original.size and reduced.saved_bytes == results[0].saved
    assert reduced.file_type is filetype.JPEG
    blobs = evidence_store(office_store)
    assert blobs.verify(original.sha256) and blobs.verify(reduced.sha256)

    # Again with other settings: from the original, not from the reduced copy.
    again = reduce_evidence(office_store, doc_id, [1], ReduceOptions(long_side=800))
    assert again[0].before == original.size
    assert list_evidence(office_store, doc_id)[0].original_sha256 == original.sha256

    restored = restore_original(office_store, doc_id, 1)
    assert restored.sha256 == original.sha256 and not restored.reduced
    with pytest.raises(UserError, match="chưa được thu nhỏ"):
        restore_original(office_store, doc_id, 1)
