"""The size budget shown before a package is written."""

from __future__ import annotations

from PIL import Image

from desktop.evidence import filetype
from desktop.evidence.items import EvidenceItem
from desktop.evidence.reduce import ReduceOptions
from desktop.evidence.store import EvidenceStore
from desktop.packaging.budget import assess_budget


def stored_photo(store: EvidenceStore, path, number: int) -> EvidenceItem:
    Image.effect_noise((2400, 1800), 50 + number).convert("RGB").save(path, quality=95)
    blob = store.put_file(path)
    return EvidenceItem(number, f"Ảnh {number}", None, path.name, blob.size, blob.sha256,
                        filetype.JPEG.mime, "")  # fmt: skip


def test_fits(evidence):
    verdict = assess_budget(evidence.items, evidence.store.blob_path, limit=25_000_000)
    assert verdict.fits and verdict.parts_needed == 1
    assert verdict.message.startswith("Gói ước tính") and "trong giới hạn" in verdict.message
    # The CSV is estimated compressed, the photo and the PDF at full size.
    raw = sum(i.size for i in evidence.items)
    assert verdict.estimated_bytes < raw + 600_000


def test_over_the_limit_offers_reduction_and_parts(tmp_path):
    store = EvidenceStore(tmp_path / "ev")
    items = [stored_photo(store, tmp_path / f"p{n}.jpg", n) for n in range(1, 4)]
    total = sum(i.size for i in items)
    limit = total // 2
    verdict = assess_budget(
        items, store.blob_path, limit=limit, reduce_options=ReduceOptions(long_side=1200)
    )
    assert not verdict.fits
    assert verdict.reducible == (1, 2, 3)
    assert verdict.estimated_after_reduction < verdict.estimated_bytes / 2
    assert verdict.parts_needed >= 2
    message = verdict.message
    assert "vượt giới hạn" in message and "thu nhỏ 3 ảnh" in message
    assert f"chia thành {verdict.parts_needed} phần" in message and "USB" in message


def test_an_item_larger_than_the_limit_is_named(tmp_path):
    store = EvidenceStore(tmp_path / "ev")
    items = [stored_photo(store, tmp_path / "p.jpg", 1)]
    verdict = assess_budget(items, store.blob_path, limit=items[0].size // 2)
    assert verdict.too_big == ((1, verdict.too_big[0][1]),)
    assert "số 1" in verdict.message and "không gửi qua thư điện tử được" in verdict.message
