"""The size budget: will the package fit in an email, and if not, what can be done?

Called when a document is finalized (and before `baocao package` writes anything), so the clerk
learns about the limit before the package exists, not when the mail server bounces it. The
estimate reads no more than a 256 KiB sample of files whose compressibility is unknown, and only
the headers of photos for the reduction estimate.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.evidence.items import EvidenceItem
from desktop.evidence.reduce import ReduceOptions, estimate_reduced_size
from desktop.evidence.sizes import format_size
from desktop.packaging.plan import (
    COVER_RESERVE,
    PROBE_SIZE,
    first_fit_decreasing,
    part_capacity,
    should_deflate,
)

DEFAULT_EMAIL_LIMIT = 25_000_000
# A report's DOCX + PDF before they are rendered: a few hundred KB (fonts subset in the PDF).
ESTIMATED_DOCUMENTS_BYTES = 400_000
_ENTRY_OVERHEAD = 400  # headers, manifest line, metadata.json entry


@dataclass(frozen=True)
class BudgetVerdict:
    limit: int
    estimated_bytes: int
    reducible: tuple[int, ...]  # numbers of photos/scans that reduction would shrink
    estimated_after_reduction: int
    parts_needed: int  # parts of at most `limit` each (after no reduction)
    too_big: tuple[tuple[int, int], ...]  # (number, size) of items larger than one part

    @property
    def fits(self) -> bool:
        return self.estimated_bytes <= self.limit

    @property
    def message(self) -> str:
        """What the window or the CLI shows, in Vietnamese."""
        size, limit = format_size(self.estimated_bytes), format_size(self.limit)
        if self.fits:
            return f"Gói ước tính {size}, trong giới hạn gửi thư điện tử {limit}."
        lines = [f"Gói ước tính {size}, vượt giới hạn gửi thư điện tử {limit}. Có thể:"]
        if self.reducible:
            after = format_size(self.estimated_after_reduction)
            still = "" if self.estimated_after_reduction <= self.limit else ", vẫn vượt giới hạn"
            lines.append(
                f"- thu nhỏ {len(self.reducible)} ảnh/bản quét (giữ nguyên bản gốc): ước tính "
                f"còn {after}{still};"
            )
        if self.too_big:
            shown = ", ".join(f"số {n} ({format_size(s)})" for n, s in self.too_big)
            lines.append(
                f"- tài liệu minh chứng {shown} lớn hơn {limit}, không gửi qua thư điện tử được "
                "kể cả khi chia phần: hãy thu nhỏ hoặc gửi bằng USB;"
            )
        else:
            lines.append(
                f"- chia thành {self.parts_needed} phần, mỗi phần không quá {limit}, mỗi phần "
                "là một gói kiểm tra được;"
            )
        lines.append("- hoặc chép cả gói vào USB (không giới hạn dung lượng).")
        return "\n".join(lines)


def _estimated_entry(item: EvidenceItem, path: Path) -> int:
    kind = item.file_type
    try:
        with path.open("rb") as f:
            sample = f.read(PROBE_SIZE)
    except OSError:
        return item.size + _ENTRY_OVERHEAD
    if not should_deflate(kind, sample) or not sample:
        return item.size + _ENTRY_OVERHEAD
    ratio = len(zlib.compress(sample, 6)) / len(sample)
    return int(item.size * ratio) + _ENTRY_OVERHEAD


def assess_budget(
    evidence: Sequence[EvidenceItem],
    blob_path: Callable[[str], Path],
    *,
    limit: int = DEFAULT_EMAIL_LIMIT,
    documents_bytes: int = ESTIMATED_DOCUMENTS_BYTES,
    reduce_options: ReduceOptions | None = None,
) -> BudgetVerdict:
    options = reduce_options or ReduceOptions()
    sizes = {item.number: _estimated_entry(item, blob_path(item.sha256)) for item in evidence}
    fixed = documents_bytes + 4000 + _ENTRY_OVERHEAD * len(evidence)  # + metadata.json
    overhead = COVER_RESERVE // 2  # the cover sheet is ~60–120 KB in practice
    estimated = fixed + overhead + sum(sizes.values())

    reducible: list[int] = []
    after = estimated
    for item in evidence:
        if not item.file_type.image or item.reduced:
            continue
        smaller = estimate_reduced_size(blob_path(item.sha256), item.size, options)
        if smaller < item.size * 0.9:
            reducible.append(item.number)
            after -= item.size - smaller

    capacity = part_capacity(limit)
    too_big = tuple((n, s) for n, s in sorted(sizes.items()) if s > capacity)
    fitting = [s for n, s in sizes.items() if s <= capacity]
    parts = len(first_fit_decreasing(fitting, lambda s: s, capacity, min(fixed, capacity)))
    return BudgetVerdict(
        limit=limit,
        estimated_bytes=estimated,
        reducible=tuple(reducible),
        estimated_after_reduction=after,
        parts_needed=parts,
        too_big=too_big,
    )
